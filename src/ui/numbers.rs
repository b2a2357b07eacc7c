//! Numbers with decimals as the person reads them: written by the browser's `Intl` in
//! their locale (`12.5` in English, `12,5` in German), as dates are (`dates`). Snapshots
//! and the CSV export keep their own fixed forms; the CSV's separator follows the locale.

use crate::core::outputs::Separator;
use js_sys::Intl::{NumberFormat, NumberFormatOptions};
use wasm_bindgen::JsValue;

thread_local! {
    // Built once each: a formatter costs far more to make than to use.
    static DECIMALS: [NumberFormat; 3] = [formatter(0), formatter(1), formatter(2)];
}

/// The person's locale's numbers, with at most `fraction` decimals.
fn formatter(fraction: u8) -> NumberFormat {
    let options = NumberFormatOptions::new();
    options.set_maximum_fraction_digits(fraction);
    // No locales: the browser's own.
    NumberFormat::new(&js_sys::Array::new(), &options)
}

/// `value` rounded to at most `fraction` decimals (0 to 2), and written without the ones
/// that are zeros, its thousands grouped: `45`, `12.5`, `1.25`, `1,500` (`12,5` and
/// `1.500` in German).
pub fn decimal(value: f64, fraction: u8) -> String {
    let fraction = fraction.min(2);
    DECIMALS
        .with(|formats| {
            (formats[usize::from(fraction)].format())
                .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
                .ok()
                .and_then(|text| text.as_string())
        })
        .unwrap_or_else(|| {
            let text = format!("{value:.*}", usize::from(fraction));
            match text.contains('.') {
                true => text.trim_end_matches('0').trim_end_matches('.').into(),
                false => text,
            }
        })
}

/// What separates a CSV's fields for the person: a semicolon where their locale writes a
/// comma as the decimal mark, as their spreadsheet expects; a comma elsewhere.
pub fn csv_separator() -> Separator {
    match decimal(1.5, 1).contains(',') {
        true => Separator::Semicolon,
        false => Separator::Comma,
    }
}
