//! Small SVG charts drawn by the board itself (plain functions, not components: each
//! component costs kilobytes of WebAssembly): the score's trend and priority rank against
//! effort. Each chart is an image with a text alternative, and its figures are also given
//! as a table that screen readers can walk.

use yew::prelude::*;

/// One point of the score's trend.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// Days since 1970-01-01, the x position.
    pub day: i64,
    /// "Oct 28" (with its year when not the person's), or "Now".
    pub label: String,
    /// The same on the axis, where a year would not fit: "Oct 28".
    pub axis: String,
    /// What the point was (a review, a team's check-in round, a planning session, today).
    pub kind: String,
    pub score: u8,
}

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 26.0;

/// The alignment score over past reviews and now, as a line on a 0–100 scale. Reviews
/// record the whole board's score only: shown beside one team's figures (`beside_team`),
/// the chart says whose score it is.
pub fn trend_chart(points: &[TrendPoint], beside_team: bool) -> Html {
    if points.len() < 2 {
        return html! {
            <p class="ab-chart__empty">
                { "The trend appears once a review has recorded a score. Reviews are kept in the board's history." }
            </p>
        };
    }
    let first = points[0].day;
    let last = points[points.len() - 1].day;
    // Points by their day; all of one day (a first review recorded today, and now) one after
    // the other, so neither the dots nor their labels fall on each other.
    let xs: Vec<f64> = if last > first {
        let span = (last - first) as f64;
        points
            .iter()
            .map(|p| LEFT + (p.day - first) as f64 / span * (WIDTH - LEFT - RIGHT))
            .collect()
    } else {
        let steps = (points.len() - 1) as f64;
        (0..points.len())
            .map(|i| LEFT + i as f64 / steps * (WIDTH - LEFT - RIGHT))
            .collect()
    };
    let y = |score: u8| TOP + (1.0 - f64::from(score) / 100.0) * (HEIGHT - TOP - BOTTOM);
    let line = points
        .iter()
        .zip(&xs)
        .map(|(p, x)| format!("{x:.1},{:.1}", y(p.score)))
        .collect::<Vec<_>>()
        .join(" ");
    let description = points
        .iter()
        .map(|p| format!("{} {}", p.label, p.score))
        .collect::<Vec<_>>()
        .join(", ");
    let grid = [0u8, 50, 100].map(|score| {
        html! {
            <g class="ab-chart__grid">
                <line x1={format!("{LEFT:.0}")} x2={format!("{:.0}", WIDTH - RIGHT)}
                      y1={format!("{:.1}", y(score))} y2={format!("{:.1}", y(score))} />
                <text x={format!("{:.0}", LEFT - 6.0)} y={format!("{:.1}", y(score) + 4.0)} text-anchor="end">{ score }</text>
            </g>
        }
    });
    // Label the first and last points always, the others only where there is room.
    let mut last_label_x = f64::NEG_INFINITY;
    let labels = points.iter().enumerate().filter_map(|(index, p)| {
        let at = xs[index];
        let is_last = index + 1 == points.len();
        let room = at - last_label_x >= 52.0 && (is_last || xs[xs.len() - 1] - at >= 52.0);
        (index == 0 || is_last || room).then(|| {
            last_label_x = at;
            let anchor = if index == 0 {
                "start"
            } else if is_last {
                "end"
            } else {
                "middle"
            };
            html! {
                <text class="ab-chart__axis" x={format!("{at:.1}")} y={format!("{:.0}", HEIGHT - 8.0)}
                      text-anchor={anchor}>{ &p.axis }</text>
            }
        })
    });
    let dots = points.iter().enumerate().map(|(index, p)| {
        let now = index + 1 == points.len();
        html! {
            <circle class={classes!("ab-chart__dot", now.then_some("ab-chart__dot--now"))}
                    cx={format!("{:.1}", xs[index])} cy={format!("{:.1}", y(p.score))} r={if now { "5" } else { "3.5" }}>
                <title>{ format!("{} ({}): {}", p.label, p.kind, p.score) }</title>
            </circle>
        }
    });
    html! {
        <figure class="ab-chart ab-chart--trend">
            <svg viewBox="0 0 360 150" role="img"
                 aria-label={format!("{} over time: {description}", if beside_team { "The whole board's alignment score" } else { "Alignment score" })}>
                { for grid }
                <polyline class="ab-chart__line" points={line} />
                { for dots }
                { for labels }
            </svg>
            // The axis has no room for years: the caption says where the line starts, with
            // its year when it is not the person's.
            <figcaption>{ if beside_team {
                format!("The whole board's score at each review since {}, and now: reviews record the board's score, not a team's", points[0].label)
            } else {
                format!("Score at each review since {}, and now", points[0].label)
            } }</figcaption>
            <table class="ab-visually-hidden">
                <caption>{ "Alignment score over time" }</caption>
                <thead><tr><th scope="col">{ "When" }</th><th scope="col">{ "What" }</th><th scope="col">{ "Score" }</th></tr></thead>
                <tbody>
                    { for points.iter().map(|p| html! {
                        <tr><th scope="row">{ &p.label }</th><td>{ &p.kind }</td><td>{ p.score }</td></tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

/// One active priority in the rank-against-effort chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RankBar {
    pub rank: usize,
    pub title: String,
    /// Share of the effort on priorities it receives, 0–100.
    pub actual: f64,
    /// Share its rank suggests, 0–100.
    pub suggested: f64,
}

/// Declared rank (left to right) against the share of effort each priority gets (bars),
/// with the share its rank suggests marked on each bar.
pub fn rank_chart(bars: &[RankBar]) -> Html {
    if bars.is_empty() {
        return html! { <p class="ab-chart__empty">{ "No active priorities to compare." }</p> };
    }
    let (width, height) = (420.0_f64, 190.0_f64);
    let (left, right, top, bottom) = (34.0, 8.0, 18.0, 30.0);
    let top_value = bars
        .iter()
        .map(|b| b.actual.max(b.suggested))
        .fold(10.0_f64, f64::max);
    let scale_max = (top_value / 10.0).ceil() * 10.0;
    let y = |value: f64| top + (1.0 - value / scale_max) * (height - top - bottom);
    let slot = (width - left - right) / bars.len() as f64;
    let bar_width = (slot * 0.56).min(46.0);
    let grid = [0.0, scale_max / 2.0, scale_max].map(|value| {
        html! {
            <g class="ab-chart__grid">
                <line x1={format!("{left:.0}")} x2={format!("{:.0}", width - right)}
                      y1={format!("{:.1}", y(value))} y2={format!("{:.1}", y(value))} />
                <text x={format!("{:.0}", left - 6.0)} y={format!("{:.1}", y(value) + 4.0)} text-anchor="end">
                    { format!("{value:.0} %") }
                </text>
            </g>
        }
    });
    let columns = bars.iter().enumerate().map(|(index, bar)| {
        let center = left + slot * (index as f64 + 0.5);
        let label = format!(
            "Rank {} {}: {:.0} % of the effort on priorities; its rank suggests {:.0} %",
            bar.rank,
            bar.title,
            bar.actual,
            bar.suggested
        );
        // The value stands on its bar, or above the mark of what the rank suggests where
        // that mark would run through it.
        let (bar_top, mark) = (y(bar.actual), y(bar.suggested));
        let value_at = if mark > bar_top - 16.0 && mark < bar_top + 2.0 {
            mark.min(bar_top) - 5.0
        } else {
            bar_top - 4.0
        };
        html! {
            <g class="ab-chart__bar" tabindex="0" role="img" aria-label={label.clone()}>
                <title>{ label }</title>
                <rect x={format!("{:.1}", center - bar_width / 2.0)} y={format!("{:.1}", y(bar.actual))}
                      width={format!("{bar_width:.1}")} height={format!("{:.1}", y(0.0) - y(bar.actual))} rx="3" />
                <line class="ab-chart__expected" x1={format!("{:.1}", center - bar_width / 2.0 - 5.0)}
                      x2={format!("{:.1}", center + bar_width / 2.0 + 5.0)}
                      y1={format!("{:.1}", y(bar.suggested))} y2={format!("{:.1}", y(bar.suggested))} />
                <text class="ab-chart__value" x={format!("{center:.1}")} y={format!("{value_at:.1}")}
                      text-anchor="middle">{ format!("{:.0} %", bar.actual) }</text>
                <text class="ab-chart__axis" x={format!("{center:.1}")} y={format!("{:.0}", height - 10.0)}
                      text-anchor="middle">{ format!("#{}", bar.rank) }</text>
            </g>
        }
    });
    html! {
        <figure class="ab-chart ab-chart--rank">
            <svg viewBox="0 0 420 190" role="group" aria-label="Priority rank against effort">
                { for grid }
                { for columns }
            </svg>
            <figcaption>
                <span class="ab-legend ab-legend--bar">{ "Share of effort on priorities" }</span>
                <span class="ab-legend ab-legend--expected">{ "Share its rank suggests" }</span>
            </figcaption>
        </figure>
    }
}

/// Under a table that scrolls sideways in its box: a hint, shown by the stylesheet while
/// there is more of the table to the right (a phone shows only the first columns of a wide
/// one). Only seen: a screen reader reads the table whole.
pub fn more_to_the_right() -> Html {
    html! { <p class="ab-table-scroll__more" aria-hidden="true">{ "More to the right →" }</p> }
}
