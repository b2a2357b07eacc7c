//! The coordination view: who asks whom (a team matrix), what one team is asked for and
//! waits on with the handshake's next steps, the decision log with its filters, and the
//! board's open risks, the most severe first.

use super::dates::{short_date, short_day};
use super::fields::SelectField;
use super::markup;
use super::state::{use_board, DialogKind, Msg};
use crate::core::action::Action;
use crate::core::coordination::{
    asked_of, decisions, flags, matrix, open_risks, revisit_due, steps, waiting_on, DecisionFilter,
    Step,
};
use crate::core::health::Subject;
use crate::core::model::{Board, DecisionKind, Id};
use crate::core::time::Date;
use crate::ui::clock::local_now;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CoordinationViewProps {
    pub board: Rc<Board>,
    pub on_reveal: Callback<Subject>,
}

#[function_component]
pub fn CoordinationView(props: &CoordinationViewProps) -> Html {
    let context = use_board();
    let board = &props.board;
    let team = use_state(|| {
        board
            .teams
            .first()
            .map(|t| t.id.clone())
            .unwrap_or_default()
    });
    let filter = use_state(DecisionFilter::default);
    let now = local_now();
    let today = now.today();

    let on_click = {
        let (board, dispatch, on_dialog, on_reveal) = (
            board.clone(),
            context.dispatch.clone(),
            context.on_dialog.clone(),
            props.on_reveal.clone(),
        );
        Callback::from(move |event: MouseEvent| {
            let Some((act, id)) = markup::action(&event) else {
                return;
            };
            let step = Step::ALL.into_iter().find(|s| s.key() == act);
            match (act.as_str(), step) {
                (_, Some(step @ (Step::Accept | Step::Decline))) => {
                    on_dialog.emit(Some(DialogKind::Answer { id, step }))
                }
                (_, Some(step)) => dispatch.dispatch(Msg::Do {
                    action: Action::AnswerDependency {
                        id,
                        step,
                        note: String::new(),
                    },
                    focus: None,
                }),
                ("close-risk", _) => {
                    // `id` is "initiative\u{1f}risk".
                    let Some((initiative, risk)) = id.split_once('\u{1f}') else {
                        return;
                    };
                    if let Some(mut updated) = board.initiative(initiative).cloned() {
                        if let Some(r) = updated.risks.iter_mut().find(|r| r.id == risk) {
                            r.open = false;
                        }
                        dispatch.dispatch(Msg::Do {
                            action: Action::UpdateInitiative(updated),
                            focus: None,
                        });
                    }
                }
                (act, None) => {
                    if let Some(subject) = markup::subject_of(act, id) {
                        on_reveal.emit(subject);
                    }
                }
            }
        })
    };

    if board.teams.len() < 2 {
        return html! {
            <section class="ab-coordination" aria-labelledby="ab-coordination-title">
                <h2 id="ab-coordination-title">{ "Coordination" }</h2>
                <p class="ab-empty-hint">{ "Coordination needs two teams or more: add teams to see who asks whom." }</p>
            </section>
        };
    }

    // The matrix: who asks whom.
    let m = matrix(board, now);
    let mut grid = String::from(
        "<table class=\"ab-heat ab-matrix\" aria-label=\"Requests between teams\"><thead><tr><th scope=\"col\">Asking team → asked of</th>",
    );
    for t in &board.teams {
        grid.push_str("<th scope=\"col\">");
        markup::escape(&mut grid, &t.name);
        grid.push_str("</th>");
    }
    grid.push_str("</tr></thead><tbody>");
    for (row, asking) in board.teams.iter().enumerate() {
        grid.push_str("<tr>");
        grid.push_str("<th scope=\"row\">");
        markup::escape(&mut grid, &asking.name);
        grid.push_str("</th>");
        for (col, providing) in board.teams.iter().enumerate() {
            let cell = &m.cells[row][col];
            let class = if cell.stuck > 0 {
                "ab-matrix__cell ab-matrix--stuck"
            } else if cell.open > 0 {
                "ab-matrix__cell ab-matrix--open"
            } else {
                "ab-matrix__cell"
            };
            let text = match (cell.dependencies.len(), cell.stuck) {
                (0, _) => "·".to_string(),
                (n, 0) => n.to_string(),
                (n, s) => format!("{n} · {s} stuck"),
            };
            grid.push_str("<td class=\"");
            grid.push_str(class);
            grid.push_str("\" title=\"");
            markup::escape(
                &mut grid,
                &format!(
                    "{} asks {}: {} requests, {} open, {} stuck, {} misaligned",
                    asking.name,
                    providing.name,
                    cell.dependencies.len(),
                    cell.open,
                    cell.stuck,
                    cell.misaligned
                ),
            );
            grid.push_str("\">");
            markup::escape(&mut grid, &text);
            grid.push_str("</td>");
        }
        grid.push_str("</tr>");
    }
    grid.push_str("</tbody></table>");

    // One team's requests, both ways.
    let team_name = board.team(&team).map_or(String::new(), |t| t.name.clone());
    let requests = |list: Vec<usize>, answering: bool| {
        let mut out = String::new();
        if list.is_empty() {
            markup::element(
                &mut out,
                "li",
                "ab-finding ab-finding--none",
                "Nothing open.",
            );
        }
        for d in list {
            let dep = &board.dependencies[d];
            let asking = board.initiative(&dep.from_initiative_id);
            out.push_str("<li class=\"ab-finding ab-request\">");
            markup::subject(
                &mut out,
                Some(&Subject::Dependency(dep.id.clone())),
                &dep.need,
            );
            markup::element(
                &mut out,
                "span",
                &format!("ab-state ab-state--{}", dep.state.key()),
                dep.state.key(),
            );
            let mut what = vec![if answering {
                format!(
                    "asked by {} for “{}”",
                    asking
                        .and_then(|i| board.team(&i.team_id))
                        .map_or("?", |t| t.name.as_str()),
                    asking.map_or("?", |i| i.title.as_str())
                )
            } else {
                format!(
                    "asked of {}",
                    board.team(&dep.to_team_id).map_or("?", |t| t.name.as_str())
                )
            }];
            if let Some(due) = dep.due {
                what.push(format!("needed by {}", short_date(due)));
            }
            if !dep.answer_note.is_empty() {
                what.push(format!("“{}”", dep.answer_note));
            }
            for flag in flags(board, dep, now) {
                what.push(flag.describe());
            }
            markup::element(&mut out, "span", "ab-finding__reason", &what.join(" · "));
            if answering && !context.read_only {
                out.push_str("<span class=\"ab-request__steps\">");
                for step in steps(dep.state) {
                    markup::button(
                        &mut out,
                        "ab-button ab-button--small",
                        step.key(),
                        &dep.id,
                        Some(&format!("{}: {}", step.label(), dep.need)),
                        step.label(),
                    );
                }
                out.push_str("</span>");
            }
            out.push_str("</li>");
        }
        out
    };
    let asked = requests(asked_of(board, &team), true);
    let waits = requests(waiting_on(board, &team), false);

    // The decision log.
    let log = decision_log(
        board,
        &decisions(board, &filter, today),
        today,
        "No decision matches.",
    );

    // Open risks.
    let mut risks = String::new();
    let open = open_risks(board);
    if open.is_empty() {
        markup::element(
            &mut risks,
            "li",
            "ab-finding ab-finding--none",
            "No open risks.",
        );
    }
    for (i, r) in &open {
        let initiative = &board.initiatives[*i];
        let risk = &initiative.risks[*r];
        risks.push_str("<li class=\"ab-finding ab-risk-row\">");
        markup::subject(
            &mut risks,
            Some(&Subject::Initiative(initiative.id.clone())),
            &initiative.title,
        );
        markup::element(
            &mut risks,
            "span",
            &format!("ab-severity ab-severity--{}", risk.severity.key()),
            risk.severity.label(),
        );
        markup::element(&mut risks, "span", "ab-finding__reason", &risk.text);
        if !context.read_only {
            markup::button(
                &mut risks,
                "ab-button ab-button--small",
                "close-risk",
                &format!("{}\u{1f}{}", initiative.id, risk.id),
                Some(&format!("Close risk: {}", risk.text)),
                "Close",
            );
        }
        risks.push_str("</li>");
    }

    let team_chips = board.teams.iter().map(|t| {
        let pressed = *team == t.id;
        let (state, id) = (team.clone(), t.id.clone());
        html! {
            <button type="button" class={if pressed { "ab-chip ab-chip--on" } else { "ab-chip" }}
                    aria-pressed={pressed.to_string()} onclick={move |_| state.set(id.clone())}>{ &t.name }</button>
        }
    });
    let option_list =
        |first: &'static str, items: Vec<(Id, String)>| -> Vec<(AttrValue, AttrValue)> {
            std::iter::once((AttrValue::Static(""), AttrValue::Static(first)))
                .chain(items.into_iter().map(|(id, name)| (id.into(), name.into())))
                .collect()
        };
    let set_filter = |update: fn(&mut DecisionFilter, String)| {
        let filter = filter.clone();
        Callback::from(move |value: String| {
            let mut next = (*filter).clone();
            update(&mut next, value);
            filter.set(next);
        })
    };
    let priorities = option_list(
        "Any priority",
        board
            .ranked_priorities()
            .iter()
            .map(|p| (p.id.clone(), format!("#{} {}", p.rank, p.title)))
            .collect(),
    );
    let teams = option_list(
        "Any team",
        board
            .teams
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
    );
    let kinds = option_list(
        "Any kind",
        DecisionKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), k.key().to_string()))
            .collect(),
    );

    html! {
        <section class="ab-coordination" aria-labelledby="ab-coordination-title" onclick={on_click}>
            <h2 id="ab-coordination-title">{ "Coordination" }</h2>
            <h3 class="ab-health__heading">{ "Who asks whom" }</h3>
            <p class="ab-allocation__lede">{ "Requests between teams: rows ask, columns are asked. Hover or focus a cell for the figures; stuck means unanswered, declined but still counted on, or late." }</p>
            <div class="ab-table-scroll">
                { markup::raw(grid) }
            </div>

            <div class="ab-health__scope" role="group" aria-label="Show the requests of">{ for team_chips }</div>
            <section aria-label={format!("Asked of {team_name}")}>
                <h3 class="ab-health__heading">{ format!("Asked of {team_name}") }</h3>
                <ul class="ab-findings ab-since">{ markup::raw(asked) }</ul>
            </section>
            <section aria-label={format!("{team_name} waits on")}>
                <h3 class="ab-health__heading">{ format!("{team_name} waits on") }</h3>
                <ul class="ab-findings ab-since">{ markup::raw(waits) }</ul>
            </section>

            <section aria-label="Decisions">
                <div class="ab-rhythm__head">
                    <h3 class="ab-health__heading">{ "Decisions" }</h3>
                    if !context.read_only {
                        <button type="button" class="ab-button ab-button--primary"
                                onclick={context.on_dialog.reform(|_| Some(DialogKind::Decision))}>{ "Record decision" }</button>
                    }
                </div>
                <div class="ab-filters ab-filters--inline">
                    <SelectField compact=true label="Priority" value={filter.priority.clone().unwrap_or_default()} options={priorities}
                        on_change={set_filter(|f, v| f.priority = (!v.is_empty()).then_some(v))} />
                    <SelectField compact=true label="Team" value={filter.team.clone().unwrap_or_default()} options={teams}
                        on_change={set_filter(|f, v| f.team = (!v.is_empty()).then_some(v))} />
                    <SelectField compact=true label="Kind" value={filter.kind.map(|k| k.key()).unwrap_or("")} options={kinds}
                        on_change={set_filter(|f, v| f.kind = DecisionKind::ALL.into_iter().find(|k| k.key() == v))} />
                    <label class="ab-check ab-filters__attention">
                        <input type="checkbox" checked={filter.revisit_due}
                               onchange={let filter = filter.clone(); move |_| filter.set(DecisionFilter { revisit_due: !filter.revisit_due, ..(*filter).clone() })} />
                        { "Revisit due" }
                    </label>
                </div>
                <ul class="ab-findings ab-since" aria-label="Decision log">{ markup::raw(log) }</ul>
            </section>

            <section aria-label="Open risks">
                <h3 class="ab-health__heading">{ "Open risks" }</h3>
                <ul class="ab-findings ab-since">{ markup::raw(risks) }</ul>
            </section>
        </section>
    }
}

/// Decisions as the log lists them (title, kind, when, by whom, what they affect, revisit,
/// rationale), or `empty` when there are none.
pub fn decision_log(board: &Board, shown: &[usize], today: Date, empty: &str) -> String {
    let mut log = String::new();
    if shown.is_empty() {
        markup::element(&mut log, "li", "ab-finding ab-finding--none", empty);
    }
    for d in shown {
        let decision = &board.decisions[*d];
        log.push_str("<li class=\"ab-finding ab-decision\">");
        markup::element(&mut log, "span", "ab-finding__name", &decision.title);
        markup::element(
            &mut log,
            "span",
            &format!("ab-kind ab-kind--{}", decision.kind.key()),
            decision.kind.key(),
        );
        let mut what = vec![format!("decided {}", short_day(decision.decided_at))];
        if let Some(owner) = decision.owner_id.as_deref().and_then(|o| board.person(o)) {
            what.push(format!("by {}", owner.name));
        }
        let names: Vec<&str> = decision
            .priority_ids
            .iter()
            .filter_map(|p| board.priority(p))
            .map(|p| p.title.as_str())
            .chain(
                decision
                    .team_ids
                    .iter()
                    .filter_map(|t| board.team(t))
                    .map(|t| t.name.as_str()),
            )
            .collect();
        if !names.is_empty() {
            what.push(names.join(", "));
        }
        if let Some(on) = decision.revisit_on {
            what.push(if revisit_due(decision, today) {
                format!("⚑ revisit due ({})", short_date(on))
            } else {
                format!("revisit {}", short_date(on))
            });
        }
        if !decision.rationale.is_empty() {
            what.push(decision.rationale.clone());
        }
        markup::element(&mut log, "span", "ab-finding__reason", &what.join(" · "));
        log.push_str("</li>");
    }
    log
}

/// A priority's decisions, for its page (the priority's dialog).
pub fn priority_decisions(board: &Board, priority: &str) -> Html {
    let filter = DecisionFilter {
        priority: Some(priority.to_string()),
        ..DecisionFilter::default()
    };
    let today = local_now().today();
    let log = decision_log(
        board,
        &decisions(board, &filter, today),
        today,
        "No decision names this priority yet.",
    );
    html! {
        <section aria-label="Decisions about this priority">
            <h3 class="ab-dialog__subtitle">{ "Decisions" }</h3>
            <ul class="ab-findings ab-since">{ markup::raw(log) }</ul>
        </section>
    }
}
