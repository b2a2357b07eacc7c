//! The standalone page: one board in the whole window.

fn main() {
    #[cfg(target_arch = "wasm32")]
    alignment_board::start_standalone();
}
