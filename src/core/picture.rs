//! The board as a picture: an SVG image of its columns, lanes and cards that carries the
//! board's snapshot inside, so a page that allows no scripts still shows the board (as an
//! image), and importing the image brings the board back.
//!
//! The snapshot is the compact snapshot text, escaped as XML text in a `<metadata>` element
//! with the id `alignment-board-snapshot`; `snapshot_in` takes it out again.

use super::layout::{Column, Filter, Layout};
use super::model::{Board, Status};
use super::snapshot::write_compact;
use super::time::Now;

const MARK: &str = "<metadata id=\"alignment-board-snapshot\">";
const LANE: u32 = 170;
const COLUMN: u32 = 210;
const GAP: u32 = 8;
const CARD: u32 = 72;
const TOP: u32 = 96;
const HEAD: u32 = 52;
/// Cards drawn in one cell at most; the rest are counted ("+ 3 more").
const CARDS_PER_CELL: usize = 6;

fn colour(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "#5f6b7a",
        Status::OnTrack => "#237032",
        Status::AtRisk => "#d9820b",
        Status::OffTrack => "#c92a2a",
        Status::Done => "#3b5bdb",
        Status::Dropped => "#6b7280",
    }
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in XML and HTML text and
/// in attribute values. The board's HTML lists (`ui::markup`) use it too.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Text shown in the picture, escaped: the characters XML does not allow at all (control
/// characters other than tab, newline and return, and U+FFFE, U+FFFF) become U+FFFD, so a
/// picture always opens as an image. (The HTML lists keep theirs: some carry ids joined by
/// a control character.)
fn escape_shown(out: &mut String, text: &str) {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
    };
    if text.chars().all(allowed) {
        return escape(out, text);
    }
    let clean: String = text
        .chars()
        .map(|c| if allowed(c) { c } else { '\u{fffd}' })
        .collect();
    escape(out, &clean);
}

/// The snapshot's JSON as the text of the picture's `<metadata>`: only `&`, `<` and `>`
/// escaped (quotes, which JSON is full of, need not be, and would nearly double a big
/// board's picture), and U+FFFE and U+FFFF, which XML refuses and JSON can only hold inside
/// strings, written as JSON escapes: the same JSON, and valid XML.
fn escape_json(out: &mut String, json: &str) {
    for c in json.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{fffe}' => out.push_str("\\ufffe"),
            '\u{ffff}' => out.push_str("\\uffff"),
            c => out.push(c),
        }
    }
}

/// How wide a character draws, in ems, in a common sans-serif (measured on DejaVu Sans, one of
/// the widest, so that text fits wherever the picture is opened): narrow letters and
/// punctuation, wide ones, capitals and digits, and CJK at a full em.
fn em(c: char) -> f32 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '·' => 0.32,
        'f' | 'r' | 't' | '(' | ')' | '[' | ']' | ' ' | '-' | '/' => 0.42,
        'm' | 'w' => 0.95,
        'M' | 'W' | '…' | '%' | '@' => 1.0,
        'a'..='z' => 0.62,
        '0'..='9' => 0.64,
        'A'..='Z' | '#' | '&' | '?' => 0.74,
        c if u32::from(c) >= 0x2e80 => 1.0,
        _ => 0.7,
    }
}

/// The size of a line of text: its font size in pixels and whether it is bold.
#[derive(Clone, Copy)]
struct Font {
    size: f32,
    bold: bool,
}

impl Font {
    fn width(self, c: char) -> f32 {
        em(c) * self.size * if self.bold { 1.1 } else { 1.0 }
    }
}

/// `text` as it fits in `room` pixels in `font`, cut with an ellipsis when it does not
/// (SVG text does not wrap), at a word's end when one is near.
fn fit(text: &str, room: u32, font: Font) -> String {
    let text = text.trim();
    let room = room as f32;
    if text.chars().map(|c| font.width(c)).sum::<f32>() <= room {
        return text.to_string();
    }
    let room = room - font.width('…');
    let mut used = 0.0;
    let mut cut: String = text
        .chars()
        .take_while(|&c| {
            used += font.width(c);
            used <= room
        })
        .collect();
    if let Some(space) = cut
        .bytes()
        .rposition(|b| b == b' ')
        .filter(|&at| at >= cut.len() * 2 / 3)
    {
        cut.truncate(space);
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// `text` in at most `most` lines of `room` pixels in `font`, broken between words (inside
/// a word only when it alone is wider than a line); the last line is cut with an ellipsis
/// when what is left does not fit.
fn wrap(text: &str, room: u32, font: Font, most: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if lines.len() + 1 >= most {
            lines.push(fit(rest, room, font));
            break;
        }
        let mut used = 0.0;
        let mut space = None;
        let mut overflow = None;
        for (at, c) in rest.char_indices() {
            used += font.width(c);
            if used > room as f32 {
                overflow = Some(if c == ' ' { at } else { space.unwrap_or(at) });
                break;
            }
            if c == ' ' {
                space = Some(at);
            }
        }
        let Some(at) = overflow else {
            lines.push(rest.to_string());
            break;
        };
        // At least one character per line, whatever its width.
        let at = at.max(rest.chars().next().map_or(1, char::len_utf8));
        lines.push(rest[..at].trim_end().to_string());
        rest = rest[at..].trim_start();
    }
    lines
}

/// Appends a whole number.
fn number(out: &mut String, value: impl std::fmt::Display) {
    use std::fmt::Write;
    let _ = write!(out, "{value}");
}

/// Appends ` name="value"` for each pair.
fn attributes(out: &mut String, pairs: &[(&str, u32)]) {
    for (name, value) in pairs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        number(out, *value);
        out.push('"');
    }
}

/// A rectangle: position and size, then `rest` (fill, stroke, rounding) as written.
fn rect(out: &mut String, x: u32, y: u32, width: u32, height: u32, rest: &str) {
    out.push_str("<rect");
    attributes(
        out,
        &[("x", x), ("y", y), ("width", width), ("height", height)],
    );
    out.push(' ');
    out.push_str(rest);
    out.push_str("/>");
}

/// A `<text>` element at (`x`, `y`) with attributes `style` and escaped content.
fn text(out: &mut String, x: u32, y: u32, style: &str, content: &str) {
    out.push_str("<text");
    attributes(out, &[("x", x), ("y", y)]);
    out.push(' ');
    out.push_str(style);
    out.push('>');
    escape_shown(out, content);
    out.push_str("</text>");
}

const STRONG: &str = "font-weight=\"700\" font-size=\"13\" fill=\"#1b1f24\"";
/// `STRONG`'s size, and the picture's own text.
const BOLD: Font = Font {
    size: 13.0,
    bold: true,
};
const PLAIN: Font = Font {
    size: 12.0,
    bold: false,
};
/// A card's title.
const CARD_TITLE: Font = Font {
    size: 12.0,
    bold: true,
};
const BOX: &str = "rx=\"6\" fill=\"#fff\" stroke=\"#d0d5dd\"";

/// The picture of `board` as exported `now` (dated on the person's day): every team's lane across the priority
/// columns, as the board shows them unfiltered, and the snapshot inside.
pub fn svg(board: &Board, now: Now) -> String {
    let layout = Layout::compute(board, &Filter::default());
    let rows: Vec<u32> = layout
        .cells
        .iter()
        .map(|lane| {
            let most = lane.iter().map(Vec::len).max().unwrap_or(0);
            let drawn = most.min(CARDS_PER_CELL) as u32;
            let more = u32::from(most > CARDS_PER_CELL) * 20;
            (drawn * (CARD + GAP) + more + GAP).max(CARD + 2 * GAP)
        })
        .collect();
    let width = LANE + GAP + layout.columns.len() as u32 * (COLUMN + GAP) + GAP;
    let height = TOP + HEAD + GAP + rows.iter().map(|r| r + GAP).sum::<u32>() + GAP;
    let mut out = String::with_capacity(4096 + board.initiatives.len() * 400);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    attributes(&mut out, &[("width", width), ("height", height)]);
    out.push_str(" role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>");
    escape_shown(&mut out, &board.title);
    out.push_str(" — alignment board</title>");
    out.push_str(MARK);
    escape_json(&mut out, &write_compact(board, now.at()));
    out.push_str("</metadata>");
    rect(&mut out, 0, 0, width, height, "fill=\"#f4f5f7\"");
    text(
        &mut out,
        16,
        34,
        "font-size=\"22\" font-weight=\"700\" fill=\"#1b1f24\"",
        &fit(
            &board.title,
            width - 32,
            Font {
                size: 22.0,
                bold: true,
            },
        ),
    );
    let mut about = String::new();
    if !board.period.label.is_empty() {
        about.push_str(&board.period.label);
        about.push_str(" · ");
    }
    // Drawn as the board shows it: an earlier period's finished work is left out, and said.
    let earlier = board.earlier_count();
    number(&mut about, board.initiatives.len() - earlier);
    about.push_str(" initiatives · ");
    if earlier > 0 {
        number(&mut about, earlier);
        about.push_str(" from earlier periods not drawn · ");
    }
    number(&mut about, board.teams.len());
    about.push_str(" teams · exported ");
    about.push_str(&now.today().to_string());
    text(&mut out, 16, 58, "fill=\"#5f6b7a\"", &about);
    text(
        &mut out,
        16,
        78,
        "fill=\"#1b1f24\"",
        &fit(&board.purpose, width - 32, PLAIN),
    );

    // Column heads: rank and title.
    for (i, column) in layout.columns.iter().enumerate() {
        let x = LANE + GAP + i as u32 * (COLUMN + GAP);
        let title = match column {
            Column::Priority(id) => board.priority(id).map_or(String::new(), |p| {
                let mut title = String::new();
                if p.is_active() {
                    title.push('#');
                    number(&mut title, p.rank);
                } else {
                    title.push_str(p.status.mark());
                }
                title.push(' ');
                title.push_str(&p.title);
                title
            }),
            Column::Local => "Local work".into(),
        };
        rect(&mut out, x, TOP, COLUMN, HEAD, BOX);
        rect(&mut out, x, TOP, COLUMN, 3, "fill=\"#3b5bdb\"");
        for (n, line) in wrap(&title, COLUMN - 20, BOLD, 2).iter().enumerate() {
            text(&mut out, x + 10, TOP + 23 + 16 * n as u32, STRONG, line);
        }
    }

    // Lanes: the team's name, then its cards in each column.
    let mut y = TOP + HEAD + GAP;
    for ((team, cells), &row) in layout.lanes.iter().zip(&layout.cells).zip(&rows) {
        let name = board.team(team).map_or("", |t| t.name.as_str());
        rect(&mut out, GAP, y, LANE - GAP, row, BOX);
        text(
            &mut out,
            GAP + 10,
            y + 22,
            STRONG,
            &fit(name, LANE - GAP - 20, BOLD),
        );
        for (i, cell) in cells.iter().enumerate() {
            let x = LANE + GAP + i as u32 * (COLUMN + GAP);
            rect(&mut out, x, y, COLUMN, row, "rx=\"6\" fill=\"#e9ecf1\"");
            let mut card_y = y + GAP;
            for &index in cell.iter().take(CARDS_PER_CELL) {
                let initiative = &board.initiatives[index];
                let (cx, cw) = (x + GAP, COLUMN - 2 * GAP);
                let fill = ["fill=\"", colour(initiative.status), "\""].concat();
                // The whole title as the card's tooltip where the picture is viewed.
                out.push_str("<g><title>");
                escape_shown(&mut out, &initiative.title);
                out.push_str("</title>");
                rect(&mut out, cx, card_y, cw, CARD, BOX);
                rect(&mut out, cx, card_y, 4, CARD, &fill);
                let title = wrap(&initiative.title, cw - 22, CARD_TITLE, 2);
                for (n, line) in title.iter().enumerate() {
                    text(
                        &mut out,
                        cx + 12,
                        card_y + 19 + 15 * n as u32,
                        "font-weight=\"650\" fill=\"#1b1f24\"",
                        line,
                    );
                }
                let mut line = initiative.status.label().to_string();
                if let Some(owner) = initiative
                    .owner_id
                    .as_deref()
                    .and_then(|id| board.person(id))
                {
                    line.push_str(" · ");
                    line.push_str(&owner.name);
                }
                text(
                    &mut out,
                    cx + 12,
                    card_y + 51,
                    &fill,
                    &fit(&line, cw - 22, PLAIN),
                );
                let bar = (cw - 24) * u32::from(initiative.progress.min(100)) / 100;
                rect(
                    &mut out,
                    cx + 12,
                    card_y + 60,
                    cw - 24,
                    4,
                    "rx=\"2\" fill=\"#e9ecf1\"",
                );
                rect(
                    &mut out,
                    cx + 12,
                    card_y + 60,
                    bar,
                    4,
                    "rx=\"2\" fill=\"#3b5bdb\"",
                );
                out.push_str("</g>");
                card_y += CARD + GAP;
            }
            if let Some(more) = cell.len().checked_sub(CARDS_PER_CELL).filter(|&n| n > 0) {
                let mut line = String::from("+ ");
                number(&mut line, more);
                line.push_str(" more");
                text(
                    &mut out,
                    x + GAP + 4,
                    card_y + 12,
                    "fill=\"#5f6b7a\"",
                    &line,
                );
            }
        }
        y += row + GAP;
    }
    out.push_str("</svg>\n");
    out
}

/// Where `needle` first occurs in `haystack`, by bytes (a plain scan: the library's
/// substring search costs the bundle more than pictures need).
fn find(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// The snapshot text a picture from `svg` carries, if `text` is such a picture.
pub fn snapshot_in(text: &str) -> Option<String> {
    let start = find(text, MARK)? + MARK.len();
    let end = start + find(&text[start..], "</metadata>")?;
    let mut out = String::with_capacity(end - start);
    let mut rest = &text[start..end];
    while let Some(at) = rest.bytes().position(|b| b == b'&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (entity, c) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .into_iter()
        .find(|(entity, _)| rest.starts_with(entity))?;
        out.push(c);
        rest = &rest[entity.len()..];
    }
    out.push_str(rest);
    Some(out)
}

/// Whether `text` is markup (an SVG image, or any XML) rather than a snapshot's JSON,
/// which opens with `{`.
pub fn is_svg(text: &str) -> bool {
    text.trim_start().starts_with('<')
}
