//! How many paths arrive in a state: exact, in 128 bits while the number
//! fits (counts on real knowledge do), a big integer past that. Counting
//! multiplies and adds once per move, so the common case stays free of
//! allocation.

use num_bigint::BigUint;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PathCount {
    Small(u128),
    Big(BigUint),
}

impl PathCount {
    pub(super) const ZERO: PathCount = PathCount::Small(0);
    pub(super) const ONE: PathCount = PathCount::Small(1);

    pub(super) fn of(count: &BigUint) -> PathCount {
        match u128::try_from(count) {
            Ok(small) => PathCount::Small(small),
            Err(_) => PathCount::Big(count.clone()),
        }
    }

    pub(super) fn times(&self, by: &PathCount) -> PathCount {
        if let (PathCount::Small(a), PathCount::Small(b)) = (self, by)
            && let Some(product) = a.checked_mul(*b)
        {
            return PathCount::Small(product);
        }
        PathCount::Big(self.big() * by.big())
    }

    pub(super) fn add(&mut self, more: &PathCount) {
        if let (PathCount::Small(a), PathCount::Small(b)) = (&*self, more)
            && let Some(sum) = a.checked_add(*b)
        {
            *self = PathCount::Small(sum);
            return;
        }
        *self = PathCount::Big(self.big() + more.big());
    }

    pub(super) fn big(&self) -> BigUint {
        match self {
            PathCount::Small(small) => BigUint::from(*small),
            PathCount::Big(big) => big.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_past_128_bits_stay_exact() {
        let big = PathCount::Small(u128::MAX);
        let product = big.times(&PathCount::Small(3));
        assert_eq!(product.big(), BigUint::from(u128::MAX) * 3u8);
        let mut sum = PathCount::Small(u128::MAX);
        sum.add(&PathCount::ONE);
        assert_eq!(sum.big(), BigUint::from(u128::MAX) + 1u8);
        let mut small = PathCount::Small(2);
        small.add(&PathCount::Small(3).times(&PathCount::Small(4)));
        assert_eq!(small, PathCount::Small(14));
        assert_eq!(PathCount::of(&BigUint::from(7u8)), PathCount::Small(7));
    }
}
