//! The changes a therapist commits for a modify, read by meaning against the
//! knowledge's vocabulary of changes (`change ID { label ... synonyms ... }`):
//! each typed change is matched to the declared change whose id, label or a
//! synonym says the most of the same words, and only one that avoids what
//! it avoids. "side-lying" is using side-lying, never "avoid side-lying".
//!
//! Several changes are separated by commas or semicolons, or by spaces
//! when each change's words are joined with hyphens
//! (`light-pressure-on-atrophy avoid-right-side-lying`).

use crate::compile::{Change, Flow, Verdict};
use crate::engine::Session;

/// Words that make a change one of avoiding something.
const AVOIDING: &[&str] = &[
    "avoid", "avoids", "avoiding", "no", "not", "never", "without", "dont", "nor", "none",
];

/// Words that say nothing of which change is meant (sides, articles, the
/// obvious "massage").
const EMPTY: &[&str] = &[
    "a", "an", "the", "of", "on", "over", "in", "into", "onto", "to", "with", "and", "or", "for",
    "at", "by", "from", "any", "area", "right", "left", "both", "is", "are", "be", "do", "does",
    "use", "using", "it", "its", "their", "her", "his", "them", "client", "clients", "massage",
    "only", "very", "just", "all", "some", "this", "that", "there", "whole", "please",
];

/// A typed change or a declared phrase, as words that carry meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reading {
    words: Vec<String>,
    /// It avoids something: "avoid", "no", "not" ...
    avoids: bool,
}

fn read(text: &str) -> Reading {
    let mut words = Vec::new();
    let mut avoids = false;
    let lower = text.to_lowercase().replace(['\'', '’'], "");
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if AVOIDING.contains(&word) {
            avoids = true;
        } else if !EMPTY.contains(&word) {
            // British and American spellings alike: mobilise, mobilize.
            words.push(word.replace("iz", "is"));
        }
    }
    Reading { words, avoids }
}

/// The same word, or one form of the other: light, lighter; bolster,
/// bolsters; mobilise, mobilisation.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 4 && common + 3 >= shorter
}

/// How well `typed` says `phrase`: the words they share, then the fewest
/// left over; none when one does not hold all the other's words, or one
/// avoids what the other uses.
fn fit(typed: &Reading, phrase: &Reading) -> Option<(usize, i64)> {
    if typed.avoids != phrase.avoids || typed.words.is_empty() || phrase.words.is_empty() {
        return None;
    }
    let shared = (phrase.words.iter())
        .filter(|p| typed.words.iter().any(|t| same_word(p, t)))
        .count();
    let typed_covered = (typed.words.iter())
        .filter(|t| phrase.words.iter().any(|p| same_word(p, t)))
        .count();
    let whole = shared == phrase.words.len() || typed_covered == typed.words.len();
    let left_over = (phrase.words.len() - shared) + (typed.words.len() - typed_covered);
    (whole && shared > 0).then_some((shared, -(left_over as i64)))
}

/// Every way a change is said: its label, its synonyms, its id.
fn phrases(change: &Change) -> impl Iterator<Item = Reading> + '_ {
    std::iter::once(read(&change.label))
        .chain(change.synonyms.iter().map(|s| read(s)))
        .chain(std::iter::once(read(&change.id)))
}

/// The declared change `typed` means: the one sharing the most words with
/// it, a needed one first among those sharing as many (the benefit of the
/// doubt), then the one with the fewest words left over; none when no
/// change's words fit.
pub fn meaning<'f>(typed: &str, changes: &'f [Change], needed: &[&str]) -> Option<&'f Change> {
    let reading = read(typed);
    changes
        .iter()
        .filter_map(|change| {
            let best = phrases(change).filter_map(|p| fit(&reading, &p)).max()?;
            Some((best, needed.contains(&change.id.as_str()), change))
        })
        .max_by_key(|((shared, left_over), is_needed, _)| (*shared, *is_needed, *left_over))
        .map(|(_, _, change)| change)
}

/// The needed change that says the opposite of `typed` (it avoids what
/// `typed` uses, or uses what it avoids), if any.
fn opposite<'f>(typed: &str, changes: &'f [Change], needed: &[&str]) -> Option<&'f Change> {
    let mut flipped = read(typed);
    flipped.avoids = !flipped.avoids;
    changes
        .iter()
        .filter(|c| needed.contains(&c.id.as_str()))
        .find(|change| phrases(change).any(|p| fit(&flipped, &p).is_some()))
}

/// The committed words after `commit modify`, one string per change:
/// split at commas and semicolons when there are any, else at spaces.
pub fn split_changes(words: &[String]) -> Vec<String> {
    let joined = words.join(" ");
    let parts: Vec<&str> = if joined.contains([',', ';']) {
        joined.split([',', ';']).collect()
    } else {
        joined.split_whitespace().collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// What became of one typed change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed<'f> {
    /// It says a change this client needs.
    Credited(&'f Change),
    /// It says a change this client does not need; `opposite` is a needed
    /// one it contradicts.
    Wrong {
        change: &'f Change,
        opposite: Option<&'f Change>,
    },
    /// No declared change fits its words.
    NotAChange,
}

/// The changes of a modify, marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMarks<'f> {
    /// What the walk needs, in the order it collected them.
    pub needed: Vec<&'f Change>,
    /// Each typed change, as typed, and what it was found to say.
    pub typed: Vec<(String, Typed<'f>)>,
}

impl<'f> ChangeMarks<'f> {
    /// The needed changes no typed change says.
    pub fn missing(&self) -> Vec<&'f Change> {
        (self.needed.iter().copied())
            .filter(|n| {
                !self
                    .typed
                    .iter()
                    .any(|(_, t)| matches!(t, Typed::Credited(c) if c.id == n.id))
            })
            .collect()
    }
}

/// Marks `typed` against the changes the walk of `session` needs.
pub fn mark<'f>(flow: &'f Flow, session: &Session<'f>, typed: &[String]) -> ChangeMarks<'f> {
    let needed = needed_changes(flow, session);
    let ids: Vec<&str> = needed.iter().map(|c| c.id.as_str()).collect();
    let typed = typed
        .iter()
        .map(|words| {
            let found = match meaning(words, flow.changes(), &ids) {
                Some(change) if ids.contains(&change.id.as_str()) => Typed::Credited(change),
                Some(change) => Typed::Wrong {
                    change,
                    opposite: opposite(words, flow.changes(), &ids),
                },
                None => Typed::NotAChange,
            };
            (words.clone(), found)
        })
        .collect();
    ChangeMarks { needed, typed }
}

/// The changes a walk needs: those of every note it collected, then those
/// of the modify outcome it reached, each once. None unless it ends in
/// modify: a referral has no massage to change.
pub fn needed_changes<'f>(flow: &'f Flow, session: &Session<'f>) -> Vec<&'f Change> {
    let Some(outcome) = session.outcome() else {
        return Vec::new();
    };
    if outcome.verdict != Verdict::Modify {
        return Vec::new();
    }
    let ids = (session.notes().iter())
        .flat_map(|(_, note)| note.changes.iter())
        .chain(outcome.changes.iter());
    let mut needed: Vec<&Change> = Vec::new();
    for id in ids {
        if let Some(change) = flow.change(id)
            && !needed.iter().any(|c| c.id == change.id)
        {
            needed.push(change);
        }
    }
    needed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(id: &str, label: &str, synonyms: &[&str]) -> Change {
        Change {
            id: id.into(),
            label: label.into(),
            synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
            why: None,
            sources: vec!["s".into()],
            span: Default::default(),
        }
    }

    fn vocabulary() -> Vec<Change> {
        vec![
            change(
                "light_over_atrophy",
                "Lighter pressure over the muscle that has wasted",
                &["light pressure over atrophy", "atrophy"],
            ),
            change(
                "gentle_pressure",
                "Gentle pressure only",
                &["light pressure"],
            ),
            change("no_side_lying", "Avoid side-lying", &["not on the side"]),
            change(
                "side_lying_bolsters",
                "Side-lying with bolsters",
                &["side-lying"],
            ),
            change(
                "no_joint_mobilisation",
                "No joint mobilisation",
                &["no traction"],
            ),
        ]
    }

    fn id(typed: &str, needed: &[&str]) -> Option<String> {
        meaning(typed, &vocabulary(), needed).map(|c| c.id.clone())
    }

    #[test]
    fn hyphenated_changes_are_read_by_their_words() {
        let needed = ["light_over_atrophy", "no_side_lying"];
        assert_eq!(
            id("light-pressure-on-atrophy", &needed).as_deref(),
            Some("light_over_atrophy")
        );
        assert_eq!(
            id("avoid-right-side-lying", &needed).as_deref(),
            Some("no_side_lying")
        );
        assert_eq!(
            id("atrophy", &needed).as_deref(),
            Some("light_over_atrophy")
        );
        // The words of an id, and the other spelling, say it too.
        assert_eq!(id("no_side_lying", &[]).as_deref(), Some("no_side_lying"));
        assert_eq!(
            id("no joint mobilization", &[]).as_deref(),
            Some("no_joint_mobilisation")
        );
    }

    #[test]
    fn a_change_that_avoids_is_never_one_that_uses() {
        // "side-lying" is lying on the side, not avoiding it.
        assert_eq!(
            id("side-lying", &["no_side_lying"]).as_deref(),
            Some("side_lying_bolsters")
        );
        let vocabulary = vocabulary();
        assert_eq!(
            opposite("side-lying", &vocabulary, &["no_side_lying"]).map(|c| c.id.as_str()),
            Some("no_side_lying")
        );
        assert_eq!(id("not side-lying", &[]).as_deref(), Some("no_side_lying"));
        assert_eq!(id("atrophy massage no", &[]), None);
    }

    #[test]
    fn words_no_change_has_are_not_a_change() {
        assert_eq!(id("foo", &[]), None);
        assert_eq!(id("avoid", &[]), None);
        assert_eq!(id("", &[]), None);
    }

    #[test]
    fn the_closest_wording_wins_and_a_tie_goes_to_a_needed_change() {
        // "light pressure" is gentle_pressure's whole synonym, but the
        // atrophy adds a word only light_over_atrophy has.
        assert_eq!(
            id("light pressure on the atrophy", &[]).as_deref(),
            Some("light_over_atrophy")
        );
        assert_eq!(
            id("light pressure", &[]).as_deref(),
            Some("gentle_pressure")
        );
        assert_eq!(
            id("pressure", &["light_over_atrophy"]).as_deref(),
            Some("light_over_atrophy")
        );
        assert_eq!(
            id("pressure", &["gentle_pressure"]).as_deref(),
            Some("gentle_pressure")
        );
    }

    #[test]
    fn changes_are_split_at_commas_or_else_at_spaces() {
        let words = |s: &str| -> Vec<String> { s.split(' ').map(str::to_string).collect() };
        assert_eq!(
            split_changes(&words("light-pressure-on-atrophy avoid-right-side-lying")),
            ["light-pressure-on-atrophy", "avoid-right-side-lying"]
        );
        assert_eq!(
            split_changes(&words("light pressure on atrophy, avoid side lying;")),
            ["light pressure on atrophy", "avoid side lying"]
        );
    }

    #[test]
    fn every_shipped_walk_to_modify_needs_a_declared_change() {
        let flow = crate::compile::compile(&crate::compile::tests::shipped())
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let walks = (flow.cases().iter().map(|c| (&c.name, &c.answers)))
            .chain(flow.vignettes().iter().map(|v| (&v.id, &v.case.answers)));
        let mut modify = 0;
        for (name, answers) in walks {
            let given = answers.iter().cloned().collect();
            let session = Session::replay(&flow, &given);
            if session.outcome().map(|o| o.verdict) != Some(Verdict::Modify) {
                continue;
            }
            modify += 1;
            let needed = needed_changes(&flow, &session);
            assert!(!needed.is_empty(), "{name}: a modify with nothing to name");
            // Each note a modifier adds is backed by a change, on the note
            // or on the outcome.
            let outcome = session.outcome().expect("an outcome");
            for (_, note) in session.notes() {
                assert!(
                    !note.changes.is_empty() || !outcome.changes.is_empty(),
                    "{name}: the note \"{}\" names no change",
                    note.lay
                );
            }
        }
        assert!(modify >= 20, "{modify} walks to modify");
    }
}
