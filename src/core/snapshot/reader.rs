//! Reads the model out of a parsed snapshot through the model's serde derives, naming the
//! path of anything wrong (`board.initiatives[3].effort: expected a whole number from 0 to
//! 100, found "lots"`). A deserializer of our own over `serde_json::Value` rather than
//! serde_json's, because the format's reading rules are about the JSON, not about any
//! field, and this is where the JSON is known:
//!
//! - it walks the value, so it knows the path of each piece, and says what it found there;
//! - a member set to `null` counts as absent: an optional key takes its default, a
//!   required one is missing;
//! - a list may be a table (`{"columns":[…],"rows":[[…],…]}`, the layout the store saves
//!   in), whose rows read as the objects they stand for.
//!
//! It knows no field of the board: those are the derives' and `model`'s rules.

use super::ReadError;
use crate::core::limits;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, Visitor,
};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;

/// Where a value sits in the snapshot; built on the stack and only printed on error.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    pub const ROOT: Path<'static> = Path {
        parent: None,
        step: Step::Root,
    };

    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Index(index),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}")?;
        }
        match self.step {
            Step::Root => Ok(()),
            Step::Key(key) if matches!(self.parent.map(|p| p.step), Some(Step::Root) | None) => {
                f.write_str(key)
            }
            Step::Key(key) => write!(f, ".{key}"),
            Step::Index(index) => write!(f, "[{index}]"),
        }
    }
}

/// Reads a `T` from `value`, which sits at `at`.
pub fn read<T: DeserializeOwned>(value: Value, at: &Path) -> Result<T, ReadError> {
    T::deserialize(Reader::new(value, at)).map_err(Error::into_read_error)
}

/// Reads the rows of a table with `columns` as `T`s, appending them to `out`; the first
/// row is row `first` of the table at `at`.
pub fn rows<T: DeserializeOwned>(
    columns: &[Value],
    rows: Vec<Value>,
    first: usize,
    at: &Path,
    out: &mut Vec<T>,
) -> Result<(), ReadError> {
    let mut items = Items::table(column_names(columns), rows, first, at);
    out.reserve(items.items.len());
    while let Some(item) = items.next_element().map_err(Error::into_read_error)? {
        out.push(item);
    }
    Ok(())
}

/// Why a value could not be read: a message, and where once known.
#[derive(Debug)]
pub struct Error {
    path: Option<String>,
    message: String,
    /// A required key that is absent (or null); its path is its object's and this key.
    missing: Option<&'static str>,
    /// The title or name of the innermost listed item the value is in, which a person finds
    /// sooner than its place in a list counted from 0.
    item: Option<String>,
}

impl Error {
    fn new(message: String) -> Error {
        Error {
            path: None,
            message,
            missing: None,
            item: None,
        }
    }

    /// Places an error raised by the value at `at`, unless a value inside placed it.
    fn at(mut self, at: &Path) -> Error {
        if self.path.is_none() {
            self.path = Some(match self.missing {
                Some(key) => at.key(key).to_string(),
                None => at.to_string(),
            });
        }
        self
    }

    fn into_read_error(self) -> ReadError {
        ReadError::Malformed {
            path: self.path.unwrap_or_default(),
            message: match self.item {
                Some(item) => in_item(&self.message, &item),
                None => self.message,
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error::new(message.to_string())
    }

    fn invalid_type(found: Unexpected, expected: &dyn Expected) -> Error {
        Error::new(format!("expected {expected}, found {}", unexpected(found)))
    }

    fn invalid_value(found: Unexpected, expected: &dyn Expected) -> Error {
        Error::invalid_type(found, expected)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Error {
        Error::new(format!(
            "expected one of {}, found {}",
            expected.join(", "),
            quoted(variant)
        ))
    }

    fn missing_field(field: &'static str) -> Error {
        Error {
            missing: Some(field),
            ..Error::new("missing; this key is required".into())
        }
    }
}

/// A text as it is shown in a message: quoted, and cut to 40 characters, so that a value
/// of megabytes never becomes a message of megabytes.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", cut(text))
}

/// `text` cut to 40 characters, with "…" where it was cut.
fn cut(text: &str) -> Cow<'_, str> {
    limits::cut(text, 40)
}

/// A refusal's `message` naming the item it is in by its title or name (cut as `quoted`
/// cuts), which a person finds sooner than its place in a list counted from 0.
pub fn in_item(message: &str, item: &str) -> String {
    format!("{message} (in “{}”)", cut(item))
}

/// A short description of a value that was not what was expected.
pub fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quoted(s),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// `found` for what a visitor was given.
fn unexpected(value: Unexpected) -> String {
    match value {
        Unexpected::Bool(b) => b.to_string(),
        Unexpected::Unsigned(n) => n.to_string(),
        Unexpected::Signed(n) => n.to_string(),
        Unexpected::Float(n) => {
            Number::from_f64(n).map_or_else(|| n.to_string(), |n| n.to_string())
        }
        Unexpected::Str(s) => quoted(s),
        Unexpected::Unit | Unexpected::Option => "null".into(),
        Unexpected::Seq => "a list".into(),
        Unexpected::Map => "an object".into(),
        other => other.to_string(),
    }
}

/// What the type being read asked for; which JSON values it takes and how a mismatch is
/// described.
#[derive(Clone, Copy)]
enum Want {
    /// Whatever the value is: numbers, and rules that check for themselves.
    Any,
    Text,
    Flag,
    List,
    /// A struct with these fields, in the order it declares them.
    Object(&'static [&'static str]),
    OneOf(&'static [&'static str]),
}

impl fmt::Display for Want {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Want::Any => f.write_str("a value"),
            Want::Text => f.write_str("text"),
            Want::Flag => f.write_str("true or false"),
            Want::List => f.write_str("a list"),
            Want::Object(_) => f.write_str("an object"),
            Want::OneOf(names) => write!(f, "one of {}", names.join(", ")),
        }
    }
}

/// One value, at a path; when it is a table's row, with the table's columns.
struct Reader<'p> {
    value: Value,
    columns: Option<&'p [Option<String>]>,
    at: &'p Path<'p>,
}

impl<'p> Reader<'p> {
    fn new(value: Value, at: &'p Path<'p>) -> Reader<'p> {
        Reader {
            value,
            columns: None,
            at,
        }
    }

    fn read<'de, V: Visitor<'de>>(self, want: Want, visitor: V) -> Result<V::Value, Error> {
        let at = self.at;
        let read = match (want, self.value, self.columns) {
            (Want::Object(_), Value::Array(values), Some(columns)) => {
                visitor.visit_map(Members::row(columns, values, at))
            }
            (Want::Any | Want::Text, Value::String(s), _) => visitor.visit_string(s),
            (Want::Any | Want::Flag, Value::Bool(b), _) => visitor.visit_bool(b),
            (Want::Any, Value::Null, _) => visitor.visit_unit(),
            (Want::Any, Value::Number(n), _) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(n), _, _) => visitor.visit_u64(n),
                (_, Some(n), _) => visitor.visit_i64(n),
                (_, _, Some(n)) => visitor.visit_f64(n),
                _ => Err(de::Error::invalid_type(
                    Unexpected::Other("a number"),
                    &visitor,
                )),
            },
            (Want::Any | Want::List, Value::Array(items), _) => {
                visitor.visit_seq(Items::list(items, at))
            }
            (Want::List, Value::Object(table), _) => match table_of(table) {
                Ok((columns, rows)) => {
                    visitor.visit_seq(Items::table(column_names(&columns), rows, 0, at))
                }
                Err(table) => Err(mismatch(want, &Value::Object(table))),
            },
            (Want::Any | Want::Object(_), Value::Object(members), _) => {
                let fields = match want {
                    Want::Object(fields) => fields,
                    _ => &[],
                };
                visitor.visit_map(Members::object(members, fields, at))
            }
            (Want::OneOf(_), Value::String(s), _) => visitor.visit_enum(s.into_deserializer()),
            (want, value, _) => Err(mismatch(want, &value)),
        };
        read.map_err(|e| e.at(at))
    }
}

fn mismatch(want: Want, value: &Value) -> Error {
    Error::new(format!("expected {want}, found {}", found(value)))
}

/// A table's columns and rows, when `table` is one; otherwise `table` back.
fn table_of(mut table: Map<String, Value>) -> Result<(Vec<Value>, Vec<Value>), Map<String, Value>> {
    match (table.get("columns"), table.get("rows")) {
        (Some(Value::Array(_)), Some(Value::Array(_))) => {}
        _ => return Err(table),
    }
    match (table.remove("columns"), table.remove("rows")) {
        (Some(Value::Array(columns)), Some(Value::Array(rows))) => Ok((columns, rows)),
        _ => unreachable!("checked above"),
    }
}

/// The key each column's values are read under: a column that is not text, or repeats an
/// earlier one, is not read (the first column of a name is its value, as in an object
/// whose later key would not be seen).
fn column_names(columns: &[Value]) -> Vec<Option<String>> {
    let mut names: Vec<Option<String>> = Vec::with_capacity(columns.len());
    for column in columns {
        let name = match column {
            Value::String(name) if !names.iter().any(|n| n.as_ref() == Some(name)) => {
                Some(name.clone())
            }
            _ => None,
        };
        names.push(name);
    }
    names
}

impl<'de> Deserializer<'de> for Reader<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(Want::Any, visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(Want::Text, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(Want::Text, visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(Want::Flag, visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(Want::List, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(Want::Object(&[]), visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.read(Want::Object(fields), visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.read(Want::OneOf(variants), visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct identifier
    }
}

/// The items of a list, or the rows of a table (`at.rows[i]`).
struct Items<'p> {
    items: std::vec::IntoIter<Value>,
    next: usize,
    columns: Option<Vec<Option<String>>>,
    at: &'p Path<'p>,
}

impl<'p> Items<'p> {
    fn list(items: Vec<Value>, at: &'p Path<'p>) -> Items<'p> {
        Items {
            items: items.into_iter(),
            next: 0,
            columns: None,
            at,
        }
    }

    fn table(
        columns: Vec<Option<String>>,
        rows: Vec<Value>,
        first: usize,
        at: &'p Path<'p>,
    ) -> Items<'p> {
        Items {
            items: rows.into_iter(),
            next: first,
            columns: Some(columns),
            at,
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.next;
        self.next += 1;
        let Some(columns) = &self.columns else {
            let here = self.at.index(index);
            let name = ["title", "name"]
                .iter()
                .find_map(|key| item.get(key)?.as_str())
                .map(|name| cut(name).into_owned());
            return seed
                .deserialize(Reader::new(item, &here))
                .map(Some)
                .map_err(|mut error| {
                    if error.item.is_none() {
                        error.item = name;
                    }
                    error
                });
        };
        let rows = self.at.key("rows");
        let here = rows.index(index);
        let problem = match &item {
            Value::Array(values) if values.len() == columns.len() => None,
            Value::Array(values) => Some(format!(
                "{} values for {} columns",
                values.len(),
                columns.len()
            )),
            other => Some(format!("expected a row, found {}", found(other))),
        };
        if let Some(message) = problem {
            return Err(Error::new(message).at(&here));
        }
        let reader = Reader {
            value: item,
            columns: Some(columns),
            at: &here,
        };
        seed.deserialize(reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's members, or a table row's values under their columns. A `null` is left out,
/// as if absent.
struct Members<'p> {
    source: Source<'p>,
    /// The value of the key just given, to read next.
    pending: Option<(Cow<'p, str>, Value)>,
    at: &'p Path<'p>,
}

enum Source<'p> {
    /// A struct's members: its fields in the order it declares them (so that the first
    /// problem reported is the first in reading order), taken out of the object.
    Fields(&'static [&'static str], Map<String, Value>),
    /// Every member, for a reader that does not name its fields.
    Object(serde_json::map::IntoIter),
    Row(std::iter::Zip<std::slice::Iter<'p, Option<String>>, std::vec::IntoIter<Value>>),
}

impl<'p> Members<'p> {
    fn object(
        members: Map<String, Value>,
        fields: &'static [&'static str],
        at: &'p Path<'p>,
    ) -> Members<'p> {
        let source = match fields.is_empty() {
            true => Source::Object(members.into_iter()),
            false => Source::Fields(fields, members),
        };
        Members {
            source,
            pending: None,
            at,
        }
    }

    fn row(columns: &'p [Option<String>], values: Vec<Value>, at: &'p Path<'p>) -> Members<'p> {
        Members {
            source: Source::Row(columns.iter().zip(values)),
            pending: None,
            at,
        }
    }

    fn next_member(&mut self) -> Option<(Cow<'p, str>, Value)> {
        loop {
            let (key, value) = match &mut self.source {
                Source::Fields(fields, members) => {
                    let (field, rest) = fields.split_first()?;
                    *fields = rest;
                    match members.remove(*field) {
                        Some(value) => (Cow::Borrowed(*field), value),
                        None => continue,
                    }
                }
                Source::Object(members) => {
                    let (key, value) = members.next()?;
                    (Cow::Owned(key), value)
                }
                Source::Row(cells) => match cells.next()? {
                    (Some(column), value) => (Cow::Borrowed(column.as_str()), value),
                    (None, _) => continue,
                },
            };
            if !value.is_null() {
                return Some((key, value));
            }
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.next_member() else {
            return Ok(None);
        };
        let read = seed.deserialize(key.as_ref().into_deserializer()).map(Some);
        self.pending = Some((key, value));
        read
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| Error::new("a value asked for before its key".into()))?;
        let here = self.at.key(&key);
        seed.deserialize(Reader::new(value, &here))
    }
}
