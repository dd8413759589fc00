//! An exact count of paths: a machine integer while it fits, a big integer
//! after. Counts multiply along the graph, so a few dozen questions pass
//! 2^128; but most states in most flows stay small, and adding two `u128`s
//! costs nothing next to adding two heap-allocated [`BigUint`]s.

use std::ops::AddAssign;

use num_bigint::BigUint;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PathCount {
    Small(u128),
    Big(BigUint),
}

impl PathCount {
    pub(super) fn one() -> PathCount {
        PathCount::Small(1)
    }

    pub(super) fn is_one(&self) -> bool {
        *self == PathCount::Small(1)
    }

    pub(super) fn times(&self, other: &PathCount) -> PathCount {
        match (self, other) {
            (PathCount::Small(a), PathCount::Small(b)) => match a.checked_mul(*b) {
                Some(product) => PathCount::Small(product),
                None => PathCount::Big(BigUint::from(*a) * BigUint::from(*b)),
            },
            (a, b) => PathCount::Big(a.big() * b.big()),
        }
    }

    pub(super) fn big(&self) -> BigUint {
        match self {
            PathCount::Small(n) => BigUint::from(*n),
            PathCount::Big(n) => n.clone(),
        }
    }
}

impl From<BigUint> for PathCount {
    fn from(n: BigUint) -> PathCount {
        match u128::try_from(&n) {
            Ok(small) => PathCount::Small(small),
            Err(_) => PathCount::Big(n),
        }
    }
}

impl AddAssign<&PathCount> for PathCount {
    fn add_assign(&mut self, other: &PathCount) {
        if let (PathCount::Small(a), PathCount::Small(b)) = (&*self, other)
            && let Some(sum) = a.checked_add(*b)
        {
            *self = PathCount::Small(sum);
            return;
        }
        *self = PathCount::Big(self.big() + other.big());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflowing_u128_moves_to_a_big_integer_exactly() {
        let big = PathCount::Small(u128::MAX);
        let doubled = big.times(&PathCount::Small(2));
        assert_eq!(doubled.big(), BigUint::from(u128::MAX) * 2u8);
        let mut sum = PathCount::Small(u128::MAX);
        sum += &PathCount::Small(1);
        assert_eq!(sum.big(), BigUint::from(u128::MAX) + 1u8);
        assert_eq!(PathCount::from(BigUint::from(7u8)), PathCount::Small(7));
    }
}
