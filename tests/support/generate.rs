//! Generated boards for the benchmark (`scripts/measure`):
//!
//! - `generate <initiatives> <teams> <priorities> <check-ins> <YYYY-MM-DD>` prints the board
//!   (`generate_board::big_board`) as a compact snapshot;
//! - `generate capacity <characters>` prints, as JSON, the largest board with a realistic
//!   history (ten check-ins per initiative, each with a note of about a hundred characters)
//!   whose stored layout fits in that many characters of localStorage.

#[path = "generate_board.rs"]
mod generate_board;

use alignment_board::core::model::Board;
use alignment_board::core::snapshot;
use alignment_board::core::time::Date;
use generate_board::{big_board, Size};
use std::process::ExitCode;

fn today() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// A board of `initiatives` cards with ten check-ins each and notes as people write them.
fn realistic(initiatives: usize) -> Board {
    let size = Size {
        teams: (initiatives / 50).clamp(1, 40),
        priorities: 12,
        initiatives,
        check_ins: initiatives * 10,
    };
    let mut board = big_board(size, today());
    for (n, check_in) in board.check_ins.iter_mut().enumerate() {
        check_in.note = format!(
            "Week {}: finished the review with two teams; next, the rollout plan and its risks.",
            n % 52 + 1
        );
    }
    board
}

/// Characters localStorage holds for a board saved under the default key: every key and
/// every value.
fn stored_characters(board: &Board) -> usize {
    let key = alignment_board::storage::BoardKey::new("alignment-board").expect("a valid key");
    let stored = snapshot::write_stored(board, today().start(), &mut Default::default());
    key.head().len()
        + stored.head.len()
        + stored
            .parts
            .iter()
            .map(|(name, text)| key.part(name).len() + text.len())
            .sum::<usize>()
}

fn capacity(quota: usize) -> String {
    let (mut fits, mut too_big) = (0usize, 1usize);
    while stored_characters(&realistic(too_big)) <= quota {
        fits = too_big;
        too_big *= 2;
    }
    while too_big - fits > 10 {
        let middle = (fits + too_big) / 2;
        if stored_characters(&realistic(middle)) <= quota {
            fits = middle;
        } else {
            too_big = middle;
        }
    }
    let board = realistic(fits);
    format!(
        "{{\"initiatives\":{fits},\"checkIns\":{},\"characters\":{},\"quota\":{quota},\"snapshotCharacters\":{}}}",
        board.check_ins.len(),
        stored_characters(&board),
        snapshot::write_compact(&board, today().start()).len()
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, quota] = args.as_slice() {
        if let ("capacity", Ok(quota)) = (mode.as_str(), quota.parse()) {
            println!("{}", capacity(quota));
            return ExitCode::SUCCESS;
        }
    }
    let numbers: Vec<usize> = args.iter().take(4).filter_map(|a| a.parse().ok()).collect();
    let (Some(today), [initiatives, teams, priorities, check_ins]) =
        (args.get(4).and_then(|d| Date::parse(d)), numbers.as_slice())
    else {
        eprintln!(
            "usage: generate <initiatives> <teams> <priorities> <check-ins> <YYYY-MM-DD>\n       generate capacity <characters>"
        );
        return ExitCode::from(2);
    };
    let size = Size {
        teams: *teams,
        priorities: *priorities,
        initiatives: *initiatives,
        check_ins: *check_ins,
    };
    println!(
        "{}",
        snapshot::write_compact(&big_board(size, today), today.start())
    );
    ExitCode::SUCCESS
}
