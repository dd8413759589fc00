//! Speaking of the person in pain when someone else answers for them: the
//! knowledge is written to "you"; once the answers say another person is
//! answering (a fact that `means someone_else`), every text of the
//! knowledge shown (questions, why, results, advice) says "they", "them",
//! "their" instead. English makes this regular: singular "they" takes the
//! same verb forms as "you" ("you are" → "they are", "have you" → "have
//! they"); only subject and object differ ("they" and "them").

use std::borrow::Cow;

use crate::compile::{AnswerValue, Question};
use crate::engine::Session;

/// `text` as the session should say it: unchanged for the person in pain,
/// in the third person for someone answering for them.
pub fn addressed<'t>(session: &Session, text: &'t str) -> Cow<'t, str> {
    if session.for_someone_else() {
        Cow::Owned(to_them(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// The words of the answer given, as the session should say them: "They
/// have cancer now, ..." when someone answers for the person.
pub fn said_words(session: &Session, question: &Question, value: &AnswerValue) -> String {
    addressed(session, &super::answer_words(question, value)).into_owned()
}

/// Words after which "you" is the subject of what follows ("if you feel",
/// "do you have"); elsewhere it is the object ("stay with you").
const SUBJECT_AFTER: &[&str] = &[
    "do", "does", "did", "have", "has", "had", "are", "were", "can", "could", "will", "would",
    "should", "shall", "may", "might", "must", "if", "when", "whenever", "that", "until", "unless",
    "while", "because", "so", "and", "or", "but", "before", "after", "since", "where", "as",
    "than", "though", "although", "once", "how", "what", "why", "whether", "now", "then",
];

/// Words before which "you" is the subject ("which of these you have").
const VERB_AFTER: &[&str] = &[
    "have", "had", "are", "were", "feel", "felt", "get", "got", "can", "can't", "cannot", "could",
    "do", "don't", "did", "didn't", "need", "want", "see", "saw", "take", "took", "may", "might",
    "will", "would", "should", "must", "lie", "sit", "stand", "walk", "move", "wake", "notice",
    "noticed", "think", "know", "go", "went", "lost", "lose", "fell", "fall", "bend", "lift",
    "ever", "still", "also", "often", "usually", "never", "already", "only", "just",
];

/// The text with "you" and its forms in the third person.
pub fn to_them(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut previous = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .unwrap_or(rest.len());
        if word_len == 0 {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            if !c.is_whitespace() {
                previous = c.to_string();
            }
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = &rest[..word_len];
        let after = &rest[word_len..];
        let next = after
            .trim_start_matches(' ')
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .next()
            .unwrap_or("")
            .to_lowercase();
        out.push_str(&replace_word(word, &previous, &next));
        previous = word.to_lowercase();
        rest = &rest[word_len..];
    }
    out
}

fn replace_word<'w>(word: &'w str, previous: &str, next: &str) -> Cow<'w, str> {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    let them = match lower.as_str() {
        "you" => {
            let starts = previous.is_empty() || [".", "?", "!", ":", "(", "\""].contains(&previous);
            if starts || SUBJECT_AFTER.contains(&previous) || VERB_AFTER.contains(&next) {
                "they"
            } else {
                "them"
            }
        }
        "your" => "their",
        "yours" => "theirs",
        "yourself" | "yourselves" => "themselves",
        "you're" => "they're",
        "you've" => "they've",
        "you'd" => "they'd",
        "you'll" => "they'll",
        _ => return Cow::Borrowed(word),
    };
    if word.starts_with(|c: char| c.is_uppercase()) {
        let mut chars = them.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        Cow::Owned(first.unwrap_or_default() + chars.as_str())
    } else {
        Cow::Borrowed(them)
    }
}

#[cfg(test)]
mod tests {
    use super::to_them;

    #[test]
    fn you_becomes_they_or_them_as_english_says_it() {
        let cases = [
            ("Do you have a fever?", "Do they have a fever?"),
            (
                "Is the skin around your bottom numb?",
                "Is the skin around their bottom numb?",
            ),
            (
                "Ask someone to stay with you until help arrives.",
                "Ask someone to stay with them until help arrives.",
            ),
            (
                "Call emergency services now if you feel very unwell.",
                "Call emergency services now if they feel very unwell.",
            ),
            (
                "You are not alone; you've done well.",
                "They are not alone; they've done well.",
            ),
            ("Look after yourself.", "Look after themselves."),
            ("Has anyone told you that?", "Has anyone told them that?"),
            ("Your back, not yours.", "Their back, not theirs."),
            ("A youth club is fine.", "A youth club is fine."),
            (
                "Say which of these you have, or may have.",
                "Say which of these they have, or may have.",
            ),
            ("This will help you.", "This will help them."),
        ];
        for (you, them) in cases {
            assert_eq!(to_them(you), them, "{you}");
        }
    }
}
