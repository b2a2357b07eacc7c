//! Board text written into Markdown so that it shows as the same text and nothing else,
//! wherever the status page is pasted.

/// The most characters of one piece of board text the page shows; longer text ends in `…`.
/// A title of thousands of characters would make every table it is in unreadable, and the
/// page is a summary: the whole text stays on the board and in the CSV files.
pub const MARKDOWN_TEXT_LIMIT: usize = 1_000;

/// Whether the text after an `&` would make it an entity: letters, digits or `#`, then `;`.
fn entity_follows(rest: impl Iterator<Item = char>) -> bool {
    let mut any = false;
    for c in rest {
        match c {
            ';' => return any,
            c if c.is_ascii_alphanumeric() || c == '#' => any = true,
            _ => return false,
        }
    }
    false
}

/// Appends `text` so that Markdown shows it as the same text and nothing else, inside a
/// paragraph, a heading or a table cell:
/// - the characters CommonMark, GitHub (tables, strikethrough, maths) and MDX (Docusaurus)
///   give a meaning inside a line — `\` `` ` `` `*` `_` `[` `]` `|` `~` `#` `$` `{` `}` —
///   are escaped with a backslash, and `<`, `>` and an `&` that would begin an entity
///   written as entities, so no tag, link, table cell or entity can come from it;
/// - `-`, `+` or `=` at its start, and the `.` or `)` after a number there that a space
///   follows, are escaped too, so it cannot open a list or underline a heading even at the
///   start of a line;
/// - line breaks (and runs of spaces and tabs) become one space and the ends are trimmed,
///   so it cannot leave its line;
/// - control characters and the bidirectional embeddings, overrides and isolates
///   (U+202A–U+202E, U+2066–U+2069) are dropped, so it cannot reorder the text around it;
/// - past `MARKDOWN_TEXT_LIMIT` characters it is cut, with `…`.
pub fn escape_markdown(out: &mut String, text: &str) {
    let mut written = 0;
    let mut space = false;
    // Only digits so far: a `.` or `)` now would make an ordered list at a line's start.
    let mut digits_only = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if breaks_line(c) {
            space = written > 0;
            continue;
        }
        if hidden(c) {
            continue;
        }
        if written >= MARKDOWN_TEXT_LIMIT {
            out.push('…');
            return;
        }
        if space {
            out.push(' ');
            space = false;
            written += 1;
        }
        match c {
            // Only an `&` that would begin an entity (`&amp;`, `&#60;`) needs its own: "R&D"
            // and "SSO & audit log" stay as written, in the page's text as in its rendering.
            '&' if entity_follows(chars.clone()) => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if written == 0 => {
                out.push('\\');
                out.push(c);
            }
            // `1.` opens a list only before a space or the line's end; `99.95` stays as it is.
            '.' | ')'
                if digits_only
                    && written > 0
                    && chars.peek().is_none_or(|&n| breaks_line(n) || hidden(n)) =>
            {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        digits_only &= c.is_ascii_digit();
        written += 1;
    }
}

/// Line breaks, tabs and the other spaces that end a word in CommonMark's eyes.
fn breaks_line(c: char) -> bool {
    c.is_ascii_whitespace() || matches!(c, '\u{b}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Control characters, and the bidirectional embeddings, overrides and isolates.
fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_markdown(&mut out, text);
        out
    }

    #[test]
    fn plain_text_stays_as_it_is() {
        assert_eq!(escaped("Guided setup wizard"), "Guided setup wizard");
        assert_eq!(escaped("Tomás: 55 %, “done”?"), "Tomás: 55 %, “done”?");
        assert_eq!(escaped("a-b + c = d. (e)"), "a-b + c = d. (e)");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escaped("a | b"), "a \\| b");
        assert_eq!(
            escaped("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(escaped("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(
            escaped("~~gone~~ $x$ {y}"),
            "\\~\\~gone\\~\\~ \\$x\\$ \\{y\\}"
        );
        assert_eq!(escaped("back\\slash"), "back\\\\slash");
        assert_eq!(escaped("a\\|b"), "a\\\\\\|b");
        assert_eq!(
            escaped("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escaped("&amp; &#60;"), "&amp;amp; &amp;\\#60;");
        assert_eq!(escaped("SSO & audit log, R&D"), "SSO & audit log, R&D");
        assert_eq!(escaped("a &b; c &"), "a &amp;b; c &");
        assert_eq!(escaped("# Title #"), "\\# Title \\#");
    }

    #[test]
    fn a_start_that_would_open_a_block_is_escaped() {
        assert_eq!(escaped("- item"), "\\- item");
        assert_eq!(escaped("+ item"), "\\+ item");
        assert_eq!(escaped("==="), "\\===");
        assert_eq!(escaped("1. first"), "1\\. first");
        assert_eq!(escaped("2026) year"), "2026\\) year");
        assert_eq!(escaped("> quote"), "&gt; quote");
        assert_eq!(escaped("    code"), "code");
        assert_eq!(escaped("1.\u{202e} x"), "1\\. x");
        assert_eq!(escaped("99.95 % uptime"), "99.95 % uptime");
        assert_eq!(escaped("7)"), "7\\)");
        assert_eq!(escaped("v1. x"), "v1. x");
    }

    #[test]
    fn line_breaks_become_one_space_and_the_ends_are_trimmed() {
        assert_eq!(escaped("one\ntwo"), "one two");
        assert_eq!(escaped(" one \r\n\r\n # two \t"), "one \\# two");
        assert_eq!(escaped("a\u{2028}b\u{85}c\u{b}d"), "a b c d");
        assert_eq!(escaped("\n- item"), "\\- item");
    }

    #[test]
    fn controls_and_bidirectional_overrides_are_dropped() {
        assert_eq!(escaped("a\u{0}b\u{7}c\u{7f}d\u{9b}e"), "abcde");
        assert_eq!(
            escaped(
                "\u{202e}evil\u{202c} \u{2066}x\u{2069} \u{202a}\u{202b}\u{202d}\u{2067}\u{2068}y"
            ),
            "evil x y"
        );
        // Marks, which reorder nothing around them, stay for right-to-left text.
        assert_eq!(escaped("שלום\u{200f}"), "שלום\u{200f}");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let long = "x".repeat(10_000);
        let out = escaped(&long);
        assert_eq!(out.chars().count(), MARKDOWN_TEXT_LIMIT + 1);
        assert!(out.ends_with("x…"));
        assert_eq!(
            escaped(&"y".repeat(MARKDOWN_TEXT_LIMIT)).chars().count(),
            MARKDOWN_TEXT_LIMIT
        );
        let pipes = "|".repeat(10_000);
        assert_eq!(
            escaped(&pipes),
            format!("{}…", "\\|".repeat(MARKDOWN_TEXT_LIMIT))
        );
    }
}
