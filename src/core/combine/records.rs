//! What the merge needs of each kind of entity (`Record`): its list and pool, the key it
//! matches by on another board, how its references follow renamed ids, and its fields as
//! the preview compares and shows them. The rules that use them are in `combine`.

use super::*;

/// One field of an entity, for comparing and showing.
pub(super) struct Part {
    pub(super) name: &'static str,
    pub(super) decisive: bool,
    pub(super) value: Value,
}

#[derive(PartialEq)]
pub(super) enum Value {
    Text(String),
    One(Kind, Option<Id>),
    Many(Kind, Vec<Id>),
}

impl Value {
    pub(super) fn show(&self, name: &dyn Fn(Kind, &str) -> Option<String>) -> String {
        let named = |kind, id: &Id| name(kind, id).unwrap_or_else(|| id.clone());
        match self {
            Value::Text(text) => text.clone(),
            Value::One(_, None) => "none".into(),
            Value::One(kind, Some(id)) => named(*kind, id),
            Value::Many(_, ids) if ids.is_empty() => "none".into(),
            Value::Many(kind, ids) => ids
                .iter()
                .map(|id| named(*kind, id))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

fn part(name: &'static str, decisive: bool, value: Value) -> Part {
    Part {
        name,
        decisive,
        value,
    }
}

fn text(name: &'static str, decisive: bool, value: impl ToString) -> Part {
    part(name, decisive, Value::Text(value.to_string()))
}

fn optional<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map_or_else(|| "none".into(), T::to_string)
}

/// What the merge needs of each kind of entity.
pub(super) trait Record: Entity + 'static {
    const WHAT: Kind;
    fn list(board: &Board) -> &List<Self>;
    fn pool<'p, 'a>(pools: &'p mut Pools<'a>) -> &'p mut Pool<'a, Self>;
    fn pool_ref<'p, 'a>(pools: &'p Pools<'a>) -> &'p Pool<'a, Self>;
    fn id_mut(&mut self) -> &mut Id;
    /// What matches it across boards, in the board's ids (`maps` translates the file's).
    fn key(&self, maps: &Maps) -> String;
    /// Its references, made the board's.
    fn translate(&mut self, maps: &Maps);
    /// Takes from `current`, its match, what a merge keeps of the board's: creation
    /// time, and the board's spelling of a name that differs only in case and spacing.
    fn keep(&mut self, _current: &Self) {}
    /// When it last changed, for kinds that say.
    fn stamp(&self) -> Option<Timestamp> {
        None
    }
    /// The team whose work it is, for kinds that belong to one.
    fn team(&self) -> Option<&str> {
        None
    }
    /// Its fields, to compare and to show: all but the id and what `keep` takes.
    fn parts(&self) -> Vec<Part>;
    /// How a person recognises it, with the names of `board`, the file's board.
    fn label(&self, _board: &Board) -> String {
        self.name().to_string()
    }
    /// The moment a record of the history records, shown beside its label.
    fn at(&self) -> Option<Timestamp> {
        None
    }
}

/// The board's spelling of `ours` if `theirs` differs from it only in case and spacing.
fn keep_spelling(theirs: &mut String, ours: &str) {
    if theirs != ours && normal(theirs) == normal(ours) {
        *theirs = ours.to_string();
    }
}

fn translate_one(id: &mut Id, kind: Kind, maps: &Maps) {
    let to = maps.to(kind, id);
    if to != id {
        *id = to.to_string();
    }
}

/// Translates a list of references; two that become one (matched by hand to the same
/// entity) are listed once.
fn translate_many(ids: &mut Vec<Id>, kind: Kind, maps: &Maps) {
    let mut seen: Vec<Id> = Vec::with_capacity(ids.len());
    for id in ids.drain(..) {
        let to = maps.to(kind, &id).to_string();
        if !seen.contains(&to) {
            seen.push(to);
        }
    }
    *ids = seen;
}

macro_rules! pooled {
    ($kind:ident, $field:ident) => {
        const WHAT: Kind = Kind::$kind;
        fn list(board: &Board) -> &List<Self> {
            &board.$field
        }
        fn pool<'p, 'a>(pools: &'p mut Pools<'a>) -> &'p mut Pool<'a, Self> {
            &mut pools.$field
        }
        fn pool_ref<'p, 'a>(pools: &'p Pools<'a>) -> &'p Pool<'a, Self> {
            &pools.$field
        }
        fn id_mut(&mut self) -> &mut Id {
            &mut self.id
        }
    };
}

impl Record for Team {
    pooled!(Team, teams);
    fn key(&self, _: &Maps) -> String {
        normal(&self.name)
    }
    fn translate(&mut self, maps: &Maps) {
        if let Some(lead) = &mut self.lead_id {
            translate_one(lead, Kind::Person, maps);
        }
    }
    fn keep(&mut self, current: &Self) {
        keep_spelling(&mut self.name, &current.name);
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            text("name", true, &self.name),
            part("lead", true, Value::One(Kind::Person, self.lead_id.clone())),
        ]
    }
}

impl Record for Person {
    pooled!(Person, people);
    fn key(&self, _: &Maps) -> String {
        normal(&self.name)
    }
    fn translate(&mut self, maps: &Maps) {
        if let Some(team) = &mut self.team_id {
            translate_one(team, Kind::Team, maps);
        }
    }
    fn keep(&mut self, current: &Self) {
        keep_spelling(&mut self.name, &current.name);
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            text("name", true, &self.name),
            part("team", true, Value::One(Kind::Team, self.team_id.clone())),
        ]
    }
}

impl Record for Priority {
    pooled!(Priority, priorities);
    fn key(&self, _: &Maps) -> String {
        normal(&self.title)
    }
    fn translate(&mut self, maps: &Maps) {
        if let Some(owner) = &mut self.owner_id {
            translate_one(owner, Kind::Person, maps);
        }
    }
    fn keep(&mut self, current: &Self) {
        keep_spelling(&mut self.title, &current.title);
        self.created_at = current.created_at;
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            text("title", true, &self.title),
            text("description", false, &self.description),
            text("rank", true, self.rank),
            part(
                "owner",
                true,
                Value::One(Kind::Person, self.owner_id.clone()),
            ),
            text("status", true, self.status.key()),
            text("success measure", false, &self.success_measure),
        ]
    }
}

impl Record for Initiative {
    pooled!(Initiative, initiatives);
    fn key(&self, maps: &Maps) -> String {
        format!(
            "{}\u{1f}{}",
            maps.to(Kind::Team, &self.team_id),
            normal(&self.title)
        )
    }
    fn translate(&mut self, maps: &Maps) {
        translate_one(&mut self.team_id, Kind::Team, maps);
        if let Some(owner) = &mut self.owner_id {
            translate_one(owner, Kind::Person, maps);
        }
        translate_many(&mut self.priority_ids, Kind::Priority, maps);
    }
    fn keep(&mut self, current: &Self) {
        keep_spelling(&mut self.title, &current.title);
        self.created_at = current.created_at;
        // Risk ids mean nothing outside their initiative: the same risks are the same.
        let bare = |risks: &[Risk]| -> Vec<(String, _, bool)> {
            risks
                .iter()
                .map(|r| (r.text.clone(), r.severity, r.open))
                .collect()
        };
        if self.risks != current.risks && bare(&self.risks) == bare(&current.risks) {
            self.risks.clone_from(&current.risks);
        }
    }
    fn stamp(&self) -> Option<Timestamp> {
        Some(self.updated_at)
    }
    fn team(&self) -> Option<&str> {
        Some(&self.team_id)
    }
    fn parts(&self) -> Vec<Part> {
        let risks = self
            .risks
            .iter()
            .map(|r| {
                format!(
                    "{} ({}, {})",
                    r.text,
                    r.severity.key(),
                    if r.open { "open" } else { "closed" }
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        vec![
            text("title", true, &self.title),
            text("description", false, &self.description),
            part(
                "team",
                true,
                Value::One(Kind::Team, Some(self.team_id.clone())),
            ),
            part(
                "owner",
                true,
                Value::One(Kind::Person, self.owner_id.clone()),
            ),
            part(
                "priorities",
                true,
                Value::Many(Kind::Priority, self.priority_ids.clone()),
            ),
            text("effort", false, format!("{} %", self.effort)),
            text("status", true, self.status.label()),
            text("progress", false, format!("{} %", self.progress)),
            text("confidence", false, optional(&self.confidence)),
            text("due", false, optional(&self.due)),
            text(
                "risks",
                false,
                if risks.is_empty() {
                    "none".into()
                } else {
                    risks
                },
            ),
            text("last changed", false, self.updated_at),
        ]
    }
}

impl Record for CheckIn {
    pooled!(CheckIn, check_ins);
    fn key(&self, maps: &Maps) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}",
            maps.to(Kind::Initiative, &self.initiative_id),
            self.at.unix_seconds(),
            normal(&self.note)
        )
    }
    fn translate(&mut self, maps: &Maps) {
        translate_one(&mut self.initiative_id, Kind::Initiative, maps);
        if let Some(author) = &mut self.author_id {
            translate_one(author, Kind::Person, maps);
        }
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            part(
                "initiative",
                false,
                Value::One(Kind::Initiative, Some(self.initiative_id.clone())),
            ),
            text("at", false, self.at),
            text("status", false, self.status.label()),
            text("progress", false, format!("{} %", self.progress)),
            text("confidence", false, optional(&self.confidence)),
            text("note", false, &self.note),
            part(
                "author",
                false,
                Value::One(Kind::Person, self.author_id.clone()),
            ),
        ]
    }
    fn label(&self, board: &Board) -> String {
        let on = board
            .initiative(&self.initiative_id)
            .map_or(self.initiative_id.as_str(), |i| &i.title);
        on.to_string()
    }
    fn at(&self) -> Option<Timestamp> {
        Some(self.at)
    }
}

impl Record for Dependency {
    pooled!(Dependency, dependencies);
    fn key(&self, maps: &Maps) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}",
            maps.to(Kind::Initiative, &self.from_initiative_id),
            maps.to(Kind::Team, &self.to_team_id),
            normal(&self.need)
        )
    }
    fn translate(&mut self, maps: &Maps) {
        translate_one(&mut self.from_initiative_id, Kind::Initiative, maps);
        translate_one(&mut self.to_team_id, Kind::Team, maps);
        if let Some(to) = &mut self.to_initiative_id {
            translate_one(to, Kind::Initiative, maps);
        }
    }
    fn keep(&mut self, current: &Self) {
        keep_spelling(&mut self.need, &current.need);
    }
    fn stamp(&self) -> Option<Timestamp> {
        Some(self.latest())
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            part(
                "asked by",
                true,
                Value::One(Kind::Initiative, Some(self.from_initiative_id.clone())),
            ),
            part(
                "asks team",
                true,
                Value::One(Kind::Team, Some(self.to_team_id.clone())),
            ),
            part(
                "for initiative",
                true,
                Value::One(Kind::Initiative, self.to_initiative_id.clone()),
            ),
            text("need", true, &self.need),
            text("due", false, optional(&self.due)),
            text("promised", false, optional(&self.promised)),
            text("state", true, self.state.key()),
            text("requested", false, self.requested_at),
            text("answered", false, optional(&self.answered_at)),
            text("answer", false, &self.answer_note),
            text("delivered", false, optional(&self.delivered_at)),
        ]
    }
}

impl Record for Decision {
    pooled!(Decision, decisions);
    fn key(&self, _: &Maps) -> String {
        format!(
            "{}\u{1f}{}",
            normal(&self.title),
            self.decided_at.unix_seconds()
        )
    }
    fn translate(&mut self, maps: &Maps) {
        if let Some(owner) = &mut self.owner_id {
            translate_one(owner, Kind::Person, maps);
        }
        translate_many(&mut self.priority_ids, Kind::Priority, maps);
        translate_many(&mut self.team_ids, Kind::Team, maps);
        translate_many(&mut self.initiative_ids, Kind::Initiative, maps);
    }
    fn keep(&mut self, current: &Self) {
        keep_spelling(&mut self.title, &current.title);
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            text("title", true, &self.title),
            text("kind", true, self.kind.key()),
            text("rationale", false, &self.rationale),
            text("decided", false, self.decided_at),
            part(
                "owner",
                true,
                Value::One(Kind::Person, self.owner_id.clone()),
            ),
            part(
                "priorities",
                true,
                Value::Many(Kind::Priority, self.priority_ids.clone()),
            ),
            part(
                "teams",
                false,
                Value::Many(Kind::Team, self.team_ids.clone()),
            ),
            part(
                "work stopped",
                false,
                Value::Many(Kind::Initiative, self.initiative_ids.clone()),
            ),
            text("revisit on", false, optional(&self.revisit_on)),
        ]
    }
}

impl Record for Review {
    pooled!(Review, reviews);
    fn key(&self, _: &Maps) -> String {
        format!("{}\u{1f}{}", self.kind.key(), self.at.unix_seconds())
    }
    fn translate(&mut self, maps: &Maps) {
        if let Some(team) = &mut self.team_id {
            translate_one(team, Kind::Team, maps);
        }
    }
    fn parts(&self) -> Vec<Part> {
        vec![
            text("kind", false, self.kind.key()),
            text("at", false, self.at),
            text("summary", false, &self.summary),
            text("score", false, optional(&self.score)),
            part("team", false, Value::One(Kind::Team, self.team_id.clone())),
        ]
    }
    fn label(&self, board: &Board) -> String {
        let team = self.team_id.as_deref().and_then(|id| board.team(id));
        match (self.kind, team) {
            (ReviewKind::CheckIn, Some(team)) => format!("{}'s check-in round", team.name),
            (ReviewKind::CheckIn, None) => "Check-in round".into(),
            (ReviewKind::Review, _) => "Review".into(),
            (ReviewKind::Planning, _) => "Planning".into(),
        }
    }
    fn at(&self) -> Option<Timestamp> {
        Some(self.at)
    }
}
