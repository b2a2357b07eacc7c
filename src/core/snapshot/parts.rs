//! Reading the check-in history a stored head keeps in parts (docs/storage.md): each part
//! is the JSON list of its rows, under the columns the head names, and reads as a table's
//! rows do. The history is most of a big board's text, so a part in the columns this build
//! writes is first read straight from its text by serde_json into `CheckIn`'s derive,
//! without building a `serde_json::Value`; at the first surprise the part is read again by
//! the general reader, which says what is wrong and where. Both give the same check-ins for
//! every part the first accepts.

use super::reader::{self, quoted, Path};
use super::{PartLookup, ReadError};
use crate::core::model::CheckIn;
use serde::de::value::MapAccessDeserializer;
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, Visitor,
};
use serde_json::{Map, Value};
use std::fmt;

/// The columns of a check-in row, as the writer writes them (the order of `CheckIn`'s
/// fields, which a test keeps equal).
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

/// The stored parts a history was read from, in order, each with its name, its text and
/// how many check-ins it held.
pub type Read = Vec<(String, String, usize)>;

/// A history taken out of a stored board: its check-ins, and the parts they were read from
/// when those are as this build writes them.
pub type Taken = (Vec<CheckIn>, Option<Read>);

/// Takes the check-in history out of a stored board (`board.checkIns` with `parts`) and
/// reads it, with the parts it was read from when their rows are in the columns this build
/// writes (`CHECK_IN_COLUMNS`, in that order: a part is reused only under a head with those
/// columns); `None` when the board keeps its check-ins in place, for the general reader.
pub fn take_check_ins(
    top: &mut Map<String, Value>,
    part: PartLookup,
) -> Result<Option<Taken>, ReadError> {
    let Some(Value::Object(board)) = top.get_mut("board") else {
        return Ok(None);
    };
    let Some(Value::Object(table)) = board.get("checkIns") else {
        return Ok(None);
    };
    let (Some(Value::Array(_)), Some(Value::Array(_))) = (table.get("columns"), table.get("parts"))
    else {
        return Ok(None);
    };
    // Taken out here, so the general reader finds no check-ins in the board.
    let Some(Value::Object(mut table)) = board.remove("checkIns") else {
        return Ok(None);
    };
    let (Some(Value::Array(columns)), Some(Value::Array(names))) =
        (table.remove("columns"), table.remove("parts"))
    else {
        return Ok(None);
    };

    let written_here = columns.len() == CHECK_IN_COLUMNS.len()
        && columns
            .iter()
            .zip(CHECK_IN_COLUMNS)
            .all(|(c, name)| c.as_str() == Some(name));
    let root = Path::ROOT;
    let board_at = root.key("board");
    let check_ins_at = board_at.key("checkIns");
    let mut check_ins = Vec::new();
    let mut read = Read::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let missing = |message: String| ReadError::Malformed {
            path: check_ins_at.key("parts").index(i).to_string(),
            message,
        };
        let Value::String(name) = name else {
            return Err(missing("expected the name of a stored part".into()));
        };
        let text = part(name)
            .ok_or_else(|| missing(format!("the stored part {} is missing", quoted(name))))?;
        let first = check_ins.len();
        if !(written_here && read_as_written(&text, &mut check_ins)) {
            check_ins.truncate(first);
            let Ok(Value::Array(rows)) = serde_json::from_str(&text) else {
                return Err(missing(format!(
                    "the stored part {} is damaged",
                    quoted(name)
                )));
            };
            reader::rows(&columns, rows, first, &check_ins_at, &mut check_ins)?;
        }
        read.push((name.clone(), text, check_ins.len() - first));
    }
    Ok(Some((check_ins, written_here.then_some(read))))
}

/// Reads a part in `CHECK_IN_COLUMNS` straight from its text, appending to `out`; `false`
/// at the first thing that is not as this build writes it (`out` may then hold some of the
/// part's check-ins). Refuses more than the general reader does (a `null` for a key with a
/// default, say), never less: every value goes through the same derive and rules.
fn read_as_written(text: &str, out: &mut Vec<CheckIn>) -> bool {
    let mut json = serde_json::Deserializer::from_str(text);
    Appended(out, Row).deserialize(&mut json).is_ok() && json.end().is_ok()
}

/// A list of check-ins, each read by `seed` (a stored row, or an export's object), appended
/// to `out`.
pub(super) struct Appended<'o, S>(pub &'o mut Vec<CheckIn>, pub S);

impl<'de, S: DeserializeSeed<'de, Value = CheckIn> + Copy> DeserializeSeed<'de>
    for Appended<'_, S>
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: DeserializeSeed<'de, Value = CheckIn> + Copy> Visitor<'de> for Appended<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of check-ins")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        self.0
            .reserve(items.size_hint().unwrap_or(super::PART_ROWS));
        while let Some(check_in) = items.next_element_seed(self.1)? {
            self.0.push(check_in);
        }
        Ok(())
    }
}

/// One row: exactly a value for each of `CHECK_IN_COLUMNS`, read as the object it stands
/// for.
#[derive(Clone, Copy)]
struct Row;

impl<'de> DeserializeSeed<'de> for Row {
    type Value = CheckIn;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<CheckIn, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Row {
    type Value = CheckIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut values: A) -> Result<CheckIn, A::Error> {
        let mut cells = Cells {
            values: &mut values,
            columns: 0..CHECK_IN_COLUMNS.len() as u64,
        };
        let check_in = CheckIn::deserialize(MapAccessDeserializer::new(&mut cells))?;
        let short = !cells.columns.is_empty();
        if short || values.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::custom("a row of another length"));
        }
        Ok(check_in)
    }
}

/// A row's values under their columns, as an object's members. A column is named to the
/// derive by its place, which reads the history quicker than matching each cell's column
/// name: serde_derive's field visitors take a field's index (`visit_u64`) as well as its
/// name. The columns are the fields in their order (`CHECK_IN_COLUMNS`, which a test keeps
/// equal), and `the_writers_parts_are_read_straight_from_their_text` reads every field back.
struct Cells<'r, A> {
    values: &'r mut A,
    columns: std::ops::Range<u64>,
}

impl<'de, A: SeqAccess<'de>> MapAccess<'de> for Cells<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.columns.next() {
            Some(column) => seed.deserialize(column.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.values
            .next_element_seed(seed)?
            .ok_or_else(|| de::Error::custom("a row of another length"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Board, CheckIn, Status};
    use crate::core::time::Timestamp;

    #[test]
    fn the_writers_parts_are_read_straight_from_their_text() {
        let at = Timestamp::parse("2026-11-25T09:00:00Z").unwrap();
        let mut board = Board::blank("b-1".into(), at.utc_date());
        // Texts that need escaping, no author and no confidence, across two parts.
        board.check_ins = (0..1_500)
            .map(|n| CheckIn {
                id: format!("c-{n}"),
                initiative_id: "i-1".into(),
                at: at.add_seconds(n * 60),
                status: Status::ALL[n as usize % Status::ALL.len()],
                progress: (n % 101) as u8,
                confidence: (n % 3 != 0).then_some((n % 11) as u8),
                note: format!("Note {n}: \"quoted\", a\ttab, ünïcode ✓"),
                author_id: (n % 2 == 0).then(|| "p-1".to_string()),
            })
            .collect::<Vec<_>>()
            .into();
        let stored = super::super::write_stored(&board, at, &mut Default::default());
        assert!(!stored.parts.is_empty());
        let mut check_ins = Vec::new();
        for (_, text) in &stored.parts {
            assert!(read_as_written(text, &mut check_ins), "{text}");
        }
        assert_eq!(board.check_ins, check_ins);
    }

    #[test]
    fn a_row_not_as_written_is_left_to_the_general_reader() {
        let row = r#""c-1","i-1","2026-11-20T09:00:00Z","onTrack",4,7"#;
        for rows in [
            format!(r#"[[{row},"",null]]"#),
            format!(r#"[[{row},null,null]]"#),
            format!(r#"[[{row},""]]"#),
            format!(r#"[[{row},"",null,1]]"#),
            format!(r#"[[{row},"",null]] x"#),
            r#"[{"id":"c-1"}]"#.to_string(),
        ] {
            let mut out = Vec::new();
            let expected =
                rows.starts_with(&format!(r#"[[{row},"",null]]"#)) && !rows.ends_with('x');
            assert_eq!(read_as_written(&rows, &mut out), expected, "{rows}");
        }
    }
}
