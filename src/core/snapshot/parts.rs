//! Reading the check-in history a stored head keeps in parts (docs/storage.md). The
//! history is most of a big board's text, so each part is first read by a fast path that
//! goes straight from the text to check-ins for the columns this build writes; at the first
//! surprise the part is read again by the general reader, which says what is wrong and
//! where. Both give the same check-ins for every part the fast path accepts.

use super::reader::{self, Path};
use super::{PartLookup, ReadError, PART_ROWS};
use crate::core::json::{self, Cursor, Map, Value};
use crate::core::model::{CheckIn, Status};
use crate::core::time::Timestamp;

/// The columns of a check-in row, as the writer writes them.
pub const CHECK_IN_COLUMNS: [&str; 8] = [
    "id",
    "initiativeId",
    "at",
    "status",
    "progress",
    "confidence",
    "note",
    "authorId",
];

/// Takes the check-in history out of a stored board (`board.checkIns` with `parts`) and
/// reads it; `None` when the board keeps its check-ins in place, for the general reader.
pub fn take_check_ins(top: &mut Map, part: PartLookup) -> Result<Option<Vec<CheckIn>>, ReadError> {
    let Some(Value::Object(board)) = top.get_mut("board") else {
        return Ok(None);
    };
    let Some(table) = board.get_mut("checkIns") else {
        return Ok(None);
    };
    let (columns, names) = match &*table {
        Value::Object(map) => match (map.get("columns"), map.get("parts")) {
            (Some(Value::Array(columns)), Some(Value::Array(names))) => {
                (columns.clone(), names.clone())
            }
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    // Read here, so the general reader finds no check-ins in the board.
    *table = Value::Null;

    let expected = columns.len() == CHECK_IN_COLUMNS.len()
        && columns
            .iter()
            .zip(CHECK_IN_COLUMNS)
            .all(|(c, name)| matches!(c, Value::String(c) if c == name));
    let root = Path::ROOT;
    let board_at = root.key("board");
    let check_ins_at = board_at.key("checkIns");
    let rows_at = check_ins_at.key("rows");
    let mut check_ins = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let missing = |message: String| ReadError::Malformed {
            path: check_ins_at.key("parts").index(i).to_string(),
            message,
        };
        let Value::String(name) = name else {
            return Err(missing("expected the name of a stored part".into()));
        };
        let text =
            part(name).ok_or_else(|| missing(format!("the stored part \"{name}\" is missing")))?;
        let start = check_ins.len();
        if expected && fast(&text, &mut check_ins) {
            continue;
        }
        check_ins.truncate(start);
        let Ok(Value::Array(rows)) = json::parse(&text) else {
            return Err(missing(format!("the stored part \"{name}\" is damaged")));
        };
        for (k, row) in rows.iter().enumerate() {
            let at = rows_at.index(start + k);
            check_ins.push(reader::check_in(
                reader::row_record(&columns, row, &at)?,
                &at,
            )?);
        }
    }
    Ok(Some(check_ins))
}

/// Reads a part written with `CHECK_IN_COLUMNS`, appending to `out`; `false` at the first
/// thing it does not expect (`out` may then hold some of the part's check-ins).
pub fn fast(text: &str, out: &mut Vec<CheckIn>) -> bool {
    let mut c = Cursor::new(text);
    out.reserve(PART_ROWS);
    if !c.byte(b'[') {
        return false;
    }
    if c.byte(b']') {
        return c.at_end();
    }
    loop {
        match row(&mut c) {
            Some(check_in) => out.push(check_in),
            None => return false,
        }
        if !c.byte(b',') {
            return c.byte(b']') && c.at_end();
        }
    }
}

fn row(c: &mut Cursor) -> Option<CheckIn> {
    c.byte(b'[').then_some(())?;
    let id = c.string()?;
    c.byte(b',').then_some(())?;
    let initiative_id = c.string()?;
    c.byte(b',').then_some(())?;
    let at = Timestamp::parse(c.plain()?)?;
    c.byte(b',').then_some(())?;
    let status = c.plain()?;
    let status = *Status::ALL.iter().find(|s| s.key() == status)?;
    c.byte(b',').then_some(())?;
    let progress = c.whole()?;
    c.byte(b',').then_some(())?;
    let confidence = match c.null() {
        true => None,
        false => Some(c.whole()?),
    };
    c.byte(b',').then_some(())?;
    let note = c.string()?;
    c.byte(b',').then_some(())?;
    let author_id = match c.null() {
        true => None,
        false => Some(c.string()?),
    };
    c.byte(b']').then_some(())?;
    (progress <= 100 && confidence.is_none_or(|c| c <= 10)).then_some(CheckIn {
        id,
        initiative_id,
        at,
        status,
        progress: progress as u8,
        confidence: confidence.map(|c| c as u8),
        note,
        author_id,
    })
}
