//! The board's own settings: title, purpose, period and operating rhythm.

use super::form::{use_form, FormProps, Problems};
use crate::core::action::{Action, Settings};
use crate::core::limits;
use crate::core::model::{Period, Rhythm};
use crate::ui::damaged::DamagedCopies;
use crate::ui::dialog::Modal;
use crate::ui::fields::{parse_optional_date, parse_whole, TextField};
use crate::ui::state::use_board;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
struct Draft {
    title: String,
    purpose: String,
    label: String,
    start: String,
    end: String,
    check_in: String,
    review: String,
    planning: String,
}

#[function_component]
pub fn SettingsForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let context = use_board();
    let board = &props.board;
    let draft = use_state(|| Draft {
        title: board.title.clone(),
        purpose: board.purpose.clone(),
        label: board.period.label.clone(),
        start: board
            .period
            .start
            .map(|d| d.to_string())
            .unwrap_or_default(),
        end: board.period.end.map(|d| d.to_string()).unwrap_or_default(),
        check_in: board.rhythm.check_in_days.to_string(),
        review: board.rhythm.review_days.to_string(),
        planning: board.rhythm.planning_days.to_string(),
    });
    let errors = use_state(Problems::default);
    let set = |update: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            update(&mut next, value);
            draft.set(next);
        })
    };
    let on_submit = {
        let (draft, errors, props) = (draft.clone(), errors.clone(), props.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let d = &*draft;
            let mut problems = Problems::default();
            if d.title.trim().is_empty() {
                problems.insert("title", "Give the board a title".to_string());
            }
            let mut date = |field: &'static str, text: &str| {
                parse_optional_date(text, "A date like 2026-10-01").unwrap_or_else(|why| {
                    problems.insert(field, why);
                    None
                })
            };
            let (start, end) = (date("start", &d.start), date("end", &d.end));
            if let (Some(start), Some(end)) = (start, end) {
                if end < start {
                    problems.insert("end", "The period ends before it starts".into());
                }
            }
            let mut days = |field: &'static str, text: &str| match parse_whole(text, 3660) {
                Ok(0) => {
                    problems.insert(field, "At least 1 day".into());
                    None
                }
                Ok(n) => Some(n as u16),
                Err(message) => {
                    problems.insert(field, message);
                    None
                }
            };
            let rhythm = (
                days("checkIn", &d.check_in),
                days("review", &d.review),
                days("planning", &d.planning),
            );
            errors.set(problems.clone());
            let ((Some(check_in_days), Some(review_days), Some(planning_days)), true) =
                (rhythm, problems.is_empty())
            else {
                return;
            };
            let settings = Settings {
                title: d.title.trim().to_string(),
                purpose: d.purpose.trim().to_string(),
                period: Period {
                    label: d.label.trim().to_string(),
                    start,
                    end,
                    // Kept by the board whatever is given here.
                    started_at: None,
                },
                rhythm: Rhythm {
                    check_in_days,
                    review_days,
                    planning_days,
                },
            };
            if let Err(reason) = props.submit(Action::UpdateSettings(settings), None) {
                {
                    let mut problems = Problems::default();
                    problems.insert("title", reason);
                    errors.set(problems);
                }
            }
        })
    };
    let error = |field: &str| errors.field(field);
    html! {
        <Modal title="Board settings" on_close={props.close()} wide=true ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="ab-form__fields">
                    <TextField label="Board title" required=true value={draft.title.clone()} on_change={set(|d, v| d.title = v)} error={error("title")} />
                    <TextField label="Purpose" multiline=true value={draft.purpose.clone()} on_change={set(|d, v| d.purpose = v)}
                               hint="The strategy or north star that every priority serves" />
                    <div class="ab-form__row">
                        <TextField label="Period" limit={limits::NAME} value={draft.label.clone()} on_change={set(|d, v| d.label = v)} hint="e.g. Q4 2026" />
                        <TextField label="Period start" kind="date" value={draft.start.clone()} on_change={set(|d, v| d.start = v)} error={error("start")} />
                        <TextField label="Period end" kind="date" value={draft.end.clone()} on_change={set(|d, v| d.end = v)} error={error("end")} />
                    </div>
                    <fieldset class="ab-form__group">
                        <legend>{ "Operating rhythm (days)" }</legend>
                        <div class="ab-form__row">
                            <TextField label="Check-in every" kind="number" min="1" value={draft.check_in.clone()} on_change={set(|d, v| d.check_in = v)} error={error("checkIn")} />
                            <TextField label="Review every" kind="number" min="1" value={draft.review.clone()} on_change={set(|d, v| d.review = v)} error={error("review")} />
                            <TextField label="Planning every" kind="number" min="1" value={draft.planning.clone()} on_change={set(|d, v| d.planning = v)} error={error("planning")} />
                        </div>
                    </fieldset>
                </fieldset>
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Cancel" }</button>
                    <button type="submit" class="ab-button ab-button--primary">{ "Save" }</button>
                </div>
            </form>
            <DamagedCopies store={context.store.clone()} storage_key={context.storage_key.clone()} />
        </Modal>
    }
}
