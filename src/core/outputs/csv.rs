//! The board's lists as CSV for spreadsheets: RFC 4180 (fields separated by commas, records
//! ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF, its quotes
//! doubled), UTF-8 after a byte-order mark so spreadsheet programs read accents right, and
//! a header row. People, teams and priorities are written by name, statuses in words.
//! Where a comma is the decimal mark (German, French, …), spreadsheets set to that language
//! separate fields by semicolons, and Excel opens a comma-separated file as one column: the
//! same tables are written with `;` in place of the comma (`Separator`).
//!
//! A text cell that a spreadsheet could take for a formula (one starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return, or with spaces and line breaks before `=`, `+`,
//! `-` or `@`) is written with a `'` before it, so opening the file never runs a formula
//! from a board's text. Numbers are the board's own and never negative, so none is touched.

use super::push_instant;
use crate::core::model::{Board, Id, PriorityStatus};
use crate::core::time::{Date, Timestamp};
use std::fmt::Write;

/// What separates a record's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    /// For people whose language writes a comma as the decimal mark.
    Semicolon,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// One of the four tables, for a menu of downloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    Initiatives,
    CheckIns,
    Dependencies,
    Decisions,
}

impl Table {
    pub const ALL: [Table; 4] = [
        Table::Initiatives,
        Table::CheckIns,
        Table::Dependencies,
        Table::Decisions,
    ];

    /// The table's name in file names and markup.
    pub fn key(self) -> &'static str {
        match self {
            Table::Initiatives => "initiatives",
            Table::CheckIns => "check-ins",
            Table::Dependencies => "dependencies",
            Table::Decisions => "decisions",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Table::Initiatives => "Initiatives",
            Table::CheckIns => "Check-ins",
            Table::Dependencies => "Dependencies",
            Table::Decisions => "Decisions",
        }
    }

    /// The table of `board`, its fields separated by `separator`.
    pub fn csv(self, board: &Board, separator: Separator) -> String {
        match self {
            Table::Initiatives => initiatives_csv(board, separator),
            Table::CheckIns => check_ins_csv(board, separator),
            Table::Dependencies => dependencies_csv(board, separator),
            Table::Decisions => decisions_csv(board, separator),
        }
    }

    /// `<board-title>-<YYYY-MM-DD>-<table>.csv`.
    pub fn file_name(self, board: &Board, date: Date) -> String {
        format!("{}-{}.csv", super::file_stem(board, date), self.key())
    }
}

/// One initiative a row, in board order: its id, title, team, owner, the titles of the
/// priorities it serves (joined by `; `, a priority no longer active followed by its
/// status), status, progress, confidence, effort, due date, when it was created and last
/// updated, and its description.
pub fn initiatives_csv(board: &Board, separator: Separator) -> String {
    let size: usize = board
        .initiatives
        .iter()
        .map(|i| i.title.len() + i.description.len() + 120)
        .sum();
    let mut csv = Csv::new(
        separator,
        size,
        &[
            "ID",
            "Title",
            "Team",
            "Owner",
            "Priorities",
            "Status",
            "Progress (%)",
            "Confidence (0-10)",
            "Effort (% of team)",
            "Due",
            "Created (UTC)",
            "Updated (UTC)",
            "Description",
        ],
    );
    let mut priorities = String::new();
    for initiative in &board.initiatives {
        priorities.clear();
        for id in &initiative.priority_ids {
            if !priorities.is_empty() {
                priorities.push_str("; ");
            }
            match board.priority(id) {
                Some(p) if p.is_active() => priorities.push_str(&p.title),
                Some(p) => {
                    let status = match p.status {
                        PriorityStatus::Achieved => "achieved",
                        _ => "dropped",
                    };
                    let _ = write!(priorities, "{} ({status})", p.title);
                }
                None => priorities.push_str(id),
            }
        }
        csv.text(&initiative.id);
        csv.text(&initiative.title);
        csv.text(team_name(board, &initiative.team_id));
        csv.text(person_name(board, initiative.owner_id.as_ref()));
        csv.text(&priorities);
        csv.text(initiative.status.label());
        csv.number(initiative.progress);
        csv.optional_number(initiative.confidence);
        csv.number(initiative.effort);
        csv.date(initiative.due);
        csv.instant(Some(initiative.created_at));
        csv.instant(Some(initiative.updated_at));
        csv.text(&initiative.description);
        csv.end_row();
    }
    csv.finish()
}

/// One check-in a row, in board order: its id, the initiative's id, title and team, when
/// it was made, the status, progress and confidence it recorded, its author and its note.
pub fn check_ins_csv(board: &Board, separator: Separator) -> String {
    let size: usize = board
        .check_ins
        .iter()
        .map(|c| c.note.len() + 110)
        .sum::<usize>()
        + board.check_ins.len() * 40;
    let mut csv = Csv::new(
        separator,
        size,
        &[
            "ID",
            "Initiative ID",
            "Initiative",
            "Team",
            "At (UTC)",
            "Status",
            "Progress (%)",
            "Confidence (0-10)",
            "Author",
            "Note",
        ],
    );
    for check_in in &board.check_ins {
        let initiative = board.initiative(&check_in.initiative_id);
        csv.text(&check_in.id);
        csv.text(&check_in.initiative_id);
        csv.text(initiative.map_or("", |i| i.title.as_str()));
        csv.text(initiative.map_or("", |i| team_name(board, &i.team_id)));
        csv.instant(Some(check_in.at));
        csv.text(check_in.status.label());
        csv.number(check_in.progress);
        csv.optional_number(check_in.confidence);
        csv.text(person_name(board, check_in.author_id.as_ref()));
        csv.text(&check_in.note);
        csv.end_row();
    }
    csv.finish()
}

/// One request between teams a row, in board order: its id, what is needed, the asking
/// initiative and its team, the team asked and the initiative that provides it (if
/// named), its state, due date, when it was requested and answered, the answer's note, and
/// when it was delivered.
pub fn dependencies_csv(board: &Board, separator: Separator) -> String {
    let size: usize = board
        .dependencies
        .iter()
        .map(|d| d.need.len() + d.answer_note.len() + 200)
        .sum();
    let mut csv = Csv::new(
        separator,
        size,
        &[
            "ID",
            "Need",
            "Asking initiative",
            "Asking team",
            "Asked of team",
            "Providing initiative",
            "State",
            "Due",
            "Promised",
            "Requested (UTC)",
            "Answered (UTC)",
            "Answer note",
            "Delivered (UTC)",
        ],
    );
    for dependency in &board.dependencies {
        let asking = board.initiative(&dependency.from_initiative_id);
        csv.text(&dependency.id);
        csv.text(&dependency.need);
        csv.text(asking.map_or(dependency.from_initiative_id.as_str(), |i| i.title.as_str()));
        csv.text(asking.map_or("", |i| team_name(board, &i.team_id)));
        csv.text(team_name(board, &dependency.to_team_id));
        csv.text(dependency.to_initiative_id.as_deref().map_or("", |id| {
            board.initiative(id).map_or(id, |i| i.title.as_str())
        }));
        csv.text(dependency.state.key());
        csv.date(dependency.due);
        csv.date(dependency.promised);
        csv.instant(Some(dependency.requested_at));
        csv.instant(dependency.answered_at);
        csv.text(&dependency.answer_note);
        csv.instant(dependency.delivered_at);
        csv.end_row();
    }
    csv.finish()
}

/// One decision a row, in board order: its id, title, kind, when it was taken, its owner,
/// the priorities and teams it concerns (titles and names joined by `; `), when to revisit
/// it, its rationale, and the work it stopped (titles joined by `; `; last, as the column was
/// added last).
pub fn decisions_csv(board: &Board, separator: Separator) -> String {
    let size: usize = board
        .decisions
        .iter()
        .map(|d| d.title.len() + d.rationale.len() + 200)
        .sum();
    let mut csv = Csv::new(
        separator,
        size,
        &[
            "ID",
            "Title",
            "Kind",
            "Decided (UTC)",
            "Owner",
            "Priorities",
            "Teams",
            "Revisit on",
            "Rationale",
            "Work stopped",
        ],
    );
    let mut joined = String::new();
    for decision in &board.decisions {
        csv.text(&decision.id);
        csv.text(&decision.title);
        csv.text(decision.kind.key());
        csv.instant(Some(decision.decided_at));
        csv.text(person_name(board, decision.owner_id.as_ref()));
        join(&mut joined, &decision.priority_ids, |id| {
            board.priority(id).map(|p| p.title.as_str())
        });
        csv.text(&joined);
        join(&mut joined, &decision.team_ids, |id| {
            board.team(id).map(|t| t.name.as_str())
        });
        csv.text(&joined);
        csv.date(decision.revisit_on);
        csv.text(&decision.rationale);
        join(&mut joined, &decision.initiative_ids, |id| {
            board.initiative(id).map(|i| i.title.as_str())
        });
        csv.text(&joined);
        csv.end_row();
    }
    csv.finish()
}

/// `ids` by name, joined by `; ` into `out` (an id that names nothing is written itself).
fn join<'a>(out: &mut String, ids: &'a [Id], name: impl Fn(&'a str) -> Option<&'a str>) {
    out.clear();
    for id in ids {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(name(id).unwrap_or(id));
    }
}

fn team_name<'a>(board: &'a Board, id: &'a str) -> &'a str {
    board.team(id).map_or(id, |t| t.name.as_str())
}

fn person_name<'a>(board: &'a Board, id: Option<&'a Id>) -> &'a str {
    id.map_or("", |id| {
        board.person(id).map_or(id.as_str(), |p| p.name.as_str())
    })
}

/// A CSV text being written, row by row.
struct Csv {
    out: String,
    separator: char,
    /// Whether the next field starts a record (no separator before it).
    row_start: bool,
}

impl Csv {
    /// The byte-order mark and the header row; `size` is a guess of the rows' bytes.
    fn new(separator: Separator, size: usize, header: &[&str]) -> Csv {
        let mut csv = Csv {
            out: String::with_capacity(size + 256),
            separator: separator.char(),
            row_start: true,
        };
        csv.out.push('\u{feff}');
        for name in header {
            csv.text(name);
        }
        csv.end_row();
        csv
    }

    fn separate(&mut self) {
        if !self.row_start {
            self.out.push(self.separator);
        }
        self.row_start = false;
    }

    fn text(&mut self, text: &str) {
        self.separate();
        push_field(&mut self.out, text, self.separator);
    }

    fn number(&mut self, value: u8) {
        self.separate();
        let _ = write!(self.out, "{value}");
    }

    fn optional_number(&mut self, value: Option<u8>) {
        self.separate();
        if let Some(value) = value {
            let _ = write!(self.out, "{value}");
        }
    }

    fn date(&mut self, date: Option<Date>) {
        self.separate();
        if let Some(date) = date {
            let _ = write!(self.out, "{date}");
        }
    }

    fn instant(&mut self, at: Option<Timestamp>) {
        self.separate();
        if let Some(at) = at {
            push_instant(&mut self.out, at);
        }
    }

    fn end_row(&mut self) {
        self.out.push_str("\r\n");
        self.row_start = true;
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Whether a spreadsheet could read `text` as a formula: it starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return, or has only spaces and line breaks before `=`, `+`, `-` or
/// `@` (some programs trim those first).
fn formula_like(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'\t' | b'\r'))
        || matches!(
            text.trim_start_matches([' ', '\n']).as_bytes().first(),
            Some(b'=' | b'+' | b'-' | b'@')
        )
}

/// Appends `text` as one field: after a `'` when it looks like a formula, and quoted, with
/// its quotes doubled, when it holds the `separator`, a quote, CR or LF.
fn push_field(out: &mut String, text: &str, separator: char) {
    let guard = formula_like(text);
    let quoted = text.contains([separator, '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quoted {
        let mut pieces = text.split('"');
        if let Some(first) = pieces.next() {
            out.push_str(first);
        }
        for piece in pieces {
            out.push_str("\"\"");
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, text, ',');
        out
    }

    #[test]
    fn plain_text_is_written_as_it_is() {
        assert_eq!(field("Guided setup wizard"), "Guided setup wizard");
        assert_eq!(field(""), "");
        assert_eq!(field("Tomás 55 % ✓"), "Tomás 55 % ✓");
        assert_eq!(field("a=b, c"), "\"a=b, c\"");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("\""), "\"\"\"\"");
        assert_eq!(field("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(field("one\r\ntwo"), "\"one\r\ntwo\"");
    }

    #[test]
    fn with_semicolons_a_semicolon_is_quoted_and_a_comma_is_not() {
        let mut out = String::new();
        push_field(&mut out, "a;b", ';');
        push_field(&mut out, "1,5", ';');
        assert_eq!(out, "\"a;b\"1,5");
    }

    #[test]
    fn what_a_spreadsheet_would_run_as_a_formula_is_prefixed() {
        assert_eq!(field("=1+2"), "'=1+2");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("  =1"), "'  =1");
        assert_eq!(field("\n-1"), "\"'\n-1\"");
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("a-b"), "a-b");
        assert_eq!(field(" x = 1"), " x = 1");
    }
}
