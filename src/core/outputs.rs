//! The board as text for meetings, wiki pages and spreadsheets: a status page in Markdown
//! and four CSV tables (initiatives, check-ins, dependencies, decisions), with their file
//! names. Pure text out of a board; nothing here copies, downloads or reads the clock.
//!
//! Dates are written `YYYY-MM-DD` and instants `YYYY-MM-DD HH:MM:SS` in UTC: a page pasted
//! into a wiki or a table opened in a spreadsheet is read by people in other countries and
//! months later, so a date must carry its year and read the same for everyone, and these
//! are the forms every spreadsheet program reads as dates.
//!
//! Every piece of board text is escaped for where it goes (`escape_markdown`, and the CSV
//! fields' quoting and formula guard), so no title can break a table, inject markup or run
//! a formula.

mod csv;
mod markdown;

pub use csv::{check_ins_csv, decisions_csv, dependencies_csv, initiatives_csv, Separator, Table};
pub use markdown::{escape_markdown, markdown, MARKDOWN_TEXT_LIMIT};

use super::model::Board;
use super::snapshot;
use super::time::{Date, Timestamp};
use std::fmt::Write;

/// `<board-title>-<YYYY-MM-DD>`: what every file the board writes is named from, the
/// snapshot's included (`snapshot::file_stem`).
pub fn file_stem(board: &Board, date: Date) -> String {
    snapshot::file_stem(board, date)
}

/// `<board-title>-<YYYY-MM-DD>.md`, for the status page of `markdown`.
pub fn markdown_file_name(board: &Board, date: Date) -> String {
    format!("{}.md", file_stem(board, date))
}

/// Appends `at` as `YYYY-MM-DD HH:MM:SS` in UTC: the form spreadsheets read as a date and
/// time in every locale (RFC 3339's `T` and `Z` keep a cell text in most of them).
fn push_instant(out: &mut String, at: Timestamp) {
    let seconds = at.unix_seconds();
    let day = Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let time = seconds.rem_euclid(86_400);
    let _ = write!(
        out,
        "{day} {:02}:{:02}:{:02}",
        time / 3600,
        time / 60 % 60,
        time % 60
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_in_utc_with_a_space() {
        let mut out = String::new();
        push_instant(
            &mut out,
            Timestamp::parse("2026-11-23T09:05:07+01:00").unwrap(),
        );
        assert_eq!(out, "2026-11-23 08:05:07");
        out.clear();
        push_instant(&mut out, Timestamp::parse("1969-12-31T23:59:59Z").unwrap());
        assert_eq!(out, "1969-12-31 23:59:59");
    }
}
