//! In-browser benchmark of the rhythm's heaviest pure function: the diff of two
//! 5,000-initiative boards. Run by `./scripts/measure` in headless Chromium (release
//! build); it prints one `BENCH` line that the script reads and checks against the budget
//! (≤ 20 ms). Not part of the test command.
#![cfg(target_arch = "wasm32")]

use alignment_board::core::diff::diff;
use alignment_board::core::generate::{big_board, evolved, Size};
use alignment_board::core::time::Date;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

#[wasm_bindgen_test]
fn diff_of_two_5000_initiative_boards() {
    let today = Date::new(2026, 11, 25).unwrap();
    let size = Size {
        teams: 40,
        priorities: 12,
        initiatives: 5000,
        check_ins: 20_000,
    };
    let before = big_board(size, today);
    let after = evolved(&before);
    let mut times = Vec::new();
    let mut changes = 0;
    for _ in 0..15 {
        let start = now_ms();
        changes = diff(&before, &after).items.len();
        times.push(now_ms() - start);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    console_log!(
        "BENCH diff_5000 median_ms={:.2} min_ms={:.2} max_ms={:.2} differences={}",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        changes
    );
    assert!(changes > 0);
}
