//! Calendar dates, UTC timestamps and the person's "now", on top of `chrono`. This layer
//! keeps the snapshot's text forms exact (`YYYY-MM-DD` with a four-digit year, RFC 3339
//! written in UTC to the second) and says which day a moment falls on for the person.
//! Nothing here reads the clock or the time zone: `Now` always comes from the caller.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat, Timelike, Utc};
use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian), ordered chronologically. It is a day as people
/// name it, tied to no time zone: a due date is due on that day wherever one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// An instant with one-second resolution; written in UTC as `2026-11-23T09:30:00Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

/// The moment the board is looked at, as the person's clock shows it: the instant and the
/// offset from UTC of their time zone then. "Today" and the day a stored timestamp falls on
/// are counted in this offset, so at 20:00 on 3 December in Honolulu it is 3 December.
///
/// One offset serves every timestamp: a check-in made before a daylight-saving change is
/// placed by today's offset, an hour off, which moves it to another day only when it was
/// made within that hour of midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    at: Timestamp,
    offset: FixedOffset,
}

/// The years the snapshot format writes with its four digits.
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

fn epoch() -> NaiveDate {
    DateTime::UNIX_EPOCH.date_naive()
}

impl Date {
    /// A date, or `None` when the day does not exist (`2026-02-30`) or its year has
    /// more than the four digits the snapshot format writes.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
            .filter(|d| YEARS.contains(&d.year()))
            .map(Date)
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    pub fn day(self) -> u8 {
        self.0.day() as u8
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        Date(epoch()).days_until(self)
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        Date(epoch()).add_days(days)
    }

    /// The date `days` later (earlier when negative). Saturates at chrono's range, some
    /// 260 000 years away, which no plan reaches.
    pub fn add_days(self, days: i64) -> Date {
        let moved = self.0.checked_add_signed(chrono::TimeDelta::days(days));
        Date(moved.unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        }))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.0.signed_duration_since(self.0).num_days()
    }

    /// Midnight UTC at the start of this date: the instant that names the day itself,
    /// for formatting a date-only value in UTC so no time zone moves it to another day.
    pub fn start(self) -> Timestamp {
        Timestamp(self.0.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
    }

    /// Reads `YYYY-MM-DD` exactly: four-digit year, two-digit month and day. The shape is
    /// fixed, so its three numbers are read by position and chrono says whether the day
    /// exists; a format string would bring chrono's whole format parser into the bundle
    /// for this one shape.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shaped {
            return None;
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
        let year = i32::try_from(number(0..4)?).ok()?;
        Date::new(
            year,
            u8::try_from(number(5..7)?).ok()?,
            u8::try_from(number(8..10)?).ok()?,
        )
    }
}

impl Timestamp {
    /// An instant from seconds since 1970; the far ends of chrono's range stand in for
    /// what lies beyond it.
    pub fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp(
            DateTime::from_timestamp(seconds, 0).unwrap_or(if seconds < 0 {
                DateTime::<Utc>::MIN_UTC
            } else {
                DateTime::<Utc>::MAX_UTC
            }),
        )
    }

    /// From JavaScript's `Date.now()` (milliseconds), dropping the fraction.
    pub fn from_unix_millis(millis: f64) -> Timestamp {
        Timestamp::from_unix_seconds((millis / 1000.0).floor() as i64)
    }

    pub fn unix_seconds(self) -> i64 {
        self.0.timestamp()
    }

    /// The calendar date this instant falls on in UTC. The person's day is
    /// `Now::day_of`; this is for what is dated in UTC on purpose (fixtures, examples).
    pub fn utc_date(self) -> Date {
        Date(self.0.date_naive())
    }

    pub fn add_seconds(self, seconds: i64) -> Timestamp {
        Timestamp::from_unix_seconds(self.unix_seconds().saturating_add(seconds))
    }

    /// Reads RFC 3339: `YYYY-MM-DDTHH:MM:SS`, optional fraction (dropped), then `Z` or an
    /// offset `±HH:MM`, which is applied so the result is in UTC.
    pub fn parse(text: &str) -> Option<Timestamp> {
        parse_with_offset(text).map(|local| local.at)
    }
}

/// An RFC 3339 timestamp with the offset it was written in, or `None` unless it has the
/// snapshot format's shape and, moved to UTC, a four-digit year.
fn parse_with_offset(text: &str) -> Option<Now> {
    // chrono also takes a Unicode minus sign in the offset; the format does not.
    if !text.is_ascii() {
        return None;
    }
    let local = DateTime::parse_from_rfc3339(text).ok()?;
    // An offset can carry a time at either end of year 0000 or 9999 out of the years a
    // timestamp is written in, and the board could not read what it wrote.
    // One-second resolution: a fraction or a leap second is dropped.
    let at = Timestamp::from_unix_seconds(local.timestamp());
    YEARS.contains(&at.0.year()).then(|| Now {
        at,
        offset: *local.offset(),
    })
}

impl Now {
    /// `at`, for a person whose clock is `offset_minutes` east of UTC (Honolulu −600,
    /// Kiritimati +840); `None` for an offset of a day or more.
    pub fn new(at: Timestamp, offset_minutes: i32) -> Option<Now> {
        let offset = FixedOffset::east_opt(offset_minutes.checked_mul(60)?)?;
        Some(Now { at, offset })
    }

    /// `at`, for a person whose clock shows UTC.
    pub fn utc(at: Timestamp) -> Now {
        Now {
            at,
            offset: FixedOffset::east_opt(0).expect("zero is an offset"),
        }
    }

    /// Reads RFC 3339 and keeps its offset as the person's: `2026-12-03T20:00:00-10:00`
    /// is the evening of 3 December in Honolulu.
    pub fn parse(text: &str) -> Option<Now> {
        parse_with_offset(text)
    }

    /// The instant.
    pub fn at(self) -> Timestamp {
        self.at
    }

    /// Minutes east of UTC.
    pub fn offset_minutes(self) -> i32 {
        self.offset.local_minus_utc() / 60
    }

    /// The person's calendar day.
    pub fn today(self) -> Date {
        self.day_of(self.at)
    }

    /// The person's calendar day that `at` fell on.
    pub fn day_of(self, at: Timestamp) -> Date {
        Date(at.0.with_timezone(&self.offset).date_naive())
    }

    /// The instant the person's `day` began (their midnight).
    pub fn start_of(self, day: Date) -> Timestamp {
        let midnight = day.start().unix_seconds() - i64::from(self.offset.local_minus_utc());
        Timestamp::from_unix_seconds(midnight)
    }
}

/// Writes `fields` (a value and its width in digits, each followed by one separator already
/// in `text`) into `text` from its start. A save writes tens of thousands of timestamps, and
/// chrono's general formatting took a third of a big board's save; the calendar is chrono's,
/// only the digits are placed here (a test holds the text to chrono's).
fn digits<'t, const N: usize>(text: &'t mut [u8; N], fields: &[(u32, usize)]) -> &'t str {
    let mut at = 0;
    for &(value, width) in fields {
        let mut rest = value;
        for place in text[at..at + width].iter_mut().rev() {
            *place = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        at += width + 1;
    }
    // Only ASCII digits and the separators are in it.
    std::str::from_utf8(text).unwrap_or_default()
}

/// A year the text forms write with four digits.
fn four_digits(year: i32) -> Option<u32> {
    u32::try_from(year).ok().filter(|y| *y <= 9999)
}

impl Date {
    /// `2026-11-23`, in `text`; `None` for a year without four digits.
    fn written<'t>(&self, text: &'t mut [u8; 10]) -> Option<&'t str> {
        let year = four_digits(self.0.year())?;
        *text = *b"0000-00-00";
        Some(digits(
            text,
            &[(year, 4), (self.0.month(), 2), (self.0.day(), 2)],
        ))
    }
}

impl Timestamp {
    /// `2026-11-23T09:30:00Z`, in `text`; `None` for a year without four digits.
    fn written<'t>(&self, text: &'t mut [u8; 20]) -> Option<&'t str> {
        let t = self.0.naive_utc();
        let year = four_digits(t.year())?;
        *text = *b"0000-00-00T00:00:00Z";
        let fields = [
            (year, 4),
            (t.month(), 2),
            (t.day(), 2),
            (t.hour(), 2),
            (t.minute(), 2),
            (t.second(), 2),
        ];
        Some(digits(text, &fields))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.written(&mut [0; 10]) {
            Some(text) => f.write_str(text),
            // chrono writes other years with a sign.
            None => fmt::Display::fmt(&self.0, f),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.written(&mut [0; 20]) {
            Some(text) => f.write_str(text),
            None => f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Secs, true)),
        }
    }
}

/// The person's local time with its offset, `2026-12-03T20:00:00-10:00` (`Z` for UTC).
impl fmt::Display for Now {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.at.0.with_timezone(&self.offset);
        f.write_str(&local.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.written(&mut [0; 10]) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.written(&mut [0; 20]) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

impl Serialize for Now {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_timestamps_are_written_as_chrono_writes_them() {
        let first = Timestamp::parse("0000-01-01T00:00:00Z")
            .unwrap()
            .unix_seconds();
        let last = Timestamp::parse("9999-12-31T23:59:59Z")
            .unwrap()
            .unix_seconds();
        let mut seconds = first;
        while seconds <= last {
            let at = Timestamp::from_unix_seconds(seconds);
            assert_eq!(
                at.to_string(),
                at.0.to_rfc3339_opts(SecondsFormat::Secs, true)
            );
            let day = at.utc_date();
            assert_eq!(day.to_string(), day.0.to_string());
            assert_eq!(serde_json::to_string(&at).unwrap(), format!("\"{at}\""));
            assert_eq!(serde_json::to_string(&day).unwrap(), format!("\"{day}\""));
            seconds += 86_399 * 37 + 3_607;
        }
        // Years chrono writes with a sign stay chrono's.
        let far = Timestamp::from_unix_seconds(last + 86_400 * 400);
        assert_eq!(
            far.to_string(),
            far.0.to_rfc3339_opts(SecondsFormat::Secs, true)
        );
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for days in -700_000..2_900_000i64 {
            if days % 997 != 0 {
                continue;
            }
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
            assert_eq!(Date::parse(&date.to_string()), Some(date));
        }
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "+2026-01-01",
            "2026-01-01 ",
            "10000-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(Date::parse("0000-01-01").unwrap().to_string(), "0000-01-01");
        assert_eq!(Date::new(10_000, 1, 1), None);
    }

    #[test]
    fn timestamps_apply_offsets_and_write_utc() {
        let t = Timestamp::parse("2026-11-23T09:30:00Z").unwrap();
        assert_eq!(t.to_string(), "2026-11-23T09:30:00Z");
        assert_eq!(Timestamp::parse("2026-11-23T10:30:00+01:00"), Some(t));
        assert_eq!(Timestamp::parse("2026-11-23T09:30:00.123Z"), Some(t));
        assert_eq!(
            Timestamp::parse("2026-11-23T00:30:00-02:00")
                .unwrap()
                .to_string(),
            "2026-11-23T02:30:00Z"
        );
        assert_eq!(t.utc_date().to_string(), "2026-11-23");
        for bad in [
            "2026-11-23",
            "2026-11-23T25:00:00Z",
            "2026-11-23T09:30:00",
            "2026-11-23T09:30:00.Z",
            "2026-11-23T09:30:00+24:00",
            "2026-11-23T09:30:00+01:60",
            "2026-11-23T09:30:00+0100",
            "2026-11-23T09:30:00\u{2212}01:00",
            "2026-11-23T09:30Z",
            "26-11-23T09:30:00Z",
            // Offsets that carry the time out of the years a timestamp is written in.
            "9999-12-31T23:30:00-01:00",
            "0000-01-01T00:30:00+01:00",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
        // A leap second is kept to the second before, as the format has no room for it.
        assert_eq!(
            Timestamp::parse("2026-12-31T23:59:60z").map(|t| t.to_string()),
            Some("2026-12-31T23:59:59Z".into())
        );
        assert_eq!(Timestamp::parse("2026-11-23t09:30:00Z"), Some(t));
        assert_eq!(Timestamp::parse("2026-11-23 09:30:00Z"), Some(t));
        for edge in ["9999-12-31T23:30:00+01:00", "0000-01-01T00:30:00-01:00"] {
            let t = Timestamp::parse(edge).unwrap();
            assert_eq!(Timestamp::parse(&t.to_string()), Some(t), "{edge}");
        }
    }
}
