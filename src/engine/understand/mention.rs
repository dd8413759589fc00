//! What a sentence says besides its answer: "no, but my pee's been red"
//! answers the question asked and mentions a finding another question asks
//! about. The reader finds the words said besides the answer; whether they
//! speak of another question's topic is asked here, question by question.

use super::normalise::tokens;
use super::sentence;
use super::words::{content_words, is_stopword, same_stem};
use crate::compile::Question;

/// Words that open what is said besides the answer.
const BESIDES: &[&str] = &[
    "but", "though", "although", "also", "plus", "however", "and",
];

/// The words after the answer: what follows "but", "though", "also" ...
/// (`None` when nothing follows one).
pub fn said_besides(input: &str) -> Option<String> {
    let (words, _) = tokens(input);
    let at = words.iter().position(|w| BESIDES.contains(&w.as_str()))?;
    let rest: Vec<&str> = (words[at + 1..].iter())
        .map(String::as_str)
        .filter(|w| *w != ",")
        .collect();
    (rest.len() >= 2).then(|| rest.join(" "))
}

/// Whether `text` speaks of what `question` asks about: a word of the
/// question as asked or of its answers' other words, said and not denied.
/// (Not its clinical wording: "red" would meet "reduced sensation".)
pub fn speaks_of(question: &Question, text: &str) -> bool {
    sentence::affirms_any(&words_of(text), &asked_words(question))
}

/// How many of the words of `text` the question's words share: which of
/// several questions a mention speaks of most ("my pee's been red" shares
/// "pee" with three questions and "red" with the one on blood in the pee).
pub fn words_shared(question: &Question, text: &str) -> usize {
    let asked = asked_words(question);
    (words_of(text).iter())
        .filter(|w| !is_stopword(w) && asked.iter().any(|a| same_stem(w, a)))
        .count()
}

/// The question as asked, and its answers' other words (not those for no).
fn asked_words(question: &Question) -> Vec<String> {
    let mut asked = content_words(&question.ask);
    for answer in question.answers() {
        if !crate::compile::YesNo::No.is_id(&answer.id) {
            for synonym in &answer.synonyms {
                asked.extend(content_words(synonym));
            }
        }
    }
    asked
}

/// The words of typed text, a possessive "'s" taken off: "my pee's been
/// red" speaks of "pee".
fn words_of(text: &str) -> Vec<String> {
    let (words, _) = tokens(text);
    (words.into_iter())
        .map(|w| match w.strip_suffix("'s") {
            Some(base) if base.len() >= 2 => base.to_string(),
            _ => w,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_after_but_are_said_besides_the_answer() {
        assert_eq!(
            said_besides("no, but my pee's been red").as_deref(),
            Some("my pee's been red")
        );
        assert_eq!(
            said_besides("No. Though I have lost a lot of weight").as_deref(),
            Some("i have lost a lot of weight")
        );
        assert_eq!(said_besides("no"), None);
        assert_eq!(said_besides("no, but"), None);
        assert_eq!(said_besides("I can pee fine"), None);
    }
}
