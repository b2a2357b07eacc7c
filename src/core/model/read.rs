//! The snapshot's rules for the model's fields that serde's own impls do not know: whole
//! numbers within a range, dates and timestamps in their text forms, and the defaults that
//! are not a type's `Default`. The derives in `model` call these through `deserialize_with`
//! and `default`; each rule names what it expected, so a refusal can say what was wrong.
//! Nothing here knows where a value sits: the deserializer that calls in adds the path.

use crate::core::snapshot::quoted;
use crate::core::time::{Date, Timestamp};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// A whole number from 0 to `MAX`, written without sign, fraction or exponent.
struct Whole<const MAX: u64>(u64);

impl<'de, const MAX: u64> Deserialize<'de> for Whole<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Expect(u64);
        impl Visitor<'_> for Expect {
            type Value = u64;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a whole number from 0 to {}", self.0)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<u64, E> {
                match n <= self.0 {
                    true => Ok(n),
                    false => Err(E::custom(format!("{n} is more than {}", self.0))),
                }
            }
        }
        d.deserialize_u64(Expect(MAX)).map(Whole)
    }
}

/// A date as `YYYY-MM-DD`.
struct DateText(Date);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Expect;
        impl Visitor<'_> for Expect {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date (YYYY-MM-DD)")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse(s)
                    .ok_or_else(|| E::custom(format!("{} is not a date (YYYY-MM-DD)", quoted(s))))
            }
        }
        d.deserialize_any(Expect).map(DateText)
    }
}

/// An RFC 3339 timestamp.
struct TimestampText(Timestamp);

impl<'de> Deserialize<'de> for TimestampText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Expect;
        impl Visitor<'_> for Expect {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a timestamp")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Timestamp, E> {
                Timestamp::parse(s).ok_or_else(|| {
                    E::custom(format!(
                        "{} is not an RFC 3339 timestamp (e.g. 2026-11-23T09:30:00Z)",
                        quoted(s)
                    ))
                })
            }
        }
        d.deserialize_any(Expect).map(TimestampText)
    }
}

/// Effort and progress: 0–100.
pub fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    Whole::<100>::deserialize(d).map(|n| n.0 as u8)
}

/// A review's score: 0–100, or none.
pub fn optional_percent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Option::<Whole<100>>::deserialize(d).map(|n| n.map(|n| n.0 as u8))
}

/// Confidence: 0–10, or unknown.
pub fn optional_tenths<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Option::<Whole<10>>::deserialize(d).map(|n| n.map(|n| n.0 as u8))
}

/// Days of the rhythm: what a `u16` holds.
pub fn days<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    Whole::<{ u16::MAX as u64 }>::deserialize(d).map(|n| n.0 as u16)
}

/// A priority's rank: what a `u32` holds.
pub fn rank<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    Whole::<{ u32::MAX as u64 }>::deserialize(d).map(|n| n.0 as u32)
}

/// A date, or none: every date of the board may be absent.
pub fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Option::<DateText>::deserialize(d).map(|t| t.map(|t| t.0))
}

pub fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    TimestampText::deserialize(d).map(|t| t.0)
}

pub fn optional_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    Option::<TimestampText>::deserialize(d).map(|t| t.map(|t| t.0))
}

/// A risk is open unless it says not.
pub fn open() -> bool {
    true
}
