//! Writing values into CSS selectors, as the board finds its own elements again (a card
//! to focus after a move, an item of the merge preview).

/// `text` for a quoted CSS string: every character but ASCII letters and digits as a hex
/// escape, so ids with quotes, backslashes or control characters select exactly.
pub fn css_escape(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            out.push('\\');
            let code = u32::from(c);
            let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
            for shift in (0..digits).rev() {
                out.push(char::from(HEX[(code >> (shift * 4)) as usize & 15]));
            }
            out.push(' ');
        }
    }
    out
}
