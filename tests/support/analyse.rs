//! `cargo run --example analyse -- <snapshot.json> <now, RFC 3339>` prints the core's
//! analysis of a snapshot as JSON: the figures the health view must show for it. The
//! offset of `now` is the person's (`2026-12-03T20:00:00-10:00` is an evening in Honolulu).

use alignment_board::core::{health::analyse, snapshot, time::Now};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, now] = args.as_slice() else {
        eprintln!("usage: analyse <snapshot.json> <now, e.g. 2026-11-25T09:00:00Z>");
        return ExitCode::from(2);
    };
    let Some(now) = Now::parse(now) else {
        eprintln!("not a timestamp: {now}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match snapshot::read(&text) {
        Ok(loaded) => {
            let analysis = analyse(&loaded.board, now);
            println!(
                "{}",
                serde_json::to_string_pretty(&analysis).expect("an analysis is plain data")
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            ExitCode::FAILURE
        }
    }
}
