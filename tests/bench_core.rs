//! In-browser benchmarks of the core, as optimised wasm in headless Chromium: the diff of
//! two 5,000-initiative boards (budget ≤ 20 ms), and saving and loading the big board of
//! the performance issue (2,000 initiatives, 40 teams, 12 priorities, 20,000 check-ins:
//! save ≤ 15 ms, load ≤ 30 ms). Run by `./scripts/measure`, which reads the `BENCH` lines
//! and checks the budgets. Not part of the test command.
#![cfg(target_arch = "wasm32")]

use alignment_board::core::diff::diff;
use alignment_board::core::generate::{big_board, evolved, Size};
use alignment_board::core::snapshot;
use alignment_board::core::time::Date;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Median, minimum and maximum of `runs` timings of `work`, in milliseconds.
fn time(runs: usize, mut work: impl FnMut()) -> (f64, f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now_ms();
            work();
            now_ms() - start
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[runs / 2], times[0], times[runs - 1])
}

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
    let mut changes = 0;
    let (median, min, max) = time(15, || changes = diff(&before, &after).items.len());
    console_log!(
        "BENCH diff_5000 median_ms={median:.2} min_ms={min:.2} max_ms={max:.2} differences={changes}"
    );
    assert!(changes > 0);
}

#[wasm_bindgen_test]
fn save_and_load_the_big_board() {
    let today = Date::new(2026, 11, 25).unwrap();
    let size = Size {
        teams: 40,
        priorities: 12,
        initiatives: 2000,
        check_ins: 20_000,
    };
    let board = big_board(size, today);
    let at = today.start();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = "alignment-board-bench";
    let mut bytes = 0;
    let save = time(9, || {
        let text = snapshot::write_compact(&board, at);
        bytes = text.len();
        storage.set_item(key, &text).unwrap();
    });
    let load = time(9, || {
        let text = storage.get_item(key).unwrap().unwrap();
        let loaded = snapshot::read(&text).unwrap();
        assert_eq!(loaded.board.initiatives.len(), 2000);
    });
    storage.remove_item(key).unwrap();
    console_log!(
        "BENCH save_big median_ms={:.2} min_ms={:.2} max_ms={:.2} bytes={bytes}",
        save.0,
        save.1,
        save.2
    );
    console_log!(
        "BENCH load_big median_ms={:.2} min_ms={:.2} max_ms={:.2}",
        load.0,
        load.1,
        load.2
    );
}
