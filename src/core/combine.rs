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
//! - the *default* is the newer side by `updatedAt` for initiatives and by the last answer
//!   (`answeredAt`, else `requestedAt`) for dependencies; a tie, and every other kind, keep
//!   the board's side (so the board's own ranking of priorities is the default);
//! - it is a **conflict**, shown with both values for the person to pick
//!   (`Choice::Pick`), when a field a person decides on differs: a name or title, a
//!   team, an owner or lead, the priorities served, a status or state, a priority's rank,
//!   a decision's kind, a dependency's ends and need, or when both sides carry the same
//!   time (neither is newer); otherwise it is **changed** (description, effort, progress,
//!   confidence, dates, notes, risks), and the default is taken without asking (a pick
//!   overrides it too).
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
//! it once, the result passes `validate`, and files without conflicts give the same board
//! in any order (`tests/core_combine.rs`).

use super::ids::{self, derived_bits};
use super::index::positions;
use super::list::List;
use super::merge::Entity;
use super::model::{
    Board, CheckIn, Decision, Dependency, Id, Initiative, Person, Priority, Review, Risk, Team,
};
use super::snapshot::{self, Loaded, ReadError};
use super::time::Timestamp;
use super::validate;
use fnv::{FnvHashMap, FnvHashSet};
use std::fmt;
use std::rc::Rc;

mod records;
use records::Record;

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
    /// How a person recognises it (a name, a title, an initiative and a day).
    pub name: String,
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
// The three steps

/// What merging `incoming` into `board` would do, with no choices made.
pub fn plan(board: &Board, incoming: &[Incoming]) -> MergePlan {
    let mut inputs: Vec<Input> = incoming
        .iter()
        .map(|file| Input {
            name: file.name.clone(),
            board: match &file.read {
                Ok(loaded) => Ok(Rc::new(loaded.board.clone())),
                Err(error) => Err(Refusal::from(error)),
            },
        })
        .collect();
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    make(board, inputs, Choices::new()).expect("no choices, none unknown")
}

/// The plan again with the person's `choices`, to show what they change.
pub fn replan(
    board: &Board,
    plan: &MergePlan,
    choices: &Choices,
) -> Result<MergePlan, ChoiceError> {
    if *choices == plan.choices {
        return Ok(plan.clone());
    }
    make(board, plan.inputs.clone(), choices.clone())
}

/// Merges the plan's files into `board` with the person's `choices`.
pub fn apply(board: &Board, plan: &MergePlan, choices: &Choices) -> Result<Applied, ChoiceError> {
    // The plan already holds the board its choices lead to: most merges take it as it is.
    let applied = |plan: &MergePlan| Applied {
        board: plan.merged.clone(),
        description: describe(plan),
    };
    if *choices == plan.choices {
        return Ok(applied(plan));
    }
    Ok(applied(&make(board, plan.inputs.clone(), choices.clone())?))
}

impl MergePlan {
    /// The board the plan leads to with its choices.
    pub fn merged(&self) -> &Rc<Board> {
        &self.merged
    }

    /// The choices it was made with.
    pub fn choices(&self) -> &Choices {
        &self.choices
    }
}

/// `merge 2 files: a.json (3 new, 1 changed), b.json (nothing new)`; refused files are
/// left out: nothing came from them.
fn describe(plan: &MergePlan) -> String {
    let merged: Vec<String> = plan
        .files
        .iter()
        .filter_map(|file| {
            let counts = file.outcome.as_ref().ok()?.counts();
            let what = match (counts.new, counts.taken) {
                (0, 0) => "nothing new".to_string(),
                (new, 0) => format!("{new} new"),
                (0, changed) => format!("{changed} changed"),
                (new, changed) => format!("{new} new, {changed} changed"),
            };
            Some(format!("{} ({what})", file.name))
        })
        .collect();
    match merged.len() {
        0 => "merge nothing".into(),
        1 => format!("merge {}", merged[0]),
        n => format!("merge {n} files: {}", merged.join(", ")),
    }
}

/// Runs the merge of `inputs` with `choices`. A file whose merge breaks an invariant
/// (which the rules above should make impossible; this is the net under them) is found by
/// merging the files one more at a time, and refused.
fn make(board: &Board, mut inputs: Vec<Input>, choices: Choices) -> Result<MergePlan, ChoiceError> {
    check_choices(&inputs, &choices)?;
    loop {
        let (files, merged) = run(board, &inputs, &choices, inputs.len())?;
        let Some(problem) = validate::problems_since(board, &merged).into_iter().next() else {
            return Ok(MergePlan {
                files,
                inputs,
                choices,
                merged: Rc::new(merged),
            });
        };
        let culprit = (0..inputs.len())
            .filter(|&at| inputs[at].board.is_ok())
            .find(|&at| {
                run(board, &inputs, &choices, at + 1)
                    .map(|(_, merged)| !validate::problems_since(board, &merged).is_empty())
                    .unwrap_or(true)
            })
            .expect("the whole run broke the board, so some file did");
        inputs[culprit].board = Err(Refusal {
            path: problem.path.clone(),
            message: format!(
                "merging this file would break the board: {}",
                problem.message
            ),
        });
    }
}

/// Every choice names a readable file and an item of it.
fn check_choices(inputs: &[Input], choices: &Choices) -> Result<(), ChoiceError> {
    for choice in choices.iter() {
        let (Choice::Unmatch(item) | Choice::MatchTo(item, _) | Choice::Pick(item, _)) = &choice;
        let Some(Ok(board)) = inputs.get(item.file).map(|input| &input.board) else {
            return Err(ChoiceError(format!(
                "there is no file {} to merge",
                item.file + 1
            )));
        };
        let found = match item.kind {
            Kind::Team => board.teams.find(&item.id).is_some(),
            Kind::Person => board.people.find(&item.id).is_some(),
            Kind::Priority => board.priorities.find(&item.id).is_some(),
            Kind::Initiative => board.initiatives.find(&item.id).is_some(),
            Kind::CheckIn => board.check_ins.find(&item.id).is_some(),
            Kind::Dependency => board.dependencies.find(&item.id).is_some(),
            Kind::Decision => board.decisions.find(&item.id).is_some(),
            Kind::Review => board.reviews.find(&item.id).is_some(),
        };
        if !found {
            return Err(ChoiceError(format!(
                "file {} has no {} {}",
                item.file + 1,
                item.kind.label(),
                snapshot::quoted(&item.id)
            )));
        }
    }
    Ok(())
}

/// Merges the first `upto` inputs into `board`: the plan's files (all of them, those past
/// `upto` as they are) and the merged board.
fn run(
    board: &Board,
    inputs: &[Input],
    choices: &Choices,
    upto: usize,
) -> Result<(Vec<FilePlan>, Board), ChoiceError> {
    let mut pools = Pools::new(board);
    let mut files = Vec::with_capacity(inputs.len());
    for (at, input) in inputs.iter().enumerate() {
        let outcome = match &input.board {
            Err(refusal) => Err(refusal.clone()),
            Ok(_) if at >= upto => Err(Refusal {
                path: String::new(),
                message: "not merged".into(),
            }),
            Ok(file) => Ok(merge_file(&mut pools, board, at, file, choices)?),
        };
        files.push(FilePlan {
            name: input.name.clone(),
            outcome,
        });
    }
    pools.rerank();
    Ok((files, pools.build(board)))
}

// ---------------------------------------------------------------------------------------
// The merge of one file

/// How a file's ids translate to the board's, kind by kind.
#[derive(Default)]
struct Maps {
    ids: [FnvHashMap<Id, Id>; 8],
}

impl Maps {
    /// The board's id for the file's `id` of `kind` (itself if unknown, which a sound file
    /// never refers to).
    fn to<'s>(&'s self, kind: Kind, id: &'s str) -> &'s str {
        self.ids[kind as usize].get(id).map_or(id, String::as_str)
    }
}

/// Where one file's item goes.
struct Placed {
    /// The item's id in the file.
    own: Id,
    slot: Option<usize>,
    matched: Matched,
    target: Id,
}

fn merge_file(
    pools: &mut Pools,
    board: &Board,
    file: usize,
    incoming: &Board,
    choices: &Choices,
) -> Result<FileMerge, ChoiceError> {
    let family = incoming.id == board.id;
    let mut maps = Maps::default();
    let context = Context {
        file,
        unchanged: false,
        incoming,
        family,
        choices,
    };
    // Where each item goes, kind by kind: a kind's matching looks at the kinds before.
    let placed = [
        place::<Team>(pools, &context, &mut maps)?,
        place::<Person>(pools, &context, &mut maps)?,
        place::<Priority>(pools, &context, &mut maps)?,
        place::<Initiative>(pools, &context, &mut maps)?,
        place::<CheckIn>(pools, &context, &mut maps)?,
        place::<Dependency>(pools, &context, &mut maps)?,
        place::<Decision>(pools, &context, &mut maps)?,
        place::<Review>(pools, &context, &mut maps)?,
    ];
    // Then what each brings, with every reference translated: in a file of this board's
    // family whose ids all stay, there is nothing to translate.
    let unchanged = family && placed.iter().flatten().all(|p| p.target == p.own);
    let context = Context {
        unchanged,
        ..context
    };
    let mut items = Vec::new();
    let [teams, people, priorities, initiatives, check_ins, dependencies, decisions, reviews] =
        placed;
    settle::<Team>(pools, &context, &maps, teams, &mut items);
    settle::<Person>(pools, &context, &maps, people, &mut items);
    settle::<Priority>(pools, &context, &maps, priorities, &mut items);
    settle::<Initiative>(pools, &context, &maps, initiatives, &mut items);
    settle::<CheckIn>(pools, &context, &maps, check_ins, &mut items);
    settle::<Dependency>(pools, &context, &maps, dependencies, &mut items);
    settle::<Decision>(pools, &context, &maps, decisions, &mut items);
    settle::<Review>(pools, &context, &maps, reviews, &mut items);
    Ok(FileMerge {
        board_id: incoming.id.clone(),
        title: incoming.title.clone(),
        family,
        items,
    })
}

struct Context<'a> {
    file: usize,
    /// Whether every id of the file is the board's too: items are compared as they are.
    unchanged: bool,
    incoming: &'a Board,
    family: bool,
    choices: &'a Choices,
}

/// Finds each of the file's items of kind `T` its place: the board entity it matches, or
/// the id it is added under.
fn place<T: Record>(
    pools: &mut Pools,
    context: &Context,
    maps: &mut Maps,
) -> Result<Vec<Placed>, ChoiceError> {
    let pool = T::pool(pools);
    let list = T::list(context.incoming);
    let by_hand = context.choices.matches.get(&(context.file, T::WHAT));
    if !context.family {
        pool.index_keys();
    }
    let mut claimed = FnvHashSet::default();
    let mut reserved: FnvHashSet<Id> = FnvHashSet::default();
    let mut placed = Vec::with_capacity(list.len());
    for item in list.iter() {
        let (slot, matched) = match by_hand.and_then(|ids| ids.get(Entity::id(item))) {
            Some(None) => (None, Matched::Undone),
            Some(Some(to)) => match pool.slot(to) {
                Some(slot) => (Some(slot), Matched::ByHand),
                None => {
                    return Err(ChoiceError(format!(
                        "there is no {} {} to match with",
                        T::WHAT.label(),
                        snapshot::quoted(to)
                    )))
                }
            },
            None if context.family => match pool.slot(Entity::id(item)) {
                Some(slot) => (Some(slot), Matched::ById),
                None => (None, Matched::No),
            },
            None => match pool.by_key(&item.key(maps), &claimed) {
                Some(slot) => (Some(slot), Matched::ByName),
                None => (None, Matched::No),
            },
        };
        let target = match slot {
            Some(slot) => {
                claimed.insert(slot);
                Entity::id(pool.get(slot)).to_string()
            }
            None => {
                let own = Entity::id(item);
                let taken = |id: &str| pool.slot(id).is_some() || reserved.contains(id);
                let mut target = own.to_string();
                let mut attempt = 0u32;
                while taken(&target) {
                    attempt += 1;
                    let bits = derived_bits(&[
                        &context.incoming.id,
                        T::WHAT.label(),
                        own,
                        &attempt.to_string(),
                    ]);
                    target = ids::new_id(ids::prefix(own), bits);
                }
                reserved.insert(target.clone());
                target
            }
        };
        // An id that stays needs no translation (`Maps::to` keeps an id it does not know):
        // most of a file, and all of a slice sent back, costs no map entry.
        if target != Entity::id(item) {
            maps.ids[T::WHAT as usize].insert(Entity::id(item).to_string(), target.clone());
        }
        placed.push(Placed {
            own: Entity::id(item).to_string(),
            slot,
            matched,
            target,
        });
    }
    Ok(placed)
}

/// Adds the file's new items of kind `T` and settles its matched ones, noting each.
fn settle<T: Record>(
    pools: &mut Pools,
    context: &Context,
    maps: &Maps,
    placed: Vec<Placed>,
    items: &mut Vec<Item>,
) {
    let picks = context.choices.picks.get(&(context.file, T::WHAT));
    let list = T::list(context.incoming);
    for (item, place) in list.iter().zip(placed) {
        let name = item.label(context.incoming);
        if let (true, Some(slot)) = (context.unchanged, place.slot) {
            // Most of a slice sent back is as it was: no copy to find that out.
            if T::pool_ref(pools).get(slot) == item {
                items.push(Item {
                    kind: T::WHAT,
                    id: place.own,
                    target: place.target,
                    name,
                    matched: place.matched,
                    verdict: Verdict::Same,
                });
                continue;
            }
        }
        let mut value = item.clone();
        *value.id_mut() = place.target.clone();
        value.translate(maps);
        let verdict = match place.slot {
            None => {
                let renamed = place.target != Entity::id(item);
                T::pool(pools).push(value);
                Verdict::New { renamed }
            }
            Some(slot) => {
                let current = T::pool_ref(pools).get(slot);
                value.keep(current);
                let difference = (value != *current)
                    .then(|| differ(pools, current, &value, item, context.incoming))
                    .flatten();
                match difference {
                    None => Verdict::Same,
                    Some((fields, decisive)) => {
                        let (board, file) = (current.stamp(), value.stamp());
                        let default = match (board, file) {
                            (Some(board), Some(file)) if file > board => Side::File,
                            _ => Side::Board,
                        };
                        // Two versions stamped with the same time: neither is newer.
                        let decisive = decisive || (board.is_some() && board == file);
                        let chosen = picks
                            .and_then(|p| p.get(Entity::id(item)))
                            .copied()
                            .unwrap_or(default);
                        if chosen == Side::File {
                            T::pool(pools).set(slot, value);
                        }
                        let difference = Difference {
                            fields,
                            default,
                            chosen,
                        };
                        if decisive {
                            Verdict::Conflict(difference)
                        } else {
                            Verdict::Changed(difference)
                        }
                    }
                }
            }
        };
        items.push(Item {
            kind: T::WHAT,
            id: Entity::id(item).to_string(),
            target: place.target,
            name,
            matched: place.matched,
            verdict,
        });
    }
}

/// The fields in which `value` (the file's item in the board's ids) differs from
/// `current`, with both values in words (the file's as the file names them), and whether
/// any is decisive; `None` when none differs.
fn differ<T: Record>(
    pools: &Pools,
    current: &T,
    value: &T,
    original: &T,
    incoming: &Board,
) -> Option<(Vec<Field>, bool)> {
    let (ours, theirs, shown) = (current.parts(), value.parts(), original.parts());
    let mut decisive = false;
    let fields: Vec<Field> = ours
        .into_iter()
        .zip(theirs)
        .zip(shown)
        .filter(|((ours, theirs), _)| ours.value != theirs.value)
        .map(|((ours, _), shown)| {
            decisive |= ours.decisive;
            Field {
                name: ours.name,
                decisive: ours.decisive,
                board: ours.value.show(&|kind, id| pools.name(kind, id)),
                file: shown.value.show(&|kind, id| name_on(incoming, kind, id)),
            }
        })
        .collect();
    (!fields.is_empty()).then_some((fields, decisive))
}

// ---------------------------------------------------------------------------------------
// The board as the merge grows it

/// One of the board's lists while files are merged into it: the board's items (shared,
/// not copied), those a file replaced, and those files added.
struct Pool<'a, T> {
    base: &'a List<T>,
    replaced: FnvHashMap<usize, T>,
    added: Vec<T>,
    base_ids: FnvHashMap<&'a str, usize>,
    added_ids: FnvHashMap<Id, usize>,
    /// Slots by matching key, once a file of another board needs them.
    keys: Option<FnvHashMap<String, Vec<usize>>>,
    /// Slots whose value a file gave (by the person's pick or by default).
    from_file: FnvHashSet<usize>,
}

impl<'a, T: Record> Pool<'a, T> {
    fn new(base: &'a List<T>) -> Self {
        Pool {
            base,
            replaced: FnvHashMap::default(),
            added: Vec::new(),
            base_ids: positions(base.iter().map(Entity::id)),
            added_ids: FnvHashMap::default(),
            keys: None,
            from_file: FnvHashSet::default(),
        }
    }

    fn len(&self) -> usize {
        self.base.len() + self.added.len()
    }

    fn get(&self, slot: usize) -> &T {
        match slot.checked_sub(self.base.len()) {
            Some(added) => &self.added[added],
            None => self.replaced.get(&slot).unwrap_or(&self.base[slot]),
        }
    }

    fn slot(&self, id: &str) -> Option<usize> {
        self.base_ids
            .get(id)
            .or_else(|| self.added_ids.get(id))
            .copied()
    }

    fn index_keys(&mut self) {
        if self.keys.is_none() {
            let mut keys: FnvHashMap<String, Vec<usize>> = FnvHashMap::default();
            let same = Maps::default();
            for slot in 0..self.len() {
                keys.entry(self.get(slot).key(&same))
                    .or_default()
                    .push(slot);
            }
            self.keys = Some(keys);
        }
    }

    /// The first slot with `key` that no item of this file claimed yet.
    fn by_key(&self, key: &str, claimed: &FnvHashSet<usize>) -> Option<usize> {
        let slots = self.keys.as_ref()?.get(key)?;
        slots.iter().copied().find(|slot| !claimed.contains(slot))
    }

    fn set(&mut self, slot: usize, value: T) {
        if let Some(mut keys) = self.keys.take() {
            let same = Maps::default();
            let (old, new) = (self.get(slot).key(&same), value.key(&same));
            if old != new {
                if let Some(slots) = keys.get_mut(&old) {
                    slots.retain(|&s| s != slot);
                }
                keys.entry(new).or_default().push(slot);
            }
            self.keys = Some(keys);
        }
        self.from_file.insert(slot);
        match slot.checked_sub(self.base.len()) {
            Some(added) => self.added[added] = value,
            None => {
                self.replaced.insert(slot, value);
            }
        }
    }

    fn push(&mut self, value: T) {
        let slot = self.len();
        if let Some(keys) = &mut self.keys {
            keys.entry(value.key(&Maps::default()))
                .or_default()
                .push(slot);
        }
        self.added_ids.insert(Entity::id(&value).to_string(), slot);
        self.added.push(value);
    }

    /// The list it became: the board's own, shared, when nothing changed.
    fn build(self) -> List<T> {
        if self.replaced.is_empty() && self.added.is_empty() {
            return self.base.clone();
        }
        let mut replaced = self.replaced;
        let mut items = Vec::with_capacity(self.base.len() + self.added.len());
        for (slot, item) in self.base.iter().enumerate() {
            items.push(replaced.remove(&slot).unwrap_or_else(|| item.clone()));
        }
        items.extend(self.added);
        items.into()
    }
}

struct Pools<'a> {
    teams: Pool<'a, Team>,
    people: Pool<'a, Person>,
    priorities: Pool<'a, Priority>,
    initiatives: Pool<'a, Initiative>,
    check_ins: Pool<'a, CheckIn>,
    dependencies: Pool<'a, Dependency>,
    decisions: Pool<'a, Decision>,
    reviews: Pool<'a, Review>,
}

impl<'a> Pools<'a> {
    fn new(board: &'a Board) -> Self {
        Pools {
            teams: Pool::new(&board.teams),
            people: Pool::new(&board.people),
            priorities: Pool::new(&board.priorities),
            initiatives: Pool::new(&board.initiatives),
            check_ins: Pool::new(&board.check_ins),
            dependencies: Pool::new(&board.dependencies),
            decisions: Pool::new(&board.decisions),
            reviews: Pool::new(&board.reviews),
        }
    }

    /// What the board (as merged so far) calls the entity `id` of `kind`.
    fn name(&self, kind: Kind, id: &str) -> Option<String> {
        fn named<T: Record>(pool: &Pool<T>, id: &str) -> Option<String> {
            pool.slot(id).map(|slot| pool.get(slot).name().to_string())
        }
        match kind {
            Kind::Team => named(&self.teams, id),
            Kind::Person => named(&self.people, id),
            Kind::Priority => named(&self.priorities, id),
            Kind::Initiative => named(&self.initiatives, id),
            _ => None,
        }
    }

    /// Active priorities that share a rank are spread out: the board's keeps it unless the
    /// other came from the person's pick of a file's ranking, a new one goes after, and
    /// those below move down as far as needed. Distinct ranks stay as they are.
    fn rerank(&mut self) {
        let pool = &mut self.priorities;
        let base = pool.base.len();
        let mut active: Vec<(u32, u8, usize)> = (0..pool.len())
            .filter(|&slot| pool.get(slot).is_active())
            .map(|slot| {
                let order = match (slot >= base, pool.from_file.contains(&slot)) {
                    (false, true) => 0,
                    (false, false) => 1,
                    (true, _) => 2,
                };
                (pool.get(slot).rank, order, slot)
            })
            .collect();
        active.sort_unstable();
        let mut last = 0;
        for (rank, _, slot) in active {
            let wanted = rank.max(last + 1);
            if wanted != rank {
                let mut moved = pool.get(slot).clone();
                moved.rank = wanted;
                let from_file = pool.from_file.contains(&slot);
                pool.set(slot, moved);
                if !from_file {
                    pool.from_file.remove(&slot);
                }
            }
            last = wanted;
        }
    }

    fn build(self, board: &Board) -> Board {
        Board {
            people: self.people.build(),
            teams: self.teams.build(),
            priorities: self.priorities.build(),
            initiatives: self.initiatives.build(),
            check_ins: self.check_ins.build(),
            dependencies: self.dependencies.build(),
            decisions: self.decisions.build(),
            reviews: self.reviews.build(),
            ..board.clone()
        }
    }
}

/// What a file's board calls the entity `id` of `kind`.
fn name_on(board: &Board, kind: Kind, id: &str) -> Option<String> {
    match kind {
        Kind::Team => board.team(id).map(|t| t.name.clone()),
        Kind::Person => board.person(id).map(|p| p.name.clone()),
        Kind::Priority => board.priority(id).map(|p| p.title.clone()),
        Kind::Initiative => board.initiative(id).map(|i| i.title.clone()),
        _ => None,
    }
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
