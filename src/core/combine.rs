//! Merging snapshot files into this board: a team of teams brings its teams' boards (or
//! slices cut from this one, `core::slice`) together without retyping them. `plan` shows,
//! before anything changes, what each file brings; `apply` makes the merged board with the
//! person's choices, for one undo step (`Action::Merge`). Pure: files are read by the
//! caller, nothing here reads a clock or randomness. (`core::merge` is the other merge:
//! two tabs of one board, with a common base.)
//!
//! # The rules
//!
//! **Files** are merged one after another in the order of their names (the picker's order
//! is the system's), each into the board as the earlier ones left it, so a priority that
//! two foreign files both bring arrives once. A file that cannot be read (not a snapshot, a
//! newer version, broken) is refused with its name and the path of the problem, as is one
//! whose merge would break an invariant of the board; the others merge all the same.
//!
//! **Matching.** Ids match only within one board's family: a file whose board id is this
//! board's (a slice cut from it, or a copy) matches every entity by id. A file from another
//! board matches by name, case and spacing ignored (`normal`): teams and people by name,
//! priorities by title, initiatives by title within their team (so two teams' "Onboarding"
//! stay two), check-ins by initiative, time and note, dependencies by asking initiative,
//! asked team and need, decisions by title and time, reviews by kind and time. Each board
//! entity is matched at most once per file (the second "Sam" of a file matches the board's
//! second "Sam", or is new). The person can undo a match (`Choice::Unmatch`: the item is
//! new) or match an item by hand (`Choice::MatchTo`).
//!
//! **New items** keep their id unless the board (or an earlier file) already uses it: then
//! they get a new id of the form of `ids::new_id`, derived from the file's board id and the
//! old id, and every reference inside the file follows. Another board's `i-3` never
//! overwrites this board's `i-3`.
//!
//! **Matched items** are compared with references translated to this board's ids and the
//! board's own spelling of a matched name. Equal: *same*, nothing to do. Different: there
//! is no common version to tell which side changed what, so a difference is settled by
//! time where the entity has one, and by the board otherwise:
//!
//! - the *default* is the newer side by `updatedAt` for initiatives and by the request's
//!   last move for dependencies (asked, answered or reopened, delivered: `requestedAt`,
//!   `answeredAt`, `deliveredAt`, the latest); a tie, and every other kind, keep
//!   the board's side (so the board's own ranking of priorities is the default);
//! - it is a **conflict**, shown with both values for the person to pick
//!   (`Choice::Pick`), when a field a person decides on differs: a name or title, a
//!   team, an owner or lead, the priorities served, a status or state, a priority's rank,
//!   a decision's kind, a dependency's ends and need, or when both sides carry the same
//!   time (neither is newer); otherwise it is **changed** (description, effort, progress,
//!   confidence, dates, notes, risks), and the default is taken without asking (a pick
//!   overrides it too).
//!
//! **A slice sent back** (a file of this board's family marked with its cut,
//! `Board::slice`) says more, through the time it was cut: for an entity stamped on both
//! sides, a file side stamped before the cut while the board's is newer is the copy the
//! slice was sent with (*same*: the board's version stands); one stamped later
//! while the board's side is too changed on both sides since the cut (a
//! **conflict**, `SinceCut::Both`, whatever the fields); and a later one of an initiative
//! of a team the slice was not cut for is another team's work (a **conflict**, the board's
//! side the default, `SinceCut::OtherTeam`). Only then do the rules above decide. The cut
//! counts only on a whole board, or on a copy of the same slice: another slice's board
//! lacks what changed before the file's cut.
//!
//! A side is taken whole: the entity is the board's or the file's, never a mix. An entity
//! keeps the board's id and creation time. Ranks a merge gives twice (a new priority at a
//! rank the board uses, or one the person took from the file) are spread out by moving
//! the later ones down; the board's ranks otherwise stay as they are.
//!
//! **History** (check-ins, decisions, dependencies, reviews) is united by the same
//! matching, so a check-in merged twice is one check-in.
//!
//! **What a merge never does:** delete (a file that lacks something says nothing about
//! it: a slice lacks most of the board), or change the board's own title, purpose,
//! period, rhythm or id.
//!
//! Hence merging the board with itself changes nothing, merging a file twice is merging
//! it once, the result passes `validate`, and files give the same board in any two orders
//! in which they have no conflict (`tests/core_combine.rs`,
//! `tests/core_combine_properties.rs`; a slice sent back can conflict with what a file
//! merged before it changed since its cut, so one order may have a conflict the other has
//! not).

use super::ids::{self, derived_bits};
use super::index::positions;
use super::list::List;
use super::merge::Entity;
use super::model::{
    Board, CheckIn, Cut, Decision, Dependency, Id, Initiative, Person, Priority, Review,
    ReviewKind, Risk, Team,
};
use super::snapshot::{self, Loaded, ReadError};
use super::time::Timestamp;
use super::validate;
use fnv::{FnvHashMap, FnvHashSet};
use std::fmt;
use std::rc::Rc;

mod file;
mod pools;
mod records;
mod steps;
use file::{merge_file, Maps};
use pools::{name_on, Pool, Pools};
use records::Record;
pub use steps::{apply, plan, replan};

// ---------------------------------------------------------------------------------------
// What goes in, what comes out

/// One file to merge: its name and what the snapshot reader made of it.
#[derive(Clone, Debug)]
pub struct Incoming {
    pub name: String,
    pub read: Result<Loaded, ReadError>,
}

impl Incoming {
    /// Reads `text` (a snapshot, or a picture that carries one) as the file `name`.
    pub fn read(name: impl Into<String>, text: &str) -> Incoming {
        Incoming {
            name: name.into(),
            read: snapshot::read(text),
        }
    }

    /// A board already in hand, as if read from the file `name`.
    pub fn board(name: impl Into<String>, board: Board) -> Incoming {
        Incoming {
            name: name.into(),
            read: Ok(Loaded {
                board,
                exported_at: None,
                migrated_from: None,
            }),
        }
    }
}

/// The kinds of entity a merge goes through, in the order it does: what an entity refers
/// to comes first (a person's team, an initiative's priorities).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Team,
    Person,
    Priority,
    Initiative,
    CheckIn,
    Dependency,
    Decision,
    Review,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Team,
        Kind::Person,
        Kind::Priority,
        Kind::Initiative,
        Kind::CheckIn,
        Kind::Dependency,
        Kind::Decision,
        Kind::Review,
    ];

    /// One of them, in words.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Team => "team",
            Kind::Person => "person",
            Kind::Priority => "priority",
            Kind::Initiative => "initiative",
            Kind::CheckIn => "check-in",
            Kind::Dependency => "dependency",
            Kind::Decision => "decision",
            Kind::Review => "review",
        }
    }

    /// Several of them, in words.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Team => "teams",
            Kind::Person => "people",
            Kind::Priority => "priorities",
            Kind::Initiative => "initiatives",
            Kind::CheckIn => "check-ins",
            Kind::Dependency => "dependencies",
            Kind::Decision => "decisions",
            Kind::Review => "reviews",
        }
    }
}

/// What a merge would do, file by file, before anything changes.
#[derive(Clone, Debug)]
pub struct MergePlan {
    /// Every file, in the order they are merged (by name).
    pub files: Vec<FilePlan>,
    /// The files as read, in the same order.
    inputs: Vec<Input>,
    /// The choices this plan was made with.
    choices: Choices,
    /// The board the plan leads to.
    merged: Rc<Board>,
}

#[derive(Clone, Debug)]
struct Input {
    name: String,
    board: Result<Rc<Board>, Refusal>,
}

/// One file of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct FilePlan {
    pub name: String,
    /// What it brings, or why it is refused.
    pub outcome: Result<FileMerge, Refusal>,
}

/// Why a file is not merged: where in it (a snapshot path such as
/// `board.initiatives[3].teamId`, or empty for the whole file) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.as_str() {
            "" => f.write_str(&self.message),
            path => write!(f, "{path}: {}", self.message),
        }
    }
}

impl From<&ReadError> for Refusal {
    fn from(error: &ReadError) -> Refusal {
        match error {
            ReadError::Malformed { path, message } => Refusal {
                path: path.clone(),
                message: message.clone(),
            },
            ReadError::Invalid(problems) => Refusal {
                path: problems[0].path.clone(),
                message: problems[0].message.clone(),
            },
            other => Refusal {
                path: String::new(),
                message: other.to_string(),
            },
        }
    }
}

/// What one readable file brings.
#[derive(Clone, Debug, PartialEq)]
pub struct FileMerge {
    /// The id of the board the file holds.
    pub board_id: Id,
    pub title: String,
    /// Whether it is of this board's family (the same board id): then it matches by id.
    pub family: bool,
    /// Each of its entities, kind by kind (in `Kind::ALL` order), in the file's order.
    pub items: Vec<Item>,
}

impl FileMerge {
    /// Its items of one kind.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |item| item.kind == kind)
    }

    /// How many items are new, same, changed and in conflict.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for item in &self.items {
            match &item.verdict {
                Verdict::New { .. } => counts.new += 1,
                Verdict::Same => counts.same += 1,
                Verdict::Changed(d) | Verdict::Conflict(d) => {
                    if matches!(item.verdict, Verdict::Conflict(_)) {
                        counts.conflicts += 1;
                    } else {
                        counts.changed += 1;
                    }
                    if d.chosen == Side::File {
                        counts.taken += 1;
                    }
                }
            }
        }
        counts
    }
}

/// A file's items by verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub same: usize,
    pub changed: usize,
    pub conflicts: usize,
    /// Changed or conflicting items whose file side is taken.
    pub taken: usize,
}

/// One entity of a file and what the merge does with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: Kind,
    /// Its id in the file.
    pub id: Id,
    /// Its id on the merged board: the one it matched, its own, or a new one.
    pub target: Id,
    /// How a person recognises it: a name or a title; for a check-in its initiative's
    /// title, for a review its kind.
    pub name: String,
    /// For a check-in or a review, the moment it records: the preview writes it beside the
    /// name, in the person's time zone and language.
    pub at: Option<Timestamp>,
    pub matched: Matched,
    pub verdict: Verdict,
}

impl Item {
    /// How a choice names this item of file `file`.
    pub fn reference(&self, file: usize) -> ItemRef {
        ItemRef {
            file,
            kind: self.kind,
            id: self.id.clone(),
        }
    }
}

/// How an item found its match on the board, if it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matched {
    /// It matched nothing: it is new.
    No,
    /// The same id, in a file of this board's family.
    ById,
    /// The same name or title (in a file of another board).
    ByName,
    /// The person matched it (`Choice::MatchTo`).
    ByHand,
    /// It would have matched, but the person undid the match (`Choice::Unmatch`).
    Undone,
}

/// What the merge does with an item.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Added to the board; `renamed` when its id was taken and it got a new one.
    New { renamed: bool },
    /// It matches an entity of the board that is the same: nothing changes.
    Same,
    /// It differs from its match in details only; the default is taken without asking.
    Changed(Difference),
    /// It differs in what a person decides on: both values are shown, the person picks.
    Conflict(Difference),
}

/// How an item differs from its match on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The fields that differ, with both values in words.
    pub fields: Vec<Field>,
    /// The side taken unless the person picks: the newer, or the board's.
    pub default: Side,
    /// The side taken with the person's choices.
    pub chosen: Side,
    /// Why a slice sent back asks about it, when that is why it is a conflict.
    pub since_cut: Option<SinceCut>,
}

/// Why an item of a slice sent back (a file of this board marked with its cut,
/// `Board::slice`) is a conflict although only details differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SinceCut {
    /// Both sides changed it since the slice was cut.
    Both,
    /// The slice changed another team's initiative, which it holds only to show.
    OtherTeam,
}

/// One field that differs: its name and the two values, as a person reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    /// Whether it makes the difference a conflict.
    pub decisive: bool,
    pub board: String,
    pub file: String,
}

/// Which version of an entity is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Board,
    File,
}

/// An item of a plan, as choices name it: the file's place in `MergePlan::files`, the
/// kind, and the item's id in the file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemRef {
    pub file: usize,
    pub kind: Kind,
    pub id: Id,
}

/// One choice the person makes in the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The item matches nothing: it is added as new.
    Unmatch(ItemRef),
    /// The item matches the board's entity with this id (of the same kind).
    MatchTo(ItemRef, Id),
    /// For a changed or conflicting item: the side to keep.
    Pick(ItemRef, Side),
}

/// The person's choices; a later choice about an item's match, or about its side,
/// replaces an earlier one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    matches: FnvHashMap<(usize, Kind), FnvHashMap<Id, Option<Id>>>,
    picks: FnvHashMap<(usize, Kind), FnvHashMap<Id, Side>>,
}

impl Choices {
    pub fn new() -> Choices {
        Choices::default()
    }

    /// Adds a choice.
    pub fn add(&mut self, choice: Choice) {
        let (item, matching) = match choice {
            Choice::Pick(item, side) => {
                self.picks
                    .entry((item.file, item.kind))
                    .or_default()
                    .insert(item.id, side);
                return;
            }
            Choice::Unmatch(item) => (item, None),
            Choice::MatchTo(item, to) => (item, Some(to)),
        };
        self.matches
            .entry((item.file, item.kind))
            .or_default()
            .insert(item.id, matching);
    }

    /// With one more choice.
    pub fn with(mut self, choice: Choice) -> Choices {
        self.add(choice);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.matches.is_empty() && self.picks.is_empty()
    }

    /// Every choice, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = Choice> + '_ {
        let item = |&(file, kind): &(usize, Kind), id: &Id| ItemRef {
            file,
            kind,
            id: id.clone(),
        };
        let matches = self.matches.iter().flat_map(move |(at, ids)| {
            ids.iter().map(move |(id, to)| match to {
                None => Choice::Unmatch(item(at, id)),
                Some(to) => Choice::MatchTo(item(at, id), to.clone()),
            })
        });
        let picks = self.picks.iter().flat_map(move |(at, ids)| {
            ids.iter()
                .map(move |(id, side)| Choice::Pick(item(at, id), *side))
        });
        matches.chain(picks)
    }
}

/// A choice that names nothing in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceError(pub String);

impl fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChoiceError {}

/// A merge made.
#[derive(Clone, Debug)]
pub struct Applied {
    /// The merged board; it passes `validate`.
    pub board: Rc<Board>,
    /// What came from which file, for the undo step: `merge 2 files: sales.json (2 new,
    /// 1 changed), ops.json (nothing new)`.
    pub description: String,
}

// ---------------------------------------------------------------------------------------
// The kinds of entity, as the merge sees them

/// A name or title as matching compares it: trimmed, runs of spacing made one space, ASCII
/// letters in lower case. Other letters are compared as they are ("É" is not "é"): Rust's
/// Unicode case tables would add some 20 KB to the app for names that are nearly always
/// spelled the same way on both boards.
pub fn normal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}
