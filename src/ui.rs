//! The browser shell: Yew components that render the board and dispatch actions. No rule
//! of the board lives here; components read `core` and send `core::action::Action`s.

mod allocation_view;
mod app;
mod autosave;
mod board_view;
mod card;
mod charts;
mod check_in;
mod coordination_view;
pub mod crash;
pub mod dates;
mod dialog;
mod fields;
mod files;
mod filters;
mod forms;
mod health_view;
mod markup;
pub(crate) mod mounted;
mod rhythm_view;
mod score;
mod share;
mod toolbar;
mod welcome;

pub use app::{App, AppProps, Example, StoreHandle, View};

/// A board compared by identity, as hooks' dependencies: "is it the same board?" is what
/// they ask, and comparing two big boards' contents costs more than the work they guard.
#[derive(Clone)]
pub struct Same(pub Option<std::rc::Rc<crate::core::model::Board>>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => std::rc::Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

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
