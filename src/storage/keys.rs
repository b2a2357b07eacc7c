//! The names a board's texts are kept under. A page names its board with a storage key;
//! everything the board keeps for that key sits under one prefix of its own, so it never
//! touches the origin's other data, and one board's names never reach another's.

use std::fmt;

/// What every name the board stores begins with.
pub const PREFIX: &str = "alignment-board:";

/// The longest storage key a page may give.
pub const MAX_KEY_CHARS: usize = 64;

/// A board's storage key, as the page gave it: letters, digits, `-` and `_`, 1 to 64
/// characters. Because no key holds `:`, the names derived from one key (`…:part:…`,
/// `…:revision`) can never be another key's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BoardKey(String);

/// Why a storage key was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyError(String);

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeyError {}

/// A character a key cannot hold, as a message names it: one that cannot be seen by name.
fn named_char(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\t' => "a tab".into(),
        '\n' | '\r' => "a line break".into(),
        _ => crate::core::snapshot::quoted(&c.to_string()),
    }
}

impl BoardKey {
    /// Checks `key` against the grammar.
    pub fn new(key: &str) -> Result<BoardKey, KeyError> {
        let shown = crate::core::snapshot::quoted(key);
        if key.is_empty() {
            return Err(KeyError("the storage key is empty".into()));
        }
        if key.chars().count() > MAX_KEY_CHARS {
            return Err(KeyError(format!(
                "the storage key {shown} is longer than {MAX_KEY_CHARS} characters"
            )));
        }
        let mut others: Vec<char> = Vec::new();
        for c in key.chars() {
            if !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || others.contains(&c)) {
                others.push(c);
            }
        }
        if !others.is_empty() {
            let named: Vec<String> = others.iter().map(|&c| named_char(c)).collect();
            let named = match named.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            return Err(KeyError(format!(
                "the storage key {shown} holds {named}: a key is letters, digits, - and _ only"
            )));
        }
        Ok(BoardKey(key.to_string()))
    }

    /// The key as the page gave it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the board's head is kept.
    pub fn head(&self) -> String {
        format!("{PREFIX}{}", self.0)
    }

    /// Where the board's revision is kept.
    pub fn revision(&self) -> String {
        format!("{PREFIX}{}:revision", self.0)
    }

    /// What the names of the board's history parts begin with.
    pub fn parts(&self) -> String {
        format!("{PREFIX}{}:part:", self.0)
    }

    /// Where one part of the board's check-in history is kept.
    pub fn part(&self, name: &str) -> String {
        format!("{}{name}", self.parts())
    }

    /// Where a board saved by an older version is kept as it was saved.
    pub fn original(&self, version: u64) -> String {
        format!("{PREFIX}{}:version-{version}", self.0)
    }

    /// What the names of the board's damaged copies begin with.
    pub fn set_asides(&self) -> String {
        format!("{PREFIX}{}:unreadable-", self.0)
    }

    /// Where a damaged text is set aside: when it was, and a hash of the text, so the
    /// same text is set aside once.
    pub fn set_aside(&self, unix_seconds: i64, hash: u64) -> String {
        format!("{}{unix_seconds}-{hash:016x}", self.set_asides())
    }

    /// Where this browser keeps how the person likes the board shown (compact cards).
    pub fn display(&self) -> String {
        format!("{PREFIX}{}:display", self.0)
    }

    /// Where this browser keeps the board's last screen, shown while the next opening
    /// starts (`ui::screen`).
    pub fn screen(&self) -> String {
        format!("{PREFIX}{}:screen", self.0)
    }

    /// Whether `name` is where some board keeps its last screen (`screen`): no key holds
    /// `:`, so a board whose key is `screen` is not one.
    pub fn is_screen(name: &str) -> bool {
        (name.strip_prefix(PREFIX))
            .and_then(|rest| rest.strip_suffix(":screen"))
            .is_some_and(|key| !key.is_empty() && !key.contains(':'))
    }

    /// Where one part of a set-aside copy is kept.
    pub fn set_aside_part(copy: &str, name: &str) -> String {
        format!("{copy}:part:{name}")
    }
}

impl fmt::Display for BoardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The names boards were kept under before the prefix (the key itself, `K.part.…`,
/// `K.revision`, `K.version-…`, `K.unreadable-…`), and where each goes now. `None` for a
/// name that is not one of the board's.
pub(super) fn moved_name(key: &BoardKey, old: &str, hash_of: impl Fn() -> u64) -> Option<String> {
    let k = key.as_str();
    if old == k {
        return Some(key.head());
    }
    let rest = old.strip_prefix(k)?.strip_prefix('.')?;
    if rest == "revision" {
        return Some(key.revision());
    }
    if let Some(name) = rest.strip_prefix("part.") {
        return Some(key.part(name));
    }
    if let Some(version) = rest.strip_prefix("version-") {
        return version.parse().ok().map(|version| key.original(version));
    }
    let copy = rest.strip_prefix("unreadable-")?;
    let (seconds, part) = match copy.split_once(".part.") {
        Some((seconds, part)) => (seconds, Some(part)),
        None => (copy, None),
    };
    let seconds: i64 = seconds.parse().ok()?;
    let new = key.set_aside(seconds, hash_of());
    Some(match part {
        Some(part) => BoardKey::set_aside_part(&new, part),
        None => new,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_grammar() {
        for good in ["alignment-board", "a", "Team_A-2", &"x".repeat(64)] {
            assert!(BoardKey::new(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "a b",
            "k.part.x",
            "k:revision",
            "ü",
            "a/b",
            &"x".repeat(65),
        ] {
            let error = BoardKey::new(bad).unwrap_err().to_string();
            assert!(error.contains("storage key"), "{bad}: {error}");
            assert!(error.len() < 200, "{error}");
        }
    }

    #[test]
    fn a_key_refused_names_every_character_it_cannot_hold() {
        let error = |key: &str| BoardKey::new(key).unwrap_err().to_string();
        assert_eq!(
            error("my board!"),
            "the storage key \"my board!\" holds a space and \"!\": a key is letters, digits, - and _ only"
        );
        assert_eq!(
            error("team.part.x"),
            "the storage key \"team.part.x\" holds \".\": a key is letters, digits, - and _ only"
        );
        assert!(error("a/b:c\td").contains("holds \"/\", \":\" and a tab:"));
    }

    #[test]
    fn names_derived_from_a_key_are_no_other_keys() {
        let key = BoardKey::new("k").unwrap();
        for name in [
            key.revision(),
            key.part("x"),
            key.original(0),
            key.set_aside(1, 2),
            key.display(),
            key.screen(),
        ] {
            assert_eq!(BoardKey::is_screen(&name), name == key.screen(), "{name}");
            assert!(name.starts_with("alignment-board:k:"), "{name}");
        }
        assert_eq!(key.head(), "alignment-board:k");
        // A board whose key is "screen" keeps its board, not a screen, there.
        let named = BoardKey::new("screen").unwrap();
        assert!(!BoardKey::is_screen(&named.head()));
        assert!(BoardKey::is_screen(&named.screen()));
    }

    #[test]
    fn old_names_move_under_the_prefix() {
        let key = BoardKey::new("k").unwrap();
        let moved = |old: &str| moved_name(&key, old, || 0xab);
        assert_eq!(moved("k").as_deref(), Some("alignment-board:k"));
        assert_eq!(
            moved("k.revision").as_deref(),
            Some("alignment-board:k:revision")
        );
        assert_eq!(
            moved("k.part.1f-ab").as_deref(),
            Some("alignment-board:k:part:1f-ab")
        );
        assert_eq!(
            moved("k.version-0").as_deref(),
            Some("alignment-board:k:version-0")
        );
        assert_eq!(
            moved("k.unreadable-17").as_deref(),
            Some("alignment-board:k:unreadable-17-00000000000000ab")
        );
        assert_eq!(
            moved("k.unreadable-17.part.1f-ab").as_deref(),
            Some("alignment-board:k:unreadable-17-00000000000000ab:part:1f-ab")
        );
        for other in ["kk", "k2.revision", "k.other", "k.version-x", "other"] {
            assert_eq!(moved(other), None, "{other}");
        }
    }
}
