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

/// What kind of test a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TestKind {
    /// Where the skin is numb or tingles (the dermatome).
    Sensory,
    /// Which movement is weak (the myotome).
    Motor,
    /// Which tendon reflex is reduced.
    Reflex,
}

impl TestKind {
    pub fn words(self) -> &'static str {
        match self {
            TestKind::Sensory => "skin area",
            TestKind::Motor => "muscles",
            TestKind::Reflex => "reflex",
        }
    }
}

/// One finding on examination, worded without the segment it maps to (so a
/// drill option never gives its answer away), and the root 001 maps it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub root: &'static str,
    pub kind: TestKind,
    pub words: &'static str,
    /// Where the segments of 001 need a word: the reflex spans two segments,
    /// or a chart other than 001 puts the area under another root.
    pub note: Option<&'static str>,
}

/// 001 puts the big toe with L4; most dermatome charts give the top of the
/// big toe to L5. The drill and the knowledge teach 001's version.
pub const BIG_TOE_NOTE: &str = "Note: the source (001) maps the inner foot and the big toe to L4; most dermatome charts give the top of the big toe to L5. This drill teaches the source's table, as the knowledge does; in a real assessment test the toe's top and its inner edge separately.";

const TIB_POST_NOTE: &str = "Note: 001 lists the tibialis posterior reflex at L4-L5; this drill, like the scoring, counts it for L5, the root whose muscles it shares.";

/// Every finding of 001's motor, sensory and reflex tables, one phrase each.
pub const FINDINGS: [Finding; 19] = [
    Finding {
        root: "L4",
        kind: TestKind::Sensory,
        words: "numbness along the inner edge of the foot",
        note: None,
    },
    Finding {
        root: "L4",
        kind: TestKind::Sensory,
        words: "tingling in the big toe",
        note: Some(BIG_TOE_NOTE),
    },
    Finding {
        root: "L5",
        kind: TestKind::Sensory,
        words: "numbness over the top of the foot",
        note: None,
    },
    Finding {
        root: "L5",
        kind: TestKind::Sensory,
        words: "tingling in the middle three toes",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Sensory,
        words: "numbness along the outer edge of the foot",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Sensory,
        words: "tingling in the little toe",
        note: None,
    },
    Finding {
        root: "L4",
        kind: TestKind::Motor,
        words: "difficulty walking on the heels",
        note: None,
    },
    Finding {
        root: "L4",
        kind: TestKind::Motor,
        words: "weakness lifting the front of the foot (ankle dorsiflexion)",
        note: None,
    },
    Finding {
        root: "L4",
        kind: TestKind::Motor,
        words: "weakness turning the sole inwards (inversion, tibialis anterior)",
        note: None,
    },
    Finding {
        root: "L5",
        kind: TestKind::Motor,
        words: "weakness pulling the big toe up (extensor hallucis longus)",
        note: None,
    },
    Finding {
        root: "L5",
        kind: TestKind::Motor,
        words: "weakness pulling the smaller toes up (extensor digitorum longus)",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Motor,
        words: "difficulty walking on tiptoe",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Motor,
        words: "weakness pushing the foot down (plantarflexion, calf muscles)",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Motor,
        words: "weakness turning the sole outwards (eversion, peroneals)",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Motor,
        words: "difficulty walking on the inner edges of the feet",
        note: None,
    },
    Finding {
        root: "L4",
        kind: TestKind::Reflex,
        words: "a reduced knee jerk (patellar tendon)",
        note: None,
    },
    Finding {
        root: "L5",
        kind: TestKind::Reflex,
        words: "a reduced reflex at the inner ankle (tibialis posterior tendon)",
        note: Some(TIB_POST_NOTE),
    },
    Finding {
        root: "L5",
        kind: TestKind::Reflex,
        words: "a reduced medial hamstring reflex (semimembranosus tendon)",
        note: None,
    },
    Finding {
        root: "S1",
        kind: TestKind::Reflex,
        words: "a reduced ankle jerk (Achilles tendon)",
        note: None,
    },
];

/// Words in a finding that name a root's reflex, per the reflex table of 001.
const REFLEX_WORDS: [(&str, &str); 4] = [
    ("patellar", "L4"),
    ("tibialis posterior", "L5"),
    ("semimembranosus", "L5"),
    ("achilles", "S1"),
];

/// The root the findings point to: the one most of them name, or none when
/// no finding names a root or two roots are named equally often (conflicting
/// findings).
pub fn root_of_findings<'a>(findings: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let mut votes = [0usize; 3];
    for finding in findings {
        let lower = finding.to_lowercase();
        for (i, root) in ROOTS.iter().enumerate() {
            let name = root.name.to_lowercase();
            let by_map = lower.contains(&format!("{name} dermatome"))
                || lower.contains(&format!("{name} myotome"));
            let by_reflex = REFLEX_WORDS
                .iter()
                .any(|(word, r)| *r == root.name && lower.contains(word));
            if by_map || by_reflex {
                votes[i] += 1;
            }
        }
    }
    let best = *votes.iter().max()?;
    let leaders: Vec<usize> = (0..3).filter(|&i| votes[i] == best).collect();
    match leaders.as_slice() {
        [one] if best > 0 => Some(ROOTS[*one].name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_vote_for_a_root_and_a_tie_names_none() {
        let l4 = [
            "Sensory change over the medial foot and big toe: L4 dermatome.",
            "Reduced patellar reflex: L3-L4.",
        ];
        assert_eq!(root_of_findings(l4), Some("L4"));
        let mixed = [
            "Weak great-toe extension: L5 myotome.",
            "Reduced semimembranosus (medial hamstring) reflex: L5-S1.",
            "Sensory change over the lateral foot and little toe: S1 dermatome.",
        ];
        assert_eq!(root_of_findings(mixed), Some("L5"));
        let conflict = ["L4 dermatome.", "Reduced Achilles reflex: S1-S2."];
        assert_eq!(root_of_findings(conflict), None);
        assert_eq!(root_of_findings(["Reflexes not yet tested."]), None);
    }
}
