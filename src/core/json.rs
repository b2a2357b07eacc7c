//! A small JSON reader and the pieces of a writer: what snapshots need and no more.
//! serde_json's generic parser and serialiser were a fifth of the WebAssembly bundle;
//! this module does the same job for our one format in a fraction of the code. Numbers
//! keep their text, so nothing here formats or parses floating point.

use std::fmt;

mod write;
pub use write::{number, string, Object};

/// Nesting deeper than this is refused (as serde_json does), so a hostile file cannot
/// exhaust the stack.
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written (`12`, `-0.5`, `1e3`).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// A whole number written without sign, fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// A JSON number, kept as its text; a plain whole number (most of a snapshot's) as its
/// value, which saves an allocation per number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    Whole(u64),
    Text(String),
}

impl Number {
    fn from_text(text: &str) -> Number {
        match text.bytes().all(|b| b.is_ascii_digit()) {
            true => text
                .parse()
                .map_or_else(|_| Number::Text(text.to_string()), Number::Whole),
            false => Number::Text(text.to_string()),
        }
    }

    /// The value as a whole number, when written as one (`7`, not `7.0`, `-7` or `7e0`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Number::Whole(n) => Some(*n),
            Number::Text(_) => None,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Whole(n) => {
                let mut out = String::new();
                number(&mut out, *n);
                f.write_str(&out)
            }
            Number::Text(text) => f.write_str(text),
        }
    }
}

/// An object's members in the order written; a repeated key's last value wins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0
            .iter_mut()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Sets `key` to `value`, replacing the value it had.
    pub fn insert(&mut self, key: &str, value: Value) {
        match self.get_mut(key) {
            Some(old) => *old = value,
            None => self.0.push((key.to_string(), value)),
        }
    }
}

impl fmt::Display for Value {
    /// Compact JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write!(f, "{n}"),
            Value::String(s) => {
                let mut out = String::new();
                string(&mut out, s);
                f.write_str(&out)
            }
            Value::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Value::Object(map) => {
                f.write_str("{")?;
                for (i, (key, value)) in map.0.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    let mut out = String::new();
                    string(&mut out, key);
                    write!(f, "{out}:{value}")?;
                }
                f.write_str("}")
            }
        }
    }
}

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

/// Parses one JSON value filling the whole text (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        stack: Vec::new(),
    };
    let value = parser.value(0)?;
    parser.space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// The items of the lists being parsed, innermost last: each list is collected here
    /// and moved into a vector of exactly its length when it ends, instead of growing
    /// (and copying) a vector of its own item by item.
    stack: Vec<Value>,
}

impl<'a> Parser<'a> {
    fn error(&self, message: &'static str) -> ParseError {
        let before = &self.text[..floor_char_boundary(self.text, self.at)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ParseError {
            message,
            line,
            column,
        }
    }

    // The few functions below run for nearly every byte: forced inline, because the
    // size-optimised build would otherwise call them, which costs more than their work.

    #[inline(always)]
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    #[inline(always)]
    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Value::Number(Number::from_text(&self.text[start..self.at])))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        // After the opening quote. Most strings have no escape: one allocation of the
        // right size.
        self.at += 1;
        if let Some(plain) = self.plain() {
            return Ok(plain.to_string());
        }
        let mut out = String::new();
        loop {
            let start = self.at;
            self.at = self.run_end();
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                self.at += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error("invalid unicode code point"));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.error("invalid unicode code point"))?,
                            );
                            continue;
                        }
                        Some(_) => return Err(self.error("invalid escape")),
                    };
                    out.push(escaped);
                    self.at += 1;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// After an opening quote: the string up to its closing quote when it holds no
    /// escape (and the quote is taken), or `None` with nothing taken.
    #[inline(always)]
    fn plain(&mut self) -> Option<&'a str> {
        let (start, end) = (self.at, self.run_end());
        (self.bytes.get(end) == Some(&b'"')).then(|| {
            self.at = end + 1;
            &self.text[start..end]
        })
    }

    /// Where the run of characters that stand for themselves in a string, from here, ends:
    /// at a quote, a backslash, a control character or the end of the text.
    #[inline(always)]
    fn run_end(&self) -> usize {
        let bytes = self.bytes;
        let mut at = self.at;
        while at < bytes.len() && !matches!(bytes[at], b'"' | b'\\' | 0..=0x1f) {
            at += 1;
        }
        at
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error("EOF while parsing a string"))?;
        let mut code = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            code = code * 16 + u32::from(v);
        }
        self.at += 4;
        Ok(code)
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested more than 128 levels deep"));
        }
        self.at += 1;
        let base = self.stack.len();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            let item = self.value(depth)?;
            self.stack.push(item);
            self.space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.space();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(self.stack.drain(base..).collect()));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested more than 128 levels deep"));
        }
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            let value = self.value(depth)?;
            members.push((key, value));
            self.space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.space();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Map(members)));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

/// Reads a JSON text piece by piece, for a reader that knows the shape it expects: each
/// call takes one token (after any whitespace) when it is what was asked for, and answers
/// `None` or `false` otherwise. A reader gives up at the first surprise and reads the text
/// again through `parse`, which says what is wrong; so this only has to be fast, never
/// precise about errors.
pub struct Cursor<'a>(Parser<'a>);

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor(Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            stack: Vec::new(),
        })
    }

    /// Takes `byte` (`[`, `,`, `]` …) if it comes next.
    pub fn byte(&mut self, byte: u8) -> bool {
        self.0.space();
        let found = self.0.peek() == Some(byte);
        self.0.at += usize::from(found);
        found
    }

    /// Takes `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.0.space();
        let found = self.0.bytes[self.0.at..].starts_with(b"null");
        self.0.at += if found { 4 } else { 0 };
        found
    }

    pub fn string(&mut self) -> Option<String> {
        self.0.space();
        if self.0.peek() != Some(b'"') {
            return None;
        }
        self.0.string().ok()
    }

    /// A string without escapes, borrowed from the text; `None` for anything else.
    pub fn plain(&mut self) -> Option<&'a str> {
        self.0.space();
        if self.0.peek() != Some(b'"') {
            return None;
        }
        self.0.at += 1;
        let plain = self.0.plain();
        if plain.is_none() {
            self.0.at -= 1;
        }
        plain
    }

    /// A whole number written as JSON writes one (`0`, `42`; not `042`, `-1`, `4.0`, `4e1`).
    pub fn whole(&mut self) -> Option<u64> {
        self.0.space();
        let start = self.0.at;
        let digits = self.0.digits();
        let text = &self.0.text[start..self.0.at];
        let plain = digits > 0 && (digits == 1 || !text.starts_with('0'));
        match (plain, self.0.peek()) {
            (true, Some(b'.' | b'e' | b'E')) | (false, _) => None,
            (true, _) => text.parse().ok(),
        }
    }

    /// Whether only whitespace is left.
    pub fn at_end(&mut self) -> bool {
        self.0.space();
        self.0.at == self.0.bytes.len()
    }
}

/// The largest char boundary at or before `at` (errors may point inside a character).
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
