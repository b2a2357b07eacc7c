//! Two tabs (or two embeds of one storage key) editing the same board: a three-way merge
//! by entity. From the board both started from (`base`), this tab's (`mine`) and the one
//! another tab saved (`theirs`), each entity — priority, initiative, check-in, team… —
//! and each of the board's own fields is taken from the side that changed it. Only an
//! entity both sides changed, differently, is a conflict: the person is asked which
//! board to keep. A merge that would break the board's invariants (this tab added work
//! to a team the other tab deleted), or of a board one side replaced, is a conflict of
//! the whole board, whose merge is this tab's board.

use super::list::List;
use super::model::{
    Board, CheckIn, Decision, Dependency, Initiative, Person, Priority, Review, Team,
};
use super::validate;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

/// What a merge made.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged board; where both sides changed an entity, this tab's version of it.
    pub board: Board,
    /// What both sides changed, in words (`initiative “Onboarding”`); empty when the
    /// merge is clean.
    pub conflicts: Vec<String>,
    /// Whether the conflict is the whole board's: one side replaced it, or the changes do
    /// not fit together (`conflicts` then says which, in one line).
    pub whole: bool,
}

/// An entity of one of the board's lists, as the merge sees it (and `combine`, which
/// merges snapshot files).
pub(super) trait Entity: Clone + PartialEq {
    const KIND: &'static str;
    fn id(&self) -> &str;
    /// How a person recognises it.
    fn name(&self) -> &str;
}

macro_rules! entity {
    ($type:ty, $kind:literal, |$x:ident| $name:expr) => {
        impl Entity for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                let $x = self;
                $name
            }
        }
    };
}

entity!(Person, "person", |x| &x.name);
entity!(Team, "team", |x| &x.name);
entity!(Priority, "priority", |x| &x.title);
entity!(Initiative, "initiative", |x| &x.title);
entity!(CheckIn, "check-in", |x| &x.id);
entity!(Dependency, "dependency", |x| &x.need);
entity!(Decision, "decision", |x| &x.title);
entity!(Review, "review", |x| &x.summary);

/// Merges `mine` and `theirs`, both changed from `base`.
pub fn merge(base: &Board, mine: &Board, theirs: &Board) -> Merged {
    let mut conflicts = Vec::new();
    let mut board = theirs.clone();
    macro_rules! fields {
        ($($field:ident: $name:literal),*) => {$(
            let (chosen, conflict) = pick(&base.$field, &mine.$field, &theirs.$field);
            if conflict {
                conflicts.push(format!("the board’s {}", $name));
            }
            board.$field = chosen.clone();
        )*};
    }
    fields!(title: "title", purpose: "purpose", period: "period", rhythm: "rhythm", slice: "slice mark");
    macro_rules! lists {
        ($($field:ident),*) => {$(
            board.$field = list(&base.$field, &mine.$field, &theirs.$field, &mut conflicts);
        )*};
    }
    lists!(
        people,
        teams,
        priorities,
        initiatives,
        check_ins,
        dependencies,
        decisions,
        reviews
    );
    // Work one tab deleted leaves the decisions that stopped it, as a deletion does, though
    // the other tab changed such a decision: the rest of the merge holds.
    let gone: Vec<_> = (board.decisions.iter())
        .flat_map(|d| d.initiative_ids.iter())
        .filter(|id| board.initiative(id).is_none())
        .cloned()
        .collect();
    if !gone.is_empty() {
        board.decisions.update_where(
            |d| d.initiative_ids.iter().any(|id| gone.contains(id)),
            |d| d.initiative_ids.retain(|id| !gone.contains(id)),
        );
    }
    // A board replaced in one tab (an import, a fresh start) has nothing to merge with;
    // a merge that breaks the board is no merge either: this tab's board, whole.
    let whole = if mine.id != base.id || theirs.id != base.id {
        Some("the whole board: it was replaced")
    } else if !validate::problems(&board).is_empty() {
        Some("the board as a whole: the changes do not fit together")
    } else {
        None
    };
    if let Some(why) = whole {
        conflicts = vec![why.into()];
        board = mine.clone();
    }
    Merged {
        board,
        conflicts,
        whole: whole.is_some(),
    }
}

/// The value to keep, and whether both sides changed it differently (then this tab's).
fn pick<'a, T: PartialEq + ?Sized>(base: &'a T, mine: &'a T, theirs: &'a T) -> (&'a T, bool) {
    if mine == theirs || theirs == base {
        (mine, false)
    } else if mine == base {
        (theirs, false)
    } else {
        (mine, true)
    }
}

/// Merges one of the board's lists by id: the other tab's order, then what only this tab
/// has, in its order.
fn list<T: Entity>(
    base: &List<T>,
    mine: &List<T>,
    theirs: &List<T>,
    conflicts: &mut Vec<String>,
) -> List<T> {
    // Most saves change a list or two: the others are shared, and cost nothing.
    if mine.same(base) {
        return theirs.clone();
    }
    if theirs.same(base) {
        return mine.clone();
    }
    let (in_base, in_mine, in_theirs) = (index(base), index(mine), index(theirs));
    // The items are shared with the boards they come from, not copied: an undo history
    // holds merged boards too.
    let mut merged = Vec::with_capacity(theirs.len().max(mine.len()));
    let sides = (theirs.deref().iter()).map(|x| (x, Some(x), in_mine.get(x.id()).copied()));
    let only_mine = (mine.deref().iter())
        .filter(|x| !in_theirs.contains_key(x.id()))
        .map(|x| (x, None, Some(x)));
    // Ids are unique within a list: each id comes once, from the other tab's list or
    // from what only this tab has.
    for (any, theirs, mine) in sides.chain(only_mine) {
        let base = in_base.get(any.id()).copied();
        let (&chosen, conflict) = pick(&base, &mine, &theirs);
        if conflict {
            conflicts.push(named(T::KIND, chosen.unwrap_or(any).name()));
        }
        if let Some(x) = chosen {
            merged.push(x.clone());
        }
    }
    List::of_shared(merged)
}

fn index<T: Entity>(list: &List<T>) -> HashMap<&str, &Rc<T>> {
    list.deref().iter().map(|x| (x.id(), x)).collect()
}

/// `initiative “Onboarding”`: once for every kind of entity.
#[inline(never)]
fn named(kind: &str, name: &str) -> String {
    format!("{kind} “{name}”")
}
