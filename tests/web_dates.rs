//! The browser's side of dates: "today" from its clock and zone, and dates written by its
//! `Intl`. Runs in Node as well as a browser, so the zone can be chosen:
//! `TZ=Pacific/Honolulu` or `TZ=Pacific/Kiritimati` before `cargo test --target
//! wasm32-unknown-unknown --test web_dates`.
#![cfg(target_arch = "wasm32")]

use alignment_board::core::time::{Date, Timestamp};
use alignment_board::ui::{clock::local_now, dates};
use wasm_bindgen_test::*;

/// Midnight starting `date` where the browser is, read from JavaScript's own calendar.
fn local_midnight(date: Date) -> Timestamp {
    let js = js_sys::Date::new_with_year_month_day(
        date.year() as u32,
        i32::from(date.month()) - 1,
        i32::from(date.day()),
    );
    Timestamp::from_unix_millis(js.get_time())
}

#[wasm_bindgen_test]
fn today_is_the_day_the_browser_calendar_shows() {
    let now = local_now();
    let js = js_sys::Date::new(&(now.at().unix_seconds() as f64 * 1000.0).into());
    let shown = Date::new(
        js.get_full_year() as i32,
        js.get_month() as u8 + 1,
        js.get_date() as u8,
    );
    assert_eq!(Some(now.today()), shown);
    assert_eq!(now.offset_minutes(), -(js.get_timezone_offset() as i32));
}

#[wasm_bindgen_test]
fn a_due_date_is_written_as_its_own_day_in_any_zone() {
    for text in ["2026-12-03", "2026-01-01", "2026-07-15"] {
        let day = Date::parse(text).unwrap();
        assert_eq!(
            dates::short_date(day),
            dates::short_day(local_midnight(day)),
            "{text}"
        );
        // A month name or number from Intl, never the ISO text.
        assert_ne!(dates::short_date(day), text);
    }
}

#[wasm_bindgen_test]
fn a_sentence_that_ends_with_a_date_has_one_full_stop() {
    // An abbreviated month brings its own in many languages.
    assert_eq!(dates::full_stop("29 déc."), "");
    assert_eq!(dates::full_stop("7. Dez."), "");
    assert_eq!(dates::full_stop("Dec 29"), ".");
}
