//! The root component: owns the board's history, autosaves it, and decides what is on
//! screen (the welcome screen, the board, a dialog). All board changes arrive here as
//! `Msg`s and go through `History`, so undo covers every one.

use super::allocation_view::AllocationView;
use super::autosave::{use_autosave, Autosave, Told};
use super::board_view::{Attention, BoardView};
use super::card::park_focus;
use super::clock::{local_now, now, use_today};
use super::coordination_view::CoordinationView;
use super::damaged::DamagedCopies;
use super::fields::{refocus_after_submit, set_to};
use super::files::{download_text, exported, file_input, snapshots_input};
use super::filters::{filter_bar, FilterBarProps};
use super::forms::Dialogs;
use super::health_view::HealthView;
use super::rhythm_view::{KeptReview, RhythmView};
use super::score::band;
use super::screen;
use super::share;
use super::state::{BoardContext, Msg, Notice, StoreHandle, Synced, Today, View};
use super::state::{DialogKind, MergeFiles};
use super::state::{Placing, Same};
use super::toast::Toast;
use super::toolbar::Toolbar;
use super::welcome::{welcome, WelcomeProps};
use crate::core::combine::Incoming;
use crate::core::health::{analyse_board, PartKind, Subject};
use crate::core::layout::{Filter, Layout};
use crate::core::model::Board;
use crate::core::picture::svg;
use crate::core::snapshot;
use crate::storage::{display, BoardKey};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

mod address;
mod analysis;
mod commands;
mod example;
mod opened_link;
mod page_offer;
mod printing;
mod reveal;
mod root_handlers;
mod startup;
mod views_bar;
use super::focus::{use_focus_after_change, Scene};
use analysis::use_analysis;
use commands::{offered, use_stable, Commands};
use example::fetch_example;
pub use example::Example;
pub use page_offer::Offered;
use page_offer::PageOffer;
use reveal::{use_reveal, Reveal};
use root_handlers::RootEvents;
use startup::initial_state;

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub store: StoreHandle,
    /// Where this board lives in the store; several boards on one origin use several keys.
    pub storage_key: BoardKey,
    /// A board the page gave (read and checked already): shown when the key holds none,
    /// and saved under it unless the board is read-only.
    #[prop_or_default]
    pub given: Same,
    #[prop_or_default]
    pub read_only: bool,
    /// The view shown first.
    #[prop_or_default]
    pub view: View,
    /// Where "Start from example" finds the example board.
    #[prop_or_default]
    pub example: Example,
    /// "light" or "dark" to fix the theme; otherwise it follows the person's preference.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// The frame page that opens share links (`alignment-board-frame.html`); without one
    /// the board offers no share link.
    #[prop_or_default]
    pub share: Option<AttrValue>,
    /// What a share link the board's own page was opened with carries, unpacked: the
    /// snapshot's text, or why the link cannot be opened. Its board is offered as the
    /// person's, asking first, as an imported file's is.
    #[prop_or_default]
    pub opened_link: Option<Rc<Result<String, String>>>,
    /// Keep the view in the page's address, with Back going to the view before: for the
    /// board's own page, not for a board embedded in someone else's.
    #[prop_or_default]
    pub view_in_address: bool,
    /// The page's snapshot, changed since the board kept under the key started from it.
    #[prop_or_default]
    pub offered: Option<Offered>,
    /// Which start of the board in its element this is (`mounted::Mounted::turn`).
    #[prop_or_default]
    pub turn: u32,
    /// Where the board is, when its page shows the board's last screen as it starts
    /// (`screen`: `page` or `element`); none keeps no screen.
    #[prop_or_default]
    pub screen: Option<AttrValue>,
}

/// The event a board's element fires after each change to the board (alignment-board.js
/// turns it into the `change` event of the element and of the handle).
pub const CHANGED: &str = "alignment-board-changed";

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let startup = use_memo((), |_| {
        let (state, blocked, known) = initial_state(
            props.store.0.as_ref(),
            &props.storage_key,
            props.given.0.clone(),
            props.read_only,
        );
        (state, blocked, RefCell::new(Some(known)))
    });
    let state = use_reducer({
        let startup = startup.clone();
        move || startup.0.clone()
    });
    let dispatch = state.dispatcher();
    let filter = use_state(|| match props.view_in_address {
        true => address::filter_in_address(startup.0.history.as_ref().map(|h| &**h.board())),
        false => Filter::default(),
    });
    let view = views_bar::use_asked_view(props.view);
    let dialog = use_state(|| None::<DialogKind>);
    let views_nav = views_bar::use_views_bar(*view, state.history.is_some());
    let dragging_file = use_state(|| false);
    // A guided review goes on where it was after the person looked at another view, while
    // the board is the one it was started on.
    let kept_review = use_memo(state.board_turn, |_| KeptReview::default());
    let kept_team = super::page_query::use_kept_teams(state.board_turn, filter.team.clone());
    // Printing: every lane rendered and the printed page's heading shown.
    let (printing, on_print) = printing::use_printing();
    let board = state.history.as_ref().map(|h| h.board().clone());
    let read_only = props.read_only || startup.1.is_some();
    let on_synced = use_callback(dispatch.clone(), |synced: Synced, dispatch| {
        dispatch.dispatch(Msg::Synced(synced))
    });
    let root = use_node_ref();
    let on_hidden = screen::use_screen(
        &root,
        &props.store,
        &props.storage_key,
        screen::Shown {
            view: *view,
            theme: props.theme.clone(),
            keep: board.is_some()
                && !read_only
                && dialog.is_none()
                && *filter == Filter::default()
                && !printing,
            place: props.screen.clone(),
        },
    );
    let Autosave {
        status: save_status,
        resolve,
    } = use_autosave(
        props.store.clone(),
        props.storage_key.clone(),
        board.clone(),
        startup.2.take(),
        !read_only,
        Told {
            synced: on_synced,
            hidden: on_hidden,
        },
    );
    let card_place = use_focus_after_change(
        &root,
        (
            state.focus_turn,
            state.focus.clone(),
            state.focus_card.clone(),
        ),
        board.clone(),
        Scene::new(*view, &filter),
        dispatch.clone(),
    );
    {
        // The page's list of boards (for the JavaScript handle and the crash screen) holds
        // the latest board; a host page hears of each change after the board it opened
        // with, and of the first board of one that opened with none when the person chose it
        // (the example or a blank board chosen on the first screen, a file imported there).
        let (root, load, turn) = (root.clone(), dispatch.clone(), props.turn);
        let kept_under =
            (!read_only && !props.store.0.kept_by_page()).then(|| props.storage_key.clone());
        let shown = use_mut_ref(|| startup.0.history.is_none());
        use_effect_with(Same(board.clone()), move |Same(board)| {
            let element = root.cast::<web_sys::Element>();
            if let Some(element) = &element {
                // A host's own first board (loadSnapshot on an empty board) is not a change
                // the host needs to hear of: it gave it.
                let (empty, given) = (board.is_none(), shown.clone());
                let load = Callback::from(move |board| {
                    if empty {
                        given.replace(false);
                    }
                    load.dispatch(Msg::Load(board))
                });
                super::mounted::track(super::mounted::Mounted {
                    root: element.clone(),
                    board: board.clone(),
                    load,
                    turn,
                    kept_under: kept_under.clone(),
                });
                if board.is_some() && shown.replace(true) {
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    if let Ok(event) = web_sys::Event::new_with_event_init_dict(CHANGED, &init) {
                        let _ = element.dispatch_event(&event);
                    }
                }
            }
            move || {
                if let Some(element) = element {
                    super::mounted::forget(&element);
                }
            }
        });
    }
    let today = use_today();
    let analysis = use_analysis(board.clone(), today);
    // Made again only for a new analysis (compared by identity, not by content).
    let analysed = analysis.as_ref().map(|a| Rc::as_ptr(a) as usize);
    let attention = use_memo(analysed, |_| match (analysis.as_ref(), board.as_ref()) {
        (Some(analysis), Some(board)) => Attention::new(analysis.attention(board), board),
        _ => Attention::default(),
    });
    let layout = use_memo(
        (
            Placing(board.clone(), (*filter).clone()),
            (*attention).clone(),
        ),
        |(Placing(board, filter), attention)| {
            board.as_ref().map(|board| {
                Rc::new(Layout::compute_flagged(board, filter, &|id| {
                    attention.of(id).is_some()
                }))
            })
        },
    );
    let Reveal {
        on_reveal,
        on_follow,
        shown_request,
        health_place,
        on_choose,
    } = use_reveal(
        board.clone(),
        dispatch.clone(),
        filter.clone(),
        view.clone(),
    );
    address::use_filter_in_address(props.view_in_address, &filter);
    let team_shown = address::use_view_in_address(
        props.view_in_address,
        (*view, health_place.is_some()),
        &root,
        on_choose.clone(),
        dispatch.clone(),
    );
    let on_error = use_callback(dispatch.clone(), |text: String, dispatch| {
        dispatch.dispatch(Msg::Notify(Notice::error(text)))
    });

    let open_dialog = use_callback(
        (dialog.setter(), filter.team.clone()),
        |kind: Option<DialogKind>, (set, team)| set.set(kind.map(|kind| kind.seen_from(team))),
    );
    let on_start = {
        let dispatch = dispatch.clone();
        use_callback(props.example.clone(), move |example: bool, source| {
            if !example {
                let board = Board::blank(crate::ui::ids::fresh_board(), local_now().today());
                return dispatch.dispatch(Msg::Start(Rc::new(board), "Blank board started".into()));
            }
            let url = match source {
                Example::Board(board) => {
                    return dispatch
                        .dispatch(Msg::Start(board.clone(), "Example board loaded".into()))
                }
                Example::Url(url) => url.clone(),
            };
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match fetch_example(&url).await {
                    Ok(board) => Msg::Start(Rc::new(board), "Example board loaded".into()),
                    Err(why) => Msg::Notify(Notice::error(format!(
                        "The example board could not be loaded: {why}."
                    ))),
                })
            });
        })
    };
    let on_import_text = {
        let dispatch = dispatch.clone();
        let has_board = board.is_some();
        use_callback(
            (has_board, dialog.setter()),
            move |(name, text): (String, String), (has_board, dialog)| {
                let loaded = match snapshot::read(&text) {
                    Ok(loaded) => loaded,
                    Err(error) => {
                        return dialog.set(Some(DialogKind::ImportFailed {
                            file: name,
                            message: error.to_string(),
                        }))
                    }
                };
                // An older file is migrated; the file itself is left as it was.
                let file = match loaded.migrated_from {
                    Some(v) => format!("{name}, migrated from version {v}"),
                    None => name,
                };
                let board = Rc::new(loaded.board);
                if *has_board {
                    return dialog.set(Some(DialogKind::ConfirmImport {
                        file,
                        board,
                        from_link: false,
                    }));
                }
                let text = format!("Imported {file}");
                // The board takes the welcome screen's place, and the control used with it.
                park_focus();
                dispatch.dispatch(Msg::Start(board, text.clone()));
                if loaded.migrated_from.is_some() {
                    dispatch.dispatch(Msg::Done(text));
                }
            },
        )
    };
    opened_link::use_opened_link(
        props.opened_link.clone(),
        read_only,
        dispatch.clone(),
        dialog.setter(),
    );
    let on_export = {
        let dispatch = dispatch.clone();
        // The snapshot, or (`true`) the board as a picture that carries the snapshot.
        use_callback(Same(board.clone()), move |picture: bool, Same(board)| {
            let Some(board) = board else { return };
            let now = local_now();
            let mut name = snapshot::file_name(board, now.today());
            let (text, mime) = if picture {
                // `….alignment.json` becomes `….alignment.svg`.
                name.truncate(name.len() - 4);
                name.push_str("svg");
                (svg(board, now), "image/svg+xml")
            } else {
                (snapshot::write_pretty(board, now.at()), "application/json")
            };
            match download_text(&name, &text, mime) {
                Ok(()) => dispatch.dispatch(exported(board, &name, picture)),
                Err(message) => dispatch.dispatch(Msg::Notify(Notice::error(format!(
                    "Export failed: {message}"
                )))),
            }
        })
    };
    // A share link of the board as it is now, shown in a dialog once it is made.
    let on_share = props.share.clone().map(|page| {
        let (dispatch, open_dialog) = (dispatch.clone(), open_dialog.clone());
        let board = board.clone();
        Callback::from(move |()| {
            let Some(board) = board.clone() else { return };
            let (page, dispatch, open_dialog) =
                (page.clone(), dispatch.clone(), open_dialog.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match share::link(&page, &board, now()).await {
                    Ok(link) => open_dialog.emit(Some(DialogKind::Share(link))),
                    Err(message) => dispatch.dispatch(Msg::Notify(Notice::error(format!(
                        "No share link: {message}"
                    )))),
                }
            });
        })
    });
    // The menus' commands. The context holds one callback that never changes (so the
    // components that read the context do not render again at each edit); it runs what
    // this render made, which knows the board as it is now.
    let import_input = use_node_ref();
    let merge_input = use_node_ref();
    let on_merge_files = use_callback(open_dialog.clone(), |files: Vec<Incoming>, open| {
        open.emit(Some(DialogKind::Merge(MergeFiles(Rc::new(files)))))
    });
    let compact = use_state(|| display(props.store.0.as_ref(), &props.storage_key).compact);
    let has_share = on_share.is_some();
    let on_command = use_stable(
        Commands {
            open_dialog: open_dialog.clone(),
            on_export: on_export.clone(),
            on_share: on_share.clone(),
            on_print: on_print.clone(),
            import_input: import_input.clone(),
            merge_input: merge_input.clone(),
            compact: compact.clone(),
            store: props.store.clone(),
            key: props.storage_key.clone(),
            read_only,
            // Only where the filter shows: the board.
            team: (*view == View::Board)
                .then(|| filter.team.clone())
                .flatten(),
        }
        .runner(),
    );
    let commands = use_memo((read_only, has_share), |&(read_only, has_share)| {
        offered(read_only, has_share)
    });

    let root_handlers = RootEvents {
        dispatch: dispatch.clone(),
        dialog_open: dialog.is_some(),
        read_only,
        dragging_file: dragging_file.clone(),
        on_import_text: on_import_text.clone(),
        on_error: on_error.clone(),
        on_merge: board.is_some().then(|| on_merge_files.clone()),
        on_help: open_dialog.reform(|()| Some(DialogKind::Help)),
        // A view chosen by its digit: its tab takes focus, so Tab goes on into the view.
        on_view: board.is_some().then(|| {
            views_bar::by_digit(
                *view,
                health_place.is_some(),
                on_choose.clone(),
                dispatch.clone(),
            )
        }),
    }
    .handlers();
    root_handlers::use_page_keys(props.view_in_address, root_handlers.onkeydown.clone());

    let on_expire = {
        let dispatch = dispatch.clone();
        use_callback((), move |turn, _| dispatch.dispatch(Msg::Expire(turn)))
    };
    // A failure or news the person did not ask for stays above the board; what a command did
    // is told at the window's foot (`Toast`).
    let notice = state.notice.as_ref().map(|notice| {
        let error = notice.is_error();
        let on_dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| {
                // The button goes with the notice: focus stays in the board.
                park_focus();
                dispatch.dispatch(Msg::Dismiss)
            })
        };
        html! {
            // What it says is read out, not its buttons.
            <div class={classes!("ab-notice", notice.modifier())}>
                <p role={if error { "alert" } else { "status" }}>{ &notice.text }</p>
                if board.is_some() && notice.offers_export() {
                    <button type="button" class="ab-button" onclick={on_export.reform(|_| false)}>{ "Export snapshot" }</button>
                }
                <button type="button" class="ab-button ab-button--quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });
    let save_banner = save_status.banner(board.is_some(), &on_export, &resolve);

    let body = match &board {
        None => html! {
            <>
                { welcome(&WelcomeProps { on_start, on_import: on_import_text.clone(), on_error: on_error.clone(), read_only, kept_by_page: props.store.0.kept_by_page() }) }
                <DamagedCopies store={props.store.clone()} storage_key={props.storage_key.clone()} />
            </>
        },
        Some(board) => {
            let analysis = analysis
                .clone()
                .unwrap_or_else(|| Rc::new(analyse_board(board, local_now())));
            let content = match *view {
                View::Board => {
                    let layout = (*layout)
                        .clone()
                        .unwrap_or_else(|| Rc::new(Layout::compute(board, &filter)));
                    // What needs attention among what the other filters let through.
                    let flagged = layout.flagged;
                    html! {
                        <>
                            { filter_bar(&FilterBarProps { board: board.clone(), filter: (*filter).clone(),
                                                           on_change: set_to(&filter), shown: layout.shown,
                                                           flagged, earlier: board.earlier_count() }) }
                            <BoardView board={board.clone()} {layout} focus={state.focus.clone().or_else(|| (*card_place).clone())}
                                       attention={(*attention).clone()} printing={printing} />
                        </>
                    }
                }
                View::Health => html! {
                    <HealthView board={board.clone()} analysis={analysis.clone()} on_follow={on_follow.clone()}
                                place={(*health_place).clone()} kept={kept_team.health.clone()} address={props.view_in_address.then(|| team_shown.clone())} />
                },
                View::Allocation => html! {
                    <AllocationView board={board.clone()} analysis={analysis.clone()} on_reveal={on_reveal.clone()} />
                },
                View::Rhythm => html! {
                    <RhythmView board={board.clone()} analysis={analysis.clone()}
                                on_reveal={on_reveal.clone()} on_error={on_error.clone()}
                                review={(*kept_review).clone()} kept={kept_team.rhythm.clone()} address={props.view_in_address.then(|| team_shown.clone())} />
                },
                View::Coordination => html! {
                    <CoordinationView board={board.clone()} on_reveal={on_reveal.clone()}
                                      shown={(*shown_request).clone()} kept={kept_team.coordination.clone()}
                                      address={props.view_in_address.then(|| team_shown.clone())} />
                },
            };
            // The same rule as the rhythm part of the health analysis: late for a check-in.
            let due_count = analysis
                .board
                .part(PartKind::Rhythm)
                .findings
                .iter()
                .filter(|f| matches!(f.subject, Subject::Initiative(_)))
                .count();
            let tabs = View::ALL.iter().map(|&v| {
                let current = *view == v;
                let onclick = views_bar::by_tab(v, current, &on_choose, &dispatch);
                html! {
                    <button type="button" class={classes!("ab-views__tab", current.then_some("ab-views__tab--current"))}
                            aria-current={current.then_some("page")} data-place={views_bar::tab_place(v)} {onclick}>
                        { v.label() }
                        if v == View::Health {
                            <span class={classes!("ab-views__score", band(analysis.board.score))}
                                  aria-label={analysis.board.score.map_or("no score yet".to_string(), |s| format!("score {s}"))}>
                                { analysis.board.score.map_or("—".to_string(), |s| s.to_string()) }
                            </span>
                        }
                        if v == View::Rhythm && due_count > 0 {
                            <span class="ab-views__score ab-views__score--due" aria-label={format!("{due_count} due")}>
                                { due_count }
                            </span>
                        }
                    </button>
                }
            });
            html! {
                <>
                    <nav class="ab-views" aria-label="Views" ref={views_nav.clone()}>{ for tabs }</nav>
                    { content }
                </>
            }
        }
    };

    let context = BoardContext {
        dispatch: dispatch.clone(),
        on_dialog: open_dialog.clone(),
        read_only,
        store: props.store.clone(),
        storage_key: props.storage_key.clone(),
        on_command,
        commands,
        compact: *compact,
    };
    html! {
        <ContextProvider<BoardContext> {context}>
        <ContextProvider<Today> context={Today(today)}>
        <div ref={root} class={classes!("ab-app", dragging_file.then_some("ab-app--drop"))} tabindex="-1"
             data-theme={props.theme.clone()} onkeydown={root_handlers.onkeydown}
             ondragover={root_handlers.ondragover} ondragleave={root_handlers.ondragleave}
             ondrop={root_handlers.ondrop} onsubmit={refocus_after_submit}>
            if let Some(board) = &board {
                <Toolbar board={board.clone()} history={state.history.clone()} save_status={save_status.clone()} />
            }
            { file_input(import_input, on_import_text.clone(), on_error.clone()) }
            { snapshots_input(merge_input, on_merge_files) }
            // Each child here keeps its place whether or not a banner shows: a banner that
            // came as a list of none or one would shift the children before it, and the
            // toolbar would be made anew, closing an open menu and dropping focus.
            if let Some(banner) = save_banner { { banner } }
            if let Some(notice) = notice { { notice } }
            if let (Some(offered), Some(_)) = (&props.offered, &board) { <PageOffer offered={offered.clone()} shown={Same(board.clone())} /> }
            <main class="ab-main">{ body }</main>
            // Drawn at the window's foot, and met there by Tab: after the board.
            <Toast done={state.done.clone()} {on_expire} />
            if *dragging_file {
                <div class="ab-dropzone" aria-hidden="true"><p>{ "Drop a snapshot file to import it, or several to merge them" }</p></div>
            }
            <div class="ab-visually-hidden" aria-live="polite" aria-atomic="true">{ &state.announcement }</div>
            <div class="ab-visually-hidden" aria-live="assertive" data-refusal-said="" />
            if let Some(kind) = (*dialog).clone() {
                <Dialogs {kind} board={board.clone()} on_export={on_export.clone()} attention={(*attention).clone()} />
            }
        </div>
        </ContextProvider<Today>>
        </ContextProvider<BoardContext>>
    }
}
