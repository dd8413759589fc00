//! The L4, L5 and S1 nerve roots: the muscle test, the skin area and the
//! reflex that point to each. Facts from 001_5c8f93c37a18e781 (motor,
//! sensory and reflex testing tables), in our own words.

/// One lumbar or sacral nerve root and what a therapist finds when it is irritated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Root {
    pub name: &'static str,
    /// Weakness found on testing.
    pub motor: &'static str,
    /// Where numbness or tingling is felt.
    pub sensory: &'static str,
    /// The reflex that may be reduced.
    pub reflex: &'static str,
}

pub const ROOTS: [Root; 3] = [
    Root {
        name: "L4",
        motor: "weak ankle dorsiflexion and inversion (tibialis anterior); struggles to walk on the heels",
        sensory: "the inner edge of the foot and the big toe",
        reflex: "a reduced knee-jerk (patellar tendon, L3-L4)",
    },
    Root {
        name: "L5",
        motor: "weak extension of the big toe and the other toes (extensor hallucis longus, extensor digitorum longus)",
        sensory: "the top of the foot and the middle three toes",
        reflex: "a reduced tibialis posterior (L4-L5) or medial hamstring, semimembranosus (L5-S1) reflex",
    },
    Root {
        name: "S1",
        motor: "weak plantarflexion and eversion (calf muscles, peroneals); struggles to walk on the toes",
        sensory: "the outer edge of the foot and the little toe",
        reflex: "a reduced ankle-jerk (Achilles tendon, S1-S2)",
    },
];

pub const SOURCE: &str = "001_5c8f93c37a18e781 (Motor, Sensory and Reflex Testing)";
