//! What a board answers about itself: a blank board, its items by id, its ranked
//! priorities, what a team's slice holds, which work an earlier period finished, the teams'
//! committed effort, and what it shares with another copy of itself.

use super::*;

impl Board {
    /// A new, empty board: what "Start blank" gives.
    pub fn blank(id: Id, today: Date) -> Board {
        let (start, end) = quarter_of(today);
        Board {
            id,
            title: "Our alignment board".into(),
            purpose: String::new(),
            period: Period {
                label: format!("Q{} {}", (start.month() - 1) / 3 + 1, start.year()),
                start: Some(start),
                end: Some(end),
                started_at: None,
            },
            rhythm: Rhythm::default(),
            people: List::default(),
            teams: List::default(),
            priorities: List::default(),
            initiatives: List::default(),
            check_ins: List::default(),
            dependencies: List::default(),
            decisions: List::default(),
            reviews: List::default(),
            slice: None,
        }
    }

    /// This board with `other`'s copy of every list and item equal to its own (`List::sharing`).
    pub fn sharing(&self, other: &Board) -> Board {
        Board {
            people: self.people.sharing(&other.people),
            teams: self.teams.sharing(&other.teams),
            priorities: self.priorities.sharing(&other.priorities),
            initiatives: self.initiatives.sharing(&other.initiatives),
            check_ins: self.check_ins.sharing(&other.check_ins),
            dependencies: self.dependencies.sharing(&other.dependencies),
            decisions: self.decisions.sharing(&other.decisions),
            reviews: self.reviews.sharing(&other.reviews),
            ..self.clone()
        }
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.find(id)
    }

    /// When the board's work last changed, as its own times say: the latest priority or
    /// initiative added or edited, check-in, request asked or answered, decision or review.
    /// `None` on a board with none of them.
    pub fn last_change(&self) -> Option<Timestamp> {
        let priorities = self.priorities.iter().map(|p| p.created_at);
        let initiatives = self
            .initiatives
            .iter()
            .map(|i| i.updated_at.max(i.created_at));
        let check_ins = self.check_ins.iter().map(|c| c.at);
        let requests = self.dependencies.iter().map(|d| d.latest());
        let decisions = self.decisions.iter().map(|d| d.decided_at);
        let reviews = self.reviews.iter().map(|r| r.at);
        (priorities
            .chain(initiatives)
            .chain(check_ins)
            .chain(requests))
        .chain(decisions)
        .chain(reviews)
        .max()
    }

    /// Whether `initiative` is an earlier period's: done or dropped, and last changed no later
    /// than the board started this period. The board and the status page leave it out
    /// unless asked; it stays as history, and changed again it is this period's.
    pub fn is_earlier(&self, initiative: &Initiative) -> bool {
        self.period.finished_before(initiative)
    }

    /// How many initiatives are an earlier period's (`is_earlier`).
    pub fn earlier_count(&self) -> usize {
        match self.period.started_at {
            None => 0,
            Some(_) => self
                .initiatives
                .iter()
                .filter(|i| self.is_earlier(i))
                .count(),
        }
    }

    /// Whether the work of the team `team_id` is here whole, with its check-ins: on a whole
    /// board always; on a team's slice only its own teams' (it holds the others' work only
    /// where it meets theirs, without check-ins).
    pub fn holds_whole(&self, team_id: &str) -> bool {
        self.slice
            .as_ref()
            .is_none_or(|cut| cut.team_ids.is_empty() || cut.team_ids.iter().any(|t| t == team_id))
    }

    /// The teams whose work is here whole when not every team's is (a team's slice, by
    /// `holds_whole`); `None` on a whole board. What a slice's figures are scoped to.
    pub fn own_teams(&self) -> Option<Vec<&str>> {
        let cut = self.slice.as_ref().filter(|cut| !cut.team_ids.is_empty())?;
        Some(cut.team_ids.iter().map(String::as_str).collect())
    }

    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.find(id)
    }

    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.find(id)
    }

    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.find(id)
    }

    /// Active priorities, most important first.
    pub fn ranked_priorities(&self) -> Vec<&Priority> {
        let mut active: Vec<&Priority> = self.priorities.iter().filter(|p| p.is_active()).collect();
        active.sort_by_cached_key(|p| i64::from(p.rank));
        active
    }

    /// Whether any entity of the board, of any kind (risks included), has the id `id`:
    /// what a new id must not be (`ids::unused_on`).
    pub fn holds_id(&self, id: &str) -> bool {
        self.people.find(id).is_some()
            || self.teams.find(id).is_some()
            || self.priorities.find(id).is_some()
            || self.initiatives.find(id).is_some()
            || self.check_ins.find(id).is_some()
            || self.dependencies.find(id).is_some()
            || self.decisions.find(id).is_some()
            || self.reviews.find(id).is_some()
            || self
                .initiatives
                .iter()
                .any(|i| i.risks.iter().any(|r| r.id == id))
    }

    /// Sum of the effort of a team's active initiatives (over 100 means over-committed).
    pub fn team_effort(&self, team_id: &str) -> u32 {
        self.team_efforts(&[team_id.to_string()])[0]
    }

    /// `team_effort` of each of `teams`, in one pass over the initiatives, each lane found
    /// by id (the board renders this on every edit: 2,000 initiatives, 40 lanes).
    pub fn team_efforts(&self, teams: &[Id]) -> Vec<u32> {
        let mut efforts = vec![0u32; teams.len()];
        let lanes = crate::core::index::positions(teams.iter().map(String::as_str));
        for initiative in self.initiatives.iter().filter(|i| i.status.is_active()) {
            if let Some(&at) = lanes.get(initiative.team_id.as_str()) {
                efforts[at] += u32::from(initiative.effort);
            }
        }
        efforts
    }
}
