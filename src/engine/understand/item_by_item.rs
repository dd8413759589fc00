//! A sentence at a "which of these" list, read item by item: each chosen
//! item is set to the sentence as if it were its own yes/no question, so
//! the whole-sentence reading of yes and no (the past, other people, "but
//! only what the box says", "not on my spine") applies to lists as well.
//! "I had a knee operation, not on my spine" names the operation item's
//! words, and is a no to it; "fell down the stairs last week and it
//! started then" stays a fall.

use super::decision::{Certainty, Reading};
use super::normalise::Typed;
use crate::compile::{Answer, AnswerValue, Question, QuestionKind, YesNo};

/// Fewer words than this are a short answer ("1, 3", "cancer"), read by
/// the list's own words only.
const SENTENCE_WORDS: usize = 4;

/// The picks of `read` that the sentence, read as a yes/no answer to each
/// item on its own, does not deny. A pick taken back makes the reading one
/// to confirm; with none left it is "none of these", confirmed first.
pub(super) fn each_pick_as_yes_or_no(
    question: &Question,
    typed: &Typed,
    input: &str,
    read: Reading,
) -> Reading {
    let AnswerValue::Many(ids) = read.value() else {
        return read;
    };
    if typed.words.len() < SENTENCE_WORDS
        || read.certainty() == Certainty::Exact
        || !could_take_back(&typed.words)
    {
        return read;
    }
    // "no, but my pee's been red": the no is to the list's usual story; each
    // item is set against the rest.
    let stripped = super::choices::strip_leading_no_but(&typed.words);
    let typed = &Typed {
        words: stripped.to_vec(),
        ..typed.clone()
    };
    // "None of these" and "Not sure" are answers about the list, not items.
    let none = super::choices::none_option(question).map(|i| &question.answers()[i].id);
    let denied = |id: &String| {
        Some(id) != none
            && !YesNo::Unsure.is_id(id)
            && question.answer(id).is_some_and(|answer| {
                let alone = as_yes_or_no(answer);
                matches!(
                    super::read_one(None, &alone, typed, input),
                    Ok(reading) if reading.ids().any(|r| YesNo::No.is_id(r))
                )
            })
    };
    let kept: Vec<String> = ids.iter().filter(|id| !denied(id)).cloned().collect();
    if kept.len() == ids.len() {
        return read;
    }
    let kept = match (kept.is_empty(), super::choices::none_option(question)) {
        (true, Some(none)) => vec![question.answers()[none].id.clone()],
        (true, None) => return read,
        (false, _) => kept,
    };
    Reading::new(AnswerValue::Many(kept), Certainty::Loose).confirmable()
}

/// Words without which the yes/no reading of an item cannot deny what the
/// list's words picked: a negation or a turn ("but", "only"), the past,
/// someone else, a thing said to be fine. Only a sentence holding one is
/// read item by item, so "I take warfarin and my back is in spasm" costs
/// no more than its list reading.
fn could_take_back(words: &[String]) -> bool {
    const TRIGGERS: &[&str] = &[
        "no", "not", "never", "none", "nothing", "nobody", "neither", "nor", "without", "but",
        "only", "except", "though", "although", "ago", "last", "used", "before", "past", "always",
        "usually", "since", "years", "months", "fine", "ok", "okay", "normal", "better", "helps",
        "settles", "eases", "gone", "over", "healed",
    ];
    words.iter().any(|w| {
        TRIGGERS.contains(&w.as_str())
            || w.ends_with("n't")
            || super::sentence::OTHERS
                .iter()
                .any(|o| w == o || w.strip_suffix("'s") == Some(o))
    })
}

/// One item of a list as a yes/no question of its own: its words the
/// question, its synonyms and time window the yes.
fn as_yes_or_no(item: &Answer) -> Question {
    let answer = |id: &str, synonyms: Vec<String>, within| Answer {
        id: id.to_string(),
        label: String::new(),
        synonyms,
        within,
        target: None,
        effects: Vec::new(),
    };
    Question {
        ask: format!("{}?", item.label),
        skip: None,
        applies: None,
        kind: QuestionKind::YesNo {
            answers: vec![
                answer(YesNo::Yes.id(), item.synonyms.clone(), item.within),
                answer(YesNo::No.id(), Vec::new(), None),
                answer(YesNo::Unsure.id(), Vec::new(), None),
            ],
        },
    }
}
