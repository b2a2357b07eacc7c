//! Dates and times as the person reads them, written by the browser's `Intl` in their
//! locale (`Dec 15`, `15 déc.`, `12月15日`), with the year when it is not the person's
//! (`Jan 4, 2027` seen in December 2026); no month name is spelled out here. A calendar
//! date (a due date) is written as that day wherever the person is: it is formatted in
//! UTC from its midnight there. An instant (a check-in, a decision) is written on the day
//! and at the time it was where the browser is.

use crate::core::time::{Date, Timestamp};
use crate::ui::clock::local_now;
use js_sys::Intl::{
    DateTimeFormat, DateTimeFormatOptions, DayFormat, MonthFormat, NumericFormat,
    TimeZoneNameFormat, YearFormat,
};
use wasm_bindgen::JsValue;

thread_local! {
    // Built once: a formatter costs far more to make than to use, and a board writes a
    // date on every card.
    static CALENDAR_DAY: DateTimeFormat = formatter(Some("UTC"), false, false);
    static LOCAL_DAY: DateTimeFormat = formatter(None, false, false);
    static LOCAL_MOMENT: DateTimeFormat = formatter(None, true, false);
    // A day of another year than the person's is written with its year ("Jan 4, 2027").
    static CALENDAR_DAY_YEAR: DateTimeFormat = formatter(Some("UTC"), false, true);
    static LOCAL_DAY_YEAR: DateTimeFormat = formatter(None, false, true);
}

/// Short month and day in the person's locale; in `time_zone`, or the browser's own when
/// `None`; with the hour, minute and the zone's short name when `time`; with the year when
/// `year`.
fn formatter(time_zone: Option<&str>, time: bool, year: bool) -> DateTimeFormat {
    let options = DateTimeFormatOptions::new();
    options.set_month(MonthFormat::Short);
    options.set_day(DayFormat::Numeric);
    if year {
        options.set_year(YearFormat::Numeric);
    }
    if let Some(zone) = time_zone {
        options.set_time_zone(zone);
    }
    if time {
        options.set_hour(NumericFormat::Numeric);
        options.set_minute(NumericFormat::TwoDigit);
        options.set_time_zone_name(TimeZoneNameFormat::Short);
    }
    // No locales: the browser's own.
    DateTimeFormat::new(&js_sys::Array::new(), &options)
}

/// `at` written by `formatter`, or `fallback` if the browser will not.
fn written(formatter: &DateTimeFormat, at: Timestamp, fallback: impl FnOnce() -> String) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.unix_seconds() as f64 * 1000.0));
    formatter
        .format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(fallback)
}

/// A calendar day, `Dec 15` in English, and `Jan 4, 2027` when it is not in the person's
/// year.
pub fn short_date(date: Date) -> String {
    let formatter = if this_year(date) {
        &CALENDAR_DAY
    } else {
        &CALENDAR_DAY_YEAR
    };
    formatter.with(|f| written(f, date.start(), || date.to_string()))
}

/// A calendar day with its year whatever the year, for what is kept and read later (a
/// printed board's date): `Dec 6, 2026`.
pub fn dated(date: Date) -> String {
    CALENDAR_DAY_YEAR.with(|f| written(f, date.start(), || date.to_string()))
}

/// The person's day that `at` fell on, written as `short_date` writes a day.
pub fn short_day(at: Timestamp) -> String {
    let now = local_now();
    let formatter = if this_year(now.day_of(at)) {
        &LOCAL_DAY
    } else {
        &LOCAL_DAY_YEAR
    };
    formatter.with(|f| written(f, at, || at.to_string()))
}

/// The full stop for a sentence that ends with `date`: none where the date ends with its
/// own, as an abbreviated month does in many languages (`29 déc.`, `7. Dez.`).
pub fn full_stop(date: &str) -> &'static str {
    if date.ends_with('.') {
        ""
    } else {
        "."
    }
}

/// The person's day that `at` fell on, month and day alone, for a chart's axis where a
/// year would not fit (its points' tooltips and table give the whole date).
pub fn month_day(at: Timestamp) -> String {
    LOCAL_DAY.with(|f| written(f, at, || at.to_string()))
}

/// Whether `date` is in the person's year: a date of another year says which.
fn this_year(date: Date) -> bool {
    date.year() == local_now().today().year()
}

/// Day and time where the browser is, with the zone named: `Nov 25, 09:00 HST`.
pub fn date_time(at: Timestamp) -> String {
    LOCAL_MOMENT.with(|f| written(f, at, || at.to_string()))
}

/// When a delivered request was delivered, on the person's day, and how late that was
/// against the date promised, else the date needed: "delivered Nov 1 (2 days late)".
/// Requests delivered before the board kept the time say nothing.
pub fn delivered_on(
    dep: &crate::core::model::Dependency,
    now: crate::core::time::Now,
) -> Option<String> {
    let at = dep
        .delivered_at
        .filter(|_| dep.state == crate::core::model::DependencyState::Delivered)?;
    let late = (dep.promised.or(dep.due))
        .and_then(|needed| crate::core::days::late(now.day_of(at), needed))
        .map_or(String::new(), |late| format!(" ({late})"));
    Some(format!("delivered {}{late}", short_day(at)))
}
