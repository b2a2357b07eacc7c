//! Reading and writing snapshots (docs/snapshot-format.md): the export file, the import, and the form
//! the board is saved in. Reading is strict about meaning and lenient about form; every
//! refusal says what is wrong and where (`board.initiatives[3].teamId: no team "t-9"`).
//! serde_json parses and writes the JSON; the model's serde derives read and write the
//! board. Pure: text in, board out; no storage, no clock.

mod parts;
mod reader;
mod straight;
mod writer;

pub use parts::CHECK_IN_COLUMNS;
pub use reader::quoted;

pub use writer::{write_compact, write_stored, Parts, Stored, PART_ROWS};

use super::limits;
use super::model::{Board, CheckIn};
use super::time::{Date, Timestamp};
use super::validate::{self, Problem};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;

/// The value of the snapshot's `format` key.
pub const FORMAT: &str = "alignment-board";
/// The snapshot version this build reads and writes.
pub const VERSION: u64 = 1;
/// The `format` of what the store saves under a board's key: the snapshot's board in a
/// leaner layout (docs/storage.md), with its check-in history in parts kept apart.
pub const STORE_FORMAT: &str = "alignment-board-store";
/// The version of the store's layout this build reads and writes.
pub const STORE_VERSION: u64 = 1;
/// Larger texts are refused before parsing: no real board comes near this, and parsing a
/// hostile 100 MB file would freeze the tab.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// A snapshot that was read and is sound.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub board: Board,
    pub exported_at: Option<Timestamp>,
    /// The version the text was written in, when it was older and has been migrated.
    pub migrated_from: Option<u64>,
}

/// Why a text is not a usable snapshot.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    NotASnapshot {
        reason: String,
    },
    TooNew {
        found: u64,
    },
    UnknownVersion {
        found: String,
    },
    /// The right shape is broken at `path` (wrong type, unknown value, missing key).
    Malformed {
        path: String,
        message: String,
    },
    /// The text has the right shape but breaks the board's invariants.
    Invalid(Vec<Problem>),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge { bytes } => write!(
                f,
                "it is {}; snapshots larger than {} are refused",
                megabytes(*bytes),
                megabytes(MAX_BYTES)
            ),
            ReadError::NotJson {
                message,
                line,
                column,
            } => {
                write!(
                    f,
                    "this is not valid JSON, so it may be damaged or cut short: {message} at line {line}, column {column}"
                )
            }
            ReadError::NotASnapshot { reason } => {
                write!(f, "this is not an alignment board snapshot: {reason}")
            }
            ReadError::TooNew { found } => write!(
                f,
                "this snapshot is version {found}, but this board reads versions up to {VERSION}; \
                 open it with a newer version of Alignment Board"
            ),
            ReadError::UnknownVersion { found } => {
                write!(
                    f,
                    "version: {found} is not a snapshot version (versions are whole numbers)"
                )
            }
            ReadError::Malformed { path, message } => write!(f, "{path}: {message}"),
            ReadError::Invalid(problems) => {
                write!(f, "{}", problems[0])?;
                match problems.len() {
                    1 => Ok(()),
                    2 => write!(f, " (and 1 more problem)"),
                    n => write!(f, " (and {} more problems)", n - 1),
                }
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// `12.3 MB`, in tenths rounded up, so a file just over a limit never reads as the limit
/// itself (no float formatting: it would cost wasm size).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1_048_576);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Finds a stored part of the check-in history by its name.
pub type PartLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Reads a snapshot (or a picture from `picture::svg`, which carries one), migrating older
/// versions and checking every invariant.
pub fn read(text: &str) -> Result<Loaded, ReadError> {
    if super::picture::is_svg(text) {
        let Some(inside) = super::picture::snapshot_in(text) else {
            let head: String = text.trim_start().chars().take(14).collect();
            let head = head.to_ascii_lowercase();
            let page = head.starts_with("<!doctype html") || head.starts_with("<html");
            return Err(ReadError::NotASnapshot {
                reason: if page {
                    "it is a web page, not a snapshot file".into()
                } else {
                    "the picture holds no board".into()
                },
            });
        };
        return read_text(&inside, None, false).map(|(loaded, _)| loaded);
    }
    read_text(text, None, false).map(|(loaded, _)| loaded)
}

/// Reads what the store keeps under a board's key: a head in the store's layout, whose
/// check-in parts `part` looks up by name, or a whole snapshot (as boards were saved
/// before the store had a layout of its own).
pub fn read_stored(text: &str, part: PartLookup) -> Result<Loaded, ReadError> {
    read_text(text, Some(part), false).map(|(loaded, _)| loaded)
}

/// Reads what the store keeps under a board's key as `read_stored` does, with the parts
/// the check-in history was read from as `write_stored` knows the parts it wrote: the
/// first save after the board is opened then writes out and names only the parts whose
/// check-ins changed, where it would otherwise do so for the whole history. The parts are
/// known only when they are as `write_stored` writes them: rows in its columns, in its
/// order, and the check-ins it would put in each (`PART_ROWS` a part); otherwise, and for a
/// migrated board or a whole snapshot kept in the store, they are not.
pub fn read_stored_known(text: &str, part: PartLookup) -> Result<(Loaded, Parts), ReadError> {
    let (loaded, read) = read_text(text, Some(part), false)?;
    let known = match read {
        Some(read) if loaded.migrated_from.is_none() => Parts::read(&loaded.board.check_ins, read),
        _ => Parts::default(),
    };
    Ok((loaded, known))
}

/// Reads what a newer version of the board stored, as far as this version understands
/// it, to show it read-only: a newer version adds to the format more often than it
/// changes it. `None` when it cannot be read as this version's.
pub fn read_stored_newer(text: &str, part: PartLookup) -> Option<Loaded> {
    read_text(text, Some(part), true)
        .ok()
        .map(|(loaded, _)| loaded)
}

/// What `read_parsed` gives: the board, and the stored parts its history was read from.
type Parsed = (Loaded, Option<parts::Read>);

fn read_text(text: &str, part: Option<PartLookup>, newer: bool) -> Result<Parsed, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    // An export's check-ins are read straight from the text where they can be, also those
    // of a whole snapshot kept in the store; the store's own layout keeps them in parts
    // (`parts`).
    let straight_first = part.is_none() || !in_store_layout(text);
    let (value, read_check_ins) = match straight_first.then(|| straight::read(text)) {
        Some(Some((top, check_ins))) => (Value::Object(top), Some(check_ins)),
        _ => (read_value(text)?, None),
    };
    read_parsed(value, read_check_ins, part, newer)
}

/// Reads a parsed snapshot (`read_text`), whose check-ins may have been read already.
fn read_parsed(
    mut value: Value,
    read_check_ins: Option<Vec<CheckIn>>,
    part: Option<PartLookup>,
    newer: bool,
) -> Result<Parsed, ReadError> {
    let Value::Object(top) = &mut value else {
        return Err(ReadError::NotASnapshot {
            reason: "it holds JSON, but not an object with a \"board\"".into(),
        });
    };
    // A board kept in this browser is the board's own (and was kept before texts had
    // limits); a snapshot from outside is held to them.
    let outside = part.is_none();
    let (known, stored) = match (top.get("format"), part) {
        (Some(Value::String(format)), _) if format == FORMAT => (VERSION, false),
        (Some(Value::String(format)), Some(_)) if format == STORE_FORMAT => (STORE_VERSION, true),
        (Some(other), _) => {
            return Err(ReadError::NotASnapshot {
                reason: format!(
                    "\"format\" is {}, expected \"{FORMAT}\"",
                    reader::found(other)
                ),
            })
        }
        (None, _) => {
            return Err(ReadError::NotASnapshot {
                reason: format!("it has no \"format\": \"{FORMAT}\""),
            })
        }
    };
    // The version is read before anything else, so a newer file is named as such instead
    // of failing on whatever its new shape breaks.
    let version = match top.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            // The store's layout began at 1; a snapshot may be version 0.
            Some(v) if v >= 1 || !stored => v,
            _ => {
                return Err(ReadError::UnknownVersion {
                    found: n.to_string(),
                })
            }
        },
        Some(other) => {
            return Err(ReadError::UnknownVersion {
                found: reader::found(other),
            })
        }
        None => {
            return Err(ReadError::Malformed {
                path: "version".into(),
                message: "missing; every snapshot names its version".into(),
            })
        }
    };
    if version > known && !newer {
        return Err(ReadError::TooNew { found: version });
    }
    let migrated_from = (version < known).then_some(version);
    if version == 0 {
        migrate_from_0(top);
    }
    let (check_ins, read) = match (stored, part) {
        // A head that keeps its check-ins in place, read straight on a wrong guess of its
        // layout, keeps the ones read.
        (true, Some(part)) => match parts::take_check_ins(top, part)? {
            Some((check_ins, read)) => (Some(check_ins), read),
            None => (read_check_ins, None),
        },
        _ => (read_check_ins, None),
    };
    let exported_key = if stored { "savedAt" } else { "exportedAt" };
    let root = reader::Path::ROOT;
    let exported_at = match top.remove(exported_key) {
        None | Some(Value::Null) => None,
        Some(v) => Some(reader::read::<Timestamped>(v, &root.key(exported_key))?.0),
    };
    let mut board: Board = match top.remove("board") {
        Some(v) => reader::read(v, &root.key("board"))?,
        None => {
            return Err(ReadError::NotASnapshot {
                reason: "it has no \"board\"".into(),
            })
        }
    };
    if let Some(check_ins) = check_ins {
        board.check_ins = check_ins.into();
    }
    let mut problems = validate::problems(&board);
    if outside {
        problems.extend(limits::too_long(&board));
    }
    if !problems.is_empty() {
        return Err(refusal(&board, problems));
    }
    Ok((
        Loaded {
            board,
            exported_at,
            migrated_from,
        },
        read,
    ))
}

/// Why a file of `board` would be refused when a board reads it, as the refusal would say:
/// a text longer than a file holds, kept from before the limits (the board's fields hold
/// them since). `None` when every file of it reads.
pub fn refused_as_a_file(board: &Board) -> Option<String> {
    let problems = limits::too_long(board);
    (!problems.is_empty()).then(|| refusal(board, problems).to_string())
}

/// The refusal of `board` for its `problems`, each naming the item it is in.
fn refusal(board: &Board, mut problems: Vec<Problem>) -> ReadError {
    for problem in &mut problems {
        if let Some(item) = item_named(board, &problem.path) {
            problem.message = reader::in_item(&problem.message, item);
        }
    }
    ReadError::Invalid(problems)
}

/// The title or name of the listed item a problem's `path` is in (`board.initiatives[3].teamId`:
/// the fourth initiative's title), which a person finds sooner than a place counted from 0;
/// `None` for a path in no such item, or an item whose title or name is blank.
fn item_named<'b>(board: &'b Board, path: &str) -> Option<&'b str> {
    let (list, rest) = path.strip_prefix("board.")?.split_once('[')?;
    let index: usize = rest.split_once(']')?.0.parse().ok()?;
    let name = match list {
        "initiatives" => &board.initiatives.get(index)?.title,
        "priorities" => &board.priorities.get(index)?.title,
        "decisions" => &board.decisions.get(index)?.title,
        "teams" => &board.teams.get(index)?.name,
        "people" => &board.people.get(index)?.name,
        _ => return None,
    };
    (!name.trim().is_empty()).then_some(name.as_str())
}

/// Whether a stored text is a head in the store's own layout, from its opening: the store
/// writes its format first. Only a guess that spares the straight reading a head whose
/// check-ins are in parts; a wrong guess costs a second reading, never a different board.
fn in_store_layout(text: &str) -> bool {
    let opening = &text.as_bytes()[..text.len().min(64)];
    let format = [b"\"", STORE_FORMAT.as_bytes(), b"\""].concat();
    opening.windows(format.len()).any(|w| w == format)
}

/// `text` parsed as JSON, or the reason it is not.
fn read_value(text: &str) -> Result<Value, ReadError> {
    serde_json::from_str(text).map_err(|e| not_json(text, e))
}

/// Reads a snapshot as `read` does, but every part of it through a parsed `Value`, as
/// `read` does when its check-ins cannot be read straight from the text. For the test that
/// holds the two ways to the same answers (`tests/core_fuzz.rs`).
#[doc(hidden)]
pub fn read_through_value(text: &str) -> Result<Loaded, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    read_parsed(read_value(text)?, None, None, false).map(|(loaded, _)| loaded)
}

/// When the snapshot was exported (or the head saved), read by the model's rule for
/// timestamps.
#[derive(Deserialize)]
#[serde(transparent)]
struct Timestamped(#[serde(deserialize_with = "super::model::read::timestamp")] Timestamp);

/// `text` is not JSON: serde_json's reason, and the place it gives as an editor shows
/// it. serde_json's message ends in that place, which it also gives apart; the place is
/// said once, in the words of `ReadError`. Its depth limit is named as the limit it is.
fn not_json(text: &str, error: serde_json::Error) -> ReadError {
    // Nothing at all ("cut short at line 1, column 1" would send a person looking for
    // damage): an empty file, or one that saving never finished.
    if text.trim().is_empty() {
        return ReadError::NotASnapshot {
            reason: "it is empty".into(),
        };
    }
    let (line, column) = (error.line(), error.column());
    let words = error.to_string();
    let place = format!(" at line {line} column {column}");
    let message = words.strip_suffix(&place).unwrap_or(&words);
    if message.starts_with("control character") && unclosed_text(text, line, column) {
        // A text cut off inside a string meets the file's last line break first: the file
        // ends too soon, at its last character.
        let content = text.trim_end();
        let line = content.split('\n').count();
        let last = content.rsplit('\n').next().unwrap_or_default();
        return ReadError::NotJson {
            message: plain_words("EOF while parsing a string").into(),
            line,
            column: last.chars().count(),
        };
    }
    ReadError::NotJson {
        message: plain_words(message).to_string(),
        line,
        column: character_column(text, line, column),
    }
}

/// Whether no double quote follows serde_json's place (`line` from 1, `column` in bytes):
/// a text a control character interrupted there never closes, so the file was cut short.
fn unclosed_text(text: &str, line: usize, column: usize) -> bool {
    let start: usize = (text.split_inclusive('\n'))
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (start + column).min(text.len());
    !text.as_bytes()[at..].contains(&b'"')
}

/// serde_json's reason for refusing a text, in words for a person fixing a file by hand
/// (what is wrong, not what the parser expected); a reason not known here keeps its words.
fn plain_words(reason: &str) -> &str {
    if reason.starts_with("EOF while parsing") {
        return "the text ends too soon, as if cut short";
    }
    match reason {
        "recursion limit exceeded" => "nested more than 128 levels deep",
        "trailing comma" => "a comma stands before a closing bracket",
        "expected `,` or `]`" => "a comma or a closing ] is missing",
        "expected `,` or `}`" => "a comma or a closing } is missing",
        "expected `:`" => "a colon is missing after a name",
        "key must be a string" => "a name is not in double quotes",
        "expected value" | "expected ident" => {
            "a value is missing, or is a word JSON does not know (text needs double quotes)"
        }
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a text holds a line break or a tab, which JSON writes as \\n or \\t"
        }
        "invalid escape" => "a backslash starts something that is not an escape",
        "unexpected end of hex escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape" => "a \\u escape is broken",
        "invalid number" | "number out of range" => {
            "a number is not written as JSON writes numbers"
        }
        "trailing characters" => "more text follows the end of the snapshot",
        other => other,
    }
}

/// serde_json counts a column in bytes, from 1 (0 before the first); a person's editor
/// counts characters.
fn character_column(text: &str, line: usize, byte_column: usize) -> usize {
    let line_text = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default();
    let mut before = byte_column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(before) {
        before -= 1;
    }
    line_text[..before].chars().count() + 1
}

/// Version 0, the draft before the first release, named the one priority an initiative
/// served (`priorityId`: an id, or null for local work) where version 1 lists them
/// (`priorityIds`). It is read so that the path every later migration takes (migrate,
/// keep the original, say so) stays tested.
fn migrate_from_0(top: &mut Map<String, Value>) {
    let Some(Value::Array(initiatives)) = top
        .get_mut("board")
        .and_then(|board| board.get_mut("initiatives"))
    else {
        return;
    };
    for initiative in initiatives {
        let Value::Object(initiative) = initiative else {
            continue;
        };
        if let Some(id) = initiative.get("priorityId").cloned() {
            let ids = if id.is_null() { vec![] } else { vec![id] };
            initiative.insert("priorityIds".into(), Value::Array(ids));
        }
    }
}

/// The snapshot as a person would read it: indented, for export files.
pub fn write_pretty(board: &Board, exported_at: Timestamp) -> String {
    writer::write_pretty(board, exported_at)
}

/// Non-ASCII characters that separate words in a file name rather than belong to one:
/// punctuation, symbols, arrows, dashes and spaces, emoji, variation selectors and private
/// use. Ranges rather than the Unicode letter tables, which would add kilobytes to the
/// bundle for one file name; letters, digits and accents of every script are kept.
fn is_symbol(c: char) -> bool {
    matches!(u32::from(c),
        0x80..=0xA9 | 0xAB..=0xB4 | 0xB6..=0xB9 | 0xBB..=0xBF | 0xD7 | 0xF7
        | 0x2000..=0x2BFF | 0x2E00..=0x2E7F | 0x3000..=0x3004 | 0x3008..=0x303F
        | 0xE000..=0xF8FF | 0xFE00..=0xFE6F | 0xFEFF
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF | 0x1F000..=0x1FBFF | 0xE0000..=0xE007F)
}

/// `<board-title>-<YYYY-MM-DD>.alignment.json`: the snapshot's file name (`file_stem`).
pub fn file_name(board: &Board, date: Date) -> String {
    format!("{}.alignment.json", file_stem(board, date))
}

/// `<board-title>-<YYYY-MM-DD>`, the start of every file the board writes, with the title
/// made safe for any file system: ASCII letters lower-cased, other letters kept as they
/// are, everything that could separate or confuse a path turned into single dashes.
pub fn file_stem(board: &Board, date: Date) -> String {
    format!("{}-{date}", slug(&board.title))
}

/// `text` made safe for a file name, as `file_stem` makes a board's title: at most 60
/// characters, `board` when nothing is left.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && !is_symbol(c) {
            // Letters and digits of any script, and the accents of decomposed letters;
            // other symbols (dashes, quotes, emoji) separate words like ASCII punctuation.
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = if slug.is_empty() {
        "board".into()
    } else {
        slug.chars().take(60).collect()
    };
    slug.trim_end_matches('-').to_string()
}
