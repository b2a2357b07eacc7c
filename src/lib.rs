//! Alignment Board: a board of ranked priorities, teams and the initiatives that serve
//! them, running entirely in the browser. `core` is the pure domain; `storage`, `ui` and
//! `mount` are the browser shell around it.

pub mod core;
