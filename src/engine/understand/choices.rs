//! Choosing among a question's options by their own words and the author's
//! synonyms: `into my calf`, `sitting and bending`, `1 and 3`, `the second
//! one`, `none of them`. A typo is forgiven only where exactly one option is
//! close to it.

use super::answer_error::AnswerError;
use super::decision::{Certainty, Reading};
use super::normalise::{Typed, option_words, same_word, starts_with};
use super::words::{close_to, is_stopword, same_stem};
use std::borrow::Cow;
use std::cell::OnceCell;

use crate::compile::{Answer, AnswerValue, Question, QuestionKind, YesNo};

/// A question's options with their words read at most once per answer
/// typed, and only as far as needed: a list of several choices reads the
/// options for every piece, and most answers need only the labels.
pub(super) struct Options<'q> {
    pub question: &'q Question,
    labels: OnceCell<Vec<Label<'q>>>,
    synonyms: OnceCell<Vec<Vec<Vec<Word<'q>>>>>,
    vocabularies: OnceCell<Vec<Vocabulary<'q>>>,
}

/// A word of an option's text: borrowed from it where it needs no change.
type Word<'q> = Cow<'q, str>;

/// One option's label and id as words.
struct Label<'q> {
    words: Vec<Word<'q>>,
    text: String,
    id_text: String,
}

impl<'q> Options<'q> {
    pub fn new(question: &'q Question) -> Options<'q> {
        Options {
            question,
            labels: OnceCell::new(),
            synonyms: OnceCell::new(),
            vocabularies: OnceCell::new(),
        }
    }

    // An option's words are read as written: its own hedges ("a little")
    // are its words, and it has no filler to take out.
    fn labels(&self) -> &[Label<'q>] {
        self.labels.get_or_init(|| {
            self.question
                .answers()
                .iter()
                .map(|answer| {
                    let words = option_words(&answer.label);
                    Label {
                        text: words.join(" "),
                        words,
                        id_text: answer.id.replace('_', " ").to_lowercase(),
                    }
                })
                .collect()
        })
    }

    /// Each option's synonyms, as words.
    fn synonyms(&self) -> &[Vec<Vec<Word<'q>>>] {
        self.synonyms.get_or_init(|| {
            self.question
                .answers()
                .iter()
                .map(|answer| answer.synonyms.iter().map(|s| option_words(s)).collect())
                .collect()
        })
    }

    fn vocabularies(&self) -> &[Vocabulary<'q>] {
        self.vocabularies.get_or_init(|| {
            let (labels, synonyms) = (self.labels(), self.synonyms());
            self.question
                .answers()
                .iter()
                .enumerate()
                .map(|(i, answer)| vocabulary(answer, &labels[i].words, &synonyms[i]))
                .collect()
        })
    }
}

/// The option at this index, as a reading.
fn pick(question: &Question, index: usize, certainty: Certainty) -> Reading {
    let id = question.answers()[index].id.clone();
    let value = match question.kind {
        QuestionKind::Multiple { .. } => AnswerValue::Many(vec![id]),
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } | QuestionKind::Number { .. } => {
            AnswerValue::Choice(id)
        }
    };
    Reading::new(value, certainty)
}

/// An option as shown, typed: its id as written, its number, or its words.
pub(super) fn exact(opts: &Options, input: &str, typed: &Typed) -> Option<Reading> {
    let question = opts.question;
    let input = input.trim();
    if let Some(i) = question.answers().iter().position(|a| a.id == input) {
        return Some(pick(question, i, Certainty::Exact));
    }
    if let [word] = &typed.words[..]
        && let Ok(number) = word.parse::<usize>()
        && (1..=question.answers().len()).contains(&number)
    {
        return Some(pick(question, number - 1, Certainty::Exact));
    }
    let text = typed.text();
    let i = opts
        .labels()
        .iter()
        .position(|l| l.text == text || l.id_text == text)?;
    Some(pick(question, i, Certainty::Exact))
}

/// The author's synonyms, said as written ("calf", "blood thinners").
pub(super) fn synonym(opts: &Options, typed: &Typed) -> Option<Reading> {
    let question = opts.question;
    // "just in my back" says the synonym "just my back".
    let kept = |w: &&str| {
        !matches!(
            *w,
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
                | "i"
                | "i'm"
        )
    };
    let any_left = typed.words.iter().any(|w| kept(&w.as_str()));
    let found: Vec<usize> = (0..question.answers().len())
        .filter(|&i| {
            opts.synonyms()[i].iter().any(|synonym| {
                let typed_words = || typed.words.iter().map(String::as_str);
                synonym.iter().map(AsRef::as_ref).eq(typed_words())
                    || (any_left
                        && synonym
                            .iter()
                            .map(AsRef::as_ref)
                            .filter(kept)
                            .eq(typed_words().filter(kept)))
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
    let n = question.answers().len();
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
pub(super) fn unsure_option(opts: &Options, typed: &Typed) -> Option<Reading> {
    let question = opts.question;
    if !super::yes_no::says_unsure(&typed.words) {
        return None;
    }
    let holds = |i: usize| {
        let label = &opts.labels()[i].words;
        (0..label.len()).any(|j| super::yes_no::says_unsure(&label[j..]))
            || opts.synonyms()[i]
                .iter()
                .any(|s| super::yes_no::says_unsure(s))
    };
    let found: Vec<usize> = (0..question.answers().len())
        .filter(|&i| holds(i))
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

/// The option that means "none of these": id `none` (or `nothing`,
/// `neither`), or words beginning so ("None of these", "Nothing in particular").
pub(crate) fn none_option(question: &Question) -> Option<usize> {
    let starts = |label: &str, word: &str| {
        label
            .get(..word.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(word))
    };
    question.answers().iter().position(|a| {
        matches!(a.id.as_ref(), "none" | "nothing" | "neither")
            || ["none", "nothing", "neither"]
                .iter()
                .any(|word| starts(&a.label, word))
    })
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
                    | "like"
                    | "that"
                    | "thanks"
                    | "thank"
            )
    })
}

/// An option's words: its own text (less what it says is not so: "not past
/// the knee"), its synonyms and its id.
struct Vocabulary<'q> {
    words: Vec<Word<'q>>,
    /// The author's synonyms: the words most surely meant for this option.
    named: Vec<Word<'q>>,
    /// Words its text denies ("No numbness or tingling, only weakness").
    denied: Vec<Word<'q>>,
    /// Things its text says do not count ("(inhalers and creams do not
    /// count)"): an answer naming one is not this option.
    excluded: Vec<String>,
}

/// The words of a bracket in an option's text that says what does not count:
/// "(inhalers and creams do not count)" gives "inhalers", "creams".
fn not_counted(label: &str) -> Vec<String> {
    let lower = label.to_lowercase();
    lower
        .split('(')
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|inside| {
            ["not count", "don't count", "doesn't count"]
                .iter()
                .any(|p| inside.contains(p))
        })
        .flat_map(super::words::content_words)
        .filter(|w| !matches!(w.as_str(), "not" | "don't" | "doesn't" | "count" | "counts"))
        .collect()
}

fn vocabulary<'q>(
    answer: &'q Answer,
    label: &[Word<'q>],
    synonyms: &[Vec<Word<'q>>],
) -> Vocabulary<'q> {
    let mut words = Vec::new();
    let mut denied = Vec::new();
    let mut denying = false;
    for (i, word) in label.iter().enumerate() {
        match word.as_ref() {
            "not" => denying = true,
            "no" if i == 0 && label.get(1).is_some_and(|w| w == ",") => {
                words.push(Cow::Borrowed("no"))
            }
            "no" | "none" if i == 0 => {
                words.push(word.clone());
                denying = word == "no";
            }
            "," | "only" | "but" => denying = false,
            w if is_stopword(w) => {}
            _ if denying => denied.push(word.clone()),
            _ => words.push(word.clone()),
        }
    }
    // A phrase for yes ("can't feel down there", "not making sense") is
    // read whole elsewhere (yes_phrases.rs); its words alone name nothing.
    let yes = YesNo::Yes.is_id(&answer.id);
    let named: Vec<Word<'q>> = synonyms
        .iter()
        .filter(|synonym| !yes || synonym.len() == 1)
        .flatten()
        .filter(|w| *w != "," && !is_stopword(w))
        .cloned()
        .collect();
    words.extend(
        answer
            .id
            .split('_')
            .filter(|w| !is_stopword(w) && w.len() > 1)
            .map(Cow::Borrowed),
    );
    Vocabulary {
        words,
        named,
        denied,
        excluded: not_counted(&answer.label),
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
    opts: &Options,
    typed: &Typed,
    input: &str,
) -> Result<Option<Reading>, AnswerError> {
    let question = opts.question;
    let wanted: Vec<&str> = typed
        .words
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "," && !is_stopword(w))
        .collect();
    if wanted.is_empty() {
        return Ok(None);
    }
    let texts = opts.vocabularies();
    // "None of these" is said in its own words, never guessed from a word
    // that looks like them: "non" is a typo of "no" as much as of "none",
    // and on a list of danger signs a guessed "none" would pass them all.
    let none = none_option(question);
    let mut scores: Vec<Score> = texts
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut score = Score::default();
            let like: fn(&str, &str) -> bool = if Some(i) == none {
                |typed, word| typed == word
            } else {
                same_stem
            };
            for word in &wanted {
                if v.named.iter().any(|w| like(word, w)) {
                    score.words += 3;
                } else if v.words.iter().any(|w| like(word, w)) {
                    score.words += 2;
                } else if v.denied.iter().any(|w| same_stem(word, w)) {
                    score.words -= 2;
                }
            }
            // "a steroid inhaler" to "steroid tablets (inhalers do not
            // count)": never this option, however many words it shares.
            if wanted
                .iter()
                .any(|word| v.excluded.iter().any(|w| same_stem(word, w)))
            {
                score.words = i32::MIN / 2;
            }
            score
        })
        .collect();
    let best_words = scores.iter().map(|s| s.words).max().unwrap_or(0);
    // Typos are looked for only when no option's words were typed.
    if best_words <= 0 {
        for (i, (v, score)) in texts.iter().zip(&mut scores).enumerate() {
            if score.words <= i32::MIN / 2 || Some(i) == none {
                continue;
            }
            score.slips = wanted
                .iter()
                .filter(|word| {
                    word.len() >= 4 && v.words.iter().chain(&v.named).any(|w| close_to(word, w))
                })
                .count() as i32;
        }
    }
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
                .map(|&i| format!("{}) {}", i + 1, question.answers()[i].label))
                .collect(),
        }),
    }
}

/// One option from typed words: exact, synonym, ordinal, then by words.
pub(super) fn one_option(
    opts: &Options,
    input: &str,
    typed: &Typed,
) -> Result<Option<Reading>, AnswerError> {
    if let Some(reading) = exact(opts, input, typed)
        .or_else(|| synonym(opts, typed))
        .or_else(|| ordinal(opts.question, typed))
    {
        return Ok(Some(reading.hedged(typed.hedged)));
    }
    Ok(by_words(opts, typed, input)?.map(|r| r.hedged(typed.hedged)))
}

/// Words that join choices: "sitting and bending", "1, 3", "heels or toes".
fn is_joiner(word: &str) -> bool {
    matches!(word, "," | "and" | "or" | "plus" | "also" | "both" | "&")
}

/// Several options: `1 and 3`, `1 3`, `sitting and bending`, `all of them`,
/// `none of them`. "None" with another choice is an error that says so.
pub(super) fn many(
    opts: &Options,
    input: &str,
    typed: &Typed,
) -> Result<Option<Reading>, AnswerError> {
    let question = opts.question;
    let none = none_option(question);
    let words = strip_leading_no_but(strip_leading_yes(&typed.words));
    let typed = Typed {
        words: words.to_vec(),
        ..typed.clone()
    };
    if let Some(reading) = exact(opts, input, &typed).or_else(|| synonym(opts, &typed)) {
        return Ok(Some(reading));
    }
    if let Some(reading) = none_words(question, &typed).or_else(|| unsure_option(opts, &typed)) {
        return Ok(Some(reading));
    }
    if super::yes_no::says_unsure(&typed.words) {
        return Err(super::not_sure_here(question, input));
    }
    // "i dont think any of them", "lying on my side is fine, but sitting
    // is bad", "none, but my mum has osteoporosis": what is denied, fine or
    // someone else's is not chosen.
    // A fine word that names an option of its own ("They were normal") is
    // that option, not a denial.
    let names_fine = question.answers().iter().enumerate().any(|(i, answer)| {
        Some(i) != none
            && super::words::content_words(&answer.label)
                .iter()
                .any(|w| super::sentence::is_fine(w))
    });
    let (kept, dropped) = super::sentence::kept_for_choices(&typed.words, !names_fine);
    let typed = if dropped {
        if kept.iter().all(|w| w == "," || is_stopword(w))
            && let Some(none) = none
        {
            let soft = typed.hedged || super::sentence::soft_denial(&typed.words);
            return Ok(Some(pick(question, none, Certainty::Clear).hedged(soft)));
        }
        let kept = Typed {
            words: kept,
            ..typed.clone()
        };
        if let Some(reading) = none_words(question, &kept) {
            return Ok(Some(reading));
        }
        if kept.words.iter().all(|w| w == "," || is_stopword(w)) {
            typed
        } else {
            kept
        }
    } else {
        typed
    };
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
            .answers()
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
        return one_option(opts, input, &typed);
    }
    let mut chosen: Vec<usize> = Vec::new();
    let mut certainty = Certainty::Exact;
    let mut unread: Option<String> = None;
    for piece in pieces {
        let text = piece.join(" ");
        let part_words = piece.clone();
        let part = Typed {
            words: piece,
            hedged: false,
            asked: false,
            hedge_at: None,
        };
        let reading = if none.is_some() && none_words(question, &part).is_some() {
            none.map(|i| pick(question, i, Certainty::Clear))
        } else {
            one_option(opts, &text, &part)?
        };
        let Some(reading) = reading else {
            // "better when moving and worse resting": one choice in several
            // words, if its words account for the piece that read as nothing.
            if let Ok(Some(whole)) = one_option(opts, input, &typed) {
                let answer = whole
                    .ids()
                    .next()
                    .and_then(|id| question.answers().iter().position(|a| a.id == id));
                let accounted = answer.is_some_and(|i| {
                    let v = &opts.vocabularies()[i];
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
            // "fell down the stairs and it started then": a piece of a
            // sentence that names no item is told around the one that does.
            // What was made of the rest is said back to be confirmed. A
            // short list ("sitting and bogus") names choices only.
            // "cancer, years ago": a piece that only says when is about
            // the choice beside it.
            if super::window::says_when(&part_words) {
                continue;
            }
            if part_words.len() < 2 || typed.words.len() < 5 {
                return Err(AnswerError::NoMatch {
                    input: text,
                    options: super::answer_error::options_as_shown(question),
                });
            }
            unread.get_or_insert(text);
            continue;
        };
        certainty = certainty.min(reading.certainty());
        for id in reading.ids() {
            if let Some(i) = question.answers().iter().position(|a| a.id == id)
                && !chosen.contains(&i)
            {
                chosen.push(i);
            }
        }
    }
    if let Some(text) = unread {
        if chosen.is_empty() {
            return Err(AnswerError::NoMatch {
                input: text,
                options: super::answer_error::options_as_shown(question),
            });
        }
        certainty = Certainty::Loose;
    }
    if let Some(none) = none
        && chosen.contains(&none)
        && chosen.len() > 1
    {
        return Err(AnswerError::NoneWithOthers {
            none: question.answers()[none].label.to_string(),
            others: chosen
                .iter()
                .filter(|&&i| i != none)
                .map(|&i| format!("\"{}\"", question.answers()[i].label))
                .collect(),
        });
    }
    // The declared order, so that equal choices give equal sessions.
    chosen.sort_unstable();
    let ids = chosen
        .iter()
        .map(|&i| question.answers()[i].id.clone())
        .collect();
    Ok(Some(
        Reading::new(AnswerValue::Many(ids), certainty).hedged(typed.hedged),
    ))
}

/// "no, but my pee's been red": the no answers the list's usual story and
/// the rest names what does apply, so only the rest is read.
pub(super) fn strip_leading_no_but(words: &[String]) -> &[String] {
    let Some(first) = words.first() else {
        return words;
    };
    if !["no", "nope", "nah"].iter().any(|n| same_word(first, n)) {
        return words;
    }
    let mut rest = &words[1..];
    if rest.first().is_some_and(|w| w == ",") {
        rest = &rest[1..];
    }
    match rest.first().map(String::as_str) {
        Some("but" | "though" | "except") if rest.len() > 1 => &rest[1..],
        _ => words,
    }
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
