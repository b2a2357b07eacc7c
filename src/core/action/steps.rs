//! The steps `reduce` takes on the board it makes: finding and removing items, deleting an
//! initiative with what hangs on it, renumbering ranks, a lead joining their team, and the
//! check that a request asks another team.

use super::*;

/// A lead who belongs to no team joins the team they lead; one who belongs to another
/// team (a head of two) stays where they are.
pub(super) fn lead_joins(next: &mut Board, team: &Team) {
    if let Some(lead) = &team.lead_id {
        next.people.update_where(
            |p| &p.id == lead && p.team_id.is_none(),
            |p| p.team_id = Some(team.id.clone()),
        );
    }
}

/// The item with the id `id`, to change in place (the list keeps its index by id).
/// Refuses a request from `initiative` (which must be on the board) to its own team.
pub(super) fn asks_another_team(
    board: &mut Board,
    initiative: &str,
    team: &str,
) -> Result<(), Refused> {
    if find(&mut board.initiatives, initiative)?.team_id == team {
        return Err(Refused(
            "a team does not ask itself: pick another team".into(),
        ));
    }
    Ok(())
}

pub(super) fn find<'a, T: Identified + Clone>(
    list: &'a mut List<T>,
    id: &str,
) -> Result<ItemMut<'a, T>, Refused> {
    list.get_mut(id).ok_or_else(|| {
        Refused(format!(
            "nothing with the id {} is on the board",
            quoted(id)
        ))
    })
}

pub(super) fn remove<T: Identified + Clone>(list: &mut List<T>, id: &str) -> Result<T, Refused> {
    match list.iter().position(|x| x.id() == id) {
        Some(index) => Ok(list.remove(index)),
        None => Err(Refused(format!(
            "nothing with the id {} is on the board",
            quoted(id)
        ))),
    }
}

pub(super) fn delete_initiative(board: &mut Board, id: &str) {
    board.initiatives.retain(|i| i.id != id);
    board.check_ins.retain(|c| c.initiative_id != id);
    board.dependencies.retain(|d| d.from_initiative_id != id);
    board.dependencies.update_where(
        |d| d.to_initiative_id.as_deref() == Some(id),
        |d| d.to_initiative_id = None,
    );
    // A decision that stopped it stays, as a decision about work no longer on the board.
    board.decisions.update_where(
        |d| d.initiative_ids.iter().any(|i| i == id),
        |d| d.initiative_ids.retain(|i| i != id),
    );
}

/// Gives the active priorities the ranks 1..=n in their current order. The `anchor` (the
/// priority just added, moved or re-activated) takes the place its rank asks for and the
/// others close up around it, so moving rank 1 to rank 3 puts it after the old 2 and 3.
pub(super) fn renumber(board: &mut Board, anchor: Option<&str>) {
    let mut order: Vec<usize> = (0..board.priorities.len())
        .filter(|&i| {
            board.priorities[i].is_active() && Some(board.priorities[i].id.as_str()) != anchor
        })
        .collect();
    order.sort_by_cached_key(|&i| i64::from(board.priorities[i].rank));
    if let Some(anchor) = anchor {
        if let Some(at) = board
            .priorities
            .iter()
            .position(|p| p.id == anchor && p.is_active())
        {
            let place = (board.priorities[at].rank.max(1) as usize - 1).min(order.len());
            order.insert(place, at);
        }
    }
    for (rank, index) in order.into_iter().enumerate() {
        let rank = rank as u32 + 1;
        if board.priorities[index].rank != rank {
            board.priorities.at_mut(index).rank = rank;
        }
    }
}
