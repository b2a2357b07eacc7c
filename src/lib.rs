//! Alignment Board: a board of ranked priorities, teams and the initiatives that serve
//! them, running entirely in the browser. `core` is the pure domain and compiles anywhere;
//! `storage` keeps boards between visits; `ui` and `mount` are the browser shell.

pub mod core;
pub mod storage;

#[cfg(target_arch = "wasm32")]
mod js_text;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use mount::{
    mount, mount_with, start_standalone, BoardHandle, MountOptions, DEFAULT_STORAGE_KEY,
};

/// Talc instead of the default dlmalloc: a smaller allocator in the bundle, and a faster one.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
