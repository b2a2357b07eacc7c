//! Moving a board in time: every date and timestamp shifted by the same number of days,
//! and the period made the new day's quarter. The app opens the example board's file this
//! way, so the example written on one day looks current on the day it is opened. It never
//! reads the clock: both days come from the caller.

use super::model::Board;
use super::time::{Date, Timestamp};

/// `board`, written on `written`, moved to `today`: every date and time later by the days
/// between the two (earlier if `today` comes first), and the period today's quarter.
/// Ids, texts and everything else are kept as they are.
pub fn brought_to(board: Board, written: Date, today: Date) -> Board {
    let days = today.days_since_epoch() - written.days_since_epoch();
    let day = |date: &mut Date| *date = date.add_days(days);
    let time = |at: &mut Timestamp| *at = at.add_seconds(days * 86_400);
    let mut board = board;
    board.period = Board::blank(String::new(), today).period;
    for priority in board.priorities.iter_mut() {
        time(&mut priority.created_at);
    }
    for initiative in board.initiatives.iter_mut() {
        time(&mut initiative.created_at);
        time(&mut initiative.updated_at);
        initiative.due.as_mut().map(day);
    }
    for check_in in board.check_ins.iter_mut() {
        time(&mut check_in.at);
    }
    for dependency in board.dependencies.iter_mut() {
        dependency.due.as_mut().map(day);
        dependency.promised.as_mut().map(day);
        time(&mut dependency.requested_at);
        dependency.answered_at.as_mut().map(time);
        dependency.delivered_at.as_mut().map(time);
    }
    for decision in board.decisions.iter_mut() {
        time(&mut decision.decided_at);
        decision.revisit_on.as_mut().map(day);
    }
    for review in board.reviews.iter_mut() {
        time(&mut review.at);
    }
    board
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Review, ReviewKind};

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn times_move_by_whole_days_either_way_and_the_period_follows() {
        let written = day("2026-11-24");
        let mut board = Board::blank("b-1".into(), written);
        board.reviews.push(Review {
            id: "v-1".into(),
            at: Timestamp::parse("2026-11-20T17:00:00Z").unwrap(),
            kind: ReviewKind::Review,
            summary: "Quarter review".into(),
            score: Some(7),
            team_id: None,
        });
        let later = brought_to(board.clone(), written, day("2027-01-02"));
        assert_eq!(
            later.reviews[0].at,
            Timestamp::parse("2026-12-29T17:00:00Z").unwrap()
        );
        assert_eq!(
            later.period,
            Board::blank(String::new(), day("2027-01-02")).period
        );
        let earlier = brought_to(board.clone(), written, day("2026-11-14"));
        assert_eq!(
            earlier.reviews[0].at,
            Timestamp::parse("2026-11-10T17:00:00Z").unwrap()
        );
        assert!(brought_to(board.clone(), written, written) == board);
    }
}
