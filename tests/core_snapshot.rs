#![cfg(not(target_arch = "wasm32"))]
//! The snapshot reader and writer (docs/snapshot-format.md, version 1), natively: round trips, defaults
//! for missing optional keys, and every way a text is refused, with the words a person sees.

mod core_support;
#[path = "support/example.rs"]
mod example;

use alignment_board::core::model::{DependencyState, PriorityStatus, Rhythm, Severity, Status};
use alignment_board::core::snapshot::{self, ReadError, MAX_BYTES, VERSION};
use alignment_board::core::validate::Problem;
use core_support::{date, empty_board, full_board, small_board, ts};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Helpers

/// The small board as a parsed snapshot, ready to be broken in one place.
fn small_snapshot() -> Value {
    serde_json::from_str(&snapshot::write_compact(
        &small_board(),
        ts("2026-11-23T09:30:00Z"),
    ))
    .expect("the writer writes JSON")
}

/// Reads the small board's snapshot after `change` has been made to it.
fn read_changed(change: impl FnOnce(&mut Value)) -> Result<snapshot::Loaded, ReadError> {
    let mut value = small_snapshot();
    change(&mut value);
    snapshot::read(&value.to_string())
}

/// The value at a JSON pointer (`/board/initiatives/0/effort`), which must exist.
fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the test snapshot"))
}

/// Removes the key at the end of a JSON pointer.
fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a key");
    at(value, parent)
        .as_object_mut()
        .expect("the parent is an object")
        .remove(key)
        .unwrap_or_else(|| panic!("no {pointer} to remove"));
}

/// The error a text is refused with; fails the test when it is accepted.
fn refusal(result: Result<snapshot::Loaded, ReadError>) -> ReadError {
    match result {
        Ok(loaded) => panic!("the snapshot should be refused, but was read: {loaded:?}"),
        Err(error) => error,
    }
}

/// Asserts a `Malformed` refusal at `path` with `message`, and its user-facing text.
fn assert_malformed(result: Result<snapshot::Loaded, ReadError>, path: &str, message: &str) {
    let error = refusal(result);
    assert_eq!(
        error,
        ReadError::Malformed {
            path: path.into(),
            message: message.into()
        }
    );
    assert_eq!(error.to_string(), format!("{path}: {message}"));
}

fn problem(path: &str, message: &str) -> Problem {
    Problem {
        path: path.into(),
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------------------
// Round trips

#[test]
fn pretty_snapshot_reads_back_as_the_same_board() {
    let board = full_board();
    let at = ts("2026-11-23T09:30:00Z");
    let loaded = snapshot::read(&snapshot::write_pretty(&board, at)).expect("readable");
    assert_eq!(loaded.board, board);
    assert_eq!(loaded.exported_at, Some(at));
    assert_eq!(loaded.migrated_from, None);
}

#[test]
fn compact_snapshot_reads_back_as_the_same_board() {
    let board = full_board();
    let at = ts("2027-02-28T23:59:59Z");
    let loaded = snapshot::read(&snapshot::write_compact(&board, at)).expect("readable");
    assert_eq!(loaded.board, board);
    assert_eq!(loaded.exported_at, Some(at));
}

#[test]
fn a_snapshot_pasted_into_a_page_s_script_element_cannot_end_it() {
    let mut board = full_board();
    let title = "Checkout </script><img src=x onerror=alert(1)> <!-- & >";
    board.initiatives[0].title = title.into();
    board.purpose = "<b>bold</b>".into();
    let at = ts("2026-11-23T09:30:00Z");
    for text in [
        snapshot::write_pretty(&board, at),
        snapshot::write_compact(&board, at),
    ] {
        assert!(!text.contains('<'), "no `<` anywhere: {text:.200}");
        assert!(text.contains("Checkout \\u003c/script>\\u003cimg"));
        let loaded = snapshot::read(&text).expect("readable");
        assert_eq!(loaded.board, board, "the same texts to a JSON reader");
    }
}

#[test]
fn writing_a_read_snapshot_again_gives_the_same_text() {
    let at = ts("2026-11-23T09:30:00Z");
    let first = snapshot::write_pretty(&full_board(), at);
    let again = snapshot::write_pretty(&snapshot::read(&first).unwrap().board, at);
    assert_eq!(first, again);
}

#[test]
fn compact_and_pretty_snapshots_hold_the_same_json() {
    let at = ts("2026-11-23T09:30:00Z");
    let pretty: Value = serde_json::from_str(&snapshot::write_pretty(&full_board(), at)).unwrap();
    let compact_text = snapshot::write_compact(&full_board(), at);
    let compact: Value = serde_json::from_str(&compact_text).unwrap();
    assert_eq!(pretty, compact);
    assert!(!compact_text.contains('\n'), "compact has no line breaks");
}

#[test]
fn written_snapshot_uses_the_documented_keys_and_spellings() {
    let text = snapshot::write_pretty(&full_board(), ts("2026-11-23T09:30:00Z"));
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "alignment-board");
    assert_eq!(value["version"], json!(VERSION));
    assert_eq!(value["exportedAt"], "2026-11-23T09:30:00Z");
    let board = &value["board"];
    assert_eq!(
        board["rhythm"],
        json!({ "checkInDays": 14, "reviewDays": 30, "planningDays": 65535 })
    );
    assert_eq!(
        board["period"],
        json!({ "label": "Q4 2026", "start": "2026-10-01", "end": "2026-12-31",
                 "startedAt": "2026-09-28T10:00:00Z" })
    );
    assert_eq!(board["priorities"][3]["status"], "achieved");
    assert_eq!(board["priorities"][0]["createdAt"], "2026-10-01T08:00:00Z");
    assert_eq!(board["initiatives"][1]["ownerId"], Value::Null);
    assert_eq!(
        board["initiatives"][1]["priorityIds"],
        json!(["pr-1", "pr-2"])
    );
    let statuses: Vec<Value> = board["initiatives"].as_array().unwrap()[3..]
        .iter()
        .map(|i| i["status"].clone())
        .collect();
    assert_eq!(
        statuses,
        json!([
            "notStarted",
            "onTrack",
            "atRisk",
            "offTrack",
            "done",
            "dropped"
        ])
        .as_array()
        .unwrap()
        .clone()
    );
    assert_eq!(board["initiatives"][0]["risks"][2]["severity"], "high");
    assert_eq!(board["dependencies"][4]["state"], "delivered");
    assert_eq!(
        board["dependencies"][4]["answeredAt"],
        "2026-11-04T11:15:30Z"
    );
    assert_eq!(board["decisions"][2]["kind"], "stop");
    assert_eq!(board["reviews"][0]["kind"], "checkIn");
    assert_eq!(board["checkIns"][0]["initiativeId"], "i-1");
}

#[test]
fn timestamps_with_offsets_are_read_as_utc_and_written_in_utc() {
    let loaded = read_changed(|v| {
        *at(v, "/board/priorities/0/createdAt") = json!("2026-10-01T10:00:00.250+02:00");
    })
    .expect("readable");
    assert_eq!(
        loaded.board.priorities[0].created_at,
        ts("2026-10-01T08:00:00Z")
    );
    let written = snapshot::write_compact(&loaded.board, ts("2026-11-23T09:30:00Z"));
    assert!(written.contains(r#""createdAt":"2026-10-01T08:00:00Z""#));
}

// ---------------------------------------------------------------------------------------
// Defaults and leniency

#[test]
fn minimal_snapshot_reads_with_defaults() {
    let text = r#"{
        "format": "alignment-board",
        "version": 1,
        "board": { "id": "b-9", "title": "Tiny", "teams": [ { "id": "t-1", "name": "Product" } ] }
    }"#;
    let loaded = snapshot::read(text).expect("readable");
    assert_eq!(loaded.exported_at, None);
    assert_eq!(loaded.migrated_from, None);
    let mut expected = empty_board();
    expected.id = "b-9".into();
    expected.title = "Tiny".into();
    expected.teams = vec![core_support::team("t-1", "Product", None)].into();
    assert_eq!(loaded.board, expected);
    assert_eq!(loaded.board.rhythm, Rhythm::default());
    assert_eq!(
        (
            loaded.board.rhythm.check_in_days,
            loaded.board.rhythm.review_days,
            loaded.board.rhythm.planning_days
        ),
        (7, 28, 91)
    );
    assert_eq!(loaded.board.purpose, "");
    assert_eq!(loaded.board.period.label, "");
    assert_eq!(loaded.board.period.start, None);
}

#[test]
fn missing_optional_fields_of_entities_take_their_defaults() {
    let text = r#"{
        "format": "alignment-board", "version": 1,
        "board": {
            "id": "b-1", "title": "Defaults",
            "period": {}, "rhythm": { "reviewDays": 14 },
            "teams": [ { "id": "t-1", "name": "Product" } ],
            "priorities": [ { "id": "pr-1", "title": "Grow", "rank": 1,
                              "createdAt": "2026-10-01T08:00:00Z" } ],
            "initiatives": [ { "id": "i-1", "title": "Wizard", "teamId": "t-1",
                               "createdAt": "2026-10-02T08:00:00Z",
                               "updatedAt": "2026-10-02T08:00:00Z",
                               "risks": [ { "id": "r-1", "text": "Auth" } ] } ],
            "checkIns": [ { "id": "c-1", "initiativeId": "i-1", "at": "2026-11-20T16:00:00Z",
                            "status": "atRisk" } ],
            "dependencies": [ { "id": "d-1", "fromInitiativeId": "i-1", "toTeamId": "t-1",
                                "need": "API", "requestedAt": "2026-11-03T10:00:00Z" } ],
            "decisions": [ { "id": "x-1", "title": "Pause", "kind": "defer",
                             "decidedAt": "2026-11-10T15:00:00Z" } ],
            "reviews": [ { "id": "v-1", "at": "2026-11-20T17:00:00Z", "kind": "planning" } ]
        }
    }"#;
    let board = snapshot::read(text).expect("readable").board;
    assert_eq!(
        board.rhythm,
        Rhythm {
            check_in_days: 7,
            review_days: 14,
            planning_days: 91
        }
    );
    let priority = &board.priorities[0];
    assert_eq!(priority.status, PriorityStatus::Active);
    assert_eq!(
        (priority.description.as_str(), priority.owner_id.as_ref()),
        ("", None)
    );
    assert_eq!(priority.success_measure, "");
    let initiative = &board.initiatives[0];
    assert!(initiative.is_local());
    assert_eq!(initiative.status, Status::NotStarted);
    assert_eq!(
        (
            initiative.effort,
            initiative.progress,
            initiative.confidence
        ),
        (0, 0, None)
    );
    assert_eq!((initiative.owner_id.as_ref(), initiative.due), (None, None));
    assert_eq!(initiative.risks[0].severity, Severity::Medium);
    assert!(
        initiative.risks[0].open,
        "risks are open unless they say not"
    );
    let check_in = &board.check_ins[0];
    assert_eq!(
        (
            check_in.progress,
            check_in.confidence,
            check_in.note.as_str()
        ),
        (0, None, "")
    );
    assert_eq!(check_in.author_id, None);
    let dependency = &board.dependencies[0];
    assert_eq!(dependency.state, DependencyState::Requested);
    assert_eq!(
        (
            dependency.to_initiative_id.as_ref(),
            dependency.due,
            dependency.answered_at
        ),
        (None, None, None)
    );
    let decision = &board.decisions[0];
    assert!(decision.priority_ids.is_empty() && decision.team_ids.is_empty());
    assert_eq!(
        (decision.rationale.as_str(), decision.revisit_on),
        ("", None)
    );
    assert_eq!(
        (board.reviews[0].summary.as_str(), board.reviews[0].score),
        ("", None)
    );
}

#[test]
fn null_optional_values_read_like_absent_ones() {
    let loaded = read_changed(|v| {
        *at(v, "/exportedAt") = Value::Null;
        *at(v, "/board/purpose") = Value::Null;
        *at(v, "/board/period") = Value::Null;
        *at(v, "/board/reviews") = Value::Null;
        *at(v, "/board/initiatives/0/confidence") = Value::Null;
        *at(v, "/board/initiatives/0/effort") = Value::Null;
        *at(v, "/board/initiatives/0/priorityIds") = Value::Null;
    })
    .expect("readable");
    assert_eq!(loaded.exported_at, None);
    assert_eq!(loaded.board.purpose, "");
    assert!(loaded.board.reviews.is_empty());
    let wizard = &loaded.board.initiatives[0];
    assert_eq!((wizard.effort, wizard.confidence), (0, None));
    assert!(wizard.is_local());
}

#[test]
fn unknown_keys_are_ignored_everywhere() {
    let plain = snapshot::read(&small_snapshot().to_string()).expect("readable");
    let extended = read_changed(|v| {
        v["generator"] = json!({ "name": "a script", "nested": [1, 2, { "deep": true }] });
        v["board"]["colour"] = json!("teal");
        v["board"]["period"]["timezone"] = json!("Europe/Berlin");
        v["board"]["teams"][0]["slackChannel"] = json!("#product");
        v["board"]["initiatives"][0]["x-estimate"] = json!(3.5);
        v["board"]["initiatives"][0]["risks"] = json!([
            { "id": "r-1", "text": "Auth", "mitigation": "stub it" }
        ]);
    })
    .expect("readable");
    let mut expected = plain.board.clone();
    expected.initiatives[0].risks = vec![alignment_board::core::model::Risk {
        id: "r-1".into(),
        text: "Auth".into(),
        severity: Severity::Medium,
        open: true,
    }];
    assert_eq!(extended.board, expected);
}

// ---------------------------------------------------------------------------------------
// Refusals: size and JSON

#[test]
fn text_over_the_size_limit_is_refused_before_parsing() {
    let text = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        snapshot::read(&text),
        Err(ReadError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
}

#[test]
fn text_of_exactly_the_size_limit_is_parsed() {
    let mut text = small_snapshot().to_string();
    text.push_str(&" ".repeat(MAX_BYTES - text.len()));
    assert_eq!(text.len(), MAX_BYTES);
    assert!(snapshot::read(&text).is_ok());
}

#[test]
fn too_large_message_names_both_sizes_in_megabytes() {
    let error = snapshot::read(&"x".repeat(12 * 1024 * 1024)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "it is 12.0 MB; snapshots larger than 10.0 MB are refused"
    );
}

#[test]
fn megabytes_are_rounded_up_to_tenths() {
    assert_eq!(snapshot::megabytes(0), "0.0 MB");
    assert_eq!(snapshot::megabytes(1024 * 1024), "1.0 MB");
    assert_eq!(snapshot::megabytes(1024 * 1024 * 3 / 2), "1.5 MB");
    assert_eq!(snapshot::megabytes(MAX_BYTES), "10.0 MB");
    assert_eq!(snapshot::megabytes(1), "0.1 MB");
    assert_eq!(
        snapshot::megabytes(MAX_BYTES + 1),
        "10.1 MB",
        "never reads as the limit"
    );
}

#[test]
fn broken_json_is_refused_with_line_and_column() {
    let text = "{\n  \"format\": \"alignment-board\",\n  \"version\": 1,\n  \"board\": }\n";
    let error = refusal(snapshot::read(text));
    assert_eq!(
        error,
        ReadError::NotJson {
            message:
                "a value is missing, or is a word JSON does not know (text needs double quotes)"
                    .into(),
            line: 4,
            column: 12
        }
    );
    assert_eq!(
        error.to_string(),
        "this is not valid JSON, so it may be damaged or cut short: a value is missing, or is a \
         word JSON does not know (text needs double quotes) at line 4, column 12"
    );
}

#[test]
fn trailing_text_after_the_object_is_refused_as_not_json() {
    let text = format!("{}\nhello", small_snapshot());
    match refusal(snapshot::read(&text)) {
        ReadError::NotJson {
            message,
            line,
            column,
        } => {
            assert_eq!(message, "more text follows the end of the snapshot");
            assert_eq!((line, column), (2, 1));
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
}

#[test]
fn deeply_nested_arrays_are_refused_without_overflowing_the_stack() {
    let depth = 10_000;
    let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    match refusal(snapshot::read(&text)) {
        ReadError::NotJson { message, line, .. } => {
            assert_eq!(message, "nested more than 128 levels deep");
            assert_eq!(line, 1);
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
}

#[test]
fn deep_nesting_hidden_in_an_unknown_key_is_refused_too() {
    let depth = 10_000;
    let deep = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let text = format!(
        r#"{{"format":"alignment-board","version":1,"extra":{deep},"board":{{"id":"b","title":"t"}}}}"#
    );
    assert!(matches!(
        refusal(snapshot::read(&text)),
        ReadError::NotJson { ref message, .. } if message == "nested more than 128 levels deep"
    ));
}

// ---------------------------------------------------------------------------------------
// Refusals: not a snapshot, versions

#[test]
fn json_that_is_not_an_object_is_not_a_snapshot() {
    for text in ["[1, 2]", "\"alignment-board\"", "42", "null"] {
        let error = refusal(snapshot::read(text));
        assert_eq!(
            error,
            ReadError::NotASnapshot {
                reason: "it holds JSON, but not an object with a \"board\"".into()
            },
            "{text}"
        );
        assert_eq!(
            error.to_string(),
            "this is not an alignment board snapshot: \
             it holds JSON, but not an object with a \"board\""
        );
    }
}

#[test]
fn an_empty_file_is_called_empty_not_cut_short() {
    for text in ["", "  \n\t\r\n"] {
        assert_eq!(
            refusal(snapshot::read(text)).to_string(),
            "this is not an alignment board snapshot: it is empty",
            "{text:?}"
        );
    }
}

#[test]
fn a_wrong_format_is_named_in_the_refusal() {
    let error = refusal(read_changed(|v| v["format"] = json!("trello-export")));
    assert_eq!(
        error.to_string(),
        "this is not an alignment board snapshot: \
         \"format\" is \"trello-export\", expected \"alignment-board\""
    );
    let error = refusal(read_changed(|v| v["format"] = json!(3)));
    assert_eq!(
        error,
        ReadError::NotASnapshot {
            reason: "\"format\" is 3, expected \"alignment-board\"".into()
        }
    );
}

#[test]
fn a_missing_format_is_refused() {
    let error = refusal(read_changed(|v| remove(v, "/format")));
    assert_eq!(
        error.to_string(),
        "this is not an alignment board snapshot: it has no \"format\": \"alignment-board\""
    );
}

#[test]
fn a_missing_board_is_refused() {
    let error = refusal(read_changed(|v| remove(v, "/board")));
    assert_eq!(
        error,
        ReadError::NotASnapshot {
            reason: "it has no \"board\"".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "this is not an alignment board snapshot: it has no \"board\""
    );
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let error = refusal(read_changed(|v| v["version"] = json!(2)));
    assert_eq!(error, ReadError::TooNew { found: 2 });
    assert_eq!(
        error.to_string(),
        "this snapshot is version 2, but this board reads versions up to 1; \
         open it with a newer version of Alignment Board"
    );
}

#[test]
fn a_newer_version_is_named_even_when_its_board_has_a_new_shape() {
    let error = refusal(read_changed(|v| {
        v["version"] = json!(7);
        v["board"] = json!("now a string in version 7");
    }));
    assert_eq!(error, ReadError::TooNew { found: 7 });
}

#[test]
fn versions_that_are_not_whole_numbers_are_refused() {
    for (version, shown) in [
        (json!(-1), "-1"),
        (json!(1.5), "1.5"),
        (json!("1"), "\"1\""),
        (json!(null), "null"),
        (json!([1]), "a list"),
    ] {
        let error = refusal(read_changed(|v| v["version"] = version.clone()));
        assert_eq!(
            error,
            ReadError::UnknownVersion {
                found: shown.into()
            },
            "{version}"
        );
        assert_eq!(
            error.to_string(),
            format!("version: {shown} is not a snapshot version (versions are whole numbers)")
        );
    }
}

#[test]
fn a_missing_version_is_refused() {
    assert_malformed(
        read_changed(|v| remove(v, "/version")),
        "version",
        "missing; every snapshot names its version",
    );
}

// ---------------------------------------------------------------------------------------
// Refusals: wrong types, ranges, enum values, missing keys

#[test]
fn a_wrong_type_names_the_exact_path() {
    assert_malformed(
        read_changed(|v| *at(v, "/board/initiatives/0/effort") = json!("lots")),
        "board.initiatives[0].effort",
        "expected a whole number from 0 to 100, found \"lots\" (in “Wizard”)",
    );
}

#[test]
fn wrong_types_are_described_by_what_was_found() {
    let cases = [
        (
            "/board",
            json!([]),
            "board",
            "expected an object, found a list",
        ),
        (
            "/board/title",
            json!(5),
            "board.title",
            "expected text, found 5",
        ),
        (
            "/board/teams",
            json!("x"),
            "board.teams",
            "expected a list, found \"x\"",
        ),
        (
            "/board/teams/1",
            json!(true),
            "board.teams[1]",
            "expected an object, found true",
        ),
        (
            "/board/people/0/teamId",
            json!({ "id": "t-1" }),
            "board.people[0].teamId",
            "expected text, found an object (in “Dana”)",
        ),
        (
            "/board/initiatives/2/priorityIds",
            json!(["pr-1", 2]),
            "board.initiatives[2].priorityIds[1]",
            "expected text, found 2 (in “Cleanup”)",
        ),
        (
            "/board/rhythm",
            json!(7),
            "board.rhythm",
            "expected an object, found 7",
        ),
        (
            "/board/dependencies/0/toInitiativeId",
            json!(false),
            "board.dependencies[0].toInitiativeId",
            "expected text, found false",
        ),
    ];
    for (pointer, value, path, message) in cases {
        assert_malformed(
            read_changed(|v| *at(v, pointer) = value.clone()),
            path,
            message,
        );
    }
}

#[test]
fn a_wrong_flag_type_is_refused() {
    assert_malformed(
        read_changed(|v| {
            v["board"]["initiatives"][0]["risks"] =
                json!([{ "id": "r-1", "text": "Auth", "open": "yes" }]);
        }),
        "board.initiatives[0].risks[0].open",
        "expected true or false, found \"yes\" (in “Wizard”)",
    );
}

#[test]
fn a_long_title_naming_the_item_is_cut_to_forty_characters() {
    assert_malformed(
        read_changed(|v| {
            *at(v, "/board/initiatives/0/title") = json!("é".repeat(60));
            *at(v, "/board/initiatives/0/effort") = json!("lots");
        }),
        "board.initiatives[0].effort",
        &format!(
            "expected a whole number from 0 to 100, found \"lots\" (in “{}…”)",
            "é".repeat(40)
        ),
    );
}

#[test]
fn long_found_texts_are_cut_to_forty_characters() {
    assert_malformed(
        read_changed(|v| *at(v, "/board/initiatives/1/progress") = json!("x".repeat(100))),
        "board.initiatives[1].progress",
        &format!(
            "expected a whole number from 0 to 100, found \"{}…\" (in “Status page”)",
            "x".repeat(40)
        ),
    );
}

#[test]
fn impossible_dates_and_timestamps_are_refused_with_their_form() {
    assert_malformed(
        read_changed(|v| *at(v, "/board/initiatives/0/due") = json!("2026-02-30")),
        "board.initiatives[0].due",
        "\"2026-02-30\" is not a date (YYYY-MM-DD) (in “Wizard”)",
    );
    assert_malformed(
        read_changed(|v| *at(v, "/board/period") = json!({ "start": 20261001 })),
        "board.period.start",
        "expected a date (YYYY-MM-DD), found 20261001",
    );
    assert_malformed(
        read_changed(|v| *at(v, "/board/checkIns/0/at") = json!("2026-11-20 late")),
        "board.checkIns[0].at",
        "\"2026-11-20 late\" is not an RFC 3339 timestamp (e.g. 2026-11-23T09:30:00Z)",
    );
    assert_malformed(
        read_changed(|v| *at(v, "/exportedAt") = json!(1_700_000_000)),
        "exportedAt",
        "expected a timestamp, found 1700000000",
    );
}

#[test]
fn numbers_out_of_range_are_refused() {
    let cases = [
        (
            "/board/initiatives/0/effort",
            json!(101),
            "board.initiatives[0].effort",
            "101 is more than 100 (in “Wizard”)",
        ),
        (
            "/board/initiatives/0/progress",
            json!(250),
            "board.initiatives[0].progress",
            "250 is more than 100 (in “Wizard”)",
        ),
        (
            "/board/initiatives/0/confidence",
            json!(11),
            "board.initiatives[0].confidence",
            "11 is more than 10 (in “Wizard”)",
        ),
        (
            "/board/checkIns/0/progress",
            json!(101),
            "board.checkIns[0].progress",
            "101 is more than 100",
        ),
        (
            "/board/rhythm/checkInDays",
            json!(70_000),
            "board.rhythm.checkInDays",
            "70000 is more than 65535",
        ),
        (
            "/board/priorities/0/rank",
            json!(4_294_967_296u64),
            "board.priorities[0].rank",
            "4294967296 is more than 4294967295 (in “Onboarding”)",
        ),
        (
            "/board/initiatives/0/effort",
            json!(-5),
            "board.initiatives[0].effort",
            "expected a whole number from 0 to 100, found -5 (in “Wizard”)",
        ),
        (
            "/board/initiatives/0/effort",
            json!(12.5),
            "board.initiatives[0].effort",
            "expected a whole number from 0 to 100, found 12.5 (in “Wizard”)",
        ),
    ];
    for (pointer, value, path, message) in cases {
        assert_malformed(
            read_changed(|v| *at(v, pointer) = value.clone()),
            path,
            message,
        );
    }
}

#[test]
fn a_review_score_over_100_is_refused() {
    assert_malformed(
        read_changed(|v| {
            v["board"]["reviews"] = json!([{ "id": "v-1", "at": "2026-11-20T17:00:00Z", "kind": "review", "score": 101 }]);
        }),
        "board.reviews[0].score",
        "101 is more than 100",
    );
}

#[test]
fn an_unknown_enum_value_lists_the_known_ones() {
    assert_malformed(
        read_changed(|v| *at(v, "/board/initiatives/0/status") = json!("blocked")),
        "board.initiatives[0].status",
        "expected one of notStarted, onTrack, atRisk, offTrack, done, dropped, found \"blocked\" (in “Wizard”)",
    );
    assert_malformed(
        read_changed(|v| *at(v, "/board/priorities/1/status") = json!("Active")),
        "board.priorities[1].status",
        "expected one of active, achieved, dropped, found \"Active\" (in “Reliability”)",
    );
    assert_malformed(
        read_changed(|v| *at(v, "/board/dependencies/0/state") = json!(1)),
        "board.dependencies[0].state",
        "expected one of requested, accepted, declined, delivered, found 1",
    );
    assert_malformed(
        read_changed(|v| *at(v, "/board/decisions/0/kind") = json!("veto")),
        "board.decisions[0].kind",
        "expected one of commit, stop, change, defer, found \"veto\" (in “Decision x-1”)",
    );
    assert_malformed(
        read_changed(|v| {
            v["board"]["initiatives"][0]["risks"] =
                json!([{ "id": "r-1", "text": "Auth", "severity": "critical" }]);
        }),
        "board.initiatives[0].risks[0].severity",
        "expected one of low, medium, high, found \"critical\" (in “Wizard”)",
    );
    assert_malformed(
        read_changed(|v| {
            v["board"]["reviews"] =
                json!([{ "id": "v-1", "at": "2026-11-20T17:00:00Z", "kind": "retro" }]);
        }),
        "board.reviews[0].kind",
        "expected one of checkIn, review, planning, found \"retro\"",
    );
}

#[test]
fn a_missing_required_key_is_refused() {
    // Each names the item it is missing from by its title or name, when it has one left.
    let missing = "missing; this key is required";
    let cases = [
        ("/board/id", "board.id", None),
        ("/board/title", "board.title", None),
        (
            "/board/initiatives/0/teamId",
            "board.initiatives[0].teamId",
            Some("Wizard"),
        ),
        (
            "/board/initiatives/2/createdAt",
            "board.initiatives[2].createdAt",
            Some("Cleanup"),
        ),
        ("/board/people/1/name", "board.people[1].name", None),
        (
            "/board/priorities/0/rank",
            "board.priorities[0].rank",
            Some("Onboarding"),
        ),
        ("/board/checkIns/0/status", "board.checkIns[0].status", None),
        (
            "/board/dependencies/0/need",
            "board.dependencies[0].need",
            None,
        ),
        (
            "/board/decisions/0/kind",
            "board.decisions[0].kind",
            Some("Decision x-1"),
        ),
    ];
    for (pointer, path, item) in cases {
        let message = match item {
            Some(item) => format!("{missing} (in “{item}”)"),
            None => missing.to_string(),
        };
        assert_malformed(read_changed(|v| remove(v, pointer)), path, &message);
    }
}

#[test]
fn a_required_key_set_to_null_counts_as_missing() {
    assert_malformed(
        read_changed(|v| *at(v, "/board/teams/0/id") = Value::Null),
        "board.teams[0].id",
        "missing; this key is required (in “Product”)",
    );
}

// ---------------------------------------------------------------------------------------
// Refusals: broken invariants

#[test]
fn a_duplicate_id_is_refused() {
    let error = refusal(read_changed(|v| {
        *at(v, "/board/teams/1/id") = json!("t-1");
        // Keep the references to the old t-2 pointing somewhere, so only one problem is left.
        for pointer in [
            "/board/people/1/teamId",
            "/board/initiatives/1/teamId",
            "/board/dependencies/0/toTeamId",
        ] {
            *at(v, pointer) = json!("t-1");
        }
        *at(v, "/board/decisions/0/teamIds") = json!(["t-1"]);
    }));
    assert_eq!(
        error,
        ReadError::Invalid(vec![problem(
            "board.teams[1].id",
            "the id \"t-1\" is used twice (in “Platform”)"
        )])
    );
    assert_eq!(
        error.to_string(),
        "board.teams[1].id: the id \"t-1\" is used twice (in “Platform”)"
    );
}

#[test]
fn a_dangling_reference_is_refused_with_its_path() {
    let error = refusal(read_changed(|v| {
        *at(v, "/board/initiatives/0/teamId") = json!("t-9");
    }));
    assert_eq!(
        error.to_string(),
        "board.initiatives[0].teamId: no team \"t-9\" (in “Wizard”)"
    );
}

#[test]
fn dangling_references_of_every_kind_are_named() {
    let cases = [
        (
            "/board/people/0/teamId",
            "board.people[0].teamId: no team \"ghost\" (in “Dana”)",
        ),
        (
            "/board/teams/0/leadId",
            "board.teams[0].leadId: no person \"ghost\" (in “Product”)",
        ),
        (
            "/board/initiatives/1/priorityIds/1",
            "board.initiatives[1].priorityIds[1]: no priority \"ghost\" (in “Status page”)",
        ),
        (
            "/board/checkIns/0/initiativeId",
            "board.checkIns[0].initiativeId: no initiative \"ghost\"",
        ),
        (
            "/board/dependencies/0/toInitiativeId",
            "board.dependencies[0].toInitiativeId: no initiative \"ghost\"",
        ),
        (
            "/board/decisions/0/teamIds/0",
            "board.decisions[0].teamIds[0]: no team \"ghost\" (in “Decision x-1”)",
        ),
    ];
    for (pointer, text) in cases {
        let error = refusal(read_changed(|v| *at(v, pointer) = json!("ghost")));
        assert_eq!(error.to_string(), text);
    }
    // The work a stop decision stopped, written only when there is some.
    let error = refusal(read_changed(|v| {
        v["board"]["decisions"][0]["initiativeIds"] = json!(["i-1", "ghost"]);
    }));
    assert_eq!(
        error.to_string(),
        "board.decisions[0].initiativeIds[1]: no initiative \"ghost\" (in “Decision x-1”)"
    );
}

#[test]
fn two_active_priorities_with_the_same_rank_are_refused() {
    let error = refusal(read_changed(|v| {
        *at(v, "/board/priorities/1/rank") = json!(1);
    }));
    assert_eq!(
        error,
        ReadError::Invalid(vec![problem(
            "board.priorities[1].rank",
            "rank 1 is also held by active priority \"pr-1\" (in “Reliability”)"
        )])
    );
}

#[test]
fn an_inactive_priority_may_share_a_rank_with_an_active_one() {
    let loaded = read_changed(|v| {
        *at(v, "/board/priorities/1/rank") = json!(1);
        *at(v, "/board/priorities/1/status") = json!("dropped");
    })
    .expect("readable");
    assert_eq!(loaded.board.priorities[1].status, PriorityStatus::Dropped);
}

#[test]
fn every_broken_invariant_is_reported_and_the_message_counts_the_rest() {
    let error = refusal(read_changed(|v| {
        *at(v, "/board/initiatives/0/teamId") = json!("t-9");
        *at(v, "/board/teams/1/name") = json!("  ");
        *at(v, "/board/rhythm/reviewDays") = json!(0);
    }));
    let ReadError::Invalid(problems) = &error else {
        panic!("expected Invalid, got {error:?}");
    };
    assert_eq!(
        problems,
        &vec![
            problem("board.rhythm.reviewDays", "must be at least 1 day"),
            // A blank name names nothing; the rest say which item they are in.
            problem("board.teams[1].name", "must not be empty"),
            problem(
                "board.initiatives[0].teamId",
                "no team \"t-9\" (in “Wizard”)"
            ),
        ]
    );
    assert_eq!(
        error.to_string(),
        "board.rhythm.reviewDays: must be at least 1 day (and 2 more problems)"
    );
}

#[test]
fn two_problems_say_one_more_problem() {
    let error = refusal(read_changed(|v| {
        *at(v, "/board/initiatives/0/teamId") = json!("t-9");
        *at(v, "/board/initiatives/1/teamId") = json!("t-8");
    }));
    assert_eq!(
        error.to_string(),
        "board.initiatives[0].teamId: no team \"t-9\" (in “Wizard”) (and 1 more problem)"
    );
}

#[test]
fn a_period_ending_before_it_starts_is_refused() {
    let error = refusal(read_changed(|v| {
        *at(v, "/board/period") =
            json!({ "label": "Q4", "start": "2026-12-31", "end": "2026-10-01" });
    }));
    assert_eq!(
        error.to_string(),
        "board.period.end: 2026-10-01 is before the start 2026-12-31"
    );
}

// ---------------------------------------------------------------------------------------
// File names

fn file_name_for(title: &str) -> String {
    let mut board = empty_board();
    board.title = title.into();
    snapshot::file_name(&board, date("2026-11-23"))
}

#[test]
fn file_name_is_the_slugged_title_and_the_date() {
    assert_eq!(
        file_name_for("Acme leadership board"),
        "acme-leadership-board-2026-11-23.alignment.json"
    );
}

#[test]
fn file_name_turns_runs_of_spaces_and_punctuation_into_one_hyphen() {
    assert_eq!(
        file_name_for("  Q4 / Plan: v2?!  (draft)  "),
        "q4-plan-v2-draft-2026-11-23.alignment.json"
    );
    assert_eq!(
        file_name_for("../../etc/passwd"),
        "etc-passwd-2026-11-23.alignment.json"
    );
    assert_eq!(
        file_name_for("a\\b\tc\nd"),
        "a-b-c-d-2026-11-23.alignment.json"
    );
}

#[test]
fn file_name_keeps_non_ascii_letters_as_they_are() {
    assert_eq!(
        file_name_for("Zürich Ops ÉQUIPE"),
        "zürich-ops-Équipe-2026-11-23.alignment.json",
        "only ASCII letters are lower-cased"
    );
    assert_eq!(
        file_name_for("Cafe\u{301} 2"),
        "cafe\u{301}-2-2026-11-23.alignment.json",
        "a decomposed accent stays with its letter"
    );
    assert_eq!(
        file_name_for("東京 チーム"),
        "東京-チーム-2026-11-23.alignment.json"
    );
}

#[test]
fn file_name_turns_non_ascii_punctuation_and_symbols_into_hyphens() {
    assert_eq!(
        file_name_for("Q4 — “Growth” plan\u{00A0}🚀"),
        "q4-growth-plan-2026-11-23.alignment.json"
    );
    assert_eq!(
        file_name_for("Acme’s board"),
        file_name_for("Acme's board"),
        "a curly apostrophe reads like a straight one"
    );
}

#[test]
fn file_name_falls_back_to_board_when_nothing_is_left_of_the_title() {
    assert_eq!(file_name_for(""), "board-2026-11-23.alignment.json");
    assert_eq!(file_name_for("   "), "board-2026-11-23.alignment.json");
    assert_eq!(file_name_for("?!/ -- :"), "board-2026-11-23.alignment.json");
}

#[test]
fn file_name_cuts_long_titles_to_sixty_characters_without_a_trailing_hyphen() {
    let long = "word ".repeat(30);
    let name = file_name_for(&long);
    let slug = name
        .strip_suffix("-2026-11-23.alignment.json")
        .expect("the date suffix");
    assert!(slug.chars().count() <= 60, "{slug}");
    assert!(!slug.ends_with('-'), "{slug}");
    assert_eq!(slug, ["word"; 12].join("-"));
}

#[test]
fn the_indented_export_is_the_compact_snapshot_laid_out_for_people() {
    let now = alignment_board::core::time::Timestamp::parse("2026-11-25T09:00:00Z").unwrap();
    let mut board = example::example_board(now.utc_date());
    // Text that looks like JSON structure must stay untouched inside strings.
    board.purpose = "Braces { } [ ], commas, \"quotes\": and a back\\slash".into();
    let pretty = alignment_board::core::snapshot::write_pretty(&board, now);
    assert!(
        pretty.starts_with(
            "{\n  \"format\": \"alignment-board\",\n  \"version\": 1,\n  \"exportedAt\""
        ),
        "{}",
        &pretty[..80]
    );
    assert!(pretty.contains("\n      \"risks\": [],\n") || pretty.contains("\"risks\": [\n"));
    // And the export reads back as the compact text does.
    let pretty: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    let compact: serde_json::Value =
        serde_json::from_str(&alignment_board::core::snapshot::write_compact(&board, now)).unwrap();
    assert_eq!(pretty, compact);
    assert_eq!(pretty["board"]["purpose"], board.purpose);
}

/// A board whose every text needs escaping: quotes, backslashes, control characters,
/// line and paragraph separators, non-Latin letters and emoji.
fn board_with_awkward_text() -> alignment_board::core::model::Board {
    let now = alignment_board::core::time::Timestamp::parse("2026-11-25T09:00:00Z").unwrap();
    let mut board = example::example_board(now.utc_date());
    board.title = "Quotes \" and \\ back\\slashes / solidus".into();
    board.purpose =
        "Tabs\tnew\nlines\r\u{8}\u{c}\u{1}\u{1f}\u{7f} \u{2028}\u{2029} ünïcödé 漢字 🚀".into();
    board.initiatives[0].risks[0].text = "</script><script>alert(1)</script>".into();
    board
}

#[test]
fn the_writer_writes_exactly_what_serde_json_writes_with_its_lt_signs_escaped() {
    let at = alignment_board::core::time::Timestamp::parse("2026-11-25T09:00:00Z").unwrap();
    for board in [
        board_with_awkward_text(),
        core_support::small_board(),
        core_support::empty_board(),
    ] {
        let ours = snapshot::write_compact(&board, at);
        let serde = format!(
            "{{\"format\":\"alignment-board\",\"version\":1,\"exportedAt\":\"{at}\",\"board\":{}}}",
            serde_json::to_string(&board).unwrap()
        )
        // With every `<` escaped, as a file is written to be pasted into a page's script.
        .replace('<', "\\u003c");
        assert_eq!(ours, serde);
        // And it reads back to the same board.
        assert_eq!(snapshot::read(&ours).unwrap().board, board);
    }
}

#[test]
fn broken_json_is_refused_with_a_reason_and_a_place() {
    fn parse(text: &str) -> Result<(), (String, usize, usize)> {
        match snapshot::read(text) {
            Err(ReadError::NotJson {
                message,
                line,
                column,
            }) => Err((message, line, column)),
            _ => Ok(()),
        }
    }
    // serde_json's reasons in plain words; an error at the end of the text is placed at its
    // last character. Columns count characters, as an editor does.
    let cut = "the text ends too soon, as if cut short";
    let value = "a value is missing, or is a word JSON does not know (text needs double quotes)";
    let cases = [
        (
            "{\"a\":1,}",
            "a comma stands before a closing bracket",
            1,
            8,
        ),
        ("[1 2]", "a comma or a closing ] is missing", 1, 4),
        (
            "{\"a\":1 \"b\":2}",
            "a comma or a closing } is missing",
            1,
            8,
        ),
        ("{\"a\" 1}", "a colon is missing after a name", 1, 6),
        ("{1:2}", "a name is not in double quotes", 1, 2),
        ("\"abc", cut, 1, 4),
        // Cut inside a text, the file's last line break ends it: cut short, not a text
        // holding a line break; one that closes later does hold a line break.
        ("{\"title\": \"Ab\n", cut, 1, 13),
        ("{\"a\": 1,\n \"b\": \"cd\r\n\n", cut, 2, 9),
        (
            "[\"a\n\", 1]",
            "a text holds a line break or a tab, which JSON writes as \\n or \\t",
            2,
            1,
        ),
        (
            "\"a\u{1}\"",
            "a text holds a line break or a tab, which JSON writes as \\n or \\t",
            1,
            3,
        ),
        (
            "\"\\x\"",
            "a backslash starts something that is not an escape",
            1,
            3,
        ),
        ("\"\\ud83d\"", "a \\u escape is broken", 1, 8),
        ("01", "a number is not written as JSON writes numbers", 1, 2),
        ("-", cut, 1, 1),
        ("1.", cut, 1, 2),
        ("tru", cut, 1, 3),
        (
            "{\"a\":1} x",
            "more text follows the end of the snapshot",
            1,
            9,
        ),
        ("[\n  1,\n  x]", value, 3, 3),
        (
            "[\"ü\",\n \"漢字\" x]",
            "a comma or a closing ] is missing",
            2,
            7,
        ),
    ];
    for (text, message, line, column) in cases {
        assert_eq!(
            parse(text),
            Err((message.to_string(), line, column)),
            "{text:?}"
        );
    }
    // serde_json takes 127 levels and refuses the 128th.
    let fine = "[".repeat(127) + &"]".repeat(127);
    assert_eq!(parse(&fine), Ok(()));
    let deep = "[".repeat(128) + &"]".repeat(128);
    assert_eq!(
        parse(&deep),
        Err(("nested more than 128 levels deep".to_string(), 1, 128))
    );
}

#[test]
fn a_version_0_snapshot_is_migrated_and_says_so() {
    // Version 0 named one priority per initiative, or null for local work.
    let mut expected = small_board();
    for initiative in expected.initiatives.iter_mut() {
        initiative.priority_ids.truncate(1);
    }
    let mut v0: Value = serde_json::from_str(&snapshot::write_compact(
        &expected,
        ts("2026-11-23T09:30:00Z"),
    ))
    .unwrap();
    v0["version"] = json!(0);
    for (i, initiative) in expected.initiatives.iter().enumerate() {
        let object = at(&mut v0, &format!("/board/initiatives/{i}"))
            .as_object_mut()
            .unwrap();
        object.remove("priorityIds");
        let served = initiative.priority_ids.first().map(|id| id.to_string());
        object.insert("priorityId".into(), json!(served));
    }
    assert!(
        expected
            .initiatives
            .iter()
            .any(|i| i.priority_ids.is_empty())
            && expected
                .initiatives
                .iter()
                .any(|i| i.priority_ids.len() == 1),
        "the small board has local work and work serving one priority"
    );
    let loaded = snapshot::read(&v0.to_string()).expect("version 0 is migrated");
    assert_eq!(loaded.migrated_from, Some(0));
    assert_eq!(loaded.board, expected);
    // Version 1 written again reads with no migration.
    let again = snapshot::read(&snapshot::write_compact(
        &loaded.board,
        ts("2026-11-24T00:00:00Z"),
    ));
    assert_eq!(again.unwrap().migrated_from, None);
}

#[test]
fn a_version_0_snapshot_naming_a_missing_priority_is_refused_with_its_path() {
    let mut v0 = small_snapshot();
    v0["version"] = json!(0);
    let object = at(&mut v0, "/board/initiatives/0").as_object_mut().unwrap();
    object.remove("priorityIds");
    object.insert("priorityId".into(), json!("p-404"));
    let error = refusal(snapshot::read(&v0.to_string()));
    assert!(
        error
            .to_string()
            .contains("board.initiatives[0].priorityIds"),
        "{error}"
    );
}

#[test]
fn a_refusal_quotes_at_most_a_few_dozen_characters_of_any_value() {
    let huge = "x".repeat(4 * 1024 * 1024);
    let cases = [
        format!(r#"{{"format":"{huge}","version":1,"board":{{}}}}"#),
        format!(r#"{{"format":"alignment-board","version":"{huge}","board":{{}}}}"#),
        format!(
            r#"{{"format":"alignment-board","version":1,"board":{{"id":"b","title":"t","period":{{"start":"{huge}"}}}}}}"#
        ),
        format!(
            r#"{{"format":"alignment-board","version":1,"board":{{"id":"b","title":"t","teams":[{{"id":"{huge}","name":"A"}},{{"id":"{huge}","name":"B"}}]}}}}"#
        ),
        format!(
            r#"{{"format":"alignment-board","version":1,"board":{{"id":"b","title":"t","teams":[{{"id":"t","name":"A","leadId":"{huge}"}}]}}}}"#
        ),
    ];
    for text in cases {
        let message = snapshot::read(&text).unwrap_err().to_string();
        assert!(
            message.len() < 300,
            "{} characters: {}…",
            message.len(),
            &message[..300]
        );
        assert!(message.contains("xxxx…"), "{message}");
    }
}
