//! Which nerve root the findings point to, from the roots the knowledge
//! gives each finding (`root L4, L5`), never from its words: the one every
//! finding fits, the one most of them fit (with the ones that do not), or
//! none when they split evenly.

use super::Session;

/// What a set of findings says about the nerve root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootReading {
    /// No finding names a root.
    Unmapped,
    /// Every finding fits each of these roots: one, or two when every
    /// finding is a sign the source puts at two segments (either is right).
    Agree(Vec<String>),
    /// Most findings fit `root`; those at `against` (their positions among
    /// the findings read) do not.
    Leaning { root: String, against: Vec<usize> },
    /// The findings fit different roots equally often: no single root.
    Split,
}

impl RootReading {
    /// The roots a person may name: the agreed ones, or the leading one.
    pub fn accepted(&self) -> Vec<&str> {
        match self {
            RootReading::Agree(roots) => roots.iter().map(String::as_str).collect(),
            RootReading::Leaning { root, .. } => vec![root.as_str()],
            RootReading::Unmapped | RootReading::Split => Vec::new(),
        }
    }

    /// Whether naming `root` is right.
    pub fn accepts(&self, root: &str) -> bool {
        self.accepted().contains(&root)
    }

    /// The accepted roots in words: `L5`, `L4 or L5`.
    pub fn words(&self) -> String {
        self.accepted().join(" or ")
    }
}

/// The reading of findings given as the roots each points to, in order (a
/// finding that names none, `root none` or no `root`, counts for nothing).
pub fn read_roots<'a>(findings: impl IntoIterator<Item = &'a [String]>) -> RootReading {
    let findings: Vec<&[String]> = findings.into_iter().collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut rooted = 0;
    for roots in &findings {
        if roots.is_empty() {
            continue;
        }
        rooted += 1;
        for root in roots.iter() {
            match counts.iter_mut().find(|(r, _)| r == root) {
                Some((_, n)) => *n += 1,
                None => counts.push((root, 1)),
            }
        }
    }
    let Some(most) = counts.iter().map(|(_, n)| *n).max() else {
        return RootReading::Unmapped;
    };
    let leaders: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(r, _)| *r)
        .collect();
    match leaders.as_slice() {
        _ if most == rooted => RootReading::Agree(leaders.iter().map(|r| r.to_string()).collect()),
        [root] => RootReading::Leaning {
            root: root.to_string(),
            against: (findings.iter().enumerate())
                .filter(|(_, roots)| !roots.is_empty() && !roots.iter().any(|r| r == root))
                .map(|(i, _)| i)
                .collect(),
        },
        _ => RootReading::Split,
    }
}

impl Session<'_> {
    /// What the findings recorded so far say about the nerve root; the
    /// positions in a [`RootReading::Leaning`] are in [`Session::findings`].
    pub fn likely_root(&self) -> RootReading {
        read_roots(self.findings().iter().map(|(_, f)| f.root_names()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(list: &[&[&str]]) -> RootReading {
        let owned: Vec<Vec<String>> = list
            .iter()
            .map(|roots| roots.iter().map(|r| r.to_string()).collect())
            .collect();
        read_roots(owned.iter().map(Vec::as_slice))
    }

    #[test]
    fn findings_that_all_fit_a_root_agree_on_it() {
        assert_eq!(
            roots(&[&["L4"], &["L4", "L5"]]),
            RootReading::Agree(vec!["L4".into()])
        );
        // One sign at two segments: either root is right.
        let both = roots(&[&["L4", "L5"]]);
        assert!(both.accepts("L4") && both.accepts("L5") && !both.accepts("S1"));
        assert_eq!(both.words(), "L4 or L5");
    }

    #[test]
    fn a_finding_against_the_rest_is_named_and_an_even_split_names_none() {
        assert_eq!(
            roots(&[&["S1"], &[], &["S1"], &["L4"]]),
            RootReading::Leaning {
                root: "S1".into(),
                against: vec![3]
            }
        );
        assert_eq!(roots(&[&["L4"], &["S1"]]), RootReading::Split);
        assert_eq!(roots(&[&[], &[]]), RootReading::Unmapped);
        assert!(RootReading::Split.accepted().is_empty());
    }
}
