//! Typed text reduced to the words that carry its meaning: lower case,
//! punctuation dropped (a comma is kept as a word of its own, for lists of
//! choices), contractions written one way, filler (`um`, `well`) gone, and
//! hedges (`a little`, `kind of`, `sometimes`) taken out and remembered.

/// Typed text as words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Typed {
    /// Lower-case words; `,` stands for any comma, `+`, `&` or `;`.
    pub words: Vec<String>,
    /// A hedge was taken out: "a little", "kind of", "sometimes", "I think".
    pub hedged: bool,
    /// The text ended with, or held, a question mark ("no?").
    pub asked: bool,
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
    let mut asked = false;
    let mut spaced = String::with_capacity(input.len() + 8);
    let chars: Vec<char> = input.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digit_around = |offset: isize| {
            i.checked_add_signed(offset)
                .and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_ascii_digit())
        };
        match c {
            '?' => {
                asked = true;
                spaced.push(' ');
            }
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => spaced.push('\''),
            '/' => {}
            '.' if digit_around(-1) && digit_around(1) => spaced.push('.'),
            ',' | ';' | '+' | '&' => spaced.push_str(" , "),
            // A minus sign, not a dash between words or numbers ("3-4 weeks").
            '-' if digit_around(1)
                && !i
                    .checked_sub(1)
                    .and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_alphanumeric()) =>
            {
                spaced.push('-')
            }
            c if c.is_alphanumeric() => spaced.extend(c.to_lowercase()),
            _ => spaced.push(' '),
        }
    }
    let mut words: Vec<String> = spaced
        .split_whitespace()
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(contraction)
        .filter(|w| !HESITATION.contains(&squeeze(w).as_str()))
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
    let hedged = drop_hedges(&mut words);
    drop_lead_in(&mut words);
    while words.first().is_some_and(|w| w == ",") {
        words.remove(0);
    }
    while words.last().is_some_and(|w| w == ",") {
        words.pop();
    }
    Typed {
        words,
        hedged,
        asked,
    }
}

/// Contractions typed without their apostrophe, written one way.
fn contraction(word: &str) -> String {
    let known = match word {
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
    };
    known.to_string()
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

/// Takes every hedge out of `words`; whether there was one.
fn drop_hedges(words: &mut Vec<String>) -> bool {
    let mut hedged = false;
    let mut i = 0;
    while i < words.len() {
        match HEDGES
            .iter()
            .find(|phrase| starts_with(&words[i..], phrase))
        {
            Some(phrase) => {
                words.drain(i..i + phrase.len());
                hedged = true;
            }
            None => i += 1,
        }
    }
    hedged
}

/// Whether `words` begins with `phrase`, a word at a time, repeated letters
/// forgiven ("nooo" begins with "no").
pub(super) fn starts_with(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && phrase.iter().zip(words).all(|(p, w)| same_word(w, p))
}

/// The same word, or the same word with letters held down ("noo", "yesss").
pub(super) fn same_word(typed: &str, word: &str) -> bool {
    typed == word || (typed.len() > word.len() && squeeze(typed) == squeeze(word))
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
    fn held_down_letters_are_the_same_word() {
        assert!(same_word("noooo", "no"));
        assert!(same_word("yesss", "yes"));
        assert!(!same_word("now", "no"));
        assert!(!same_word("n", "no"));
    }
}
