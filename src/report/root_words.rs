//! The likely nerve root in a therapist's words, from the roots the
//! knowledge gives the findings (`Session::likely_root`): the root, and a
//! note naming each finding that disagrees. Nothing when no finding of the
//! walk says anything about a root.

use crate::compile::FindingRoots;
use crate::engine::{RootReading, Session};

/// The lines to show under the findings: "Likely nerve root: S1 ...", then
/// the disagreement, if any.
pub fn root_lines(session: &Session) -> Vec<String> {
    let findings = session.findings();
    if findings
        .iter()
        .all(|(_, f)| f.roots == FindingRoots::Unstated)
    {
        return Vec::new();
    }
    match session.likely_root() {
        RootReading::Unmapped => vec![
            "Likely nerve root: not mapped: no finding points to a single root. Test the dermatomes, myotomes and reflexes formally."
                .to_string(),
        ],
        RootReading::Agree(roots) => match roots.as_slice() {
            [one] => vec![format!(
                "Likely nerve root: {one} (every finding that maps to a root fits it)."
            )],
            _ => vec![format!(
                "Likely nerve root: {} (the findings fit each of these; test formally to tell them apart).",
                roots.join(" or ")
            )],
        },
        RootReading::Leaning { root, against } => {
            let mut lines = vec![format!(
                "Likely nerve root: {root} (most of the findings fit it)."
            )];
            for i in against {
                if let Some((_, finding)) = findings.get(i) {
                    lines.push(format!(
                        "The findings disagree: \"{}\" points to {}, not {root}. Examine formally: two levels, or another cause, are possible.",
                        finding.text,
                        finding.root_names().join(" or ")
                    ));
                }
            }
            lines
        }
        RootReading::Split => {
            let mut roots: Vec<&str> = (findings.iter())
                .flat_map(|(_, f)| f.root_names())
                .map(String::as_str)
                .collect();
            roots.sort_unstable();
            roots.dedup();
            vec![format!(
                "Likely nerve root: none can be named: the findings point to {} equally. Examine formally.",
                roots.join(", ")
            )]
        }
    }
}
