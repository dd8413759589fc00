//! What a vignette's story already tells the therapist, and which other
//! answers are believable for this client. A therapist is not marked down for
//! not asking what the client has told them, and a counterfactual that could
//! never be this client's ("had he been pregnant", "had she been 0") teaches
//! nothing.
//!
//! What the story tells is typed in the vignette (`tells how_old, spread`),
//! never read from the prose: rewording a story cannot change a score. Only
//! who the client is (he or she, for the words of a counterfactual) is read
//! from the story's pronouns.

use crate::compile::{AnswerValue, NodeId, Question, QuestionKind, Vignette};

/// How far a number may plausibly differ for the same client (an age, a count).
const NUMBER_WINDOW: i64 = 15;

/// Who the client is, as far as the story shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryFacts {
    /// The questions whose answers the story states: the vignette's `tells`.
    told: Vec<NodeId>,
    /// The story speaks of the client as "he".
    pub male: bool,
}

impl StoryFacts {
    /// What `vignette`'s story tells: its `tells`, and the client's pronoun.
    pub fn of(vignette: &Vignette) -> StoryFacts {
        StoryFacts::read(&vignette.story, &vignette.tells)
    }

    /// The facts of a story whose told questions are `told`.
    pub fn read(story: &[String], told: &[NodeId]) -> StoryFacts {
        let words: Vec<String> = story
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let count = |set: &[&str]| words.iter().filter(|w| set.contains(&w.as_str())).count();
        let male = count(&["he", "his", "him"]) > count(&["she", "her", "hers"]);
        StoryFacts {
            told: told.to_vec(),
            male,
        }
    }

    /// "he", "she": for counterfactuals in words.
    pub fn pronoun(&self) -> &'static str {
        if self.male { "he" } else { "she" }
    }

    /// Whether the story states the answer to `question` (the vignette
    /// names it in `tells`).
    pub fn tells(&self, question: NodeId) -> bool {
        self.told.contains(&question)
    }

    /// Whether `alternative` could be this client's answer to `question`.
    pub fn plausible(
        &self,
        question: &Question,
        given: &AnswerValue,
        alternative: &AnswerValue,
    ) -> bool {
        let pregnancy = question.ask.to_lowercase().contains("pregnan");
        if pregnancy && self.male {
            return false;
        }
        match (given, alternative) {
            (AnswerValue::Number(a), AnswerValue::Number(b)) => (a - b).abs() <= NUMBER_WINDOW,
            _ => true,
        }
    }
}

/// The plausible other answers to try for `question`, nearest first for numbers.
pub fn alternatives(
    question: &Question,
    given: &AnswerValue,
    story: &StoryFacts,
) -> Vec<AnswerValue> {
    let all: Vec<AnswerValue> = match question.kind {
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => question
            .answers()
            .iter()
            .map(|a| AnswerValue::Choice(a.id.clone()))
            .collect(),
        QuestionKind::Multiple { .. } => question
            .answers()
            .iter()
            .map(|a| AnswerValue::Many(vec![a.id.clone()]))
            .collect(),
        QuestionKind::Number {
            range: (min, max), ..
        } => {
            let at = match given {
                AnswerValue::Number(n) => *n,
                _ => min,
            };
            let mut near: Vec<i64> =
                ((at - NUMBER_WINDOW).max(min)..=(at + NUMBER_WINDOW).min(max)).collect();
            near.sort_by_key(|n| (n - at).abs());
            near.into_iter().map(AnswerValue::Number).collect()
        }
    };
    all.into_iter()
        .filter(|a| a != given && story.plausible(question, given, a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{Answer, NodeId, Step};

    fn question(
        ask: &str,
        kind: fn(Vec<Answer>) -> QuestionKind,
        answers: &[(&str, &str)],
    ) -> Question {
        Question {
            ask: ask.to_string(),
            kind: kind(
                answers
                    .iter()
                    .map(|(id, label)| Answer {
                        id: id.to_string(),
                        label: label.to_string(),
                        synonyms: Vec::new(),
                        within: None,
                        target: None,
                        effects: Vec::new(),
                    })
                    .collect(),
            ),
            skip: None,
            applies: None,
        }
    }

    fn age() -> QuestionKind {
        QuestionKind::Number {
            range: (0, 120),
            unit: None,
            into: None,
            then: Step {
                target: NodeId::new(0),
                effects: Vec::new(),
            },
        }
    }

    fn story(text: &str) -> StoryFacts {
        StoryFacts::read(&[text.to_string()], &[])
    }

    #[test]
    fn pregnancy_is_not_a_counterfactual_for_a_man() {
        let q = question(
            "Are you pregnant?",
            |answers| QuestionKind::YesNo { answers },
            &[("yes", "Yes"), ("no", "No")],
        );
        let no = AnswerValue::Choice("no".into());
        let him = story("Tom, 36, lifts boxes; his back hurts.");
        let her = story("Ann, 36, lifts boxes; her back hurts.");
        assert!(alternatives(&q, &no, &him).is_empty());
        assert_eq!(
            alternatives(&q, &no, &her),
            vec![AnswerValue::Choice("yes".into())]
        );
    }

    #[test]
    fn number_counterfactuals_stay_near_the_clients_own_and_never_reach_zero() {
        let q = question("How old are you?", |_| age(), &[]);
        let alts = alternatives(&q, &AnswerValue::Number(34), &story("Priya, 34."));
        assert_eq!(alts.first(), Some(&AnswerValue::Number(33)));
        assert!(!alts.contains(&AnswerValue::Number(0)));
        assert!(
            alts.iter()
                .all(|a| matches!(a, AnswerValue::Number(n) if (19..=49).contains(n)))
        );
    }

    #[test]
    fn only_the_typed_questions_are_told_whatever_the_prose_says() {
        let age = NodeId::new(1);
        let saddle = NodeId::new(2);
        // The prose states both; only the typed `tells` counts.
        let text = ["Nadia, 34, says the saddle area is numb.".to_string()];
        let told = StoryFacts::read(&text, &[age]);
        assert!(told.tells(age));
        assert!(!told.tells(saddle));
        assert!(!StoryFacts::read(&text, &[]).tells(age));
        assert!(!told.male);
    }
}
