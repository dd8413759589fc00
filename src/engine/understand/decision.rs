//! The one place that decides what a reading of typed text becomes.
//!
//! The readers (yes/no words, option words, numbers, lengths of time) only
//! propose a [`Reading`]; its answer cannot be taken out of it. The only way
//! from a reading to an answer the session records is [`Reading::decide`],
//! which applies the safety rule: on a safety question, a "no" that was
//! hedged ("not really") or only guessed at (a typo) is never recorded: the
//! person is asked again. So no reader, present or future, can record a
//! loose "no" on a red flag: it has no way to hand one to the session.

use super::answer_error::{AnswerError, options_as_shown};
use crate::compile::{AnswerValue, Node, Question, QuestionKind, YesNo};

/// How surely typed text was read as an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// A typo was forgiven, or a hedge softened a "no": a guess.
    Loose,
    /// Clearly meant, but not as the option is shown: "nope", "I'm 35",
    /// "5 days", "no fever". Shown back to the person ("→ No").
    Clear,
    /// The option as shown: its number, its words, or its id.
    Exact,
}

/// A proposed answer to one question. Made by the readers; turned into an
/// [`Understood`] only by [`Reading::decide`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reading {
    value: AnswerValue,
    certainty: Certainty,
    hedged: bool,
    /// A hedge said elsewhere in the sentence does not soften this reading.
    settled: bool,
    /// A loose "no" that may stand once the person confirms it (a time
    /// outside a question's window), rather than be asked again.
    confirmable: bool,
}

impl Reading {
    pub fn new(value: AnswerValue, certainty: Certainty) -> Reading {
        Reading {
            value,
            certainty,
            hedged: false,
            settled: false,
            confirmable: false,
        }
    }

    /// What was read.
    pub fn value(&self) -> &AnswerValue {
        &self.value
    }

    /// The same reading, recorded only once the person confirms it.
    pub fn confirmable(mut self) -> Reading {
        self.confirmable = true;
        self
    }

    /// The same reading, softened by a hedge ("a little", "I think").
    pub fn hedged(mut self, hedged: bool) -> Reading {
        self.hedged |= hedged && !self.settled;
        self
    }

    /// The same reading, said plainly whatever hedges stand in other
    /// clauses ("no, but I feel a bit sick": the "a bit" is the sickness).
    pub fn settled(mut self) -> Reading {
        self.settled = true;
        self
    }

    pub fn certainty(&self) -> Certainty {
        self.certainty
    }

    /// The answer ids chosen, to combine readings of several pieces.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.value.choices().iter().map(|c| c.as_ref())
    }

    /// Decides whether this reading is recorded as the answer to `question`
    /// (asked at `node`), applying the safety rule.
    pub fn decide(
        self,
        node: &Node,
        question: &Question,
        input: &str,
    ) -> Result<Understood, AnswerError> {
        let loose = self.certainty == Certainty::Loose || self.hedged;
        let sentence = super::confirmation::is_whole_sentence(input);
        let unclear_no =
            loose && is_safety_question(node, question) && says_no(question, &self.value);
        // A loose "no" is asked again ("not really", "I can't pee since
        // yesterday"), but a sentence that starts by saying no ("no, but my
        // pee's been red") is a no with more to it: it may stand only once
        // the person confirms it, so it carries `must_check`, which no front
        // end can skip (the session asks back before recording).
        // "no, it's a little numb down there" takes its no back: the rest
        // speaks of what is asked, so it is asked again instead.
        let confirmable = self.confirmable
            || (sentence
                && super::confirmation::starts_with_no(input)
                && !super::mention::speaks_of(question, after_first_word(input)));
        if unclear_no && !confirmable {
            return Err(AnswerError::UnclearNo {
                input: input.to_string(),
                options: options_as_shown(question),
            });
        }
        Ok(Understood {
            value: self.value,
            // A hedged reading is a guess at how sure the person is.
            certainty: if loose {
                Certainty::Loose
            } else {
                self.certainty
            },
            sentence,
            must_check: unclear_no,
        })
    }
}

/// Typed text read as an answer the session can record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Understood {
    value: AnswerValue,
    certainty: Certainty,
    /// Read from a whole sentence, not a short answer: a reading that may
    /// be checked back before it is recorded.
    sentence: bool,
    /// A loose "no" on a safety question: recorded only once confirmed.
    must_check: bool,
}

impl Understood {
    pub fn value(&self) -> &AnswerValue {
        &self.value
    }

    pub fn into_value(self) -> AnswerValue {
        self.value
    }

    pub fn certainty(&self) -> Certainty {
        self.certainty
    }

    /// Whether the person typed an option as shown: if not, the screen shows
    /// what was recorded, so they can take it `back`.
    pub fn is_exact(&self) -> bool {
        self.certainty == Certainty::Exact
    }

    /// Whether this was read from a whole sentence ("I can pee fine"), not
    /// a short answer ("no"), nor an option as shown.
    pub fn from_sentence(&self) -> bool {
        self.sentence && !self.is_exact()
    }

    /// An answer the person settled: chosen as shown, or confirmed when it
    /// was checked back.
    pub fn settled(value: AnswerValue) -> Understood {
        Understood {
            value,
            certainty: Certainty::Exact,
            sentence: false,
            must_check: false,
        }
    }

    /// A loose "no" on a safety question, read from a sentence: it is asked
    /// back ("Just to check: No?") and never recorded unconfirmed.
    pub fn must_check(&self) -> bool {
        self.must_check
    }
}

/// A question where a wrong "no" could hide danger: a red flag (a tag that
/// `means red_flag`), or
/// one whose author sends "not sure" where "yes" goes (a screen that leads
/// to red flags, a pregnancy check).
pub fn is_safety_question(node: &Node, question: &Question) -> bool {
    if node.is_red_flag() {
        return true;
    }
    match (
        question.answer(YesNo::Yes.id()),
        question.answer(YesNo::No.id()),
        question.answer(YesNo::Unsure.id()),
    ) {
        (Some(yes), Some(no), Some(unsure)) => {
            yes.target == unsure.target && yes.target != no.target
        }
        _ => false,
    }
}

/// Whether the value is the "nothing is wrong" answer: `no`, or only the
/// "none of these" choice of a question.
pub fn says_no(question: &Question, value: &AnswerValue) -> bool {
    let none = super::choices::none_option(question).map(|i| &question.answers()[i].id);
    let is_no = |id: &str| YesNo::No.is_id(id) || none.is_some_and(|n| n == id);
    match (&question.kind, value) {
        (QuestionKind::Multiple { .. }, AnswerValue::Many(chosen)) => {
            chosen.len() == 1 && is_no(&chosen[0])
        }
        (
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. }
            | QuestionKind::Number { .. },
            AnswerValue::Choice(c),
        ) => is_no(c),
        (
            QuestionKind::YesNo { .. } | QuestionKind::Single { .. } | QuestionKind::Number { .. },
            AnswerValue::Many(_),
        )
        | (
            QuestionKind::YesNo { .. }
            | QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. }
            | QuestionKind::Number { .. },
            AnswerValue::Number(_),
        ) => false,
    }
}

/// The text after its first word: "no, but my pee's been red" → ", but my
/// pee's been red".
fn after_first_word(input: &str) -> &str {
    let input = input.trim_start();
    let end = input
        .find(|c: char| !c.is_alphanumeric() && c != '\'')
        .unwrap_or(input.len());
    &input[end..]
}
