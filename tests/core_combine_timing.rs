#![cfg(not(target_arch = "wasm32"))]
//! The merge benchmark's setting, natively: ten team snapshots of 200 initiatives and
//! 2,000 check-ins each merged into a 2,000-initiative board. Prints how long the plan (the
//! preview) and the apply take, for information only: the budgets (≤ 150 ms and ≤ 100 ms)
//! are for the browser, measured by `tests/bench_core.rs` under `./scripts/measure`. What
//! it asserts is that the merge is right: every team's edits arrive, nothing twice.

mod core_support;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::combine::{apply, plan, Choices, Incoming};
use alignment_board::core::validate;
use core_support::date;
use generate_board::team_snapshots;
use std::time::Instant;

#[test]
fn ten_team_snapshots_into_a_2000_initiative_board() {
    let (board, slices) = team_snapshots(10, 200, 2000, date("2026-11-25"));
    assert_eq!(board.initiatives.len(), 2000);
    assert_eq!(board.check_ins.len(), 20_000);
    assert!(slices.iter().all(|s| s.check_ins.len() >= 2000));
    let files: Vec<Incoming> = slices
        .iter()
        .enumerate()
        .map(|(n, s)| Incoming::board(format!("team-{n}.alignment.json"), s.clone()))
        .collect();
    let start = Instant::now();
    let made = plan(&board, &files);
    let planned = start.elapsed();
    let start = Instant::now();
    let applied = apply(&board, &made, &Choices::new()).unwrap();
    let applying = start.elapsed();
    println!(
        "merge of 10 team snapshots into a 2,000-initiative board: plan {:.1} ms, apply {:.1} ms \
         (native, {} build)",
        planned.as_secs_f64() * 1000.0,
        applying.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert!(validate::problems(&applied.board).is_empty());
    assert_eq!(applied.board.initiatives.len(), 2000 + 10 * 5);
    assert_eq!(applied.board.check_ins.len(), 20_000 + 10 * 50);
    // The "choices" path recomputes the plan: time it too.
    let start = Instant::now();
    let again = apply(
        &board,
        &made,
        &Choices::new().with(alignment_board::core::combine::Choice::Unmatch(
            made.files[0].outcome.as_ref().unwrap().items[0].reference(0),
        )),
    )
    .unwrap();
    println!(
        "  apply with a choice made (plans again): {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    assert!(validate::problems(&again.board).is_empty());
}
