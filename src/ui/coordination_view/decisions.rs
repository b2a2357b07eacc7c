//! The decision log's items, in Coordination and on a priority's page.

use crate::core::coordination::{decisions, revisit_due, DecisionFilter};
use crate::core::model::{Board, Id};
use crate::core::time::Date;
use crate::ui::clock::local_now;
use crate::ui::dates::{short_date, short_day};
use crate::ui::fields::{excerpt, EXCERPT};
use yew::prelude::*;

/// Decisions as the log lists them (title, kind, when, by whom, what they affect, revisit,
/// rationale), or `empty` when there are none: the items of a list, keyed by decision. With
/// `edit`, a decision's title opens it to be corrected or deleted.
pub fn decision_log(
    board: &Board,
    shown: &[usize],
    today: Date,
    empty: &str,
    edit: Option<&Callback<Id>>,
) -> Html {
    if shown.is_empty() {
        return html! { <li class="ab-finding ab-finding--none">{ empty.to_string() }</li> };
    }
    shown
        .iter()
        .map(|&d| {
            let decision = &board.decisions[d];
            let mut what = vec![format!("decided {}", short_day(decision.decided_at))];
            if let Some(owner) = decision.owner_id.as_deref().and_then(|o| board.person(o)) {
                what.push(format!("by {}", owner.name));
            }
            // Each named in a line at most: a title of paragraphs is the priority's own.
            let names: Vec<String> = decision
                .priority_ids
                .iter()
                .filter_map(|p| board.priority(p))
                .map(|p| excerpt(&p.title, 80))
                .chain(
                    decision
                        .team_ids
                        .iter()
                        .filter_map(|t| board.team(t))
                        .map(|t| t.name.clone()),
                )
                .collect();
            if !names.is_empty() {
                what.push(names.join(", "));
            }
            // The work a stop stopped, each in a line at most.
            let stopped: Vec<String> = (decision.stopped(board))
                .map(|i| format!("“{}”", excerpt(&i.title, 80)))
                .collect();
            if !stopped.is_empty() {
                what.push(format!("stopped {}", stopped.join(", ")));
            }
            if let Some(on) = decision.revisit_on {
                what.push(if revisit_due(decision, today) {
                    format!("⚑ revisit due ({})", short_date(on))
                } else {
                    format!("revisit {}", short_date(on))
                });
            }
            if !decision.rationale.is_empty() {
                what.push(excerpt(&decision.rationale, EXCERPT));
            }
            html! {
                <li key={decision.id.as_str()} class="ab-finding ab-decision">
                    if let Some(edit) = edit {
                        <button type="button" class="ab-finding__name" title="Edit or delete this decision"
                                onclick={let id = decision.id.clone(); edit.reform(move |_| id.clone())}>{ &decision.title }</button>
                    } else {
                        <span class="ab-finding__name">{ &decision.title }</span>
                    }
                    <span class={format!("ab-kind ab-kind--{}", decision.kind.key())}>{ decision.kind.label() }</span>
                    <span class="ab-finding__reason">{ what.join(" · ") }</span>
                </li>
            }
        })
        .collect()
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
        None,
    );
    html! {
        <section aria-label="Decisions about this priority">
            <h3 class="ab-dialog__subtitle">{ "Decisions" }</h3>
            <ul class="ab-findings ab-since">{ log }</ul>
        </section>
    }
}
