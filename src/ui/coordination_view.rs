//! The coordination view: who asks whom (a team matrix), what one team is asked for and
//! waits on with the handshake's next steps, the decision log with its filters, and the
//! board's open risks, the most severe first.

use super::charts::more_to_the_right;
use super::dates::{delivered_on, short_date};
use super::fields::{excerpt, long_name, SelectField, EXCERPT};
use super::focus::use_successor_focus;
use super::page_query::{team_of_view, KeptTeam, TeamShown};
use super::state::{use_board, use_day, DialogKind, Msg, Same, RECORD_DECISION, WAITS_ON};
use super::subject_link::subject_link;
use crate::core::action::Action;
use crate::core::coordination::{
    asked_of, decisions, delivered_by, flags, matrix, open_risks, waiting_on, DecisionFilter, Step,
};
use crate::core::health::Subject;
use crate::core::model::{Board, DecisionKind, DependencyState, Id, Severity};
use crate::ui::clock::local_now;
pub use decisions::{decision_log, priority_decisions};
use request::RequestRow;
use std::rc::Rc;
use yew::prelude::*;

mod decisions;
mod request;

#[derive(Properties, PartialEq)]
pub struct CoordinationViewProps {
    pub board: Rc<Board>,
    pub on_reveal: Callback<Subject>,
    /// A request to show (from an item of Health or Rhythm): the view opens on the team it
    /// asks, with the request marked.
    #[prop_or_default]
    pub shown: Option<Id>,
    /// The team the view showed last, kept by the app while another view shows.
    #[prop_or_default]
    pub kept: KeptTeam,
    /// On the board's own page, where the team shown is kept in the page's address
    /// (`?view=coordination&of=t-2`): a reload or a copied address shows it.
    #[prop_or_default]
    pub address: Option<TeamShown>,
}

/// The view's name in the page's address.
const VIEW: &str = "coordination";

/// The `data-place` of a request's row in the list of the team it asks.
pub fn request_place(id: &str) -> String {
    format!("request\u{1f}{id}")
}

#[function_component]
pub fn CoordinationView(props: &CoordinationViewProps) -> Html {
    let context = use_board();
    let board = &props.board;
    let team = use_state(|| {
        let asked = props.shown.as_ref().and_then(|id| {
            let request = board.dependencies.iter().find(|d| &d.id == id)?;
            board.team(&request.to_team_id).map(|t| t.id.clone())
        });
        let named = props.address.as_ref();
        asked
            .or_else(|| named.and_then(|_| team_of_view(board, VIEW)))
            .or_else(|| props.kept.get(board))
            .or_else(|| board.teams.first().map(|t| t.id.clone()))
            .unwrap_or_default()
    });
    {
        let (kept, address) = (props.kept.clone(), props.address.clone());
        let known = board.team(&team).is_some();
        use_effect_with(((*team).clone(), known), move |(team, known)| {
            kept.keep(Some(team.clone()));
            if let Some(address) = address.filter(|_| *known) {
                address.show(Some(team), VIEW);
            }
        });
    }
    // The team asked in a chosen cell of the matrix: the asking team's requests of it are
    // marked in its lists.
    let asked_team = use_state(|| None::<Id>);
    // A request shown from another view after this one was open: its team's list.
    {
        let (team, asked_team, board) = (team.clone(), asked_team.clone(), board.clone());
        use_effect_with(props.shown.clone(), move |shown| {
            let request = shown
                .as_ref()
                .and_then(|id| board.dependencies.iter().find(|d| &d.id == id));
            if let Some(request) = request.filter(|r| board.team(&r.to_team_id).is_some()) {
                team.set(request.to_team_id.clone());
                asked_team.set(None);
            }
        });
    }
    let filter = use_state(DecisionFilter::default);
    let now = local_now();
    let today = use_day();

    // A step takes its button away, and may take the request out of the list; a closed risk
    // leaves the list: focus goes to the request's next step, or the name of the row now in
    // its place (its steps would act on another request at one more Enter).
    let root = use_node_ref();
    {
        // The team shown, chosen in its row of chips, in sight there.
        let root = root.clone();
        use_effect_with((*team).clone(), move |_| {
            crate::ui::fields::reveal_pressed_chips(&root)
        });
    }
    let note_step = use_successor_focus(
        &root,
        ".ab-asked .ab-request",
        ".ab-request__steps button",
        Some(".ab-finding__name"),
    );
    let note_risk = use_successor_focus(
        &root,
        ".ab-risk-row",
        "button.ab-button",
        Some(".ab-finding__name"),
    );
    // The same in the list of what the team delivered: a delivery reopened goes back among
    // what is open.
    let note_reopen = use_successor_focus(
        &root,
        ".ab-delivered .ab-request",
        ".ab-request__steps button",
        Some(".ab-finding__name"),
    );
    // Accepting or declining asks for a note, and reopening a delivery for what is missing
    // and by when; the other steps are taken at once.
    let on_step = use_callback(
        (
            Same(Some(board.clone())),
            context.dispatch.clone(),
            context.on_dialog.clone(),
            (note_step, note_reopen),
        ),
        |(id, step): (Id, Step), (Same(board), dispatch, on_dialog, (note_step, note_reopen))| {
            note_step.emit(());
            note_reopen.emit(());
            let delivered = board
                .as_ref()
                .and_then(|b| b.dependencies.iter().find(|d| d.id == id))
                .is_some_and(|d| d.state == DependencyState::Delivered);
            match step {
                Step::Accept | Step::Decline => {
                    on_dialog.emit(Some(DialogKind::Answer { id, step }))
                }
                Step::Reopen if delivered => on_dialog.emit(Some(DialogKind::Answer { id, step })),
                _ => dispatch.dispatch(Msg::Do {
                    action: Action::AnswerDependency {
                        id,
                        step,
                        note: String::new(),
                        promised: None,
                    },
                    focus: None,
                }),
            }
        },
    );
    // Closing a risk updates its initiative, as the board holds it now.
    let on_close_risk = use_callback(
        (
            Same(Some(board.clone())),
            context.dispatch.clone(),
            note_risk,
        ),
        |(initiative, risk): (Id, Id), (Same(board), dispatch, note_risk)| {
            note_risk.emit(());
            let Some(mut updated) = board
                .as_ref()
                .and_then(|b| b.initiative(&initiative))
                .cloned()
            else {
                return;
            };
            if let Some(r) = updated.risks.iter_mut().find(|r| r.id == risk) {
                r.open = false;
            }
            dispatch.dispatch(Msg::Do {
                action: Action::UpdateInitiative(updated),
                focus: None,
            });
        },
    );

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
    let grid = html! {
        <table class="ab-heat ab-matrix" aria-label="Requests between teams">
            <thead>
                <tr>
                    // Rows ask and columns are asked: the arrows point along each, for the
                    // eye; a screen reader hears the rows' heading.
                    <th scope="col"><span aria-hidden="true">{ "Asking ↓ · asked →" }</span><span class="ab-visually-hidden">{ "Asking team" }</span></th>
                    { board.teams.iter().map(|t| html! { <th key={t.id.as_str()} scope="col"><span class="ab-lines">{ &t.name }</span></th> }).collect::<Html>() }
                </tr>
            </thead>
            <tbody>
                { for board.teams.iter().zip(&m.cells).map(|(asking, cells)| html! {
                    <tr key={asking.id.as_str()}>
                        <th scope="row"><span class="ab-one-line" title={long_name(&asking.name)}>{ &asking.name }</span></th>
                        { board.teams.iter().zip(cells).map(|(providing, cell)| {
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
                            let requests = cell.dependencies.len();
                            let title = format!(
                                "{} asks {}: {requests} request{}, {} open, {} stuck, {} misaligned",
                                asking.name,
                                providing.name,
                                if requests == 1 { "" } else { "s" },
                                cell.open,
                                cell.stuck,
                                cell.misaligned
                            );
                            // A cell with requests chooses its asking team, whose requests the
                            // lists below then show: its figures reach a finger and a screen
                            // reader too, not only a pointer's tooltip.
                            if requests == 0 {
                                return html! { <td key={providing.id.as_str()} class={class} title={title}>{ text }</td> };
                            }
                            let choose = {
                                let (state, asked, id, of) = (team.clone(), asked_team.clone(), asking.id.clone(), providing.id.clone());
                                // Chosen again, the cell lets go of its mark.
                                Callback::from(move |_| {
                                    let chosen = *state == id && asked.as_ref() == Some(&of);
                                    state.set(id.clone());
                                    asked.set((!chosen).then(|| of.clone()));
                                })
                            };
                            let chosen = *team == asking.id && asked_team.as_ref() == Some(&providing.id);
                            html! {
                                <td key={providing.id.as_str()} class={classes!(class, "ab-matrix__cell--pick", chosen.then_some("ab-matrix__cell--chosen"))}>
                                    <button type="button" class="ab-heat__button" title={title.clone()} onclick={choose}
                                            aria-pressed={chosen.to_string()}>
                                        { text }<span class="ab-visually-hidden">{ format!(" — {title}") }</span>
                                    </button>
                                </td>
                            }
                        }).collect::<Html>() }
                    </tr>
                }) }
            </tbody>
        </table>
    };

    // One team's requests, both ways; the asking team's own may be edited or deleted.
    let edit_request =
        (!context.read_only).then(|| context.on_dialog.reform(|id| Some(DialogKind::Request(id))));
    let team_name = board.team(&team).map_or(String::new(), |t| t.name.clone());
    let requests = |list: Vec<usize>, answering: bool| -> Html {
        if list.is_empty() {
            return html! { <li class="ab-finding ab-finding--none" tabindex="-1" data-focus-empty="">{ "Nothing open." }</li> };
        }
        list.into_iter()
            .map(|d| {
                let dep = &board.dependencies[d];
                let asking = board.initiative(&dep.from_initiative_id);
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
                if let Some(promised) = dep.promised {
                    // A promise past the date needed leaves the asking work waiting: said.
                    let later = dep
                        .due
                        .and_then(|due| crate::core::days::later_than_needed(promised, due))
                        .map_or(String::new(), |later| format!(" ({later})"));
                    what.push(format!("promised for {}{later}", short_date(promised)));
                }
                if !dep.answer_note.is_empty() {
                    what.push(format!("“{}”", excerpt(&dep.answer_note, EXCERPT)));
                }
                if let Some(delivered) = delivered_on(dep, now) {
                    what.push(delivered);
                }
                for flag in flags(board, dep, now) {
                    what.push(flag.describe(today));
                }
                html! {
                    <RequestRow key={dep.id.as_str()} id={dep.id.clone()} need={dep.need.clone()}
                        asking={dep.from_initiative_id.clone()}
                        shown={answering && props.shown.as_ref() == Some(&dep.id)}
                        picked={!answering && asked_team.as_ref() == Some(&dep.to_team_id)}
                        state={dep.state} reason={what.join(" · ")}
                        answering={answering && !context.read_only}
                        on_reveal={props.on_reveal.clone()} on_step={on_step.clone()}
                        on_edit={(!answering).then(|| edit_request.clone()).flatten()} />
                }
            })
            .collect()
    };
    let asked = requests(asked_of(board, &team), true);
    // Delivered while the asking work goes on: a delivery that fell short can be reopened.
    let delivered = delivered_by(board, &team);
    let delivered = (!delivered.is_empty()).then(|| requests(delivered, true));
    let waits = requests(waiting_on(board, &team), false);

    // The decision log.
    let edit = (!context.read_only).then(|| {
        context
            .on_dialog
            .reform(|id| Some(DialogKind::Decision(Some(id))))
    });
    let log = decision_log(
        board,
        &decisions(board, &filter, today),
        today,
        "No decision matches.",
        edit.as_ref(),
    );

    // Open risks.
    let open = open_risks(board);
    let risks = if open.is_empty() {
        html! { <li class="ab-finding ab-finding--none">{ "No open risks." }</li> }
    } else {
        open.iter()
            .map(|&(i, r)| {
                let initiative = &board.initiatives[i];
                let risk = &initiative.risks[r];
                html! {
                    <RiskRow key={format!("{}\u{1f}{}", initiative.id, risk.id)}
                        initiative={initiative.id.clone()} title={initiative.title.clone()}
                        risk={risk.id.clone()} severity={risk.severity} text={risk.text.clone()}
                        closable={!context.read_only}
                        on_reveal={props.on_reveal.clone()} on_close={on_close_risk.clone()} />
                }
            })
            .collect()
    };

    let show_team = |id: &Id| {
        let (state, asked, id) = (team.clone(), asked_team.clone(), id.clone());
        Callback::from(move |_| {
            state.set(id.clone());
            asked.set(None);
        })
    };
    let team_chips = board.teams.iter().map(|t| {
        let pressed = *team == t.id;
        html! {
            <button type="button" class={if pressed { "ab-chip ab-chip--on" } else { "ab-chip" }}
                    aria-pressed={pressed.to_string()} onclick={show_team(&t.id)} title={long_name(&t.name)}>{ &t.name }</button>
        }
    });
    // A chosen cell: whose requests are marked, and where they are answered.
    let pair = asked_team
        .as_ref()
        .and_then(|id| board.team(id))
        .map(|asked| {
            html! {
                <p class="ab-coordination__pair">
                    { format!("{team_name}’s requests of {} are marked under “{team_name} waits on”; {} answers them in its own list. ", asked.name, asked.name) }
                    <button type="button" class="ab-link-button" onclick={show_team(&asked.id)}>
                        { format!("Show what {} is asked", asked.name) }
                    </button>
                </p>
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
            .map(|k| (k.key().to_string(), k.label().to_string()))
            .collect(),
    );

    html! {
        <section class="ab-coordination" aria-labelledby="ab-coordination-title" ref={root}>
            <h2 id="ab-coordination-title">{ "Coordination" }</h2>
            <h3 class="ab-health__heading">{ "Who asks whom" }</h3>
            <p class="ab-allocation__lede">{ "Requests between teams: rows ask, columns are asked. A cell counts the requests and how many are stuck: unanswered, declined but still counted on, or late. Choose a cell to mark its requests in its asking team's lists, or a team below to see its lists." }
                <span class="ab-hover-only">{ " Hover a cell for all its figures." }</span></p>
            // Focusable, so a keyboard scrolls it where it is wider than the screen (a phone).
            <div class="ab-table-scroll" tabindex="0" role="region" aria-label="Who asks whom">
                { grid }
                { more_to_the_right() }
            </div>

            <div class="ab-scope" role="group" aria-label="Show the requests of">{ for team_chips }</div>
            if let Some(pair) = pair { { pair } }
            <section aria-label={format!("Asked of {team_name}")}>
                <h3 class="ab-health__heading">{ format!("Asked of {team_name}") }</h3>
                <ul class="ab-findings ab-since ab-asked">{ asked }</ul>
                if let Some(delivered) = delivered {
                    <h4 class="ab-coordination__delivered">{ "Delivered, while the asking work goes on" }</h4>
                    <ul class="ab-findings ab-since ab-delivered" aria-label={format!("Delivered by {team_name}")}>{ delivered }</ul>
                }
            </section>
            <section aria-label={format!("{team_name} waits on")}>
                <h3 class="ab-health__heading">{ format!("{team_name} waits on") }</h3>
                <ul class="ab-findings ab-since" data-place={WAITS_ON} tabindex="-1">{ waits }</ul>
            </section>

            <section aria-label="Decisions">
                <div class="ab-rhythm__head">
                    <h3 class="ab-health__heading">{ "Decisions" }</h3>
                    if !context.read_only {
                        <button type="button" class="ab-button ab-button--primary" data-place={RECORD_DECISION}
                                onclick={context.on_dialog.reform(|_| Some(DialogKind::Decision(None)))}>{ "Record decision" }</button>
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
                <ul class="ab-findings ab-since" aria-label="Decision log">{ log }</ul>
            </section>

            <section aria-label="Open risks">
                <h3 class="ab-health__heading">{ "Open risks" }</h3>
                <ul class="ab-findings ab-since">{ risks }</ul>
            </section>
        </section>
    }
}

/// One open risk, named by its initiative, with a button to close it.
#[derive(Properties, PartialEq)]
struct RiskRowProps {
    initiative: AttrValue,
    title: AttrValue,
    risk: AttrValue,
    severity: Severity,
    text: AttrValue,
    /// Whether it may be closed here (not on a read-only board).
    closable: bool,
    on_reveal: Callback<Subject>,
    /// Closes the risk with the given initiative and risk ids.
    on_close: Callback<(Id, Id)>,
}

#[function_component]
fn RiskRow(props: &RiskRowProps) -> Html {
    let subject = Subject::Initiative(props.initiative.to_string());
    let ids = (props.initiative.to_string(), props.risk.to_string());
    html! {
        <li class="ab-finding ab-risk-row">
            { subject_link(Some(subject), &props.title, &props.on_reveal) }
            <span class={format!("ab-severity ab-severity--{}", props.severity.key())}>{ props.severity.label() }</span>
            <span class="ab-finding__reason">{ &props.text }</span>
            if props.closable {
                <button type="button" class="ab-button ab-button--small"
                        aria-label={format!("Close risk: {}", props.text)}
                        onclick={props.on_close.reform(move |_| ids.clone())}>{ "Close" }</button>
            }
        </li>
    }
}
