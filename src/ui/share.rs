//! Share links: the board's snapshot, compressed by the browser (`CompressionStream`, raw
//! deflate) and written in base64url after `#board=` in a link to the board's frame page,
//! which opens it as a read-only copy. What follows `#` never leaves the browser. The
//! compressing is JavaScript's (`share.js`): streams and base64 take less code there.

use wasm_bindgen::prelude::*;

/// Links longer than this are cut by some hosts (chat tools, older mail clients, some
/// wikis' link fields); the share dialog says so.
pub const LONG_LINK: usize = 2000;

#[wasm_bindgen(module = "/src/ui/share.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = shareLink)]
    async fn share_link(page: &str, text: &str) -> Result<JsValue, JsValue>;
}

/// The share link of a snapshot `text`, on the frame page at `page`.
pub async fn link(page: &str, text: &str) -> Result<String, String> {
    share_link(page, text)
        .await
        .ok()
        .and_then(|link| link.as_string())
        .ok_or_else(|| "this browser cannot compress the board".into())
}
