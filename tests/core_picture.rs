#![cfg(not(target_arch = "wasm32"))]
//! The board as a picture (`core::picture`): an SVG image of the board that carries its
//! snapshot, so it shows where no script runs and imports again.

mod core_support;
#[path = "support/example.rs"]
mod example;

use alignment_board::core::model::{PriorityStatus, Status};
use alignment_board::core::picture::{snapshot_in, svg};
use alignment_board::core::snapshot::{self, ReadError};
use alignment_board::core::time::Now;
use core_support::{full_board, initiative, small_board, ts};

#[test]
fn a_picture_imports_as_the_board_it_shows() {
    for board in [
        small_board(),
        full_board(),
        example::example_board(ts("2026-11-24T09:00:00Z").utc_date()),
    ] {
        let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
        let loaded = snapshot::read(&picture).expect("the picture imports");
        assert_eq!(loaded.board, board);
    }
}

#[test]
fn a_picture_is_an_svg_image_that_names_the_board_and_draws_every_card_it_can() {
    let board = small_board();
    let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
    assert!(picture.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(picture.trim_end().ends_with("</svg>"));
    assert!(picture.contains("role=\"img\""));
    assert!(picture.contains(&format!("<title>{} — alignment board</title>", board.title)));
    for team in board.teams.iter() {
        assert!(
            picture.contains(&format!(">{}</text>", team.name)),
            "lane {}",
            team.name
        );
    }
    for i in board.initiatives.iter() {
        assert!(
            picture.contains(&format!("<g><title>{}</title>", i.title)),
            "card {}",
            i.title
        );
        let drawn: String = picture
            .split("<g><title>")
            .find(|card| card.starts_with(&format!("{}</title>", i.title)))
            .unwrap()
            .split("</text>")
            .filter_map(|t| t.rsplit_once('>').map(|(_, text)| text))
            .take_while(|text| !text.starts_with(i.status.label()))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(drawn, i.title, "drawn whole");
    }
}

#[test]
fn a_picture_leaves_out_what_earlier_periods_finished_as_the_board_does_and_says_so() {
    let mut board = small_board();
    board.initiatives[0].status = Status::Done;
    board.period.label = "Q1 2027".into();
    board.period.started_at = Some(board.initiatives[0].updated_at);
    let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
    assert!(!picture.contains("<g><title>Wizard</title>"), "not drawn");
    assert!(picture.contains("<g><title>Cleanup</title>"));
    assert!(picture.contains(
        ">Q1 2027 · 2 initiatives · 1 from earlier periods not drawn · 2 teams · exported 2026-11-24</text>"
    ));
    assert_eq!(
        snapshot::read(&picture).unwrap().board,
        board,
        "it carries the whole board"
    );
}

#[test]
fn a_closed_priority_s_column_is_marked_achieved_or_dropped() {
    let mut board = small_board();
    board.priorities[0].status = PriorityStatus::Achieved;
    board.priorities[2].status = PriorityStatus::Dropped;
    board.initiatives[2].priority_ids = vec!["pr-3".into()];
    // A closed priority's column holds the finished work that served it.
    board.initiatives[0].status = Status::Done;
    board.initiatives[2].status = Status::Dropped;
    let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
    for head in ["#2 Reliability", "✓ Onboarding", "✕ Pricing"] {
        assert!(picture.contains(&format!(">{head}</text>")), "{head}");
    }
}

#[test]
fn text_in_a_picture_is_text_not_markup_and_long_titles_are_cut() {
    let mut board = small_board();
    let hostile = "<script>alert(1)</script> & \"quotes\" ]]> </metadata>";
    board.title = hostile.into();
    let mut long = initiative(
        "i-long",
        &"word ".repeat(40),
        &board.teams[0].id.clone(),
        &[],
    );
    long.title = long.title.trim().to_string();
    board.initiatives.push(long);
    let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
    assert!(!picture.contains("<script"), "no element made from text");
    assert_eq!(picture.matches("</metadata>").count(), 1);
    assert!(picture.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(
        picture.contains(">word word word word</text><text"),
        "a long title takes a second line, broken between words"
    );
    assert!(
        picture.contains(">word word word…</text>"),
        "and is cut at a word's end there, with an ellipsis"
    );
    assert!(
        picture.contains(&format!("<g><title>{}</title>", "word ".repeat(40).trim())),
        "the whole title is the card's tooltip"
    );
    let loaded = snapshot::read(&picture).expect("still imports");
    assert_eq!(loaded.board.title, hostile);
    assert_eq!(
        snapshot_in(&picture).as_deref(),
        Some(&*snapshot::write_compact(
            &board,
            ts("2026-11-24T10:00:00Z")
        ))
    );
}

#[test]
fn a_crowded_cell_shows_some_cards_and_counts_the_rest() {
    let mut board = small_board();
    let team = board.teams[0].id.clone();
    let priority = board.priorities[0].id.clone();
    for n in 0..10 {
        board.initiatives.push(initiative(
            &format!("i-x{n}"),
            &format!("Crowd {n}"),
            &team,
            &[&priority],
        ));
    }
    let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
    assert!(picture.contains("more</text>"));
    assert!(
        !picture.contains(">Crowd 9</text>"),
        "the tenth card of a cell is counted, not drawn"
    );
}

#[test]
fn an_svg_that_is_not_a_board_picture_is_refused_with_a_reason() {
    let error = snapshot::read(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>",
    )
    .expect_err("no board inside");
    assert!(matches!(error, ReadError::NotASnapshot { .. }));
    assert_eq!(
        error.to_string(),
        "this is not an alignment board snapshot: the picture holds no board"
    );
    // A web page where a snapshot was expected (an element's src naming the wrong file).
    for page in [
        "<!DOCTYPE html>\n<html><body>Not found</body></html>",
        "<HTML></HTML>",
    ] {
        assert_eq!(
            snapshot::read(page).expect_err("a web page").to_string(),
            "this is not an alignment board snapshot: it is a web page, not a snapshot file"
        );
    }
    // A damaged picture: the snapshot inside is cut.
    let picture = svg(&small_board(), Now::utc(ts("2026-11-24T10:00:00Z")));
    let start = picture.find("<metadata").unwrap();
    let damaged = format!(
        "{}{}",
        &picture[..start + 200],
        &picture[picture.find("</metadata>").unwrap()..]
    );
    assert!(matches!(
        snapshot::read(&damaged),
        Err(ReadError::NotJson { .. })
    ));
}

#[test]
fn characters_xml_refuses_never_reach_the_picture_and_still_import() {
    let mut board = small_board();
    // A soft line break pasted from a slide, and a noncharacter.
    board.title = "Plan\u{b}2027 \u{fffe}".into();
    board.initiatives[0].title = "Ship \u{ffff}\u{1}".into();
    let at = ts("2026-11-24T10:00:00Z");
    let picture = svg(&board, Now::utc(at));
    assert!(
        !picture
            .chars()
            .any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                || c == '\u{fffe}'
                || c == '\u{ffff}'),
        "only characters XML allows"
    );
    assert!(picture.contains("<title>Plan\u{fffd}2027 \u{fffd} — alignment board</title>"));
    assert_eq!(snapshot::read(&picture).expect("imports").board, board);
}

#[test]
fn the_snapshot_in_a_picture_is_about_its_own_size() {
    let board = example::example_board(ts("2026-11-24T09:00:00Z").utc_date());
    let at = ts("2026-11-24T10:00:00Z");
    let compact = snapshot::write_compact(&board, at);
    let inside = svg(&board, Now::utc(at));
    let start = inside.find("<metadata").unwrap();
    let end = inside.find("</metadata>").unwrap();
    // Quotes are left as they are: escaping them would nearly double a big board's picture,
    // and the import refuses files over its size limit.
    assert!(!inside[start..end].contains("&quot;"));
    assert!((end - start) < compact.len() + compact.len() / 20);
}

#[test]
fn text_in_a_picture_is_cut_by_how_wide_it_draws_not_by_its_length() {
    let mut board = small_board();
    let team = board.teams[0].id.clone();
    // 26 narrow letters fit a line of a card; 26 wide ones, and a 24-letter title of
    // ordinary letters in bold, do not (it drew over the card's edge when cut at 24
    // characters); 40 wide ones do not fit its two lines.
    board
        .initiatives
        .push(initiative("i-narrow", &"i".repeat(26), &team, &[]));
    board
        .initiatives
        .push(initiative("i-wide", &"W".repeat(40), &team, &[]));
    board.initiatives.push(initiative(
        "i-plain",
        "Query performance budget",
        &team,
        &[],
    ));
    let picture = svg(&board, Now::utc(ts("2026-11-24T10:00:00Z")));
    assert!(
        picture.contains(&format!(">{}</text>", "i".repeat(26))),
        "kept whole"
    );
    let wide: Vec<&str> = picture
        .split('>')
        .filter(|t| t.starts_with("WWW") && t.ends_with("</text"))
        .collect();
    assert_eq!(
        wide.len(),
        2,
        "the wide title is drawn in two lines: {wide:?}"
    );
    assert!(wide[1].ends_with("…</text"), "cut: {wide:?}");
    let drawn = wide.iter().map(|t| t.matches('W').count()).sum::<usize>();
    assert!(drawn < 30, "well short of 40: {wide:?}");
    // An ordinary title two lines hold is drawn whole, broken between its words.
    assert!(picture.contains(">Query performance</text>"));
    assert!(picture.contains(">budget</text>"));
}
