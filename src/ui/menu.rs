//! A menu button, as the WAI-ARIA menu-button pattern describes it: the button opens a
//! list of commands; ↓ / ↑ (and Home, End) move between them, Enter or Space runs one,
//! a letter goes to the next command that begins with it, Escape closes the menu and Tab
//! leaves it, and focus comes back to the button.
//!
//! The list is a popover, so it sits above the board without moving anything, and a click
//! anywhere else closes it.

use super::dom::active_element;
use super::fields::use_field_id;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One command in a menu.
#[derive(Clone, PartialEq)]
pub struct MenuItem {
    pub label: AttrValue,
    /// `Some(on)` for a setting that is on or off (a `menuitemcheckbox`).
    pub checked: Option<bool>,
    /// The keys that also run it, for `aria-keyshortcuts` and the tooltip.
    pub keys: Option<AttrValue>,
    pub on_select: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct MenuButtonProps {
    /// The button's text, which names the menu too.
    pub label: AttrValue,
    pub items: Vec<MenuItem>,
}

/// Where focus goes as the menu opens.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    First,
    Last,
}

#[function_component]
pub fn MenuButton(props: &MenuButtonProps) -> Html {
    // `Some` while open: which item takes focus once it shows.
    let open = use_state(|| None::<Start>);
    let button = use_node_ref();
    let menu = use_node_ref();
    let menu_id = use_field_id();
    {
        let (button, menu, open) = (button.clone(), menu.clone(), *open);
        use_effect_with(open, move |open| {
            if let Some(start) = open {
                show(&button, &menu, *start);
            }
        });
    }
    let close_to_button = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |()| {
            open.set(None);
            if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let on_click = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(if open.is_some() {
                None
            } else {
                Some(Start::First)
            })
        })
    };
    let on_button_key = {
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            let start = match event.key().as_str() {
                "ArrowDown" => Start::First,
                "ArrowUp" => Start::Last,
                _ => return,
            };
            event.prevent_default();
            open.set(Some(start));
        })
    };
    // The popover closes itself on Escape and on a click elsewhere: the menu follows it,
    // and focus comes back to the button unless the person put it somewhere else.
    let on_toggle = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |event: Event| {
            let closed = js_sys::Reflect::get(&event, &"newState".into())
                .ok()
                .and_then(|state| state.as_string())
                .is_some_and(|state| state == "closed");
            if !closed {
                return;
            }
            let menu = event.target_dyn_into::<web_sys::Element>();
            let active = menu.as_ref().and_then(active_element);
            let lost = match (&menu, &active) {
                (Some(menu), Some(active)) => {
                    menu.contains(Some(active)) || active.tag_name() == "BODY"
                }
                _ => true,
            };
            if lost {
                if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
            open.set(None);
        })
    };
    let on_menu_key = {
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            // The menu's keys are its own: not the board's shortcuts.
            event.stop_propagation();
            let Some(menu) = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            if event.key() == "Tab" {
                // Focus goes on from the button, as if the menu were not there.
                open.set(None);
                return;
            }
            follow_key(&event, &menu);
        })
    };
    let items = props.items.iter().map(|item| {
        let onclick = {
            let (close, run) = (close_to_button.clone(), item.on_select.clone());
            Callback::from(move |_: MouseEvent| {
                close.emit(());
                run.emit(());
            })
        };
        let role = if item.checked.is_some() {
            "menuitemcheckbox"
        } else {
            "menuitem"
        };
        html! {
            <button type="button" {role} tabindex="-1" class="ab-menu__item"
                    aria-checked={item.checked.map(|on| on.to_string())}
                    aria-keyshortcuts={item.keys.clone()} {onclick}>
                <span class="ab-menu__label">{ &item.label }</span>
                if let Some(keys) = &item.keys {
                    <kbd class="ab-menu__keys" aria-hidden="true">{ keys }</kbd>
                }
            </button>
        }
    });
    let button_id = format!("{menu_id}-button");
    html! {
        <span class="ab-menu">
            <button ref={button} type="button" id={button_id.clone()}
                    class={classes!("ab-button", "ab-menu__button", open.is_some().then_some("ab-menu__button--open"))}
                    aria-haspopup="menu" aria-expanded={open.is_some().to_string()}
                    aria-controls={open.is_some().then(|| menu_id.clone())}
                    onclick={on_click} onkeydown={on_button_key}>
                { &props.label }
            </button>
            if open.is_some() {
                <div ref={menu} id={menu_id.clone()} popover="auto" role="menu" class="ab-menu__list"
                     aria-labelledby={button_id} ontoggle={on_toggle} onkeydown={on_menu_key}>
                    { for items }
                </div>
            }
        </span>
    }
}

/// Shows the menu under its button (kept inside the window) and puts focus on its first or
/// last command.
fn show(button: &NodeRef, menu: &NodeRef, start: Start) {
    let (Some(button), Some(menu)) = (
        button.cast::<web_sys::Element>(),
        menu.cast::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    if !menu.matches(":popover-open").unwrap_or(true) {
        let _ = menu.show_popover();
    }
    let place = button.get_bounding_client_rect();
    let width = f64::from(menu.offset_width());
    let window_width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(place.right());
    let left = place.left().min(window_width - width - 8.0).max(8.0);
    let style = menu.style();
    let _ = style.set_property("top", &format!("{}px", place.bottom() + 4.0));
    let _ = style.set_property("left", &format!("{left}px"));
    let items = items_of(&menu);
    let target = match start {
        Start::First => items.first(),
        Start::Last => items.last(),
    };
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Moves focus among a menu's items as menus do: ↓ and ↑ go round, Home and Page Up to the
/// first, End and Page Down to the last, a letter to the next item whose name begins with it.
/// The key is taken (its default prevented) only when it is one of these.
pub fn follow_key(event: &KeyboardEvent, menu: &web_sys::Element) {
    let items = items_of(menu);
    if items.is_empty() {
        return;
    }
    let current = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .and_then(|target| items.iter().position(|item| *item == target));
    let last = items.len() - 1;
    let key = event.key();
    let next = match key.as_str() {
        "ArrowDown" => Some(current.map_or(0, |i| if i == last { 0 } else { i + 1 })),
        "ArrowUp" => Some(current.map_or(last, |i| if i == 0 { last } else { i - 1 })),
        "Home" | "PageUp" => Some(0),
        "End" | "PageDown" => Some(last),
        _ if is_letter(event, &key) => type_ahead(&items, current, &key),
        _ => return,
    };
    event.prevent_default();
    if let Some(next) = next.and_then(|i| items.get(i)) {
        let _ = next.focus();
    }
}

fn items_of(menu: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = menu.query_selector_all("[role^=menuitem]") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// A printable character typed without a modifier: the start of a command's name.
fn is_letter(event: &KeyboardEvent, key: &str) -> bool {
    let mut chars = key.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_whitespace())
        && !(event.ctrl_key() || event.meta_key() || event.alt_key())
}

/// The next command after the current one whose name begins with the typed character,
/// going round to the top. Letters are compared in lower case, by the browser: Rust's own
/// case tables would add more to the download than all of the menus.
fn type_ahead(items: &[web_sys::HtmlElement], current: Option<usize>, key: &str) -> Option<usize> {
    let lower = |text: &str| String::from(js_sys::JsString::from(text).to_lower_case());
    let key = lower(key);
    let from = current.map_or(0, |i| i + 1);
    (0..items.len())
        .map(|step| (from + step) % items.len())
        .find(|&i| {
            lower(items[i].text_content().unwrap_or_default().trim_start()).starts_with(&key)
        })
}
