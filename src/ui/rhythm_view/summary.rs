//! The end of a guided review: what it changed, who was not checked in, and recording it
//! (a review of the whole board, or one team's check-in round).

use super::review::{team_and_owner, ModeHandle, Run};
use super::*;
use crate::ui::fields::{excerpt, EXCERPT};
use std::collections::HashSet;

/// The end of a guided review: what changed, who has not checked in, and recording it.
pub(super) fn review_summary(
    props: &RhythmViewProps,
    context: &BoardContext,
    mode: &ModeHandle,
    run: Run,
) -> Html {
    let board = &props.board;
    let team = run.team.as_ref().map(|(_, name)| name.as_str());
    let changes = diff(&run.start, board);
    let on_board: Vec<bool> = run.checked_in(board).collect();
    let saved = on_board.iter().filter(|&&c| c).count();
    let missing: Vec<&Id> = run
        .queue
        .iter()
        .zip(&on_board)
        .filter(|(_, on_board)| !**on_board)
        .map(|(id, _)| id)
        .collect();
    let flips = changes
        .items
        .iter()
        .filter(|x| x.kind == Kind::Initiative && x.field("status").is_some())
        .count();
    // One team's round is its check-in round: the board's review, the start of what has
    // changed since, is the whole board's. So is a slice's, of several teams: a slice holds
    // only part of the board, and its reviews are kept on the whole board.
    let (what, kind) = match team {
        Some(team) => (format!("{team}'s check-in round"), ReviewKind::CheckIn),
        None if board.slice.is_some() => ("Check-in round".to_string(), ReviewKind::CheckIn),
        None => ("Guided review".to_string(), ReviewKind::Review),
    };
    let round = kind == ReviewKind::CheckIn;
    // A team deleted while its round went on: the round is kept as a round of no team, as
    // deleting the team makes of its rounds recorded before.
    let round_of = run
        .team
        .as_ref()
        .map(|(id, _)| id.clone())
        .filter(|id| board.team(id).is_some());
    let summary_text = format!(
        "{what}: {saved} of {} due initiatives checked in, {flips} status {}, {} not checked in.",
        run.queue.len(),
        if flips == 1 { "change" } else { "changes" },
        missing.len()
    );
    let on_record = {
        let (dispatch, mode, board, score, text) = (
            context.dispatch.clone(),
            mode.clone(),
            board.clone(),
            props.analysis.board.score,
            summary_text.clone(),
        );
        Callback::from(move |_| {
            record_review(
                &dispatch,
                &board,
                score,
                text.clone(),
                (kind, round_of.clone()),
            );
            mode.set(Mode::Overview);
        })
    };
    let on_discard = {
        let (mode, dispatch) = (mode.clone(), context.dispatch.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Msg::Say(
                "Review closed without recording it; its check-ins are kept".into(),
            ));
            mode.set(Mode::Overview)
        })
    };
    // The check-ins the review recorded: the board's comparison leaves the history out.
    // Each says what it set, beside what its initiative had before it (the check-in before,
    // or the board as the review began); the comparison then leaves out of an initiative
    // what its latest check-in set and it still has.
    let before: HashSet<&str> = run.start.check_ins.iter().map(|c| c.id.as_str()).collect();
    let recorded: Vec<&CheckIn> = board
        .check_ins
        .iter()
        .filter(|c| !before.contains(c.id.as_str()))
        .collect();
    let explained: HashSet<&str> = recorded.iter().map(|c| c.initiative_id.as_str()).collect();
    // The check-ins of the initiatives checked in on: few, searched as they are.
    let history: Vec<&CheckIn> = board
        .check_ins
        .iter()
        .filter(|c| explained.contains(c.initiative_id.as_str()))
        .collect();
    let latest = |initiative: &str| {
        history
            .iter()
            .filter(|k| k.initiative_id == initiative)
            .max_by_key(|k| k.at.unix_seconds())
    };
    let set_before = |c: &CheckIn| -> Option<(Status, u8, Option<u8>)> {
        let earlier = history
            .iter()
            .filter(|k| k.initiative_id == c.initiative_id && k.at < c.at)
            .max_by_key(|k| k.at.unix_seconds());
        match earlier {
            Some(k) => Some((k.status, k.progress, k.confidence)),
            None => run
                .start
                .initiative(&c.initiative_id)
                .map(|i| (i.status, i.progress, i.confidence)),
        }
    };
    let checked_in: Vec<Html> = recorded
        .iter()
        .map(|c| {
            let title = board
                .initiative(&c.initiative_id)
                .map_or_else(|| c.initiative_id.clone(), |i| i.title.clone());
            let was = set_before(c);
            let status = match was {
                Some((s, ..)) if s != c.status => format!("{} → {}", s.label(), c.status.label()),
                _ => c.status.label().to_string(),
            };
            let progress = match was {
                Some((_, p, _)) if p != c.progress => format!("{p} % → {} %", c.progress),
                _ => format!("{} %", c.progress),
            };
            let confidence = match (was.and_then(|w| w.2), c.confidence) {
                (Some(b), Some(n)) if b != n => format!(", confidence {b} → {n}"),
                (_, Some(n)) => format!(", confidence {n}"),
                (_, None) => String::new(),
            };
            let reason = match excerpt(c.note.trim(), EXCERPT).as_str() {
                "" => format!("checked in: {status}, {progress} done{confidence}"),
                note => format!("checked in: {status}, {progress} done{confidence}: {note}"),
            };
            html! { <li class="ab-finding"><span class="ab-finding__name">{ title }</span><span class="ab-finding__reason">{ reason }</span></li> }
        })
        .collect();
    let mut changes = changes;
    changes.items.retain_mut(|d| {
        let latest = latest(&d.id);
        let (Kind::Initiative, Some(latest), Some(now), Change::Changed(fields)) =
            (d.kind, latest, board.initiative(&d.id), &mut d.change)
        else {
            return true;
        };
        fields.retain(|f| match f.name {
            "status" => now.status != latest.status,
            "progress" => now.progress != latest.progress,
            "confidence" => now.confidence != latest.confidence,
            _ => true,
        });
        !fields.is_empty()
    });
    // With check-ins recorded, "no differences" would say the review changed nothing.
    let show_diff = !changes.is_empty() || checked_in.is_empty();
    let score = |score: Option<u8>| score.map_or("none".to_string(), |s| s.to_string());
    let score_now = match (run.score_before, props.analysis.board.score) {
        (before, now) if before == now => {
            format!("Alignment score now: {}, as it began.", score(now))
        }
        (before, now) => format!(
            "Alignment score now: {} ({} as it began).",
            score(now),
            score(before)
        ),
    };
    let not_checked = missing.iter().filter_map(|id| board.initiative(id)).map(|i| {
        let (_, owner) = team_and_owner(board, i);
        html! { <li class="ab-finding"><span class="ab-finding__name">{ &i.title }</span><span class="ab-finding__reason">{ owner }</span></li> }
    });
    html! {
        <section class="ab-review" aria-labelledby="ab-review-title">
            <h2 id="ab-review-title" tabindex="-1">{ if round { "Check-in round summary" } else { "Review summary" } }</h2>
            <p class="ab-health__figure">{ &summary_text }</p>
            <p class="ab-review__score">{ score_now }</p>
            <h3 class="ab-health__heading">{ if round { "What changed during the round" } else { "What changed during the review" } }</h3>
            if !checked_in.is_empty() {
                <ul class="ab-findings ab-findings--pairs" aria-label="Check-ins recorded">{ for checked_in }</ul>
            }
            if show_diff {
                { diff_list(&changes, "h4", "Nothing on the board changed during the review.") }
            }
            if !missing.is_empty() {
                <h3 class="ab-health__heading">{ "Not checked in" }</h3>
                <ul class="ab-findings ab-findings--pairs" aria-label="Not checked in">{ for not_checked }</ul>
            }
            <p class="ab-field__hint">{ match team {
                Some(team) => format!("The check-ins are saved either way. Recording notes that {team}'s round took place; the board's last review stays as it is."),
                None if round => "The check-ins are saved either way. Recording notes that the round took place; reviews are kept on the whole board.".to_string(),
                None => "The check-ins are saved either way. Recording the review keeps today's score, counts the next review from today and clears “Changed since review” from the cards.".to_string(),
            } }</p>
            <div class="ab-dialog__actions">
                <button type="button" class="ab-button" onclick={on_discard}>{ "Close without recording" }</button>
                <span class="ab-spacer"></span>
                <button type="button" class="ab-button ab-button--primary" onclick={on_record}>{ if round { "Record check-in round" } else { "Record review" } }</button>
            </div>
        </section>
    }
}

/// Records a review (or a check-in round, `kind`, of the team given beside it) of `board`
/// now, with its alignment `score` and `summary`, and says so.
pub(super) fn record_review(
    dispatch: &yew::UseReducerDispatcher<crate::ui::state::AppState>,
    board: &Board,
    score: Option<u8>,
    summary: String,
    (kind, team_id): (ReviewKind, Option<Id>),
) {
    let done = match kind {
        ReviewKind::Review => format!(
            "Review recorded{}.",
            score.map_or(String::new(), |s| format!(
                " with an alignment score of {s}"
            ))
        ),
        _ => match team_id.as_deref().and_then(|id| board.team(id)) {
            Some(team) => format!("{}'s check-in round recorded.", team.name),
            None => "Check-in round recorded.".to_string(),
        },
    };
    dispatch.dispatch(Msg::Do {
        action: Action::RecordReview(Review {
            id: crate::ui::ids::fresh(board, "v"),
            at: now(),
            kind,
            summary,
            score,
            team_id,
        }),
        focus: None,
    });
    dispatch.dispatch(Msg::Done(done));
}
