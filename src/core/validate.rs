//! The board's invariants, checked as a whole: unique non-empty ids, references that point
//! at existing entities, values in range, distinct ranks among active priorities. Every
//! problem names its path in the snapshot (`board.initiatives[3].teamId`), so a person
//! fixing a file by hand knows where to look. Pure; nothing here changes the board.

use super::list::List;
use super::model::{Board, Id};
use super::snapshot::quoted;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// Sets of ids hashed with FNV: with the default SipHash, hashing short ids was most of
/// the time taken to check a big board.
type HashSet<T> = fnv::FnvHashSet<T>;

/// One broken invariant, located by its path in the snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A problem's path, made only when there is a problem: formatting a path for every field
/// of a big board cost more than checking it.
type Lazy<'a> = &'a dyn Fn() -> String;

/// `board.checkIns[12]`, written out only when printed.
#[derive(Clone, Copy)]
struct Item(&'static str, usize);

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "board.{}[{}]", self.0, self.1)
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Records the ids of one list, flagging empty and repeated ones.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a Id>) -> HashSet<&'a str> {
        // Sized for the list at once: growing would hash every id again at each doubling
        // (20,000 check-ins on a big board).
        let mut seen = HashSet::with_capacity_and_hasher(ids.size_hint().0, Default::default());
        for (index, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.fail(format!("{list}[{index}].id"), "the id is empty");
            } else if !seen.insert(id.as_str()) {
                self.fail(
                    format!("{list}[{index}].id"),
                    format!("the id {} is used twice", quoted(id)),
                );
            }
        }
        seen
    }

    fn reference(&mut self, path: Lazy, kind: &str, id: &str, known: &HashSet<&str>) {
        if !known.contains(id) {
            self.fail(path(), format!("no {kind} {}", quoted(id)));
        }
    }

    fn optional(&mut self, path: Lazy, kind: &str, id: &Option<Id>, known: &HashSet<&str>) {
        if let Some(id) = id {
            self.reference(path, kind, id, known);
        }
    }

    fn references(&mut self, path: Lazy, kind: &str, ids: &[Id], known: &HashSet<&str>) {
        // A short list (an initiative serves one or two priorities) is searched for repeats
        // with no set to allocate; a long one gets a set.
        let mut seen = (ids.len() > 8).then(HashSet::default);
        for (index, id) in ids.iter().enumerate() {
            self.reference(&|| format!("{}[{index}]", path()), kind, id, known);
            let repeated = match &mut seen {
                Some(seen) => !seen.insert(id),
                None => ids[..index].contains(id),
            };
            if repeated {
                self.fail(
                    format!("{}[{index}]", path()),
                    format!("{} is listed twice", quoted(id)),
                );
            }
        }
    }

    fn at_most(&mut self, path: Lazy, value: u8, max: u8) {
        if value > max {
            self.fail(path(), format!("{value} is more than {max}"));
        }
    }

    fn not_blank(&mut self, path: Lazy, text: &str) {
        if text.trim().is_empty() {
            self.fail(path(), "must not be empty");
        }
    }
}

/// All problems of a board, in snapshot order; empty when the board is sound.
pub fn problems(board: &Board) -> Vec<Problem> {
    check(board, &Changed::all())
}

/// The problems of `after`, a change of `before`, which is known to be sound: a list that
/// `after` shares with `before` is checked again only when ids it refers to changed. An
/// edit of one card on a board with 20,000 check-ins then checks the initiatives alone,
/// and of them only the edited one: an initiative or check-in `after` shares with `before`,
/// while the ids of its list and of the lists it refers to are as they were, was sound and
/// still is.
pub fn problems_since(before: &Board, after: &Board) -> Vec<Problem> {
    check(after, &Changed::between(before, after))
}

/// What differs between two boards, list by list: its items (the list is not shared), and
/// its ids (in order).
struct Changed<'a> {
    items: [bool; LISTS],
    ids: [bool; LISTS],
    /// The board before, when only its changed items need checking.
    before: Option<&'a Board>,
}

const LISTS: usize = 8;
const PEOPLE: usize = 0;
const TEAMS: usize = 1;
const PRIORITIES: usize = 2;
const INITIATIVES: usize = 3;
const CHECK_INS: usize = 4;
const DEPENDENCIES: usize = 5;
const DECISIONS: usize = 6;
const REVIEWS: usize = 7;

/// The lists whose ids each list's items refer to.
const REFERS: [&[usize]; LISTS] = [
    &[TEAMS],
    &[PEOPLE],
    &[PEOPLE],
    &[TEAMS, PEOPLE, PRIORITIES],
    &[INITIATIVES, PEOPLE],
    &[INITIATIVES, TEAMS],
    &[PEOPLE, PRIORITIES, TEAMS, INITIATIVES],
    &[TEAMS],
];

impl<'a> Changed<'a> {
    fn all() -> Changed<'a> {
        Changed {
            items: [true; LISTS],
            ids: [true; LISTS],
            before: None,
        }
    }

    fn between(before: &'a Board, after: &Board) -> Changed<'a> {
        let items = [
            !after.people.same(&before.people),
            !after.teams.same(&before.teams),
            !after.priorities.same(&before.priorities),
            !after.initiatives.same(&before.initiatives),
            !after.check_ins.same(&before.check_ins),
            !after.dependencies.same(&before.dependencies),
            !after.decisions.same(&before.decisions),
            !after.reviews.same(&before.reviews),
        ];
        let mut ids = [false; LISTS];
        for list in 0..LISTS {
            ids[list] = items[list] && !list_ids(after, list).eq(list_ids(before, list));
        }
        Changed {
            items,
            ids,
            before: Some(before),
        }
    }

    /// Whether items of `list`, or the ids of any of the lists it refers to, changed.
    fn any(&self, list: usize, refers_to: &[usize]) -> bool {
        self.items[list] || refers_to.iter().any(|&other| self.ids[other])
    }

    /// The board before, when only the items of `list` that it does not share need
    /// checking: the list's ids and the ids it refers to are as they were. (Not for a list
    /// whose items are checked against each other, as the priorities' ranks are.)
    fn only_new(&self, list: usize) -> Option<&'a Board> {
        let alone = !self.ids[list] && !REFERS[list].iter().any(|&other| self.ids[other]);
        self.before.filter(|_| alone)
    }
}

/// Whether item `i` of `after` is the one `before` holds at the same place: the same item,
/// not an equal copy.
fn kept<T>(before: &List<T>, after: &List<T>, i: usize) -> bool {
    matches!((before.get(i), after.get(i)), (Some(a), Some(b)) if Rc::ptr_eq(a, b))
}

/// A list's name in the snapshot.
const NAMES: [&str; LISTS] = [
    "board.people",
    "board.teams",
    "board.priorities",
    "board.initiatives",
    "board.checkIns",
    "board.dependencies",
    "board.decisions",
    "board.reviews",
];

/// The id of item `i` of a list, if there is one.
fn id_at(board: &Board, list: usize, i: usize) -> Option<&Id> {
    match list {
        PEOPLE => board.people.get(i).map(|x| &x.id),
        TEAMS => board.teams.get(i).map(|x| &x.id),
        PRIORITIES => board.priorities.get(i).map(|x| &x.id),
        INITIATIVES => board.initiatives.get(i).map(|x| &x.id),
        CHECK_INS => board.check_ins.get(i).map(|x| &x.id),
        DEPENDENCIES => board.dependencies.get(i).map(|x| &x.id),
        DECISIONS => board.decisions.get(i).map(|x| &x.id),
        _ => board.reviews.get(i).map(|x| &x.id),
    }
}

/// A list's ids in order.
fn list_ids(board: &Board, list: usize) -> impl Iterator<Item = &Id> {
    (0..).map_while(move |i| id_at(board, list, i))
}

fn check(board: &Board, changed: &Changed) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let b = "board";
    if board.id.trim().is_empty() {
        c.fail("board.id", "the id is empty");
    }
    if let (Some(start), Some(end)) = (board.period.start, board.period.end) {
        if end < start {
            c.fail(
                "board.period.end",
                format!("{end} is before the start {start}"),
            );
        }
    }
    for (name, days) in [
        ("checkInDays", board.rhythm.check_in_days),
        ("reviewDays", board.rhythm.review_days),
        ("planningDays", board.rhythm.planning_days),
    ] {
        if days == 0 {
            c.fail(format!("{b}.rhythm.{name}"), "must be at least 1 day");
        }
    }

    // Which lists' items are checked: those that changed, or refer to ids that did.
    let run: [bool; LISTS] = std::array::from_fn(|list| changed.any(list, REFERS[list]));
    // Each list's ids, checked for blanks and repeats where they changed; the sets of ids
    // that the checked lists refer to are kept for their reference checks.
    let mut known: [HashSet<&str>; 4] = Default::default();
    for (list, name) in NAMES.into_iter().enumerate() {
        let referred = (0..LISTS).any(|from| run[from] && REFERS[from].contains(&list));
        if !changed.ids[list] && !referred {
            continue;
        }
        let ids = list_ids(board, list);
        let set = if changed.ids[list] {
            c.ids(name, ids)
        } else {
            ids.map(String::as_str).collect()
        };
        if let Some(slot) = known.get_mut(list) {
            *slot = set;
        }
    }
    let [people, teams, priorities, initiatives] = known;
    // The initiatives and check-ins before, where only the changed ones need checking.
    // (The other lists are short, and edits of them rare.)
    let initiatives_before = changed.only_new(INITIATIVES).map(|b| &b.initiatives);
    let check_ins_before = changed.only_new(CHECK_INS).map(|b| &b.check_ins);

    if run[PEOPLE] {
        for (i, person) in board.people.iter().enumerate() {
            c.not_blank(&|| format!("{b}.people[{i}].name"), &person.name);
            c.optional(
                &|| format!("{b}.people[{i}].teamId"),
                "team",
                &person.team_id,
                &teams,
            );
        }
    }
    if run[TEAMS] {
        for (i, team) in board.teams.iter().enumerate() {
            c.not_blank(&|| format!("{b}.teams[{i}].name"), &team.name);
            c.optional(
                &|| format!("{b}.teams[{i}].leadId"),
                "person",
                &team.lead_id,
                &people,
            );
        }
    }
    let mut ranks: HashMap<u32, &str> = HashMap::new();
    if run[PRIORITIES] {
        for (i, priority) in board.priorities.iter().enumerate() {
            c.not_blank(&|| format!("{b}.priorities[{i}].title"), &priority.title);
            c.optional(
                &|| format!("{b}.priorities[{i}].ownerId"),
                "person",
                &priority.owner_id,
                &people,
            );
            if priority.rank == 0 {
                c.fail(format!("{b}.priorities[{i}].rank"), "ranks start at 1");
            } else if priority.is_active() {
                if let Some(other) = ranks.insert(priority.rank, &priority.id) {
                    c.fail(
                        format!("{b}.priorities[{i}].rank"),
                        format!(
                            "rank {} is also held by active priority {}",
                            priority.rank,
                            quoted(other)
                        ),
                    );
                }
            }
        }
    }
    if run[INITIATIVES] {
        for (i, initiative) in board.initiatives.iter().enumerate() {
            if initiatives_before.is_some_and(|before| kept(before, &board.initiatives, i)) {
                continue;
            }
            let at = Item("initiatives", i);
            c.not_blank(&|| format!("{at}.title"), &initiative.title);
            c.reference(
                &|| format!("{at}.teamId"),
                "team",
                &initiative.team_id,
                &teams,
            );
            c.optional(
                &|| format!("{at}.ownerId"),
                "person",
                &initiative.owner_id,
                &people,
            );
            c.references(
                &|| format!("{at}.priorityIds"),
                "priority",
                &initiative.priority_ids,
                &priorities,
            );
            c.at_most(&|| format!("{at}.effort"), initiative.effort, 100);
            c.at_most(&|| format!("{at}.progress"), initiative.progress, 100);
            if let Some(confidence) = initiative.confidence {
                c.at_most(&|| format!("{at}.confidence"), confidence, 10);
            }
            if !initiative.risks.is_empty() {
                c.ids(
                    &format!("{at}.risks"),
                    initiative.risks.iter().map(|r| &r.id),
                );
            }
            for (r, risk) in initiative.risks.iter().enumerate() {
                c.not_blank(&|| format!("{at}.risks[{r}].text"), &risk.text);
            }
        }
    }
    if run[CHECK_INS] {
        for (i, check_in) in board.check_ins.iter().enumerate() {
            if check_ins_before.is_some_and(|before| kept(before, &board.check_ins, i)) {
                continue;
            }
            let at = Item("checkIns", i);
            c.reference(
                &|| format!("{at}.initiativeId"),
                "initiative",
                &check_in.initiative_id,
                &initiatives,
            );
            c.optional(
                &|| format!("{at}.authorId"),
                "person",
                &check_in.author_id,
                &people,
            );
            c.at_most(&|| format!("{at}.progress"), check_in.progress, 100);
            if let Some(confidence) = check_in.confidence {
                c.at_most(&|| format!("{at}.confidence"), confidence, 10);
            }
        }
    }
    if run[DEPENDENCIES] {
        for (i, dependency) in board.dependencies.iter().enumerate() {
            let at = Item("dependencies", i);
            c.reference(
                &|| format!("{at}.fromInitiativeId"),
                "initiative",
                &dependency.from_initiative_id,
                &initiatives,
            );
            c.reference(
                &|| format!("{at}.toTeamId"),
                "team",
                &dependency.to_team_id,
                &teams,
            );
            c.optional(
                &|| format!("{at}.toInitiativeId"),
                "initiative",
                &dependency.to_initiative_id,
                &initiatives,
            );
            c.not_blank(&|| format!("{at}.need"), &dependency.need);
        }
    }
    if run[DECISIONS] {
        for (i, decision) in board.decisions.iter().enumerate() {
            let at = Item("decisions", i);
            c.not_blank(&|| format!("{at}.title"), &decision.title);
            c.optional(
                &|| format!("{at}.ownerId"),
                "person",
                &decision.owner_id,
                &people,
            );
            c.references(
                &|| format!("{at}.priorityIds"),
                "priority",
                &decision.priority_ids,
                &priorities,
            );
            c.references(
                &|| format!("{at}.teamIds"),
                "team",
                &decision.team_ids,
                &teams,
            );
            c.references(
                &|| format!("{at}.initiativeIds"),
                "initiative",
                &decision.initiative_ids,
                &initiatives,
            );
        }
    }
    if run[REVIEWS] {
        for (i, review) in board.reviews.iter().enumerate() {
            if let Some(score) = review.score {
                c.at_most(&|| format!("{b}.reviews[{i}].score"), score, 100);
            }
            c.optional(
                &|| format!("{b}.reviews[{i}].teamId"),
                "team",
                &review.team_id,
                &teams,
            );
        }
    }
    c.problems
}
