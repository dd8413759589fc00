//! A set of abstract states of one width, stored end to end in one vector.
//!
//! The dead-ends lint keeps millions of short states on a large flow. Boxing
//! each one costs an allocation, and comparing it a pointer chase to a cold
//! cache line; here a lookup hashes the state once and compares it with
//! neighbours in a contiguous vector, through a small open-addressing table
//! of indices (a general hash map costs several times more per insert).
//!
//! Not for: states that carry more than themselves (path counts, the way
//! back), which [`Exploration`](super::exploration::Exploration) keeps.

/// Distinct states, in the order first inserted.
#[derive(Debug, Default)]
pub(super) struct StateSet {
    width: usize,
    len: usize,
    states: Vec<u32>,
    /// Open addressing on the states' hashes: 1 + the index of a state, or 0
    /// for a free place. Its length is 0 or a power of two, never half full.
    table: Vec<u32>,
}

impl StateSet {
    pub(super) fn new(width: usize) -> StateSet {
        StateSet {
            width,
            ..StateSet::default()
        }
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The state at `index`, in insertion order.
    pub(super) fn get(&self, index: usize) -> &[u32] {
        &self.states[index * self.width..(index + 1) * self.width]
    }

    /// Empties the set, keeping its memory.
    pub(super) fn clear(&mut self) {
        self.len = 0;
        self.states.clear();
        self.table.fill(0);
    }

    /// Adds `state` (of the set's width) unless it is already there.
    pub(super) fn insert(&mut self, state: &[u32]) {
        self.find_or_insert(state);
    }

    /// The index of `state` in insertion order, added if it was not there,
    /// and whether it was just added.
    pub(super) fn find_or_insert(&mut self, state: &[u32]) -> (usize, bool) {
        let len = self.len();
        if 2 * (len + 1) > self.table.len() {
            self.grow();
        }
        let mask = self.table.len() - 1;
        let mut place = hash(state) as usize & mask;
        loop {
            match self.table[place] {
                0 => break,
                // An element-wise loop: for a few codes, faster than memcmp.
                at if self
                    .get(at as usize - 1)
                    .iter()
                    .zip(state)
                    .all(|(a, b)| a == b) =>
                {
                    return (at as usize - 1, false);
                }
                _ => place = (place + 1) & mask,
            }
        }
        self.len += 1;
        self.table[place] = u32::try_from(self.len).unwrap_or(u32::MAX);
        self.states.extend_from_slice(state);
        (len, true)
    }

    /// Doubles the table and places every state again.
    fn grow(&mut self) {
        let size = (2 * self.table.len()).max(8);
        self.table.clear();
        self.table.resize(size, 0);
        let mask = size - 1;
        for index in 0..self.len {
            let mut place = hash(self.get(index)) as usize & mask;
            while self.table[place] != 0 {
                place = (place + 1) & mask;
            }
            self.table[place] = u32::try_from(index + 1).unwrap_or(u32::MAX);
        }
    }
}

/// FxHash's multiply-and-rotate over the codes, then a final mix so that
/// the table can use the low bits as they are.
fn hash(state: &[u32]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = 0u64;
    for &code in state {
        h = (h.rotate_left(5) ^ u64::from(code)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_state_once_in_insertion_order() {
        let mut set = StateSet::new(2);
        for state in [[1, 2], [0, 0], [1, 2], [2, 1], [0, 0]] {
            set.insert(&state);
        }
        let states: Vec<&[u32]> = set.iter().collect();
        assert_eq!(states, [&[1, 2][..], &[0, 0], &[2, 1]]);
    }

    #[test]
    fn zero_width_states_are_one_state() {
        let mut set = StateSet::new(0);
        assert_eq!(set.len(), 0);
        set.insert(&[]);
        set.insert(&[]);
        assert_eq!(set.len(), 1);
    }
}
