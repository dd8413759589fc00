//! Yes, no and not sure in everyday words: `yeah`, `noo`, `yes, I fainted`,
//! `no, just pain`, `nope nothing like that`, `no fever`, `not really`,
//! `a little`, `I have a fever`, `sure` (a yes, never "not sure").

use super::against;
use super::decision::{Certainty, Reading};
use super::normalise::{Typed, same_word, starts_with};
use super::sentence::{self, Verdict};
use super::words::{close_to, content_words, is_stopword, same_stem};
use crate::compile::{Question, YesNo};

/// Ways of saying "I do not know".
const UNSURE: &[&[&str]] = &[
    &["not", "sure"],
    &["not", "too", "sure"],
    &["not", "really", "sure"],
    &["not", "that", "sure"],
    &["not", "certain"],
    &["i'm", "not", "sure"],
    &["i", "am", "not", "sure"],
    &["i'm", "not", "certain"],
    &["i'm", "unsure"],
    &["unsure"],
    &["uncertain"],
    &["don't", "know"],
    &["i", "don't", "know"],
    &["do", "not", "know"],
    &["i", "do", "not", "know"],
    &["dunno"],
    &["idk"],
    &["no", "idea"],
    &["i", "have", "no", "idea"],
    &["no", "clue"],
    &["maybe"],
    &["perhaps"],
    &["possibly"],
    &["could", "be"],
    &["might", "be"],
    &["may", "be"],
    &["i", "might"],
    &["can't", "say"],
    &["cannot", "say"],
    &["i", "can't", "say"],
    &["can't", "tell"],
    &["cannot", "tell"],
    &["i", "can't", "tell"],
    &["hard", "to", "say"],
    &["hard", "to", "tell"],
    &["difficult", "to", "say"],
    &["can't", "remember"],
    &["i", "can't", "remember"],
    &["don't", "remember"],
    &["i", "don't", "remember"],
    &["i", "wouldn't", "know"],
    &["who", "knows"],
    &["unknown"],
    &["fifty", "fifty"],
    &["50", "50"],
    &["i", "haven't", "checked"],
    &["haven't", "checked"],
    &["i", "haven't", "looked"],
    &["haven't", "looked"],
    &["i", "didn't", "check"],
    &["didn't", "check"],
    &["i", "didn't", "look"],
    &["not", "checked"],
    &["i", "haven't", "measured"],
    &["haven't", "measured"],
    &["i", "didn't", "notice"],
    &["i", "haven't", "noticed"],
];

/// A "no" that is only half said: on a safety question it is asked again.
const SOFT_NO: &[&[&str]] = &[
    &["not", "really"],
    &["not", "much"],
    &["not", "especially"],
    &["not", "particularly"],
    &["not", "very"],
    &["not", "often"],
    &["not", "lately"],
    &["not", "that", "i", "know"],
    &["not", "that", "i've", "noticed"],
    &["not", "as", "far", "as", "i", "know"],
    &["i", "don't", "think"],
    &["don't", "think", "so"],
    &["i", "hope", "not"],
    &["hopefully", "not"],
    &["hardly"],
    &["barely"],
    &["rarely"],
    &["seldom"],
];

const NO_PHRASES: &[&[&str]] = &[
    &["not", "at", "all"],
    &["definitely", "not"],
    &["absolutely", "not"],
    &["certainly", "not"],
    &["of", "course", "not"],
    &["no", "way"],
    &["all", "good"],
    &["all", "fine"],
    &["i'm", "fine"],
    &["i", "feel", "fine"],
    &["i'm", "ok"],
    &["i'm", "okay"],
    &["i", "don't"],
    &["i", "do", "not"],
    &["i", "haven't"],
    &["i", "have", "not"],
    &["i've", "not"],
    &["i", "have", "never"],
    &["i've", "never"],
    &["i", "never"],
    &["i'm", "not"],
    &["i", "am", "not"],
    &["i", "didn't"],
    &["i", "did", "not"],
    &["i", "wasn't"],
    &["i", "was", "not"],
    &["it", "isn't"],
    &["it's", "not"],
    &["it", "is", "not"],
    &["it", "doesn't"],
    &["it", "does", "not"],
    &["they", "aren't"],
    &["there", "isn't"],
    &["there's", "no"],
    &["haven't"],
    &["don't"],
    &["didn't"],
    &["isn't"],
    &["doesn't"],
    &["wasn't"],
    &["not"],
];

const NO_WORDS: &[&str] = &[
    "no", "n", "nope", "nah", "naw", "nay", "never", "negative", "none", "nothing", "neither",
    "nowhere", "false", "nada", "fine", "nobody", "noone",
];

const YES_PHRASES: &[&[&str]] = &[
    &["of", "course"],
    &["that's", "right"],
    &["that", "is", "right"],
    &["i'm", "afraid", "so"],
    &["afraid", "so"],
    &["all", "the", "time"],
    &["a", "lot"],
    &["very", "much"],
    &["i", "do"],
    &["i", "have"],
    &["i've"],
    &["i", "am"],
    &["i", "did"],
    &["i", "was"],
    &["it", "is"],
    &["it", "does"],
    &["it", "has"],
    &["they", "are"],
    &["they", "do"],
    &["there", "is"],
];

const YES_WORDS: &[&str] = &[
    "yes",
    "y",
    "ye",
    "yeah",
    "yea",
    "ya",
    "yah",
    "yep",
    "yup",
    "aye",
    "sure",
    "certainly",
    "definitely",
    "absolutely",
    "correct",
    "true",
    "indeed",
    "affirmative",
    "right",
    "always",
    "constantly",
    "totally",
    "lots",
    "loads",
];

fn starts_any<S: AsRef<str>>(words: &[S], phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| starts_with(words, p))
        .map(|p| p.len())
        .max()
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| same_word(word, w))
}

/// `yes` or `no` when the words are only one word of yes (`yeah`, `yep`)
/// or a plain one of no (`nope`, `nah`; not `fine` or `nothing`, which
/// answer something else).
pub(super) fn bare_yes_or_no(words: &[String]) -> Option<&'static str> {
    match words {
        [one] if is_one_of(one, YES_WORDS) => Some("yes"),
        [one] if is_one_of(one, &["no", "n", "nope", "nah", "naw", "nay"]) => Some("no"),
        _ => None,
    }
}

/// Why words were not read as yes, no or not sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refused {
    /// Both at once: "yes and no".
    Both,
    /// A sentence that does not answer the question: "i dont ride a bike".
    NotAnAnswer,
}

/// Reads yes, no or not sure; `None` when the words say none of them.
/// `Err` when they say two at once ("yes and no"), or answer something else.
pub(super) fn read_yes_no(
    question: &Question,
    clinical: Option<&str>,
    typed: &Typed,
) -> Option<Result<Reading, Refused>> {
    // "my wife says I've been muddled": what she says is about the person.
    let mut words: &[String] = sentence::reported(&typed.words).unwrap_or(&typed.words);
    // "not only my back, my stomach too": adds, does not deny.
    if starts_with(words, &["not", "only"]) || starts_with(words, &["not", "just"]) {
        words = &words[2..];
    }
    // The question's own words, read only when a sentence needs them.
    let asked = std::cell::OnceCell::new();
    let asked = || -> &Vec<String> { asked.get_or_init(|| asked_about(question, clinical)) };
    let soft = typed.hedged || typed.asked;
    let against = against::against(&question.ask);
    let choice = |answer: YesNo| answer.value();
    let has = |answer: YesNo| question.answer(answer.id()).is_some();
    if words.is_empty() {
        // Only hedges: "a little", "sometimes", "kind of".
        return typed
            .hedged
            .then(|| Ok(Reading::new(choice(YesNo::Yes), Certainty::Clear).hedged(true)));
    }
    if has(YesNo::Unsure) && starts_any(words, UNSURE).is_some() {
        return Some(Ok(Reading::new(choice(YesNo::Unsure), Certainty::Clear)));
    }
    if starts_any(words, SOFT_NO).is_some() {
        return Some(Ok(
            Reading::new(choice(YesNo::No), Certainty::Clear).hedged(true)
        ));
    }
    // "I can't feel anything when I wipe": the author's words for yes.
    if super::yes_phrases::says_yes_phrase(question, words) {
        return Some(Ok(
            Reading::new(choice(YesNo::Yes), Certainty::Clear).hedged(soft)
        ));
    }
    // A hedge in a later clause than the answer's own softens that clause
    // only: "no, I've had it on and off for years".
    let answer_ends = words
        .iter()
        .position(|w| w == "," || w == "but")
        .unwrap_or(words.len());
    let hedge_elsewhere = words.len() == typed.words.len()
        && typed.hedge_at.is_some_and(|at| at > answer_ends)
        && words[answer_ends..]
            .iter()
            .any(|w| w != "," && !is_stopword(w))
        // "no, it's a little numb": the later clause takes the no back.
        && !sentence::affirms_any(&words[answer_ends..], asked());
    let plain = |reading: Reading| {
        if hedge_elsewhere && !typed.asked {
            reading.settled()
        } else {
            reading
        }
    };
    if let Some(verdict) = sentence::verdict(question, words, asked(), &against) {
        return Some(match verdict {
            // "just the one leg?" said as a question is still not plain.
            Verdict::Plainly if typed.asked => {
                Ok(Reading::new(choice(YesNo::No), Certainty::Clear).hedged(true))
            }
            Verdict::Plainly => Ok(Reading::new(choice(YesNo::No), Certainty::Clear).settled()),
            Verdict::Unsure if has(YesNo::Unsure) => {
                Ok(Reading::new(choice(YesNo::Unsure), Certainty::Clear))
            }
            Verdict::Unsure => Err(Refused::NotAnAnswer),
            Verdict::No if hedge_elsewhere => {
                Ok(plain(Reading::new(choice(YesNo::No), Certainty::Clear)))
            }
            Verdict::Yes => Ok(Reading::new(choice(YesNo::Yes), Certainty::Clear).hedged(soft)),
            Verdict::No => Ok(Reading::new(choice(YesNo::No), Certainty::Clear).hedged(soft)),
            Verdict::SoftNo => Ok(Reading::new(choice(YesNo::No), Certainty::Clear).hedged(true)),
        });
    }
    let first = words[0].as_str();
    // "nothing helps", "nobody checked": a sentence, not a "no" to the question.
    if is_one_of(first, &["nothing", "nobody", "noone", "none", "nowhere"])
        && words.get(1).is_some_and(|w| {
            w != "," && !is_one_of(w, &["at", "like", "of", "really", "whatsoever"])
        })
    {
        return None;
    }
    let yes_lead = is_one_of(first, YES_WORDS) || starts_any(words, YES_PHRASES).is_some();
    let no_lead = is_one_of(first, NO_WORDS) || starts_any(words, NO_PHRASES).is_some();
    if yes_lead && !no_lead {
        if contradicts(words, NO_WORDS) {
            return Some(Err(Refused::Both));
        }
        // "i have no ...", "i am not ...": the yes was the start of a no.
        let statement_no = words.len() > 1
            && !is_one_of(first, YES_WORDS)
            && words[1..]
                .iter()
                .take(2)
                .any(|w| is_one_of(w, &["no", "not", "never"]));
        if statement_no {
            return Some(Ok(
                Reading::new(choice(YesNo::No), Certainty::Clear).hedged(soft)
            ));
        }
        return Some(Ok(
            Reading::new(choice(YesNo::Yes), Certainty::Clear).hedged(soft)
        ));
    }
    if no_lead {
        if contradicts(words, YES_WORDS) {
            return Some(Err(Refused::Both));
        }
        // "i dont ride a bike" to the saddle question: not an answer to it.
        let topic = || sentence::topic(question, clinical);
        if off_the_question_topic(topic(), words) {
            return Some(Err(Refused::NotAnAnswer));
        }
        // "I haven't peed at all today", "I've not been able to pee since
        // yesterday" to "have you been unable to pee?": the denial is the
        // question's own, said back.
        if denies_what_is_denied(words, &against) {
            return Some(Ok(
                Reading::new(choice(YesNo::Yes), Certainty::Clear).hedged(soft)
            ));
        }
        // "I've not been able to pee": the denial tells of the symptom.
        // "I'm fine but my wife says I've been confused": the rest takes
        // the no back. Both asked again on a safety question.
        let unable = words.iter().any(|w| {
            matches!(
                w.as_str(),
                "able" | "unable" | "control" | "hold" | "stop" | "manage"
            )
        });
        let taken_back = words.iter().position(|w| w == "but").is_some_and(|at| {
            let rest = &words[at + 1..];
            sentence::affirms_any(rest, asked())
                && !rest
                    .iter()
                    .any(|w| sentence::is_fine(w) || matches!(w.as_str(), "just" | "only"))
        });
        if unable || taken_back {
            return Some(Ok(
                Reading::new(choice(YesNo::No), Certainty::Clear).hedged(true)
            ));
        }
        let off = off_the_question(asked, words);
        if !off && hedge_elsewhere && !typed.asked {
            return Some(Ok(plain(Reading::new(choice(YesNo::No), Certainty::Clear))));
        }
        return Some(Ok(
            Reading::new(choice(YesNo::No), Certainty::Clear).hedged(soft || off)
        ));
    }
    if typed.hedged && words.len() == 1 && first == "so" {
        return Some(Ok(
            Reading::new(choice(YesNo::Yes), Certainty::Clear).hedged(true)
        ));
    }
    // "some bleeding at 8 weeks but nothing since", asked about now.
    let over = sentence::over_now(words) && sentence::about_now(question);
    if let Some(reading) = statement(asked(), &not_yes_words(question), &against, words, over) {
        return Some(Ok(reading.hedged(soft)));
    }
    if words.len() == 1 {
        return typo(first).map(|id| Ok(Reading::new(choice(id), Certainty::Loose)));
    }
    None
}

/// "I haven't checked", "I don't take my temperature": a denial of something
/// the question does not ask about, so not plainly a "no" to it. A denial
/// that names what is asked ("I haven't fainted") or nothing ("I don't") is.
fn off_the_question<'a>(asked: impl FnOnce() -> &'a Vec<String>, words: &[String]) -> bool {
    let plain_no = [
        "no", "n", "nope", "nah", "naw", "nay", "none", "negative", "false",
    ];
    let length = match starts_any(words, NO_PHRASES) {
        Some(length) => length,
        None if is_one_of(&words[0], NO_WORDS) && !is_one_of(&words[0], &plain_no) => 1,
        None => return false,
    };
    // What the denial governs: up to the first comma ("not yet, I'm waiting").
    let said: Vec<&String> = words[length..]
        .iter()
        .take_while(|w| w.as_str() != ",")
        .filter(|w| w.as_str() != "," && !is_stopword(w))
        .filter(|w| !matches!(w.as_str(), "yet" | "anything" | "anyone" | "ever"))
        .collect();
    if said.is_empty() {
        return false;
    }
    let asked = asked();
    !said.iter().any(|w| asked.iter().any(|a| same_stem(w, a)))
}

/// Whether a leading denial governs only a word the question itself asks
/// in the negative, with nothing else said but when: "I haven't peed at all
/// today" to "unable to pee?". "I haven't had to pee more than usual" says
/// more, and is not this.
fn denies_what_is_denied(words: &[String], against: &[String]) -> bool {
    let Some(length) = starts_any(words, NO_PHRASES) else {
        return false;
    };
    let clause: Vec<&String> = words[length..]
        .iter()
        .take_while(|w| *w != "," && *w != "but")
        .collect();
    let Some(at) = clause
        .iter()
        .position(|w| against.iter().any(|a| same_stem(w, a)))
    else {
        return false;
    };
    let before_ok = clause[..at]
        .iter()
        .all(|w| is_stopword(w) || matches!(w.as_str(), "able" | "managed" | "properly" | "even"));
    let after_ok = clause[at + 1..].iter().all(|w| {
        (is_stopword(w) && !matches!(w.as_str(), "more" | "much" | "than"))
            || sentence::is_when(w)
            || matches!(
                w.as_str(),
                "all" | "today" | "yesterday" | "tonight" | "properly" | "morning" | "night"
            )
    });
    before_ok && after_ok
}

/// The same as [`off_the_question`], against the question's topic only.
fn off_the_question_topic(topic: Vec<String>, words: &[String]) -> bool {
    off_the_question(|| &topic, words)
}

/// "yes and no", "no, yes": both said at once.
fn contradicts(words: &[String], other: &[&str]) -> bool {
    words[1..].iter().enumerate().any(|(i, w)| {
        let before = &words[i];
        // "yes, no problem" keeps its yes; "yes and no", "no, yes" do not.
        (w == "yes" || w == "no")
            && other.contains(&w.as_str())
            && matches!(before.as_str(), "and" | "or" | "," | "yes" | "no" | "but")
            && words
                .get(i + 2)
                .is_none_or(|next| next == "," || next == "and")
    })
}

/// A sentence that repeats what the question asks about, with no negation:
/// "I fainted" to "have you fainted?", "it's getting better".
fn statement(
    asked: &[String],
    otherwise: &[String],
    against: &[String],
    words: &[String],
    over: bool,
) -> Option<Reading> {
    // A negation governs its own clause only ("numb, it's not normal");
    // "can't pee", "cannot feel my legs" tell of a symptom, not against it.
    let scoped = sentence::negated(words);
    // Words that carry the sentence: not filler, but "worse" and "better" do.
    let meant = |w: &String| !is_stopword(w) || CONTRARY.iter().any(|(said, _)| w == said);
    // "getting worse" to "getting better?": the opposite of what is asked.
    let contrary = words.iter().any(|w| {
        CONTRARY
            .iter()
            .any(|(said, of)| w == said && asked.iter().any(|a| a == of))
    });
    // "it started after I lifted a box": words of when, not of what.
    // "not" is no word of what is asked, though the question says it.
    let hit = |w: &String| {
        meant(w)
            && !sentence::is_when(w)
            && !sentence::is_negation_word(w)
            && asked.iter().any(|a| same_stem(w, a))
    };
    // "I'm not dieting" to "... and you have not been dieting?": the
    // question's own denial, said back, agrees.
    let agrees = |w: &String| against.iter().any(|a| same_stem(w, a));
    let hits = words
        .iter()
        .zip(&scoped)
        .filter(|(w, neg)| (!**neg || agrees(w)) && hit(w))
        .count();
    // "numb, but not down there": the clause may deny what was asked
    // in other words; asked again rather than read as a yes.
    let negated = words
        .iter()
        .zip(&scoped)
        .any(|(w, &neg)| neg && hit(w) && !agrees(w))
        || words
            .windows(2)
            .any(|pair| matches!(pair[0].as_str(), "but" | ",") && pair[1] == "not");
    // "normal, I feel fine" where "no" reads "normal": not a yes.
    let other = words
        .iter()
        .any(|w| meant(w) && otherwise.iter().any(|o| same_stem(w, o)));
    // "some bleeding at 8 weeks but nothing since": over now, so not
    // plainly a yes to a question about now.
    (hits > 0 && !negated && !contrary && !other && !over)
        .then(|| Reading::new(YesNo::Yes.value(), Certainty::Clear))
}

/// The words the author gave "no" and "not sure" (their own labels and
/// synonyms): a sentence holding one is not a yes.
fn not_yes_words(question: &Question) -> Vec<String> {
    let mut words = Vec::new();
    for id in [YesNo::No, YesNo::Unsure] {
        if let Some(answer) = question.answer(id.id()) {
            for synonym in &answer.synonyms {
                words.extend(content_words(synonym));
            }
        }
    }
    words
}

/// Words that say the opposite of a word a question asks about.
const CONTRARY: &[(&str, &str)] = &[
    ("worse", "better"),
    ("better", "worse"),
    ("same", "better"),
    ("same", "worse"),
    ("less", "more"),
    ("more", "less"),
    ("helps", "worse"),
    ("eases", "worse"),
    ("helps", "same"),
    ("easier", "harder"),
    ("harder", "easier"),
];

/// The words a yes repeats: the question's own, its clinical wording, and
/// the author's synonyms for yes.
fn asked_about(question: &Question, clinical: Option<&str>) -> Vec<String> {
    // "This is the part of you that would touch a bike saddle." explains a
    // word; "I can't ride a bike" says nothing of what is asked.
    let mut asked: Vec<String> = question
        .ask
        .split_inclusive(['.', '?'])
        .filter(|sentence| !sentence.trim_start().starts_with("This is "))
        .flat_map(content_words)
        .collect();
    if let Some(clinical) = clinical {
        asked.extend(content_words(clinical));
    }
    if let Some(yes) = question.answer(YesNo::Yes.id()) {
        for synonym in &yes.synonyms {
            asked.extend(
                content_words(synonym)
                    .into_iter()
                    .filter(|w| !super::yes_phrases::is_weak(w)),
            );
        }
    }
    asked
}

/// One word one slip away from a yes or a no word ("yse", "nio").
fn typo(word: &str) -> Option<YesNo> {
    let near = |list: &[&str]| list.iter().any(|w| w.len() >= 2 && close_to(word, w));
    match (near(&["yes", "yeah", "yep"]), near(&["no", "nope", "nah"])) {
        (true, false) => Some(YesNo::Yes),
        (false, true) => Some(YesNo::No),
        _ => None,
    }
}

/// Whether the words begin with a way of saying "I do not know".
pub(super) fn says_unsure<S: AsRef<str>>(words: &[S]) -> bool {
    starts_any(words, UNSURE).is_some()
}
