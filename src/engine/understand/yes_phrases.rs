//! The author's own words for yes, said whole in a sentence: "I can't feel
//! anything when I wipe" holds "can't feel when I wipe"; "my daughter says
//! I'm not making sense" holds "not making sense". A phrase that itself
//! holds a denial is the symptom, so the sentence's negations cannot read
//! it; it is found here, in the person's own clause, undenied.

use super::normalise::{same_word, tokens};
use super::sentence::{denied_before, names_someone_else_first};
use crate::compile::{Question, YesNo};

/// How many words may stand between two words of a phrase ("can't feel
/// anything when I wipe").
const GAP: usize = 2;

/// Words of a phrase for yes that tell nothing alone ("down", "can't"): they
/// are not read as the question's words outside the whole phrase.
const WEAK: &[&str] = &[
    "down",
    "up",
    "below",
    "off",
    "anything",
    "something",
    "myself",
    "can't",
    "cannot",
    "not",
    "no",
    "never",
    "don't",
];

/// Whether a word of a phrase for yes tells nothing alone.
pub(super) fn is_weak(word: &str) -> bool {
    WEAK.contains(&word)
}

/// Whether the words say one of the author's phrases for yes (two words or
/// more), in a clause of the person's own, with no denial before it.
pub(super) fn says_yes_phrase(question: &Question, words: &[String]) -> bool {
    let Some(yes) = question.answer(YesNo::Yes.id()) else {
        return false;
    };
    let is_no = |w: &String| ["no", "nope", "nah", "n"].iter().any(|n| same_word(w, n));
    // "no, I can't feel any difference": a no leads; the no readers decide.
    // Unless the no is the phrase's own first word: "no comfortable
    // position at all" says the phrase "no position", the symptom.
    let no_leads = words.first().is_some_and(is_no);
    yes.synonyms.iter().any(|synonym| {
        let phrase = tokens(synonym).0;
        if no_leads {
            return phrase.len() >= 2
                && phrase.first().is_some_and(is_no)
                && words.get(1).is_some_and(|w| w != ",")
                && matches_at(&phrase, words, 0);
        }
        phrase.len() >= 2
            && (0..words.len()).any(|start| {
                matches_at(&phrase, words, start)
                    && !denied_before(words, start)
                    && !names_someone_else_first(words, start)
            })
    })
}

/// Whether the phrase starts at `start`, its words in order within one
/// clause, at most [`GAP`] others between two of them.
fn matches_at(phrase: &[String], words: &[String], start: usize) -> bool {
    if !same_word(&words[start], &phrase[0]) {
        return false;
    }
    let mut at = start;
    for part in &phrase[1..] {
        let found = words[at + 1..]
            .iter()
            .take(GAP + 1)
            .take_while(|w| *w != ",")
            .position(|w| same_word(w, part));
        match found {
            Some(offset) => at += offset + 1,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        super::super::normalise::normalise(text).words
    }

    fn phrase(text: &str, wanted: &str) -> bool {
        let phrase = tokens(wanted).0;
        let words = words(text);
        (0..words.len()).any(|i| matches_at(&phrase, &words, i))
    }

    #[test]
    fn a_phrase_may_have_a_word_or_two_inside() {
        assert!(phrase(
            "I can't feel anything when I wipe",
            "can't feel when I wipe"
        ));
        assert!(phrase("cant feel when i wipe", "can't feel when I wipe"));
        assert!(!phrase(
            "I can feel it when I wipe",
            "can't feel when I wipe"
        ));
        // Not across a comma, nor far apart.
        assert!(!phrase(
            "I can't, feel when I wipe",
            "can't feel when I wipe"
        ));
        assert!(!phrase(
            "can't say I really truly ever feel it",
            "can't feel"
        ));
    }

    #[test]
    fn a_phrase_is_read_only_when_it_is_the_persons_and_not_denied() {
        let flow = crate::compile::compile(&crate::source::KnowledgeSource::embedded())
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let confusion = flow
            .question(flow.find("confusion").expect("shipped"))
            .expect("a question");
        assert!(says_yes_phrase(confusion, &words("I'm not making sense")));
        assert!(!says_yes_phrase(
            confusion,
            &words("my mum is not making sense")
        ));
        assert!(!says_yes_phrase(
            confusion,
            &words("I don't think I'm not making sense")
        ));
        assert!(!says_yes_phrase(
            confusion,
            &words("no, I'm not making sense of it")
        ));
    }
}
