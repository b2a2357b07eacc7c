//! Writing a board: the snapshot of SNAPSHOT.md (every list an array of objects), and the
//! leaner layout the board is saved in, where each list is a table — its keys written
//! once as columns, then one row of values per item — and the check-in history is split
//! into parts the store keeps under keys of their own. One set of writers serves both:
//! an `Object` writes keys and values, or values only as a table's row.

use crate::core::hash;
use crate::core::json::{self, Object};
use crate::core::list::List;
use crate::core::model::*;
use crate::core::time::{Date, Timestamp};
use std::rc::Rc;

/// How lists are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `[{"id":"p-1","name":"Dana"}, …]`: the exchange format.
    Objects,
    /// `{"columns":["id","name"],"rows":[["p-1","Dana"], …]}`.
    Tables,
}

/// Check-ins per stored part. A new check-in rewrites only the last part; a part of this
/// many rows is about 60 KB.
pub const PART_ROWS: usize = 1000;

/// The board as the store keeps it: a head, and the check-in history in parts named by
/// their content (`parts[i].0`), which the head lists in order.
pub struct Stored {
    pub head: String,
    pub parts: Vec<(String, Rc<str>)>,
}

/// The parts written last time, with the check-in list they were written from: a part
/// whose check-ins are unchanged is neither written out nor hashed again (most saves change
/// none, and then the list is the very one written last time).
#[derive(Default)]
pub struct Parts {
    check_ins: List<CheckIn>,
    parts: Vec<(String, Rc<str>)>,
}

/// The snapshot without whitespace: the keys in the order SNAPSHOT.md lists them, every
/// optional value written (as `null` when absent).
pub fn write_compact(board: &Board, exported_at: Timestamp) -> String {
    let mut out = String::with_capacity(1024 + board.initiatives.len() * 400);
    let mut top = Object::new(&mut out);
    top.text("format", super::FORMAT);
    top.number("version", super::VERSION);
    timestamp(&mut top, "exportedAt", exported_at);
    write_board(top.key("board"), board, Layout::Objects, None);
    top.end();
    out
}

/// The board in the store's layout (`super::STORE_FORMAT`); `known` keeps the parts from
/// one save to the next.
pub fn write_stored(board: &Board, saved_at: Timestamp, known: &mut Parts) -> Stored {
    let same_list = board.check_ins.same(&known.check_ins);
    let before: Vec<&[CheckIn]> = known.check_ins.chunks(PART_ROWS).collect();
    let mut parts = Vec::with_capacity(board.check_ins.len().div_ceil(PART_ROWS));
    for (i, chunk) in board.check_ins.chunks(PART_ROWS).enumerate() {
        match known.parts.get(i) {
            Some(part) if same_list || before.get(i) == Some(&chunk) => parts.push(part.clone()),
            _ => {
                let mut text = String::with_capacity(chunk.len() * 80);
                rows(&mut text, chunk, check_in);
                parts.push((part_id(&text), Rc::<str>::from(text)));
            }
        }
    }
    known.check_ins = board.check_ins.clone();
    known.parts.clone_from(&parts);
    let mut head = String::with_capacity(1024 + board.initiatives.len() * 160);
    let mut top = Object::new(&mut head);
    top.text("format", super::STORE_FORMAT);
    top.number("version", super::STORE_VERSION);
    timestamp(&mut top, "savedAt", saved_at);
    write_board(top.key("board"), board, Layout::Tables, Some(&parts));
    top.end();
    Stored { head, parts }
}

/// A name for a part's text: its length and a 64-bit FNV-1a hash, in hex. The names are
/// how boards already saved find their parts: a new way of naming would make the next save
/// write the whole history again beside the old one, which a big board has no room for. Equal texts
/// get equal names, so a part that did not change is not written again.
fn part_id(text: &str) -> String {
    let mut id = String::with_capacity(28);
    push_hex(&mut id, text.len() as u64);
    id.push('-');
    push_hex(&mut id, hash::fnv1a(text.as_bytes()));
    id
}

fn push_hex(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 16];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b"0123456789abcdef"[(value & 0xf) as usize];
        value >>= 4;
        if value == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

type Write<T> = fn(&mut Object, &T);
/// Writes the item at an index: the generic writers below only wrap their item type in
/// one of these, so the list-writing code is in the bundle once.
type WriteAt<'a> = &'a dyn Fn(&mut Object, usize);

/// Writes `items` as a list in `layout`.
fn list<T>(out: &mut String, layout: Layout, items: &[T], write: Write<T>) {
    list_at(out, layout, items.len(), &|o, i| write(o, &items[i]));
}

fn list_at(out: &mut String, layout: Layout, len: usize, write: WriteAt) {
    match layout {
        Layout::Objects => {
            out.push('[');
            for i in 0..len {
                if i > 0 {
                    out.push(',');
                }
                let mut o = Object::new(out);
                write(&mut o, i);
                o.end();
            }
            out.push(']');
        }
        Layout::Tables => {
            out.push_str("{\"columns\":");
            columns(out, len, write);
            out.push_str(",\"rows\":");
            rows_at(out, len, write);
            out.push('}');
        }
    }
}

/// The keys `write` writes, as a JSON list (empty when there is no item to ask).
fn columns(out: &mut String, len: usize, write: WriteAt) {
    let mut keys = Vec::new();
    if len > 0 {
        let mut scratch = String::new();
        let mut row = Object::row_noting_keys(&mut scratch);
        write(&mut row, 0);
        keys = row.end();
    }
    ids(out, &keys);
}

/// `[[…],[…]]`: one row of values per item.
fn rows<T>(out: &mut String, items: &[T], write: Write<T>) {
    rows_at(out, items.len(), &|o, i| write(o, &items[i]));
}

fn rows_at(out: &mut String, len: usize, write: WriteAt) {
    out.push('[');
    for i in 0..len {
        if i > 0 {
            out.push(',');
        }
        let mut row = Object::row(out);
        write(&mut row, i);
        row.end();
    }
    out.push(']');
}

fn ids<S: AsRef<str>>(out: &mut String, ids: &[S]) {
    out.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json::string(out, id.as_ref());
    }
    out.push(']');
}

fn small(o: &mut Object, key: &'static str, value: Option<u8>) {
    match value {
        Some(v) => o.number(key, u64::from(v)),
        None => o.raw(key, "null"),
    }
}

fn timestamp(o: &mut Object, key: &'static str, value: Timestamp) {
    let out = o.key(key);
    out.push('"');
    value.push_to(out);
    out.push('"');
}

fn date(o: &mut Object, key: &'static str, value: Option<Date>) {
    let out = o.key(key);
    match value {
        Some(value) => {
            out.push('"');
            value.push_to(out);
            out.push('"');
        }
        None => out.push_str("null"),
    }
}

fn write_board(
    out: &mut String,
    board: &Board,
    layout: Layout,
    check_in_parts: Option<&[(String, Rc<str>)]>,
) {
    let mut b = Object::new(out);
    b.text("id", &board.id);
    b.text("title", &board.title);
    b.text("purpose", &board.purpose);
    let mut period = Object::new(b.key("period"));
    period.text("label", &board.period.label);
    date(&mut period, "start", board.period.start);
    date(&mut period, "end", board.period.end);
    period.end();
    let mut rhythm = Object::new(b.key("rhythm"));
    rhythm.number("checkInDays", u64::from(board.rhythm.check_in_days));
    rhythm.number("reviewDays", u64::from(board.rhythm.review_days));
    rhythm.number("planningDays", u64::from(board.rhythm.planning_days));
    rhythm.end();
    list(b.key("people"), layout, &board.people, person);
    list(b.key("teams"), layout, &board.teams, team);
    list(b.key("priorities"), layout, &board.priorities, priority);
    list(b.key("initiatives"), layout, &board.initiatives, initiative);
    match check_in_parts {
        None => list(b.key("checkIns"), layout, &board.check_ins, check_in),
        Some(parts) => {
            let out = b.key("checkIns");
            out.push_str("{\"columns\":");
            ids(out, &super::CHECK_IN_COLUMNS);
            out.push_str(",\"parts\":[");
            for (i, (id, _)) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json::string(out, id);
            }
            out.push_str("]}");
        }
    }
    list(
        b.key("dependencies"),
        layout,
        &board.dependencies,
        dependency,
    );
    list(b.key("decisions"), layout, &board.decisions, decision);
    list(b.key("reviews"), layout, &board.reviews, review);
    b.end();
}

fn person(o: &mut Object, p: &Person) {
    o.text("id", &p.id);
    o.text("name", &p.name);
    o.optional_text("teamId", p.team_id.as_deref());
}

fn team(o: &mut Object, t: &Team) {
    o.text("id", &t.id);
    o.text("name", &t.name);
    o.optional_text("leadId", t.lead_id.as_deref());
}

fn priority(o: &mut Object, p: &Priority) {
    o.text("id", &p.id);
    o.text("title", &p.title);
    o.text("description", &p.description);
    o.number("rank", u64::from(p.rank));
    o.optional_text("ownerId", p.owner_id.as_deref());
    o.text("status", p.status.key());
    o.text("successMeasure", &p.success_measure);
    timestamp(o, "createdAt", p.created_at);
}

fn initiative(o: &mut Object, i: &Initiative) {
    o.text("id", &i.id);
    o.text("title", &i.title);
    o.text("description", &i.description);
    o.text("teamId", &i.team_id);
    o.optional_text("ownerId", i.owner_id.as_deref());
    ids(o.key("priorityIds"), &i.priority_ids);
    o.number("effort", u64::from(i.effort));
    o.text("status", i.status.key());
    o.number("progress", u64::from(i.progress));
    small(o, "confidence", i.confidence);
    date(o, "due", i.due);
    timestamp(o, "createdAt", i.created_at);
    timestamp(o, "updatedAt", i.updated_at);
    // A card's few risks stay objects in either layout: a table per card would be longer.
    list(o.key("risks"), Layout::Objects, &i.risks, risk);
}

fn risk(o: &mut Object, r: &Risk) {
    o.text("id", &r.id);
    o.text("text", &r.text);
    o.text("severity", r.severity.key());
    o.raw("open", if r.open { "true" } else { "false" });
}

fn check_in(o: &mut Object, c: &CheckIn) {
    o.text("id", &c.id);
    o.text("initiativeId", &c.initiative_id);
    timestamp(o, "at", c.at);
    o.text("status", c.status.key());
    o.number("progress", u64::from(c.progress));
    small(o, "confidence", c.confidence);
    o.text("note", &c.note);
    o.optional_text("authorId", c.author_id.as_deref());
}

fn dependency(o: &mut Object, d: &Dependency) {
    o.text("id", &d.id);
    o.text("fromInitiativeId", &d.from_initiative_id);
    o.text("toTeamId", &d.to_team_id);
    o.optional_text("toInitiativeId", d.to_initiative_id.as_deref());
    o.text("need", &d.need);
    date(o, "due", d.due);
    o.text("state", d.state.key());
    timestamp(o, "requestedAt", d.requested_at);
    match d.answered_at {
        Some(at) => timestamp(o, "answeredAt", at),
        None => o.raw("answeredAt", "null"),
    }
    o.text("answerNote", &d.answer_note);
}

fn decision(o: &mut Object, d: &Decision) {
    o.text("id", &d.id);
    o.text("title", &d.title);
    o.text("rationale", &d.rationale);
    o.text("kind", d.kind.key());
    timestamp(o, "decidedAt", d.decided_at);
    o.optional_text("ownerId", d.owner_id.as_deref());
    ids(o.key("priorityIds"), &d.priority_ids);
    ids(o.key("teamIds"), &d.team_ids);
    date(o, "revisitOn", d.revisit_on);
}

fn review(o: &mut Object, r: &Review) {
    o.text("id", &r.id);
    timestamp(o, "at", r.at);
    o.text("kind", r.kind.key());
    o.text("summary", &r.summary);
    small(o, "score", r.score);
}
