//! What a question asks about in the negative: "unable to pee", "you have
//! not been dieting", "will not settle", "without trying". Denying one of
//! these agrees with a yes ("I haven't peed all day", "I'm not dieting",
//! "nothing settles it"), where denying any other word of the question is a
//! no. Sentences that tell how to answer ("If you have not noticed any
//! change, the answer is no") are instructions, not what is asked.

use super::normalise::tokens;
use super::words::is_stopword;

/// Words that deny what follows them in a question.
const TRIGGERS: &[&str] = &[
    "not", "no", "never", "without", "unable", "can't", "cannot", "don't", "doesn't", "won't",
    "haven't", "hasn't",
];

/// How far after a trigger its word may stand: "not been dieting", "unable
/// to pee", but not "not getting worse: is a leg ...".
const REACH: usize = 2;

/// The words a question asks about in the negative.
pub(super) fn against(ask: &str) -> Vec<String> {
    let mut found = Vec::new();
    for sentence in ask.split(['.', '?', '!']) {
        if sentence.to_lowercase().contains("the answer is") {
            continue;
        }
        let words = tokens(sentence).0;
        for (i, word) in words.iter().enumerate() {
            if !TRIGGERS.contains(&word.as_str()) {
                continue;
            }
            if let Some(denied) = words[i + 1..]
                .iter()
                .take(REACH)
                .take_while(|w| *w != ",")
                .find(|w| !is_stopword(w) && !TRIGGERS.contains(&w.as_str()))
            {
                found.push(denied.clone());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_question_asks_in_the_negative() {
        assert_eq!(
            against("Have you been unable to pee when you need to?"),
            ["pee"]
        );
        assert_eq!(
            against("Your clothes feel loose but you have not been dieting."),
            ["dieting"]
        );
        assert_eq!(
            against("Does it wake you at night and not settle?"),
            ["settle"]
        );
        // Too far from its trigger: "worse" is not what is denied here.
        assert!(against("Even if it is not getting worse: is a leg weak?").is_empty());
        // How to answer is not what is asked.
        assert!(against("If you have not noticed any change, the answer is no.").is_empty());
        assert!(against("Do you have a fever?").is_empty());
    }
}
