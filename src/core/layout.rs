//! Where each card goes on the board grid: priority columns (plus "Local work"), team
//! lanes, and the initiatives in each cell under the current filter. Derived data only,
//! computed once per board change so the view does no searching while it renders.

use super::index::positions;
use super::model::{Board, Id, Initiative, Priority, Status};

/// Which cards a person wants to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub team: Option<Id>,
    pub owner: OwnerFilter,
    pub status: StatusFilter,
    /// Only initiatives the health analysis flags as needing attention.
    pub attention: bool,
    /// Work an earlier period finished (`Board::is_earlier`) shown too; left out unless asked.
    pub earlier: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OwnerFilter {
    #[default]
    Anyone,
    /// Initiatives with no owner.
    Nobody,
    Person(Id),
}

/// Which statuses a person wants to see.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Any,
    /// Work not yet done or dropped: what a period that has begun is about.
    Unfinished,
    Is(Status),
}

impl StatusFilter {
    pub fn passes(self, status: Status) -> bool {
        match self {
            StatusFilter::Any => true,
            StatusFilter::Unfinished => status.is_active(),
            StatusFilter::Is(wanted) => status == wanted,
        }
    }
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Whether `initiative` of `board` passes, where `flagged` says whether the health
    /// analysis flags it.
    pub fn lets_through(&self, board: &Board, initiative: &Initiative, flagged: bool) -> bool {
        self.team.as_ref().is_none_or(|t| initiative.team_id == *t)
            && (!self.attention || flagged)
            && self.status.passes(initiative.status)
            && (self.earlier || !board.is_earlier(initiative))
            && match &self.owner {
                OwnerFilter::Anyone => true,
                OwnerFilter::Nobody => initiative.owner_id.is_none(),
                OwnerFilter::Person(p) => initiative.owner_id.as_ref() == Some(p),
            }
    }
}

/// A column of the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Priority(Id),
    /// Initiatives that serve no priority.
    Local,
}

impl Column {
    pub fn priority_id(&self) -> Option<&Id> {
        match self {
            Column::Priority(id) => Some(id),
            Column::Local => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Active priorities by rank, then inactive ones that still have cards shown, then Local.
    pub columns: Vec<Column>,
    /// Team ids, in board order.
    pub lanes: Vec<Id>,
    /// `cells[lane][column]`: indexes into `board.initiatives`.
    pub cells: Vec<Vec<Vec<usize>>>,
    /// Initiatives that pass the filter (each counted once, however many columns show it).
    pub shown: usize,
    /// Whether the person set a filter (the default hides only earlier periods' work).
    pub filtered: bool,
    /// Initiatives flagged as needing attention among those the other filters let through
    /// (with a team chosen, that team's).
    pub flagged: usize,
}

impl Layout {
    /// The layout when no initiative is flagged as needing attention.
    pub fn compute(board: &Board, filter: &Filter) -> Layout {
        Layout::compute_flagged(board, filter, &|_| false)
    }

    /// The layout, where `flagged` tells which initiatives (by id) need attention.
    pub fn compute_flagged(
        board: &Board,
        filter: &Filter,
        flagged: &dyn Fn(&str) -> bool,
    ) -> Layout {
        let flags: Vec<bool> = board.initiatives.iter().map(|i| flagged(&i.id)).collect();
        let passes: Vec<bool> = board
            .initiatives
            .iter()
            .zip(&flags)
            .map(|(i, &flagged)| filter.lets_through(board, i, flagged))
            .collect();

        let mut columns: Vec<Column> = board
            .ranked_priorities()
            .into_iter()
            .map(|p| Column::Priority(p.id.clone()))
            .collect();
        for priority in board.priorities.iter().filter(|p| !p.is_active()) {
            let has_cards = board
                .initiatives
                .iter()
                .zip(&passes)
                .any(|(i, &shown)| shown && i.priority_ids.contains(&priority.id));
            if has_cards {
                columns.push(Column::Priority(priority.id.clone()));
            }
        }
        columns.push(Column::Local);

        let lanes: Vec<Id> = board
            .teams
            .iter()
            .filter(|t| filter.team.as_ref().is_none_or(|f| t.id == *f))
            .map(|t| t.id.clone())
            .collect();
        // Each lane and column by its id: searching the lists for every initiative made a
        // big board's layout (made again after every edit) grow with lanes × initiatives.
        let local = columns.len() - 1;
        let lane_of = positions(lanes.iter().map(String::as_str));
        // Every column before the last (local work) is a priority's.
        let column_of = positions(
            columns[..local]
                .iter()
                .filter_map(Column::priority_id)
                .map(String::as_str),
        );
        let mut cells = vec![vec![Vec::new(); columns.len()]; lanes.len()];
        let (mut shown, mut flagged) = (0, 0);
        for (index, initiative) in board.initiatives.iter().enumerate() {
            if !passes[index] {
                continue;
            }
            let Some(&lane) = lane_of.get(initiative.team_id.as_str()) else {
                continue;
            };
            shown += 1;
            flagged += usize::from(flags[index]);
            if initiative.priority_ids.is_empty() {
                cells[lane][local].push(index);
            }
            for priority in &initiative.priority_ids {
                if let Some(&column) = column_of.get(priority.as_str()) {
                    cells[lane][column].push(index);
                }
            }
        }
        Layout {
            columns,
            lanes,
            cells,
            shown,
            filtered: filter.is_active(),
            flagged,
        }
    }
}

impl Layout {
    /// Whether `after` is laid out as `before` is under `filter`, flags aside (they go by
    /// id, and an initiative keeps its id): the same teams in the same order, the same
    /// priorities with the same ranks and activity, and the same initiatives in the same
    /// places, each in the same team and priorities and, where the filter asks, with the
    /// same status and owner, and as much an earlier period's work (when that is left out)
    /// as before. Items the two boards share are not looked into. An edit of
    /// what a card shows (its status with no status filter on, its title, a check-in)
    /// keeps the layout, so the board is not laid out again card by card.
    pub fn same_for(before: &Board, after: &Board, filter: &Filter) -> bool {
        let priorities = before.priorities.same(&after.priorities)
            || before
                .priorities
                .iter()
                .map(column_of)
                .eq(after.priorities.iter().map(column_of));
        let teams = before.teams.same(&after.teams)
            || before
                .teams
                .iter()
                .map(|t| &t.id)
                .eq(after.teams.iter().map(|t| &t.id));
        let initiatives = before.initiatives.same(&after.initiatives)
            || (before.initiatives.len() == after.initiatives.len()
                && before
                    .initiatives
                    .iter()
                    .zip(after.initiatives.iter())
                    .all(|(a, b)| {
                        std::ptr::eq(a, b)
                            || (placed_alike(a, b, filter)
                                && (filter.earlier || before.is_earlier(a) == after.is_earlier(b)))
                    }));
        let started = before.period.started_at == after.period.started_at;
        priorities && teams && initiatives && started
    }
}

/// What a priority's column goes by: its id, its rank and whether it is active.
fn column_of(priority: &Priority) -> (&str, u32, bool) {
    (&priority.id, priority.rank, priority.is_active())
}

/// Whether two versions of an initiative go to the same cells under `filter`.
fn placed_alike(a: &Initiative, b: &Initiative, filter: &Filter) -> bool {
    a.id == b.id
        && a.team_id == b.team_id
        && a.priority_ids == b.priority_ids
        && filter.status.passes(a.status) == filter.status.passes(b.status)
        && (filter.owner == OwnerFilter::Anyone || a.owner_id == b.owner_id)
}
