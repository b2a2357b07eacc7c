//! Writing a board with serde_json: the snapshot of docs/snapshot-format.md (the model's derives, every
//! list an array of objects), and the leaner layout the board is saved in, where each list
//! is a table — its keys written once as columns, then one row of values per item — and
//! the check-in history is split into parts the store keeps under keys of their own.
//! A table's rows are the same derives' output with the keys left out (`AsRow`), so both
//! layouts write every value the same way. What is written here is what boards already
//! saved hold: the texts must not change, byte for byte (tests/core_stored_fixtures.rs).

use crate::core::hash;
use crate::core::list::List;
use crate::core::model::*;
use crate::core::time::Timestamp;
use serde::ser::{self, Impossible, SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;
use std::rc::Rc;

/// Check-ins per stored part. A new check-in rewrites only the last part; a part of this
/// many rows is about 60 KB.
pub const PART_ROWS: usize = 1000;

/// The board as the store keeps it: a head, and the check-in history in parts named by
/// their content (`parts[i].0`), which the head lists in order.
pub struct Stored {
    pub head: String,
    pub parts: Vec<(String, Rc<str>)>,
}

/// The parts written last time, with the check-in list they were written from: a part
/// whose check-ins are unchanged is neither written out nor hashed again (most saves change
/// none, and then the list is the very one written last time).
#[derive(Default)]
pub struct Parts {
    check_ins: List<CheckIn>,
    parts: Vec<(String, Rc<str>)>,
}

impl Parts {
    /// How many parts it knows.
    pub fn count(&self) -> usize {
        self.parts.len()
    }

    /// The parts a board's history `check_ins` was just read from (`super::parts::Read`), as
    /// if this build had written them: known only when each holds the check-ins
    /// `write_stored` would put in it, `PART_ROWS` a part (the last may hold fewer), since a
    /// part is kept for the check-ins at its place in the list.
    pub(super) fn read(check_ins: &List<CheckIn>, read: super::parts::Read) -> Parts {
        let rows: Vec<usize> = check_ins.chunks(PART_ROWS).map(<[_]>::len).collect();
        if read.len() != rows.len() || read.iter().zip(&rows).any(|(part, &n)| part.2 != n) {
            return Parts::default();
        }
        Parts {
            check_ins: check_ins.clone(),
            parts: read
                .into_iter()
                .map(|(name, text, _)| (name, Rc::from(text)))
                .collect(),
        }
    }
}

/// A snapshot: the keys in the order docs/snapshot-format.md lists them, every optional value written
/// (as `null` when absent).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Snapshot<'a> {
    format: &'static str,
    version: u64,
    exported_at: Timestamp,
    board: &'a Board,
}

impl<'a> Snapshot<'a> {
    fn new(board: &'a Board, exported_at: Timestamp) -> Snapshot<'a> {
        Snapshot {
            format: super::FORMAT,
            version: super::VERSION,
            exported_at,
            board,
        }
    }
}

/// The snapshot without whitespace.
pub fn write_compact(board: &Board, exported_at: Timestamp) -> String {
    let out = Buffer::with_capacity(1024 + board.check_ins.len() * 150);
    pasteable(text(written(
        serde_json::Serializer::new(out),
        &Snapshot::new(board, exported_at),
    )))
}

/// The snapshot indented, two spaces a level, for people to read.
pub fn write_pretty(board: &Board, exported_at: Timestamp) -> String {
    let out = Buffer::with_capacity(1024 + board.check_ins.len() * 250);
    pasteable(text(written(
        serde_json::Serializer::pretty(out),
        &Snapshot::new(board, exported_at),
    )))
}

/// A snapshot that can be pasted into a page's `<script type="application/json">` as it is
/// (the README's way of giving a board to its element, and a wiki's): every `<` written
/// `\u003c`, the same text to a JSON reader, so that a title holding `</script>` cannot end
/// the script and put the rest of the file into the page as markup. JSON has `<` only inside
/// its texts.
fn pasteable(text: String) -> String {
    if text.contains('<') {
        text.replace('<', "\\u003c")
    } else {
        text
    }
}

/// `value` as compact JSON.
fn json(value: &impl Serialize, capacity: usize) -> String {
    text(written(
        serde_json::Serializer::new(Buffer::with_capacity(capacity)),
        value,
    ))
}

/// `value` written by `serializer`, and the buffer it was written to. The serializer owns the
/// buffer, where `serde_json::to_writer(&mut buffer, …)` would make each of its many small
/// writes go through `&mut Buffer`'s forwarding `Write`, a call of its own at the bundle's
/// size-first optimisation.
fn written<S: Seen, F: serde_json::ser::Formatter>(
    mut serializer: serde_json::Serializer<Buffer<S>, F>,
    value: &impl Serialize,
) -> serde_json::Result<Buffer<S>> {
    value.serialize(&mut serializer)?;
    Ok(serializer.into_inner())
}

/// The text serde_json wrote. Writing fails only for a map whose keys are not text or a
/// `Serialize` that fails, and serde_json writes UTF-8; nothing written here can fail, and
/// an empty text saved as a board would lose it, so this stops instead.
fn text<S: Seen>(written: serde_json::Result<Buffer<S>>) -> String {
    let bytes = written.expect("a board is always written as JSON").bytes;
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Where serde_json writes. `Vec`'s own writes are calls at the bundle's size-first
/// optimisation, one per quote and comma, and were a third of the time spent writing a big
/// board; these are inlined into the serialiser. `seen` also sees every byte: nothing, or
/// a stored part's hash (`write_part`).
struct Buffer<S = ()> {
    bytes: Vec<u8>,
    seen: S,
}

impl Buffer {
    fn with_capacity(capacity: usize) -> Buffer {
        Buffer::seen_by((), capacity)
    }
}

impl<S: Seen> Buffer<S> {
    fn seen_by(seen: S, capacity: usize) -> Buffer<S> {
        Buffer {
            bytes: Vec::with_capacity(capacity),
            seen,
        }
    }
}

/// What a `Buffer` does with the bytes written to it besides keeping them.
trait Seen {
    fn see(&mut self, bytes: &[u8]);
}

impl Seen for () {
    #[inline(always)]
    fn see(&mut self, _: &[u8]) {}
}

/// A stored part hashed as it is written. FNV-1a takes a byte at a time, each step waiting
/// for the one before; taken beside the writing, the processor does much of it while the
/// next values are written, where a second pass over the text waited for every step (a
/// whole save of the big board, 20 parts, about 1.4 ms quicker).
impl Seen for hash::Fnv1a {
    #[inline(always)]
    fn see(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }
}

impl<S: Seen> std::io::Write for Buffer<S> {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline(always)]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.seen.see(bytes);
        match bytes {
            [byte] => self.bytes.push(*byte),
            _ => self.bytes.extend_from_slice(bytes),
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The board in the store's layout (`super::STORE_FORMAT`); `known` keeps the parts from
/// one save to the next.
pub fn write_stored(board: &Board, saved_at: Timestamp, known: &mut Parts) -> Stored {
    let same_list = board.check_ins.same(&known.check_ins);
    let before: Vec<&[Rc<CheckIn>]> = known.check_ins.chunks(PART_ROWS).collect();
    let mut parts = Vec::with_capacity(board.check_ins.len().div_ceil(PART_ROWS));
    for (i, chunk) in board.check_ins.chunks(PART_ROWS).enumerate() {
        match known.parts.get(i) {
            Some(part) if same_list || before.get(i) == Some(&chunk) => parts.push(part.clone()),
            _ => parts.push(write_part(chunk)),
        }
    }
    known.check_ins = board.check_ins.clone();
    known.parts.clone_from(&parts);
    let head = Head {
        format: super::STORE_FORMAT,
        version: super::STORE_VERSION,
        saved_at,
        board: StoredBoard {
            id: &board.id,
            title: &board.title,
            purpose: &board.purpose,
            period: &board.period,
            rhythm: &board.rhythm,
            people: Table::new(&board.people),
            teams: Table::new(&board.teams),
            priorities: Table::new(&board.priorities),
            initiatives: Table::new(&board.initiatives),
            check_ins: CheckInParts {
                columns: &super::CHECK_IN_COLUMNS,
                parts: parts.iter().map(|(name, _)| name.as_str()).collect(),
            },
            dependencies: Table::new(&board.dependencies),
            decisions: Table::new(&board.decisions),
            reviews: Table::new(&board.reviews),
            slice: board.slice.as_ref(),
        },
    };
    let head = json(&head, 1024 + board.initiatives.len() * 200);
    Stored { head, parts }
}

/// A part's name and text. The name is the text's length and its 64-bit FNV-1a hash, in
/// hex. The names are how boards already saved find their parts: a new way of naming would
/// make the next save write the whole history again beside the old one, which a big board
/// has no room for. Equal texts get equal names, so a part that did not change is not
/// written again.
fn write_part(check_ins: &[Rc<CheckIn>]) -> (String, Rc<str>) {
    let out = Buffer::seen_by(hash::Fnv1a::default(), check_ins.len() * 100);
    let out = written(
        serde_json::Serializer::new(out),
        &Rows(check_ins, super::CHECK_IN_COLUMNS.to_vec()),
    );
    let hash = out.as_ref().map_or(0, |out| out.seen.finish());
    let text = text(out);
    let name = format!("{:x}-{:x}", text.len(), hash);
    (name, Rc::from(text))
}

/// The store's head: `Snapshot` with the board's lists as tables.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Head<'a> {
    format: &'static str,
    version: u64,
    saved_at: Timestamp,
    board: StoredBoard<'a>,
}

/// `Board`'s keys in `Board`'s order, its lists as tables, and the check-in history as the
/// names of its parts.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StoredBoard<'a> {
    id: &'a str,
    title: &'a str,
    purpose: &'a str,
    period: &'a Period,
    rhythm: &'a Rhythm,
    people: Table<'a, Person>,
    teams: Table<'a, Team>,
    priorities: Table<'a, Priority>,
    initiatives: Table<'a, Initiative>,
    check_ins: CheckInParts<'a>,
    dependencies: Table<'a, Dependency>,
    decisions: Table<'a, Decision>,
    reviews: Table<'a, Review>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slice: Option<&'a Cut>,
}

#[derive(Serialize)]
struct CheckInParts<'a> {
    columns: &'static [&'static str],
    parts: Vec<&'a str>,
}

/// `{"columns":[…],"rows":[[…],…]}`: the columns are the keys the first item writes (none
/// when there is no item), and a key it leaves out (a field written only when it holds
/// something) when another item writes it: that column's value is then `null` in the rows
/// of the items that leave it out. A field no item writes takes no column, so a table is
/// written as before such a field was added.
#[derive(Serialize)]
struct Table<'a, T> {
    columns: Vec<&'static str>,
    rows: Rows<'a, T>,
}

impl<'a, T: Serialize> Table<'a, T> {
    fn new(items: &'a [Rc<T>]) -> Table<'a, T> {
        let mut columns = Vec::new();
        if let Some(first) = items.first() {
            let mut fields = fields_of(&**first);
            if fields.iter().any(|(_, written)| !written) {
                for item in &items[1..] {
                    for (field, (_, written)) in fields.iter_mut().zip(fields_of(&**item)) {
                        field.1 |= written;
                    }
                }
            }
            columns = fields
                .into_iter()
                .filter(|(_, written)| *written)
                .map(|(key, _)| key)
                .collect();
        }
        Table {
            rows: Rows(items, columns.clone()),
            columns,
        }
    }
}

/// An item's fields in order, each with whether the item writes it.
fn fields_of<T: Serialize>(item: &T) -> Vec<(&'static str, bool)> {
    let mut fields = Vec::new();
    let mut scratch = serde_json::Serializer::new(std::io::sink());
    // Cannot fail: writing to a sink, and every item is a struct.
    let _ = item.serialize(AsRow {
        out: &mut scratch,
        keys: Some(&mut fields),
        columns: &[],
    });
    fields
}

/// `[[…],…]`: one row of values per item, under the table's columns.
struct Rows<'a, T>(&'a [Rc<T>], Vec<&'static str>);

impl<T: Serialize> Serialize for Rows<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut rows = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            rows.serialize_element(&Row(&**item, &self.1))?;
        }
        rows.end()
    }
}

struct Row<'a, T>(&'a T, &'a [&'static str]);

impl<T: Serialize> Serialize for Row<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(AsRow {
            out: s,
            keys: None,
            columns: self.1,
        })
    }
}

/// Writes a struct as the list of its fields' values, in order, noting the keys when asked
/// (a table's columns). Only structs make rows; anything else is refused.
struct AsRow<'k, S> {
    out: S,
    /// Where to note the fields, each with whether the item writes it.
    keys: Option<&'k mut Vec<(&'static str, bool)>>,
    /// The table's columns: a field the item leaves out is written `null` under its column.
    columns: &'k [&'static str],
}

/// A row being written: the values, and where to note the keys.
struct RowValues<'k, Q> {
    values: Q,
    keys: Option<&'k mut Vec<(&'static str, bool)>>,
    columns: &'k [&'static str],
}

impl<Q: SerializeSeq> SerializeStruct for RowValues<'_, Q> {
    type Ok = Q::Ok;
    type Error = Q::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Q::Error> {
        if let Some(keys) = &mut self.keys {
            keys.push((key, true));
        }
        self.values.serialize_element(value)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Q::Error> {
        if let Some(keys) = &mut self.keys {
            keys.push((key, false));
        }
        match self.columns.contains(&key) {
            true => self.values.serialize_element(&()),
            false => Ok(()),
        }
    }

    fn end(self) -> Result<Q::Ok, Q::Error> {
        self.values.end()
    }
}

fn not_a_record<E: ser::Error>() -> E {
    E::custom("only a struct is written as a table's row")
}

impl<'k, S: Serializer> Serializer for AsRow<'k, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeStruct = RowValues<'k, S::SerializeSeq>;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(RowValues {
            values: self.out.serialize_seq(Some(len))?,
            keys: self.keys,
            columns: self.columns,
        })
    }

    fn serialize_bool(self, _: bool) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_i8(self, _: i8) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_i16(self, _: i16) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_i32(self, _: i32) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_i64(self, _: i64) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_u8(self, _: u8) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_u16(self, _: u16) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_u32(self, _: u32) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_u64(self, _: u64) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_f32(self, _: f32) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_f64(self, _: f64) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_char(self, _: char) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_str(self, _: &str) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_record())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Err(not_a_record())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, S::Error> {
        Err(not_a_record())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Err(not_a_record())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Err(not_a_record())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Err(not_a_record())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Err(not_a_record())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::Timestamp;

    #[test]
    fn a_check_in_row_has_the_columns_the_head_names() {
        let at = Timestamp::from_unix_seconds(0);
        let check_in = CheckIn {
            id: "c-1".into(),
            initiative_id: "i-1".into(),
            at,
            status: Status::OnTrack,
            progress: 0,
            confidence: None,
            note: String::new(),
            author_id: None,
        };
        let check_in = Rc::new(check_in);
        let table = Table::new(std::slice::from_ref(&check_in));
        assert_eq!(table.columns, super::super::CHECK_IN_COLUMNS);
    }

    #[test]
    fn only_structs_make_rows() {
        assert!(serde_json::to_string(&Rows(&[Rc::new(1), Rc::new(2)], Vec::new())).is_err());
    }
}
