//! A set of abstract states of one width, stored end to end in one vector.
//!
//! The dead-ends lint keeps millions of short states on a large flow. Boxing
//! each one costs an allocation, and comparing it a pointer chase to a cold
//! cache line; here a lookup hashes the state once and compares it with
//! neighbours in a contiguous vector.
//!
//! Not for: states that carry more than themselves (path counts, the way
//! back), which [`Exploration`](super::exploration::Exploration) keeps.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Distinct states, in the order first inserted.
#[derive(Debug, Default)]
pub(super) struct StateSet {
    width: usize,
    states: Vec<u32>,
    /// Hash of a state -> the last state inserted with that hash.
    by_hash: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    /// For each state, the one inserted before it with the same hash.
    same_hash: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl StateSet {
    pub(super) fn new(width: usize) -> StateSet {
        StateSet {
            width,
            ..StateSet::default()
        }
    }

    pub(super) fn len(&self) -> usize {
        self.same_hash.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.same_hash.is_empty()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|i| self.get(i))
    }

    fn get(&self, index: usize) -> &[u32] {
        &self.states[index * self.width..(index + 1) * self.width]
    }

    /// Adds `state` (of the set's width) unless it is already there.
    pub(super) fn insert(&mut self, state: &[u32]) {
        let hash = hash(state);
        let mut at = self.by_hash.get(&hash).copied().unwrap_or(NONE);
        while at != NONE {
            if self.get(at as usize) == state {
                return;
            }
            at = self.same_hash[at as usize];
        }
        let index = u32::try_from(self.len()).unwrap_or(NONE);
        let previous = self.by_hash.insert(hash, index).unwrap_or(NONE);
        self.same_hash.push(previous);
        self.states.extend_from_slice(state);
    }
}

/// FxHash's multiply-and-rotate over the codes, then a final mix so that
/// the table can use the bits as they are.
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

/// A hasher for keys that are hashes already.
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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
        assert!(set.is_empty());
        set.insert(&[]);
        set.insert(&[]);
        assert_eq!(set.len(), 1);
    }
}
