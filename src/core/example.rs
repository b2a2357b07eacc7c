//! The example board.
