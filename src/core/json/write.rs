//! The pieces of a JSON writer: strings escaped as serde_json escapes them, whole numbers,
//! and objects (or table rows) written member by member.

/// Appends `text` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the
/// short escapes for backspace, form feed, newline, return and tab, `\u00XX` for the other
/// control characters; everything else as is. Scans bytes, not characters: every byte
/// that needs escaping is ASCII, and no byte of a multi-byte character is.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Appends a whole number without the formatting machinery (a snapshot writes thousands).
pub fn number(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// Builds a JSON object member by member: `{"a":1,"b":"x"}`; or, as a row of a table, only
/// the values in the same order: `[1,"x"]` (see `Object::row`).
pub struct Object<'a> {
    out: &'a mut String,
    first: bool,
    row: bool,
    /// The keys written so far, when asked to keep them: a table's columns.
    keys: Option<Vec<&'static str>>,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object {
            out,
            first: true,
            row: false,
            keys: None,
        }
    }

    /// The same members written as a row: values only, keys left to the table's columns.
    pub fn row(out: &'a mut String) -> Object<'a> {
        out.push('[');
        Object {
            out,
            first: true,
            row: true,
            keys: None,
        }
    }

    /// A row that also notes its keys, so the first row of a table names its columns.
    pub fn row_noting_keys(out: &'a mut String) -> Object<'a> {
        let mut row = Object::row(out);
        row.keys = Some(Vec::new());
        row
    }

    /// Starts a member and returns the buffer to write its value into.
    pub fn key(&mut self, key: &'static str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        if let Some(keys) = &mut self.keys {
            keys.push(key);
        }
        if !self.row {
            self.out.push('"');
            self.out.push_str(key);
            self.out.push_str("\":");
        }
        self.out
    }

    pub fn text(&mut self, key: &'static str, value: &str) {
        string(self.key(key), value);
    }

    pub fn raw(&mut self, key: &'static str, value: &str) {
        self.key(key).push_str(value);
    }

    pub fn number(&mut self, key: &'static str, value: u64) {
        number(self.key(key), value);
    }

    pub fn optional_text(&mut self, key: &'static str, value: Option<&str>) {
        match value {
            Some(value) => self.text(key, value),
            None => self.raw(key, "null"),
        }
    }

    /// Closes the object (or row) and returns the keys it noted, if asked to.
    pub fn end(self) -> Vec<&'static str> {
        self.out.push(if self.row { ']' } else { '}' });
        self.keys.unwrap_or_default()
    }
}
