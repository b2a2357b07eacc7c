//! Texts from the page (stored boards, imported files, snapshots a page gives) as Rust
//! strings, encoded by the browser's `TextEncoder.encodeInto` straight into a buffer of
//! ours. wasm-bindgen's own conversion copies a text's ASCII opening one character at a time
//! in JavaScript, and a snapshot is all but entirely ASCII: 5 ms for the big board's stored
//! texts (2.0 MB) where the encoder takes 1.6, and several times that in a page just opened,
//! before JavaScript's compilers have warmed to the loop (docs/decisions.md).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Utf8Encoder;
    // wasm-bindgen hands a `&mut [u8]` to JavaScript as a view of wasm memory, which the
    // encoder writes through; a copy given back would be as right, only slower.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, text: &js_sys::JsString, into: &mut [u8]) -> Encoded;
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JavaScript string as a Rust one.
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
    // Nothing to give back for an ASCII text; up to two thirds of the room for another.
    bytes.shrink_to_fit();
    // encodeInto writes UTF-8 only (a lone surrogate as U+FFFD), as wasm-bindgen would.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `value` as a Rust string, when it is a JavaScript one.
pub fn string_of(value: &wasm_bindgen::JsValue) -> Option<String> {
    value.dyn_ref::<js_sys::JsString>().map(rust_text)
}
