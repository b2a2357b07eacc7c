//! The browser's clock, read in one place: the core never reads it itself. `now` stamps
//! what happens (in UTC); `local_now` is what counts days, in the person's time zone.

/// The current time, read from the browser's clock; the core never reads it itself. For
/// stamping what happens; what counts days takes `local_now`.
pub fn now() -> crate::core::time::Timestamp {
    crate::core::time::Timestamp::from_unix_millis(js_sys::Date::now())
}

/// The current time with the offset of the browser's time zone now: "today" is the
/// person's calendar day, not UTC's.
pub fn local_now() -> crate::core::time::Now {
    use crate::core::time::{Now, Timestamp};
    let clock = js_sys::Date::new_0();
    let at = Timestamp::from_unix_millis(clock.get_time());
    // `getTimezoneOffset` counts minutes behind UTC: 600 in Honolulu, -840 in Kiritimati.
    let east = -(clock.get_timezone_offset().round() as i32);
    Now::new(at, east).unwrap_or_else(|| Now::utc(at))
}
