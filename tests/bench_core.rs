//! In-browser benchmarks of the core, as optimised wasm in headless Chromium: the diff of
//! two 5,000-initiative boards (budget ≤ 20 ms), and saving and loading the big board of
//! the performance issue (2,000 initiatives, 40 teams, 12 priorities, 20,000 check-ins:
//! save ≤ 15 ms, load ≤ 30 ms), and writing the big board's Markdown status page and its
//! four CSV tables (≤ 200 ms each), and merging ten team snapshots into that board
//! (preview ≤ 150 ms, apply ≤ 100 ms). Run by `./scripts/measure`, which reads the `BENCH`
//! lines and checks the budgets. Not part of the test command.
#![cfg(target_arch = "wasm32")]

#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::diff::diff;
use alignment_board::core::health::analyse_board;
use alignment_board::core::outputs::{markdown, Separator, Table};
use alignment_board::core::snapshot;
use alignment_board::core::time::{Date, Now};
use alignment_board::storage::{self, LocalStore, Opened, Parts, Store};
use generate_board::{big_board, evolved, Size};
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

/// The day the benchmark's boards are generated for.
fn benchmark_day() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

/// The generated big board with `initiatives` initiatives, 40 teams, 12 priorities and
/// 20,000 check-ins.
fn benchmark_board(initiatives: usize) -> alignment_board::core::model::Board {
    let size = Size {
        teams: 40,
        priorities: 12,
        initiatives,
        check_ins: 20_000,
    };
    big_board(size, benchmark_day())
}

#[wasm_bindgen_test]
fn diff_of_two_5000_initiative_boards() {
    let before = benchmark_board(5000);
    let after = evolved(&before);
    let mut changes = 0;
    let (median, min, max) = time(15, || changes = diff(&before, &after).items.len());
    console_log!(
        "BENCH diff_5000 median_ms={median:.2} min_ms={min:.2} max_ms={max:.2} differences={changes}"
    );
    assert!(changes > 0);
}

/// Lets the browser finish what earlier work left it (writing the store to disk, collecting
/// garbage) before a timing starts: on a two-core machine that work otherwise lands inside
/// the next timing.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn save_and_load_the_big_board() {
    let today = benchmark_day();
    let board = benchmark_board(2000);
    let at = today.start();
    let store = LocalStore;
    let board_key = storage::BoardKey::new("alignment-board-bench").unwrap();
    let key = &board_key;
    let prefix = key.head();
    let clear = || {
        for k in store.keys().unwrap() {
            if k.starts_with(&prefix) {
                store.remove(&k).unwrap();
            }
        }
    };
    // A full save, as after an import: the head and every part of the history.
    let mut full_bytes = 0;
    let mut fulls = Vec::new();
    for _ in 0..9 {
        clear();
        settle().await;
        fulls.push(time(1, || {
            full_bytes = storage::save(&store, key, &board, at, &mut Parts::default())
                .unwrap()
                .written;
        }));
    }
    fulls.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Of a full save, the texts alone: what the board writes before localStorage has them.
    let mut texts_written = 0;
    let full_texts = time(9, || {
        let stored = snapshot::write_stored(&board, at, &mut Parts::default());
        texts_written = stored.head.len() + stored.parts.iter().map(|p| p.1.len()).sum::<usize>();
    });
    // The save after an edit: a card renamed; the history's parts are already stored.
    let mut edited = board.clone();
    let mut known = Parts::default();
    storage::save(&store, key, &edited, at, &mut known).unwrap();
    let mut edit_bytes = 0;
    let mut n = 0;
    let edit = time(15, || {
        n += 1;
        edited.initiatives[7].title = format!("Renamed {n}");
        edit_bytes = storage::save(&store, key, &edited, at, &mut known)
            .unwrap()
            .written;
    });
    // The first save after the board is opened, a card renamed: it knows the parts the
    // board was read from, so it names and writes out none of them again.
    let mut firsts = Vec::new();
    let mut first_bytes = 0;
    for n in 0..9 {
        let mut opened = Parts::default();
        let Opened::Board(loaded) = storage::open_known(&store, key, at, &mut opened) else {
            panic!("the saved board opens");
        };
        let mut next = loaded.board;
        next.initiatives[7].title = format!("Opened {n}");
        firsts.push(time(1, || {
            first_bytes = storage::save(&store, key, &next, at, &mut opened)
                .unwrap()
                .written;
        }));
    }
    firsts.sort_by(|a, b| a.0.total_cmp(&b.0));
    // A load ends with the board read and checked; the app keeps it, so freeing it (timed
    // apart, as `load_big_free`) is no part of a load.
    let mut opened_boards = Vec::with_capacity(9);
    let load = time(9, || {
        let Opened::Board(loaded) = storage::open(&store, key, at) else {
            panic!("the saved board opens");
        };
        assert_eq!(loaded.board.initiatives.len(), 2000);
        assert_eq!(loaded.board.check_ins.len(), 20_000);
        opened_boards.push(loaded);
    });
    let free = time(9, || drop(opened_boards.pop()));
    // Where loading goes: the texts out of localStorage, then reading them.
    let texts: Vec<(String, String)> = store
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .map(|k| (k.clone(), store.read(&k).unwrap().unwrap()))
        .collect();
    let fetch = time(9, || {
        for (k, _) in &texts {
            assert!(store.read(k).unwrap().is_some());
        }
    });
    let head = texts.iter().find(|(k, _)| *k == prefix).unwrap().1.clone();
    let mut read_boards = Vec::with_capacity(9);
    let read = time(9, || {
        let part = |name: &str| {
            let k = key.part(name);
            texts
                .iter()
                .find(|(t, _)| *t == k)
                .map(|(_, text)| text.clone())
        };
        read_boards.push(snapshot::read_stored(&head, &part).unwrap());
    });
    drop(read_boards);
    // The snapshot as a file: written for export, read for import.
    let mut file_bytes = 0;
    let export = time(9, || {
        file_bytes = snapshot::write_pretty(&board, at).len();
    });
    let file = snapshot::write_pretty(&board, at);
    let import = time(9, || {
        assert_eq!(snapshot::read(&file).unwrap().board.check_ins.len(), 20_000);
    });
    clear();
    let line = |name: &str, (median, min, max): (f64, f64, f64), extra: String| {
        console_log!("BENCH {name} median_ms={median:.2} min_ms={min:.2} max_ms={max:.2}{extra}")
    };
    let (lo, hi) = (fulls[0].0, fulls[8].0);
    line(
        "save_full",
        (fulls[4].0, lo, hi),
        format!(" bytes={full_bytes}"),
    );
    line(
        "save_full_texts",
        full_texts,
        format!(" bytes={texts_written}"),
    );
    line("save_edit", edit, format!(" bytes={edit_bytes}"));
    line(
        "save_first",
        (firsts[4].0, firsts[0].0, firsts[8].0),
        format!(" bytes={first_bytes}"),
    );
    line("load_big", load, String::new());
    line("load_big_free", free, String::new());
    line("load_big_texts", fetch, String::new());
    line("load_big_read", read, String::new());
    line("export_big", export, format!(" bytes={file_bytes}"));
    line("import_big", import, String::new());
}

#[wasm_bindgen_test]
fn markdown_and_csv_of_the_big_board() {
    let today = benchmark_day();
    let board = benchmark_board(2000);
    // The view holds the analysis already; the page is timed from it.
    let analysis = analyse_board(&board, Now::utc(today.start().add_seconds(9 * 3600)));
    let line = |name: &str, (median, min, max): (f64, f64, f64), bytes: usize| {
        console_log!(
            "BENCH {name} median_ms={median:.2} min_ms={min:.2} max_ms={max:.2} bytes={bytes}"
        )
    };
    let mut bytes = 0;
    let page = time(9, || bytes = markdown(&board, &analysis).len());
    line("export_markdown_big", page, bytes);
    let all = time(9, || {
        bytes = Table::ALL
            .iter()
            .map(|t| t.csv(&board, Separator::Comma).len())
            .sum();
    });
    line("export_csv_big", all, bytes);
    for table in Table::ALL {
        let one = time(9, || bytes = table.csv(&board, Separator::Comma).len());
        line(
            &format!("export_csv_{}_big", table.key().replace('-', "_")),
            one,
            bytes,
        );
    }
    assert!(bytes > 0);
}

/// Merging team snapshots (issue 21): ten teams' slices of 200 initiatives and 2,000
/// check-ins each, sent back after a week's work, into the 2,000-initiative board. The
/// preview (≤ 150 ms) reads the ten files and plans the merge; the apply (≤ 100 ms) takes
/// the planned board as one undo step, checked as `reduce` checks every change.
#[wasm_bindgen_test]
fn merge_ten_team_snapshots() {
    use alignment_board::core::action::{reduce, Action};
    use alignment_board::core::combine::{apply, plan, Choices, Incoming};
    use std::rc::Rc;
    let today = benchmark_day();
    let (board, slices) = generate_board::team_snapshots(10, 200, 2000, today);
    let texts: Vec<(String, String)> = slices
        .iter()
        .enumerate()
        .map(|(n, s)| {
            (
                format!("team-{n}.alignment.json"),
                snapshot::write_pretty(s, today.start()),
            )
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mut made = None;
    let preview = time(9, || {
        let files: Vec<Incoming> = texts
            .iter()
            .map(|(name, text)| Incoming::read(name.as_str(), text))
            .collect();
        made = Some(plan(&board, &files));
    });
    let mut made = made.unwrap();
    let files: Vec<Incoming> = texts
        .iter()
        .map(|(name, text)| Incoming::read(name.as_str(), text))
        .collect();
    let planning = time(9, || made = plan(&board, &files));
    let before = Rc::new(board.clone());
    let mut after = before.clone();
    let applying = time(9, || {
        let applied = apply(&board, &made, &Choices::new()).unwrap();
        let action = Action::Merge {
            board: applied.board,
            description: applied.description,
        };
        after = reduce(&before, action, today.start()).unwrap();
    });
    let line = |name: &str, (median, min, max): (f64, f64, f64)| {
        console_log!(
            "BENCH {name} median_ms={median:.2} min_ms={min:.2} max_ms={max:.2} bytes={bytes}"
        )
    };
    line("merge_preview", preview);
    line("merge_plan", planning);
    line("merge_apply", applying);
    assert_eq!(after.initiatives.len(), 2000 + 10 * 5);
}
