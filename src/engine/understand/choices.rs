//! Choosing among a question's options by their own words and the author's
//! synonyms: `into my calf`, `sitting and bending`, `1 and 3`, `the second
//! one`, `none of them`. A typo is forgiven only where exactly one option is
//! close to it.

use super::answer_error::AnswerError;
use super::decision::{Certainty, Reading};
use super::normalise::{Typed, normalise, same_word, starts_with};
use super::words::{close_to, content_words, is_stopword, normalise_plain, same_stem};
use crate::compile::{Answer, AnswerValue, Form, Question};

/// The option at this index, as a reading.
fn pick(question: &Question, index: usize, certainty: Certainty) -> Reading {
    let id = question.answers[index].id.clone();
    let value = match question.form {
        Form::Multiple => AnswerValue::Many(vec![id]),
        _ => AnswerValue::Choice(id),
    };
    Reading::new(value, certainty)
}

/// An option as shown, typed: its id as written, its number, or its words.
pub(super) fn exact(question: &Question, input: &str, typed: &Typed) -> Option<Reading> {
    let input = input.trim();
    if let Some(i) = question.answers.iter().position(|a| a.id == input) {
        return Some(pick(question, i, Certainty::Exact));
    }
    if let [word] = &typed.words[..]
        && let Ok(number) = word.parse::<usize>()
        && (1..=question.answers.len()).contains(&number)
    {
        return Some(pick(question, number - 1, Certainty::Exact));
    }
    let text = typed.text();
    let i = question.answers.iter().position(|a| {
        normalise(&a.label).text() == text || normalise(&a.id.replace('_', " ")).text() == text
    })?;
    Some(pick(question, i, Certainty::Exact))
}

/// The author's synonyms, said as written ("calf", "blood thinners").
pub(super) fn synonym(question: &Question, typed: &Typed) -> Option<Reading> {
    // "just in my back" says the synonym "just my back".
    let bare = |words: &[String]| -> Vec<String> {
        words
            .iter()
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "in" | "my"
                        | "the"
                        | "a"
                        | "an"
                        | "on"
                        | "at"
                        | "of"
                        | "to"
                        | "your"
                        | "it's"
                        | "its"
                        | "it"
                        | "is"
                )
            })
            .cloned()
            .collect()
    };
    let text = typed.text();
    let typed_bare = bare(&typed.words);
    let found: Vec<usize> = (0..question.answers.len())
        .filter(|&i| {
            question.answers[i].synonyms.iter().any(|s| {
                let synonym = normalise(s);
                synonym.text() == text
                    || (!typed_bare.is_empty() && bare(&synonym.words) == typed_bare)
            })
        })
        .collect();
    match found[..] {
        [one] => Some(pick(question, one, Certainty::Clear)),
        _ => None,
    }
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// `the second one`, `option 2`, `number 3`, `the last one`.
pub(super) fn ordinal(question: &Question, typed: &Typed) -> Option<Reading> {
    let words: Vec<&str> = typed
        .words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !matches!(
                *w,
                "the" | "one" | "option" | "number" | "answer" | "no" | "choice" | "it's" | "its"
            )
        })
        .collect();
    let [word] = words[..] else {
        return None;
    };
    let n = question.answers.len();
    let index = if word == "last" {
        n.checked_sub(1)?
    } else if let Some(i) = ORDINALS.iter().position(|o| *o == word) {
        i
    } else {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        if !matches!(suffix, "st" | "nd" | "rd" | "th" | "") || typed.words.len() < 2 {
            return None;
        }
        digits.parse::<usize>().ok()?.checked_sub(1)?
    };
    (index < n).then(|| pick(question, index, Certainty::Clear))
}

/// "not sure", "I can't say" to a question with an option that says so
/// ("Somewhere else, or I cannot say", synonyms "not sure").
pub(super) fn unsure_option(question: &Question, typed: &Typed) -> Option<Reading> {
    let unsure = |words: &[String]| super::yes_no::says_unsure(words);
    if !unsure(&typed.words) {
        return None;
    }
    let holds = |answer: &Answer| {
        let label = normalise(&answer.label).words;
        (0..label.len()).any(|i| unsure(&label[i..]))
            || answer.synonyms.iter().any(|s| unsure(&normalise(s).words))
    };
    let found: Vec<usize> = (0..question.answers.len())
        .filter(|&i| holds(&question.answers[i]))
        .collect();
    match found[..] {
        [one] => Some(pick(question, one, Certainty::Clear)),
        _ => None,
    }
}

/// Words that mean "none of these".
const NONE_WORDS: &[&[&str]] = &[
    &["none", "of", "them"],
    &["none", "of", "these"],
    &["none", "of", "those"],
    &["none", "of", "the", "above"],
    &["none", "apply"],
    &["nothing", "like", "that"],
    &["not", "any"],
    &["not", "really"],
    &["no", "none"],
    &["none"],
    &["nothing"],
    &["neither"],
    &["nowhere"],
    &["no"],
    &["nope"],
    &["nah"],
    &["n"],
];

/// The option that means "none of these": id `none`, or words beginning "None".
pub(super) fn none_option(question: &Question) -> Option<usize> {
    question
        .answers
        .iter()
        .position(|a| a.id == "none" || a.label.to_lowercase().starts_with("none"))
}

/// "none of them", "nothing", "no" to a question with a "none" option.
pub(super) fn none_words(question: &Question, typed: &Typed) -> Option<Reading> {
    let i = none_option(question)?;
    let said = NONE_WORDS
        .iter()
        .any(|p| starts_with(&typed.words, p) && rest_is_filler(&typed.words[p.len()..]));
    said.then(|| {
        let soft = typed.hedged || typed.asked || starts_with(&typed.words, &["not", "really"]);
        pick(question, i, Certainty::Clear).hedged(soft)
    })
}

fn rest_is_filler(words: &[String]) -> bool {
    words.iter().all(|w| {
        is_stopword(w)
            || matches!(
                w.as_str(),
                "," | "really"
                    | "at"
                    | "none"
                    | "nothing"
                    | "of"
                    | "them"
                    | "these"
                    | "those"
                    | "apply"
                    | "applies"
                    | "whatsoever"
                    | "thanks"
                    | "thank"
            )
    })
}

/// An option's words: its own text (less what it says is not so: "not past
/// the knee"), its synonyms and its id.
struct Vocabulary {
    words: Vec<String>,
    /// The author's synonyms: the words most surely meant for this option.
    named: Vec<String>,
    /// Words its text denies ("No numbness or tingling, only weakness").
    denied: Vec<String>,
}

fn vocabulary(answer: &Answer) -> Vocabulary {
    let mut words = Vec::new();
    let mut denied = Vec::new();
    let label = normalise_plain(&answer.label);
    let mut denying = false;
    for (i, word) in label.iter().enumerate() {
        match word.as_str() {
            "not" => denying = true,
            "no" if i == 0 && label.get(1).is_some_and(|w| w == ",") => words.push("no".into()),
            "no" | "none" if i == 0 => {
                words.push(word.clone());
                denying = word == "no";
            }
            "," | "only" | "but" => denying = false,
            w if is_stopword(w) => {}
            w if denying => denied.push(w.to_string()),
            w => words.push(w.to_string()),
        }
    }
    let mut named = Vec::new();
    for synonym in &answer.synonyms {
        named.extend(content_words(synonym));
    }
    words.extend(
        answer
            .id
            .split('_')
            .filter(|w| !is_stopword(w) && w.len() > 1)
            .map(str::to_string),
    );
    Vocabulary {
        words,
        named,
        denied,
    }
}

/// Scores of one option against typed words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Score {
    words: i32,
    slips: i32,
}

/// The option whose words the typed words name, if exactly one does best.
/// `Ok(None)`: no option's words were typed.
pub(super) fn by_words(
    question: &Question,
    typed: &Typed,
    input: &str,
) -> Result<Option<Reading>, AnswerError> {
    let wanted: Vec<&str> = typed
        .words
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "," && !is_stopword(w))
        .collect();
    if wanted.is_empty() {
        return Ok(None);
    }
    let vocabularies: Vec<Vocabulary> = question.answers.iter().map(vocabulary).collect();
    let scores: Vec<Score> = vocabularies
        .iter()
        .map(|v| {
            let mut score = Score::default();
            for word in &wanted {
                if v.named.iter().any(|w| same_stem(word, w)) {
                    score.words += 3;
                } else if v.words.iter().any(|w| same_stem(word, w)) {
                    score.words += 2;
                } else if v.denied.iter().any(|w| same_stem(word, w)) {
                    score.words -= 2;
                } else if word.len() >= 4
                    && v.words.iter().chain(&v.named).any(|w| close_to(word, w))
                {
                    score.slips += 1;
                }
            }
            score
        })
        .collect();
    let best_words = scores.iter().map(|s| s.words).max().unwrap_or(0);
    let (key, certainty): (fn(&Score) -> i32, Certainty) = if best_words > 0 {
        (|s| s.words, Certainty::Clear)
    } else {
        (|s| s.slips, Certainty::Loose)
    };
    let best = scores.iter().map(key).max().unwrap_or(0);
    if best <= 0 {
        return Ok(None);
    }
    let top: Vec<usize> = (0..scores.len())
        .filter(|&i| key(&scores[i]) == best)
        .collect();
    match top[..] {
        [one] => Ok(Some(pick(question, one, certainty))),
        _ => Err(AnswerError::Ambiguous {
            input: input.to_string(),
            candidates: top
                .iter()
                .map(|&i| format!("{}) {}", i + 1, question.answers[i].label))
                .collect(),
        }),
    }
}

/// One option from typed words: exact, synonym, ordinal, then by words.
pub(super) fn one_option(
    question: &Question,
    input: &str,
    typed: &Typed,
) -> Result<Option<Reading>, AnswerError> {
    if let Some(reading) = exact(question, input, typed)
        .or_else(|| synonym(question, typed))
        .or_else(|| ordinal(question, typed))
    {
        return Ok(Some(reading.hedged(typed.hedged)));
    }
    Ok(by_words(question, typed, input)?.map(|r| r.hedged(typed.hedged)))
}

/// Words that join choices: "sitting and bending", "1, 3", "heels or toes".
fn is_joiner(word: &str) -> bool {
    matches!(word, "," | "and" | "or" | "plus" | "also" | "both" | "&")
}

/// Several options: `1 and 3`, `1 3`, `sitting and bending`, `all of them`,
/// `none of them`. "None" with another choice is an error that says so.
pub(super) fn many(
    question: &Question,
    input: &str,
    typed: &Typed,
) -> Result<Option<Reading>, AnswerError> {
    let none = none_option(question);
    let words = strip_leading_yes(&typed.words);
    let typed = Typed {
        words: words.to_vec(),
        ..typed.clone()
    };
    if let Some(reading) = exact(question, input, &typed).or_else(|| synonym(question, &typed)) {
        return Ok(Some(reading));
    }
    if let Some(reading) = none_words(question, &typed).or_else(|| unsure_option(question, &typed))
    {
        return Ok(Some(reading));
    }
    if matches!(
        &typed.words.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["all"]
            | ["all", "of", "them"]
            | ["all", "of", "these"]
            | ["all", "of", "those"]
            | ["all", "the", "above"]
            | ["everything"]
    ) {
        let ids = question
            .answers
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != none)
            .map(|(_, a)| a.id.clone())
            .collect();
        return Ok(Some(Reading::new(AnswerValue::Many(ids), Certainty::Clear)));
    }
    let pieces: Vec<Vec<String>> = typed
        .words
        .split(|w| is_joiner(w))
        .flat_map(|piece| {
            // "1 3": numbers side by side are separate choices.
            if piece.len() > 1 && piece.iter().all(|w| w.parse::<usize>().is_ok()) {
                piece.iter().map(|w| vec![w.clone()]).collect()
            } else {
                vec![piece.to_vec()]
            }
        })
        .filter(|p| !p.is_empty() && !p.iter().all(|w| is_stopword(w)))
        .collect();
    if pieces.len() <= 1 {
        return one_option(question, input, &typed);
    }
    let mut chosen: Vec<usize> = Vec::new();
    let mut certainty = Certainty::Exact;
    for piece in pieces {
        let text = piece.join(" ");
        let part_words = piece.clone();
        let part = Typed {
            words: piece,
            hedged: false,
            asked: false,
        };
        let reading = if none.is_some() && none_words(question, &part).is_some() {
            none.map(|i| pick(question, i, Certainty::Clear))
        } else {
            one_option(question, &text, &part)?
        };
        let Some(reading) = reading else {
            // "better when moving and worse resting": one choice in several
            // words, if its words account for the piece that read as nothing.
            if let Ok(Some(whole)) = one_option(question, input, &typed) {
                let answer = whole
                    .ids()
                    .next()
                    .and_then(|id| question.answers.iter().find(|a| a.id == id));
                let accounted = answer.is_some_and(|answer| {
                    let v = vocabulary(answer);
                    part_words.iter().all(|w| {
                        is_stopword(w)
                            || v.words
                                .iter()
                                .chain(&v.named)
                                .chain(&v.denied)
                                .any(|k| same_stem(w, k))
                    })
                });
                if accounted {
                    return Ok(Some(whole));
                }
            }
            return Err(AnswerError::NoMatch {
                input: text,
                options: super::answer_error::options_as_shown(question),
            });
        };
        certainty = certainty.min(reading.certainty());
        for id in reading.ids() {
            if let Some(i) = question.answers.iter().position(|a| a.id == id)
                && !chosen.contains(&i)
            {
                chosen.push(i);
            }
        }
    }
    if let Some(none) = none
        && chosen.contains(&none)
        && chosen.len() > 1
    {
        return Err(AnswerError::NoneWithOthers {
            none: question.answers[none].label.to_string(),
            others: chosen
                .iter()
                .filter(|&&i| i != none)
                .map(|&i| format!("\"{}\"", question.answers[i].label))
                .collect(),
        });
    }
    // The declared order, so that equal choices give equal sessions.
    chosen.sort_unstable();
    let ids = chosen
        .iter()
        .map(|&i| question.answers[i].id.clone())
        .collect();
    Ok(Some(
        Reading::new(AnswerValue::Many(ids), certainty).hedged(typed.hedged),
    ))
}

/// "yes, sitting": the yes only says that some apply.
fn strip_leading_yes(words: &[String]) -> &[String] {
    let mut rest = words;
    while let Some(first) = rest.first() {
        if ["yes", "yeah", "yep", ","]
            .iter()
            .any(|w| same_word(first, w))
            && rest.len() > 1
        {
            rest = &rest[1..];
        } else {
            break;
        }
    }
    rest
}
