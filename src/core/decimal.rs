//! Numbers written with a fixed number of decimals, without the standard library's float
//! formatting: that machinery is tens of kilobytes of WebAssembly, paid for on every load.

/// `value` rounded half away from zero to `decimals` places (at most 6) and written with
/// exactly that many: `fixed(12.345, 1)` is `"12.3"`, `fixed(-0.004, 2)` is `"0.00"`.
/// Not-a-number and infinities are written as `"0"` with the decimals.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let factor = 10u64.pow(decimals);
    let value = if value.is_finite() { value } else { 0.0 };
    let scaled = (value.abs() * factor as f64).round();
    let scaled = if scaled >= u64::MAX as f64 {
        u64::MAX
    } else {
        scaled as u64
    };
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let whole = scaled / factor;
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let fraction = scaled % factor;
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = decimals as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn rounds_half_away_from_zero_and_pads() {
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(12.35, 1), "12.4");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(7.0, 2), "7.00");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-0.6, 2), "-0.60");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(fixed(100.0, 0), "100");
    }
}
