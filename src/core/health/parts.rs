//! The parts of the alignment score about what the work serves (focus, coverage, rank
//! fit), one function each, with the formula it implements in its doc comment (and in
//! `docs/health.md`). The parts about how the work is delivered are in `delivery.rs`.

use super::*;

/// Focus = effort of active initiatives serving an active priority ÷ all active effort.
/// With no effort recorded at all, the share is counted by initiatives instead.
pub(super) fn focus(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::Focus;
    let active = facts.active(scope);
    if active.is_empty() {
        return not_applicable(kind, "No active initiatives.");
    }
    let total: u32 = active.iter().map(|i| u32::from(i.effort)).sum();
    let mut local: Vec<&Initiative> = active
        .iter()
        .copied()
        .filter(|i| facts.served(i).is_empty())
        .collect();
    local.sort_by_cached_key(|i| -i64::from(i.effort));
    let (ratio, summary) = if total == 0 {
        let aligned = active.len() - local.len();
        (
            aligned as f64 / active.len() as f64,
            format!(
                "No effort is recorded; {aligned} of {} {} an active priority.",
                plural(active.len(), "active initiative", "active initiatives"),
                verb(aligned, "serves", "serve")
            ),
        )
    } else {
        let local_effort: u32 = local.iter().map(|i| u32::from(i.effort)).sum();
        let ratio = f64::from(total - local_effort) / f64::from(total);
        (
            ratio,
            format!(
                "{} % of active effort serves an active priority; {} % is local work ({}).",
                percent(ratio),
                100 - percent(ratio),
                plural(local.len(), "initiative", "initiatives"),
            ),
        )
    };
    let findings = local
        .iter()
        .map(|initiative| {
            let inactive = initiative
                .priority_ids
                .iter()
                .filter_map(|id| facts.board.priority(id))
                .map(|p| format!("“{}”", p.title))
                .collect::<Vec<_>>();
            let reason = if inactive.is_empty() {
                format!("Local work, {} % effort", initiative.effort)
            } else {
                format!(
                    "Serves only finished priorities ({}), {} % effort",
                    inactive.join(", "),
                    initiative.effort
                )
            };
            Finding {
                subject: Subject::Initiative(initiative.id.clone()),
                reason,
            }
        })
        .collect();
    Part {
        kind,
        score: Some(percent(ratio)),
        summary,
        findings,
    }
}

/// Coverage = 1 − (rank weight of active priorities with no active initiative ÷ all rank
/// weight), where the priority at position k of n (k = 1 first) weighs n − k + 1.
/// Board-wide only: a team is not expected to serve every priority.
pub(super) fn coverage(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::Coverage;
    if let Scope::Team(_) = scope {
        return not_applicable(kind, "Measured for the whole board only.");
    }
    let count = facts.ranked.len();
    if count == 0 {
        return not_applicable(kind, "No active priorities.");
    }
    let active = facts.active(Scope::Board);
    let mut uncovered_weight = 0usize;
    let mut findings = Vec::new();
    for (position, priority) in facts.ranked.iter().enumerate() {
        let served = active.iter().any(|i| i.priority_ids.contains(&priority.id));
        if !served {
            uncovered_weight += count - position;
            findings.push(Finding {
                subject: Subject::Priority(priority.id.clone()),
                reason: format!("Rank {}: no active initiative serves it", position + 1),
            });
        }
    }
    let total_weight = count * (count + 1) / 2;
    let ratio = 1.0 - uncovered_weight as f64 / total_weight as f64;
    let covered = count - findings.len();
    Part {
        kind,
        score: Some(percent(ratio)),
        summary: format!(
            "{covered} of {} {} active work behind {}.",
            plural(count, "active priority", "active priorities"),
            verb(covered, "has", "have"),
            if covered == 1 { "it" } else { "them" }
        ),
        findings,
    }
}

/// Rank fit = (1 + ρ) ÷ 2, where ρ is Spearman's rank correlation between the declared
/// rank of the active priorities and the effort each receives (most effort = rank 1,
/// ties share their mean rank; ρ = 0 when all receive the same). Needs two or more active
/// priorities and some effort on them. Names each priority whose rank by effort (ties
/// sharing their mean rank) is half a place or more from its declared rank, the farthest
/// first, with its share of the effort on priorities beside the share `suggested_share`
/// gives its rank. Board-wide only.
pub(super) fn rank_fit(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::RankFit;
    if let Scope::Team(_) = scope {
        return not_applicable(kind, "Measured for the whole board only.");
    }
    let count = facts.ranked.len();
    if count < 2 {
        return not_applicable(kind, "Needs two or more active priorities.");
    }
    let allocation = allocation(facts);
    if allocation.priority_effort() <= 0.0 {
        return not_applicable(kind, "No effort is spent on the active priorities.");
    }
    let efforts = &allocation.column_effort[..count];
    let declared: Vec<f64> = (1..=count).map(|r| r as f64).collect();
    let by_effort = effort_ranks(efforts);
    let rho = pearson(&declared, &by_effort);
    let shares = allocation.priority_shares();
    let mut findings: Vec<(f64, Finding)> = Vec::new();
    for (position, priority) in facts.ranked.iter().enumerate() {
        let displacement = by_effort[position] - declared[position];
        if displacement.abs() < 0.5 {
            continue;
        }
        let (place_number, place) = effort_place(efforts, position);
        // A tie can put a priority half a place out while its place reads as its rank
        // ("joint 1st" at rank 1, sharing the effort it should lead with).
        let but = if place_number == position + 1 {
            ""
        } else {
            "but "
        };
        let suggested = suggested_share(position, count) * 100.0;
        let actual = shares[position] * 100.0;
        let more_or_less = if actual >= suggested { "more" } else { "less" };
        findings.push((
            displacement.abs(),
            Finding {
                subject: Subject::Priority(priority.id.clone()),
                reason: format!(
                    "Rank {}, {but}{place} by effort: {actual:.0} % of the effort on priorities, {more_or_less} than the {suggested:.0} % its rank suggests",
                    position + 1,
                ),
            },
        ));
    }
    findings.sort_by_cached_key(|f| -thousandths(f.0));
    let verdict = if rho >= 0.7 {
        "Effort follows the ranking"
    } else if rho >= 0.3 {
        "Effort loosely follows the ranking"
    } else if rho > -0.3 {
        "Effort is unrelated to the ranking"
    } else {
        "Effort runs against the ranking"
    };
    Part {
        kind,
        score: Some(percent((1.0 + rho) / 2.0)),
        summary: format!("{verdict} (rank correlation {}).", signed(rho)),
        findings: findings.into_iter().map(|(_, f)| f).collect(),
    }
}

/// A correlation with two decimals and a true minus sign.
fn signed(value: f64) -> String {
    let text = format!("{value:.2}");
    match text.strip_prefix('-') {
        Some(rest) if rest != "0.00" => format!("−{rest}"),
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// The place by effort (1 = most) and its words: "3rd", or "joint 2nd" when others
/// receive the same effort.
fn effort_place(efforts: &[f64], index: usize) -> (usize, String) {
    let value = thousandths(efforts[index]);
    let place = efforts.iter().filter(|e| thousandths(**e) > value).count() + 1;
    let tied = efforts.iter().filter(|e| thousandths(**e) == value).count() > 1;
    let suffix = match (place % 10, place % 100) {
        (1, n) if n != 11 => "st",
        (2, n) if n != 12 => "nd",
        (3, n) if n != 13 => "rd",
        _ => "th",
    };
    (
        place,
        format!("{}{place}{suffix}", if tied { "joint " } else { "" }),
    )
}

/// Ranks of `values` from the largest (rank 1) down; ties share the mean of their ranks.
/// Values equal to the thousandth are tied: effort split three ways and summed in a
/// different order (⅓ + 2 against 4⁄3 + 1) differs in the last bit, not in fact.
pub fn effort_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_cached_key(|&i| -thousandths(values[i]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len()
            && thousandths(values[order[end + 1]]) == thousandths(values[order[start]])
        {
            end += 1;
        }
        let mean = (start + end) as f64 / 2.0 + 1.0;
        for &index in &order[start..=end] {
            ranks[index] = mean;
        }
        start = end + 1;
    }
    ranks
}

/// Pearson's correlation of two equally long series; 0 when either does not vary.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mean_x = x.iter().sum::<f64>() / n;
    let mean_y = y.iter().sum::<f64>() / n;
    let (mut covariance, mut var_x, mut var_y) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        covariance += (a - mean_x) * (b - mean_y);
        var_x += (a - mean_x).powi(2);
        var_y += (b - mean_y).powi(2);
    }
    if var_x == 0.0 || var_y == 0.0 {
        0.0
    } else {
        (covariance / (var_x * var_y).sqrt()).clamp(-1.0, 1.0)
    }
}
