//! The allocation view: where active effort goes, as a teams × priorities heat map (plus
//! local work) whose cells list their initiatives, and each priority's share of effort
//! against the share its rank suggests.

use super::charts::more_to_the_right;
use super::charts::{rank_chart, RankBar};
use super::fields::long_name;
use super::numbers::decimal;
use crate::core::health::{suggested_share, Analysis, Subject};
use crate::core::model::Board;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AllocationViewProps {
    pub board: Rc<Board>,
    pub analysis: Rc<Analysis>,
    pub on_reveal: Callback<Subject>,
}

/// Effort with one decimal only when it has one: `45`, `12.5` (in the person's locale).
pub fn effort_text(effort: f64) -> String {
    decimal(effort, 1)
}

/// Effort summed over teams, in teams: 100 % of one team's capacity is one team (`1.25
/// teams`, `0.7 of a team`). A sum of percentages of different teams' capacity reads as
/// nothing else.
fn teams_worth(effort: f64) -> String {
    let teams = effort / 100.0;
    let text = decimal(teams, 2);
    match teams {
        t if t < 0.005 => "none".to_string(),
        t if (t - 1.0).abs() < 0.005 => "1 team".to_string(),
        t if t < 1.0 => format!("{text} of a team"),
        _ => format!("{text} teams"),
    }
}

#[function_component]
pub fn AllocationView(props: &AllocationViewProps) -> Html {
    let board = &props.board;
    let allocation = &props.analysis.allocation;
    // The selected cell: (team row, column).
    let selected = use_state(|| None::<(usize, usize)>);
    let columns = allocation.priorities.len() + 1;
    let column_name = |column: usize| -> String {
        allocation.priorities.get(column).map_or_else(
            || "Local work".to_string(),
            |id| {
                board
                    .priority(id)
                    .map_or(id.clone(), |p| format!("#{} {}", column + 1, p.title))
            },
        )
    };
    let hottest = allocation
        .cells
        .iter()
        .flatten()
        .map(|c| c.effort)
        .fold(0.0_f64, f64::max);

    if allocation.teams.is_empty() {
        return html! {
            <section class="ab-allocation" aria-labelledby="ab-allocation-title">
                <h2 id="ab-allocation-title">{ "Where effort goes" }</h2>
                <p class="ab-empty-hint">{ "Add teams and initiatives to see how their effort spreads over the priorities." }</p>
            </section>
        };
    }

    let header = (0..columns).map(|column| {
        html! {
            <th scope="col" class={classes!((column + 1 == columns).then_some("ab-heat__local"))}>
                <span class="ab-lines ab-lines--4">{ column_name(column) }</span>
            </th>
        }
    });
    let rows = allocation.teams.iter().enumerate().map(|(row, team_id)| {
        let team = board.team(team_id).map_or(team_id.clone(), |t| t.name.clone());
        let cells = (0..columns).map(|column| {
            let cell = &allocation.cells[row][column];
            let level = heat_level(cell.effort, hottest);
            let count = cell.initiatives.len();
            let label = format!(
                "{team}, {}: {} % effort, {}",
                column_name(column),
                effort_text(cell.effort),
                match count { 1 => "1 initiative".to_string(), n => format!("{n} initiatives") }
            );
            let is_selected = *selected == Some((row, column));
            let on_click = {
                let selected = selected.clone();
                Callback::from(move |_| {
                    selected.set(if is_selected { None } else { Some((row, column)) })
                })
            };
            html! {
                <td class={classes!("ab-heat__cell", format!("ab-heat--{level}"), is_selected.then_some("ab-heat__cell--selected"))}>
                    if count > 0 {
                        <button type="button" class="ab-heat__button" title={label.clone()} aria-label={label}
                                aria-pressed={is_selected.to_string()} onclick={on_click}>
                            { effort_text(cell.effort) }
                        </button>
                    } else {
                        <span class="ab-heat__zero" title={label.clone()} aria-label={label}>{ "·" }</span>
                    }
                </td>
            }
        });
        let total = allocation.team_effort[row];
        html! {
            <tr key={team_id.clone()}>
                <th scope="row"><span class="ab-one-line" title={long_name(&team)}>{ team.clone() }</span></th>
                { for cells }
                <td class={classes!("ab-heat__total", (total > 100.0).then_some("ab-heat__total--over"))}>
                    { format!("{} %", effort_text(total)) }
                    // Said, not only coloured.
                    if total > 100.0 { <span class="ab-heat__over">{ " · over capacity" }</span> }
                </td>
            </tr>
        }
    });
    let total = allocation.total_effort;
    let footer = (0..columns).map(|column| {
        let effort = allocation.column_effort[column];
        let share = if total > 0.0 {
            effort / total * 100.0
        } else {
            0.0
        };
        html! {
            <td class="ab-heat__total">
                { teams_worth(effort) }
                <span class="ab-heat__share">{ format!("{share:.0} % of all") }</span>
            </td>
        }
    });

    let selection = (*selected).and_then(|(row, column)| {
        let cell = allocation.cells.get(row)?.get(column)?;
        let team = board.team(&allocation.teams[row])?;
        Some(html! {
            <section class="ab-heat__detail" aria-live="polite" aria-labelledby="ab-heat-detail-title">
                <h3 id="ab-heat-detail-title">
                    { format!("{} · {}: {} % effort", team.name, column_name(column), effort_text(cell.effort)) }
                </h3>
                <ul class="ab-findings">
                    { for cell.initiatives.iter().filter_map(|&index| board.initiatives.get(index)).map(|initiative| {
                        let served = initiative.priority_ids.iter().filter(|id| allocation.priorities.contains(id)).count();
                        let share = if served > 1 {
                            format!("{} % effort, split over {served} priorities", initiative.effort)
                        } else {
                            format!("{} % effort", initiative.effort)
                        };
                        let subject = Subject::Initiative(initiative.id.clone());
                        html! {
                            <li class="ab-finding">
                                <button type="button" class="ab-finding__name" title="Show this initiative on the board"
                                        onclick={props.on_reveal.reform(move |_| subject.clone())}>{ &initiative.title }</button>
                                <span class="ab-finding__reason">{ share }</span>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        })
    });

    let count = allocation.priorities.len();
    let shares = allocation.priority_shares();
    let bars: Vec<RankBar> = allocation
        .priorities
        .iter()
        .enumerate()
        .map(|(position, id)| RankBar {
            rank: position + 1,
            title: board.priority(id).map_or(id.clone(), |p| p.title.clone()),
            actual: shares[position] * 100.0,
            suggested: suggested_share(position, count) * 100.0,
        })
        .collect();

    html! {
        <section class="ab-allocation" aria-labelledby="ab-allocation-title">
            <h2 id="ab-allocation-title">{ "Where effort goes" }</h2>
            <p class="ab-allocation__lede">
                { "Active effort in percent of each team's capacity, added up in the last row as teams (100 % of one team's capacity is one team). Work that serves several priorities is split equally between them; work that serves none is local work. Select a cell to list its initiatives." }
            </p>
            <div class="ab-table-scroll">
                <table class="ab-heat">
                    <caption class="ab-visually-hidden">{ "Effort by team and priority" }</caption>
                    <thead>
                        <tr><th scope="col">{ "Team" }</th>{ for header }<th scope="col">{ "Committed" }</th></tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot>
                        <tr><th scope="row">{ "All teams" }</th>{ for footer }<td class="ab-heat__total">{ teams_worth(total) }<span class="ab-heat__share">{ "all active effort" }</span></td></tr>
                    </tfoot>
                </table>
                { more_to_the_right() }
            </div>
            if let Some(selection) = selection { { selection } }

            <h3 class="ab-health__heading">{ "Rank against effort" }</h3>
            <p class="ab-allocation__lede">
                { "Each active priority's share of the effort spent on priorities, beside the share its rank suggests (rank weights n, n−1, … 1)." }
            </p>
            if allocation.priority_effort() > 0.0 {
                { rank_chart(&bars) }
                <details class="ab-figures">
                    <summary>{ "The figures as a table" }</summary>
                    <table class="ab-figures__table">
                        <thead><tr><th scope="col">{ "Rank" }</th><th scope="col">{ "Priority" }</th><th scope="col">{ "Effort" }</th><th scope="col">{ "Share" }</th><th scope="col">{ "Rank suggests" }</th></tr></thead>
                        <tbody>
                            { for bars.iter().enumerate().map(|(index, bar)| html! {
                                <tr>
                                    <td>{ bar.rank }</td><th scope="row">{ &bar.title }</th>
                                    <td>{ effort_text(allocation.column_effort[index]) }</td>
                                    <td>{ format!("{:.0} %", bar.actual) }</td><td>{ format!("{:.0} %", bar.suggested) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            } else {
                <p class="ab-chart__empty">{ "No effort is spent on active priorities yet." }</p>
            }
        </section>
    }
}

/// 0 (nothing) to 5 (the hottest cell on the board).
fn heat_level(effort: f64, hottest: f64) -> u8 {
    if effort <= 0.0 || hottest <= 0.0 {
        0
    } else {
        ((effort / hottest * 5.0).ceil() as u8).clamp(1, 5)
    }
}
