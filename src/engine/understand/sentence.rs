//! Whole sentences, read the way clinical text readers (NegEx, ConText) read
//! a mention: a trigger word and the stretch of words it governs. A
//! negation ("not", "don't", "no") governs the words after it up to a
//! clause boundary (a comma, "but", "though", "except"); a past-time trigger
//! ("years ago", "last year", "always have") puts a clause in the past; an
//! other-person trigger ("my mum had") makes it someone else's. A sentence
//! read so proposes a verdict; the yes/no and choice readers use it before
//! their own word matching, and [`super::decision`] still has the last say.

use super::normalise::same_word;
use super::words::{content_words, is_stopword, same_stem};
use crate::compile::{Question, YesNo};

/// What a whole sentence says to a yes/no question, when its triggers settle it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    Yes,
    /// A no the sentence says plainly ("my dad, not me", "I can pee fine").
    No,
    /// A no that is only implied (someone else's, or the past): recorded on
    /// an ordinary question, asked again on a safety one.
    SoftNo,
    /// A no whatever hedges the sentence holds: they soften what it tells
    /// of ("a bit weak" in one leg), not the answer ("not both").
    Plainly,
    /// Not known yet: "I'm waiting for test results".
    Unsure,
}

/// Words that end the scope of a trigger.
const BOUNDARIES: &[&str] = &[
    ",", "but", "though", "although", "except", "apart", "however", "besides", "anyway", "so",
    "because", "cos", "cause", "whereas", "while",
];

/// Negation triggers. "can't" and "couldn't" are left out: "can't pee" tells
/// of a symptom.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "without", "nothing", "none", "neither", "nor", "don't", "doesn't",
    "didn't", "haven't", "hasn't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "won't",
    "nobody", "noone",
];

/// "not only my back", "not just": these add, they do not deny.
const PSEUDO_NEGATIONS: &[&[&str]] = &[&["not", "only"], &["not", "just"], &["no", "doubt"]];

/// Words that say a thing is as it should be.
const FINE: &[&str] = &[
    "fine", "ok", "okay", "normal", "normally", "alright", "strong", "bearable", "works", "working",
];

/// Past-time triggers: a clause holding one is about before this episode.
const PAST: &[&[&str]] = &[
    &["years", "ago"],
    &["year", "ago"],
    &["months", "ago"],
    &["ages", "ago"],
    &["long", "ago"],
    &["long", "time", "ago"],
    &["last", "year"],
    &["years", "back"],
    &["when", "i", "was"],
    &["as", "a", "child"],
    &["as", "a", "kid"],
    &["used", "to"],
    &["for", "years"],
    &["always", "have"],
    &["always", "had"],
    &["i've", "always"],
    &["since", "the", "kids"],
    &["since", "i", "was"],
    &["since", "my"],
    &["nothing", "new"],
    &["usually"],
    &["in", "my", "twenties"],
    &["in", "my", "thirties"],
    &["in", "my", "forties"],
];

/// Words that say a thing has long been so, from before this pain.
const LONG_STANDING: &[&[&str]] = &[
    &["for", "years"],
    &["since", "the", "kids"],
    &["always"],
    &["nothing", "new"],
];

/// Past-time triggers of years, not weeks.
const LONG_AGO: &[&[&str]] = &[
    &["years", "ago"],
    &["year", "ago"],
    &["last", "year"],
    &["years", "back"],
    &["as", "a", "child"],
    &["as", "a", "kid"],
    &["when", "i", "was"],
    &["in", "my", "twenties"],
    &["in", "my", "thirties"],
    &["in", "my", "forties"],
];

/// Words that say the past is over: "fine now", "not this time".
const OVER_NOW: &[&[&str]] = &[
    &["fine", "now"],
    &["ok", "now"],
    &["okay", "now"],
    &["not", "now"],
    &["not", "any", "more"],
    &["not", "anymore"],
    &["not", "this", "time"],
    &["not", "since"],
    &["nothing", "since"],
    &["nothing", "new"],
    &["all", "better"],
    &["healed"],
    &["nothing", "now"],
    &["none", "now"],
    &["gone", "now"],
    &["but", "not", "today"],
];

/// People other than the person answering.
pub(super) const OTHERS: &[&str] = &[
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "brother",
    "sister",
    "wife",
    "husband",
    "partner",
    "son",
    "daughter",
    "kids",
    "kid",
    "children",
    "child",
    "friend",
    "aunt",
    "uncle",
    "nan",
    "nana",
    "gran",
    "granny",
    "grandma",
    "grandad",
    "grandpa",
    "grandmother",
    "grandfather",
    "cousin",
    "family",
    "neighbour",
    "neighbor",
    "boyfriend",
    "girlfriend",
    "niece",
    "nephew",
    "colleague",
];

/// Verbs by which someone else tells of the person: "my wife says I've...".
const REPORTING: &[&str] = &[
    "says",
    "said",
    "thinks",
    "thought",
    "reckons",
    "noticed",
    "tells",
    "told",
    "notices",
    "worries",
    "mentioned",
    "say",
    "think",
    "reckon",
    "notice",
    "tell",
];

/// Words that say "and not me", after someone else was named.
const NOT_ME: &[&[&str]] = &[
    &["not", "me"],
    &["not", "mine"],
    &["i'm", "not"],
    &["i", "am", "not"],
    &["i", "don't"],
    &["i", "haven't"],
    &["i", "didn't"],
    &["i'm", "fine"],
    &["i", "am", "fine"],
    &["i'm", "ok"],
    &["i'm", "okay"],
    &["never", "had", "it"],
];

/// Facts about the person that settle a question whose words hold the key:
/// a man, or someone who cannot become pregnant, is not pregnant.
const SETTLES_NO: &[(&str, &[&[&str]])] = &[(
    "pregnant",
    &[
        &["i'm", "a", "man"],
        &["i", "am", "a", "man"],
        &["i'm", "male"],
        &["i", "am", "male"],
        &["i'm", "a", "guy"],
        &["i'm", "a", "bloke"],
        &["i'm", "a", "fella"],
        &["tubes", "tied"],
        &["hysterectomy"],
        &["past", "the", "menopause"],
        &["after", "the", "menopause"],
        &["through", "the", "menopause"],
        &["post", "menopausal"],
        &["postmenopausal"],
        &["sterilised"],
        &["sterilized"],
    ],
)];

/// One word that settles it alone: "male", "man".
const SETTLES_NO_ALONE: &[(&str, &[&str])] = &[("pregnant", &["male", "man", "a man", "guy"])];

/// Taking medicine as the packet says: "just what the box says".
const AS_DIRECTED: &[&str] = &[
    "box",
    "packet",
    "dose",
    "prescribed",
    "pharmacist",
    "directed",
    "recommended",
    "label",
    "instructions",
];

/// Ways of saying the dose was kept to.
const KEPT_TO: &[&[&str]] = &[
    &["what", "the", "box", "says"],
    &["what", "the", "packet", "says"],
    &["what", "it", "says"],
    &["what", "the", "doctor", "prescribed"],
    &["what", "the", "doctor", "said"],
    &["as", "prescribed"],
    &["as", "directed"],
    &["stick", "to"],
    &["the", "pharmacist", "said"],
    &["recommended", "dose"],
    &["normal", "dose"],
    &["usual", "dose"],
    &["right", "dose"],
];

/// Words that say "more than allowed".
const TOO_MUCH: &[&str] = &[
    "more", "extra", "double", "over", "too", "exceed", "exceeded", "loads", "lots", "handfuls",
];

/// Words that say "one side only" to a question about both.
const ONE_SIDE: &[&str] = &["one", "left", "right", "single", "side"];

fn at<S: AsRef<str>>(words: &[S], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && phrase
            .iter()
            .zip(words)
            .all(|(p, w)| same_word(w.as_ref(), p))
}

fn holds<S: AsRef<str>>(words: &[S], phrase: &[&str]) -> bool {
    (0..words.len()).any(|i| at(&words[i..], phrase))
}

fn holds_any<S: AsRef<str>>(words: &[S], phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|p| holds(words, p))
}

fn is_boundary(word: &str) -> bool {
    BOUNDARIES.contains(&word)
}

/// Whether the words say what they tell of is over: "fine now", "nothing
/// since".
pub(super) fn over_now(words: &[String]) -> bool {
    holds_any(words, OVER_NOW)
}

/// A word that denies: "not", "never", "don't".
pub(super) fn is_negation_word(word: &str) -> bool {
    NEGATIONS.contains(&word)
}

fn is_negation(words: &[String], i: usize) -> bool {
    NEGATIONS.contains(&words[i].as_str()) && !PSEUDO_NEGATIONS.iter().any(|p| at(&words[i..], p))
}

/// Which words a negation governs: from a trigger to the next boundary.
pub(super) fn negated(words: &[String]) -> Vec<bool> {
    scope(words, |i| is_negation(words, i))
}

fn scope(words: &[String], trigger: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut scoped = vec![false; words.len()];
    let mut on = false;
    for (i, word) in words.iter().enumerate() {
        if is_boundary(word) {
            on = false;
        } else if trigger(i) {
            on = true;
        }
        scoped[i] = on;
    }
    scoped
}

/// Negations said with a verb ("I don't", "I'm not"): at a list of choices,
/// "none" and "no" are answers of their own, read elsewhere.
fn verb_negated(words: &[String]) -> Vec<bool> {
    scope(words, |i| {
        is_negation(words, i)
            && !matches!(
                words[i].as_str(),
                "no" | "none" | "nothing" | "neither" | "nor" | "nobody" | "noone"
            )
    })
}

/// The sentence cut into clauses at the boundaries.
fn clauses(words: &[String]) -> Vec<&[String]> {
    words
        .split(|w| is_boundary(w))
        .filter(|c| !c.is_empty())
        .collect()
}

/// Whether the clause names someone else first: "my mum had", "my dad".
fn someone_else(clause: &[String]) -> bool {
    let start = usize::from(
        clause
            .first()
            .is_some_and(|w| matches!(w.as_str(), "my" | "our" | "his" | "her" | "the" | "all")),
    );
    clause.get(start).is_some_and(|w| {
        // "my dad's got": the person named, with "'s".
        let w = w.strip_suffix("'s").unwrap_or(w);
        OTHERS
            .iter()
            .any(|o| same_word(w, o) || same_word(w, &format!("{o}s")))
    }) || clause.first().is_some_and(|w| w == "my")
        && clause
            .get(1)
            .is_some_and(|w| OTHERS.iter().any(|o| same_word(w, o)))
}

/// "my wife says I've been muddled": the words after the reporting verb,
/// which are about the person.
pub(super) fn reported(words: &[String]) -> Option<&[String]> {
    // Any clause may hold the report: "I'm fine but my wife says I've
    // been confused" tells of the person in its second clause.
    let starts = std::iter::once(0).chain(
        (0..words.len())
            .filter(|&i| is_boundary(&words[i]))
            .map(|i| i + 1),
    );
    starts
        .filter(|&start| start < words.len())
        .find_map(|start| {
            let rest = &words[start..];
            let end = rest
                .iter()
                .position(|w| is_boundary(w))
                .unwrap_or(rest.len());
            if !someone_else(&rest[..end]) {
                return None;
            }
            let verb = rest[..end]
                .iter()
                .position(|w| REPORTING.iter().any(|r| same_word(w, r)))?;
            let mut from = verb + 1;
            if rest.get(from).is_some_and(|w| w == "that") {
                from += 1;
            }
            rest.get(from)
                .is_some_and(|w| matches!(w.as_str(), "i" | "i'm" | "i've" | "i'd" | "me" | "my"))
                .then(|| &rest[from..])
        })
}

/// Whether a negation before `at`, in its clause, governs the word there:
/// "I don't think I'm not making sense".
pub(super) fn denied_before(words: &[String], at: usize) -> bool {
    at > 0 && negated(&words[..at]).last().is_some_and(|&n| n)
}

/// Whether the clause holding `at` is someone else's ("my mum is not
/// making sense").
pub(super) fn names_someone_else_first(words: &[String], at: usize) -> bool {
    let start = words[..at]
        .iter()
        .rposition(|w| is_boundary(w))
        .map_or(0, |i| i + 1);
    someone_else(&words[start..at.max(start + 1).min(words.len())])
}

/// The question's own topic: the first sentence of what is asked, its
/// clinical wording and the author's words for yes. The rest of what is
/// asked explains ("the part that would touch a bike saddle").
pub(super) fn topic(question: &Question, clinical: Option<&str>) -> Vec<String> {
    let first = question
        .ask
        .split_inclusive('?')
        .next()
        .unwrap_or(&question.ask);
    let mut words = content_words(first);
    if let Some(clinical) = clinical {
        words.extend(content_words(clinical));
    }
    if let Some(yes) = question.answer("yes") {
        for synonym in &yes.synonyms {
            words.extend(
                content_words(synonym)
                    .into_iter()
                    .filter(|w| !super::yes_phrases::is_weak(w)),
            );
        }
    }
    words
}

/// Whether the question is about now, or since this pain began, rather than
/// about ever.
pub(super) fn about_now(question: &Question) -> bool {
    let ask = question.ask.to_lowercase();
    let words: Vec<&str> = ask.split(|c: char| !c.is_alphanumeric()).collect();
    !(words.contains(&"ever")
        || words.contains(&"before")
        || ask.contains("in your life")
        || ask.contains("in the past"))
}

/// The words of what is asked only for a recent time ("in the last few
/// months", "lately"): all of it, or in a list, the items that say so ("d)
/// an operation on your spine in the last few months", not "a) cancer now,
/// or had it before").
fn recent_part(question: &Question, asked: &[String]) -> Vec<String> {
    let recent = |text: &str| {
        let text = text.to_lowercase();
        ["in the last", "lately"].iter().any(|w| text.contains(w))
    };
    if !lists(question) {
        return if recent(&question.ask) {
            asked.to_vec()
        } else {
            Vec::new()
        };
    }
    question
        .ask
        .split(')')
        .filter(|item| recent(item))
        .flat_map(content_words)
        .collect()
}

/// Whether the question lists several things ("a) ... b) ..."): a sentence
/// about one of them is not a no to all.
fn lists(question: &Question) -> bool {
    question.ask.contains("a) ")
}

/// A double negative: "Is there NO position ...".
pub(super) fn double_negative(question: &Question) -> bool {
    // Asked in capitals ("Is there NO position ..."), or asked plainly
    // with the author's words for yes saying that nothing eases ("Does the
    // pain stay bad in every position?", yes: "nothing helps"): either way a
    // position that eases is a no, and none that does a yes.
    let capital_no = question
        .ask
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "NO");
    capital_no
        || question.answer(YesNo::Yes.id()).is_some_and(|yes| {
            yes.synonyms.iter().any(|synonym| {
                let words = super::normalise::tokens(synonym).0;
                double_negative_verdict(&words, &[]) == Some(Verdict::Yes)
            })
        })
}

/// Reads a whole sentence as a yes/no answer when its triggers settle it;
/// `None` leaves it to the word readers.
/// `against` is what the question asks in the negative
/// ([`super::against::against`]), read once by the caller.
pub(super) fn verdict(
    question: &Question,
    words: &[String],
    asked: &[String],
    against: &[String],
) -> Option<Verdict> {
    let ask = question.ask.to_lowercase();
    // "male" to "could you be pregnant?": a fact that rules it out.
    // Not "my sister had a hysterectomy" (someone else's), nor "I haven't
    // had my tubes tied", nor "I'm going through the change" (which can
    // still be a pregnancy): those are read as any other sentence.
    let mine = !clauses(words).first().is_some_and(|c| someone_else(c));
    let denied = negated(words).iter().any(|&n| n);
    for (key, facts) in SETTLES_NO {
        if ask.contains(key) && mine && !denied && holds_any(words, facts) {
            return Some(Verdict::No);
        }
    }
    let said = words.join(" ");
    for (key, alone) in SETTLES_NO_ALONE {
        if ask.contains(key) && alone.contains(&said.as_str()) {
            return Some(Verdict::No);
        }
    }
    let soft = |verdict: Verdict| {
        if matches!(verdict, Verdict::No | Verdict::Plainly) && lists(question) {
            Verdict::SoftNo
        } else {
            verdict
        }
    };
    if let Some(verdict) = no_but(words, asked, &set_aside(&question.ask)) {
        return Some(verdict);
    }
    if words.len() < 2 {
        return None;
    }
    let parts = clauses(words);
    // "yes, but it's fine now": a yes the rest may take back; the word
    // readers hear the yes, or ask.
    let yes_led = ["yes", "yeah", "yep", "yup", "yea", "ya", "aye", "y"]
        .iter()
        .any(|y| same_word(&words[0], y));
    if yes_led {
        return double_negative(question)
            .then(|| double_negative_verdict(words, asked))
            .flatten()
            .filter(|v| *v == Verdict::Yes);
    }
    // Someone else's: "my mum had breast cancer", "my dad, not me".
    // "my mum and I both had it": the person too.
    let me_too = holds_any(
        words,
        &[
            &["and", "i"],
            &["and", "me"],
            &["me", "too"],
            &["i", "also"],
            &["so", "have", "i"],
        ],
    );
    if parts.first().is_some_and(|c| someone_else(c)) && reported(words).is_none() && !me_too {
        let denied =
            parts[1..].iter().any(|c| holds_any(c, NOT_ME)) || holds(words, &["not", "me"]);
        return Some(if denied {
            soft(Verdict::No)
        } else {
            Verdict::SoftNo
        });
    }
    if double_negative(question)
        && let Some(verdict) = double_negative_verdict(words, asked)
    {
        return Some(verdict);
    }
    // "never had it before" to "is this the first time?": a yes.
    if ask.contains("first time")
        && words[0] == "never"
        && holds_any(words, &[&["before"], &["until", "now"], &["till", "now"]])
    {
        return Some(Verdict::Yes);
    }
    // A plain "no" leads: the no readers take it from here.
    if ["no", "nope", "nah"]
        .iter()
        .any(|w| same_word(&words[0], w))
    {
        return None;
    }
    let scoped = negated(words);
    let affirmed = |list: &[&str]| {
        words
            .iter()
            .zip(&scoped)
            .any(|(w, &neg)| !neg && list.iter().any(|l| same_word(w, l)))
    };
    // "I had a knee operation, not on my spine": what is asked, denied.
    // Only implied ("I've been leaking, not pee but poo" denies one thing
    // and tells of another), so asked again on a safety question.
    if parts.len() > 1
        && parts[1..].iter().any(|c| {
            c.first().is_some_and(|w| w == "not")
                && c.iter().any(|w| asked.iter().any(|a| same_stem(w, a)))
        })
    {
        return Some(Verdict::SoftNo);
    }
    // "waiting for test results": not known yet.
    if holds_any(words, WAITING) {
        return Some(Verdict::Unsure);
    }
    // "I lost weight but I was on a diet" to "lost weight without trying?".
    if ask.contains("without trying") && affirmed(ON_PURPOSE) {
        return Some(soft(Verdict::No));
    }
    // "it's about the same" to "is it getting better / weaker / worse?".
    if ["getting", "spreading", "weaker", "worse"]
        .iter()
        .any(|w| ask.contains(w))
    {
        // "not worse, about the same": plainly not getting worse.
        let denied_change = words.iter().zip(&scoped).any(|(w, &neg)| {
            neg && matches!(w.as_str(), "worse" | "weaker" | "spreading" | "changed")
        });
        if denied_change && affirmed(&["same"]) {
            return Some(soft(Verdict::No));
        }
        // "about the same as yesterday": compared with a time, plainly no
        // change.
        let same_as_then = words.windows(2).enumerate().any(|(i, pair)| {
            pair[0] == "same"
                && pair[1] == "as"
                && words[i + 2..].iter().any(|w| THEN.contains(&w.as_str()))
        });
        if same_as_then && !scoped.iter().any(|&n| n) {
            return Some(soft(Verdict::No));
        }
        // The same may still be bad: asked again on a safety question.
        if affirmed(&["same", "unchanged"]) || holds(words, &["no", "change"]) {
            return Some(Verdict::SoftNo);
        }
        if ask.contains("better")
            && holds_any(
                words,
                &[&["come", "back"], &["came", "back"], &["back", "again"]],
            )
        {
            return Some(soft(Verdict::No));
        }
    }
    // "resting makes it better" to "is it worse when you rest?".
    if (ask.contains("worse") || ask.contains("not ease") || ask.contains("not settle"))
        && !ask.contains("getting")
        && affirmed(&["helps", "eases", "better", "easier", "relieves", "settles"])
    {
        // Eased, but perhaps not enough: asked again on a safety question.
        return Some(Verdict::SoftNo);
    }
    // "it's getting worse" to "is it getting better?".
    if ask.contains("better") && !ask.contains("worse") && affirmed(&["worse", "worsening"]) {
        return Some(soft(Verdict::No));
    }
    // "i've always had a bad back" to "is this the first time?".
    if ask.contains("first time")
        && (holds_any(words, PAST) || affirmed(&["before", "again", "always", "too"]))
        && !holds(words, &["never"])
    {
        return Some(Verdict::No);
    }
    // The past, where the question asks about now.
    // "last month" is the past only to a question about a shorter time.
    // "I blacked out last year and again today": the past, and now too.
    let is_past = |c: &[String]| {
        (holds_any(c, PAST) || (!ask.contains("month") && holds(c, &["last", "month"])))
            && !holds_any(c, &[&["again"], &["still"]])
    };
    let past = is_past(words);
    if past && lists(question) && holds_any(words, OVER_NOW) {
        return Some(Verdict::SoftNo);
    }
    // "back surgery 15 years ago" to "in the last few months?": plainly not.
    let long_ago = holds_any(words, LONG_AGO);
    if past && long_ago && affirms(words, &recent_part(question, asked)) {
        return Some(soft(Verdict::No));
    }
    // "that's been for years since the kids" to "since this back pain
    // began?": from before this pain, so not what is asked.
    let worse_now = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "worse"
                | "worst"
                | "now"
                | "new"
                | "recently"
                | "lately"
                | "today"
                | "started"
                | "more"
        )
    }) && !holds(words, &["nothing", "new"]);
    if past && !worse_now && ask.contains("since this") && holds_any(words, LONG_STANDING) {
        return Some(soft(Verdict::Plainly));
    }
    if about_now(question) && past {
        let over = holds_any(words, OVER_NOW);
        // "... but that's been for years": a clause of the past that names
        // nothing of its own points back at what was said before it.
        let back_reference = parts.iter().any(|c| is_past(c) && !affirms(c, asked));
        // "... but it's much worse since this started": the old thing is
        // new in how bad it is.
        let worse_since = parts.iter().any(|c| {
            let denied = negated(c);
            !is_past(c)
                && c.iter()
                    .zip(&denied)
                    .any(|(w, &neg)| !neg && (w == "worse" || w == "more"))
                && holds_any(
                    c,
                    &[&["since", "this"], &["since", "the", "pain"], &["now"]],
                )
        });
        let yes_now = !back_reference
            && parts.iter().any(|c| {
                !is_past(c) && (affirms(c, asked) || worse_since) && !holds_any(c, OVER_NOW)
            });
        if !yes_now {
            return Some(if over {
                soft(Verdict::No)
            } else {
                Verdict::SoftNo
            });
        }
    }
    // "both, but the left is worse" to "are both legs weak?": both.
    if ask.contains("both ") && words[0] == "both" && words.get(1).is_none_or(|w| is_boundary(w)) {
        return Some(Verdict::Yes);
    }
    // "just the one leg" to "are both legs weak?". Not "my right leg gave
    // way and then the left": both sides named is both.
    let sides = ["left", "right"]
        .iter()
        .filter(|side| words.iter().any(|w| w == *side))
        .count();
    if ask.contains("both ")
        && (sides <= 1 || fine_clauses(words, asked))
        && words.iter().any(|w| ONE_SIDE.contains(&w.as_str()))
        && !words.iter().any(|w| {
            matches!(
                w.as_str(),
                "both" | "two" | "other" | "either" | "yes" | "too" | "also" | "then" | "as"
            )
        })
    {
        let only = words
            .iter()
            .any(|w| matches!(w.as_str(), "only" | "just" | "one" | "single"))
            || fine_clauses(words, asked);
        return Some(if only {
            Verdict::Plainly
        } else {
            Verdict::SoftNo
        });
    }
    // "just what the box says" to "more than the packet says?".
    let medicine = ["medicine", "tablet", "dose", "packet"]
        .iter()
        .any(|w| ask.contains(w));
    if medicine && ask.contains("more") && ask.contains(" than ") {
        let too_much = words.iter().any(|w| TOO_MUCH.contains(&w.as_str()));
        let directed = words
            .iter()
            .any(|w| AS_DIRECTED.iter().any(|d| same_stem(w, d)));
        let only = words.iter().any(|w| w == "only" || w == "just");
        if only && !directed && !too_much {
            // "I only take two": likely within the dose, but not said so.
            return Some(Verdict::SoftNo);
        }
        if directed && !too_much {
            // "what the box says", "as prescribed": plainly within the dose;
            // "I ignore the box" names the box too, so only these are plain.
            let plainly = holds_any(words, KEPT_TO) && !holds_any(words, &[&["ignore"], &["not"]]);
            return Some(if plainly {
                soft(Verdict::No)
            } else {
                Verdict::SoftNo
            });
        }
    }
    // "my leg isn't weak at all": what is asked, denied outright. Not
    // "I'm not able to pee at all", which tells of the symptom.
    let agrees = |w: &String| against.iter().any(|a| same_stem(w, a));
    if holds(words, &["at", "all"])
        && parts.len() == 1
        && words.iter().zip(&scoped).any(|(w, &neg)| {
            neg && !is_stopword(w) && asked.iter().any(|a| same_stem(w, a)) && !agrees(w)
        })
        && !words.iter().any(|w| UNABLE.contains(&w.as_str()))
    {
        // "my leg isn't weak at all": a state denied with "is not", plainly.
        // "I haven't peed at all" tells of a symptom in the same words:
        // only implied, so asked again on a safety question.
        return Some(if denied_state(words, asked) {
            soft(Verdict::No)
        } else {
            Verdict::SoftNo
        });
    }
    // "it wasn't cancer", "my leg's not numb": every word of what is asked
    // is denied right where it stands, and nothing else tells of it.
    if denied_state(words, asked)
        && !words
            .iter()
            .any(|w| UNABLE.contains(&w.as_str()) || EPISTEMIC.contains(&w.as_str()))
        && !words.iter().any(agrees)
    {
        return Some(soft(Verdict::No));
    }
    // "I can pee fine", "my legs feel totally normal".
    let fine_asked = FINE.iter().any(|f| asked.iter().any(|a| a == f));
    let fine_said = !fine_asked && fine_clauses(words, asked);
    if fine_said
        && !parts
            .iter()
            .any(|c| !fine_clause(c, asked) && affirms(c, asked))
    {
        // "my bowels are fine and I wet myself": a clause that tells of
        // something else, unread, makes the no only implied.
        let pieces: Vec<&[String]> = words
            .split(|w| is_boundary(w) || w == "and")
            .filter(|c| !c.is_empty())
            .collect();
        let unexplained = pieces.iter().any(|c| {
            !fine_clause(c, asked)
                && c.iter().any(|w| {
                    !is_stopword(w)
                        && !matches!(w.as_str(), "now" | "thanks" | "otherwise" | "only")
                })
        });
        return Some(if unexplained {
            Verdict::SoftNo
        } else {
            soft(Verdict::No)
        });
    }
    None
}

/// "no, but my pee's been red": a no, and more that must not be lost. On a
/// question where a wrong no could hide danger, the reader asks again (the
/// caller hedges the no); the rest never turns it into a yes.
fn no_but(words: &[String], asked: &[String], aside: &[String]) -> Option<Verdict> {
    let first = words.first()?;
    if !["no", "nope", "nah"].iter().any(|w| same_word(first, w)) {
        return None;
    }
    let but = words.iter().position(|w| w == "but")?;
    if words[1..but]
        .iter()
        .any(|w| w != "," && !is_stopword(w) && !NEGATIONS.contains(&w.as_str()))
    {
        return None;
    }
    let rest = &words[but + 1..];
    // "no, but it burns when I pee" where the question says burning comes
    // later: the rest is about that, so the no is plain.
    let meant: Vec<&String> = rest
        .iter()
        .filter(|w| *w != "," && !is_stopword(w) && !is_when(w))
        .collect();
    if !meant.is_empty()
        && meant.iter().any(|w| aside.iter().any(|a| same_stem(w, a)))
        && meant.iter().all(|w| aside.iter().any(|a| same_stem(w, a)))
    {
        return Some(Verdict::No);
    }
    let mentions = rest.iter().any(|w| {
        ALARMS.iter().any(|a| w.starts_with(a))
            || asked.iter().any(|a| same_stem(w, a) && !is_stopword(a))
    });
    Some(if mentions {
        Verdict::SoftNo
    } else {
        Verdict::No
    })
}

/// Words the question itself sets aside for later: "(Burning, needing to
/// go often, or blood in your pee come later.)".
pub(super) fn set_aside(ask: &str) -> Vec<String> {
    ask.split('(')
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|inside| {
            let inside = inside.to_lowercase();
            ["come later", "asked later", "comes later"]
                .iter()
                .any(|p| inside.contains(p))
        })
        .flat_map(content_words)
        .filter(|w| !matches!(w.as_str(), "come" | "comes" | "later" | "asked"))
        .collect()
}

/// Times a change is measured from: "the same as yesterday".
const THEN: &[&str] = &[
    "yesterday",
    "before",
    "morning",
    "last",
    "earlier",
    "ago",
    "usual",
    "ever",
    "week",
    "was",
];

/// Words of knowing: "I don't know if it's cancer" denies the knowing, not
/// the thing.
const EPISTEMIC: &[&str] = &[
    "know", "sure", "think", "tell", "remember", "certain", "idea", "checked", "noticed", "say",
    "if", "whether",
];

/// Negations that deny a state: "isn't", "wasn't", "not" after "is" or "I'm".
fn denies_state(words: &[String], i: usize) -> bool {
    matches!(words[i].as_str(), "isn't" | "aren't" | "wasn't" | "weren't")
        || words[i] == "not"
            && i > 0
            && matches!(
                words[i - 1].as_str(),
                "is" | "are" | "was" | "were" | "i'm" | "it's" | "am" | "they're" | "that's"
            )
}

/// Whether the sentence denies what is asked as a state ("it wasn't
/// cancer", "my leg isn't weak at all"): in every clause that names it, each
/// word of it stands either just after such a denial or before it, as what
/// the denial is about ("my leg"); and one clause does so.
fn denied_state(words: &[String], asked: &[String]) -> bool {
    let mut any = false;
    for clause in clauses(words) {
        let denial = (0..clause.len()).find(|&j| denies_state(clause, j));
        for (i, word) in clause.iter().enumerate() {
            if is_stopword(word)
                || is_when(word)
                || NEGATIONS.contains(&word.as_str())
                || !asked.iter().any(|a| same_stem(word, a))
            {
                continue;
            }
            match denial {
                Some(j) if i < j => {}
                Some(j) if i - j <= 3 => any = true,
                _ => return false,
            }
        }
    }
    any
}

/// Words that say the answer is not known yet.
const WAITING: &[&[&str]] = &[
    &["waiting", "for", "results"],
    &["waiting", "for", "test"],
    &["waiting", "for", "the", "results"],
    &["waiting", "for", "my", "results"],
    &["waiting", "on", "results"],
    &["waiting", "to", "hear"],
    &["having", "tests"],
    &["being", "tested"],
    &["being", "investigated"],
];

/// Words that make a denial tell of a symptom: "not able to", "no control".
const UNABLE: &[&str] = &[
    "able", "control", "hold", "stop", "feel", "move", "walk", "lift", "manage", "wake", "sleep",
    "get", "go",
];

/// Reasons for losing weight on purpose.
const ON_PURPOSE: &[&str] = &[
    "diet",
    "dieting",
    "purpose",
    "slimming",
    "watchers",
    "gym",
    "exercising",
    "trying",
];

/// Word beginnings that tell of a finding another question asks about.
const ALARMS: &[&str] = &[
    "pee", "wee", "urin", "poo", "bowel", "blood", "bleed", "numb", "tingl", "weak", "faint",
    "collaps", "pass", "fever", "temperat", "chill", "shiver", "headach", "neck", "confus",
    "muddl", "weight", "cancer", "tumour", "lump", "fell", "fall", "crash", "burn", "wet", "leak",
];

/// Whether any clause says something the question asks about, not denied.
pub(super) fn affirms_any(words: &[String], asked: &[String]) -> bool {
    clauses(words).iter().any(|c| affirms(c, asked))
}

/// Whether a clause says something the question asks about, not denied.
fn affirms(clause: &[String], asked: &[String]) -> bool {
    let scoped = negated(clause);
    clause.iter().zip(&scoped).any(|(w, &neg)| {
        !neg && !is_stopword(w) && !is_when(w) && w != "," && asked.iter().any(|a| same_stem(w, a))
    })
}

/// Words of when, not of what: "since", "started", "after". A sentence
/// that shares only these with the question says nothing about its matter.
pub(super) fn is_when(word: &str) -> bool {
    matches!(
        word,
        "start"
            | "started"
            | "starts"
            | "began"
            | "begin"
            | "came"
            | "come"
            | "since"
            | "lately"
            | "after"
            | "before"
            | "ago"
            | "last"
            // Lengths of time: "a month ago" says when, not what, even to
            // a question that asks about "the last few months".
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "hour"
            | "hours"
    )
}

/// A word that says a thing is as it should be.
pub(super) fn is_fine(word: &str) -> bool {
    FINE.contains(&word)
}

fn fine_clause(clause: &[String], asked: &[String]) -> bool {
    let scoped = negated(clause);
    clause
        .iter()
        .enumerate()
        .zip(&scoped)
        .any(|((i, w), &neg)| {
            !neg && FINE.contains(&w.as_str())
                && !asked.iter().any(|a| a == w)
                && !compared(clause, i)
        })
}

/// "more than normal", "worse than usual": the word is what the person
/// measures against, not how they are.
fn compared(words: &[String], i: usize) -> bool {
    i > 0 && words[i - 1] == "than"
}

fn fine_clauses(words: &[String], asked: &[String]) -> bool {
    clauses(words).iter().any(|c| fine_clause(c, asked))
}

/// Ease words at a question asked the other way round ("Is there NO
/// position ... in which the pain eases?"): a position that eases is a no;
/// none that does is a yes.
const EASE: &[&str] = &[
    "fine",
    "ok",
    "okay",
    "eases",
    "ease",
    "helps",
    "help",
    "comfortable",
    "comfy",
    "bearable",
    "better",
    "relief",
    "relieves",
];

fn double_negative_verdict(words: &[String], asked: &[String]) -> Option<Verdict> {
    // "no" then a comma or the end answers the question; "no position" is
    // the question's own negative, said back.
    let answer_no = words.first().is_some_and(|w| w == "no")
        && words
            .get(1)
            .is_none_or(|w| w == "," || w == "not" || w == "never");
    if answer_no {
        return None;
    }
    let scoped = negated(words);
    let cannot = |i: usize| {
        i > 0 && matches!(words[i - 1].as_str(), "can't" | "cannot" | "couldn't")
            || i > 1 && matches!(words[i - 2].as_str(), "can't" | "cannot" | "couldn't")
    };
    let mut eases = false;
    let mut nothing_eases = false;
    let mut comfortable = false;
    for (i, word) in words.iter().enumerate() {
        if EASE.iter().any(|e| same_word(word, e)) {
            if scoped[i] || cannot(i) || i > 0 && words[i - 1] == "nothing" {
                nothing_eases = true;
            } else {
                eases = true;
                // "helps" may not help enough to be comfortable, as asked.
                comfortable |= !matches!(
                    word.as_str(),
                    "helps" | "help" | "better" | "relief" | "relieves" | "eases" | "ease"
                );
            }
        }
    }
    let _ = asked;
    match (eases, nothing_eases) {
        (true, false) if comfortable => Some(Verdict::No),
        (true, false) => Some(Verdict::SoftNo),
        (false, true) => Some(Verdict::Yes),
        _ => None,
    }
}

/// Words of a choice answer left once denied and other people's clauses
/// are taken out ("i dont think any of them" leaves nothing; "lying on my
/// side is fine, but sitting is bad" leaves "sitting is bad"); and whether
/// anything was taken out so.
pub(super) fn kept_for_choices(words: &[String], drop_fine: bool) -> (Vec<String>, bool) {
    let scoped = verb_negated(words);
    let mut kept = Vec::new();
    let mut dropped = false;
    let mut start = 0;
    for end in (0..=words.len()).filter(|&i| i == words.len() || is_boundary(&words[i])) {
        let clause = &words[start..end];
        let fine = clause.iter().any(|w| FINE.contains(&w.as_str()))
            || holds_any(
                clause,
                &[&["no", "problem"], &["no", "problems"], &["no", "trouble"]],
            );
        // "not only my back, it goes into my bum": the back is not the answer.
        let also = PSEUDO_NEGATIONS.iter().any(|p| at(clause, p));
        if someone_else(clause) || also || (drop_fine && fine && clause.len() > 1) {
            dropped |= !clause.is_empty();
        } else {
            for (i, word) in clause.iter().enumerate() {
                if scoped[start + i] {
                    dropped = true;
                } else {
                    kept.push(word.clone());
                }
            }
        }
        if end < words.len() {
            kept.push(words[end].clone());
        }
        start = end + 1;
    }
    while kept.first().is_some_and(|w| is_boundary(w)) {
        kept.remove(0);
    }
    while kept.last().is_some_and(|w| is_boundary(w)) {
        kept.pop();
    }
    (kept, dropped)
}

/// Whether a choice answer begins with a denial of everything, softly: "i
/// dont think so", "i don't think any".
pub(super) fn soft_denial(words: &[String]) -> bool {
    holds(words, &["don't", "think"]) || holds(words, &["not", "really"])
}

/// "it's for my husband", "my mum's back": someone else named.
pub(super) fn names_someone_else(words: &[String]) -> bool {
    words.windows(2).any(|pair| {
        matches!(pair[0].as_str(), "my" | "our") && OTHERS.iter().any(|o| same_word(&pair[1], o))
    })
}

/// "yep, it's for me", "yeah my back": a yes about the person's own pain,
/// with nobody else named.
pub(super) fn yes_for_me(words: &[String]) -> bool {
    // A bare "yeah" is asked again: it could be for anyone.
    let [first, _, ..] = words else {
        return false;
    };
    ["yes", "yeah", "yep", "yup", "yea", "ya", "aye", "y"]
        .iter()
        .any(|y| same_word(first, y))
        && words[1..].iter().all(|w| {
            w == ","
                || is_stopword(w)
                || matches!(
                    w.as_str(),
                    "me" | "mine" | "myself" | "own" | "lower" | "for" | "it's" | "that's"
                )
        })
        && !words.iter().any(|w| OTHERS.iter().any(|o| same_word(w, o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        super::super::normalise::normalise(text).words
    }

    #[test]
    fn a_negation_governs_up_to_a_boundary() {
        let said = words("no blood, but it burns");
        let scoped = negated(&said);
        assert_eq!(scoped, vec![true, true, false, false, false, false]);
        assert!(!negated(&words("not only my back"))[0]);
    }

    #[test]
    fn someone_else_is_not_the_person() {
        assert!(someone_else(&words("my mum had breast cancer")));
        assert!(!someone_else(&words("i had breast cancer")));
        assert!(reported(&words("my wife says i've been muddled")).is_some());
        assert!(reported(&words("my mum had cancer")).is_none());
    }

    #[test]
    fn a_report_in_a_later_clause_is_about_the_person() {
        let said = words("I'm fine but my wife says I've been confused");
        assert_eq!(
            reported(&said).map(|r| r.join(" ")),
            Some("i've been confused".to_string())
        );
        assert!(reported(&words("I'm fine but my wife is confused")).is_none());
    }

    #[test]
    fn a_state_denied_where_it_stands() {
        let asked = |text: &str| content_words(text);
        assert!(denied_state(
            &words("i had a lump removed, it wasn't cancer"),
            &asked("have you had cancer")
        ));
        assert!(denied_state(
            &words("my leg isn't weak at all"),
            &asked("is a leg getting weaker")
        ));
        // A symptom told in a denial, or a denial of something else.
        assert!(!denied_state(
            &words("I haven't peed at all today"),
            &asked("unable to pee")
        ));
        assert!(!denied_state(
            &words("it's not my back, it's cancer"),
            &asked("have you had cancer")
        ));
        // "not" is no word of what is asked, however like "noticed" it looks.
        assert!(!denied_state(
            &words("I'm not making sense"),
            &asked("have people noticed you are confused")
        ));
    }

    #[test]
    fn the_same_as_a_time_is_no_change() {
        let flow = crate::compile::compile(&crate::source::KnowledgeSource::embedded())
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let question = flow
            .question(flow.find("rapid_weakening").expect("shipped"))
            .expect("a question");
        let asked = content_words(&question.ask);
        let against = super::super::against::against(&question.ask);
        let read = |text: &str| verdict(question, &words(text), &asked, &against);
        assert_eq!(read("it's about the same as yesterday"), Some(Verdict::No));
        // The same, with nothing to measure it by, may still be bad.
        assert_eq!(read("it's about the same"), Some(Verdict::SoftNo));
    }

    #[test]
    fn denied_choices_leave_nothing() {
        assert!(
            kept_for_choices(&words("i dont think any of them"), true)
                .0
                .iter()
                .all(|w| is_stopword(w))
        );
        let (kept, dropped) =
            kept_for_choices(&words("lying on my side is fine, but sitting is bad"), true);
        assert!(dropped);
        assert!(kept.contains(&"sitting".to_string()));
        assert!(!kept.contains(&"side".to_string()));
    }
}
