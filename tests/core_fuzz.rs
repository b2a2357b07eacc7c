#![cfg(not(target_arch = "wasm32"))]
//! The snapshot reader against damaged input: real snapshots (the example board, a
//! generated board, the documented example, and the store's layout with its parts of
//! check-in history) are broken in many small ways — flipped bits, lost and repeated
//! spans, stray JSON punctuation, values swapped for other JSON values, keys swapped for
//! other keys, truncation, nesting ten thousand deep, strings of megabytes — and read.
//! Whatever the input, the reader must not panic, and must either
//!
//! - give a sound board (no `validate::problems`) that survives being written and read
//!   again unchanged (otherwise a board could be opened and then never opened again), or
//! - refuse with words a person can read: a non-empty message, a path into the snapshot
//!   for a `Malformed` shape, a line and column for text that is not JSON.
//!
//! Each test first reads a fixed set of hostile inputs and every value of a small
//! dictionary in a few key places, then random mutations from a seeded xorshift
//! generator, for `FUZZ_SECONDS` seconds (3 by default) or `FUZZ_ITERATIONS` inputs
//! (200,000 by default), whichever comes first. `FUZZ_SEED` picks another sequence; the
//! same seed gives the same inputs. With `--nocapture` each test prints how many inputs it
//! tried. For a long run:
//!
//! ```text
//! FUZZ_SECONDS=600 cargo test --release --test core_fuzz -- --nocapture
//! ```
//!
//! A failing input is written to `core_fuzz-failure.json` in Cargo's temporary directory
//! for tests (`target/tmp`), and the failure message says how it was made.

mod core_support;
#[path = "support/example.rs"]
mod example;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::model::Board;
use alignment_board::core::snapshot::{self, Loaded, Parts, ReadError, MAX_BYTES};
use alignment_board::core::validate;
use core_support::{date, now};
use example::example_board;
use generate_board::{big_board, Size};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Budget and randomness

/// How long, how many inputs and from which seed: `FUZZ_SECONDS`, `FUZZ_ITERATIONS`,
/// `FUZZ_SEED`.
struct Budget {
    time: Duration,
    iterations: u64,
    seed: u64,
}

impl Budget {
    fn from_env() -> Budget {
        fn var<T: std::str::FromStr>(name: &str) -> Option<T> {
            let value = std::env::var(name).ok()?;
            Some(
                value
                    .trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}={value} is not a number")),
            )
        }
        Budget {
            time: Duration::from_secs_f64(var("FUZZ_SECONDS").unwrap_or(3.0)),
            iterations: var("FUZZ_ITERATIONS").unwrap_or(200_000),
            seed: var("FUZZ_SEED").unwrap_or(0x5eed_0fa1_19e0_b0b0),
        }
    }
}

/// xorshift64*: small, fast, and the same sequence for the same seed everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Zero is xorshift's one fixed point.
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        match n {
            0 => 0,
            n => (self.next() % n as u64) as usize,
        }
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------
// What the inputs are made of

/// JSON values a field may be swapped for: each type, numbers at the edges of the ranges
/// the reader checks, dates and timestamps at the edges of what can be written, ids that
/// are and are not on the boards, every spelling of the enums, broken escapes.
const VALUES: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-1",
    "1.5",
    "1e3",
    "1E-2",
    "01",
    "7",
    "10",
    "11",
    "100",
    "101",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "1e999",
    "\"\"",
    "\" \"",
    "\"x\"",
    "\"1\"",
    "[]",
    "{}",
    "[null]",
    "[\"pr-1\",\"pr-1\"]",
    "{\"a\":1}",
    "[[]]",
    "[7,28,91]",
    "[\"Q4 2026\",\"2026-10-01\",\"2026-12-31\"]",
    "[[\"p-1\",\"Ann\"]]",
    "{\"done\":null}",
    "{\"onTrack\":null}",
    "[1e999]",
    "[\"\\ud800\"]",
    "{\"a\":\"\\udc00\"}",
    "{\"columns\":[],\"rows\":[]}",
    "{\"columns\":[\"id\"],\"rows\":[[\"x\"],[1]]}",
    "\"2026-11-23\"",
    "\"2026-02-30\"",
    "\"2024-02-29\"",
    "\"0000-01-01\"",
    "\"9999-12-31\"",
    "\"2026-1-1\"",
    "\"2026-11-23T09:30:00Z\"",
    "\"2026-11-23T09:30:00.123+01:00\"",
    "\"2026-11-23T09:30:60Z\"",
    "\"2026-11-23T24:00:00Z\"",
    "\"2026-11-23T09:30:00\"",
    "\"2026-11-23T09:30:00+99:99\"",
    "\"9999-12-31T23:59:59Z\"",
    "\"9999-12-31T23:30:00-01:00\"",
    "\"0000-01-01T00:00:00Z\"",
    "\"0000-01-01T00:30:00+01:00\"",
    "\"b-1\"",
    "\"p-1\"",
    "\"t-1\"",
    "\"t-2\"",
    "\"pr-1\"",
    "\"i-1\"",
    "\"c-1\"",
    "\"d-1\"",
    "\"x-1\"",
    "\"ghost\"",
    "\"active\"",
    "\"achieved\"",
    "\"dropped\"",
    "\"notStarted\"",
    "\"onTrack\"",
    "\"done\"",
    "\"requested\"",
    "\"accepted\"",
    "\"delivered\"",
    "\"commit\"",
    "\"stop\"",
    "\"checkIn\"",
    "\"planning\"",
    "\"low\"",
    "\"high\"",
    "\"alignment-board\"",
    "\"alignment-board-store\"",
    "\"\\u0000\"",
    "\"\\ud83d\\ude80\"",
    "\"\\ud800\"",
    "\"\\udc00\"",
    "\"\\ud800\\u0041\"",
    "\"\\x\"",
    "\"\\u12\"",
    "\"\\\"",
    "\"\u{2028}\u{feff}\"",
];

/// Keys a key may be swapped for: every key of the format and of the store's layout.
const KEYS: &[&str] = &[
    "format",
    "version",
    "exportedAt",
    "savedAt",
    "board",
    "id",
    "title",
    "purpose",
    "period",
    "label",
    "start",
    "end",
    "rhythm",
    "checkInDays",
    "reviewDays",
    "planningDays",
    "people",
    "name",
    "teamId",
    "teams",
    "leadId",
    "priorities",
    "description",
    "rank",
    "ownerId",
    "status",
    "successMeasure",
    "createdAt",
    "initiatives",
    "priorityIds",
    "effort",
    "progress",
    "confidence",
    "due",
    "updatedAt",
    "risks",
    "text",
    "severity",
    "open",
    "checkIns",
    "initiativeId",
    "at",
    "note",
    "authorId",
    "dependencies",
    "fromInitiativeId",
    "toTeamId",
    "toInitiativeId",
    "need",
    "state",
    "requestedAt",
    "answeredAt",
    "answerNote",
    "decisions",
    "rationale",
    "kind",
    "decidedAt",
    "teamIds",
    "revisitOn",
    "reviews",
    "summary",
    "score",
    "columns",
    "rows",
    "parts",
];

/// Pieces inserted anywhere.
const PUNCTUATION: &[&str] = &[
    "{", "}", "[", "]", "\"", ":", ",", "\\", " ", "\n", "null", "-", "0", "e", ".", "\"\":", ",,",
    "[]", "{}", "\u{0}", "\u{feff}", "é", "🚀",
];

/// Where the top-level keys a refusal's path can start with.
const PATH_ROOTS: &[&str] = &["board", "exportedAt", "savedAt", "version"];

// ---------------------------------------------------------------------------------------
// Real snapshots

fn exported() -> alignment_board::core::time::Timestamp {
    now()
}

fn example() -> Board {
    example_board(date("2026-11-23"))
}

fn generated() -> Board {
    big_board(
        Size {
            teams: 3,
            priorities: 4,
            initiatives: 25,
            check_ins: 40,
        },
        date("2026-11-23"),
    )
}

const FIXTURE: &str = include_str!("fixtures/snapshot-md-example.alignment.json");

/// The exported snapshots the mutations start from.
fn snapshots() -> Vec<(&'static str, String)> {
    vec![
        (
            "the example board",
            snapshot::write_compact(&example(), exported()),
        ),
        (
            "the example board, indented",
            snapshot::write_pretty(&example(), exported()),
        ),
        (
            "a generated board",
            snapshot::write_compact(&generated(), exported()),
        ),
        ("the documented example", FIXTURE.to_string()),
    ]
}

/// A board in the store's layout: its head, and its parts by name.
struct StoredBoard {
    name: &'static str,
    head: String,
    parts: BTreeMap<String, String>,
}

fn stored_boards() -> Vec<StoredBoard> {
    let store = |name, board: &Board| {
        let stored = snapshot::write_stored(board, exported(), &mut Parts::default());
        StoredBoard {
            name,
            head: stored.head,
            parts: stored
                .parts
                .iter()
                .map(|(name, text)| (name.clone(), text.to_string()))
                .collect(),
        }
    };
    vec![
        store("the example board, stored", &example()),
        store("a generated board, stored", &generated()),
        // Boards saved before the store had a layout of its own are whole snapshots.
        StoredBoard {
            name: "a whole snapshot, stored",
            head: FIXTURE.to_string(),
            parts: BTreeMap::new(),
        },
    ]
}

// ---------------------------------------------------------------------------------------
// Mutations

/// The span of the JSON scalar (string, number or literal) that starts at or after
/// `from` in a value position, if any.
fn scalar_at(text: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while at < text.len() {
        let previous = text[..at]
            .iter()
            .rev()
            .find(|b| !b" \n\r\t".contains(b))
            .copied();
        let value_position = matches!(previous, Some(b':' | b'[' | b','));
        match text[at] {
            b'"' if value_position => {
                let mut end = at + 1;
                while end < text.len() && text[end] != b'"' {
                    end += if text[end] == b'\\' { 2 } else { 1 };
                }
                return Some((at, (end + 1).min(text.len())));
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' if value_position => {
                let end = at
                    + text[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                        .count();
                return Some((at, end));
            }
            _ => at += 1,
        }
    }
    None
}

/// The span of the key (with its quotes) of a member at or after `from`, if any.
fn key_at(text: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while at < text.len() {
        if text[at] == b'"' {
            let mut end = at + 1;
            while end < text.len() && text[end] != b'"' {
                end += if text[end] == b'\\' { 2 } else { 1 };
            }
            let after = text.get(end + 1..).unwrap_or_default();
            if after.iter().find(|b| !b" \n\r\t".contains(b)) == Some(&b':') {
                return Some((at, end + 1));
            }
            at = end + 1;
        } else {
            at += 1;
        }
    }
    None
}

/// Applies one random mutation to `text`; returns what it did.
fn mutate(rng: &mut Rng, text: &mut Vec<u8>) -> &'static str {
    let len = text.len();
    let here = rng.below(len + 1);
    let span = |rng: &mut Rng| {
        let most = if rng.one_in(4) { 512 } else { 16 };
        1 + rng.below(most)
    };
    match rng.below(100) {
        0..=9 => {
            for _ in 0..1 + rng.below(3) {
                if !text.is_empty() {
                    let at = rng.below(text.len());
                    text[at] ^= 1 << rng.below(8);
                }
            }
            "flip bits"
        }
        10..=14 => {
            if !text.is_empty() {
                let at = rng.below(text.len());
                text[at] = rng.below(128) as u8;
            }
            "replace a byte"
        }
        15..=24 => {
            let end = (here + span(rng)).min(len);
            text.drain(here..end);
            "delete a span"
        }
        25..=34 => {
            let piece = rng.pick(PUNCTUATION);
            text.splice(here..here, piece.bytes());
            "insert punctuation"
        }
        35..=38 => {
            text.truncate(here);
            "truncate"
        }
        39..=46 => {
            let end = (here + span(rng)).min(len);
            let copy = text[here..end].to_vec();
            let to = rng.below(len + 1);
            text.splice(to..to, copy);
            "duplicate a span"
        }
        47..=66 => match scalar_at(text, here) {
            Some((start, end)) => {
                let value = rng.pick(VALUES);
                text.splice(start..end, value.bytes());
                "swap a value"
            }
            None => "swap a value (none found)",
        },
        67..=76 => match key_at(text, here) {
            Some((start, end)) => {
                let key = format!("\"{}\"", rng.pick(KEYS));
                text.splice(start..end, key.into_bytes());
                "swap a key"
            }
            None => "swap a key (none found)",
        },
        77..=84 => {
            // Remove or repeat a list item or a member: from one comma to the next.
            let Some(comma) = text[here..].iter().position(|&b| b == b',') else {
                return "cut at a comma (none found)";
            };
            let start = here + comma;
            let next = text[start + 1..].iter().position(|&b| b == b',');
            let end = next.map_or(text.len(), |n| start + 1 + n);
            if rng.one_in(2) {
                text.drain(start..end);
                "remove an item"
            } else {
                let copy = text[start..end].to_vec();
                text.splice(start..start, copy);
                "repeat an item"
            }
        }
        85..=89 => {
            let (a, b) = (rng.below(len + 1), rng.below(len + 1));
            let (a, b) = (a.min(b), a.max(b));
            text[a..b].reverse();
            "reverse a span"
        }
        90..=93 => {
            let depth = if rng.one_in(2) {
                10_000
            } else {
                100 + rng.below(200)
            };
            let (open, close) = if rng.one_in(2) {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let mut nested = open.repeat(depth);
            if rng.one_in(2) {
                nested.push('1');
                nested.push_str(&close.repeat(depth));
            }
            match scalar_at(text, here) {
                Some((start, end)) => text.splice(start..end, nested.into_bytes()),
                None => text.splice(here..here, nested.into_bytes()),
            };
            "nest deeply"
        }
        94..=97 => {
            let size = if rng.one_in(4) {
                3 << 20
            } else {
                1 << (10 + rng.below(10))
            };
            let piece = *rng.pick(&["a", "\\n", "é", "\\u00e9", "🚀", "\\\""]);
            let huge = format!("\"{}\"", piece.repeat(size / piece.len()));
            match scalar_at(text, here) {
                Some((start, end)) => text.splice(start..end, huge.into_bytes()),
                None => text.splice(here..here, huge.into_bytes()),
            };
            "make a huge string"
        }
        _ => {
            let numbers = b"0123456789";
            let at = text[here..].iter().position(|b| numbers.contains(b));
            match at {
                Some(at) => {
                    let digits = "9".repeat(1 + rng.below(40));
                    text.splice(here + at..here + at + 1, digits.into_bytes());
                    "grow a number"
                }
                None => "grow a number (none found)",
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Checks

/// Reads a text, as `snapshot::read` or `snapshot::read_stored` with some parts.
type ReadFn<'a> = dyn Fn(&str) -> Result<Loaded, ReadError> + 'a;
type Read<'a> = &'a ReadFn<'a>;
/// Writes a board and reads it back.
type Again<'a> = &'a dyn Fn(&Board) -> Result<Loaded, ReadError>;

/// Where two boards differ: their snapshots around the first byte that is not the same.
fn difference(before: &Board, after: &Board) -> String {
    let (a, b) = (
        snapshot::write_compact(before, exported()),
        snapshot::write_compact(after, exported()),
    );
    let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let around = |text: &str| {
        let (mut start, mut end) = (at.saturating_sub(60), (at + 60).min(text.len()));
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text[start..end].to_string()
    };
    format!("…{}… became …{}…", around(&a), around(&b))
}

/// What is wrong with a reader's answer, if anything; `again` writes the board it read
/// and reads it back (as the export, or in the store's layout).
fn judge(result: &Result<Loaded, ReadError>, again: Again) -> Option<String> {
    match result {
        Ok(loaded) => {
            let problems = validate::problems(&loaded.board);
            if !problems.is_empty() {
                return Some(format!(
                    "read a board with problems: {}",
                    problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
            }
            match again(&loaded.board) {
                Ok(reread) if reread.board == loaded.board => None,
                Ok(reread) => Some(format!(
                    "the board read differs once written and read again: {}",
                    difference(&loaded.board, &reread.board)
                )),
                Err(error) => Some(format!(
                    "the board read cannot be read again once written: {error}"
                )),
            }
        }
        Err(error) => {
            let words = error.to_string();
            if words.trim().is_empty() {
                return Some(format!("refused without words: {error:?}"));
            }
            match error {
                ReadError::Malformed { path, message } => {
                    let root = path.split(['.', '[']).next().unwrap_or_default();
                    if !PATH_ROOTS.contains(&root) {
                        return Some(format!("refused at no path in the snapshot: {error:?}"));
                    }
                    (message.trim().is_empty())
                        .then(|| format!("refused without a reason: {error:?}"))
                }
                ReadError::NotJson {
                    line,
                    column,
                    message,
                } => (*line == 0 || *column == 0 || message.is_empty())
                    .then(|| format!("not JSON, but not said where: {error:?}")),
                ReadError::Invalid(problems) => {
                    let unplaced = problems.iter().find(|p| !p.path.starts_with("board"));
                    match (problems.is_empty(), unplaced) {
                        (true, _) => Some("refused as invalid with no problem".into()),
                        (_, Some(p)) => Some(format!("a problem outside the board: {p}")),
                        _ => None,
                    }
                }
                ReadError::TooLarge { bytes } => {
                    (*bytes <= MAX_BYTES).then(|| format!("refused as too large: {error:?}"))
                }
                ReadError::NotASnapshot { .. }
                | ReadError::TooNew { .. }
                | ReadError::UnknownVersion { .. } => None,
            }
        }
    }
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// Fails the test for `input`, after saving it where it can be found.
fn fail(input: &str, made: &str, what: &str) -> ! {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("core_fuzz-failure.json");
    let saved = match std::fs::write(&path, input) {
        Ok(()) => format!("saved in {}", path.display()),
        Err(error) => format!("not saved ({error})"),
    };
    let start: String = input.chars().take(300).collect();
    panic!(
        "{what}\n  input: {made}, {} bytes, {saved}\n  it starts: {start:?}",
        input.len()
    );
}

/// Reads `input` with `read` and checks the outcome; a panic is caught and reported with
/// the input.
fn try_one(input: &str, made: &dyn Fn() -> String, read: Read, again: Again) {
    let outcome = catch_unwind(AssertUnwindSafe(|| judge(&read(input), again)));
    match outcome {
        Ok(None) => {}
        Ok(Some(what)) => fail(input, &made(), &what),
        Err(panic) => fail(
            input,
            &made(),
            &format!("the reader panicked: {}", panic_message(&*panic)),
        ),
    }
}

/// The largest text whose keys are each set to every dictionary value.
const SWEPT_BYTES: usize = 8 * 1024;

/// Inputs every run tries first, whatever the seed and budget.
fn hostile(snapshot: &str) -> Vec<(String, String)> {
    let deep =
        |depth: usize, open: &str, close: &str| open.repeat(depth) + "1" + &close.repeat(depth);
    let head = r#"{"format":"alignment-board","version":1,"board":"#;
    let mut inputs: Vec<(String, String)> = [
        ("empty", String::new()),
        ("whitespace", " \n\t ".into()),
        ("null", "null".into()),
        ("a number", "1".into()),
        ("a string", "\"alignment-board\"".into()),
        ("an empty list", "[]".into()),
        ("an empty object", "{}".into()),
        ("only the format", r#"{"format":"alignment-board"}"#.into()),
        (
            "no board",
            r#"{"format":"alignment-board","version":1}"#.into(),
        ),
        ("a null board", format!("{head}null}}")),
        ("an empty board", format!("{head}{{}}}}")),
        (
            "version 0",
            r#"{"format":"alignment-board","version":0,"board":{}}"#.into(),
        ),
        (
            "version -1",
            r#"{"format":"alignment-board","version":-1,"board":{}}"#.into(),
        ),
        (
            "version 2",
            r#"{"format":"alignment-board","version":2,"board":{}}"#.into(),
        ),
        (
            "version 1.0",
            r#"{"format":"alignment-board","version":1.0,"board":{}}"#.into(),
        ),
        (
            "version \"1\"",
            r#"{"format":"alignment-board","version":"1","board":{}}"#.into(),
        ),
        (
            "a huge version",
            r#"{"format":"alignment-board","version":99999999999999999999999,"board":{}}"#.into(),
        ),
        (
            "a snapshot written as a list",
            r#"["alignment-board",1,null,{"id":"b","title":"t"}]"#.into(),
        ),
        ("10,000 open lists", "[".repeat(10_000)),
        ("10,000 nested lists", deep(10_000, "[", "]")),
        ("10,000 nested objects", deep(10_000, "{\"a\":", "}")),
        (
            "a board nested 10,000 deep",
            format!("{head}{}}}", deep(10_000, "[", "]")),
        ),
        (
            "people nested 10,000 deep",
            format!(
                "{head}{{\"id\":\"b\",\"title\":\"t\",\"people\":{}}}}}",
                deep(10_000, "[", "]")
            ),
        ),
        (
            "a string over the size limit",
            format!("\"{}\"", "a".repeat(MAX_BYTES)),
        ),
        ("a byte-order mark first", format!("\u{feff}{snapshot}")),
        ("twice over", format!("{snapshot}{snapshot}")),
        ("trailing text", format!("{snapshot}x")),
        ("half of it", snapshot[..snapshot.len() / 2].to_string()),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), text))
    .collect();
    let title = r#""title":""#;
    if let Some(at) = snapshot.find(title) {
        let at = at + title.len();
        let big = format!(
            "{}{}{}",
            &snapshot[..at],
            "é".repeat(2 << 20),
            &snapshot[at..]
        );
        inputs.push(("a title of 4 MB".into(), big));
    }
    // The text ending inside its first value, set to every prefix of every dictionary
    // value: the end of the text in every kind of token and escape.
    if let Some((start, _)) = scalar_at(snapshot.as_bytes(), 0) {
        for value in VALUES {
            for (end, _) in value.char_indices().skip(1) {
                let text = format!("{}{}", &snapshot[..start], &value[..end]);
                inputs.push((format!("the text ending in {:?}", &value[..end]), text));
            }
        }
    }
    // Every dictionary value in the first value of some keys; only in small texts, where
    // each read is quick (the random mutations reach the big ones).
    if snapshot.len() > SWEPT_BYTES {
        return inputs;
    }
    for key in [
        "board",
        "period",
        "rhythm",
        "people",
        "risks",
        "version",
        "exportedAt",
        "savedAt",
        "id",
        "title",
        "rank",
        "status",
        "createdAt",
        "teamId",
        "priorityIds",
        "effort",
        "confidence",
        "due",
        "checkInDays",
        "state",
        "score",
        "columns",
        "rows",
        "parts",
    ] {
        let Some(at) = snapshot.find(&format!("\"{key}\":")) else {
            continue;
        };
        let Some((start, end)) = scalar_or_container(snapshot.as_bytes(), at + key.len() + 3)
        else {
            continue;
        };
        for value in VALUES {
            let text = format!("{}{value}{}", &snapshot[..start], &snapshot[end..]);
            inputs.push((format!("the first \"{key}\" set to {value}"), text));
        }
    }
    inputs
}

/// The span of the value starting at `from` (after whitespace): a scalar, or a whole list
/// or object.
fn scalar_or_container(text: &[u8], from: usize) -> Option<(usize, usize)> {
    let start = from
        + text
            .get(from..)?
            .iter()
            .take_while(|b| b" \n\r\t".contains(b))
            .count();
    match text.get(start)? {
        b'[' | b'{' => {
            let (mut depth, mut at, mut in_string) = (0usize, start, false);
            while at < text.len() {
                match (in_string, text[at]) {
                    (true, b'\\') => at += 1,
                    (true, b'"') | (false, b'"') => in_string = !in_string,
                    (false, b'[' | b'{') => depth += 1,
                    (false, b']' | b'}') => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((start, at + 1));
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            None
        }
        _ => scalar_at(text, start),
    }
}

/// Something to damage: a text that reads, and how it is read.
struct Target<'a> {
    name: String,
    text: String,
    read: Box<ReadFn<'a>>,
}

/// Reads the fixed inputs made from each target's text, then random mutations of them
/// until the budget is spent; returns how many inputs were read.
fn run(targets: &[Target], again: Again) -> u64 {
    let budget = Budget::from_env();
    let started = Instant::now();
    let mut tried = 0u64;
    for target in targets {
        let plain = catch_unwind(AssertUnwindSafe(|| (target.read)(&target.text)));
        assert!(
            matches!(plain, Ok(Ok(_))),
            "{} must read before it is damaged: {:?}",
            target.name,
            plain.map(|r| r.err())
        );
        for (how, input) in hostile(&target.text) {
            try_one(
                &input,
                &|| format!("{}, {how}", target.name),
                &*target.read,
                again,
            );
            tried += 1;
        }
    }
    let mut rng = Rng::new(budget.seed);
    while tried < budget.iterations && started.elapsed() < budget.time {
        let iteration = tried;
        let target = rng.pick(targets);
        let mut bytes = target.text.clone().into_bytes();
        let count = if rng.one_in(8) {
            2 + rng.below(8)
        } else {
            1 + rng.below(3)
        };
        let mut done = Vec::with_capacity(count);
        for _ in 0..count {
            done.push(mutate(&mut rng, &mut bytes));
        }
        let input = String::from_utf8_lossy(&bytes);
        let made = || {
            format!(
                "{} after {} (input {iteration} of seed {:#x})",
                target.name,
                done.join(", then "),
                budget.seed
            )
        };
        try_one(&input, &made, &*target.read, again);
        tried += 1;
    }
    tried
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn the_reader_survives_damaged_snapshots() {
    let targets: Vec<Target> = snapshots()
        .into_iter()
        .map(|(name, text)| Target {
            name: name.to_string(),
            text,
            read: Box::new(snapshot::read),
        })
        .collect();
    let again = |board: &Board| snapshot::read(&snapshot::write_compact(board, exported()));
    let tried = run(&targets, &again);
    println!("snapshot::read: {tried} inputs tried");
}

/// `snapshot::read` reads an export's check-ins straight from its text and reads the rest
/// (or, at the first surprise, all of it) through a parsed value; whatever the text, it
/// answers as reading all of it through the value does: the same board, or the same
/// refusal in the same words.
#[test]
fn reading_check_ins_straight_answers_as_reading_through_a_value() {
    let both = |text: &str| {
        let straight = snapshot::read(text);
        let through = snapshot::read_through_value(text);
        let said = |r: &Result<Loaded, ReadError>| match r {
            Ok(loaded) => format!("{} check-ins", loaded.board.check_ins.len()),
            Err(error) => error.to_string(),
        };
        assert!(
            straight == through,
            "read and read_through_value differ: {:?} and {:?}",
            said(&straight),
            said(&through)
        );
        straight
    };
    let targets: Vec<Target> = snapshots()
        .into_iter()
        .map(|(name, text)| Target {
            name: name.to_string(),
            text,
            read: Box::new(both),
        })
        .collect();
    let again = |board: &Board| snapshot::read(&snapshot::write_compact(board, exported()));
    let tried = run(&targets, &again);
    println!("snapshot::read against read_through_value: {tried} inputs tried");
}

#[test]
fn the_store_reader_survives_damaged_heads_and_parts() {
    let boards = stored_boards();
    let again = |board: &Board| {
        let stored = snapshot::write_stored(board, exported(), &mut Parts::default());
        let parts: BTreeMap<String, String> = stored
            .parts
            .iter()
            .map(|(name, text)| (name.clone(), text.to_string()))
            .collect();
        snapshot::read_stored(&stored.head, &|name| parts.get(name).cloned())
    };
    let mut targets = Vec::new();
    for stored in &boards {
        let parts = &stored.parts;
        // The head damaged, its parts as saved.
        targets.push(Target {
            name: stored.name.to_string(),
            text: stored.head.clone(),
            read: Box::new(move |text: &str| {
                snapshot::read_stored(text, &|name| parts.get(name).cloned())
            }),
        });
        // A part damaged, the head and the other parts as saved.
        for (part, text) in parts {
            let head = &stored.head;
            targets.push(Target {
                name: format!("{}, its part {part}", stored.name),
                text: text.clone(),
                read: Box::new(move |damaged: &str| {
                    let lookup = |name: &str| match name == part {
                        true => Some(damaged.to_string()),
                        false => parts.get(name).cloned(),
                    };
                    snapshot::read_stored(head, &lookup)
                }),
            });
        }
        // Its parts not there at all.
        if !parts.is_empty() {
            let missing = snapshot::read_stored(&stored.head, &|_| None);
            let error = missing.expect_err("a head whose parts are missing is refused");
            assert!(
                judge(&Err(error.clone()), &again).is_none(),
                "{}: {error:?}",
                stored.name
            );
        }
    }
    let tried = run(&targets, &again);
    println!("snapshot::read_stored: {tried} inputs tried");
}
