//! The board's domain, free of any browser or UI framework: the model of the snapshot
//! format, its invariants, every change as an action, undo history, the snapshot reader
//! and writer, the board layout, the board as a picture and as Markdown and CSV text, and
//! moving a board in time (how the example file is opened on today's date), new ids, and
//! teams' snapshots merged into the board and cut from it. Compiles and is tested natively.

pub mod action;
pub mod combine;
pub mod coordination;
pub mod days;
pub mod diff;
pub mod hash;
pub mod health;
pub mod history;
pub mod ids;
pub mod index;
pub mod layout;
pub mod limits;
pub mod list;
pub mod merge;
pub mod model;
pub mod outputs;
pub mod picture;
pub mod redate;
pub mod rhythm;
pub mod slice;
pub mod snapshot;
pub mod time;
pub mod validate;
