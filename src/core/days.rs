//! Days said relative to the person's today: "in 3 days", "2 days overdue". Counted in
//! calendar days, so the caller passes the person's local day (`Now::today`), never a UTC
//! one; the dates themselves are formatted by the browser shell in the person's locale.

use super::time::Date;

/// `n` days, with the noun agreeing.
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// When `date` is from `today`: "today", "tomorrow", "yesterday", "in 3 days", "5 days
/// ago".
pub fn relative(date: Date, today: Date) -> String {
    match today.days_until(date) {
        1 => "tomorrow".into(),
        n if n > 0 => format!("in {}", days(n)),
        n => ago(-n),
    }
}

/// `n` days before the person's today: "today", "yesterday", "5 days ago".
pub fn ago(n: i64) -> String {
    match n {
        0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{} ago", days(n)),
    }
}

/// How much later than `needed` a promise falls: "4 days later than needed"; `None` when it
/// is not later.
pub fn later_than_needed(promised: Date, needed: Date) -> Option<String> {
    let n = needed.days_until(promised);
    (n > 0).then(|| format!("{} later than needed", days(n)))
}

/// How much later than `needed` something came on `done`: "2 days late"; `None` when it
/// was not late.
pub fn late(done: Date, needed: Date) -> Option<String> {
    let n = needed.days_until(done);
    (n > 0).then(|| format!("{} late", days(n)))
}

/// How a due date stands on `today`: as `relative` until it has passed ("today", "in 3
/// days"), then "1 day overdue".
pub fn due(due: Date, today: Date) -> String {
    match today.days_until(due) {
        n if n < 0 => format!("{} overdue", days(-n)),
        _ => relative(due, today),
    }
}
