//! Understanding what a person typed as an answer to one question. One
//! interpreter, shared by the chat, `run --answers`, `change`, `whatif` and
//! rehearsal, so an answer means the same wherever it is typed.
//!
//! The stages, one file each: [`normalise`] (case, punctuation, held-down
//! letters, filler, hedges), [`numbers`] and [`durations`] (amounts in
//! digits or words; [`number_context`] reads one with the words around
//! it: a birthday to come, a range, another unit), [`yes_no`], [`choices`] (option words, synonyms,
//! several choices), [`spans`] (`within` answers) and [`sentence`] (whole
//! sentences: what a negation, a time in the past or another person governs,
//! NegEx-style). They only propose a
//! reading; [`decision`] alone decides what is recorded, and applies the
//! safety rule for red flags.

mod against;
mod answer_error;
mod choices;
mod confirmation;
mod decision;
mod durations;
mod item_by_item;
mod mention;
mod normalise;
mod number_context;
mod numbers;
mod sentence;
mod spans;
mod the_person;
mod window;
mod words;
mod yes_no;
mod yes_phrases;

pub use answer_error::{AnswerError, options_as_shown, shorten};
pub(crate) use choices::none_option;
pub use confirmation::{confirms, plainly_no, starts_with_no};
pub use decision::{Certainty, Understood, is_safety_question, says_no};
pub use mention::{said_besides, speaks_of, words_shared};
pub use the_person::as_the_person;

use crate::compile::{AnswerValue, Node, Question, QuestionKind};
use decision::Reading;
use normalise::{Typed, normalise};

/// The longest text read as an answer.
const MAX_ANSWER_CHARS: usize = 300;

/// Reads typed text as an answer to `question`, asked at `node`.
pub fn understand(
    node: &Node,
    question: &Question,
    input: &str,
) -> Result<Understood, AnswerError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(AnswerError::Empty);
    }
    // An answer is a few words; a page of text is not one, and reading it
    // word by word against every option would only cost time.
    if input.chars().count() > MAX_ANSWER_CHARS {
        return Err(no_match(question, input));
    }
    let typed = normalise(input);
    if asks_for_help(input, &typed) {
        return Err(AnswerError::HelpWanted);
    }
    let reading = match question.kind {
        QuestionKind::Number { .. } => read_number(question, &typed, input)?,
        QuestionKind::Multiple { .. } => {
            let read = choices::many(&choices::Options::new(question), input, &typed)?
                .ok_or_else(|| no_match(question, input))?;
            let read = window::choices_within_windows(question, &typed, read);
            item_by_item::each_pick_as_yes_or_no(question, &typed, input, read)
        }
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {
            read_one(node.clinical.as_deref(), question, &typed, input)?
        }
    };
    // "no?" is said as a question, "no, a little" with a hedge: not plainly
    // meant, whichever reader found the answer.
    reading
        .hedged(typed.asked || typed.hedged)
        .decide(node, question, input)
}

/// `?`, `help`, `what do you mean`: the person wants the question explained.
fn asks_for_help(input: &str, typed: &Typed) -> bool {
    if input.chars().all(|c| c == '?' || c.is_whitespace()) {
        return true;
    }
    // "no idea what you mean by saddle", "I don't understand the question".
    if [
        &["what", "you", "mean"][..],
        &["what", "do", "you", "mean"],
        &["don't", "understand", "the", "question"],
        &["what", "does", "that", "mean"],
        &["what", "does", "this", "mean"],
    ]
    .iter()
    .any(|phrase| typed.words.windows(phrase.len()).any(|w| w == *phrase))
    {
        return true;
    }
    let words = typed.text();
    matches!(
        words.as_str(),
        "help"
            | "help me"
            | "what"
            | "huh"
            | "pardon"
            | "sorry"
            | "eh"
            | "what do you mean"
            | "i don't understand"
            | "don't understand"
            | "i do not understand"
            | "explain"
            | "what does that mean"
            | "what does this mean"
            | "what's that"
            | "what is that"
            | "what's this"
            | "i don't get it"
            | "meaning"
            | "what do i type"
            | "what should i type"
            | "what do i say"
    )
}

fn no_match(question: &Question, input: &str) -> AnswerError {
    AnswerError::NoMatch {
        input: input.to_string(),
        options: options_as_shown(question),
    }
}

/// "Not sure" where no answer says so: asked again, with the options.
fn not_sure_here(question: &Question, input: &str) -> AnswerError {
    AnswerError::NotSureHere {
        input: input.to_string(),
        options: options_as_shown(question),
    }
}

fn read_one(
    clinical: Option<&str>,
    question: &Question,
    typed: &Typed,
    input: &str,
) -> Result<Reading, AnswerError> {
    // `-1`, `+1`, `- 1` are signed numbers, never option 1: normalising drops
    // the sign as punctuation, and `saddle_numbness=-1` must not be a yes.
    if is_signed_number(input) {
        return Err(no_match(question, input));
    }
    let opts = choices::Options::new(question);
    if let Some(reading) =
        choices::exact(&opts, input, typed).or_else(|| choices::synonym(&opts, typed))
    {
        return Ok(reading);
    }
    let yes_no = match question.kind {
        QuestionKind::YesNo { .. } => true,
        QuestionKind::Single { .. }
        | QuestionKind::Multiple { .. }
        | QuestionKind::Number { .. } => false,
    };
    if yes_no {
        let read = match yes_no::read_yes_no(question, clinical, typed) {
            Some(Ok(reading)) => Ok(reading),
            Some(Err(yes_no::Refused::Both)) => Err(AnswerError::Ambiguous {
                input: input.to_string(),
                candidates: options_as_shown(question).into_iter().take(2).collect(),
            }),
            Some(Err(yes_no::Refused::NotAnAnswer)) => Err(no_match(question, input)),
            None => choices::by_words(&opts, typed, input)
                .and_then(|found| found.ok_or_else(|| no_match(question, input))),
        };
        return window::within_window(question, typed, input, read);
    }
    if let Some(reading) = choices::ordinal(question, typed) {
        return Ok(reading);
    }
    if let Some(reading) = spans::by_span(question, typed, input) {
        return reading;
    }
    if let Some(reading) =
        choices::none_words(question, typed).or_else(|| choices::unsure_option(&opts, typed))
    {
        return Ok(reading);
    }
    if yes_no::says_unsure(&typed.words) {
        return Err(not_sure_here(question, input));
    }
    if let Some(reading) = yes_or_no_option(question, typed, input) {
        return reading;
    }
    // "down my thigh but not to the knee": what is denied is not chosen.
    let (kept, dropped) = sentence::kept_for_choices(&typed.words, false);
    if dropped && kept.iter().any(|w| w != "," && !words::is_stopword(w)) {
        let kept = Typed {
            words: kept,
            ..typed.clone()
        };
        if let Some(reading) = choices::one_option(&opts, input, &kept)? {
            return Ok(reading);
        }
    }
    choices::one_option(&opts, input, typed)?.ok_or_else(|| no_match(question, input))
}

/// A bare `yeah` or `nope` to answers worded "Yes, ..." and "No, ...": the
/// one answer that starts so, or asked again naming those that do.
fn yes_or_no_option(
    question: &Question,
    typed: &Typed,
    input: &str,
) -> Option<Result<Reading, AnswerError>> {
    // "it's for my husband": the option for someone else's pain.
    if sentence::names_someone_else(&typed.words) {
        let theirs: Vec<usize> = (question.answers().iter().enumerate())
            .filter(|(_, answer)| answer.label.to_lowercase().contains("someone else"))
            .map(|(index, _)| index)
            .collect();
        if let [one] = theirs[..] {
            return Some(Ok(Reading::new(
                AnswerValue::Choice(question.answers()[one].id.clone()),
                decision::Certainty::Clear,
            )));
        }
    }
    // "yep, it's for me", "yeah my back": the yes about the person's own.
    if sentence::yes_for_me(&typed.words) {
        let own: Vec<usize> = (question.answers().iter().enumerate())
            .filter(|(_, answer)| {
                let label = answer.label.to_lowercase();
                label.starts_with("yes") && label.contains("my own")
            })
            .map(|(index, _)| index)
            .collect();
        if let [one] = own[..] {
            return Some(Ok(Reading::new(
                AnswerValue::Choice(question.answers()[one].id.clone()),
                decision::Certainty::Clear,
            )));
        }
    }
    let word = yes_no::bare_yes_or_no(&typed.words)?;
    let starting: Vec<usize> = (question.answers().iter().enumerate())
        .filter(|(_, answer)| {
            let first = answer.label.split(|c: char| !c.is_alphanumeric()).next();
            first.is_some_and(|first| first.eq_ignore_ascii_case(word))
        })
        .map(|(index, _)| index)
        .collect();
    match starting[..] {
        [] => None,
        [one] => Some(Ok(Reading::new(
            AnswerValue::Choice(question.answers()[one].id.clone()),
            decision::Certainty::Clear,
        ))),
        _ => {
            let shown = options_as_shown(question);
            Some(Err(AnswerError::Ambiguous {
                input: input.to_string(),
                candidates: starting.iter().map(|&i| shown[i].clone()).collect(),
            }))
        }
    }
}

/// A `+` or `-` and then only digits.
fn is_signed_number(input: &str) -> bool {
    let input = input.trim();
    let Some(digits) = input.strip_prefix(['-', '+']) else {
        return false;
    };
    let digits = digits.trim_start();
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn read_number(question: &Question, typed: &Typed, input: &str) -> Result<Reading, AnswerError> {
    let (min, max) = question.range().unwrap_or((i64::MIN, i64::MAX));
    // "I'll be 40 next month" is 39; "in my 50s" and "5 days" are no age.
    let Some(values) = number_context::values_meant(&typed.words, question.unit()) else {
        return Err(AnswerError::NotANumber {
            input: input.to_string(),
            min,
            max,
        });
    };
    let value = match values[..] {
        // The question asks for a whole number: 34.5 is asked again.
        [one] if one.fract() == 0.0 && one.abs() < 1e15 => one as i64,
        [_] => {
            return Err(AnswerError::NotANumber {
                input: input.to_string(),
                min,
                max,
            });
        }
        [] => {
            return Err(AnswerError::NotANumber {
                input: input.to_string(),
                min,
                max,
            });
        }
        _ => {
            return Err(AnswerError::Ambiguous {
                input: input.to_string(),
                candidates: values.iter().map(f64::to_string).collect(),
            });
        }
    };
    if value < min || value > max {
        return Err(AnswerError::OutOfRange { value, min, max });
    }
    let certainty = if input.parse::<i64>().is_ok() {
        decision::Certainty::Exact
    } else {
        decision::Certainty::Clear
    };
    Ok(Reading::new(AnswerValue::Number(value), certainty))
}

#[cfg(test)]
mod tests;
