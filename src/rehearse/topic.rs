//! What a vignette is about, for `rehearse --topic` and the history: the kind
//! of outcome the graph reaches with the client's answers. Derived, not
//! written by authors, so a new vignette always has a topic and it cannot
//! disagree with the graph.

use std::fmt;

use serde::Serialize;

use crate::compile::{Flow, Urgency, Verdict, Vignette};
use crate::engine::Session;

/// The outcome's kind. A routine referral reached straight from the nerve
/// checks (a question tagged `neuro` leads to the outcome) is `nerve-root`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// Refer as an emergency (a red flag for the emergency services).
    Emergency,
    /// Refer urgently (today, within 24 hours).
    Urgent,
    /// Refer routinely, other than for the nerve checks.
    Routine,
    /// Refer routinely after the nerve checks (numbness, weakness, reflexes).
    NerveRoot,
    /// Massage with changes.
    Modify,
    /// Massage as usual.
    Treat,
    /// The answers stop before an outcome (a vignette the graph cannot solve).
    Unsolved,
}

impl Topic {
    /// The word used on the command line and in the history.
    pub fn word(self) -> &'static str {
        match self {
            Topic::Emergency => "emergency",
            Topic::Urgent => "urgent",
            Topic::Routine => "routine",
            Topic::NerveRoot => "nerve-root",
            Topic::Modify => "modify",
            Topic::Treat => "treat",
            Topic::Unsolved => "unsolved",
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The topic of `vignette`: the kind of outcome its answers reach.
pub fn topic_of(flow: &Flow, vignette: &Vignette) -> Topic {
    let given = vignette.case.answers.iter().cloned().collect();
    let session = Session::replay(flow, &given);
    let Some(outcome) = session.outcome() else {
        return Topic::Unsolved;
    };
    match outcome.verdict {
        Verdict::Refer(Urgency::Emergency) => Topic::Emergency,
        Verdict::Refer(Urgency::Urgent) => Topic::Urgent,
        Verdict::Refer(Urgency::Routine) if after_nerve_checks(flow, &session) => Topic::NerveRoot,
        Verdict::Refer(Urgency::Routine) => Topic::Routine,
        Verdict::Modify => Topic::Modify,
        Verdict::Treat => Topic::Treat,
    }
}

/// Whether a question tagged `neuro` leads straight to the outcome reached.
fn after_nerve_checks(flow: &Flow, session: &Session) -> bool {
    let outcome = session.current_index();
    flow.predecessors(outcome)
        .any(|from| flow.node(from).tags.iter().any(|t| t == "neuro"))
}

/// The difficulty as the command line and the JSON write it.
pub fn difficulty_word(difficulty: crate::compile::Difficulty) -> &'static str {
    match difficulty {
        crate::compile::Difficulty::Easy => "easy",
        crate::compile::Difficulty::Medium => "medium",
        crate::compile::Difficulty::Hard => "hard",
    }
}
