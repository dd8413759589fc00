//! Comparing words: the words that carry meaning, one word for its plural
//! and its held-down letters, and a slip of one key.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::normalise::{squeeze, tokens};

/// Words too common to tell one answer from another.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "my", "your", "our", "his", "her", "their", "i", "i'm", "i've", "i'd", "me",
    "you", "it", "it's", "its", "is", "was", "are", "were", "be", "been", "am", "and", "or", "of",
    "in", "on", "to", "at", "for", "with", "from", "by", "that", "this", "these", "those", "there",
    "here", "when", "if", "so", "do", "does", "did", "have", "has", "had", "get", "gets", "got",
    "very", "really", "quite", "just", "also", "too", "then", "than", "as", "out", "about", "into",
    "onto", "some", "any", "much", "more", "most", "like", "feel", "feels", "felt", "pain",
    "painful", "hurts", "hurt", "sore", "one", "ones", "thing", "things", "yes", "can", "could",
    "would", "will", "what", "which", "how", "all", "apply", "choose", "ever", "been", "them",
    "they", "s", "t", "pains", "aches", "ache", "bad", "worse", "makes", "make", "where", "go",
    "goes", "going", "getting", "slowly", "still", "now", "time", "long", "while", "back",
    "either", "both", "kills", "killing", "agony",
];

pub(super) fn is_stopword(word: &str) -> bool {
    // Asked for every word of every option: a set, not a scan of the list.
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(word)
}

/// The words of a text that carry meaning, normalised.
pub(super) fn content_words(text: &str) -> Vec<String> {
    normalise_plain(text)
        .into_iter()
        .filter(|w| w != "," && !is_stopword(w))
        .collect()
}

/// Text as lower-case words, hedges and filler kept: an option's own words.
pub(super) fn normalise_plain(text: &str) -> Vec<String> {
    tokens(text).0
}

/// The same word, allowing a plural, held-down letters and a shared stem
/// ("numb" and "numbness", "tingly" and "tingling", "leg" and "legs").
pub(super) fn same_stem(typed: &str, word: &str) -> bool {
    if typed == word {
        return true;
    }
    // Every way below keeps the first letter: most pairs part there.
    if typed.as_bytes().first() != word.as_bytes().first() {
        return false;
    }
    let (a, b) = (squeeze(typed), squeeze(word));
    if a == b || (stem(&a).len() >= 3 && stem(&a) == stem(&b)) {
        return true;
    }
    // "pee" squeezes to "pe", too short to share a stem: "peed" is read
    // against the words as typed.
    let (a, b) = if a.len().min(b.len()) < 3 {
        (typed.to_string(), word.to_string())
    } else {
        (a, b)
    };
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() < 3 || !short.is_ascii() || !long.is_ascii() {
        return false;
    }
    let common = short
        .bytes()
        .zip(long.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    let needed = if short.len() <= 4 {
        short.len()
    } else {
        (short.len() * 4).div_ceil(5).max(4)
    };
    common >= needed && (long.len() - common) <= 5
}

/// A word without its common endings, twice at most: "moving", "move" and
/// "movement" -> "mov"; "resting" -> "rest".
fn stem(word: &str) -> &str {
    const ENDINGS: &[&str] = &["ment", "ness", "ing", "ed", "es", "ly", "s", "e", "y"];
    let mut stem = word;
    for _ in 0..2 {
        match ENDINGS
            .iter()
            .find(|e| stem.len() > e.len() + 2 && stem.ends_with(*e))
        {
            Some(ending) => stem = &stem[..stem.len() - ending.len()],
            None => break,
        }
    }
    stem
}

/// One slip of a key away (two for long words); short words need to match.
pub(super) fn close_to(typed: &str, word: &str) -> bool {
    let longest = typed.chars().count().max(word.chars().count());
    let allowed = match longest {
        0..=1 => 0,
        2..=7 => 1,
        _ => 2,
    };
    let shortest = typed.chars().count().min(word.chars().count());
    allowed > 0
        && longest - shortest <= allowed
        && typed != word
        && strsim::osa_distance(typed, word) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert!(same_stem("numbness", "numb"));
        assert!(same_stem("tingling", "tingly"));
        assert!(same_stem("legs", "leg"));
        assert!(same_stem("fainted", "fainted"));
        assert!(!same_stem("feet", "feel"));
        assert!(!same_stem("no", "not"));
        assert!(same_stem("moving", "movement"));
        assert!(same_stem("resting", "rest"));
        assert!(same_stem("peed", "pee"));
        assert!(!same_stem("pen", "pee"));
    }

    #[test]
    fn slips() {
        assert!(close_to("yse", "yes"));
        assert!(close_to("sittign", "sitting"));
        assert!(!close_to("calf", "half_"));
        assert!(!close_to("no", "no"));
    }
}
