//! The browser shell: Yew components that render the board and dispatch actions. No rule
//! of the board lives here; components read `core` and send `core::action::Action`s.

mod allocation_view;
mod app;
mod autosave;
mod board_view;
mod card;
mod charts;
mod check_in;
pub mod clock;
mod coordination_view;
pub mod crash;
mod damaged;
pub mod dates;
mod dialog;
mod dom;
mod fields;
mod files;
mod filters;
mod focus;
mod forms;
mod health_view;
mod ids;
mod menu;
pub(crate) mod mounted;
mod narrow;
pub mod numbers;
mod page_query;
mod rhythm_view;
mod score;
mod screen;
mod selector;
pub(crate) mod share;
pub mod state;
mod subject_link;
mod toast;
mod toolbar;
mod welcome;

pub use app::{App, AppProps, Example, Offered};
pub use state::{Same, StoreHandle, View};
