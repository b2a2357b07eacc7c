//! The merge preview's parts: each file with its items kind by kind, an item's match and
//! its differences with the choices they offer, and the counts in words.

use super::*;

/// What the preview's parts render with.
pub(super) struct View<'a> {
    pub(super) board: &'a Board,
    pub(super) preview: &'a Preview,
    pub(super) on_choice: &'a Callback<Choice>,
    pub(super) on_toggle: &'a Callback<(usize, Kind, bool)>,
    pub(super) on_matching: &'a Callback<Option<ItemRef>>,
}

impl View<'_> {
    /// A readable file: where it comes from, its conflicts, and a list per kind.
    pub(super) fn file(&self, at: usize, name: &str, merge: &FileMerge) -> Html {
        let counts = merge.counts();
        let source = if merge.family {
            format!(
                "A copy or slice of this board (“{}”): items match by id.",
                merge.title
            )
        } else {
            format!(
                "From another board, “{}”: items match by name or title.",
                merge.title
            )
        };
        let conflicts: Vec<&Item> = merge
            .items
            .iter()
            .filter(|i| matches!(i.verdict, Verdict::Conflict(_)))
            .collect();
        let kinds = Kind::ALL.iter().filter_map(|&kind| {
            let items: Vec<&Item> = merge.of(kind).collect();
            (!items.is_empty()).then(|| self.kind(at, kind, &items))
        });
        html! {
            <section class="ab-merge__file" key={at}>
                <h3 class="ab-merge__name">{ name }</h3>
                <p class="ab-merge__source">{ source }</p>
                <p class="ab-merge__summary">{ summary(&counts) }</p>
                if !conflicts.is_empty() {
                    <div class="ab-merge__decide">
                        <h4 class="ab-merge__heading">{ format!("To decide ({})", conflicts.len()) }</h4>
                        <ul class="ab-merge__items">
                            { for conflicts.iter().map(|item| self.item(at, item, true)) }
                        </ul>
                    </div>
                }
                <div class="ab-merge__kinds">{ for kinds }</div>
            </section>
        }
    }

    /// One kind's items, in a list that opens.
    fn kind(&self, at: usize, kind: Kind, items: &[&Item]) -> Html {
        let counts = count(items.iter().copied());
        let open = self.preview.open.contains(&(at, kind));
        let ontoggle = {
            let on_toggle = self.on_toggle.clone();
            Callback::from(move |event: Event| {
                if let Some(details) = event.target_dyn_into::<web_sys::Element>() {
                    on_toggle.emit((at, kind, details.has_attribute("open")));
                }
            })
        };
        let group = |title: &str, pick: fn(&Verdict) -> bool| {
            let chosen: Vec<&&Item> = items.iter().filter(|i| pick(&i.verdict)).collect();
            (!chosen.is_empty()).then(|| {
                html! {
                    <>
                        <h4 class="ab-merge__heading">{ format!("{title} ({})", chosen.len()) }</h4>
                        <ul class="ab-merge__items">
                            { for chosen.iter().map(|item| self.item(at, item, false)) }
                        </ul>
                    </>
                }
            })
        };
        let plural = kind.plural();
        html! {
            <details class="ab-merge__kind" {open} {ontoggle}>
                <summary>
                    <span class="ab-merge__kind-name">{ capitalise(plural) }</span>
                    <span class="ab-merge__kind-counts">{ counts_in_words(&counts) }</span>
                </summary>
                if open {
                    <div class="ab-merge__lists">
                        if let Some(list) = group("New", |v| matches!(v, Verdict::New { .. })) { { list } }
                        if let Some(list) = group("In conflict", |v| matches!(v, Verdict::Conflict(_))) { { list } }
                        if let Some(list) = group("Changed", |v| matches!(v, Verdict::Changed(_))) { { list } }
                        if let Some(list) = group("Already on the board", |v| matches!(v, Verdict::Same)) { { list } }
                    </div>
                }
            </details>
        }
    }

    /// One item: its name, how it matched, and what the person can do with it. A conflict
    /// shows its fields and the sides to pick from in the "To decide" list (`deciding`).
    fn item(&self, at: usize, item: &Item, deciding: bool) -> Html {
        let name = named(item);
        let reference = item.reference(at);
        let key = item_key(&reference);
        let what = item.kind.label();
        let note = match (&item.verdict, item.matched) {
            (Verdict::New { .. }, Matched::Undone) => Some("kept apart: added as new".into()),
            (Verdict::New { renamed: true }, _) => {
                Some("new; its id was taken here, so it gets a new one".to_string())
            }
            (Verdict::New { .. }, _) => None,
            (_, Matched::ById) => Some("matched by id".into()),
            (_, Matched::ByName) => Some("matched by name".into()),
            (_, Matched::ByHand) => Some("matched by hand".into()),
            _ => None,
        };
        let keep_apart = (!matches!(item.verdict, Verdict::New { .. })).then(|| {
            let on_choice = self.on_choice.clone();
            let reference = reference.clone();
            html! {
                <button type="button" class="ab-button ab-button--quiet ab-button--small"
                        aria-label={format!("Keep apart: {what} {name}")}
                        title="Not the same one: the file's is added beside this board's, as a new one"
                        onclick={Callback::from(move |_| on_choice.emit(Choice::Unmatch(reference.clone())))}>
                    { "Keep apart" }
                </button>
            }
        });
        let match_by_hand = matches!(item.verdict, Verdict::New { .. })
            .then(|| self.match_by_hand(item, &reference))
            .flatten();
        let difference = match &item.verdict {
            Verdict::Conflict(d) if deciding => Some(self.difference(item, &reference, d)),
            Verdict::Changed(d) => Some(self.difference(item, &reference, d)),
            Verdict::Conflict(_) => Some(html! {
                <p class="ab-merge__note">{ "Decide it under “To decide” above." }</p>
            }),
            _ => None,
        };
        html! {
            <li class="ab-merge__item" key={key.clone()} data-merge-item={key} tabindex="-1">
                <div class="ab-merge__line">
                    <span class="ab-merge__item-name">
                        if deciding { <span class="ab-merge__kind-tag">{ what }</span> }
                        { name }
                    </span>
                    if let Some(note) = note { <span class="ab-merge__note">{ note }</span> }
                    <span class="ab-spacer"></span>
                    if let Some(keep_apart) = keep_apart { { keep_apart } }
                    if let Some(match_by_hand) = match_by_hand { { match_by_hand } }
                </div>
                if let Some(difference) = difference { { difference } }
            </li>
        }
    }

    /// "Match by hand…" for a new item of a kind a person names (not history), or the
    /// picker of the board's items of its kind once asked for.
    fn match_by_hand(&self, item: &Item, reference: &ItemRef) -> Option<Html> {
        let board = self.board;
        let name = named(item);
        let options: Vec<(String, String)> = match item.kind {
            Kind::Team => board
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            Kind::Person => board
                .people
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            Kind::Priority => board
                .priorities
                .iter()
                .map(|p| (p.id.clone(), p.title.clone()))
                .collect(),
            Kind::Initiative => board
                .initiatives
                .iter()
                .map(|i| {
                    let team = board.team(&i.team_id).map_or("", |t| t.name.as_str());
                    (i.id.clone(), format!("{} ({team})", i.title))
                })
                .collect(),
            _ => return None,
        };
        if options.is_empty() {
            return None;
        }
        let what = item.kind.label();
        if self.preview.matching.as_ref() != Some(reference) {
            let on_matching = self.on_matching.clone();
            let reference = reference.clone();
            return Some(html! {
                <button type="button" class="ab-button ab-button--quiet ab-button--small"
                        aria-label={format!("Match by hand: {what} {name}")}
                        onclick={Callback::from(move |_| on_matching.emit(Some(reference.clone())))}>
                    { "Match by hand…" }
                </button>
            });
        }
        let select = NodeRef::default();
        let on_match = {
            let (select, on_choice, reference) =
                (select.clone(), self.on_choice.clone(), reference.clone());
            Callback::from(move |_| {
                if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                    on_choice.emit(Choice::MatchTo(reference.clone(), select.value()));
                }
            })
        };
        let label = format!("Match the file’s {what} “{name}” to");
        Some(html! {
            <span class="ab-merge__match">
                <select ref={select} class="ab-input ab-merge__select" aria-label={label} data-merge-match="">
                    { for options.into_iter().map(|(id, name)| html! { <option value={id}>{ name }</option> }) }
                </select>
                <button type="button" class="ab-button ab-button--small" onclick={on_match}>{ "Match" }</button>
                <button type="button" class="ab-button ab-button--quiet ab-button--small"
                        onclick={self.on_matching.reform(|_| None)}>{ "Cancel" }</button>
            </span>
        })
    }

    /// Both values of each field that differs, and the side to keep.
    fn difference(&self, item: &Item, reference: &ItemRef, d: &Difference) -> Html {
        let name = format!(
            "ab-merge-{}-{}-{}",
            reference.file,
            item.kind.label(),
            item.id
        );
        let side = |side: Side, label: &'static str| {
            let (on_choice, reference) = (self.on_choice.clone(), reference.clone());
            let onchange =
                Callback::from(move |_| on_choice.emit(Choice::Pick(reference.clone(), side)));
            html! {
                <label class="ab-check">
                    <input type="radio" name={name.clone()} checked={d.chosen == side} {onchange} />
                    { label }
                    if d.default == side { <span class="ab-merge__note">{ " (the default)" }</span> }
                </label>
            }
        };
        // Files merge one after another: a later file meets the board as the earlier ones
        // left it, which is what its "this board" shows.
        let after_others = self.preview.plan.files[..reference.file]
            .iter()
            .any(|f| f.outcome.is_ok());
        let board_side = if after_others {
            "This board, with the files above"
        } else {
            "This board"
        };
        let why = d.since_cut.map(|why| match why {
            SinceCut::Both => "Changed in the slice and on this board (or by a file of it merged before) since the slice was cut: compare them and keep one.".to_string(),
            SinceCut::OtherTeam => {
                let team = self
                    .board
                    .initiative(&item.target)
                    .and_then(|i| self.board.team(&i.team_id))
                    .map_or("Another team", |t| t.name.as_str());
                format!("{team}’s work, changed in a slice cut for other teams: this board’s stays unless you take the file’s.")
            }
        });
        html! {
            <div class="ab-merge__difference">
                if let Some(why) = why { <p class="ab-merge__why">{ why }</p> }
                <table class="ab-table ab-merge__table">
                    <caption class="ab-visually-hidden">{ format!("How the {} “{}” differs", item.kind.label(), named(item)) }</caption>
                    <thead>
                        <tr><th scope="col">{ "Field" }</th><th scope="col">{ board_side }</th><th scope="col">{ "The file" }</th></tr>
                    </thead>
                    <tbody>
                        { for d.fields.iter().map(|field| html! {
                            <tr class={classes!(field.decisive.then_some("ab-merge__decisive"))}>
                                <th scope="row">{ field.name }</th>
                                <td>{ shown(field.name, &field.board) }</td>
                                <td>{ shown(field.name, &field.file) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <fieldset class="ab-merge__sides">
                    <legend class="ab-visually-hidden">{ format!("Which {} “{}” to keep", item.kind.label(), named(item)) }</legend>
                    { side(Side::Board, if after_others { "Keep the board’s, with the files above" } else { "Keep this board’s" }) }
                    { side(Side::File, "Take the file’s") }
                </fieldset>
            </div>
        }
    }
}

/// How the preview names an item: a check-in or a review with the day it records, in
/// the person's time zone (`Offline job queue, Nov 24`).
fn named(item: &Item) -> String {
    match item.at {
        Some(at) => format!("{}, {}", item.name, short_day(at)),
        None => item.name.clone(),
    }
}

/// A field's value as the board writes it elsewhere: times and dates in the person's
/// locale and time zone, and `none` for nothing (as the plan writes a missing value).
fn shown(field: &str, value: &str) -> String {
    if value.is_empty() {
        return "none".into();
    }
    if let Some(at) = Timestamp::parse(value) {
        return date_time(at);
    }
    match Date::parse(value) {
        Some(date) if matches!(field, "due" | "promised" | "revisit on") => short_date(date),
        _ => value.to_string(),
    }
}

/// The verdicts of `items`.
fn count<'a>(items: impl Iterator<Item = &'a Item>) -> Counts {
    let mut counts = Counts::default();
    for item in items {
        match &item.verdict {
            Verdict::New { .. } => counts.new += 1,
            Verdict::Same => counts.same += 1,
            Verdict::Changed(_) => counts.changed += 1,
            Verdict::Conflict(_) => counts.conflicts += 1,
        }
    }
    counts
}

/// `2 new · 1 changed · 1 in conflict · 20 already on the board`.
fn counts_in_words(counts: &Counts) -> String {
    let parts: Vec<String> = [
        (counts.new, "new"),
        (counts.changed, "changed"),
        (counts.conflicts, "in conflict"),
        (counts.same, "already on the board"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    parts.join(" · ")
}

/// A file's line: what it brings, or that it brings nothing.
fn summary(counts: &Counts) -> String {
    if counts.new == 0 && counts.changed == 0 && counts.conflicts == 0 {
        return format!(
            "Nothing new: all {} already on the board.",
            in_words(counts.same, "item", "items")
        );
    }
    format!("{}.", capitalise(&counts_in_words(counts)))
}

/// What the merge brings in all: `5 new items and 2 changes.`
pub(super) fn brings(total: &Counts) -> String {
    match (total.new, total.taken) {
        (0, taken) => format!("{}.", in_words(taken, "change", "changes")),
        (new, 0) => format!("{}.", in_words(new, "new item", "new items")),
        (new, taken) => format!(
            "{} and {}.",
            in_words(new, "new item", "new items"),
            in_words(taken, "change", "changes")
        ),
    }
}

pub(super) fn files_in_words(n: usize) -> String {
    match n {
        1 => "this file".into(),
        n => format!("{n} files"),
    }
}

pub(super) fn conflicts_in_words(n: usize) -> String {
    match n {
        1 => "One conflict below has a default side".into(),
        n => format!("{n} conflicts below have a default side"),
    }
}
