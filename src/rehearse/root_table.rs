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
