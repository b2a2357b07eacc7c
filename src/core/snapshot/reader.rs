//! Turns parsed JSON into a board, field by field, naming the path of anything wrong
//! (`board.initiatives[3].effort: expected a whole number from 0 to 100, found "lots"`).
//! Written by hand rather than derived: each field's rule is visible here, messages say
//! what was expected, and the wasm stays small. Unknown keys are ignored; a missing
//! optional key or `null` takes its default.

use super::ReadError;
use crate::core::json::{Map, Value};
use crate::core::model::*;
use crate::core::time::{Date, Timestamp};
use std::fmt;

/// Where a value sits in the snapshot; built on the stack and only printed on error.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    pub const ROOT: Path<'static> = Path {
        parent: None,
        step: Step::Root,
    };

    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Index(index),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}")?;
        }
        match self.step {
            Step::Root => Ok(()),
            Step::Key(key) if matches!(self.parent.map(|p| p.step), Some(Step::Root) | None) => {
                f.write_str(key)
            }
            Step::Key(key) => write!(f, ".{key}"),
            Step::Index(index) => write!(f, "[{index}]"),
        }
    }
}

type Read<T> = Result<T, ReadError>;

fn fail<T>(at: &Path, message: impl Into<String>) -> Read<T> {
    Err(ReadError::Malformed {
        path: at.to_string(),
        message: message.into(),
    })
}

/// A short description of a value that was not what was expected.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() > 40 => {
            format!("\"{}…\"", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// An item's fields: an object's members, or a table row's values under its columns.
#[derive(Clone, Copy)]
pub enum Record<'v> {
    Object(&'v Map),
    Row {
        columns: &'v [Value],
        values: &'v [Value],
    },
}

impl<'v> Record<'v> {
    fn get(self, key: &str) -> Option<&'v Value> {
        match self {
            Record::Object(map) => map.get(key),
            Record::Row { columns, values } => columns
                .iter()
                .position(|c| matches!(c, Value::String(name) if name == key))
                .and_then(|i| values.get(i)),
        }
    }
}

pub fn object<'v>(value: &'v Value, at: &Path) -> Read<Record<'v>> {
    match value {
        Value::Object(map) => Ok(Record::Object(map)),
        other => fail(at, format!("expected an object, found {}", found(other))),
    }
}

/// A key that must be present (and not null).
fn required<'v>(map: Record<'v>, key: &str, at: &Path) -> Read<&'v Value> {
    match map.get(key) {
        Some(Value::Null) | None => fail(&at.key(key), "missing; this key is required"),
        Some(value) => Ok(value),
    }
}

/// A key that may be absent or null.
fn optional<'v>(map: Record<'v>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

fn text(value: &Value, at: &Path) -> Read<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => fail(at, format!("expected text, found {}", found(other))),
    }
}

fn whole(value: &Value, at: &Path, max: u64) -> Read<u64> {
    match value.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(n) => fail(at, format!("{n} is more than {max}")),
        None => fail(
            at,
            format!(
                "expected a whole number from 0 to {max}, found {}",
                found(value)
            ),
        ),
    }
}

fn flag(value: &Value, at: &Path) -> Read<bool> {
    value.as_bool().map_or_else(
        || {
            fail(
                at,
                format!("expected true or false, found {}", found(value)),
            )
        },
        Ok,
    )
}

fn date(value: &Value, at: &Path) -> Read<Date> {
    match value {
        Value::String(s) => Date::parse(s).map_or_else(
            || fail(at, format!("\"{s}\" is not a date (YYYY-MM-DD)")),
            Ok,
        ),
        other => fail(
            at,
            format!("expected a date (YYYY-MM-DD), found {}", found(other)),
        ),
    }
}

pub fn timestamp(value: &Value, at: &Path) -> Read<Timestamp> {
    match value {
        Value::String(s) => Timestamp::parse(s).map_or_else(
            || {
                fail(
                    at,
                    format!("\"{s}\" is not an RFC 3339 timestamp (e.g. 2026-11-23T09:30:00Z)"),
                )
            },
            Ok,
        ),
        other => fail(at, format!("expected a timestamp, found {}", found(other))),
    }
}

/// One of an enum's values, by the snapshot spelling its `key` gives.
fn one_of<T: Copy>(value: &Value, at: &Path, options: &[T], key: fn(T) -> &'static str) -> Read<T> {
    if let Value::String(s) = value {
        if let Some(v) = options.iter().find(|option| key(**option) == s) {
            return Ok(*v);
        }
    }
    let names: Vec<&str> = options.iter().map(|option| key(*option)).collect();
    fail(
        at,
        format!(
            "expected one of {}, found {}",
            names.join(", "),
            found(value)
        ),
    )
}

// Field readers: the key's path is made only when something is wrong.

fn req<T>(map: Record, key: &str, at: &Path, read: impl Fn(&Value, &Path) -> Read<T>) -> Read<T> {
    read(required(map, key, at)?, &at.key(key))
}

fn opt<T>(
    map: Record,
    key: &str,
    at: &Path,
    read: impl Fn(&Value, &Path) -> Read<T>,
) -> Read<Option<T>> {
    optional(map, key)
        .map(|v| read(v, &at.key(key)))
        .transpose()
}

fn or<T>(
    map: Record,
    key: &str,
    at: &Path,
    default: T,
    read: impl Fn(&Value, &Path) -> Read<T>,
) -> Read<T> {
    Ok(opt(map, key, at, read)?.unwrap_or(default))
}

fn list<T>(
    map: Record,
    key: &str,
    at: &Path,
    read: impl Fn(&Value, &Path) -> Read<T>,
) -> Read<Vec<T>> {
    let Some(value) = optional(map, key) else {
        return Ok(Vec::new());
    };
    let here = at.key(key);
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &here.index(i)))
            .collect(),
        other => fail(&here, format!("expected a list, found {}", found(other))),
    }
}

/// A table's row as a record of its columns' values; as many values as columns.
pub fn row_record<'v>(columns: &'v [Value], row: &'v Value, at: &Path) -> Read<Record<'v>> {
    match row {
        Value::Array(values) if values.len() == columns.len() => {
            Ok(Record::Row { columns, values })
        }
        Value::Array(values) => fail(
            at,
            format!("{} values for {} columns", values.len(), columns.len()),
        ),
        other => fail(at, format!("expected a row, found {}", found(other))),
    }
}

/// A list of items: an array of objects, or a table (`{"columns":[…],"rows":[[…],…]}`,
/// the layout the store saves in), each row as long as the columns.
fn records<T>(
    map: Record,
    key: &str,
    at: &Path,
    read: impl Fn(Record, &Path) -> Read<T>,
) -> Read<Vec<T>> {
    let here = at.key(key);
    let list = items(map, key, &here)?;
    let rows_at = here.key("rows");
    let base = if list.columns.is_some() {
        &rows_at
    } else {
        &here
    };
    let mut out = Vec::with_capacity(list.items.len());
    for i in 0..list.items.len() {
        let at = base.index(i);
        out.push(read(list.record(i, &at)?, &at)?);
    }
    Ok(out)
}

/// A list's items, from an array of objects or a table's rows. Apart from `records`, so
/// that this part is in the bundle once rather than once per kind of item.
struct Items<'v> {
    columns: Option<&'v [Value]>,
    items: &'v [Value],
}

impl<'v> Items<'v> {
    fn record(&self, i: usize, at: &Path) -> Read<Record<'v>> {
        match self.columns {
            Some(columns) => row_record(columns, &self.items[i], at),
            None => object(&self.items[i], at),
        }
    }
}

fn items<'v>(map: Record<'v>, key: &str, here: &Path) -> Read<Items<'v>> {
    let none = Items {
        columns: None,
        items: &[],
    };
    let Some(value) = optional(map, key) else {
        return Ok(none);
    };
    if let Value::Object(table) = value {
        if let (Some(Value::Array(columns)), Some(Value::Array(rows))) =
            (table.get("columns"), table.get("rows"))
        {
            return Ok(Items {
                columns: Some(columns),
                items: rows,
            });
        }
    }
    match value {
        Value::Array(items) => Ok(Items {
            columns: None,
            items,
        }),
        other => fail(here, format!("expected a list, found {}", found(other))),
    }
}

fn number(max: u64) -> impl Fn(&Value, &Path) -> Read<u64> {
    move |v, at| whole(v, at, max)
}

fn status(v: &Value, at: &Path) -> Read<Status> {
    one_of(v, at, &Status::ALL, Status::key)
}

pub fn board(value: &Value, at: &Path) -> Read<Board> {
    let m = object(value, at)?;
    let period = match optional(m, "period") {
        None => Period::default(),
        Some(v) => {
            let here = at.key("period");
            let p = object(v, &here)?;
            Period {
                label: or(p, "label", &here, String::new(), text)?,
                start: opt(p, "start", &here, date)?,
                end: opt(p, "end", &here, date)?,
            }
        }
    };
    let rhythm = match optional(m, "rhythm") {
        None => Rhythm::default(),
        Some(v) => {
            let here = at.key("rhythm");
            let r = object(v, &here)?;
            let d = Rhythm::default();
            let days = number(u64::from(u16::MAX));
            Rhythm {
                check_in_days: or(r, "checkInDays", &here, d.check_in_days.into(), &days)? as u16,
                review_days: or(r, "reviewDays", &here, d.review_days.into(), &days)? as u16,
                planning_days: or(r, "planningDays", &here, d.planning_days.into(), &days)? as u16,
            }
        }
    };
    Ok(Board {
        id: req(m, "id", at, text)?,
        title: req(m, "title", at, text)?,
        purpose: or(m, "purpose", at, String::new(), text)?,
        period,
        rhythm,
        people: records(m, "people", at, person)?.into(),
        teams: records(m, "teams", at, team)?.into(),
        priorities: records(m, "priorities", at, priority)?.into(),
        initiatives: records(m, "initiatives", at, initiative)?.into(),
        check_ins: records(m, "checkIns", at, check_in)?.into(),
        dependencies: records(m, "dependencies", at, dependency)?.into(),
        decisions: records(m, "decisions", at, decision)?.into(),
        reviews: records(m, "reviews", at, review)?.into(),
    })
}

fn person(m: Record, at: &Path) -> Read<Person> {
    Ok(Person {
        id: req(m, "id", at, text)?,
        name: req(m, "name", at, text)?,
        team_id: opt(m, "teamId", at, text)?,
    })
}

fn team(m: Record, at: &Path) -> Read<Team> {
    Ok(Team {
        id: req(m, "id", at, text)?,
        name: req(m, "name", at, text)?,
        lead_id: opt(m, "leadId", at, text)?,
    })
}

fn priority(m: Record, at: &Path) -> Read<Priority> {
    Ok(Priority {
        id: req(m, "id", at, text)?,
        title: req(m, "title", at, text)?,
        description: or(m, "description", at, String::new(), text)?,
        rank: req(m, "rank", at, number(u64::from(u32::MAX)))? as u32,
        owner_id: opt(m, "ownerId", at, text)?,
        status: or(m, "status", at, PriorityStatus::Active, |v, at| {
            one_of(v, at, &PriorityStatus::ALL, PriorityStatus::key)
        })?,
        success_measure: or(m, "successMeasure", at, String::new(), text)?,
        created_at: req(m, "createdAt", at, timestamp)?,
    })
}

fn initiative(m: Record, at: &Path) -> Read<Initiative> {
    Ok(Initiative {
        id: req(m, "id", at, text)?,
        title: req(m, "title", at, text)?,
        description: or(m, "description", at, String::new(), text)?,
        team_id: req(m, "teamId", at, text)?,
        owner_id: opt(m, "ownerId", at, text)?,
        priority_ids: list(m, "priorityIds", at, text)?,
        effort: or(m, "effort", at, 0, number(100))? as u8,
        status: or(m, "status", at, Status::NotStarted, status)?,
        progress: or(m, "progress", at, 0, number(100))? as u8,
        confidence: opt(m, "confidence", at, number(10))?.map(|c| c as u8),
        due: opt(m, "due", at, date)?,
        created_at: req(m, "createdAt", at, timestamp)?,
        updated_at: req(m, "updatedAt", at, timestamp)?,
        risks: records(m, "risks", at, risk)?,
    })
}

fn risk(m: Record, at: &Path) -> Read<Risk> {
    Ok(Risk {
        id: req(m, "id", at, text)?,
        text: req(m, "text", at, text)?,
        severity: or(m, "severity", at, Severity::Medium, |v, at| {
            one_of(v, at, &Severity::ALL, Severity::key)
        })?,
        open: or(m, "open", at, true, flag)?,
    })
}

pub fn check_in(m: Record, at: &Path) -> Read<CheckIn> {
    Ok(CheckIn {
        id: req(m, "id", at, text)?,
        initiative_id: req(m, "initiativeId", at, text)?,
        at: req(m, "at", at, timestamp)?,
        status: req(m, "status", at, status)?,
        progress: or(m, "progress", at, 0, number(100))? as u8,
        confidence: opt(m, "confidence", at, number(10))?.map(|c| c as u8),
        note: or(m, "note", at, String::new(), text)?,
        author_id: opt(m, "authorId", at, text)?,
    })
}

fn dependency(m: Record, at: &Path) -> Read<Dependency> {
    Ok(Dependency {
        id: req(m, "id", at, text)?,
        from_initiative_id: req(m, "fromInitiativeId", at, text)?,
        to_team_id: req(m, "toTeamId", at, text)?,
        to_initiative_id: opt(m, "toInitiativeId", at, text)?,
        need: req(m, "need", at, text)?,
        due: opt(m, "due", at, date)?,
        state: or(m, "state", at, DependencyState::Requested, |v, at| {
            one_of(v, at, &DependencyState::ALL, DependencyState::key)
        })?,
        requested_at: req(m, "requestedAt", at, timestamp)?,
        answered_at: opt(m, "answeredAt", at, timestamp)?,
        answer_note: or(m, "answerNote", at, String::new(), text)?,
    })
}

fn decision(m: Record, at: &Path) -> Read<Decision> {
    Ok(Decision {
        id: req(m, "id", at, text)?,
        title: req(m, "title", at, text)?,
        rationale: or(m, "rationale", at, String::new(), text)?,
        kind: req(m, "kind", at, |v, at| {
            one_of(v, at, &DecisionKind::ALL, DecisionKind::key)
        })?,
        decided_at: req(m, "decidedAt", at, timestamp)?,
        owner_id: opt(m, "ownerId", at, text)?,
        priority_ids: list(m, "priorityIds", at, text)?,
        team_ids: list(m, "teamIds", at, text)?,
        revisit_on: opt(m, "revisitOn", at, date)?,
    })
}

fn review(m: Record, at: &Path) -> Read<Review> {
    Ok(Review {
        id: req(m, "id", at, text)?,
        at: req(m, "at", at, timestamp)?,
        kind: req(m, "kind", at, |v, at| {
            one_of(v, at, &ReviewKind::ALL, ReviewKind::key)
        })?,
        summary: or(m, "summary", at, String::new(), text)?,
        score: opt(m, "score", at, number(100))?.map(|s| s as u8),
    })
}
