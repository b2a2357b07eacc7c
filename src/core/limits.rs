//! How long the texts of a board may be. A snapshot from outside (a file, a pasted block, a
//! wiki page, a `src` address) could hold a title of megabytes, which every card, heading
//! and list would lay out: one title of a megabyte held the page for seconds on each screen.
//! Such a snapshot is refused, naming the place of the text, as other broken ones are; the
//! board's own fields hold the same limits, so nothing the board writes is refused. The
//! limits are in characters (Unicode scalar values, as JSON Schema's `maxLength` counts).

use super::model::Board;
use super::validate::Problem;
use std::borrow::Cow;

/// An id: generated ids are a dozen characters; a hand-written one is a short name.
pub const ID: usize = 200;
/// A person's or a team's name, a period's label: a few words, in menus, chips, lanes'
/// headings and beside every card.
pub const NAME: usize = 100;
/// A title, a success measure, a risk, a request's need: a line or a few in a heading, a
/// card or a list.
pub const SHORT: usize = 500;
/// A description, a note, a rationale, a summary, a board's purpose: paragraphs, shown in
/// full only where the person asks for them.
pub const LONG: usize = 20_000;

/// Every text of `board` longer than its limit, in snapshot order. References are not
/// looked at (each must be the id of an item, which is), but for the teams a slice was cut
/// for, which need not be on it.
pub fn too_long(board: &Board) -> Vec<Problem> {
    let mut c = Check(Vec::new());
    c.text(&|| "board.id".into(), &board.id, ID);
    c.text(&|| "board.title".into(), &board.title, SHORT);
    c.text(&|| "board.purpose".into(), &board.purpose, LONG);
    c.text(&|| "board.period.label".into(), &board.period.label, NAME);
    for (i, person) in board.people.iter().enumerate() {
        let at = || format!("board.people[{i}]");
        c.text(&|| format!("{}.id", at()), &person.id, ID);
        c.text(&|| format!("{}.name", at()), &person.name, NAME);
    }
    for (i, team) in board.teams.iter().enumerate() {
        let at = || format!("board.teams[{i}]");
        c.text(&|| format!("{}.id", at()), &team.id, ID);
        c.text(&|| format!("{}.name", at()), &team.name, NAME);
    }
    for (i, priority) in board.priorities.iter().enumerate() {
        let at = || format!("board.priorities[{i}]");
        c.text(&|| format!("{}.id", at()), &priority.id, ID);
        c.text(&|| format!("{}.title", at()), &priority.title, SHORT);
        c.text(
            &|| format!("{}.description", at()),
            &priority.description,
            LONG,
        );
        let measure = &priority.success_measure;
        c.text(&|| format!("{}.successMeasure", at()), measure, SHORT);
    }
    for (i, initiative) in board.initiatives.iter().enumerate() {
        let at = || format!("board.initiatives[{i}]");
        c.text(&|| format!("{}.id", at()), &initiative.id, ID);
        c.text(&|| format!("{}.title", at()), &initiative.title, SHORT);
        let description = &initiative.description;
        c.text(&|| format!("{}.description", at()), description, LONG);
        for (r, risk) in initiative.risks.iter().enumerate() {
            c.text(&|| format!("{}.risks[{r}].id", at()), &risk.id, ID);
            c.text(&|| format!("{}.risks[{r}].text", at()), &risk.text, SHORT);
        }
    }
    for (i, check_in) in board.check_ins.iter().enumerate() {
        let at = || format!("board.checkIns[{i}]");
        c.text(&|| format!("{}.id", at()), &check_in.id, ID);
        c.text(&|| format!("{}.note", at()), &check_in.note, LONG);
    }
    for (i, request) in board.dependencies.iter().enumerate() {
        let at = || format!("board.dependencies[{i}]");
        c.text(&|| format!("{}.id", at()), &request.id, ID);
        c.text(&|| format!("{}.need", at()), &request.need, SHORT);
        c.text(
            &|| format!("{}.answerNote", at()),
            &request.answer_note,
            LONG,
        );
    }
    for (i, decision) in board.decisions.iter().enumerate() {
        let at = || format!("board.decisions[{i}]");
        c.text(&|| format!("{}.id", at()), &decision.id, ID);
        c.text(&|| format!("{}.title", at()), &decision.title, SHORT);
        c.text(&|| format!("{}.rationale", at()), &decision.rationale, LONG);
    }
    for (i, review) in board.reviews.iter().enumerate() {
        let at = || format!("board.reviews[{i}]");
        c.text(&|| format!("{}.id", at()), &review.id, ID);
        c.text(&|| format!("{}.summary", at()), &review.summary, LONG);
    }
    // A slice names the teams it was cut for, which it may no longer hold.
    let cut_for = board.slice.iter().flat_map(|cut| cut.team_ids.iter());
    for (i, team) in cut_for.enumerate() {
        c.text(&|| format!("board.slice.teamIds[{i}]"), team, ID);
    }
    c.0
}

struct Check(Vec<Problem>);

impl Check {
    /// Records `text` at `path` when it is longer than `limit` characters. The path is
    /// written only then, and the characters counted only when the bytes could be too many.
    fn text(&mut self, path: &dyn Fn() -> String, text: &str, limit: usize) {
        if text.len() <= limit {
            return;
        }
        let length = text.chars().count();
        if length > limit {
            self.0.push(Problem {
                path: path(),
                message: format!(
                    "too long: {length} characters, where at most {limit} are allowed"
                ),
            });
        }
    }
}

/// `text` cut to its first `count` characters, with "…" where it was cut: where only so much
/// of it fits (a message quoting a value, a title made of others, a list's row).
pub fn cut(text: &str, count: usize) -> Cow<'_, str> {
    match text.char_indices().nth(count) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}
