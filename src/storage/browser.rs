//! The browser's localStorage as a `Store`. Every call can fail: storage may be missing
//! (sandboxed frames, disabled cookies) or full, and each browser names "full" its own way.

use super::{Store, StoreError};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    // `setItem` and `getItem` taking and giving the JavaScript string itself, so a write is
    // read back and compared without carrying megabytes back into wasm.
    #[wasm_bindgen(js_name = Storage)]
    type TextStorage;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_text(this: &TextStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_text(this: &TextStorage, key: &str) -> Result<JsValue, JsValue>;

    // The browser's UTF-8 encoder, writing a stored text straight into a buffer of ours.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, text: &js_sys::JsString, into: &mut [u8]) -> Encoded;
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JavaScript string as a Rust one, encoded by the browser's `TextEncoder.encodeInto`.
/// wasm-bindgen's own conversion copies a text's ASCII opening one character at a time in
/// JavaScript, and a stored board is all but entirely ASCII: reading the big board's texts
/// took 5 ms that way, and several times that in a page just opened, before JavaScript's
/// compilers have warmed to the loop.
fn rust_text(text: &js_sys::JsString) -> String {
    let units = text.length() as usize;
    let encoder = Utf8Encoder::new();
    // One byte for each UTF-16 unit holds an ASCII text whole.
    let mut bytes = vec![0; units];
    let first = encoder.encode_into(text, &mut bytes);
    let (read, mut written) = (first.read() as usize, first.written() as usize);
    if read < units {
        // What is left takes at most three bytes for each of its units.
        bytes.resize(written + (units - read) * 3, 0);
        let rest = text.slice(read as u32, units as u32);
        written += encoder.encode_into(&rest, &mut bytes[written..]).written() as usize;
    }
    bytes.truncate(written);
    // encodeInto writes UTF-8 only (a lone surrogate as U+FFFD), as wasm-bindgen would.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// localStorage of the current window.
#[derive(Clone, Debug, Default)]
pub struct LocalStore;

impl LocalStore {
    fn storage() -> Result<web_sys::Storage, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(storage),
            Ok(None) => Err(StoreError::Unavailable(
                "localStorage is switched off".into(),
            )),
            Err(error) => Err(StoreError::Unavailable(describe(&error))),
        }
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        let storage = Self::storage()?.unchecked_into::<TextStorage>();
        let text = storage
            .get_text(key)
            .map_err(|e| StoreError::Failed(describe(&e)))?;
        Ok(text.dyn_ref::<js_sys::JsString>().map(rust_text))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::storage()?;
        let count = storage
            .length()
            .map_err(|e| StoreError::Failed(describe(&e)))?;
        Ok((0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }

    fn quota(&self) -> Option<usize> {
        Some(super::LOCAL_STORAGE_QUOTA)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()?.set_item(key, value).map_err(write_error)
    }

    /// The text is made a JavaScript string once, written, and compared with what
    /// `getItem` gives back there: the same check as reading it back, at a fraction of
    /// the cost for a big board.
    fn write_kept(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let storage = Self::storage()?.unchecked_into::<TextStorage>();
        let text = JsValue::from_str(value);
        storage.set_text(key, &text).map_err(write_error)?;
        match storage.get_text(key) {
            Ok(kept) if kept == text => Ok(()),
            Ok(_) => Err(StoreError::NotKept),
            Err(error) => Err(StoreError::Failed(describe(&error))),
        }
    }
}

fn write_error(error: JsValue) -> StoreError {
    if is_quota_error(&error) {
        StoreError::Full
    } else {
        StoreError::Failed(describe(&error))
    }
}

/// Whether `error` says the storage is full. Chromium, Safari and today's Firefox say
/// `QuotaExceededError` (code 22); older Firefox said `NS_ERROR_DOM_QUOTA_REACHED` (code
/// 1014); some engines give only the code.
pub fn is_quota_error(error: &JsValue) -> bool {
    let Some(exception) = error.dyn_ref::<web_sys::DomException>() else {
        return false;
    };
    matches!(
        exception.name().as_str(),
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
    ) || matches!(exception.code(), 22 | 1014)
}

fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}
