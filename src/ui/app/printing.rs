//! Printing the board: every lane rendered and the printed page's heading shown, from the
//! Print… command (or the browser's own print) until the browser says printing is over.

use yew::prelude::*;

/// Whether the board is being printed, and the Print… command: it asks for printing, and
/// once every lane is rendered the browser's print dialog opens.
#[hook]
pub fn use_printing() -> (bool, Callback<()>) {
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on = |value: bool| {
                let printing = printing.clone();
                move |_: &web_sys::Event| printing.set(value)
            };
            let listeners: Vec<gloo_events::EventListener> = window
                .map(|w| {
                    vec![
                        gloo_events::EventListener::new(&w, "beforeprint", on(true)),
                        gloo_events::EventListener::new(&w, "afterprint", on(false)),
                    ]
                })
                .unwrap_or_default();
            move || drop(listeners)
        });
    }
    let print_asked = use_mut_ref(|| false);
    {
        let (asked, printing) = (print_asked.clone(), *printing);
        use_effect(move || {
            if printing && asked.replace(false) {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
        });
    }
    let on_print = {
        let (asked, printing) = (print_asked, printing.clone());
        Callback::from(move |()| {
            *asked.borrow_mut() = true;
            printing.set(true);
        })
    };
    (*printing, on_print)
}
