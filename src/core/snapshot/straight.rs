//! Reading an exported snapshot's check-ins straight from its text. The check-in history
//! is most of a big file (a team's snapshot sent back for a merge, a board imported), and
//! building a `serde_json::Value` of every check-in only to walk it again is most of the
//! time a read takes. So the snapshot is parsed once with the check-ins read by
//! `CheckIn`'s derive as they come, and everything else made into the `Value` the general
//! reader walks.
//!
//! It accepts less than the general reader, never more: every check-in must be an object,
//! its status a text, and every value goes through the same derive and visitors. At the
//! first surprise (a `null` member, a duplicate key, a list for an object, or anything
//! else not as this build writes it) it gives up, and the general reader reads the whole
//! text again and says what is wrong and where.

use super::parts::Appended;
use crate::core::model::CheckIn;
use serde::de::value::MapAccessDeserializer;
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};
use std::fmt;

/// The snapshot's top object, without `board.checkIns`, and the check-ins read from it;
/// `None` where the general reader must read the text.
pub fn read(text: &str) -> Option<(Map<String, Value>, Vec<CheckIn>)> {
    let mut json = serde_json::Deserializer::from_str(text);
    let mut check_ins = None;
    let top = Top(&mut check_ins).deserialize(&mut json).ok()?;
    json.end().ok()?;
    Some((top, check_ins?))
}

/// The top object: its `board` read by `BoardObject`, every other member as a `Value`.
struct Top<'o>(&'o mut Option<Vec<CheckIn>>);

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = Map<String, Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a snapshot")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Self::Value, A::Error> {
        let mut top = Map::new();
        while let Some(key) = members.next_key::<String>()? {
            let value = if key == "board" && self.0.is_none() {
                members.next_value_seed(BoardObject(self.0))?
            } else {
                members.next_value()?
            };
            if top.insert(key, value).is_some() {
                return Err(de::Error::custom("a repeated key"));
            }
        }
        Ok(top)
    }
}

/// The board: its `checkIns` read into the list, every other member as a `Value`.
struct BoardObject<'o>(&'o mut Option<Vec<CheckIn>>);

impl<'de> DeserializeSeed<'de> for BoardObject<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BoardObject<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a board")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Value, A::Error> {
        let mut board = Map::new();
        let mut check_ins = None;
        while let Some(key) = members.next_key::<String>()? {
            if key == "checkIns" {
                if check_ins.is_some() {
                    return Err(de::Error::custom("a repeated key"));
                }
                let mut list = Vec::new();
                members.next_value_seed(Appended(&mut list, OneCheckIn))?;
                check_ins = Some(list);
            } else if board.insert(key, members.next_value()?).is_some() {
                return Err(de::Error::custom("a repeated key"));
            }
        }
        // A board without check-ins is left to the general reader, which says so if it
        // must.
        *self.0 = Some(check_ins.ok_or_else(|| de::Error::custom("no check-ins"))?);
        Ok(Value::Object(board))
    }
}

/// One check-in: an object, whose members the derive reads.
#[derive(Clone, Copy)]
struct OneCheckIn;

impl<'de> DeserializeSeed<'de> for OneCheckIn {
    type Value = CheckIn;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<CheckIn, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneCheckIn {
    type Value = CheckIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a check-in")
    }

    fn visit_map<A: MapAccess<'de>>(self, members: A) -> Result<CheckIn, A::Error> {
        CheckIn::deserialize(MapAccessDeserializer::new(Members(members)))
    }
}

/// A check-in's members, each value read as `Plain`.
struct Members<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(seed)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(Plain(seed))
    }
}

/// A member's value as the general reader takes it: a choice among names (a status) is a
/// text only, never serde's `{"name": null}`. A `null` reaches only visitors that refuse it
/// (the general reader would count it as absent), and an option's, where it is `None`, as
/// absent is.
struct Plain<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Plain<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(PlainValue(d))
    }
}

struct PlainValue<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for PlainValue<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_option(Optional(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let name = String::deserialize(self.0)?;
        visitor.visit_enum(name.into_deserializer())
    }

    /// A member the model does not know is parsed whole all the same, as the general
    /// reader's parse does: serde_json's skipping checks neither escapes, nor numbers, nor
    /// depth, and would let through what that parse refuses.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        Value::deserialize(self.0)?;
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
    }
}

/// An option's visitor, whose value, when there is one, is read as `Plain`.
struct Optional<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Optional<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(PlainValue(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Board, Status};
    use crate::core::snapshot::{read_through_value, write_compact, write_pretty};
    use crate::core::time::Timestamp;

    fn board() -> Board {
        let at = Timestamp::parse("2026-11-25T09:00:00Z").unwrap();
        let mut board = Board::blank("b-1".into(), at.utc_date());
        board.check_ins = (0..40)
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
        board
    }

    #[test]
    fn an_exports_check_ins_are_read_straight_from_its_text() {
        let board = board();
        let at = Timestamp::parse("2026-11-26T09:00:00Z").unwrap();
        for text in [write_pretty(&board, at), write_compact(&board, at)] {
            let (top, check_ins) = read(&text).expect("read straight");
            assert_eq!(board.check_ins, check_ins);
            assert!(top["board"].get("checkIns").is_none());
            assert_eq!(super::super::read(&text), read_through_value(&text));
        }
    }

    #[test]
    fn a_check_in_not_as_written_is_left_to_the_general_reader() {
        let text = write_compact(&board(), Timestamp::parse("2026-11-26T09:00:00Z").unwrap());
        let first = r#""checkIns":[{"#;
        assert!(text.contains(first));
        let check_in = r#"{"id":"c-x","initiativeId":"i-1","at":"2026-11-25T09:00:00Z","status":"onTrack","progress":4,"confidence":7,"note":"","authorId":null}"#;
        // The export with `other` as its first check-in, and whether both ways agree on it.
        let with = |other: &str| text.replacen(first, &format!(r#""checkIns":[{other},{{"#), 1);
        let agree = |changed: &str| super::super::read(changed) == read_through_value(changed);
        assert!(read(&with(check_in)).is_some());
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        for (what, member) in [
            ("an unknown member", r#""more":{"a":[1,"b"]}"#.to_string()),
            ("a number out of range", r#""more":[1e999]"#.into()),
            ("a broken escape", r#""more":["\ud800"]"#.into()),
            ("a lone surrogate", r#""more":{"a":"\udc00"}"#.into()),
            ("too deep", format!(r#""more":{deep}"#)),
        ] {
            let other = check_in.replace(r#""note":"""#, &format!(r#""note":"",{member}"#));
            assert!(agree(&with(&other)), "{what}");
        }
        for (what, other) in [
            (
                "a status as an object",
                check_in.replace(r#""onTrack""#, r#"{"onTrack":null}"#),
            ),
            (
                "a check-in as a list",
                r#"["c-x","i-1","2026-11-25T09:00:00Z","onTrack",4,7,"",null]"#.into(),
            ),
            (
                "a null note",
                check_in.replace(r#""note":"""#, r#""note":null"#),
            ),
            (
                "a repeated key",
                check_in.replace(r#""progress":4"#, r#""progress":4,"progress":5"#),
            ),
            (
                "a check-in as a table",
                r#"{"columns":["id"],"rows":[["c-x"]]}"#.into(),
            ),
        ] {
            let changed = with(&other);
            assert!(read(&changed).is_none(), "{what}");
            assert!(agree(&changed), "{what}");
        }
        for (what, changed) in [
            (
                "a repeated board",
                text.replacen(r#"{"format""#, r#"{"board":{"checkIns":[]},"format""#, 1),
            ),
            (
                "check-ins as a table",
                text.replacen(first, r#""checkIns":{"columns":[],"rows":[]},"x":[{"#, 1),
            ),
            ("text after the snapshot", format!("{text} x")),
        ] {
            assert!(read(&changed).is_none(), "{what}");
        }
    }
}
