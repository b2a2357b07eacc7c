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
        Ok(crate::js_text::string_of(&text))
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
