//! Alignment health: how far execution has drifted from the priorities, and why.
//!
//! `analyse(board, now)` is a pure function of a board and an instant. It scores eight
//! parts from 0 to 100, each with the list of items that cost it points, for the whole
//! board and for each team, combines them into one alignment score, and lays out where
//! effort goes (teams × priorities). The formulas are written out, with worked figures,
//! in `docs/health.md`; each part's function (in `health/parts.rs` for what the work
//! serves, `health/delivery.rs` for how it is delivered) names the one it implements.
//!
//! Effort is an initiative's share of its team's capacity (0–100). Only *active* work
//! counts (not done, not dropped) and only *active* priorities: work that serves nothing
//! but achieved or dropped priorities is local work. An initiative serving several active
//! priorities splits its effort equally between them.

use super::coordination::{stuck, Flag};
use super::index::positions;
use super::model::{Board, Id, Initiative, Priority, ReviewKind, Severity, Status};
use super::rhythm::latest_check_ins;
use super::time::{Date, Now, Timestamp};
use fnv::FnvHashMap;
mod attention;
mod delivery;
mod parts;

pub use attention::flag_words;
pub use delivery::expected_progress;
pub use parts::{effort_ranks, pearson};
use serde::Serialize;

/// An owner with more active initiatives than this is overloaded.
pub const OWNER_LOAD_LIMIT: usize = 3;
/// Percentage points between progress and the straight line to the due date that make a
/// status "clearly" wrong.
pub const PACE_TOLERANCE: f64 = 25.0;

/// The eight parts of the alignment score, in the order the documentation gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PartKind {
    Focus,
    Coverage,
    RankFit,
    Accountability,
    Capacity,
    Rhythm,
    Dependencies,
    HonestStatus,
}

impl PartKind {
    pub const ALL: [PartKind; 8] = [
        PartKind::Focus,
        PartKind::Coverage,
        PartKind::RankFit,
        PartKind::Accountability,
        PartKind::Capacity,
        PartKind::Rhythm,
        PartKind::Dependencies,
        PartKind::HonestStatus,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PartKind::Focus => "Focus",
            PartKind::Coverage => "Coverage",
            PartKind::RankFit => "Rank fit",
            PartKind::Accountability => "Accountability",
            PartKind::Capacity => "Capacity",
            PartKind::Rhythm => "Rhythm",
            PartKind::Dependencies => "Dependencies",
            PartKind::HonestStatus => "Honest status",
        }
    }

    /// What a card flagged by the part says, in words about the work rather than the
    /// part's name ("No owner", not "Accountability").
    pub fn on_card(self) -> &'static str {
        match self {
            PartKind::Focus => "Serves no open priority",
            PartKind::Coverage => "Priority without work",
            PartKind::RankFit => "Effort off its rank",
            PartKind::Accountability => "No owner",
            PartKind::Capacity => "Team over capacity",
            PartKind::Rhythm => "Check-in late",
            PartKind::Dependencies => "Request stuck",
            PartKind::HonestStatus => "Status in question",
        }
    }

    /// The question the part answers, as a leader would ask it.
    pub fn question(self) -> &'static str {
        match self {
            PartKind::Focus => "Is effort going to the priorities?",
            PartKind::Coverage => "Does every priority have work behind it?",
            PartKind::RankFit => "Does effort follow the ranking?",
            PartKind::Accountability => "Does everything have an owner who can carry it?",
            PartKind::Capacity => "Are teams committed within their capacity?",
            PartKind::Rhythm => "Are check-ins and reviews on time?",
            PartKind::Dependencies => "Are requests between teams answered and delivered?",
            PartKind::HonestStatus => "Do statuses match progress and risks?",
        }
    }

    /// A stable identifier (for element ids and data attributes).
    pub fn key(self) -> &'static str {
        match self {
            PartKind::Focus => "focus",
            PartKind::Coverage => "coverage",
            PartKind::RankFit => "rank-fit",
            PartKind::Accountability => "accountability",
            PartKind::Capacity => "capacity",
            PartKind::Rhythm => "rhythm",
            PartKind::Dependencies => "dependencies",
            PartKind::HonestStatus => "honest-status",
        }
    }

    /// The part's weight in the alignment score; the weights add up to 100.
    pub fn weight(self) -> u32 {
        match self {
            PartKind::Focus => 20,
            PartKind::Coverage => 15,
            PartKind::RankFit => 10,
            PartKind::Accountability => 10,
            PartKind::Capacity => 10,
            PartKind::Rhythm => 15,
            PartKind::Dependencies => 10,
            PartKind::HonestStatus => 10,
        }
    }
}

/// What a finding is about: where a click on it leads.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "camelCase")]
pub enum Subject {
    Initiative(Id),
    Priority(Id),
    Team(Id),
    Person(Id),
    Dependency(Id),
    /// The board as a whole (its review rhythm).
    Board,
}

/// One item that costs a part points, with the reason in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub subject: Subject,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    pub kind: PartKind,
    /// 0–100, or `None` when the part does not apply (nothing to measure).
    pub score: Option<u8>,
    /// The figures behind the score in one sentence.
    pub summary: String,
    /// The items that cost points, the most costly first.
    pub findings: Vec<Finding>,
}

impl Part {
    /// Points this part takes off a perfect alignment score: weight × shortfall / 100.
    pub fn points_lost(&self) -> f64 {
        self.score.map_or(0.0, |score| {
            f64::from(self.kind.weight()) * f64::from(100 - score) / 100.0
        })
    }
}

/// The parts and the combined score of the whole board or of one team.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// The weighted mean of the parts that apply; `None` when none does, or when the
    /// scope has no active initiative: without work under way there is no execution to
    /// measure, and a board being set up is not scored on what it has not added yet.
    pub score: Option<u8>,
    /// One per `PartKind`, in `PartKind::ALL` order.
    pub parts: Vec<Part>,
}

impl Health {
    /// The score of `parts`, or none when `has_work` is false (the field's comment).
    fn from_parts(parts: Vec<Part>, has_work: bool) -> Health {
        let (sum, weights) =
            parts
                .iter()
                .fold((0.0, 0u32), |(sum, weights), part| match part.score {
                    Some(score) => (
                        sum + f64::from(part.kind.weight()) * f64::from(score),
                        weights + part.kind.weight(),
                    ),
                    None => (sum, weights),
                });
        Health {
            score: (has_work && weights > 0).then(|| percent(sum / f64::from(weights) / 100.0)),
            parts,
        }
    }

    /// The weight the parts that apply have between them: 100 when every part applies.
    pub fn weight_applying(&self) -> u32 {
        self.parts
            .iter()
            .filter(|p| p.score.is_some())
            .map(|p| p.kind.weight())
            .sum()
    }

    /// The points `part` takes off the score: its shortfall at its share of the weight of
    /// the parts that apply, so the parts' costs add up to what the score lost (to their
    /// rounding) also when some part does not apply.
    pub fn cost(&self, part: &Part) -> f64 {
        match self.weight_applying() {
            0 => 0.0,
            weight => part.points_lost() * 100.0 / f64::from(weight),
        }
    }

    pub fn part(&self, kind: PartKind) -> &Part {
        self.parts
            .iter()
            .find(|p| p.kind == kind)
            .expect("every health has every part")
    }

    /// The parts by how many points they cost, the most costly first; parts that cost
    /// nothing or do not apply come last, in documentation order.
    pub fn by_attention(&self) -> Vec<&Part> {
        let mut parts: Vec<&Part> = self.parts.iter().collect();
        parts.sort_by_cached_key(|p| -thousandths(p.points_lost()));
        parts
    }
}

/// Effort in one cell of the allocation map.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Cell {
    /// Sum of the effort shares placed here, in percent of the team's capacity.
    pub effort: f64,
    /// Indexes into `board.initiatives` of the work counted here.
    pub initiatives: Vec<usize>,
}

/// Where active effort goes: teams × (active priorities by rank, then local work).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// Active priorities, most important first.
    pub priorities: Vec<Id>,
    /// Teams in board order.
    pub teams: Vec<Id>,
    /// `cells[team][column]`, where the last column is local work.
    pub cells: Vec<Vec<Cell>>,
    /// Effort per column over all teams (the last is local work).
    pub column_effort: Vec<f64>,
    /// Effort per team over all columns.
    pub team_effort: Vec<f64>,
    /// All active effort.
    pub total_effort: f64,
}

impl Allocation {
    /// Effort on active priorities only (local work left out).
    pub fn priority_effort(&self) -> f64 {
        self.column_effort[..self.priorities.len()].iter().sum()
    }

    /// Each active priority's share of the effort on priorities (0–1), by rank.
    pub fn priority_shares(&self) -> Vec<f64> {
        let total = self.priority_effort();
        self.column_effort[..self.priorities.len()]
            .iter()
            .map(|effort| if total > 0.0 { effort / total } else { 0.0 })
            .collect()
    }
}

/// The share of effort on priorities that rank position `position` (0 = first) of `count`
/// suggests: linear weights `count − position` over their sum (5 priorities: 33 %, 27 %,
/// 20 %, 13 %, 7 %).
pub fn suggested_share(position: usize, count: usize) -> f64 {
    let total = (count * (count + 1) / 2) as f64;
    (count - position) as f64 / total
}

/// Everything the health and allocation views show.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// When, and in which offset from UTC, the board was analysed.
    pub now: Now,
    pub board: Health,
    /// One per team, in board order (none from `analyse_board`).
    pub teams: Vec<(Id, Health)>,
    pub allocation: Allocation,
}

impl Analysis {
    pub fn team(&self, team_id: &str) -> Option<&Health> {
        self.teams
            .iter()
            .find(|(id, _)| id == team_id)
            .map(|(_, health)| health)
    }
}

/// Which part of the board a health covers.
#[derive(Clone, Copy)]
enum Scope<'a> {
    Board,
    Team(&'a str),
}

impl Scope<'_> {
    fn holds(self, initiative: &Initiative) -> bool {
        match self {
            Scope::Board => true,
            Scope::Team(team) => initiative.team_id == team,
        }
    }
}

/// The facts every part reads, gathered once.
struct Facts<'a> {
    board: &'a Board,
    now: Now,
    /// The person's calendar day.
    today: Date,
    /// Active priorities by rank.
    ranked: Vec<&'a Priority>,
    /// Where each initiative and person is in the board's lists.
    initiative_index: FnvHashMap<&'a str, usize>,
    person_index: FnvHashMap<&'a str, usize>,
    /// The latest check-in of each initiative, by index.
    last_check_in: Vec<Option<Timestamp>>,
    /// Active initiatives owned by each person, by index, board-wide.
    owner_load: Vec<usize>,
    /// Active initiatives, board-wide and by team (sorted by team id): every part asks for
    /// them once per scope, and a big board has 40 teams.
    active_all: Vec<&'a Initiative>,
    active_by_team: Vec<(&'a str, Vec<&'a Initiative>)>,
}

impl<'a> Facts<'a> {
    fn new(board: &'a Board, now: Now) -> Facts<'a> {
        let last_check_in = latest_check_ins(board)
            .into_iter()
            .map(|c| c.map(|c| c.at))
            .collect();
        let person_index = positions(board.people.iter().map(|p| p.id.as_str()));
        let mut owner_load = vec![0; board.people.len()];
        for initiative in board.initiatives.iter().filter(|i| i.status.is_active()) {
            if let Some(at) = initiative
                .owner_id
                .as_deref()
                .and_then(|o| person_index.get(o).copied())
            {
                owner_load[at] += 1;
            }
        }
        let active_all: Vec<&Initiative> = board
            .initiatives
            .iter()
            .filter(|i| i.status.is_active())
            .collect();
        let mut active_by_team: Vec<(&str, Vec<&Initiative>)> = Vec::new();
        let mut by_team = active_all.clone();
        by_team.sort_by_cached_key(|&i| i.team_id.as_str());
        for initiative in by_team {
            match active_by_team.last_mut() {
                Some((team, list)) if *team == initiative.team_id => list.push(initiative),
                _ => active_by_team.push((&initiative.team_id, vec![initiative])),
            }
        }
        Facts {
            board,
            now,
            today: now.today(),
            ranked: board.ranked_priorities(),
            initiative_index: positions(board.initiatives.iter().map(|i| i.id.as_str())),
            person_index,
            last_check_in,
            owner_load,
            active_all,
            active_by_team,
        }
    }

    /// Active initiatives within the scope, in board order.
    fn active(&self, scope: Scope) -> Vec<&'a Initiative> {
        match scope {
            Scope::Board => self.active_all.clone(),
            Scope::Team(team) => self
                .active_by_team
                .binary_search_by(|(t, _)| (*t).cmp(team))
                .map_or_else(|_| Vec::new(), |at| self.active_by_team[at].1.clone()),
        }
    }

    /// The summed effort of a team's active initiatives (`Board::team_effort`).
    fn team_effort(&self, team: &str) -> u32 {
        self.active(Scope::Team(team))
            .iter()
            .map(|i| u32::from(i.effort))
            .sum()
    }

    /// The active priorities an initiative serves.
    fn served(&self, initiative: &Initiative) -> Vec<&'a Priority> {
        self.ranked
            .iter()
            .copied()
            .filter(|p| initiative.priority_ids.contains(&p.id))
            .collect()
    }

    fn team_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.board.team(id).map_or(id, |t| t.name.as_str())
    }

    fn person_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.board.person(id).map_or(id, |p| p.name.as_str())
    }

    /// The person's calendar days since `at` (`rhythm::days_ago`).
    fn days_since(&self, at: Timestamp) -> i64 {
        super::rhythm::days_ago(at, self.now)
    }
}

/// Analyses a board at `now`: the same board and instant always give the same figures.
pub fn analyse(board: &Board, now: Now) -> Analysis {
    let facts = Facts::new(board, now);
    let mut analysis = board_wide(&facts);
    analysis.teams = team_rows(&facts);
    analysis
}

/// The board-wide part of `analyse`, without the teams' rows: what the board view needs
/// after each change. A 40-team board spends as long on its teams as on the whole board.
pub fn analyse_board(board: &Board, now: Now) -> Analysis {
    board_wide(&Facts::new(board, now))
}

impl Analysis {
    /// This analysis with its teams' rows, added if `analyse_board` left them out; `board`
    /// is the board it analysed.
    pub fn with_teams(&self, board: &Board) -> Analysis {
        let mut full = self.clone();
        if full.teams.len() != board.teams.len() {
            full.teams = team_rows(&Facts::new(board, self.now));
        }
        full
    }
}

fn board_wide(facts: &Facts) -> Analysis {
    Analysis {
        now: facts.now,
        board: health(facts, Scope::Board),
        teams: Vec::new(),
        allocation: allocation(facts),
    }
}

fn team_rows(facts: &Facts) -> Vec<(Id, Health)> {
    facts
        .board
        .teams
        .iter()
        .map(|team| (team.id.clone(), health(facts, Scope::Team(&team.id))))
        .collect()
}

fn health(facts: &Facts, scope: Scope) -> Health {
    let has_work = !facts.active(scope).is_empty();
    Health::from_parts(
        vec![
            parts::focus(facts, scope),
            parts::coverage(facts, scope),
            parts::rank_fit(facts, scope),
            delivery::accountability(facts, scope),
            delivery::capacity(facts, scope),
            delivery::rhythm(facts, scope),
            delivery::dependencies(facts, scope),
            delivery::honest_status(facts, scope),
        ],
        has_work,
    )
}

/// A figure as a whole number of thousandths, for sorting.
fn thousandths(value: f64) -> i64 {
    (value * 1000.0).round() as i64
}

/// A 0–1 ratio as a 0–100 score, rounded half up and clamped. The nudge keeps an exact
/// half from rounding down where binary division leaves it a hair below (23 ÷ 40 × 100
/// is 57.49999… in floating point, and must score 58).
fn percent(ratio: f64) -> u8 {
    (ratio.clamp(0.0, 1.0) * 100.0 + 1e-9).round() as u8
}

fn not_applicable(kind: PartKind, summary: &str) -> Part {
    Part {
        kind,
        score: None,
        summary: summary.into(),
        findings: Vec::new(),
    }
}

/// The verb agreeing with "`count` of …": "1 of 5 is", "2 of 5 are".
fn verb(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 {
        one
    } else {
        many
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "1 day", "0 days", "14 days".
fn plural_days(count: i64) -> String {
    format!("{count} {}", if count == 1 { "day" } else { "days" })
}

/// Where active effort goes, team by team: each active initiative's effort is split
/// equally over the active priorities it serves, or counted as local work.
fn allocation(facts: &Facts) -> Allocation {
    let columns = facts.ranked.len() + 1;
    let teams: Vec<Id> = facts.board.teams.iter().map(|t| t.id.clone()).collect();
    let mut cells = vec![vec![Cell::default(); columns]; teams.len()];
    for (index, initiative) in facts.board.initiatives.iter().enumerate() {
        if !initiative.status.is_active() {
            continue;
        }
        let Some(row) = teams.iter().position(|t| *t == initiative.team_id) else {
            continue;
        };
        let served: Vec<usize> = facts
            .ranked
            .iter()
            .enumerate()
            .filter(|(_, p)| initiative.priority_ids.contains(&p.id))
            .map(|(column, _)| column)
            .collect();
        let targets = if served.is_empty() {
            vec![columns - 1]
        } else {
            served
        };
        let share = f64::from(initiative.effort) / targets.len() as f64;
        for column in targets {
            let cell = &mut cells[row][column];
            cell.effort += share;
            cell.initiatives.push(index);
        }
    }
    let column_effort: Vec<f64> = (0..columns)
        .map(|c| cells.iter().map(|row| row[c].effort).sum())
        .collect();
    let team_effort: Vec<f64> = cells
        .iter()
        .map(|row| row.iter().map(|cell| cell.effort).sum())
        .collect();
    Allocation {
        priorities: facts.ranked.iter().map(|p| p.id.clone()).collect(),
        teams,
        total_effort: team_effort.iter().sum(),
        cells,
        column_effort,
        team_effort,
    }
}
