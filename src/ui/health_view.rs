//! The health view: the alignment score, its parts ranked by what most needs attention,
//! each opening onto the items that cost it points (a click shows the item on the board),
//! the score's trend over past reviews, and every team's figures.

use super::charts::more_to_the_right;
use super::charts::{trend_chart, TrendPoint};
use super::dom::{bring_into_view, without_scrolling};
use super::fields::team_chips;
use super::numbers::decimal;
use super::page_query::{team_of_view, KeptTeam, TeamShown};
use super::score::{band, subject_name};
use super::state::{use_board, Msg};
use crate::core::coordination::listed;
use crate::core::health::{Analysis, Finding, Health, Part, PartKind, Subject};
use crate::core::model::{Board, ReviewKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HealthViewProps {
    pub board: Rc<Board>,
    pub analysis: Rc<Analysis>,
    /// Shows an item where it is seen, noting where in Health it was followed from.
    pub on_follow: Callback<HealthPlace>,
    /// Where the person last followed an item from: the view opens there again.
    #[prop_or_default]
    pub place: Option<HealthPlace>,
    /// The team whose figures the view showed last, kept by the app while another view
    /// shows (or the team the board is filtered to).
    #[prop_or_default]
    pub kept: KeptTeam,
    /// On the board's own page, where the team whose figures are shown is told, for the
    /// page's address (`?of=`): a reload or a copied address shows them.
    #[prop_or_default]
    pub address: Option<TeamShown>,
}

/// `None` is the whole board; otherwise a team id.
type Scope = Option<String>;

/// An item followed out of Health, and where it was listed: coming back, the person finds
/// the same figures, the item's part open and the item focused, to take the next one.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthPlace {
    pub scope: Scope,
    pub part: PartKind,
    /// The item, and where it was in its part's list: when it has left the list (the
    /// person dealt with it), the item now in its place is focused.
    pub subject: Subject,
    pub index: usize,
}

/// The `data-place` of an item in its part's list.
fn item_place(part: PartKind, subject: &Subject) -> String {
    let (kind, id) = match subject {
        Subject::Initiative(id) => ("initiative", id.as_str()),
        Subject::Priority(id) => ("priority", id.as_str()),
        Subject::Team(id) => ("team", id.as_str()),
        Subject::Person(id) => ("person", id.as_str()),
        Subject::Dependency(id) => ("dependency", id.as_str()),
        Subject::Board => ("board", ""),
    };
    format!("item\u{1f}{}\u{1f}{kind}\u{1f}{id}", part.key())
}

#[function_component]
pub fn HealthView(props: &HealthViewProps) -> Html {
    let context = use_board();
    let board = &props.board;
    // The board view's analysis leaves the teams' rows out; this view adds them.
    let analysed = use_memo(
        (
            Rc::as_ptr(board) as usize,
            Rc::as_ptr(&props.analysis) as usize,
        ),
        |_| props.analysis.with_teams(&props.board),
    );
    let analysis = &*analysed;
    // The place the view was opened at, until the person looks at other figures.
    // A team since deleted: the whole board's figures.
    let back = use_state(|| {
        props.place.clone().map(|mut place| {
            place.scope = place.scope.filter(|id| board.team(id).is_some());
            place
        })
    });
    let scope = use_state(|| match back.as_ref() {
        Some(place) => place.scope.clone(),
        None => props
            .address
            .as_ref()
            .and_then(|_| team_of_view(board, "health"))
            .or_else(|| props.kept.get(board)),
    });
    // A part asked for from the teams table: opened and focused once shown.
    let asked = use_state(|| None::<PartKind>);
    let root = use_node_ref();
    {
        // The team shown, chosen in its row of chips, in sight there.
        let root = root.clone();
        use_effect_with((*scope).clone(), move |_| {
            crate::ui::fields::reveal_pressed_chips(&root)
        });
    }
    {
        // Back from an item: focus on it again, in view.
        let (root, back) = (root.clone(), (*back).clone());
        use_effect_with((), move |()| {
            let mut ends = None;
            let item = back
                .zip(root.cast::<web_sys::Element>())
                .and_then(|(back, root)| {
                    let part = root
                        .query_selector(&format!("[data-part=\"{}\"]", back.part.key()))
                        .ok()??;
                    // Each item is a row; an item that is not on the board has no button.
                    let rows = part.query_selector_all(".ab-findings > li").ok()?;
                    let buttons: Vec<Option<web_sys::HtmlElement>> = (0..rows.length())
                        .filter_map(|i| rows.item(i))
                        .filter_map(|node| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok()
                        })
                        .map(|row| {
                            let button = row.query_selector("[data-place]").ok()??;
                            wasm_bindgen::JsCast::dyn_into(button).ok()
                        })
                        .collect();
                    let place = item_place(back.part, &back.subject);
                    let same = buttons.iter().flatten().find(|button| {
                        button.get_attribute("data-place").as_deref() == Some(place.as_str())
                    });
                    let next = || {
                        buttons[back.index.min(buttons.len())..]
                            .iter()
                            .chain(buttons.iter().rev())
                            .flatten()
                            .next()
                    };
                    let summary = || {
                        part.query_selector("summary")
                            .ok()
                            .flatten()
                            .and_then(|summary| wasm_bindgen::JsCast::dyn_into(summary).ok())
                    };
                    same.or_else(next).cloned().or_else(summary)
                });
            if let Some(item) = item {
                let _ = item.focus_with_options(&without_scrolling());
                bring_into_view(&item);
                // Marked for a moment too, for the eyes of a room that watched a mouse
                // follow it (focus after a click shows no ring).
                // The class goes as its animation ends: the row may show another item later.
                if let Ok(Some(row)) = item.closest(".ab-findings > li") {
                    let _ = row.class_list().add_1("ab-finding--back");
                    let marked = row.clone();
                    ends = Some(gloo_events::EventListener::once(
                        &row,
                        "animationend",
                        move |_| {
                            let _ = marked.class_list().remove_1("ab-finding--back");
                        },
                    ));
                }
            }
            move || drop(ends)
        });
    }
    {
        let root = root.clone();
        use_effect_with(((*scope).clone(), *asked), move |(_, asked)| {
            if let (Some(kind), Some(root)) = (asked, root.cast::<web_sys::Element>()) {
                let selector = format!("[data-part=\"{}\"] summary", kind.key());
                if let Ok(Some(summary)) = root.query_selector(&selector) {
                    if let Ok(summary) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(summary)
                    {
                        let _ = summary.focus();
                    }
                }
            }
        });
    }
    let scope_team = (*scope)
        .as_deref()
        .and_then(|id| board.team(id).map(|t| (id, t.name.clone())));
    // The team shown goes into the page's address, with the view's entry (`TeamShown`).
    {
        let (address, shown) = (
            props.address.clone(),
            scope_team.as_ref().map(|(id, _)| id.to_string()),
        );
        let kept = props.kept.clone();
        use_effect_with(shown, move |shown| {
            kept.keep(shown.clone());
            if let Some(address) = address {
                address.show(shown.as_ref(), "health");
            }
        });
    }
    let health = scope_team
        .as_ref()
        .and_then(|(id, _)| analysis.team(id))
        .unwrap_or(&analysis.board);
    let title = match &scope_team {
        Some((_, name)) => format!("{name}: alignment score"),
        None => "Alignment score".to_string(),
    };
    let parts = health.by_attention();
    let first_open = asked
        .or_else(|| back.as_ref().map(|back| back.part))
        .or_else(|| {
            parts
                .first()
                .filter(|p| !p.findings.is_empty())
                .map(|p| p.kind)
        });

    let on_scope = {
        let (scope, asked, back) = (scope.clone(), asked.clone(), back.clone());
        let (dispatch, board, analysis) = (
            context.dispatch.clone(),
            props.board.clone(),
            analysed.clone(),
        );
        Callback::from(move |(team, part): (Scope, Option<PartKind>)| {
            // Said as well as shown: a chip pressed is heard only as pressed.
            let (name, health) = match team.as_deref() {
                Some(id) => match (board.team(id), analysis.team(id)) {
                    (Some(team), Some(health)) => (team.name.as_str(), health),
                    _ => ("Whole board", &analysis.board),
                },
                None => ("Whole board", &analysis.board),
            };
            let figure = health
                .score
                .map_or("no score yet".into(), |s| format!("{s} out of 100"));
            dispatch.dispatch(Msg::Say(format!("{name}: {figure}")));
            scope.set(team);
            asked.set(part);
            back.set(None);
        })
    };
    let on_follow = {
        let (on_follow, scope) = (props.on_follow.clone(), (*scope).clone());
        Callback::from(move |(part, index, subject): (PartKind, usize, Subject)| {
            on_follow.emit(HealthPlace {
                scope: scope.clone(),
                part,
                subject,
                index,
            })
        })
    };

    html! {
        <section class="ab-health" aria-labelledby="ab-health-title" ref={root}>
            <div class="ab-health__top">
                <div class="ab-health__score">
                    { score_dial(health.score) }
                    <div class="ab-health__score-text">
                        <h2 id="ab-health-title">{ title }</h2>
                        <p class="ab-health__figure" data-score={health.score.map(|s| s.to_string())}>
                            { match health.score {
                                Some(score) => format!("{score} out of 100"),
                                None => "No score yet".to_string(),
                            } }
                        </p>
                        <p class="ab-health__asof">
                            { "As of " }<time datetime={analysis.now.at().to_string()}>{ super::dates::date_time(analysis.now.at()) }</time>
                        </p>
                        <p class="ab-health__lede">
                            { match (health.score, &scope_team) {
                                (Some(_), _) => html! { <>{ "The parts that apply, weighted, the most costly first." }<span class="ab-no-print">{ " Open a part to see the items that cost it points; select an item to find it on the board, or a request between teams in Coordination." }</span></> },
                                (None, Some(_)) => html! { "The team has no active initiative to measure. Its parts below show what it has so far." },
                                (None, None) if board.initiatives.is_empty() => html! { "The score starts with the first initiative: add the initiatives that serve the priorities, and it measures how well the work serves them." },
                                (None, None) => html! { "Every initiative is done or dropped, so nothing active is left to measure: the score comes back with the next active initiative." },
                            } }
                        </p>
                    </div>
                </div>
                { trend_chart(&trend(board, analysis), scope_team.is_some()) }
            </div>

            { team_chips(board, "Show the figures of", "Whole board", &scope, &on_scope.reform(|team| (team, None))) }

            <h3 class="ab-health__heading">{ "What needs attention" }</h3>
            <ol class="ab-parts">
                { for parts.iter().map(|part| part_item(part, health, board, Some(part.kind) == first_open, &on_follow)) }
            </ol>

            if !board.teams.is_empty() {
                { team_table(board, analysis, &on_scope) }
            }
        </section>
    }
}

/// Recorded scores by date, then the score now.
fn trend(board: &Board, analysis: &Analysis) -> Vec<TrendPoint> {
    let mut reviews: Vec<_> = board
        .reviews
        .iter()
        .filter_map(|r| r.score.map(|s| (r.at, r.kind, r.team_id.as_deref(), s)))
        .collect();
    reviews.sort_by_cached_key(|r| r.0.unix_seconds());
    let mut points: Vec<TrendPoint> = reviews
        .into_iter()
        .map(|(at, kind, team, score)| TrendPoint {
            day: analysis.now.day_of(at).days_since_epoch(),
            label: super::dates::short_day(at),
            axis: super::dates::month_day(at),
            kind: match (kind, team.and_then(|t| board.team(t))) {
                (ReviewKind::CheckIn, Some(team)) => format!("{}'s check-in round", team.name),
                (ReviewKind::CheckIn, None) => "check-in round".into(),
                (ReviewKind::Review, _) => "review".into(),
                (ReviewKind::Planning, _) => "planning".into(),
            },
            score,
        })
        .collect();
    if let Some(score) = analysis.board.score {
        points.push(TrendPoint {
            day: analysis.now.today().days_since_epoch(),
            label: "Now".into(),
            axis: "Now".into(),
            kind: "current".into(),
            score,
        });
    }
    points
}

/// The score as a ring filled to its value, coloured by band.
fn score_dial(score: Option<u8>) -> Html {
    let radius = 44.0_f64;
    let circumference = 2.0 * std::f64::consts::PI * radius;
    let filled = f64::from(score.unwrap_or(0)) / 100.0 * circumference;
    html! {
        <svg class={classes!("ab-dial", band(score))} viewBox="0 0 110 110" aria-hidden="true">
            <circle class="ab-dial__track" cx="55" cy="55" r="44" />
            <circle class="ab-dial__value" cx="55" cy="55" r="44"
                    stroke-dasharray={format!("{filled:.2} {circumference:.2}")} transform="rotate(-90 55 55)" />
            <text x="55" y="63" text-anchor="middle" class="ab-dial__text">
                { score.map_or("—".to_string(), |s| s.to_string()) }
            </text>
        </svg>
    }
}

fn part_item(
    part: &Part,
    health: &Health,
    board: &Board,
    open: bool,
    on_follow: &Callback<(PartKind, usize, Subject)>,
) -> Html {
    let kind = part.kind;
    let lost = health.cost(part);
    // The parts that apply share the weight of those that do not.
    let weight = match health.weight_applying() {
        100 | 0 => format!("Counts for {} % of the score.", kind.weight()),
        _ if part.score.is_none() => format!(
            "Counts for {} % of the score when it applies; the parts that apply share it now.",
            kind.weight()
        ),
        applying => format!(
            "Counts for {} % of the score while some parts do not apply ({} % when all do).",
            (kind.weight() * 100 + applying / 2) / applying,
            kind.weight()
        ),
    };
    let score_text = part.score.map_or("n/a".to_string(), |s| s.to_string());
    let count = part.findings.len();
    html! {
        <li key={kind.key()} class={classes!("ab-part", band(part.score))} data-part={kind.key()}>
            <details {open}>
                <summary>
                    <span class="ab-part__name">{ kind.label() }</span>
                    <span class="ab-part__bar" aria-hidden="true">
                        <svg viewBox="0 0 100 1" preserveAspectRatio="none">
                            <rect width={part.score.unwrap_or(0).to_string()} height="1" />
                        </svg>
                    </span>
                    <span class="ab-part__score" data-score={part.score.map(|s| s.to_string())}>
                        { score_text }
                        <span class="ab-visually-hidden">{ if part.score.is_some() { " out of 100" } else { ": nothing to measure yet" } }</span>
                    </span>
                    <span class="ab-part__cost">
                        { if part.score.is_none() {
                            "does not apply".to_string()
                        } else if lost >= 0.05 {
                            // Points lost (weight × score shortfall ÷ the weight that applies); round
                            // their halves up as scores are, not by the float's binary digits.
                            format!("−{} points", decimal((lost * 10.0).round() / 10.0, 1))
                        } else {
                            "no points lost".to_string()
                        } }
                    </span>
                    <span class="ab-part__count">
                        { match count { 0 => String::new(), 1 => "1 item".into(), n => format!("{n} items") } }
                    </span>
                    <span class="ab-part__question">{ kind.question() }</span>
                </summary>
                <div class="ab-part__body">
                    <p class="ab-part__summary">{ &part.summary }</p>
                    <p class="ab-part__weight">{ weight }</p>
                    if part.findings.is_empty() {
                        <p class="ab-part__none">{ if part.score.is_some() { "Nothing here costs points." } else { "" } }</p>
                    } else {
                        <ul class="ab-findings" aria-label={format!("{}: items", kind.label())}>
                            { for part.findings.iter().enumerate().map(|(index, finding)| finding_item(finding, board, (kind, index), on_follow)) }
                        </ul>
                    }
                </div>
            </details>
        </li>
    }
}

fn finding_item(
    finding: &Finding,
    board: &Board,
    (part, index): (PartKind, usize),
    on_follow: &Callback<(PartKind, usize, Subject)>,
) -> Html {
    let (kind, name) = subject_name(board, &finding.subject);
    let subject = finding.subject.clone();
    let goes = shown_where(board, &finding.subject, kind);
    html! {
        <li class="ab-finding">
            if matches!(finding.subject, Subject::Board) {
                <span class="ab-finding__name">{ name }</span>
            } else {
                // Read out as one: what it is, why it costs points and where the button goes.
                <button type="button" class="ab-finding__name" title={goes.clone()}
                        aria-description={format!("{kind}: {}. {goes}", finding.reason)}
                        data-place={item_place(part, &finding.subject)}
                        onclick={on_follow.reform(move |_| (part, index, subject.clone()))}>{ name }</button>
            }
            <span class="ab-finding__kind">{ kind }</span>
            <span class="ab-finding__reason">{ &finding.reason }</span>
        </li>
    }
}

/// Every team's score and parts side by side; a team's name or score shows its own
/// figures, and a part's score opens that part's items.
fn team_table(
    board: &Board,
    analysis: &Analysis,
    on_scope: &Callback<(Scope, Option<PartKind>)>,
) -> Html {
    let kinds: Vec<PartKind> = PartKind::ALL
        .into_iter()
        .filter(|kind| {
            analysis
                .teams
                .iter()
                .any(|(_, h)| h.part(*kind).score.is_some())
        })
        .collect();
    let rows = analysis.teams.iter().map(|(id, health): &(String, Health)| {
        let name = board.team(id).map_or(id.clone(), |t| t.name.clone());
        let cell = |score: Option<u8>, kind: Option<PartKind>, items: usize| {
            let text = score.map_or("–".to_string(), |s| s.to_string());
            let target = (Some(id.clone()), kind);
            let what = kind.map_or("score", PartKind::label);
            html! {
                <td class={classes!("ab-teams__cell", band(score))}>
                    if score.is_some() && (kind.is_none() || items > 0) {
                        <button type="button" class="ab-teams__score" onclick={on_scope.reform(move |_| target.clone())}
                                aria-label={format!("{name}, {what}: {text}, show the items")}>{ text.clone() }</button>
                    } else {
                        { text.clone() }
                    }
                </td>
            }
        };
        let team = (Some(id.clone()), None);
        html! {
            <tr key={id.clone()}>
                <th scope="row">
                    <button type="button" class="ab-link-button" onclick={on_scope.reform(move |_| team.clone())}
                            aria-label={format!("Show {name}'s figures")}>{ name.clone() }</button>
                </th>
                { cell(health.score, None, 0) }
                { for kinds.iter().map(|kind| {
                    let part = health.part(*kind);
                    cell(part.score, Some(*kind), part.findings.len())
                }) }
            </tr>
        }
    });
    html! {
        <section class="ab-teams" aria-labelledby="ab-teams-title">
            <h3 id="ab-teams-title" class="ab-health__heading">{ "Teams" }</h3>
            <div class="ab-table-scroll">
                <table class="ab-teams__table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Team" }</th>
                            <th scope="col">{ "Score" }</th>
                            { for kinds.iter().map(|kind| html! { <th scope="col">{ kind.label() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { more_to_the_right() }
            </div>
            <p class="ab-teams__note">{ "Coverage and rank fit are measured for the whole board only." }</p>
        </section>
    }
}

/// Where selecting an item shows it, as its tooltip says.
fn shown_where(board: &Board, subject: &Subject, kind: &str) -> String {
    match subject {
        Subject::Dependency(id) if listed(board, id) => "Show this request in Coordination".into(),
        _ => format!("Show this {kind} on the board"),
    }
}
