//! What differs between two boards: priorities, initiatives, teams, people, dependencies
//! and decisions added, removed or changed, field by field, in words. A pure function of
//! two boards; entities are matched by id, so a renamed or moved item is one change, not a
//! removal and an addition.

use super::index::positions;
use super::model::{Board, Id, Initiative, Priority};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Priority,
    Initiative,
    Team,
    Person,
    Dependency,
    Decision,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Priority,
        Kind::Initiative,
        Kind::Team,
        Kind::Person,
        Kind::Dependency,
        Kind::Decision,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Priority => "priority",
            Kind::Initiative => "initiative",
            Kind::Team => "team",
            Kind::Person => "person",
            Kind::Dependency => "dependency",
            Kind::Decision => "decision",
        }
    }
}

/// One field that changed, with both values in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Changed(Vec<Field>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub kind: Kind,
    pub id: Id,
    /// Its name on the newer board (on the older one when it was removed).
    pub name: String,
    pub change: Change,
}

impl Difference {
    /// The change to `name`, if this difference has one.
    pub fn field(&self, name: &str) -> Option<&Field> {
        match &self.change {
            Change::Changed(fields) => fields.iter().find(|f| f.name == name),
            _ => None,
        }
    }
}

/// Every difference, by kind (priorities first), changed and added items in the newer
/// board's order, then removed ones in the older board's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub items: Vec<Difference>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many items of `kind` were added, removed and changed.
    pub fn counts(&self, kind: Kind) -> (usize, usize, usize) {
        self.items
            .iter()
            .filter(|d| d.kind == kind)
            .fold((0, 0, 0), |(a, r, c), d| match d.change {
                Change::Added => (a + 1, r, c),
                Change::Removed => (a, r + 1, c),
                Change::Changed(_) => (a, r, c + 1),
            })
    }
}

/// Collects the fields that differ.
struct Fields(Vec<Field>);

impl Fields {
    fn text(&mut self, name: &'static str, before: &str, after: &str) {
        if before != after {
            self.0.push(Field {
                name,
                before: before.to_string(),
                after: after.to_string(),
            });
        }
    }

    /// Compares cheaply first and writes the words only for what differs.
    fn value<T: PartialEq>(
        &mut self,
        name: &'static str,
        before: T,
        after: T,
        words: impl Fn(&T) -> String,
    ) {
        if before != after {
            self.0.push(Field {
                name,
                before: words(&before),
                after: words(&after),
            });
        }
    }
}

fn or_none(value: Option<String>) -> String {
    value.unwrap_or_else(|| "none".into())
}

fn person(board: &Board, id: &Option<Id>) -> String {
    or_none(
        id.as_deref()
            .map(|id| board.person(id).map_or(id, |p| p.name.as_str()).to_string()),
    )
}

fn team(board: &Board, id: &str) -> String {
    board.team(id).map_or(id, |t| t.name.as_str()).to_string()
}

fn priority_titles(board: &Board, ids: &[Id]) -> String {
    if ids.is_empty() {
        return "local work".into();
    }
    ids.iter()
        .map(|id| board.priority(id).map_or(id.as_str(), |p| p.title.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn initiative_titles(board: &Board, ids: &[Id]) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    ids.iter()
        .map(|id| {
            board
                .initiative(id)
                .map_or(id.as_str(), |i| i.title.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn percent(value: &u8) -> String {
    format!("{value} %")
}

/// The one initiative that `after` holds changed or anew against `before`, if exactly one
/// does: the card an undone or redone step was about (a move, a status, a deletion undone),
/// which then gets focus. `None` when the initiatives are the same list, or several changed.
pub fn changed_initiative(before: &Board, after: &Board) -> Option<Id> {
    if before.initiatives.same(&after.initiatives) {
        return None;
    }
    let mut changed = after
        .initiatives
        .iter()
        .filter(|i| before.initiative(&i.id) != Some(*i));
    let one = changed.next()?;
    changed.next().is_none().then(|| one.id.clone())
}

/// The differences from `before` to `after`.
pub fn diff(before: &Board, after: &Board) -> Diff {
    let mut items = Vec::new();
    compare(
        &mut items,
        Kind::Priority,
        &before.priorities,
        &after.priorities,
        |p| (&p.id, &p.title),
        |a, b| priority_fields(before, after, a, b),
    );
    compare(
        &mut items,
        Kind::Initiative,
        &before.initiatives,
        &after.initiatives,
        |i| (&i.id, &i.title),
        |a, b| initiative_fields(before, after, a, b),
    );
    compare(
        &mut items,
        Kind::Team,
        &before.teams,
        &after.teams,
        |t| (&t.id, &t.name),
        |a, b| {
            let mut f = Fields(Vec::new());
            f.text("name", &a.name, &b.name);
            if a.lead_id != b.lead_id {
                f.text(
                    "lead",
                    &person(before, &a.lead_id),
                    &person(after, &b.lead_id),
                );
            }
            f.0
        },
    );
    compare(
        &mut items,
        Kind::Person,
        &before.people,
        &after.people,
        |p| (&p.id, &p.name),
        |a, b| {
            let mut f = Fields(Vec::new());
            f.text("name", &a.name, &b.name);
            if a.team_id != b.team_id {
                f.text(
                    "team",
                    &or_none(a.team_id.as_deref().map(|t| team(before, t))),
                    &or_none(b.team_id.as_deref().map(|t| team(after, t))),
                );
            }
            f.0
        },
    );
    compare(
        &mut items,
        Kind::Dependency,
        &before.dependencies,
        &after.dependencies,
        |d| (&d.id, &d.need),
        |a, b| {
            let mut f = Fields(Vec::new());
            f.text("need", &a.need, &b.need);
            f.value("state", a.state, b.state, |s| s.key().to_string());
            if a.to_team_id != b.to_team_id {
                f.text(
                    "asked of",
                    &team(before, &a.to_team_id),
                    &team(after, &b.to_team_id),
                );
            }
            f.value("due", a.due, b.due, |d| or_none(d.map(|d| d.to_string())));
            f.0
        },
    );
    compare(
        &mut items,
        Kind::Decision,
        &before.decisions,
        &after.decisions,
        |d| (&d.id, &d.title),
        |a, b| {
            let mut f = Fields(Vec::new());
            f.text("title", &a.title, &b.title);
            f.value("kind", a.kind, b.kind, |k| k.key().to_string());
            f.text("rationale", &a.rationale, &b.rationale);
            if a.owner_id != b.owner_id {
                f.text(
                    "owner",
                    &person(before, &a.owner_id),
                    &person(after, &b.owner_id),
                );
            }
            if a.initiative_ids != b.initiative_ids {
                f.text(
                    "work stopped",
                    &initiative_titles(before, &a.initiative_ids),
                    &initiative_titles(after, &b.initiative_ids),
                );
            }
            if a.priority_ids != b.priority_ids {
                f.text(
                    "priorities",
                    &priority_titles(before, &a.priority_ids),
                    &priority_titles(after, &b.priority_ids),
                );
            }
            f.value("revisit on", a.revisit_on, b.revisit_on, |d| {
                or_none(d.map(|d| d.to_string()))
            });
            f.0
        },
    );
    Diff { items }
}

/// Matches two lists by id and records what was added, removed or changed.
fn compare<T>(
    out: &mut Vec<Difference>,
    kind: Kind,
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> (&Id, &String),
    fields: impl Fn(&T, &T) -> Vec<Field>,
) {
    let old = positions(before.iter().map(|x| key(x).0.as_str()));
    let new = positions(after.iter().map(|x| key(x).0.as_str()));
    for item in after {
        let (id, name) = key(item);
        let change = match old.get(id.as_str()).copied() {
            None => Change::Added,
            Some(at) => {
                let changed = fields(&before[at], item);
                if changed.is_empty() {
                    continue;
                }
                Change::Changed(changed)
            }
        };
        out.push(Difference {
            kind,
            id: id.clone(),
            name: name.clone(),
            change,
        });
    }
    for item in before {
        let (id, name) = key(item);
        if !new.contains_key(id.as_str()) {
            out.push(Difference {
                kind,
                id: id.clone(),
                name: name.clone(),
                change: Change::Removed,
            });
        }
    }
}

fn priority_fields(before: &Board, after: &Board, a: &Priority, b: &Priority) -> Vec<Field> {
    let mut f = Fields(Vec::new());
    f.text("title", &a.title, &b.title);
    f.value("rank", a.rank, b.rank, |r| format!("#{r}"));
    f.value("status", a.status, b.status, |s| s.key().to_string());
    if a.owner_id != b.owner_id {
        f.text(
            "owner",
            &person(before, &a.owner_id),
            &person(after, &b.owner_id),
        );
    }
    f.text("success measure", &a.success_measure, &b.success_measure);
    f.text("description", &a.description, &b.description);
    f.0
}

fn initiative_fields(before: &Board, after: &Board, a: &Initiative, b: &Initiative) -> Vec<Field> {
    let mut f = Fields(Vec::new());
    f.text("title", &a.title, &b.title);
    if a.team_id != b.team_id {
        f.text("team", &team(before, &a.team_id), &team(after, &b.team_id));
    }
    if a.priority_ids != b.priority_ids {
        f.text(
            "priorities",
            &priority_titles(before, &a.priority_ids),
            &priority_titles(after, &b.priority_ids),
        );
    }
    if a.owner_id != b.owner_id {
        f.text(
            "owner",
            &person(before, &a.owner_id),
            &person(after, &b.owner_id),
        );
    }
    f.value("status", a.status, b.status, |s| s.label().to_string());
    f.value("progress", a.progress, b.progress, percent);
    f.value("effort", a.effort, b.effort, percent);
    f.value("confidence", a.confidence, b.confidence, |c| {
        or_none(c.map(|c| format!("{c} / 10")))
    });
    f.value("due", a.due, b.due, |d| or_none(d.map(|d| d.to_string())));
    f.text("description", &a.description, &b.description);
    let open = |i: &Initiative| {
        i.risks
            .iter()
            .filter(|r| r.open)
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (open_a, open_b) = (open(a), open(b));
    if open_a != open_b {
        f.text(
            "open risks",
            if open_a.is_empty() { "none" } else { &open_a },
            if open_b.is_empty() { "none" } else { &open_b },
        );
    }
    f.0
}
