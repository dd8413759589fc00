//! Typed text reduced to the words that carry its meaning: lower case,
//! punctuation dropped (a comma is kept as a word of its own, for lists of
//! choices), contractions written one way, filler (`um`, `well`) gone, and
//! hedges (`a little`, `kind of`, `sometimes`) taken out and remembered.

use std::borrow::Cow;

/// Typed text as words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Typed {
    /// Lower-case words; `,` stands for any comma, `+`, `&` or `;`.
    pub words: Vec<String>,
    /// A hedge was taken out: "a little", "kind of", "sometimes", "I think".
    pub hedged: bool,
    /// The text ended with, or held, a question mark ("no?").
    pub asked: bool,
    /// Where in `words` the first hedge stood: a hedge in a later clause
    /// ("no, I've had it on and off for years") softens that clause only.
    pub hedge_at: Option<usize>,
}

impl Typed {
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// Sounds of hesitation: never part of an answer, wherever they stand.
const HESITATION: &[&str] = &["um", "uh", "er", "erm", "hm", "mm", "ah", "eh", "ehm"];

/// Words that only lead into an answer ("well, no").
const LEAD_IN: &[&[&str]] = &[
    &["i", "would", "say"],
    &["i'd", "say"],
    &["let", "me", "think"],
    &["let", "me", "see"],
    &["to", "be", "honest"],
    &["i", "mean"],
    &["well"],
    &["so"],
    &["oh"],
    &["ok"],
    &["okay"],
    &["like"],
    &["honestly"],
    &["actually"],
    &["basically"],
    &["hmm"],
    // "number 2", "option 3": the word people put before an answer's number.
    &["number"],
    &["option"],
    &["choice"],
];

/// Hedges: they soften an answer without changing which answer it is.
const HEDGES: &[&[&str]] = &[
    &["a", "little", "bit"],
    &["a", "tiny", "bit"],
    &["a", "wee", "bit"],
    &["a", "little"],
    &["a", "bit"],
    &["a", "touch"],
    &["kind", "of"],
    &["kinda"],
    &["sort", "of"],
    &["sorta"],
    &["sometimes"],
    &["occasionally"],
    &["slightly"],
    &["somewhat"],
    &["mildly"],
    &["partly"],
    &["now", "and", "then"],
    &["now", "and", "again"],
    &["on", "and", "off"],
    &["off", "and", "on"],
    &["at", "times"],
    &["from", "time", "to", "time"],
    &["more", "or", "less"],
    &["i", "think"],
    &["i", "guess"],
    &["i", "suppose"],
    &["i", "believe"],
    &["i", "reckon"],
    &["probably"],
    &["likely"],
];

/// Reads typed text into words.
pub(super) fn normalise(input: &str) -> Typed {
    let (words, asked) = tokens(input);
    let mut words: Vec<String> = words
        .into_iter()
        .filter(|w| !HESITATION.iter().any(|h| same_word(w, h)))
        .collect();
    // "I can't really tell" is "I can't tell"; "not really" stays a soft no.
    let mut i = 1;
    while i < words.len() {
        if matches!(words[i].as_str(), "really" | "honestly" | "truly") && words[i - 1] != "not" {
            words.remove(i);
        } else {
            i += 1;
        }
    }
    drop_lead_in(&mut words);
    let hedge_at = drop_hedges(&mut words);
    let hedged = hedge_at.is_some();
    let before = words.len();
    drop_lead_in(&mut words);
    while words.first().is_some_and(|w| w == ",") {
        words.remove(0);
    }
    let hedge_at = hedge_at.map(|at| at.saturating_sub(before - words.len()));
    while words.last().is_some_and(|w| w == ",") {
        words.pop();
    }
    Typed {
        words,
        hedged,
        asked,
        hedge_at,
    }
}

/// Text as lower-case words, punctuation dropped, a comma (or `+`, `&`, `;`)
/// kept as a word of its own, contractions written one way; and whether a
/// question mark was typed. Nothing is taken out: an option's own words are
/// read this way.
pub(super) fn tokens(input: &str) -> (Vec<String>, bool) {
    let mut asked = false;
    let mut words = Vec::new();
    let mut word = String::new();
    // Each word's own string is kept (moved, not copied) unless a quote
    // around it or a contraction changes it: this runs for every option.
    let flush = |word: &mut String, words: &mut Vec<String>| {
        let taken = std::mem::take(word);
        let trimmed = taken.trim_matches('\'');
        if trimmed.is_empty() {
            return;
        }
        let written = contraction(trimmed);
        if written != trimmed {
            words.push(written.to_string());
        } else if trimmed.len() == taken.len() {
            words.push(taken);
        } else {
            words.push(trimmed.to_string());
        }
    };
    let mut chars = input.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let digit_next = chars.peek().is_some_and(|n| n.is_ascii_digit());
        let digit_before = previous.is_some_and(|p| p.is_ascii_digit());
        let letter_before = previous.is_some_and(|p| p.is_alphanumeric());
        match c {
            '?' => {
                asked = true;
                flush(&mut word, &mut words);
            }
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => word.push('\''),
            '/' => {}
            '.' if digit_before && digit_next => word.push('.'),
            ',' | ';' | '+' | '&' => {
                flush(&mut word, &mut words);
                words.push(",".to_string());
            }
            // A minus sign, not a dash between words or numbers ("3-4 weeks").
            '-' if digit_next && !letter_before => word.push('-'),
            c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
            _ => flush(&mut word, &mut words),
        }
        previous = Some(c);
    }
    flush(&mut word, &mut words);
    (words, asked)
}

/// An option's text as words, like [`tokens`], but borrowing every word
/// that is already lower case from the text: options are read afresh for
/// every answer, and most of their words need no copy.
pub(super) fn option_words(text: &str) -> Vec<Cow<'_, str>> {
    let mut words = Vec::new();
    fn push<'t>(word: &'t str, words: &mut Vec<Cow<'t, str>>) {
        let word = word.trim_matches(|c| matches!(c, '\'' | '\u{2019}' | '\u{2018}'));
        if word.is_empty() {
            return;
        }
        let plain = word
            .chars()
            .all(|c| !c.is_uppercase() && !matches!(c, '\u{2019}' | '\u{2018}'));
        if plain {
            let written = contraction(word);
            words.push(if written.len() == word.len() {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(written.to_string())
            });
        } else {
            let lower: String = word
                .chars()
                .map(|c| {
                    if matches!(c, '\u{2019}' | '\u{2018}') {
                        '\''
                    } else {
                        c
                    }
                })
                .flat_map(char::to_lowercase)
                .collect();
            words.push(Cow::Owned(contraction(&lower).to_string()));
        }
    }
    let mut start: Option<usize> = None;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let digit_next = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let digit_before = previous.is_some_and(|p| p.is_ascii_digit());
        let in_word = c.is_alphanumeric()
            || matches!(c, '\'' | '\u{2019}' | '\u{2018}')
            || (c == '.' && digit_before && digit_next);
        if in_word {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                push(&text[s..i], &mut words);
            }
            if matches!(c, ',' | ';' | '+' | '&') {
                words.push(Cow::Borrowed(","));
            }
        }
        previous = Some(c);
    }
    if let Some(s) = start {
        push(&text[s..], &mut words);
    }
    words
}

/// Contractions typed without their apostrophe, written one way.
fn contraction(word: &str) -> &str {
    match word {
        "dont" => "don't",
        "doesnt" => "doesn't",
        "didnt" => "didn't",
        "cant" => "can't",
        "wont" => "won't",
        "isnt" => "isn't",
        "arent" => "aren't",
        "wasnt" => "wasn't",
        "werent" => "weren't",
        "havent" => "haven't",
        "hasnt" => "hasn't",
        "hadnt" => "hadn't",
        "im" => "i'm",
        "ive" => "i've",
        "its" => "it's",
        "thats" => "that's",
        "couldnt" => "couldn't",
        "wouldnt" => "wouldn't",
        "shouldnt" => "shouldn't",
        other => other,
    }
}

fn drop_lead_in(words: &mut Vec<String>) {
    loop {
        while words.first().is_some_and(|w| w == ",") {
            words.remove(0);
        }
        match LEAD_IN
            .iter()
            .find(|phrase| starts_with(words, phrase) && words.len() > phrase.len())
        {
            Some(phrase) => {
                words.drain(..phrase.len());
            }
            None => return,
        }
    }
}

/// Takes every hedge out of `words`; where the first one was.
fn drop_hedges(words: &mut Vec<String>) -> Option<usize> {
    let mut hedged = None;
    let mut i = 0;
    while i < words.len() {
        match HEDGES
            .iter()
            .find(|phrase| starts_with(&words[i..], phrase))
        {
            Some(phrase) => {
                words.drain(i..i + phrase.len());
                hedged.get_or_insert(i);
            }
            None => i += 1,
        }
    }
    hedged
}

/// Whether `words` begins with `phrase`, a word at a time, repeated letters
/// forgiven ("nooo" begins with "no").
pub(super) fn starts_with<S: AsRef<str>>(words: &[S], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && phrase
            .iter()
            .zip(words)
            .all(|(p, w)| same_word(w.as_ref(), p))
}

/// The same word, or the same word with letters held down ("noo", "yesss").
pub(super) fn same_word(typed: &str, word: &str) -> bool {
    // Most comparisons part at the first letter: look at it before the rest.
    typed.as_bytes().first() == word.as_bytes().first()
        && (typed == word || (typed.len() > word.len() && squeezed_eq(typed, word)))
}

/// Whether two words are the same with runs of a letter squeezed, without
/// building either: this runs for every word against every phrase.
pub(super) fn squeezed_eq(a: &str, b: &str) -> bool {
    fn squeezed(s: &str) -> impl Iterator<Item = char> + '_ {
        let mut last = None;
        s.chars().filter(move |&c| {
            let keep = Some(c) != last || c.is_ascii_digit();
            last = Some(c);
            keep
        })
    }
    squeezed(a).eq(squeezed(b))
}

/// Runs of a repeated letter squeezed to one: "yesss" -> "yes", "knee" -> "kne".
pub(super) fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last || c.is_ascii_digit() {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        normalise(text).text()
    }

    #[test]
    fn case_punctuation_and_apostrophes() {
        assert_eq!(words("  No!!  "), "no");
        assert_eq!(words("I DONT know."), "i don't know");
        assert_eq!(words("I’m 35"), "i'm 35");
        assert_eq!(words("1,3"), "1 , 3");
        assert_eq!(words("sitting+bending"), "sitting , bending");
        assert_eq!(words("1.5 years"), "1.5 years");
        assert_eq!(words("35 y/o"), "35 yo");
    }

    #[test]
    fn filler_goes_and_hedges_are_remembered() {
        assert_eq!(words("um, well, no"), "no");
        assert_eq!(words("ummm no"), "no");
        let hedged = normalise("kind of, a little bit");
        assert!(hedged.hedged);
        assert!(hedged.words.is_empty());
        assert!(!normalise("no").hedged);
        assert!(normalise("no?").asked);
    }

    #[test]
    fn the_word_before_an_answer_number_goes() {
        assert_eq!(words("number 1"), "1");
        assert_eq!(words("option 3"), "3");
        // Alone, it is what was typed.
        assert_eq!(words("number"), "number");
    }

    #[test]
    fn held_down_letters_are_the_same_word() {
        assert!(same_word("noooo", "no"));
        assert!(same_word("yesss", "yes"));
        assert!(!same_word("now", "no"));
        assert!(!same_word("n", "no"));
    }
}
