//! Calendar dates and UTC timestamps in the snapshot's text forms (`YYYY-MM-DD`,
//! RFC 3339). Kept tiny on purpose: the board needs ordering and day arithmetic, not a
//! time-zone database, and every kilobyte of wasm is paid for on every page load.
//! Nothing here reads the clock: `now` always comes from the caller.

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// An instant in UTC with one-second resolution; written as `2026-11-23T09:30:00Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

const SECONDS_PER_DAY: i64 = 86_400;

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, or `None` when the day does not exist (`2026-02-30`) or its year has
    /// more than the four digits the snapshot format writes.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((0..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }

    /// Midnight UTC at the start of this date.
    pub fn start(self) -> Timestamp {
        Timestamp(self.days_since_epoch() * SECONDS_PER_DAY)
    }

    /// Reads `YYYY-MM-DD` exactly.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            digits(&b[0..4])? as i32,
            digits(&b[5..7])? as u8,
            digits(&b[8..10])? as u8,
        )
    }
}

impl Timestamp {
    pub fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    /// From JavaScript's `Date.now()` (milliseconds), dropping the fraction.
    pub fn from_unix_millis(millis: f64) -> Timestamp {
        Timestamp((millis / 1000.0).floor() as i64)
    }

    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The UTC calendar date this instant falls on.
    pub fn date(self) -> Date {
        Date::from_days_since_epoch(self.0.div_euclid(SECONDS_PER_DAY))
    }

    pub fn add_seconds(self, seconds: i64) -> Timestamp {
        Timestamp(self.0 + seconds)
    }

    /// Reads RFC 3339: `YYYY-MM-DDTHH:MM:SS`, optional fraction (dropped), then `Z` or an
    /// offset `±HH:MM`, which is applied so the result is in UTC.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let date = Date::parse(text.get(0..10)?)?;
        let (h, m, s) = (
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        );
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let fraction = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fraction == 0 {
                return None;
            }
            rest = &rest[1 + fraction..];
        }
        let offset = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), oh1, oh2, b':', om1, om2] => {
                let (oh, om) = (digits(&[*oh1, *oh2])?, digits(&[*om1, *om2])?);
                if oh > 23 || om > 59 {
                    return None;
                }
                let minutes = oh * 60 + om;
                if *sign == b'+' {
                    minutes
                } else {
                    -minutes
                }
            }
            _ => return None,
        };
        let seconds = date.start().0 + h * 3600 + m * 60 + s.min(59) - offset * 60;
        // An offset can carry a time at either end of year 0000 or 9999 out of the years
        // a timestamp is written in, and the board could not read what it wrote.
        let at = Timestamp(seconds);
        (0..=9999).contains(&at.date().year).then_some(at)
    }
}

fn digits(bytes: &[u8]) -> Option<i64> {
    bytes.iter().try_fold(0i64, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

/// Appends `value` as exactly `width` (at most 4) decimal digits; the caller keeps it in
/// range.
fn push_digits(out: &mut String, mut value: u32, width: usize) {
    let mut digits = [b'0'; 4];
    for d in digits[..width].iter_mut().rev() {
        *d = b'0' + (value % 10) as u8;
        value /= 10;
    }
    out.push_str(std::str::from_utf8(&digits[..width]).unwrap_or_default());
}

impl Date {
    /// Appends `2026-11-24`. Digit by digit rather than through `format!`: snapshots
    /// write thousands of dates, and the formatting machinery is the slow part.
    pub fn push_to(self, out: &mut String) {
        if !(0..=9999).contains(&self.year) {
            // Only arithmetic far outside any plan gets here (`Date::new` refuses it).
            out.push_str(&format!("{:04}", self.year));
        } else {
            push_digits(out, self.year as u32, 4);
        }
        out.push('-');
        push_digits(out, u32::from(self.month), 2);
        out.push('-');
        push_digits(out, u32::from(self.day), 2);
    }
}

impl Timestamp {
    /// Appends `2026-11-24T09:30:00Z` (see `Date::push_to`).
    pub fn push_to(self, out: &mut String) {
        let secs = self.0.rem_euclid(SECONDS_PER_DAY) as u32;
        self.date().push_to(out);
        out.push('T');
        push_digits(out, secs / 3600, 2);
        out.push(':');
        push_digits(out, secs / 60 % 60, 2);
        out.push(':');
        push_digits(out, secs % 60, 2);
        out.push('Z');
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(10);
        self.push_to(&mut out);
        f.write_str(&out)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(20);
        self.push_to(&mut out);
        f.write_str(&out)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
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
        assert_eq!(t.date().to_string(), "2026-11-23");
        for bad in [
            "2026-11-23",
            "2026-11-23T25:00:00Z",
            "2026-11-23T09:30:00",
            "2026-11-23T09:30:00.Z",
            "2026-11-23T09:30:00+24:00",
            "2026-11-23T09:30:00+01:60",
            // Offsets that carry the time out of the years a timestamp is written in.
            "9999-12-31T23:30:00-01:00",
            "0000-01-01T00:30:00+01:00",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
        for edge in ["9999-12-31T23:30:00+01:00", "0000-01-01T00:30:00-01:00"] {
            let t = Timestamp::parse(edge).unwrap();
            assert_eq!(Timestamp::parse(&t.to_string()), Some(t), "{edge}");
        }
    }
}
