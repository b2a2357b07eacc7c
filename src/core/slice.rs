//! A team's slice of the board: what one or more teams need to keep their part of it on
//! their own page or in their own browser, exported as a normal snapshot and merged back
//! later (`combine`). The slice keeps the board's id and every entity's id, so the merge
//! back matches by id. Pure.
//!
//! A slice of teams holds:
//!
//! - those teams, their initiatives (with their risks) and their check-ins;
//! - every active priority, so the team sees the ranks, and any other priority its work or
//!   its decisions name;
//! - every team of the board, with its lead, so the team can ask any of them for
//!   something; the others' lanes hold only the work that meets the slice's;
//! - the dependencies that touch those teams, asked by them or of them, with the
//!   initiative at the other end, so a request stays readable ("Platform's *Status page*
//!   asks you for an API"). The other end comes whole (its lead, its priorities), without
//!   its check-ins: unchanged, the merge back finds it the same and changes nothing;
//! - the decisions about the priorities their work serves, that name the teams or that
//!   stopped their work, with the work each stopped (whoever's it was);
//! - the people involved: members, owners, authors and every team's lead.
//!
//! Reviews stay with the board: they are the whole board's rhythm.
//!
//! An exported slice says so (`Board::slice`): the teams it was cut for and when. It stays
//! with the team's board and every file the team exports from it, so the merge back
//! (`combine`) can tell a change made since the cut from a copy as it was sent.

use super::limits;
use super::list::List;
use super::model::{Board, Cut, Id};
use super::snapshot;
use super::time::{Date, Timestamp};
use fnv::FnvHashSet;

/// The slice of `board` for the teams `team_ids` (ids not on the board are ignored).
pub fn slice(board: &Board, team_ids: &[Id]) -> Board {
    let chosen: FnvHashSet<&str> = team_ids
        .iter()
        .map(String::as_str)
        .filter(|id| board.team(id).is_some())
        .collect();
    let own: FnvHashSet<&str> = board
        .initiatives
        .iter()
        .filter(|i| chosen.contains(i.team_id.as_str()))
        .map(|i| i.id.as_str())
        .collect();
    let dependencies: FnvHashSet<&str> = board
        .dependencies
        .iter()
        .filter(|d| {
            own.contains(d.from_initiative_id.as_str()) || chosen.contains(d.to_team_id.as_str())
        })
        .map(|d| d.id.as_str())
        .collect();
    let mut initiatives = own.clone();
    for d in board
        .dependencies
        .iter()
        .filter(|d| dependencies.contains(d.id.as_str()))
    {
        initiatives.insert(&d.from_initiative_id);
        initiatives.extend(d.to_initiative_id.as_deref());
    }
    let served: FnvHashSet<&str> = board
        .initiatives
        .iter()
        .filter(|i| own.contains(i.id.as_str()))
        .flat_map(|i| i.priority_ids.iter().map(String::as_str))
        .collect();
    let decisions: FnvHashSet<&str> = board
        .decisions
        .iter()
        .filter(|x| {
            x.priority_ids.iter().any(|p| served.contains(p.as_str()))
                || x.team_ids.iter().any(|t| chosen.contains(t.as_str()))
                || x.initiative_ids.iter().any(|i| own.contains(i.as_str()))
        })
        .map(|x| x.id.as_str())
        .collect();
    // The work a decision kept stopped goes with it, whoever's it was: the decision says
    // what it stopped on the team's board too, and comes back unchanged.
    for x in (board.decisions.iter()).filter(|x| decisions.contains(x.id.as_str())) {
        initiatives.extend(x.initiative_ids.iter().map(String::as_str));
    }

    let mut priorities: FnvHashSet<&str> = board
        .priorities
        .iter()
        .filter(|p| p.is_active())
        .map(|p| p.id.as_str())
        .collect();
    let mut people: FnvHashSet<&str> = board
        .people
        .iter()
        .filter(|p| p.team_id.as_deref().is_some_and(|t| chosen.contains(t)))
        .map(|p| p.id.as_str())
        .collect();
    for initiative in board
        .initiatives
        .iter()
        .filter(|i| initiatives.contains(i.id.as_str()))
    {
        people.extend(initiative.owner_id.as_deref());
        priorities.extend(initiative.priority_ids.iter().map(String::as_str));
    }
    for check_in in board
        .check_ins
        .iter()
        .filter(|c| own.contains(c.initiative_id.as_str()))
    {
        people.extend(check_in.author_id.as_deref());
    }
    for decision in board
        .decisions
        .iter()
        .filter(|x| decisions.contains(x.id.as_str()))
    {
        people.extend(decision.owner_id.as_deref());
        priorities.extend(decision.priority_ids.iter().map(String::as_str));
    }
    for priority in board
        .priorities
        .iter()
        .filter(|p| priorities.contains(p.id.as_str()))
    {
        people.extend(priority.owner_id.as_deref());
    }
    // Every team is there, and so is its lead (a person's team always is).
    people.extend(board.teams.iter().filter_map(|t| t.lead_id.as_deref()));

    let mut slice = board.clone();
    slice.people = keep(&board.people, &people, |p| &p.id);
    slice.priorities = keep(&board.priorities, &priorities, |p| &p.id);
    slice.initiatives = keep(&board.initiatives, &initiatives, |i| &i.id);
    slice.check_ins = (board.check_ins).filtered(|c| own.contains(c.initiative_id.as_str()));
    slice.dependencies = keep(&board.dependencies, &dependencies, |d| &d.id);
    slice.decisions = keep(&board.decisions, &decisions, |x| &x.id);
    slice.reviews = Default::default();
    slice
}

/// The slice as it is exported at `at`: titled after its teams (`Acme board: Growth,
/// Data`), so the team's board, and every file the team exports from it, says whose part it
/// is, and marked with its teams and `at`. A merge back never changes the board's own title.
pub fn export(board: &Board, team_ids: &[Id], at: Timestamp) -> Board {
    let mut cut = slice(board, team_ids);
    // A slice of a slice is cut when the first was, of the teams of both: what the team
    // changed in between is theirs, made since that cut.
    let earlier = board.slice.as_ref();
    cut.slice = Some(Cut {
        team_ids: (board.teams.iter())
            .filter(|t| team_ids.contains(&t.id))
            .filter(|t| earlier.is_none_or(|c| c.team_ids.is_empty() || c.team_ids.contains(&t.id)))
            .map(|t| t.id.clone())
            .collect(),
        cut_at: earlier.map_or(at, |c| c.cut_at.min(at)),
    });
    let names = team_names(board, team_ids);
    if !names.is_empty() {
        let title = format!("{}: {}", board.title.trim(), names.join(", "));
        cut.title = within_a_title(title);
    }
    cut
}

/// `title` cut to the most a title may hold, ending "…" where it was cut: a long board
/// title and many teams' names (or a slice of a slice) would make a file that boards refuse.
fn within_a_title(title: String) -> String {
    match title.chars().nth(limits::SHORT) {
        Some(_) => limits::cut(&title, limits::SHORT - 1).into_owned(),
        None => title,
    }
}

/// The names of the teams `team_ids`, in the board's order.
fn team_names<'b>(board: &'b Board, team_ids: &[Id]) -> Vec<&'b str> {
    board
        .teams
        .iter()
        .filter(|t| team_ids.contains(&t.id))
        .map(|t| t.name.as_str())
        .collect()
}

/// The file a slice is exported as: `<board title>-<team names>-slice-<date>.alignment.json`,
/// the teams in the board's order.
pub fn file_name(board: &Board, team_ids: &[Id], date: Date) -> String {
    let names = team_names(board, team_ids);
    format!(
        "{}-{}-slice-{date}.alignment.json",
        snapshot::slug(&board.title),
        snapshot::slug(&names.join(" "))
    )
}

/// The items of `list` whose id is in `ids`, in the board's order.
fn keep<T>(list: &List<T>, ids: &FnvHashSet<&str>, id: impl Fn(&T) -> &Id) -> List<T> {
    list.filtered(|x| ids.contains(id(x).as_str()))
}
