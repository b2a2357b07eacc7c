//! The merge of one file into the board as the earlier files left it: where each of its
//! items goes (`place`: matched, by hand, or new under a free id), then what each brings,
//! with references translated to the board's ids (`settle`). The rules are in `combine`.

use super::*;
/// How a file's ids translate to the board's, kind by kind.
#[derive(Default)]
pub(super) struct Maps {
    ids: [FnvHashMap<Id, Id>; 8],
}

impl Maps {
    /// The board's id for the file's `id` of `kind` (itself if unknown, which a sound file
    /// never refers to).
    pub(super) fn to<'s>(&'s self, kind: Kind, id: &'s str) -> &'s str {
        self.ids[kind as usize].get(id).map_or(id, String::as_str)
    }
}

/// Where one file's item goes.
struct Placed {
    /// The item's id in the file.
    own: Id,
    slot: Option<usize>,
    matched: Matched,
    target: Id,
}

pub(super) fn merge_file(
    pools: &mut Pools,
    board: &Board,
    file: usize,
    incoming: &Board,
    choices: &Choices,
) -> Result<FileMerge, ChoiceError> {
    let family = incoming.id == board.id;
    let mut maps = Maps::default();
    let context = Context {
        file,
        unchanged: false,
        incoming,
        family,
        // A cut tells what changed since only on the board it was cut from, whole (or on a
        // copy of the same slice): on another slice, older changes are not the file's.
        cut: (incoming.slice.as_ref())
            .filter(|cut| family && board.slice.as_ref().is_none_or(|own| own == *cut)),
        choices,
    };
    // Where each item goes, kind by kind: a kind's matching looks at the kinds before.
    let placed = [
        place::<Team>(pools, &context, &mut maps)?,
        place::<Person>(pools, &context, &mut maps)?,
        place::<Priority>(pools, &context, &mut maps)?,
        place::<Initiative>(pools, &context, &mut maps)?,
        place::<CheckIn>(pools, &context, &mut maps)?,
        place::<Dependency>(pools, &context, &mut maps)?,
        place::<Decision>(pools, &context, &mut maps)?,
        place::<Review>(pools, &context, &mut maps)?,
    ];
    // Then what each brings, with every reference translated: in a file of this board's
    // family whose ids all stay, there is nothing to translate.
    let unchanged = family && placed.iter().flatten().all(|p| p.target == p.own);
    let context = Context {
        unchanged,
        ..context
    };
    let mut items = Vec::new();
    let [teams, people, priorities, initiatives, check_ins, dependencies, decisions, reviews] =
        placed;
    settle::<Team>(pools, &context, &maps, teams, &mut items);
    settle::<Person>(pools, &context, &maps, people, &mut items);
    settle::<Priority>(pools, &context, &maps, priorities, &mut items);
    settle::<Initiative>(pools, &context, &maps, initiatives, &mut items);
    settle::<CheckIn>(pools, &context, &maps, check_ins, &mut items);
    settle::<Dependency>(pools, &context, &maps, dependencies, &mut items);
    settle::<Decision>(pools, &context, &maps, decisions, &mut items);
    settle::<Review>(pools, &context, &maps, reviews, &mut items);
    Ok(FileMerge {
        board_id: incoming.id.clone(),
        title: incoming.title.clone(),
        family,
        items,
    })
}

struct Context<'a> {
    file: usize,
    /// Whether every id of the file is the board's too: items are compared as they are.
    unchanged: bool,
    incoming: &'a Board,
    family: bool,
    /// The file's cut, when it is a slice of this board sent back.
    cut: Option<&'a Cut>,
    choices: &'a Choices,
}

/// Finds each of the file's items of kind `T` its place: the board entity it matches, or
/// the id it is added under.
fn place<T: Record>(
    pools: &mut Pools,
    context: &Context,
    maps: &mut Maps,
) -> Result<Vec<Placed>, ChoiceError> {
    let pool = T::pool(pools);
    let list = T::list(context.incoming);
    let by_hand = context.choices.matches.get(&(context.file, T::WHAT));
    if !context.family {
        pool.index_keys();
    }
    let mut claimed = FnvHashSet::default();
    let mut reserved: FnvHashSet<Id> = FnvHashSet::default();
    let mut placed = Vec::with_capacity(list.len());
    for item in list.iter() {
        let (slot, matched) = match by_hand.and_then(|ids| ids.get(Entity::id(item))) {
            Some(None) => (None, Matched::Undone),
            Some(Some(to)) => match pool.slot(to) {
                Some(slot) => (Some(slot), Matched::ByHand),
                None => {
                    return Err(ChoiceError(format!(
                        "there is no {} {} to match with",
                        T::WHAT.label(),
                        snapshot::quoted(to)
                    )))
                }
            },
            None if context.family => match pool.slot(Entity::id(item)) {
                Some(slot) => (Some(slot), Matched::ById),
                None => (None, Matched::No),
            },
            None => match pool.by_key(&item.key(maps), &claimed) {
                Some(slot) => (Some(slot), Matched::ByName),
                None => (None, Matched::No),
            },
        };
        let target = match slot {
            Some(slot) => {
                claimed.insert(slot);
                Entity::id(pool.get(slot)).to_string()
            }
            None => {
                let own = Entity::id(item);
                let taken = |id: &str| pool.slot(id).is_some() || reserved.contains(id);
                let mut target = own.to_string();
                let mut attempt = 0u32;
                while taken(&target) {
                    attempt += 1;
                    let bits = derived_bits(&[
                        &context.incoming.id,
                        T::WHAT.label(),
                        own,
                        &attempt.to_string(),
                    ]);
                    target = ids::new_id(ids::prefix(own), bits);
                }
                reserved.insert(target.clone());
                target
            }
        };
        // An id that stays needs no translation (`Maps::to` keeps an id it does not know):
        // most of a file, and all of a slice sent back, costs no map entry.
        if target != Entity::id(item) {
            maps.ids[T::WHAT as usize].insert(Entity::id(item).to_string(), target.clone());
        }
        placed.push(Placed {
            own: Entity::id(item).to_string(),
            slot,
            matched,
            target,
        });
    }
    Ok(placed)
}

/// Adds the file's new items of kind `T` and settles its matched ones, noting each.
fn settle<T: Record>(
    pools: &mut Pools,
    context: &Context,
    maps: &Maps,
    placed: Vec<Placed>,
    items: &mut Vec<Item>,
) {
    let picks = context.choices.picks.get(&(context.file, T::WHAT));
    let list = T::list(context.incoming);
    for (item, place) in list.iter().zip(placed) {
        let name = item.label(context.incoming);
        if let (true, Some(slot)) = (context.unchanged, place.slot) {
            // Most of a slice sent back is as it was: no copy to find that out.
            if T::pool_ref(pools).get(slot) == item {
                items.push(Item {
                    kind: T::WHAT,
                    id: place.own,
                    target: place.target,
                    name,
                    at: item.at(),
                    matched: place.matched,
                    verdict: Verdict::Same,
                });
                continue;
            }
        }
        let mut value = item.clone();
        *value.id_mut() = place.target.clone();
        value.translate(maps);
        let verdict = match place.slot {
            None => {
                let renamed = place.target != Entity::id(item);
                T::pool(pools).push(value);
                Verdict::New { renamed }
            }
            Some(slot) => {
                let current = T::pool_ref(pools).get(slot);
                value.keep(current);
                let difference = (value != *current)
                    .then(|| differ(pools, current, &value, item, context.incoming))
                    .flatten();
                let (board, file) = (current.stamp(), value.stamp());
                let touched = match (context.cut, board, file) {
                    (Some(cut), Some(board), Some(file)) => {
                        touched(cut, board, file, current.team())
                    }
                    _ => Touched::Alone,
                };
                match difference {
                    // The slice holds it as it was cut: what changed since is the board's.
                    _ if touched == Touched::Not => Verdict::Same,
                    None => Verdict::Same,
                    Some((fields, decisive)) => {
                        let since_cut = match touched {
                            Touched::Asks(why) => Some(why),
                            _ => None,
                        };
                        let default = match (board, file) {
                            _ if since_cut == Some(SinceCut::OtherTeam) => Side::Board,
                            (Some(board), Some(file)) if file > board => Side::File,
                            _ => Side::Board,
                        };
                        // A status changed in a slice sent back, on work the board has not
                        // touched since it was cut: the team's is the only change, taken
                        // without asking. Only an initiative's status: every change of it
                        // stamps the initiative, where some board changes of others stamp
                        // nothing (a person deleted clears an owner, a request edited keeps
                        // its times), and the stamps could not tell the board changed them.
                        let slice_alone = match (context.cut, file) {
                            (Some(cut), Some(file)) => {
                                T::WHAT == Kind::Initiative
                                    && touched == Touched::Alone
                                    && file >= cut.cut_at
                                    && fields.iter().all(|f| !f.decisive || f.name == "status")
                            }
                            _ => false,
                        };
                        // Two versions stamped with the same time: neither is newer.
                        let decisive = !slice_alone
                            && (decisive
                                || (board.is_some() && board == file)
                                || since_cut.is_some());
                        let chosen = picks
                            .and_then(|p| p.get(Entity::id(item)))
                            .copied()
                            .unwrap_or(default);
                        if chosen == Side::File {
                            T::pool(pools).set(slot, value);
                        }
                        let difference = Difference {
                            fields,
                            default,
                            chosen,
                            since_cut,
                        };
                        if decisive {
                            Verdict::Conflict(difference)
                        } else {
                            Verdict::Changed(difference)
                        }
                    }
                }
            }
        };
        items.push(Item {
            kind: T::WHAT,
            id: Entity::id(item).to_string(),
            target: place.target,
            name,
            at: item.at(),
            matched: place.matched,
            verdict,
        });
    }
}

/// The fields in which `value` (the file's item in the board's ids) differs from
/// `current`, with both values in words (the file's as the file names them), and whether
/// any is decisive; `None` when none differs.
fn differ<T: Record>(
    pools: &Pools,
    current: &T,
    value: &T,
    original: &T,
    incoming: &Board,
) -> Option<(Vec<Field>, bool)> {
    let (ours, theirs, shown) = (current.parts(), value.parts(), original.parts());
    let mut decisive = false;
    let fields: Vec<Field> = ours
        .into_iter()
        .zip(theirs)
        .zip(shown)
        .filter(|((ours, theirs), _)| ours.value != theirs.value)
        .map(|((ours, _), shown)| {
            decisive |= ours.decisive;
            Field {
                name: ours.name,
                decisive: ours.decisive,
                board: ours.value.show(&|kind, id| pools.name(kind, id)),
                file: shown.value.show(&|kind, id| name_on(incoming, kind, id)),
            }
        })
        .collect();
    (!fields.is_empty()).then_some((fields, decisive))
}

/// What a slice sent back did to an item since it was cut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Touched {
    /// Nothing: it holds the item as it was cut, and the board's version stands.
    Not,
    /// It alone changed the item, its own team's: the usual rules.
    Alone,
    /// It changed the item, and the person decides (`SinceCut`).
    Asks(SinceCut),
}

/// What a slice cut by `cut` did to an item stamped `file` in it and `board` on the board,
/// where it is the work of `team`. Times are whole seconds: a change stamped in the second
/// of the cut counts as made after it, on either side, so that none is taken for the copy
/// the slice was sent with (at worst the person is asked).
fn touched(cut: &Cut, board: Timestamp, file: Timestamp, team: Option<&str>) -> Touched {
    // Only a board version newer than the file's shows the file holds the copy it was cut
    // with: some changes stamp nothing (a request's need or date edited), and those the
    // usual rules show.
    if file < cut.cut_at && board > file {
        Touched::Not
    } else if board >= cut.cut_at {
        Touched::Asks(SinceCut::Both)
    } else if team
        .is_some_and(|t| !cut.team_ids.is_empty() && !cut.team_ids.iter().any(|id| id == t))
    {
        Touched::Asks(SinceCut::OtherTeam)
    } else {
        Touched::Alone
    }
}
