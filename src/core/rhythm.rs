//! The operating rhythm: which initiatives are due for a check-in, when the next review
//! and planning session fall, and what changed since the last review. Pure functions of
//! a board and `now`.

use super::index::positions;
use super::model::{Board, CheckIn, ReviewKind, Status};
use super::time::{Date, Now, Timestamp};

/// How many days ago `at` was for the person at `now`: their calendar days, as a
/// calendar counts them (yesterday evening is 1 day ago this morning; negative when `at` is
/// later), so "7 days ago" here says what the dates the board shows say.
pub fn days_ago(at: Timestamp, now: Now) -> i64 {
    now.today().days_since_epoch() - now.day_of(at).days_since_epoch()
}

/// The latest check-in of each initiative, by index into `board.initiatives`.
pub fn latest_check_ins(board: &Board) -> Vec<Option<&CheckIn>> {
    let mut latest: Vec<Option<&CheckIn>> = vec![None; board.initiatives.len()];
    let index = positions(board.initiatives.iter().map(|i| i.id.as_str()));
    for check_in in &board.check_ins {
        if let Some(&at) = index.get(check_in.initiative_id.as_str()) {
            let slot = &mut latest[at];
            if slot.is_none_or(|seen| seen.at <= check_in.at) {
                *slot = Some(check_in);
            }
        }
    }
    latest
}

/// What an initiative's check-ins are counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountedFrom {
    /// Its latest check-in.
    CheckIn,
    /// The day it was added, having had no check-in.
    Added,
    /// The period's first day: it was added before the period began (planned ahead) and has
    /// had no check-in. Work written down ahead is not late from the day it was written.
    /// Work an earlier period carried over already due for a check-in when the board started
    /// this period is not planned ahead: it has waited since it was added, and a new period
    /// does not hide it.
    PeriodStart,
}

/// The person's calendar days since an initiative's check-ins are counted from (`last`, its
/// latest check-in; with none, the day it was `created`, or the period's first day when that
/// came later and the work was not already due for a check-in when the board started the
/// period: work written down for the period a few days before is planned ahead, work that
/// waited a whole check-in interval before it is late as it was), and from what. Negative
/// while a period planned ahead has not begun.
pub fn waiting(
    board: &Board,
    created: Timestamp,
    last: Option<Timestamp>,
    now: Now,
) -> (i64, CountedFrom) {
    let every = i64::from(board.rhythm.check_in_days);
    let carried = (board.period.started_at).is_some_and(|began| {
        now.day_of(began).days_since_epoch() - now.day_of(created).days_since_epoch() > every
    });
    match (last, board.period.start) {
        (Some(at), _) => (days_ago(at, now), CountedFrom::CheckIn),
        (None, Some(start)) if now.day_of(created) < start && !carried => (
            now.today().days_since_epoch() - start.days_since_epoch(),
            CountedFrom::PeriodStart,
        ),
        (None, _) => (days_ago(created, now), CountedFrom::Added),
    }
}

/// An active initiative whose latest check-in (or, with none, its creation or the period's
/// start, `waiting`) is older than `rhythm.checkInDays` of the person's calendar days.
#[derive(Clone, Debug, PartialEq)]
pub struct DueItem {
    /// Index into `board.initiatives`.
    pub initiative: usize,
    /// When it was last checked in on, if ever.
    pub last_check_in: Option<Timestamp>,
    /// What the days are counted from.
    pub from: CountedFrom,
    /// The person's calendar days since the last check-in, or since it was created.
    pub days_since: i64,
    /// Days past the allowed interval (1 or more).
    pub days_late: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// Due initiatives, the longest waiting first.
    pub items: Vec<DueItem>,
    /// Active initiatives that are not due.
    pub fresh: usize,
    /// The date the next review falls due: `reviewDays` after the latest review or
    /// planning session, or, when there has been none, after the period's start or the
    /// day the board's first initiative was added, whichever is later (none before then).
    pub next_review: Option<Date>,
    /// The date the next planning session falls due: `planningDays` after the latest one, or
    /// the day after the period ends when that comes first (and the latest came before it),
    /// or when there has been none.
    pub next_planning: Option<Date>,
}

impl Due {
    /// What is due of the work of `teams` alone: a team lead's round, or a team's slice,
    /// which holds other teams' work only to show it. The review dates stay the board's.
    pub fn of_teams(mut self, board: &Board, teams: &[&str]) -> Due {
        let in_teams = |team: &str| teams.contains(&team);
        self.items
            .retain(|item| in_teams(&board.initiatives[item.initiative].team_id));
        let active = (board.initiatives.iter())
            .filter(|i| in_teams(&i.team_id) && i.status.is_active())
            .count();
        self.fresh = active - self.items.len();
        self
    }
}

/// What is due at `now`.
pub fn due(board: &Board, now: Now) -> Due {
    let every = i64::from(board.rhythm.check_in_days);
    let latest = latest_check_ins(board);
    let mut items = Vec::new();
    let mut fresh = 0;
    for (index, initiative) in board.initiatives.iter().enumerate() {
        if !initiative.status.is_active() {
            continue;
        }
        let last = latest[index].map(|c| c.at);
        let (days_since, from) = waiting(board, initiative.created_at, last, now);
        if days_since > every {
            items.push(DueItem {
                initiative: index,
                last_check_in: last,
                from,
                days_since,
                days_late: days_since - every,
            });
        } else {
            fresh += 1;
        }
    }
    items.sort_by_cached_key(|item| -item.days_since);
    let latest_of = |kinds: &[ReviewKind]| {
        board
            .reviews
            .iter()
            .filter(|r| kinds.contains(&r.kind))
            .map(|r| r.at)
            .max()
    };
    let next_review = latest_of(&[ReviewKind::Review, ReviewKind::Planning])
        .map(|at| now.day_of(at))
        .or_else(|| {
            let first_work = board.initiatives.iter().map(|i| i.created_at).min()?;
            Some(board.period.start?.max(now.day_of(first_work)))
        })
        .map(|from| from.add_days(i64::from(board.rhythm.review_days)));
    // The day after the period ends, a new one wants planning: the rhythm's next planning
    // comes then if not before (unless the latest planning came after it).
    let after_period = board.period.end.map(|end| end.add_days(1));
    let next_planning = match latest_of(&[ReviewKind::Planning]) {
        Some(at) => {
            let planned = now.day_of(at);
            let by_rhythm = planned.add_days(i64::from(board.rhythm.planning_days));
            Some(match after_period {
                Some(after) if after > planned => by_rhythm.min(after),
                _ => by_rhythm,
            })
        }
        None => after_period,
    };
    Due {
        items,
        fresh,
        next_review,
        next_planning,
    }
}

/// The latest review or planning session, if any: the "last review" that "since the last
/// review" counts from.
pub fn last_review(board: &Board) -> Option<Timestamp> {
    board
        .reviews
        .iter()
        .filter(|r| matches!(r.kind, ReviewKind::Review | ReviewKind::Planning))
        .map(|r| r.at)
        .max()
}

/// When the team with id `team` last went through its due work in a check-in round of its
/// own (a guided review of that team's work alone).
pub fn last_round(board: &Board, team: &str) -> Option<Timestamp> {
    board
        .reviews
        .iter()
        .filter(|r| r.kind == ReviewKind::CheckIn && r.team_id.as_deref() == Some(team))
        .map(|r| r.at)
        .max()
}

/// The initiatives a review would look at again after `at` (indexes into
/// `board.initiatives`, in board order): those added since, those edited since (after their
/// latest check-in, when they have one since), and those whose status now differs from the
/// one they had then (or, checked in for the first time since, from the status that first
/// check-in gave). A check-in that keeps the status is the rhythm running as it should: with
/// weekly check-ins and monthly reviews nearly every card has one, and marking them all would
/// mark nothing.
pub fn changed_since(board: &Board, at: Timestamp) -> Vec<usize> {
    let mut status_then: Vec<Option<Status>> = vec![None; board.initiatives.len()];
    let mut changed = vec![false; board.initiatives.len()];
    for happened in since(board, at) {
        match happened {
            Happened::Added { initiative } | Happened::Edited { initiative } => {
                changed[initiative] = true;
            }
            // The first check-in since says the status before it: the one the review saw.
            // With none before it, the first status known is that check-in's own.
            Happened::CheckedIn {
                initiative,
                check_in,
                status_before,
                ..
            } => {
                let check_in = &board.check_ins[check_in];
                status_then[initiative].get_or_insert(status_before.unwrap_or(check_in.status));
            }
            Happened::Decided { .. } | Happened::Dependency { .. } => {}
        }
    }
    (0..board.initiatives.len())
        .filter(|&i| {
            changed[i] || status_then[i].is_some_and(|then| then != board.initiatives[i].status)
        })
        .collect()
}

/// One thing that happened after a moment, as the board's own history records it.
#[derive(Clone, Debug, PartialEq)]
pub enum Happened {
    /// An initiative created since (index into `board.initiatives`).
    Added { initiative: usize },
    /// A check-in since, with the status and progress of the check-in before it (or of
    /// nothing, when it was the first).
    CheckedIn {
        initiative: usize,
        check_in: usize,
        status_before: Option<Status>,
        progress_before: Option<u8>,
    },
    /// An initiative edited since without a check-in explaining it: none since, or an edit
    /// after its last check-in.
    Edited { initiative: usize },
    /// A decision taken since (index into `board.decisions`).
    Decided { decision: usize },
    /// A dependency asked for or answered since (index into `board.dependencies`).
    Dependency { dependency: usize },
}

impl Happened {
    /// Whether it is the team's (id `team`): work of the team's added, checked in on or
    /// edited, a decision that names the team or stopped its work, a request the team asked
    /// or was asked.
    pub fn concerns(&self, board: &Board, team: &str) -> bool {
        let of_team = |i: usize| board.initiatives[i].team_id == team;
        match *self {
            Happened::Added { initiative }
            | Happened::Edited { initiative }
            | Happened::CheckedIn { initiative, .. } => of_team(initiative),
            Happened::Decided { decision } => board.decisions[decision].concerns(board, team),
            Happened::Dependency { dependency } => {
                let asked = &board.dependencies[dependency];
                asked.to_team_id == team
                    || board
                        .initiative(&asked.from_initiative_id)
                        .is_some_and(|i| i.team_id == team)
            }
        }
    }
}

/// What happened after `at`, oldest first, from the timestamps the snapshot keeps:
/// initiatives created, check-ins (with what they changed), edits, decisions and
/// dependency requests and answers. Removals leave no trace and are not listed; comparing
/// with a snapshot (`diff`) shows them.
pub fn since(board: &Board, at: Timestamp) -> Vec<Happened> {
    let index = positions(board.initiatives.iter().map(|i| i.id.as_str()));
    let mut events: Vec<(Timestamp, Happened)> = Vec::new();
    for (i, initiative) in board.initiatives.iter().enumerate() {
        if initiative.created_at > at {
            events.push((initiative.created_at, Happened::Added { initiative: i }));
        }
    }
    // Check-ins in time order, each compared with the one before it on the same work.
    let mut order: Vec<usize> = (0..board.check_ins.len()).collect();
    order.sort_by_cached_key(|&c| board.check_ins[c].at.unix_seconds());
    let mut previous: Vec<Option<usize>> = vec![None; board.initiatives.len()];
    // The last check-in since `at` on each initiative.
    let mut checked_since: Vec<Option<Timestamp>> = vec![None; board.initiatives.len()];
    for c in order {
        let check_in = &board.check_ins[c];
        let Some(&i) = index.get(check_in.initiative_id.as_str()) else {
            continue;
        };
        if check_in.at > at {
            let before = previous[i].map(|p| &board.check_ins[p]);
            events.push((
                check_in.at,
                Happened::CheckedIn {
                    initiative: i,
                    check_in: c,
                    status_before: before.map(|b| b.status),
                    progress_before: before.map(|b| b.progress),
                },
            ));
            checked_since[i] = Some(check_in.at);
        }
        previous[i] = Some(c);
    }
    for (i, initiative) in board.initiatives.iter().enumerate() {
        // Recording a check-in stamps its initiative too, a moment after the check-in's own
        // time: an edit is one made more than a minute after it.
        let unexplained = checked_since[i]
            .is_none_or(|c| initiative.updated_at.unix_seconds() > c.unix_seconds() + 60);
        if initiative.updated_at > at && initiative.created_at <= at && unexplained {
            events.push((initiative.updated_at, Happened::Edited { initiative: i }));
        }
    }
    for (d, decision) in board.decisions.iter().enumerate() {
        if decision.decided_at > at {
            events.push((decision.decided_at, Happened::Decided { decision: d }));
        }
    }
    for (d, dependency) in board.dependencies.iter().enumerate() {
        let latest = dependency.latest();
        if latest > at {
            events.push((latest, Happened::Dependency { dependency: d }));
        }
    }
    events.sort_by_cached_key(|(when, _)| when.unix_seconds());
    events.into_iter().map(|(_, happened)| happened).collect()
}
