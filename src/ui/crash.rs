//! A crash inside the board (a panic in WebAssembly) must not leave a frozen page. The
//! panic hook logs the message to the console and replaces every board on the page with a
//! screen that says what happened and offers the board as it was in memory — written out
//! in the hook itself, since no code of the board can run after it — and a reload.

use super::files::object_url;
use crate::core::snapshot;

thread_local! {
    /// Set once the board has crashed.
    static CRASHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sets the panic hook, once for the page.
pub fn install() {
    // Through yew, which otherwise sets its own hook when a board is first rendered.
    yew::set_custom_panic_hook(Box::new(|info| report(&info.to_string())));
}

/// Whether the board has crashed: then it stops saving.
pub fn crashed() -> bool {
    CRASHED.with(|crashed| crashed.get())
}

/// Logs `message` and shows the crash screen in place of every board.
pub fn report(message: &str) {
    CRASHED.with(|crashed| crashed.set(true));
    web_sys::console::error_1(&format!("Alignment Board stopped: {message}").into());
    for super::mounted::Mounted { root, board, .. } in super::mounted::all() {
        let download = board.as_deref().and_then(|board| {
            let now = super::clock::local_now();
            let url = object_url(&snapshot::write_pretty(board, now.at()), "application/json");
            // No quote nor ampersand: the name keeps letters and digits only.
            let name = snapshot::file_name(board, now.today());
            url.ok().map(|url| {
                format!(
                    "<a class=ab-button href=\"{url}\" download=\"{name}\">Download the board</a> "
                )
            })
        });
        root.set_inner_html(&format!(
            "<div class=\"ab-notice ab-notice--error\" role=alert><p><strong>The board stopped \
                 working.</strong> Something went wrong inside it and it cannot go on in this tab. \
                 {}Reload to go on: what was saved before is kept.</p>{}<a class=ab-button \
                 href=\"\">Reload</a></div>",
            if download.is_some() {
                "Download the board as it was here to keep your latest changes. "
            } else {
                ""
            },
            download.unwrap_or_default(),
        ));
    }
}
