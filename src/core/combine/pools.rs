//! The board as the merge grows it: each list's pool holds the board's items (shared, not
//! copied), those a file replaced and those files added, and builds the merged board.

use super::*;
/// One of the board's lists while files are merged into it: the board's items (shared,
/// not copied), those a file replaced, and those files added.
pub(super) struct Pool<'a, T> {
    base: &'a List<T>,
    replaced: FnvHashMap<usize, T>,
    added: Vec<T>,
    base_ids: FnvHashMap<&'a str, usize>,
    added_ids: FnvHashMap<Id, usize>,
    /// Slots by matching key, once a file of another board needs them.
    keys: Option<FnvHashMap<String, Vec<usize>>>,
    /// Slots whose value a file gave (by the person's pick or by default).
    from_file: FnvHashSet<usize>,
}

impl<'a, T: Record> Pool<'a, T> {
    fn new(base: &'a List<T>) -> Self {
        Pool {
            base,
            replaced: FnvHashMap::default(),
            added: Vec::new(),
            base_ids: positions(base.iter().map(Entity::id)),
            added_ids: FnvHashMap::default(),
            keys: None,
            from_file: FnvHashSet::default(),
        }
    }

    fn len(&self) -> usize {
        self.base.len() + self.added.len()
    }

    pub(super) fn get(&self, slot: usize) -> &T {
        match slot.checked_sub(self.base.len()) {
            Some(added) => &self.added[added],
            None => self.replaced.get(&slot).unwrap_or(&self.base[slot]),
        }
    }

    pub(super) fn slot(&self, id: &str) -> Option<usize> {
        self.base_ids
            .get(id)
            .or_else(|| self.added_ids.get(id))
            .copied()
    }

    pub(super) fn index_keys(&mut self) {
        if self.keys.is_none() {
            let mut keys: FnvHashMap<String, Vec<usize>> = FnvHashMap::default();
            let same = Maps::default();
            for slot in 0..self.len() {
                keys.entry(self.get(slot).key(&same))
                    .or_default()
                    .push(slot);
            }
            self.keys = Some(keys);
        }
    }

    /// The first slot with `key` that no item of this file claimed yet.
    pub(super) fn by_key(&self, key: &str, claimed: &FnvHashSet<usize>) -> Option<usize> {
        let slots = self.keys.as_ref()?.get(key)?;
        slots.iter().copied().find(|slot| !claimed.contains(slot))
    }

    pub(super) fn set(&mut self, slot: usize, value: T) {
        if let Some(mut keys) = self.keys.take() {
            let same = Maps::default();
            let (old, new) = (self.get(slot).key(&same), value.key(&same));
            if old != new {
                if let Some(slots) = keys.get_mut(&old) {
                    slots.retain(|&s| s != slot);
                }
                keys.entry(new).or_default().push(slot);
            }
            self.keys = Some(keys);
        }
        self.from_file.insert(slot);
        match slot.checked_sub(self.base.len()) {
            Some(added) => self.added[added] = value,
            None => {
                self.replaced.insert(slot, value);
            }
        }
    }

    pub(super) fn push(&mut self, value: T) {
        let slot = self.len();
        if let Some(keys) = &mut self.keys {
            keys.entry(value.key(&Maps::default()))
                .or_default()
                .push(slot);
        }
        self.added_ids.insert(Entity::id(&value).to_string(), slot);
        self.added.push(value);
    }

    /// The list it became: the board's own, shared, when nothing changed.
    fn build(self) -> List<T> {
        if self.replaced.is_empty() && self.added.is_empty() {
            return self.base.clone();
        }
        let mut replaced = self.replaced;
        let mut items = Vec::with_capacity(self.base.len() + self.added.len());
        for (slot, item) in self.base.iter().enumerate() {
            items.push(replaced.remove(&slot).unwrap_or_else(|| item.clone()));
        }
        items.extend(self.added);
        items.into()
    }
}

pub(super) struct Pools<'a> {
    pub(super) teams: Pool<'a, Team>,
    pub(super) people: Pool<'a, Person>,
    pub(super) priorities: Pool<'a, Priority>,
    pub(super) initiatives: Pool<'a, Initiative>,
    pub(super) check_ins: Pool<'a, CheckIn>,
    pub(super) dependencies: Pool<'a, Dependency>,
    pub(super) decisions: Pool<'a, Decision>,
    pub(super) reviews: Pool<'a, Review>,
}

impl<'a> Pools<'a> {
    pub(super) fn new(board: &'a Board) -> Self {
        Pools {
            teams: Pool::new(&board.teams),
            people: Pool::new(&board.people),
            priorities: Pool::new(&board.priorities),
            initiatives: Pool::new(&board.initiatives),
            check_ins: Pool::new(&board.check_ins),
            dependencies: Pool::new(&board.dependencies),
            decisions: Pool::new(&board.decisions),
            reviews: Pool::new(&board.reviews),
        }
    }

    /// What the board (as merged so far) calls the entity `id` of `kind`.
    pub(super) fn name(&self, kind: Kind, id: &str) -> Option<String> {
        fn named<T: Record>(pool: &Pool<T>, id: &str) -> Option<String> {
            pool.slot(id).map(|slot| pool.get(slot).name().to_string())
        }
        match kind {
            Kind::Team => named(&self.teams, id),
            Kind::Person => named(&self.people, id),
            Kind::Priority => named(&self.priorities, id),
            Kind::Initiative => named(&self.initiatives, id),
            _ => None,
        }
    }

    /// Active priorities that share a rank are spread out: the board's keeps it unless the
    /// other came from the person's pick of a file's ranking, a new one goes after, and
    /// those below move down as far as needed. Distinct ranks stay as they are.
    pub(super) fn rerank(&mut self) {
        let pool = &mut self.priorities;
        let base = pool.base.len();
        let mut active: Vec<(u32, u8, usize)> = (0..pool.len())
            .filter(|&slot| pool.get(slot).is_active())
            .map(|slot| {
                let order = match (slot >= base, pool.from_file.contains(&slot)) {
                    (false, true) => 0,
                    (false, false) => 1,
                    (true, _) => 2,
                };
                (pool.get(slot).rank, order, slot)
            })
            .collect();
        active.sort_unstable();
        let mut last = 0;
        for (rank, _, slot) in active {
            let wanted = rank.max(last + 1);
            if wanted != rank {
                let mut moved = pool.get(slot).clone();
                moved.rank = wanted;
                let from_file = pool.from_file.contains(&slot);
                pool.set(slot, moved);
                if !from_file {
                    pool.from_file.remove(&slot);
                }
            }
            last = wanted;
        }
    }

    pub(super) fn build(self, board: &Board) -> Board {
        Board {
            people: self.people.build(),
            teams: self.teams.build(),
            priorities: self.priorities.build(),
            initiatives: self.initiatives.build(),
            check_ins: self.check_ins.build(),
            dependencies: self.dependencies.build(),
            decisions: self.decisions.build(),
            reviews: self.reviews.build(),
            ..board.clone()
        }
    }
}

/// What a file's board calls the entity `id` of `kind`.
pub(super) fn name_on(board: &Board, kind: Kind, id: &str) -> Option<String> {
    match kind {
        Kind::Team => board.team(id).map(|t| t.name.clone()),
        Kind::Person => board.person(id).map(|p| p.name.clone()),
        Kind::Priority => board.priority(id).map(|p| p.title.clone()),
        Kind::Initiative => board.initiative(id).map(|i| i.title.clone()),
        _ => None,
    }
}
