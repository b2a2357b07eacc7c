//! The guided review: one due initiative at a time, from the keyboard, then a summary that
//! records the review with the alignment score.

use super::*;
use crate::core::action::reduce;
use crate::core::model::Initiative;
use crate::ui::check_in::CheckInDraft;
use crate::ui::dom::{ask_before_leaving, ctrl_enter_submits};
use std::cell::RefCell;
use std::collections::HashSet;

/// A guided review under way.
#[derive(Clone, PartialEq)]
pub(super) struct Run {
    /// The board when the review started, for the summary.
    pub(super) start: Rc<Board>,
    /// The due initiatives, team by team.
    pub(super) queue: Vec<Id>,
    pub(super) position: usize,
    /// What happened at each step.
    pub(super) outcome: Vec<Outcome>,
    /// The check-in each step saved, which saving the step again corrects.
    pub(super) saved: Vec<Option<CheckIn>>,
    /// The team whose check-in round this is (its id and name as the round started), or
    /// `None` for a review of the whole board: it stays the round's whatever the view shows
    /// meanwhile.
    pub(super) team: Option<(Id, String)>,
    /// The board's alignment score as the review started, for the summary.
    pub(super) score_before: Option<u8>,
}

impl Run {
    /// Whether each step's check-in is on the board: saved during the review (twice counts
    /// once), and not undone since.
    /// One pass over the board's check-ins, however many steps the review has.
    pub(super) fn checked_in<'a>(&'a self, board: &Board) -> impl Iterator<Item = bool> + 'a {
        let saved: HashSet<&str> = self.saved.iter().flatten().map(|c| c.id.as_str()).collect();
        let on_board: HashSet<String> = board
            .check_ins
            .iter()
            .filter(|k| saved.contains(k.id.as_str()))
            .map(|k| k.id.clone())
            .collect();
        self.saved
            .iter()
            .map(move |saved| saved.as_ref().is_some_and(|c| on_board.contains(&c.id)))
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Outcome {
    Pending,
    Saved,
    Skipped,
}

#[derive(Clone, Default, PartialEq)]
pub(super) enum Mode {
    #[default]
    Overview,
    Review(Run),
    Summary(Run),
}

/// A guided review that outlives the view: the app keeps it while the person looks at
/// another view, and the review goes on where it was when they come back (its step, what
/// was saved and skipped, what was typed and not saved, or its summary). Equal only to
/// itself: the app makes one for each board that takes the board's place.
#[derive(Clone, Default)]
pub struct KeptReview(Rc<RefCell<Kept>>);

impl PartialEq for KeptReview {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Default)]
struct Kept {
    mode: Mode,
    /// What was typed in a step's form and not saved, by initiative.
    drafts: Vec<(Id, CheckInDraft)>,
    /// While there are drafts, or check-ins of a review not yet recorded, leaving the page
    /// asks first: a review's typed notes and its summary are kept only in this tab, on
    /// screen or not (a review left at its summary by a reload was lost, and the next one
    /// recorded said "0 of 1 checked in").
    leaving: Option<gloo_events::EventListener>,
    /// Whether End review asks first, as a step holds what was typed and not saved.
    ending: bool,
}

impl Kept {
    fn unsaved_changed(&mut self) {
        let checked_in = match &self.mode {
            Mode::Review(run) | Mode::Summary(run) => run.saved.iter().any(Option::is_some),
            Mode::Overview => false,
        };
        self.leaving = match self.drafts.is_empty() && !checked_in {
            true => None,
            false => self.leaving.take().or_else(|| ask_before_leaving(|| true)),
        };
    }
}

/// The view's hold on the kept review: setting the mode renders the view again.
#[derive(Clone)]
pub(super) struct ModeHandle {
    kept: KeptReview,
    update: UseForceUpdateHandle,
}

impl ModeHandle {
    pub(super) fn new(kept: &KeptReview, update: UseForceUpdateHandle) -> ModeHandle {
        ModeHandle {
            kept: kept.clone(),
            update,
        }
    }

    pub(super) fn get(&self) -> Mode {
        self.kept.0.borrow().mode.clone()
    }

    pub(super) fn set(&self, mode: Mode) {
        let mut kept = self.kept.0.borrow_mut();
        // Past the last step nothing typed in one can be saved any more.
        if matches!(mode, Mode::Overview | Mode::Summary(_)) {
            kept.drafts.clear();
        }
        kept.mode = mode;
        kept.ending = false;
        kept.unsaved_changed();
        drop(kept);
        self.update.force_update();
    }

    /// Whether End review is asking before it throws away what a step holds unsaved.
    pub(super) fn ending(&self) -> bool {
        self.kept.0.borrow().ending
    }

    /// Forgets the question as the view goes: back in the view, the review shows its step.
    pub(super) fn forget_question(&self) {
        self.kept.0.borrow_mut().ending = false;
    }

    fn ask_to_end(&self, asking: bool) {
        self.kept.0.borrow_mut().ending = asking;
        self.update.force_update();
    }

    fn draft(&self, id: &str) -> Option<CheckInDraft> {
        let kept = self.kept.0.borrow();
        kept.drafts
            .iter()
            .find(|(d, _)| d == id)
            .map(|(_, d)| d.clone())
    }

    /// Keeps what the step's form holds (none: as it started, or saved); renders nothing.
    fn keep_draft(&self, id: &str, draft: Option<CheckInDraft>) {
        let mut kept = self.kept.0.borrow_mut();
        kept.drafts.retain(|(d, _)| d != id);
        kept.drafts
            .extend(draft.map(|draft| (id.to_string(), draft)));
        kept.unsaved_changed();
    }
}

/// One step of the guided review: the initiative, its previous check-in and the editor.
/// Alt + ← goes back, Alt + → skips, Enter in a field (or the button) saves and moves on.
/// With `autofocus`, the step's first field takes focus as it shows (not when the review is
/// taken up again from another view's tab).
pub(super) fn review_step(
    props: &RhythmViewProps,
    context: &BoardContext,
    mode: &ModeHandle,
    run: Run,
    autofocus: bool,
) -> Html {
    let board = &props.board;
    let total = run.queue.len();
    let id = run.queue[run.position].clone();
    let Some(initiative) = board.initiative(&id) else {
        // Deleted meanwhile: skip it.
        let mut next = run;
        next.outcome[next.position] = Outcome::Skipped;
        next.position += 1;
        mode.set(if next.position >= total {
            Mode::Summary(next)
        } else {
            Mode::Review(next)
        });
        return Html::default();
    };
    let (team, owner) = team_and_owner(board, initiative);
    // The check-in this step saved before, while it is on the board (an undo takes it away).
    let again = run.saved[run.position]
        .clone()
        .filter(|c| board.check_ins.iter().any(|k| k.id == c.id));
    // Moving on keeps focus in the form's first field, so the board's live region says which
    // initiative is now shown, after what the step did ("Checked in on …"): one
    // announcement, where two at once are cut short by some screen readers. A step saved
    // gives its words, its check-in and the board with it.
    let go = {
        let (mode, run) = (mode.clone(), run.clone());
        let (board, dispatch) = (board.clone(), context.dispatch.clone());
        move |outcome: Option<Outcome>, step: isize, done: Option<(String, CheckIn, Rc<Board>)>| {
            let mut next = run.clone();
            // A step saved before stays saved when skipped on a second visit: its check-in is
            // on the board.
            if let Some(outcome) = outcome
                .filter(|o| *o != Outcome::Skipped || next.outcome[next.position] != Outcome::Saved)
            {
                next.outcome[next.position] = outcome;
            }
            let mut board = board.clone();
            let done = done.map(|(words, check_in, after)| {
                next.saved[next.position] = Some(check_in);
                board = after;
                words
            });
            // Initiatives deleted meanwhile are passed over, in the direction of travel.
            let mut target = next.position as isize + step;
            while let Some(gone) = usize::try_from(target)
                .ok()
                .filter(|&at| at < total && board.initiative(&next.queue[at]).is_none())
            {
                next.outcome[gone] = Outcome::Skipped;
                target += step.signum();
            }
            if target < 0 {
                return;
            }
            next.position = target as usize;
            let words = step_words(&board, &next).unwrap_or_else(|| at_summary(&board, &next));
            dispatch.dispatch(Msg::Say(match done {
                Some(done) => format!("{done}. {words}"),
                None => words,
            }));
            mode.set(if next.position >= total {
                Mode::Summary(next)
            } else {
                Mode::Review(next)
            });
        }
    };
    let on_save = {
        let (dispatch, go, mode) = (context.dispatch.clone(), go.clone(), mode.clone());
        let board = board.clone();
        Callback::from(move |check_in: CheckIn| {
            let action = Action::CheckIn(check_in.clone());
            // Checked first, so that a refused check-in (its initiative or author deleted in
            // another tab) is not announced as saved: the board says why, and the step stays.
            match reduce(&board, action.clone(), now()) {
                Ok(next) => {
                    mode.keep_draft(&check_in.initiative_id, None);
                    let done = action.done(&board);
                    dispatch.dispatch(Msg::Made {
                        action,
                        from: board.clone(),
                        next: next.clone(),
                        focus: None,
                    });
                    go(
                        Some(Outcome::Saved),
                        1,
                        Some((done, check_in.clone(), next)),
                    );
                }
                Err(_) => dispatch.dispatch(Msg::Do {
                    action,
                    focus: None,
                }),
            }
        })
    };
    let on_skip = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go(Some(Outcome::Skipped), 1, None))
    };
    let on_previous = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go(None, -1, None))
    };
    // What a step holds typed and not saved goes with the review's end: End review asks
    // first, as a dialog asks before it throws changes away.
    let end = {
        let (mode, run, dispatch) = (mode.clone(), run.clone(), context.dispatch.clone());
        let board = board.clone();
        Callback::from(move |()| {
            dispatch.dispatch(Msg::Say(at_summary(&board, &run)));
            mode.set(Mode::Summary(run.clone()))
        })
    };
    let on_end = {
        let (mode, end) = (mode.clone(), end.clone());
        // Read as the button is used: the step's editor tells what it holds after it renders.
        Callback::from(move |()| {
            let unsaved = !mode.kept.0.borrow().drafts.is_empty();
            match unsaved {
                true => mode.ask_to_end(true),
                false => end.emit(()),
            }
        })
    };
    let asking = mode.ending().then(|| {
        let keep = {
            let mode = mode.clone();
            Callback::from(move |_: MouseEvent| mode.ask_to_end(false))
        };
        // Asked by Escape with nothing typed: the summary cannot go back to the steps left.
        let unsaved = !mode.kept.0.borrow().drafts.is_empty();
        let (question, ending) = match unsaved {
            true => (UNSAVED_STEP, "End and discard"),
            false => (END_HERE, "End review"),
        };
        html! {
            <div class="ab-dialog__confirm ab-review__confirm" role="group" aria-label={question}>
                <p>{ question }</p>
                <span class="ab-dialog__confirm-actions">
                    <button type="button" class="ab-button" onclick={keep}>{ "Keep reviewing" }</button>
                    <button type="button" class="ab-button ab-button--danger" onclick={end.reform(|_| ())}>{ ending }</button>
                </span>
            </div>
        }
    });
    let on_key = {
        let (go, mode) = (go.clone(), mode.clone());
        Callback::from(move |event: KeyboardEvent| {
            // Escape ends the review, as it closes a dialog, always asking first: one Escape
            // too many would end a long review where it stands. Asked, it keeps the review.
            if event.key() == "Escape" && !event.default_prevented() && !event.is_composing() {
                event.prevent_default();
                mode.ask_to_end(!mode.ending());
                return;
            }
            // Ctrl + Enter saves from anywhere in the step, as its hint says: with focus on
            // the step's text (a click there), as from its fields.
            let form = || {
                event
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|step| step.query_selector("form.ab-check-in").ok().flatten())
                    .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
            };
            if ctrl_enter_submits(&event, form) {
                return;
            }
            if !event.alt_key() || !matches!(event.key().as_str(), "ArrowLeft" | "ArrowRight") {
                return;
            }
            // In a text field the step stays, and what was typed: there Option + arrows move
            // by word on a Mac, and elsewhere Alt + ← would take the page back in history.
            let typing = event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if typing {
                if !on_a_mac() {
                    event.prevent_default();
                }
                return;
            }
            match event.key().as_str() {
                "ArrowLeft" => go(None, -1, None),
                "ArrowRight" => go(Some(Outcome::Skipped), 1, None),
                _ => return,
            }
            event.prevent_default();
        })
    };
    let draft = mode.draft(&id);
    let on_draft = {
        let (mode, id) = (mode.clone(), id.clone());
        Callback::from(move |draft| mode.keep_draft(&id, draft))
    };
    let count = |of: Outcome| run.outcome.iter().filter(|o| **o == of).count();
    let (saved, skipped) = (count(Outcome::Saved), count(Outcome::Skipped));
    let done = saved + skipped;
    // The bar fills with the steps taken, skipped ones too; it says which are which (a step
    // gone back to is still counted as skipped until it is saved).
    let progress = format!("{saved} checked in and {skipped} skipped, of {total}");
    html! {
        // Focusable from code and the mouse only (not a Tab stop): a click on the step's
        // text keeps focus in the review, where Alt + arrows move it on.
        <section class="ab-review" aria-labelledby="ab-review-title" onkeydown={on_key} tabindex="-1">
            <div class="ab-review__progress">
                <h2 id="ab-review-title">{ format!("{} · {} of {total}", run.team.as_ref().map_or("Guided review".to_string(), |(_, team)| format!("{team}'s check-in round")), run.position + 1) }</h2>
                <progress max={total.to_string()} value={done.to_string()} aria-label="Review progress" aria-valuetext={progress.clone()} title={progress.clone()}>{ progress }</progress>
                <p class="ab-field__hint ab-review__keys">{ "Enter in Progress, or Ctrl + Enter anywhere, saves and moves on · Alt + → skips · Alt + ← goes back (not while typing) · End review (Escape) keeps what is saved" }</p>
            </div>
            { asking.unwrap_or_default() }
            <article class="ab-review__item" aria-label={initiative.title.clone()}>
                <p class="ab-review__where">{ format!("{team} · {owner}") }</p>
                <h3 class="ab-review__title">{ &initiative.title }</h3>
                if again.is_some() {
                    <p class="ab-field__hint">{ "Checked in during this review: saving again corrects that check-in." }</p>
                }
                <CheckInEditor key={id.clone()} board={board.clone()} initiative={id.clone()} submit={if run.position + 1 == total { "Save and finish" } else { "Save and next" }} on_submit={on_save} {autofocus} {again}
                               {draft} {on_draft}>
                    <button type="button" class="ab-button" onclick={on_previous} disabled={run.position == 0}>{ "Previous" }</button>
                    <button type="button" class="ab-button" onclick={on_skip}>{ "Skip" }</button>
                    <button type="button" class="ab-button ab-button--quiet" data-end-review="" onclick={on_end.reform(|_| ())}>{ "End review" }</button>
                </CheckInEditor>
            </article>
        </section>
    }
}

/// What Escape asks in a review when nothing typed would go.
const END_HERE: &str = "End the review here? The steps left are not checked in.";

/// What End review asks while a step holds what was typed and not saved.
const UNSAVED_STEP: &str =
    "What you typed in this review is not saved. End the review and discard it?";

/// Whether the browser runs on a Mac, where Option + arrows move the cursor by word.
fn on_a_mac() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().platform().ok())
        .is_some_and(|p| p.starts_with("Mac"))
}

/// "The review's summary: 8 of 11 checked in", said as a review reaches its summary.
pub(super) fn at_summary(board: &Board, run: &Run) -> String {
    format!(
        "The review's summary: {} of {} checked in",
        run.checked_in(board).filter(|&c| c).count(),
        run.queue.len()
    )
}

/// The name of an initiative's team and of its owner ("No owner"), as a step shows them.
pub(super) fn team_and_owner(board: &Board, initiative: &Initiative) -> (String, String) {
    let team = board
        .team(&initiative.team_id)
        .map_or(String::new(), |t| t.name.clone());
    let owner = initiative
        .owner_id
        .as_deref()
        .and_then(|o| board.person(o))
        .map_or("No owner".to_string(), |p| p.name.clone());
    (team, owner)
}

/// "3 of 11: “Title”, Team, Owner": the step a review is at, or `None` past its last.
pub(super) fn step_words(board: &Board, run: &Run) -> Option<String> {
    let initiative = board.initiative(run.queue.get(run.position)?)?;
    let (team, owner) = team_and_owner(board, initiative);
    // A step gone back to says that its check-in is saved, as its form shows.
    let saved = run.saved[run.position]
        .as_ref()
        .filter(|c| board.check_ins.iter().any(|k| k.id == c.id))
        .map_or("", |_| {
            ". Checked in during this review: saving again corrects that check-in"
        });
    Some(format!(
        "{} of {}: “{}”, {team}, {owner}{saved}",
        run.position + 1,
        run.queue.len(),
        initiative.title
    ))
}
