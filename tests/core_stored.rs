#![cfg(not(target_arch = "wasm32"))]
//! The layout the board is saved in (docs/storage.md): a head whose lists are tables, and
//! the check-in history in parts named by their content. Round trips, what an edit
//! rewrites, and the words a person sees when a stored board is damaged.

mod core_support;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::list::List;
use alignment_board::core::model::Board;
use alignment_board::core::snapshot::{self, Parts, ReadError, Stored, PART_ROWS, STORE_FORMAT};
use core_support::{date, empty_board, full_board, small_board, ts};
use generate_board::{big_board, Size};
use serde_json::Value;
use std::collections::BTreeMap;

fn stored(board: &Board) -> Stored {
    snapshot::write_stored(board, ts("2026-11-23T09:30:00Z"), &mut Parts::default())
}

fn parts_of(stored: &Stored) -> BTreeMap<String, String> {
    stored
        .parts
        .iter()
        .map(|(name, text)| (name.clone(), text.to_string()))
        .collect()
}

fn read_back(stored: &Stored) -> Result<snapshot::Loaded, ReadError> {
    let parts = parts_of(stored);
    snapshot::read_stored(&stored.head, &|name| parts.get(name).cloned())
}

fn generated(check_ins: usize) -> Board {
    big_board(
        Size {
            teams: 5,
            priorities: 4,
            initiatives: 120,
            check_ins,
        },
        date("2026-11-23"),
    )
}

#[test]
fn every_board_reads_back_unchanged_from_its_stored_layout() {
    for board in [empty_board(), small_board(), full_board(), generated(2_500)] {
        let loaded = read_back(&stored(&board)).expect("the stored layout reads back");
        assert_eq!(loaded.board, board);
        assert_eq!(loaded.exported_at, Some(ts("2026-11-23T09:30:00Z")));
    }
}

#[test]
fn a_date_promised_for_one_request_takes_a_column_only_when_a_request_has_one() {
    let mut board = small_board();
    let mut later = board.dependencies[0].clone();
    later.id = "d-9".into();
    later.promised = Some(date("2026-12-15"));
    board.dependencies.push(later);
    let head: Value = serde_json::from_str(&stored(&board).head).unwrap();
    let table = &head["board"]["dependencies"];
    let columns: Vec<&str> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let at = columns
        .iter()
        .position(|c| *c == "promised")
        .expect("a promised column");
    assert_eq!(columns[at - 1], "due", "in the order of the fields");
    assert_eq!(
        table["rows"][0][at],
        Value::Null,
        "the first request promised nothing"
    );
    assert_eq!(table["rows"][1][at], "2026-12-15");
    assert_eq!(read_back(&stored(&board)).unwrap().board, board);
    // No request promised a date: the table is written as before the field was added.
    board.dependencies.retain(|d| d.promised.is_none());
    let head: Value = serde_json::from_str(&stored(&board).head).unwrap();
    assert!(!head["board"]["dependencies"]["columns"]
        .as_array()
        .unwrap()
        .contains(&Value::from("promised")));
}

#[test]
fn lists_are_tables_and_the_history_is_in_parts_of_a_thousand() {
    let board = generated(2_500);
    let stored = stored(&board);
    let head: Value = serde_json::from_str(&stored.head).unwrap();
    assert_eq!(head["format"], STORE_FORMAT);
    assert_eq!(head["version"], 1);
    let initiatives = &head["board"]["initiatives"];
    assert_eq!(initiatives["columns"][0], "id");
    assert_eq!(initiatives["columns"][1], "title");
    assert_eq!(initiatives["rows"].as_array().unwrap().len(), 120);
    assert_eq!(initiatives["rows"][0][0], "i-1");
    let check_ins = &head["board"]["checkIns"];
    assert_eq!(check_ins["columns"][1], "initiativeId");
    assert!(
        check_ins.get("rows").is_none(),
        "the history is not in the head"
    );
    let names: Vec<&str> = check_ins["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let expected: Vec<&str> = stored.parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, expected);
    let sizes: Vec<usize> = stored
        .parts
        .iter()
        .map(|(_, text)| serde_json::from_str::<Vec<Value>>(text).unwrap().len())
        .collect();
    assert_eq!(sizes, vec![PART_ROWS, PART_ROWS, 500]);
}

#[test]
fn the_stored_layout_is_about_half_the_snapshot() {
    let board = generated(2_500);
    let stored = stored(&board);
    let total = stored.head.len() + stored.parts.iter().map(|(_, t)| t.len()).sum::<usize>();
    let snapshot = snapshot::write_compact(&board, ts("2026-11-23T09:30:00Z")).len();
    assert!(
        total * 100 < snapshot * 55,
        "stored {total} characters against the snapshot's {snapshot}"
    );
}

#[test]
fn an_edit_leaves_the_parts_as_they_were_and_a_check_in_changes_only_the_last() {
    let board = generated(2_500);
    let before = stored(&board);

    let mut edited = board.clone();
    edited.initiatives[3].title = "Renamed".into();
    let after_edit = stored(&edited);
    assert_eq!(parts_of(&after_edit), parts_of(&before));
    assert_ne!(after_edit.head, before.head);

    let mut checked_in = board.clone();
    let mut check_in = board.check_ins[0].clone();
    check_in.id = "c-new".into();
    checked_in.check_ins.push(check_in);
    let after_check_in = stored(&checked_in);
    let old: Vec<&String> = before.parts.iter().map(|(n, _)| n).collect();
    let new: Vec<&String> = after_check_in.parts.iter().map(|(n, _)| n).collect();
    assert_eq!(new[..2], old[..2], "the full parts keep their names");
    assert_ne!(new[2], old[2], "the last part holds the new check-in");
}

/// A board read from the store knows the parts it was read from, as the saves before it
/// did: the first save after opening it names and writes out only what changed. Parts that
/// are not as this build writes them (not a thousand check-ins each, or rows in other
/// columns) are not taken, and the board saves as if it knew none.
#[test]
fn a_board_read_from_the_store_knows_its_parts_when_they_are_as_written() {
    let board = generated(2_500);
    let written = stored(&board);
    let parts = parts_of(&written);
    let (loaded, mut known) =
        snapshot::read_stored_known(&written.head, &|name| parts.get(name).cloned()).unwrap();
    assert_eq!(known.count(), 3);
    let mut next = loaded.board.clone();
    let mut check_in = board.check_ins[0].clone();
    check_in.id = "c-new".into();
    next.check_ins.push(check_in.clone());
    let again = snapshot::write_stored(&next, ts("2026-11-23T10:00:00Z"), &mut known);
    let fresh = snapshot::write_stored(&next, ts("2026-11-23T10:00:00Z"), &mut Parts::default());
    assert_eq!(again.head, fresh.head);
    assert_eq!(read_back(&again).unwrap().board, next);

    // The first part cut in two: the same check-ins, in parts of 500, 500, 1,000 and 500.
    let mut head: Value = serde_json::from_str(&written.head).unwrap();
    let names = head["board"]["checkIns"]["parts"]
        .as_array()
        .unwrap()
        .clone();
    let first: Vec<Value> = serde_json::from_str(&parts[names[0].as_str().unwrap()]).unwrap();
    let mut cut = parts.clone();
    cut.insert("a".into(), serde_json::to_string(&first[..500]).unwrap());
    cut.insert("b".into(), serde_json::to_string(&first[500..]).unwrap());
    head["board"]["checkIns"]["parts"] =
        serde_json::json!(["a", "b", names[1].clone(), names[2].clone()]);
    let head = head.to_string();
    let (loaded, mut known) =
        snapshot::read_stored_known(&head, &|name| cut.get(name).cloned()).unwrap();
    assert_eq!(loaded.board, board, "the board reads the same");
    assert_eq!(known.count(), 0, "parts not as written are not known");
    let mut next = loaded.board.clone();
    next.check_ins.push(check_in);
    let again = snapshot::write_stored(&next, ts("2026-11-23T10:00:00Z"), &mut known);
    assert_eq!(again.head, fresh.head);
    assert_eq!(read_back(&again).unwrap().board, next);

    // Rows with a column this build does not write (a head from elsewhere): read, but a part
    // kept under the next head would not fit its columns, so none is known.
    let mut head: Value = serde_json::from_str(&written.head).unwrap();
    head["board"]["checkIns"]["columns"]
        .as_array_mut()
        .unwrap()
        .push("mood".into());
    let wider: BTreeMap<String, String> = parts
        .iter()
        .map(|(name, text)| {
            let mut rows: Vec<Vec<Value>> = serde_json::from_str(text).unwrap();
            rows.iter_mut().for_each(|row| row.push("calm".into()));
            (name.clone(), serde_json::to_string(&rows).unwrap())
        })
        .collect();
    let head = head.to_string();
    let (loaded, mut known) =
        snapshot::read_stored_known(&head, &|name| wider.get(name).cloned()).unwrap();
    assert_eq!(loaded.board, board, "the board reads the same");
    assert_eq!(known.count(), 0, "parts in other columns are not known");
    let again = snapshot::write_stored(&next, ts("2026-11-23T10:00:00Z"), &mut known);
    assert_eq!(again.head, fresh.head);
    assert_eq!(read_back(&again).unwrap().board, next);
}

#[test]
fn equal_parts_have_equal_names_and_different_parts_different_names() {
    let a = stored(&generated(1_500));
    let b = stored(&generated(1_500));
    assert_eq!(a.parts, b.parts);
    assert_ne!(a.parts[0].0, a.parts[1].0);
    assert!(a.parts[0]
        .0
        .bytes()
        .all(|c| c.is_ascii_hexdigit() || c == b'-'));
}

#[test]
fn a_missing_or_damaged_part_is_named() {
    let stored = stored(&generated(1_500));
    let first = stored.parts[0].0.clone();
    let missing = snapshot::read_stored(&stored.head, &|name| {
        (name != first)
            .then(|| parts_of(&stored).get(name).cloned())
            .flatten()
    })
    .unwrap_err();
    assert_eq!(
        missing.to_string(),
        format!("board.checkIns.parts[0]: the stored part \"{first}\" is missing")
    );
    let damaged = snapshot::read_stored(&stored.head, &|_| Some("[[\"c-1\",".into())).unwrap_err();
    assert!(damaged.to_string().contains("is damaged"), "{damaged}");
}

#[test]
fn a_row_that_does_not_fit_its_columns_is_refused_with_its_path() {
    let board = small_board();
    let stored = stored(&board);
    let mut head: Value = serde_json::from_str(&stored.head).unwrap();
    head["board"]["initiatives"]["rows"][1]
        .as_array_mut()
        .unwrap()
        .pop();
    let parts = parts_of(&stored);
    let error = snapshot::read_stored(&head.to_string(), &|n| parts.get(n).cloned()).unwrap_err();
    let columns = head["board"]["initiatives"]["columns"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(
        error.to_string(),
        format!(
            "board.initiatives.rows[1]: {} values for {columns} columns",
            columns - 1
        )
    );
    head["board"]["teams"]["rows"][0][0] = Value::from(7);
    let error = snapshot::read_stored(&head.to_string(), &|n| parts.get(n).cloned()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "board.teams.rows[0].id: expected text, found 7"
    );
}

#[test]
fn a_board_saved_as_a_plain_snapshot_still_opens() {
    let at = ts("2026-11-23T09:30:00Z");
    for board in [full_board(), generated(2_500)] {
        for text in [
            snapshot::write_compact(&board, at),
            snapshot::write_pretty(&board, at),
        ] {
            let loaded = snapshot::read_stored(&text, &|_| None).unwrap();
            assert_eq!(loaded.board, board);
            // Its check-ins read straight from the text give the board a reading of the
            // whole text as a value gives.
            assert_eq!(
                loaded.board,
                snapshot::read_through_value(&text).unwrap().board
            );
        }
    }
}

#[test]
fn a_store_head_that_keeps_its_check_ins_in_place_keeps_them() {
    // Its format named late in the text, so that it reads as a whole snapshot would first.
    let board = generated(30);
    let text = snapshot::write_compact(&board, ts("2026-11-23T09:30:00Z"));
    let mut value: Value = serde_json::from_str(&text).unwrap();
    let top = value.as_object_mut().unwrap();
    let at = top.remove("exportedAt").unwrap();
    top.insert("savedAt".into(), at);
    top.insert("format".into(), STORE_FORMAT.into());
    let head = serde_json::to_string(&value).unwrap();
    assert!(head.find(STORE_FORMAT).unwrap() > 64);
    let loaded = snapshot::read_stored(&head, &|_| None).unwrap();
    assert_eq!(loaded.board.check_ins.len(), 30);
    assert_eq!(loaded.board, board);
}

#[test]
fn a_plain_snapshot_in_the_store_with_a_wrong_check_in_names_it() {
    let board = generated(20);
    let text = snapshot::write_compact(&board, ts("2026-11-23T09:30:00Z"));
    let (before, check_ins) = text.split_at(text.find("\"checkIns\":[").unwrap());
    let wrong = format!(
        "{before}{}",
        check_ins.replacen("\"confidence\":", "\"confidence\":\"lots\",\"was\":", 1)
    );
    let error = snapshot::read_stored(&wrong, &|_| None).unwrap_err();
    assert_eq!(error, snapshot::read(&wrong).unwrap_err());
    assert!(
        error.to_string().contains("board.checkIns[0].confidence"),
        "{error}"
    );
}

#[test]
fn a_stored_head_is_not_a_snapshot_to_import() {
    let error = snapshot::read(&stored(&small_board()).head).unwrap_err();
    assert_eq!(
        error.to_string(),
        "this is not an alignment board snapshot: \"format\" is \"alignment-board-store\", expected \"alignment-board\""
    );
}

#[test]
fn a_store_layout_from_a_newer_build_is_named_as_newer() {
    let text = r#"{"format":"alignment-board-store","version":2,"board":{}}"#;
    let error = snapshot::read_stored(text, &|_| None).unwrap_err();
    assert!(matches!(error, ReadError::TooNew { found: 2 }), "{error:?}");
}

/// The check-ins of one stored part, read by the store's reader.
fn read_part(rows: &str) -> Result<List<alignment_board::core::model::CheckIn>, ReadError> {
    let board = small_board();
    let mut stored = stored(&board);
    let name = "p-0".to_string();
    // A head naming the one hand-written part.
    let mut head: Value = serde_json::from_str(&stored.head).unwrap();
    head["board"]["checkIns"]["parts"] = serde_json::json!([name]);
    stored.head = head.to_string();
    let rows = rows.to_string();
    snapshot::read_stored(&stored.head, &|n| (n == name).then(|| rows.clone()))
        .map(|loaded| loaded.board.check_ins)
}

/// The same rows read by the general reader, as a plain snapshot's list of objects.
fn read_general(rows: &str) -> Result<List<alignment_board::core::model::CheckIn>, ReadError> {
    let rows: Vec<Vec<Value>> = serde_json::from_str(rows).unwrap();
    let mut snapshot: Value = serde_json::from_str(&snapshot::write_compact(
        &small_board(),
        ts("2026-11-23T09:30:00Z"),
    ))
    .unwrap();
    snapshot["board"]["checkIns"] = rows
        .into_iter()
        .map(|row| {
            snapshot::CHECK_IN_COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(row)
                .collect::<serde_json::Map<String, Value>>()
                .into()
        })
        .collect::<Vec<Value>>()
        .into();
    snapshot::read(&snapshot.to_string()).map(|loaded| loaded.board.check_ins)
}

#[test]
fn a_part_reads_as_its_rows_read_in_a_plain_snapshot() {
    let i = &small_board().initiatives[0].id;
    let p = &small_board().people[0].id;
    let rows = [
        format!(r#"[["c-1","{i}","2026-11-20T09:00:00Z","onTrack",40,7,"Fine",null]]"#),
        format!(r#"[["c-1","{i}","2026-11-20T09:00:00Z","atRisk",0,null,"",{p:?}]]"#),
        format!(
            r#" [ ["c-1" , "{i}","2026-11-20T09:00:00Z","done",100,10,"Quote \" slash \\ tab \t é ✓ \ud83d\ude00","{p}"] ,
               ["c-2","{i}","2026-11-21T09:00:00Z","offTrack",5,0,"two",null] ] "#
        ),
        "[]".to_string(),
        // Not what the writer writes: read by the general reader, to the same effect.
        format!(r#"[["c-1","{i}","2026-11-20T09:00:00+02:00","onTrack",40,7,null,null]]"#),
    ];
    for rows in rows {
        let part = read_part(&rows).unwrap_or_else(|e| panic!("{rows}: {e}"));
        assert_eq!(part, read_general(&rows).unwrap(), "{rows}");
    }
    let written = snapshot::write_stored(
        &full_board(),
        ts("2026-11-23T09:30:00Z"),
        &mut Parts::default(),
    );
    assert!(snapshot::CHECK_IN_COLUMNS.len() == 8 && !written.parts.is_empty());
    assert_eq!(
        read_back(&written).unwrap().board.check_ins,
        full_board().check_ins,
        "the writer's parts read back as the check-ins they were written from"
    );
}

#[test]
fn a_wrong_value_in_a_part_is_named_by_its_row_across_parts() {
    let i = &small_board().initiatives[0].id;
    let cases = [
        (r#""onTrack",150,7"#, "board.checkIns.rows[1].progress: 150 is more than 100"),
        (r#""onTrack",042,7"#, "this is not JSON"),
        (r#""onTrack",-4,7"#, "board.checkIns.rows[1].progress: expected a whole number from 0 to 100, found -4"),
        (r#""sideways",4,7"#, "board.checkIns.rows[1].status: expected one of notStarted, onTrack, atRisk, offTrack, done, dropped, found \"sideways\""),
        (r#""onTrack",4.5,7"#, "board.checkIns.rows[1].progress: expected a whole number from 0 to 100, found 4.5"),
    ];
    for (middle, expected) in cases {
        let rows = format!(
            r#"[["c-1","{i}","2026-11-20T09:00:00Z","onTrack",4,7,"",null],["c-2","{i}","2026-11-20T09:00:00Z",{middle},"",null]]"#
        );
        let error = read_part(&rows).unwrap_err().to_string();
        if expected == "this is not JSON" {
            assert!(error.contains("is damaged"), "{error}");
        } else {
            assert_eq!(error, expected);
        }
    }
    let short = format!(r#"[["c-1","{i}","2026-11-20T09:00:00Z","onTrack",4,7,""]]"#);
    assert_eq!(
        read_part(&short).unwrap_err().to_string(),
        "board.checkIns.rows[0]: 7 values for 8 columns"
    );
    let unknown = r#"[["c-1","i-404","2026-11-20T09:00:00Z","onTrack",4,7,"",null]]"#;
    assert_eq!(
        read_part(unknown).unwrap_err().to_string(),
        "board.checkIns[0].initiativeId: no initiative \"i-404\""
    );
}
