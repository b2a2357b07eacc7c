//! Team-of-teams coordination: the dependency handshake as a state machine, what is stuck
//! or misaligned, the matrix of who asks whom, what each team is asked for and waits on,
//! the decision log's filters and revisit dates, and the board-wide risk list. Pure
//! functions of the board (and `now` where time matters).

use super::model::{
    Board, Decision, DecisionKind, Dependency, DependencyState, Id, Initiative, Severity,
};
use super::time::{Date, Now};

/// A step in the handshake between the asking and the providing team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The providing team agrees to deliver (from `requested`).
    Accept,
    /// The providing team says no (from `requested`, or from `accepted` when it can no
    /// longer deliver).
    Decline,
    /// The providing team has delivered (from `accepted`).
    Deliver,
    /// Ask again after a refusal (from `declined`), or reopen a delivery that fell short
    /// (from `delivered`, back to `accepted`).
    Reopen,
}

impl Step {
    /// Every step, the ones that carry a request forward before the one that refuses it: the
    /// order a request's buttons show in, so the first is the usual next step.
    pub const ALL: [Step; 4] = [Step::Accept, Step::Deliver, Step::Decline, Step::Reopen];

    /// The step's name in code and markup ("accept").
    pub fn key(self) -> &'static str {
        match self {
            Step::Accept => "accept",
            Step::Decline => "decline",
            Step::Deliver => "deliver",
            Step::Reopen => "reopen",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Accept => "Accept",
            Step::Decline => "Decline",
            Step::Deliver => "Mark delivered",
            Step::Reopen => "Reopen",
        }
    }
}

/// Where `step` takes a dependency in state `from`, or why it cannot be taken.
pub fn transition(from: DependencyState, step: Step) -> Result<DependencyState, String> {
    use DependencyState::*;
    match (from, step) {
        (Requested, Step::Accept) => Ok(Accepted),
        (Requested | Accepted, Step::Decline) => Ok(Declined),
        (Accepted, Step::Deliver) => Ok(Delivered),
        (Declined, Step::Reopen) => Ok(Requested),
        (Delivered, Step::Reopen) => Ok(Accepted),
        (from, step) => Err(format!(
            "{} {} dependency cannot be {}",
            if from == Accepted { "an" } else { "a" },
            from.key(),
            match step {
                Step::Accept => "accepted: only a requested one can",
                Step::Decline => "declined: only a requested or accepted one can",
                Step::Deliver => "marked delivered: it must be accepted first",
                Step::Reopen => "reopened: only a declined or delivered one can",
            }
        )),
    }
}

/// The steps open to a dependency in state `from`.
pub fn steps(from: DependencyState) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|step| transition(from, *step).is_ok())
        .collect()
}

/// Why a dependency needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Requested and not answered after more than `rhythm.checkInDays` days.
    Unanswered { days: i64 },
    /// Declined while the asking initiative is still active, so still counts on it.
    DeclinedButCounted,
    /// Accepted, its due date passed, not delivered.
    Late { due: Date },
    /// The asking initiative serves active priorities, and the providing team has no
    /// active initiative serving any of them: the teams pull in different directions.
    Misaligned,
}

impl Flag {
    /// The flag in words; a late one counts the days past due from `today`, the person's
    /// day.
    pub fn describe(&self, today: Date) -> String {
        match self {
            Flag::Unanswered { days } => format!("unanswered for {days} days"),
            Flag::DeclinedButCounted => "declined, but the asking work still counts on it".into(),
            Flag::Late { due } => {
                format!("accepted, {}, not delivered", super::days::due(*due, today))
            }
            Flag::Misaligned => {
                "the providing team has no work on the priorities this serves".into()
            }
        }
    }

    /// Stuck flags block work; misalignment is a question for the leads.
    pub fn is_stuck(&self) -> bool {
        !matches!(self, Flag::Misaligned)
    }
}

/// What is wrong with a dependency at `now` (late counts the person's days). Dependencies of finished work (the asking
/// initiative done or dropped) raise nothing.
pub fn flags(board: &Board, dependency: &Dependency, now: Now) -> Vec<Flag> {
    let Some(asking) = board.initiative(&dependency.from_initiative_id) else {
        return Vec::new();
    };
    let mut out = stuck(board, asking, dependency, now);
    if asking.status.is_active() && dependency.state != DependencyState::Delivered {
        let served: Vec<&Id> = asking
            .priority_ids
            .iter()
            .filter(|p| board.priority(p).is_some_and(|p| p.is_active()))
            .collect();
        let provider_serves = board.initiatives.iter().any(|i| {
            i.team_id == dependency.to_team_id
                && i.status.is_active()
                && i.priority_ids.iter().any(|p| served.contains(&p))
        });
        if !served.is_empty() && !provider_serves {
            out.push(Flag::Misaligned);
        }
    }
    out
}

/// The flags of `flags` that say a dependency is stuck (all but misalignment, which looks
/// through every initiative), for a dependency that `asking` asked for.
pub fn stuck(board: &Board, asking: &Initiative, dependency: &Dependency, now: Now) -> Vec<Flag> {
    let mut out = Vec::new();
    if !asking.status.is_active() {
        return out;
    }
    match dependency.state {
        DependencyState::Requested => {
            let days = super::rhythm::days_ago(dependency.requested_at, now);
            if days > i64::from(board.rhythm.check_in_days) {
                out.push(Flag::Unanswered { days });
            }
        }
        DependencyState::Declined => out.push(Flag::DeclinedButCounted),
        DependencyState::Accepted => {
            let due = dependency.promised.or(dependency.due);
            if let Some(due) = due.filter(|due| *due < now.today()) {
                out.push(Flag::Late { due });
            }
        }
        DependencyState::Delivered => {}
    }
    out
}

/// The team that asks for a dependency (its initiative's team).
pub fn asking_team<'a>(board: &'a Board, dependency: &Dependency) -> Option<&'a str> {
    board
        .initiative(&dependency.from_initiative_id)
        .map(|i| i.team_id.as_str())
}

/// Whether a request is still open: not delivered, and the work that asked for it is still
/// under way (done or dropped, it needs nothing more).
pub fn is_open(board: &Board, dependency: &Dependency) -> bool {
    dependency.state != DependencyState::Delivered
        && board
            .initiative(&dependency.from_initiative_id)
            .is_some_and(|asking| asking.status.is_active())
}

/// Whether Coordination lists the request, in the list of the team it asks: it is open,
/// that team is on the board, and the board has the two teams or more that Coordination
/// needs to show its lists.
pub fn listed(board: &Board, id: &str) -> bool {
    board.teams.len() >= 2
        && board
            .dependencies
            .iter()
            .any(|d| d.id == id && is_open(board, d) && board.team(&d.to_team_id).is_some())
}

/// Open requests asked of `team` (`is_open`), by index, the oldest request first.
pub fn asked_of(board: &Board, team: &str) -> Vec<usize> {
    oldest_first(board, |dep| dep.to_team_id == team && is_open(board, dep))
}

/// Requests `team` has delivered while the work that asked for them is still under way, by
/// index, the oldest request first: a delivery that fell short may still be reopened.
pub fn delivered_by(board: &Board, team: &str) -> Vec<usize> {
    oldest_first(board, |dep| {
        dep.to_team_id == team
            && dep.state == DependencyState::Delivered
            && board
                .initiative(&dep.from_initiative_id)
                .is_some_and(|asking| asking.status.is_active())
    })
}

/// Open requests (`is_open`) `team`'s initiatives wait on, by index, oldest first.
pub fn waiting_on(board: &Board, team: &str) -> Vec<usize> {
    oldest_first(board, |dep| {
        is_open(board, dep) && asking_team(board, dep) == Some(team)
    })
}

/// The requests that `keep` keeps, by index, the oldest request first.
fn oldest_first(board: &Board, keep: impl Fn(&Dependency) -> bool) -> Vec<usize> {
    let mut list: Vec<usize> = (0..board.dependencies.len())
        .filter(|&d| keep(&board.dependencies[d]))
        .collect();
    list.sort_by_cached_key(|&d| board.dependencies[d].requested_at.unix_seconds());
    list
}

/// One cell of the team matrix: what one team asks of another.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Indexes into `board.dependencies`.
    pub dependencies: Vec<usize>,
    /// Still open (`is_open`).
    pub open: usize,
    /// Stuck (unanswered, declined but counted on, late).
    pub stuck: usize,
    /// Misaligned.
    pub misaligned: usize,
}

/// Who asks whom: `cells[asking team][providing team]`, teams in board order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    pub teams: Vec<Id>,
    pub cells: Vec<Vec<Cell>>,
}

pub fn matrix(board: &Board, now: Now) -> Matrix {
    let teams: Vec<Id> = board.teams.iter().map(|t| t.id.clone()).collect();
    let mut cells = vec![vec![Cell::default(); teams.len()]; teams.len()];
    for (d, dependency) in board.dependencies.iter().enumerate() {
        let from = asking_team(board, dependency).and_then(|t| teams.iter().position(|x| x == t));
        let to = teams.iter().position(|x| *x == dependency.to_team_id);
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let flags = flags(board, dependency, now);
        let cell = &mut cells[from][to];
        cell.dependencies.push(d);
        cell.open += usize::from(is_open(board, dependency));
        cell.stuck += usize::from(flags.iter().any(Flag::is_stuck));
        cell.misaligned += usize::from(flags.contains(&Flag::Misaligned));
    }
    Matrix { teams, cells }
}

/// Which decisions to show; `None` is any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionFilter {
    pub priority: Option<Id>,
    pub team: Option<Id>,
    pub kind: Option<DecisionKind>,
    /// Only those due for a revisit.
    pub revisit_due: bool,
}

/// Whether a decision's revisit date has come (`revisitOn` on or before `today`).
pub fn revisit_due(decision: &Decision, today: Date) -> bool {
    decision.revisit_on.is_some_and(|on| on <= today)
}

/// The decisions that pass `filter`, by index, the most recent first.
pub fn decisions(board: &Board, filter: &DecisionFilter, today: Date) -> Vec<usize> {
    let mut list: Vec<usize> = (0..board.decisions.len())
        .filter(|&d| {
            let decision = &board.decisions[d];
            filter
                .priority
                .as_ref()
                .is_none_or(|p| decision.priority_ids.contains(p))
                && (filter.team.as_ref()).is_none_or(|t| decision.concerns(board, t))
                && filter.kind.is_none_or(|k| decision.kind == k)
                && (!filter.revisit_due || revisit_due(decision, today))
        })
        .collect();
    list.sort_by_cached_key(|&d| -board.decisions[d].decided_at.unix_seconds());
    list
}

/// Open risks of the work under way as `(initiative index, risk index)`: the most severe
/// first, then by the most important active priority their initiative serves (local work
/// last), then in board order. Done or dropped work has no risk left to run, whatever its
/// risks still say.
pub fn open_risks(board: &Board) -> Vec<(usize, usize)> {
    let mut list = Vec::new();
    let under_way = board.initiatives.iter().enumerate();
    for (i, initiative) in under_way.filter(|(_, i)| i.status.is_active()) {
        for (r, risk) in initiative.risks.iter().enumerate() {
            if risk.open {
                list.push((i, r));
            }
        }
    }
    let best_rank = |i: usize| {
        board.initiatives[i]
            .priority_ids
            .iter()
            .filter_map(|p| board.priority(p))
            .filter(|p| p.is_active())
            .map(|p| i64::from(p.rank))
            .min()
            .unwrap_or(i64::from(u32::MAX))
    };
    let severity = |s: Severity| match s {
        Severity::High => 0,
        Severity::Medium => 1,
        Severity::Low => 2,
    };
    list.sort_by_cached_key(|&(i, r)| {
        (severity(board.initiatives[i].risks[r].severity) << 33) | best_rank(i)
    });
    list
}
