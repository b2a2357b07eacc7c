//! Alignment Board: a board of ranked priorities, teams and the initiatives that serve
//! them, running entirely in the browser. `core` is the pure domain and compiles anywhere;
//! `storage` keeps boards between visits; `ui` and `mount` are the browser shell.

pub mod core;
pub mod storage;

// The views module mounts no board: it only renders views into the board's islands.
#[cfg(all(target_arch = "wasm32", not(feature = "views-module")))]
mod mount;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(all(target_arch = "wasm32", not(feature = "views-module")))]
pub use mount::{
    mount, mount_with, start_standalone, BoardHandle, MountOptions, DEFAULT_STORAGE_KEY,
};

/// Talc instead of the default dlmalloc: a smaller allocator in the bundle, and a faster one.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
