//! The board's data model: exactly the entities of the snapshot format (docs/snapshot-format.md,
//! version 1), with serde names and rules that match it: the derives write a snapshot's
//! board and read it (through `snapshot::reader`, which adds the paths of refusals).
//! Required keys carry no `default`; optional ones take theirs when absent (or `null`).
//! This module holds data and small derived facts only; changes go through
//! `action::reduce`, checks through `validate`.

mod board;
mod dependency;
pub(crate) mod read;

use super::list::{Identified, List};
use super::time::{Date, Timestamp};
use serde::{Deserialize, Serialize};

/// Ids are strings chosen by whoever creates the entity; unique within their list.
pub type Id = String;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub period: Period,
    #[serde(default)]
    pub rhythm: Rhythm,
    #[serde(default)]
    pub people: List<Person>,
    #[serde(default)]
    pub teams: List<Team>,
    #[serde(default)]
    pub priorities: List<Priority>,
    #[serde(default)]
    pub initiatives: List<Initiative>,
    #[serde(default)]
    pub check_ins: List<CheckIn>,
    #[serde(default)]
    pub dependencies: List<Dependency>,
    #[serde(default)]
    pub decisions: List<Decision>,
    #[serde(default)]
    pub reviews: List<Review>,
    /// Set on a team's slice (`core::slice`): whose part of the board it is and when it was
    /// cut, so the merge back can tell what changed since on either side. Absent on a
    /// whole board, and then not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slice: Option<Cut>,
}

/// What a slice was cut for: the teams it holds the work of, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cut {
    #[serde(default)]
    pub team_ids: Vec<Id>,
    #[serde(deserialize_with = "read::timestamp")]
    pub cut_at: Timestamp,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    #[serde(default)]
    pub label: String,
    #[serde(default, deserialize_with = "read::optional_date")]
    pub start: Option<Date>,
    #[serde(default, deserialize_with = "read::optional_date")]
    pub end: Option<Date>,
    /// When the board started this period (Start next period): work done or dropped by then
    /// belongs to an earlier period. Absent until the board starts a period that way; kept
    /// when the period's name or dates change in Settings.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::optional_timestamp"
    )]
    pub started_at: Option<Timestamp>,
}

impl Period {
    /// Where `date` falls outside the period: `Less` before its first day, `Greater` after
    /// its last; `None` within it, or where the period names no such day.
    pub fn outside(&self, date: Date) -> Option<std::cmp::Ordering> {
        use std::cmp::Ordering::{Greater, Less};
        match (self.start, self.end) {
            (Some(start), _) if date < start => Some(Less),
            (_, Some(end)) if date > end => Some(Greater),
            _ => None,
        }
    }

    /// Whether `initiative` was done or dropped, and last changed, by the time the board
    /// started this period (`Board::is_earlier`).
    pub fn finished_before(&self, initiative: &Initiative) -> bool {
        self.started_at
            .is_some_and(|at| !initiative.status.is_active() && initiative.updated_at <= at)
    }

    /// Stamps `initiative` changed `now` by a change to the board around it (a team or a
    /// priority deleted), unless it is an earlier period's work: tidying the board up does
    /// not make history this period's work again.
    pub fn restamp(&self, initiative: &mut Initiative, now: Timestamp) {
        if !self.finished_before(initiative) {
            initiative.updated_at = now;
        }
    }
}

/// How many days may pass between check-ins, reviews and planning sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Rhythm {
    #[serde(deserialize_with = "read::days")]
    pub check_in_days: u16,
    #[serde(deserialize_with = "read::days")]
    pub review_days: u16,
    #[serde(deserialize_with = "read::days")]
    pub planning_days: u16,
}

impl Default for Rhythm {
    /// Weekly check-ins, four-weekly reviews, quarterly planning.
    fn default() -> Self {
        Rhythm {
            check_in_days: 7,
            review_days: 28,
            planning_days: 91,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub team_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub lead_id: Option<Id>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PriorityStatus {
    #[default]
    Active,
    Achieved,
    Dropped,
}

impl PriorityStatus {
    pub const ALL: [PriorityStatus; 3] = [
        PriorityStatus::Active,
        PriorityStatus::Achieved,
        PriorityStatus::Dropped,
    ];

    /// What a closed priority's heading shows in place of a rank: ✓ achieved, ✕ dropped.
    pub fn mark(self) -> &'static str {
        match self {
            PriorityStatus::Dropped => "✕",
            _ => "✓",
        }
    }

    /// The snapshot's spelling.
    pub fn key(self) -> &'static str {
        match self {
            PriorityStatus::Active => "active",
            PriorityStatus::Achieved => "achieved",
            PriorityStatus::Dropped => "dropped",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Priority {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 1 is the most important; distinct among active priorities.
    #[serde(deserialize_with = "read::rank")]
    pub rank: u32,
    #[serde(default)]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub status: PriorityStatus,
    #[serde(default)]
    pub success_measure: String,
    #[serde(deserialize_with = "read::timestamp")]
    pub created_at: Timestamp,
}

impl Priority {
    pub fn is_active(&self) -> bool {
        self.status == PriorityStatus::Active
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    #[default]
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::Done,
        Status::Dropped,
    ];

    /// `done` and `dropped` work no longer counts as active.
    pub fn is_active(self) -> bool {
        !matches!(self, Status::Done | Status::Dropped)
    }

    /// How people read it on the board.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::OffTrack => "Off track",
            Status::Done => "Done",
            Status::Dropped => "Dropped",
        }
    }

    /// The snapshot's spelling, also used as a stable key in the UI.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "notStarted",
            Status::OnTrack => "onTrack",
            Status::AtRisk => "atRisk",
            Status::OffTrack => "offTrack",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The progress work has once a person sets it to this status from `progress`: work
    /// marked done is all done (a card set to Done no longer says "55 % done"); any other
    /// status keeps what the work had.
    pub fn progress_from(self, progress: u8) -> u8 {
        if self == Status::Done {
            100
        } else {
            progress
        }
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Low,
    #[default]
    Medium,
    High,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Low, Severity::Medium, Severity::High];

    pub fn key(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Risk {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub severity: Severity,
    #[serde(default = "read::open")]
    pub open: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Initiative {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub team_id: Id,
    #[serde(default)]
    pub owner_id: Option<Id>,
    /// Empty means local work: it serves no shared priority.
    #[serde(default)]
    pub priority_ids: Vec<Id>,
    /// Percent of the owning team's capacity, 0–100.
    #[serde(default, deserialize_with = "read::percent")]
    pub effort: u8,
    #[serde(default)]
    pub status: Status,
    #[serde(default, deserialize_with = "read::percent")]
    pub progress: u8,
    /// 0–10, or unknown.
    #[serde(default, deserialize_with = "read::optional_tenths")]
    pub confidence: Option<u8>,
    #[serde(default, deserialize_with = "read::optional_date")]
    pub due: Option<Date>,
    #[serde(deserialize_with = "read::timestamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "read::timestamp")]
    pub updated_at: Timestamp,
    #[serde(default)]
    pub risks: Vec<Risk>,
}

impl Initiative {
    pub fn is_local(&self) -> bool {
        self.priority_ids.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub id: Id,
    pub initiative_id: Id,
    #[serde(deserialize_with = "read::timestamp")]
    pub at: Timestamp,
    pub status: Status,
    #[serde(default, deserialize_with = "read::percent")]
    pub progress: u8,
    #[serde(default, deserialize_with = "read::optional_tenths")]
    pub confidence: Option<u8>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub author_id: Option<Id>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DependencyState {
    #[default]
    Requested,
    Accepted,
    Declined,
    Delivered,
}

impl DependencyState {
    pub const ALL: [DependencyState; 4] = [
        DependencyState::Requested,
        DependencyState::Accepted,
        DependencyState::Declined,
        DependencyState::Delivered,
    ];

    /// The snapshot's spelling.
    pub fn key(self) -> &'static str {
        match self {
            DependencyState::Requested => "requested",
            DependencyState::Accepted => "accepted",
            DependencyState::Declined => "declined",
            DependencyState::Delivered => "delivered",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dependency {
    pub id: Id,
    pub from_initiative_id: Id,
    pub to_team_id: Id,
    #[serde(default)]
    pub to_initiative_id: Option<Id>,
    pub need: String,
    /// The date the asking team needs it by.
    #[serde(default, deserialize_with = "read::optional_date")]
    pub due: Option<Date>,
    /// The date the providing team said it can deliver by, when it accepted for another
    /// date than `due` (or reopened a delivery); late counts from it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::optional_date"
    )]
    pub promised: Option<Date>,
    #[serde(default)]
    pub state: DependencyState,
    #[serde(deserialize_with = "read::timestamp")]
    pub requested_at: Timestamp,
    #[serde(default, deserialize_with = "read::optional_timestamp")]
    pub answered_at: Option<Timestamp>,
    /// What the providing team said when it accepted or declined ("" when nothing).
    #[serde(default)]
    pub answer_note: String,
    /// When the providing team marked it delivered; cleared when the delivery is reopened.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::optional_timestamp"
    )]
    pub delivered_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DecisionKind {
    Commit,
    Stop,
    Change,
    Defer,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 4] = [
        DecisionKind::Commit,
        DecisionKind::Stop,
        DecisionKind::Change,
        DecisionKind::Defer,
    ];

    /// The snapshot's spelling.
    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::Commit => "commit",
            DecisionKind::Stop => "stop",
            DecisionKind::Change => "change",
            DecisionKind::Defer => "defer",
        }
    }

    /// As the board shows it.
    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Commit => "Commit",
            DecisionKind::Stop => "Stop",
            DecisionKind::Change => "Change",
            DecisionKind::Defer => "Defer",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub rationale: String,
    pub kind: DecisionKind,
    #[serde(deserialize_with = "read::timestamp")]
    pub decided_at: Timestamp,
    #[serde(default)]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub priority_ids: Vec<Id>,
    #[serde(default)]
    pub team_ids: Vec<Id>,
    #[serde(default, deserialize_with = "read::optional_date")]
    pub revisit_on: Option<Date>,
    /// The work a stop decision stopped: the initiatives it marked dropped when it was
    /// recorded (the log and the work say so). Written only when there is some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiative_ids: Vec<Id>,
}

impl Decision {
    /// The work it stopped that `board` holds, in the order it was stopped.
    pub fn stopped<'b>(&'b self, board: &'b Board) -> impl Iterator<Item = &'b Initiative> {
        (self.initiative_ids.iter()).filter_map(|id| board.initiative(id))
    }

    /// Whether it is team `team`'s on `board`: it names the team, or stopped its work.
    pub fn concerns(&self, board: &Board, team: &str) -> bool {
        self.team_ids.iter().any(|t| t == team) || self.stopped(board).any(|i| i.team_id == team)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewKind {
    CheckIn,
    Review,
    Planning,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 3] = [
        ReviewKind::CheckIn,
        ReviewKind::Review,
        ReviewKind::Planning,
    ];

    /// The snapshot's spelling.
    pub fn key(self) -> &'static str {
        match self {
            ReviewKind::CheckIn => "checkIn",
            ReviewKind::Review => "review",
            ReviewKind::Planning => "planning",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub id: Id,
    #[serde(deserialize_with = "read::timestamp")]
    pub at: Timestamp,
    pub kind: ReviewKind,
    #[serde(default)]
    pub summary: String,
    #[serde(default, deserialize_with = "read::optional_percent")]
    pub score: Option<u8>,
    /// The team whose check-in round it was, for a round of one team's due work; `None` for
    /// a round of the whole board, a review and a planning session. Written only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<Id>,
}

/// First and last day of the calendar quarter containing `date`.
pub fn quarter_of(date: Date) -> (Date, Date) {
    let first_month = (date.month() - 1) / 3 * 3 + 1;
    let start = Date::new(date.year(), first_month, 1).expect("first of a month exists");
    let next = if first_month == 10 {
        Date::new(date.year() + 1, 1, 1)
    } else {
        Date::new(date.year(), first_month + 3, 1)
    }
    .expect("first of a month exists");
    (start, next.add_days(-1))
}

/// The board's items are found by their ids (`List::find`).
macro_rules! identified {
    ($($kind:ty),*) => {
        $(impl Identified for $kind {
            fn id(&self) -> &str {
                &self.id
            }
        })*
    };
}

identified!(Person, Team, Priority, Initiative, CheckIn, Dependency, Decision, Review);
