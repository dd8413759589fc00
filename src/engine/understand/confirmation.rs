//! Reading the reply to a check-back ("I understood “No”. Is that right?")
//! and telling a whole sentence from a short answer.
//!
//! A check-back is settled only by a plain yes or a plain no: anything else
//! (a hedge, a question, a sentence) is not taken as settling it, so the
//! session reads it afresh as the answer to the question.

use super::normalise::{normalise, same_word};

/// Words of a reply that says the reading was right ("yes, that's right").
const RIGHT: &[&str] = &[
    "yes", "y", "yeah", "yea", "yep", "yup", "aye", "right", "correct", "exactly", "true",
    "that's", "that", "is", "it", "it's", "spot", "on", "sure",
];

/// Words a reply starts with when it says the reading was right.
const RIGHT_FIRST: &[&str] = &[
    "yes", "y", "yeah", "yea", "yep", "yup", "aye", "right", "correct", "exactly", "true",
    "that's", "that", "it's", "it",
];

/// Words that say the reading was wrong, wherever they stand: "no, that's
/// wrong, I can't pee at all" is asked again, never read as its "no".
const WRONG: &[&str] = &["wrong", "incorrect", "mistake", "misunderstood", "misread"];

/// Words of a short reply that says the reading was wrong ("no, it isn't").
const NOT_RIGHT: &[&str] = &[
    "no", "n", "nope", "nah", "not", "that's", "that", "is", "isn't", "it", "it's", "right",
    "correct", "at", "all", "quite",
];

/// Words that only make a yes or a no firmer: they do not make a short
/// answer a sentence ("no, not at all", "yes definitely").
const FIRMER: &[&str] = &[
    "yes",
    "y",
    "yeah",
    "yep",
    "yup",
    "no",
    "nope",
    "nah",
    "not",
    "at",
    "all",
    "never",
    "none",
    "nothing",
    "definitely",
    "absolutely",
    "certainly",
    "of",
    "course",
    "thanks",
    "thank",
    "you",
    "sure",
    "really",
    "i",
    "don't",
    "do",
    "haven't",
    "have",
    "am",
    "i'm",
];

/// The reply to a check-back: `Some(true)` it was right, `Some(false)` it
/// was wrong, `None` neither plainly (read the text as an answer instead).
pub fn confirms(input: &str) -> Option<bool> {
    let typed = normalise(input);
    if typed.asked {
        return None;
    }
    let words: Vec<&str> = (typed.words.iter())
        .map(String::as_str)
        .filter(|w| *w != ",")
        .collect();
    let all_in = |set: &[&str]| words.iter().all(|w| set.iter().any(|s| same_word(w, s)));
    let first_in =
        |set: &[&str]| (words.first()).is_some_and(|first| set.iter().any(|s| same_word(first, s)));
    if words.iter().any(|w| WRONG.iter().any(|s| same_word(w, s))) {
        return Some(false);
    }
    if typed.hedged || words.is_empty() {
        return None;
    }
    if first_in(RIGHT_FIRST) && all_in(RIGHT) {
        return Some(true);
    }
    // "no", "not right", "no it isn't": but "not really" is a hedge.
    let says_not = words
        .iter()
        .any(|w| ["no", "n", "nope", "nah", "not", "isn't"].contains(w));
    if says_not && all_in(NOT_RIGHT) {
        return Some(false);
    }
    None
}

/// Whether typed text is a sentence rather than a short answer: three or
/// more words beyond those that only make a yes or a no firmer. "I can pee
/// fine" is a sentence; "no, not at all" is a short answer.
pub fn is_whole_sentence(input: &str) -> bool {
    let typed = normalise(input);
    (typed.words.iter())
        .filter(|w| *w != "," && !FIRMER.iter().any(|f| same_word(w, f)))
        .count()
        >= 3
}

/// Whether the first word is a "no" ("no, but my pee's been red").
pub fn starts_with_no(input: &str) -> bool {
    let typed = normalise(input);
    (typed.words.first())
        .is_some_and(|first| ["no", "nope", "nah"].iter().any(|n| same_word(first, n)))
}

/// Whether a sentence starts with a plain "no" and has no second clause to
/// take it back or add to it: "no, I have no trouble at all with my
/// bladder" says no as surely as "no"; "no, but my pee's been red" does not.
pub fn plainly_no(input: &str) -> bool {
    let typed = normalise(input);
    let starts = (typed.words.first()).is_some_and(|first| {
        ["no", "nope", "nah", "never"]
            .iter()
            .any(|n| same_word(first, n))
    });
    let turns = typed.words.iter().any(|w| {
        [
            "but", "though", "although", "except", "apart", "however", "besides", "only",
        ]
        .iter()
        .any(|t| same_word(w, t))
    });
    starts && !turns && !typed.hedged && !typed.asked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_replies_settle_a_check_back() {
        for right in [
            "yes",
            "Yeah.",
            "that's right",
            "Yes, that's right",
            "correct",
            "yes it is",
            "yep that's it",
        ] {
            assert_eq!(confirms(right), Some(true), "{right}");
        }
        for wrong in [
            "no",
            "Nope",
            "that's wrong",
            "no, that's not right",
            "no that is wrong",
            "wrong",
            "no, that's wrong, I can't pee at all",
            "no it isn't",
            "no, not at all",
            "not quite",
        ] {
            assert_eq!(confirms(wrong), Some(false), "{wrong}");
        }
    }

    #[test]
    fn anything_else_is_read_as_an_answer() {
        for other in [
            "yes?",
            "I think so",
            "no, I do have trouble peeing",
            "not sure",
            "yes I can't feel anything",
            "",
        ] {
            assert_eq!(confirms(other), None, "{other}");
        }
    }

    #[test]
    fn a_plain_no_is_told_from_a_no_with_more_to_it() {
        assert!(plainly_no("no, I have no trouble at all with my bladder"));
        assert!(plainly_no("Nope, never had anything like that"));
        for not_plain in [
            "no, but my pee's been red",
            "no, only when I sneeze",
            "I can pee fine",
            "no?",
            "no, I think it's fine",
        ] {
            assert!(!plainly_no(not_plain), "{not_plain}");
        }
    }

    #[test]
    fn sentences_are_told_from_short_answers() {
        for sentence in [
            "I can pee fine",
            "no, but my pee's been red",
            "just the one leg",
            "lying on my side is ok",
        ] {
            assert!(is_whole_sentence(sentence), "{sentence}");
        }
        for short in [
            "no",
            "no, not at all",
            "nope never",
            "yes definitely",
            "I don't",
        ] {
            assert!(!is_whole_sentence(short), "{short}");
        }
    }
}
