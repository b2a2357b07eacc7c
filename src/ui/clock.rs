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

/// The person's calendar day, kept current while the board stays open: it turns at their
/// midnight (a board left on a screen overnight says "today" of the new day), and is read
/// again whenever the page is shown, since a computer asleep at midnight fires no timer
/// on time.
#[yew::hook]
pub fn use_today() -> crate::core::time::Date {
    use gloo_timers::callback::Timeout;
    use yew::prelude::*;
    let today = use_state_eq(|| local_now().today());
    // Counts the timer's firings, so each one arms the next.
    let fired = use_state(|| 0u32);
    {
        let (today, fired) = (today.clone(), fired.clone());
        use_effect_with(*fired, move |&count| {
            // Just after the next midnight by today's offset, and at least hourly, so a
            // change of offset (summer time) is caught within the hour.
            let now = local_now();
            let next = now.start_of(now.today().add_days(1));
            let seconds = next.unix_seconds() - now.at().unix_seconds();
            let wait = (seconds * 1000 + 1000).clamp(1000, 3_600_000) as u32;
            let timer = {
                let today = today.clone();
                Timeout::new(wait, move || {
                    today.set(local_now().today());
                    fired.set(count.wrapping_add(1));
                })
            };
            let shown = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    gloo_events::EventListener::new(&document, "visibilitychange", move |_| {
                        today.set(local_now().today())
                    })
                });
            move || drop((timer, shown))
        });
    }
    *today
}
