//! How much care a verdict gives, so that a change can be told to be
//! toward less care (a safety-relevant change) or toward more.

use crate::compile::{Urgency, Verdict};

/// Treat 0, modify 1, refer routine 2, urgent 3, emergency 4: a lower rank
/// after an edit means the person is sent away with less care.
pub fn care_rank(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Treat => 0,
        Verdict::Modify => 1,
        Verdict::Refer(Urgency::Routine) => 2,
        Verdict::Refer(Urgency::Urgent) => 3,
        Verdict::Refer(Urgency::Emergency) => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_urgent_is_more_care() {
        let order = [
            Verdict::Treat,
            Verdict::Modify,
            Verdict::Refer(Urgency::Routine),
            Verdict::Refer(Urgency::Urgent),
            Verdict::Refer(Urgency::Emergency),
        ];
        for pair in order.windows(2) {
            assert!(care_rank(pair[0]) < care_rank(pair[1]), "{pair:?}");
        }
    }
}
