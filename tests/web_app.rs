//! The board's components in a real browser: the welcome screen, starting a board, undo
//! and redo, autosave (flushed by `pagehide`, so no test waits on a timer), failed saves,
//! corrupt storage, read-only boards, two boards that keep to their own keys, and the
//! health view leading to the board.
#![cfg(target_arch = "wasm32")]

#[path = "support/example.rs"]
mod example;

use alignment_board::storage::{BoardKey, FaultyStore, Store};

/// Where the tests' board "k" keeps its head, its revision and its original.
const HEAD: &str = "alignment-board:k";
const REVISION: &str = "alignment-board:k:revision";
use alignment_board::ui::{App, AppProps, Example, StoreHandle, View};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    store: Rc<FaultyStore>,
    app: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

async fn mount(store: Rc<FaultyStore>, key: &str, read_only: bool) -> Mounted {
    let props = AppProps {
        store: StoreHandle(store.clone()),
        storage_key: BoardKey::new(key).unwrap(),
        given: Default::default(),
        read_only,
        view: View::Board,
        theme: None,
        share: None,
        opened_link: None,
        view_in_address: false,
        offered: None,
        turn: 0,
        screen: None,
        example: Example::Board(Rc::new(example::example_board(
            alignment_board::ui::clock::local_now().today(),
        ))),
    };
    render(store, props).await
}

/// The app with `props`, rendered in an element of its own at the end of the page.
async fn render(store: Rc<FaultyStore>, props: AppProps) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        store,
        app: Some(app),
    }
}

/// `board` given by the page (as a host or the element's inline snapshot does), under the
/// key "k" of `store`.
async fn mount_given(
    store: Rc<FaultyStore>,
    board: Rc<alignment_board::core::model::Board>,
    read_only: bool,
) -> Mounted {
    let props = AppProps {
        store: StoreHandle(store.clone()),
        storage_key: BoardKey::new("k").unwrap(),
        given: alignment_board::ui::Same(Some(board)),
        read_only,
        view: View::Board,
        theme: None,
        share: None,
        opened_link: None,
        view_in_address: false,
        offered: None,
        turn: 0,
        screen: None,
        example: Example::default(),
    };
    render(store, props).await
}

impl Mounted {
    fn buttons(&self) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all("button").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
            .collect()
    }

    /// The button whose accessible name (aria-label, or else its text) is `name`.
    fn button(&self, name: &str) -> HtmlElement {
        self.buttons()
            .into_iter()
            .find(|b| {
                b.get_attribute("aria-label")
                    .unwrap_or_else(|| b.inner_text())
                    .trim()
                    .ends_with(name)
            })
            .unwrap_or_else(|| panic!("no button named {name:?}"))
    }

    fn has_button(&self, name: &str) -> bool {
        self.buttons().iter().any(|b| {
            b.get_attribute("aria-label")
                .unwrap_or_else(|| b.inner_text())
                .trim()
                == name
        })
    }

    async fn click(&self, name: &str) {
        self.button(name).click();
        yew::scheduler::flush().await;
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    fn text(&self) -> String {
        self.root.dyn_ref::<HtmlElement>().unwrap().inner_text()
    }
}

/// What the browser does when a tab is closed or navigated away: autosave flushes.
async fn page_hide() {
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn an_empty_board_offers_the_example_and_a_blank_start() {
    let board = mount(Rc::new(FaultyStore::new()), "k", false).await;
    assert!(board.has_button("Start from example"));
    assert!(board.has_button("Start blank"));
    assert!(board.has_button("Import snapshot"));
    assert_eq!(board.count(".ab-card"), 0);
}

#[wasm_bindgen_test]
async fn the_example_board_shows_priorities_teams_and_cards_and_is_saved() {
    let board = mount(Rc::new(FaultyStore::new()), "k", false).await;
    board.click("Start from example").await;
    let example = example::example_board(alignment_board::ui::clock::local_now().today());
    // Ranked priorities, then achieved or dropped ones that still have cards, then Local work.
    let finished_with_work = example
        .priorities
        .iter()
        .filter(|p| {
            !p.is_active()
                && example
                    .initiatives
                    .iter()
                    .any(|i| i.priority_ids.contains(&p.id))
        })
        .count();
    assert_eq!(
        board.count(".ab-column-head"),
        (example.ranked_priorities().len() + finished_with_work + 1) as u32,
        "ranked priorities, finished ones with work, and Local work"
    );
    assert_eq!(board.count(".ab-lane-head"), example.teams.len() as u32);
    assert!(
        board.count(".ab-card") >= example.initiatives.len() as u32 - 3,
        "every shown initiative has a card"
    );
    assert!(board.text().contains("Local work"));
    assert!(
        board.count(".ab-card__also") > 0,
        "multi-priority cards say so"
    );

    assert_eq!(board.store.get(HEAD), None, "saving waits for the debounce");
    page_hide().await;
    let loaded = stored(&board.store, "k");
    assert_eq!(loaded.initiatives.len(), example.initiatives.len());
}

#[wasm_bindgen_test]
async fn undo_and_redo_walk_through_changes() {
    let board = mount(Rc::new(FaultyStore::new()), "k", false).await;
    board.click("Start from example").await;
    let before = board.count(".ab-column-head");
    // Lower the top priority one rank: the action goes through history.
    let raise = board.buttons().into_iter().find(|b| {
        b.get_attribute("aria-label")
            .is_some_and(|l| l.starts_with("Lower") && l.ends_with("to rank 2"))
    });
    raise.expect("the top priority can move down").click();
    yew::scheduler::flush().await;
    let first_title = |m: &Mounted| {
        m.root
            .query_selector(".ab-column-head__edit")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let moved = first_title(&board);
    board.click("Undo").await;
    let restored = first_title(&board);
    assert_ne!(moved, restored, "undo puts the old first priority back");
    board.click("Redo").await;
    assert_eq!(first_title(&board), moved);
    assert_eq!(board.count(".ab-column-head"), before);
}

#[wasm_bindgen_test]
async fn a_failed_save_says_so_keeps_working_and_offers_export() {
    let store = Rc::new(FaultyStore::with_capacity(1_000));
    let board = mount(store.clone(), "k", false).await;
    board.click("Start from example").await;
    page_hide().await;
    assert_eq!(store.get(HEAD), None);
    let text = board.text();
    assert!(text.contains("not saved"), "{text}");
    assert!(text.contains("storage for this site is full"), "{text}");
    assert!(
        board.count(".ab-notice--error button") >= 1,
        "an export button is offered"
    );
    assert!(
        board.count(".ab-card") > 0,
        "the board keeps working in memory"
    );

    store.set_capacity(None);
    board.click("Settings").await;
    board.click("Board settings…").await;
    page_hide().await;
    // Nothing changed since, but the pending board is written once space is free.
    assert!(
        store.get(HEAD).is_some(),
        "the retry succeeds once space is freed"
    );
}

#[wasm_bindgen_test]
async fn a_board_nearing_the_storage_quota_says_so_and_offers_export() {
    // A store whose quota the example board fills to about nine tenths.
    let example = example::example_board(alignment_board::ui::clock::local_now().today());
    let size = alignment_board::storage::save(
        &FaultyStore::new(),
        &BoardKey::new("k").unwrap(),
        &example,
        alignment_board::ui::clock::now(),
        &mut alignment_board::storage::Parts::default(),
    )
    .unwrap()
    .size;
    let store = Rc::new(FaultyStore::with_capacity(size * 10 / 9));
    let board = mount(store.clone(), "k", false).await;
    board.click("Start from example").await;
    page_hide().await;
    assert!(store.get(HEAD).is_some(), "the board is saved");
    let text = board.text();
    assert!(text.contains("Saved in this browser"), "{text}");
    assert!(
        text.contains("this browser keeps for the site (89 %)")
            || text.contains("this browser keeps for the site (90 %)"),
        "{text}"
    );
    assert_eq!(
        board.count(".ab-notice--warning button"),
        1,
        "export is offered"
    );

    // With room to spare, no warning.
    let roomy = Rc::new(FaultyStore::with_capacity(size * 2));
    let board = mount(roomy, "k", false).await;
    board.click("Start from example").await;
    page_hide().await;
    assert_eq!(board.count(".ab-notice--warning"), 0);
}

#[wasm_bindgen_test]
async fn a_corrupt_saved_board_is_explained_and_kept_aside() {
    let store = Rc::new(FaultyStore::new());
    store.write(HEAD, "{ not json").unwrap();
    let board = mount(store.clone(), "k", false).await;
    let text = board.text();
    assert!(text.contains("could not be read"), "{text}");
    assert!(
        board.has_button("Start from example"),
        "the person can start again"
    );
    let backups: Vec<String> = store
        .all_keys()
        .into_iter()
        .filter(|k| k.starts_with("alignment-board:k:unreadable-"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(store.get(&backups[0]).as_deref(), Some("{ not json"));
    // The board says where the copy is, and offers to download or discard it.
    let text = board.text();
    assert!(
        text.contains("Damaged copies kept in this browser"),
        "{text}"
    );
    assert!(text.contains(&backups[0]), "{text}");
    assert!(board.buttons().iter().any(|b| b
        .get_attribute("aria-label")
        .is_some_and(|l| l.starts_with("Download the copy set aside"))));
    board
        .buttons()
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label")
                .is_some_and(|l| l.starts_with("Discard the copy"))
        })
        .expect("a discard button")
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        store.get(&backups[0]).as_deref(),
        Some("{ not json"),
        "asks first"
    );
    board.click("Discard").await;
    assert_eq!(store.get(&backups[0]), None, "discarded once confirmed");
    assert!(board.text().contains("The damaged copy is discarded."));
}

#[wasm_bindgen_test]
async fn a_damaged_board_opened_again_is_not_set_aside_twice() {
    let store = Rc::new(FaultyStore::new());
    store.write(HEAD, "{ not json").unwrap();
    for _ in 0..3 {
        let mut board = mount(store.clone(), "k", false).await;
        board.app.take().unwrap().destroy();
    }
    let copies = store
        .all_keys()
        .into_iter()
        .filter(|k| k.starts_with("alignment-board:k:unreadable-"))
        .count();
    assert_eq!(copies, 1);
}

#[wasm_bindgen_test]
async fn a_board_the_page_gives_is_stored_in_the_boards_own_form_and_never_when_read_only() {
    let given = Rc::new(example::example_board(
        alignment_board::ui::clock::local_now().today(),
    ));
    for read_only in [true, false] {
        let store = Rc::new(FaultyStore::new());
        let mounted = mount_given(store.clone(), given.clone(), read_only).await;
        assert!(mounted.count(".ab-card") > 0);
        page_hide().await;
        if read_only {
            assert!(store.all_keys().is_empty(), "{:?}", store.all_keys());
        } else {
            assert_eq!(stored(&store, "k"), *given);
            assert!(store
                .get(HEAD)
                .unwrap()
                .starts_with("{\"format\":\"alignment-board-store\""));
        }
        drop(mounted);
    }
}

/// Priority ids are any text a snapshot gives: one that reads like another column's key
/// (here the Local column's old key) still gets a column of its own.
#[wasm_bindgen_test]
async fn a_priority_whose_id_looks_like_a_column_key_still_has_its_own_column() {
    let mut board = example::example_board(alignment_board::ui::clock::local_now().today());
    let old = board.priorities[0].id.clone();
    for new in ["\u{1f}local", "local"] {
        let from = board.priorities[0].id.clone();
        board.priorities[0].id = new.to_string();
        board.initiatives.update_where(
            |i| i.priority_ids.contains(&from),
            |i| {
                for id in i.priority_ids.iter_mut().filter(|id| **id == from) {
                    *id = new.to_string();
                }
            },
        );
        board.decisions.update_where(
            |d| d.priority_ids.contains(&from),
            |d| {
                for id in d.priority_ids.iter_mut().filter(|id| **id == from) {
                    *id = new.to_string();
                }
            },
        );
        let problems = alignment_board::core::validate::problems(&board);
        assert!(problems.is_empty(), "{problems:?}");
        let store = Rc::new(FaultyStore::new());
        let mounted = mount_given(store, Rc::new(board.clone()), true).await;
        let heads = mounted.count(".ab-column-head");
        let local = mounted.count(".ab-column-head--local");
        assert_eq!(local, 1, "{new:?}: the Local column");
        assert!(heads > 1, "{new:?}: the priorities' columns");
        let first = mounted
            .root
            .query_selector(".ab-column-head")
            .unwrap()
            .unwrap();
        assert!(
            first
                .get_attribute("aria-label")
                .unwrap()
                .starts_with("Priority 1:"),
            "{new:?}: the first column is the first priority's"
        );
    }
    assert_ne!(old, board.priorities[0].id);
}

#[wasm_bindgen_test]
async fn a_read_only_board_has_no_editing_controls() {
    let store = Rc::new(FaultyStore::new());
    let example = example::example_board(alignment_board::ui::clock::local_now().today());
    let now = alignment_board::ui::clock::now();
    alignment_board::storage::save(
        store.as_ref(),
        &BoardKey::new("k").unwrap(),
        &example,
        now,
        &mut alignment_board::storage::Parts::default(),
    )
    .unwrap();
    let board = mount(store.clone(), "k", true).await;
    assert!(board.count(".ab-card") > 0);
    for name in ["Add initiative", "Add", "Undo"] {
        assert!(!board.has_button(name), "{name} must not be offered");
    }
    board.click("File").await;
    assert!(board.has_button("Export snapshot"));
    assert!(!board.has_button("Import snapshot…"), "nor importing");
    assert!(!board.has_button("Merge team snapshots…"), "nor merging");
    assert!(
        board.has_button("Export team slice…"),
        "a slice is an export"
    );
    board.click("Settings").await;
    assert!(board.has_button("Compact cards"));
    assert!(!board.has_button("Board settings…"), "nor its settings");
    let before = store.get(HEAD);
    page_hide().await;
    assert_eq!(store.get(HEAD), before, "a read-only board writes nothing");
}

/// The board saved under `key`, as the next visit opens it.
fn stored(store: &FaultyStore, key: &str) -> alignment_board::core::model::Board {
    let now = alignment_board::core::time::Timestamp::parse("2026-11-25T09:00:00Z").unwrap();
    match alignment_board::storage::open(store, &BoardKey::new(key).unwrap(), now) {
        alignment_board::storage::Opened::Board(loaded) => loaded.board,
        other => panic!("expected a saved board under {key}, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn two_boards_keep_to_their_own_storage_keys() {
    let store = Rc::new(FaultyStore::new());
    let first = mount(store.clone(), "first", false).await;
    let second = mount(store.clone(), "second", false).await;
    first.click("Start from example").await;
    second.click("Start blank").await;
    page_hide().await;
    let (a, b) = (stored(&store, "first"), stored(&store, "second"));
    assert!(!a.initiatives.is_empty());
    assert!(b.initiatives.is_empty());
}

#[wasm_bindgen_test]
async fn the_health_view_shows_the_score_and_an_item_leads_to_its_card() {
    let board = mount(Rc::new(FaultyStore::new()), "k", false).await;
    board.click("Start from example").await;
    let example = example::example_board(alignment_board::ui::clock::local_now().today());
    let analysis =
        alignment_board::core::health::analyse(&example, alignment_board::ui::clock::local_now());
    let score = analysis.board.score.expect("the example has a score");

    let tabs = board.root.query_selector_all(".ab-views__tab").unwrap();
    assert_eq!(
        tabs.length(),
        5,
        "board, health, allocation, rhythm and coordination"
    );
    let health_tab: HtmlElement = tabs.item(1).unwrap().dyn_into().unwrap();
    assert!(
        health_tab.inner_text().contains(&score.to_string()),
        "the tab carries the score"
    );
    health_tab.click();
    yew::scheduler::flush().await;

    assert_eq!(board.count(".ab-part"), 8, "eight parts");
    assert!(board.text().contains(&format!("{score} out of 100")));
    assert_eq!(board.count(".ab-card"), 0, "the board itself is not shown");

    // The costliest part is open and lists its items; the first one leads to where it is
    // seen: a request between teams to Coordination, anything else to its card.
    let finding: HtmlElement = board
        .root
        .query_selector(".ab-part details[open] button.ab-finding__name")
        .unwrap()
        .expect("an open part with an item")
        .dyn_into()
        .unwrap();
    let name = finding.inner_text();
    finding.click();
    yew::scheduler::flush().await;
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .expect("something has focus");
    if example.dependencies.iter().any(|d| d.need == name) {
        assert_eq!(
            active.get_attribute("aria-current").as_deref(),
            Some("true"),
            "the request shown in Coordination has focus"
        );
        assert!(active.class_list().contains("ab-request"));
        assert!(
            active.text_content().unwrap_or_default().contains(&name),
            "the request {name:?} has focus"
        );
        return;
    }
    assert!(active.class_list().contains("ab-card"), "a card has focus");
    let card_title = active.get_attribute("aria-label").unwrap_or_default();
    assert_eq!(card_title, name, "the card of {name:?} has focus");
    assert!(
        active
            .query_selector(".ab-card__attention")
            .unwrap()
            .is_some(),
        "the card says it needs attention"
    );
}

#[wasm_bindgen_test]
async fn a_save_the_browser_did_not_keep_is_reported_as_not_saved() {
    let store = Rc::new(FaultyStore::new());
    let board = mount(store.clone(), "k", false).await;
    store.set_forgetful(true);
    board.click("Start from example").await;
    page_hide().await;
    let text = board.text();
    assert!(text.contains("not saved"), "{text}");
    assert!(text.contains("reading it back"), "{text}");
    store.set_forgetful(false);
    page_hide().await;
    assert!(store.get(HEAD).is_some(), "the next flush writes it");
}

#[wasm_bindgen_test]
async fn a_board_saved_by_an_older_version_is_migrated_and_the_original_kept() {
    let store = Rc::new(FaultyStore::new());
    let v0 = r#"{"format":"alignment-board","version":0,"board":{"id":"b-1","title":"Old plans",
        "teams":[{"id":"t-1","name":"Core"}],
        "priorities":[{"id":"p-1","title":"Grow","rank":1,"createdAt":"2026-01-05T09:00:00Z"}],
        "initiatives":[{"id":"i-1","title":"Onboarding","teamId":"t-1","priorityId":"p-1",
          "createdAt":"2026-01-05T09:00:00Z","updatedAt":"2026-01-05T09:00:00Z"}]}}"#;
    store.write(HEAD, v0).unwrap();
    let board = mount(store.clone(), "k", false).await;
    let text = board.text();
    assert!(text.contains("saved in version 0"), "{text}");
    assert!(text.contains("brought up to version 1"), "{text}");
    assert!(text.contains("“alignment-board:k:version-0”"), "{text}");
    assert!(text.contains("Onboarding"), "{text}");
    assert_eq!(
        store.get("alignment-board:k:version-0").as_deref(),
        Some(v0)
    );
    assert_eq!(
        board.count("[data-place=\"i-1\u{1f}p-1\"]"),
        1,
        "the card serves the priority version 0 named"
    );
}

#[wasm_bindgen_test]
async fn a_board_saved_by_a_newer_version_is_shown_read_only_and_left_alone() {
    let store = Rc::new(FaultyStore::new());
    let newer = r#"{"format":"alignment-board","version":2,"board":{"id":"b-1","title":"Future plans",
        "teams":[{"id":"t-1","name":"Core"}],"somethingNew":{"x":1}}}"#;
    store.write(HEAD, newer).unwrap();
    let board = mount(store.clone(), "k", false).await;
    let text = board.text();
    assert!(text.contains("version 2"), "{text}");
    assert!(text.contains("shown read-only"), "{text}");
    assert!(text.contains("Future plans"), "{text}");
    assert!(!board.has_button("Add initiative"), "nothing can be edited");
    page_hide().await;
    assert_eq!(store.get(HEAD).as_deref(), Some(newer), "never overwritten");
}

/// The example board saved under `k`, as a tab that opened it earlier left it.
fn store_with_example() -> (Rc<FaultyStore>, alignment_board::core::model::Board) {
    let store = Rc::new(FaultyStore::new());
    let example = example::example_board(alignment_board::ui::clock::local_now().today());
    alignment_board::storage::save(
        store.as_ref(),
        &BoardKey::new("k").unwrap(),
        &example,
        alignment_board::ui::clock::now(),
        &mut alignment_board::storage::Parts::default(),
    )
    .unwrap();
    (store, example)
}

/// What another tab does: saves its board under `k`; the browser then tells this tab with
/// a `storage` event naming the key that changed last.
async fn other_tab_saves(store: &FaultyStore, board: &alignment_board::core::model::Board) {
    alignment_board::storage::save(
        store,
        &BoardKey::new("k").unwrap(),
        board,
        alignment_board::ui::clock::now(),
        &mut alignment_board::storage::Parts::default(),
    )
    .unwrap();
    announce_revision().await;
}

async fn announce_revision() {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(REVISION));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

fn revision(store: &FaultyStore) -> u64 {
    alignment_board::storage::revision_count(
        &alignment_board::storage::revision(store, &BoardKey::new("k").unwrap()).unwrap(),
    )
}

/// Lowers the top priority one rank with its button.
async fn lower_top_priority(board: &Mounted) {
    let lower = board.buttons().into_iter().find(|b| {
        b.get_attribute("aria-label")
            .is_some_and(|l| l.starts_with("Lower") && l.ends_with("to rank 2"))
    });
    lower.expect("the top priority can move down").click();
    yew::scheduler::flush().await;
}

fn top_priority(board: &alignment_board::core::model::Board) -> String {
    board.ranked_priorities()[0].title.clone()
}

#[wasm_bindgen_test]
async fn another_tab_s_change_shows_up_and_is_not_written_back() {
    let (store, example) = store_with_example();
    let board = mount(store.clone(), "k", false).await;
    let mut theirs = example.clone();
    theirs.initiatives[0].title = "Renamed in the other tab".into();
    other_tab_saves(&store, &theirs).await;
    assert!(board.text().contains("Renamed in the other tab"));
    assert_eq!(revision(&store), 2);
    page_hide().await;
    assert_eq!(revision(&store), 2, "nothing of its own to write: no echo");
}

#[wasm_bindgen_test]
async fn edits_in_two_tabs_to_different_things_are_merged() {
    let (store, example) = store_with_example();
    let board = mount(store.clone(), "k", false).await;
    lower_top_priority(&board).await;
    // Before this tab's save, the other tab renames a card and saves.
    let mut theirs = example.clone();
    theirs.initiatives[0].title = "Renamed in the other tab".into();
    other_tab_saves(&store, &theirs).await;
    let text = board.text();
    assert!(text.contains("merged with yours"), "{text}");
    assert!(text.contains("Renamed in the other tab"), "{text}");
    page_hide().await;
    let saved = stored(&store, "k");
    assert_eq!(saved.initiatives[0].title, "Renamed in the other tab");
    assert_eq!(
        top_priority(&saved),
        example.ranked_priorities()[1].title,
        "this tab's re-ranking is kept"
    );
    assert_eq!(revision(&store), 3);
}

#[wasm_bindgen_test]
async fn undo_after_another_tab_s_save_takes_back_this_tab_s_change_and_keeps_the_other_s() {
    let (store, example) = store_with_example();
    let board = mount(store.clone(), "k", false).await;
    lower_top_priority(&board).await;
    page_hide().await;
    // The other tab, which took this tab's save, renames a card and saves.
    let mut theirs = stored(&store, "k");
    theirs.initiatives[0].title = "Renamed in the other tab".into();
    other_tab_saves(&store, &theirs).await;
    board.click("Undo").await;
    let text = board.text();
    assert!(text.contains("Undone"), "{text}");
    assert!(text.contains("Renamed in the other tab"), "{text}");
    page_hide().await;
    let saved = stored(&store, "k");
    assert_eq!(saved.initiatives[0].title, "Renamed in the other tab");
    assert_eq!(
        top_priority(&saved),
        top_priority(&example),
        "the re-ranking undone"
    );
    // Made again, then the other tab renames the priority this tab lowered: taken back,
    // the lowering would leave two priorities at one rank.
    board.click("Redo").await;
    page_hide().await;
    let mut theirs = stored(&store, "k");
    let lowered = example.ranked_priorities()[0].id.clone();
    theirs
        .priorities
        .update_where(|p| p.id == lowered, |p| p.title = "Renamed priority".into());
    other_tab_saves(&store, &theirs).await;
    board.click("Undo").await;
    let text = board.text();
    assert!(text.contains("Not undone"), "{text}");
    assert!(
        text.contains("It does not fit with what another tab has changed since"),
        "{text}"
    );
    page_hide().await;
    assert_eq!(
        top_priority(&stored(&store, "k")),
        example.ranked_priorities()[1].title,
        "the board left as it is"
    );
}

#[wasm_bindgen_test]
async fn the_same_thing_edited_in_two_tabs_asks_which_board_to_keep() {
    for keep_mine in [true, false] {
        let (store, example) = store_with_example();
        let board = mount(store.clone(), "k", false).await;
        lower_top_priority(&board).await;
        let mut theirs = example.clone();
        let top = theirs.ranked_priorities()[0].id.clone();
        let renamed = theirs.priorities.iter_mut().find(|p| p.id == top).unwrap();
        renamed.title = "Renamed in the other tab".into();
        other_tab_saves(&store, &theirs).await;
        let text = board.text();
        assert!(text.contains("Another tab changed"), "{text}");
        assert!(
            text.contains(&format!(
                "priority “{}”",
                example.ranked_priorities()[0].title
            )),
            "the conflict is named: {text}"
        );
        page_hide().await;
        assert_eq!(
            revision(&store),
            2,
            "nothing written while the person chooses"
        );
        board
            .click(if keep_mine {
                "Keep this tab’s"
            } else {
                "Take the other tab’s"
            })
            .await;
        page_hide().await;
        let saved = stored(&store, "k");
        if keep_mine {
            assert_eq!(revision(&store), 3);
            assert_eq!(top_priority(&saved), example.ranked_priorities()[1].title);
        } else {
            assert_eq!(top_priority(&saved), "Renamed in the other tab");
            assert!(board.text().contains("Renamed in the other tab"));
        }
    }
}

#[wasm_bindgen_test]
async fn a_tab_stops_writing_once_a_newer_version_saved_the_board() {
    let (store, _) = store_with_example();
    let board = mount(store.clone(), "k", false).await;
    lower_top_priority(&board).await;
    let newer = r#"{"format":"alignment-board-store","version":2,"board":{}}"#;
    store.write(HEAD, newer).unwrap();
    store.write(REVISION, "2-1").unwrap();
    announce_revision().await;
    let text = board.text();
    assert!(text.contains("newer version"), "{text}");
    assert!(text.contains("stops saving"), "{text}");
    page_hide().await;
    assert_eq!(store.get(HEAD).as_deref(), Some(newer), "never overwritten");
}

#[wasm_bindgen_test]
async fn two_boards_on_one_page_with_the_same_key_stay_in_sync() {
    let (store, example) = store_with_example();
    let first = mount(store.clone(), "k", false).await;
    let second = mount(store.clone(), "k", false).await;
    lower_top_priority(&first).await;
    page_hide().await;
    yew::scheduler::flush().await;
    let moved = &example.ranked_priorities()[1].title;
    let first_column = |m: &Mounted| {
        m.root
            .query_selector(".ab-column-head__edit")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(&first_column(&first), moved);
    assert_eq!(&first_column(&second), moved, "the second board follows");
    assert_eq!(revision(&store), 2, "one save, not two");
}
