//! The interpreter on a small inline flow: one question of each kind.

use super::*;
use crate::compile::{Flow, compile, tests::folder};

const FLOW: &str = r#"
flow t "T" { version "1" start q.flag }
fact f: bool
tag red_flag "A danger sign" means red_flag
tag emergency "Refer now" means emergency
outcome done { verdict treat title "Done" plan "p" source "NICE NG59" }
outcome help_now { verdict refer emergency title "Help" plan "p" source "NICE NG59" }
question flag {
  ask "Have you fainted or felt like you might pass out?"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question better {
  ask "Is your back pain slowly getting better?"
  why "w" source "NICE NG59"
  yes -> next
  no -> next
  unsure -> next
}
question age {
  ask "How old are you?" why "w" source "NICE NG59"
  number 0..120 unit "years"
  then -> next
}
question spread {
  ask "Does the pain spread?" why "w" source "NICE NG59"
  answer none "No, it stays in my lower back" synonyms "just my back" -> next
  answer thigh "Down my thigh, but not past the knee" synonyms "upper leg" -> next
  answer below_knee "Below my knee, into the calf or foot" synonyms "calf", "shin" -> next
}
question how_long {
  ask "How long have you had it?" why "w" source "NICE NG59"
  answer acute "Less than 6 weeks" within 0..6 weeks -> next
  answer subacute "6 weeks to 3 months" within 6 weeks..3 months -> next
  answer chronic "More than 3 months" within 3 months.. -> next
}
question who {
  ask "Is this your own back pain?" why "w" source "NICE NG59"
  answer mine "Yes, my own" -> next
  answer theirs "Yes, someone else's" -> next
  answer neither "No, neither" -> next
}
question worse {
  ask "Which make it worse?" why "w" source "NICE NG59"
  multiple
  answer sitting "Sitting for a while" synonyms "desk"
  answer bending "Bending forward" synonyms "lifting"
  answer face_down "Lying face-down (on your tummy)" synonyms "prone"
  answer none "None of these" synonyms "nothing"
  then -> done
}
"#;

fn flow() -> Flow {
    compile(&folder(&[("q.flow", FLOW)])).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn read(flow: &Flow, id: &str, text: &str) -> Result<Understood, AnswerError> {
    let index = flow.find(id).unwrap();
    let question = flow.question(index).unwrap();
    understand(flow.node(index), question, text)
}

fn value(flow: &Flow, id: &str, text: &str) -> String {
    match read(flow, id, text) {
        Ok(understood) => understood.value().to_string(),
        Err(AnswerError::HelpWanted) => "help".into(),
        Err(AnswerError::UnclearNo { .. }) => "ask:unclear_no".into(),
        Err(_) => "ask".into(),
    }
}

#[test]
fn yes_and_no_in_everyday_words() {
    let flow = flow();
    for (text, want) in [
        ("yes", "yes"),
        ("Yeah", "yes"),
        ("yesss", "yes"),
        ("noo", "no"),
        ("nope", "no"),
        ("2", "no"),
        ("um, no", "no"),
        ("well no", "no"),
        ("yes, I fainted", "yes"),
        ("no, just pain", "no"),
        ("nope nothing like that", "no"),
        ("I fainted", "yes"),
        ("not sure", "unsure"),
        ("no idea", "unsure"),
        ("sure", "yes"),
        ("a little", "yes"),
        ("sometimes", "yes"),
        ("kind of", "yes"),
        ("yes and no", "ask"),
        ("purple", "ask"),
    ] {
        assert_eq!(value(&flow, "flag", text), want, "{text:?}");
    }
}

#[test]
fn a_question_mark_is_help_never_not_sure() {
    let flow = flow();
    assert_eq!(value(&flow, "flag", "?"), "help");
    assert_eq!(value(&flow, "flag", "what do you mean"), "help");
    assert!(
        read(&flow, "flag", "?")
            .unwrap_err()
            .to_string()
            .contains("request for help")
    );
}

#[test]
fn a_loose_no_on_a_red_flag_is_asked_again() {
    let flow = flow();
    for text in [
        "not really",
        "nio",
        "no?",
        "probably not",
        "hardly",
        "i don't think so",
    ] {
        assert_eq!(value(&flow, "flag", text), "ask:unclear_no", "{text:?}");
    }
    // The same words on a question that is not a red flag are a "no".
    assert_eq!(value(&flow, "better", "not really"), "no");
    assert_eq!(value(&flow, "better", "it's getting better"), "yes");
}

#[test]
fn exact_options_are_not_echoed_and_others_are() {
    let flow = flow();
    assert!(read(&flow, "flag", "1").unwrap().is_exact());
    assert!(read(&flow, "flag", "No").unwrap().is_exact());
    assert!(read(&flow, "flag", "unsure").unwrap().is_exact());
    assert!(!read(&flow, "flag", "nope").unwrap().is_exact());
    assert!(!read(&flow, "age", "I'm 35").unwrap().is_exact());
    assert!(read(&flow, "age", "35").unwrap().is_exact());
}

#[test]
fn numbers_in_words_and_with_units() {
    let flow = flow();
    for text in [
        "35",
        "I'm 35",
        "about 35",
        "35yo",
        "thirty-five",
        "age 35",
        "35 years old",
    ] {
        assert_eq!(value(&flow, "age", text), "35", "{text:?}");
    }
    assert_eq!(value(&flow, "age", "35 or 36"), "ask");
    assert!(matches!(
        read(&flow, "age", "300"),
        Err(AnswerError::OutOfRange { .. })
    ));
    assert!(matches!(
        read(&flow, "age", "old"),
        Err(AnswerError::NotANumber { .. })
    ));
}

#[test]
fn lengths_of_time_land_in_their_span() {
    let flow = flow();
    for (text, want) in [
        ("5 days", "acute"),
        ("3 weeks", "acute"),
        ("a few days", "acute"),
        ("since yesterday", "acute"),
        ("about 2 months", "subacute"),
        ("10 weeks", "subacute"),
        ("6 weeks", "subacute"),
        ("a year", "chronic"),
        ("2 yrs", "chronic"),
        ("more than 3 months", "chronic"),
        ("less than 3 months", "ask"),
        ("2", "subacute"),
        ("5", "ask"),
    ] {
        assert_eq!(value(&flow, "how_long", text), want, "{text:?}");
    }
}

#[test]
fn options_by_their_words() {
    let flow = flow();
    for (text, want) in [
        ("into my calf", "below_knee"),
        ("past my knee", "below_knee"),
        ("just my back", "none"),
        ("no", "none"),
        ("the second one", "thigh"),
        ("thigh", "thigh"),
        ("thihg", "thigh"),
        ("below_knee", "below_knee"),
    ] {
        assert_eq!(value(&flow, "spread", text), want, "{text:?}");
    }
}

#[test]
fn several_choices() {
    let flow = flow();
    for (text, want) in [
        ("1 and 3", "sitting+face_down"),
        ("1, 3", "sitting+face_down"),
        ("3,1", "sitting+face_down"),
        ("1 3", "sitting+face_down"),
        ("sitting and bending", "sitting+bending"),
        ("sitting+face_down", "sitting+face_down"),
        ("none of them", "none"),
        ("nothing", "none"),
        ("no", "none"),
        ("all of them", "sitting+bending+face_down"),
        ("face down", "face_down"),
    ] {
        assert_eq!(value(&flow, "worse", text), want, "{text:?}");
    }
    let error = read(&flow, "worse", "none and sitting").unwrap_err();
    assert!(
        matches!(error, AnswerError::NoneWithOthers { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("cannot be chosen together"),
        "{error}"
    );
}

#[test]
fn errors_list_the_options_as_shown_never_ids() {
    let flow = flow();
    let error = read(&flow, "spread", "purple").unwrap_err().to_string();
    assert!(
        error.contains("1) No, it stays in my lower back"),
        "{error}"
    );
    assert!(!error.contains("below_knee"), "{error}");
}

#[test]
fn control_characters_are_not_echoed() {
    let flow = flow();
    let error = read(&flow, "flag", "\u{1b}[2Jred\u{7}").unwrap_err();
    assert!(!error.to_string().contains('\u{1b}'), "{error}");
}

#[test]
fn huge_input_is_shortened_in_the_message() {
    let flow = flow();
    let error = read(&flow, "flag", &"x".repeat(1 << 16)).unwrap_err();
    assert!(error.to_string().len() < 300);
}

#[test]
fn not_sure_where_no_answer_says_so_is_asked_again() {
    let flow = flow();
    // "not" must never be taken for "No, it stays in my lower back".
    for text in ["not sure", "I'm not sure", "don't know"] {
        let error = read(&flow, "spread", text).unwrap_err();
        assert!(
            matches!(error, AnswerError::NotSureHere { .. }),
            "{text}: {error:?}"
        );
        assert!(
            error
                .to_string()
                .contains("1) No, it stays in my lower back"),
            "{error}"
        );
    }
    let error = read(&flow, "worse", "not sure").unwrap_err();
    assert!(
        matches!(error, AnswerError::NotSureHere { .. }),
        "{error:?}"
    );
    // A yes/no question keeps its own "not sure".
    assert_eq!(value(&flow, "better", "not sure"), "unsure");
}

#[test]
fn a_bare_yes_or_no_to_answers_worded_so_picks_the_one_or_names_them() {
    let flow = flow();
    match read(&flow, "who", "yeah") {
        Err(AnswerError::Ambiguous { candidates, .. }) => {
            assert_eq!(candidates, ["1) Yes, my own", "2) Yes, someone else's"])
        }
        other => panic!("{other:?}"),
    }
    let message = read(&flow, "who", "yep").unwrap_err().to_string();
    assert!(
        message.contains("could mean more than one answer"),
        "{message}"
    );
    assert_eq!(value(&flow, "who", "nope"), "neither");
    assert_eq!(value(&flow, "spread", "nah"), "none");
    // No answer starts with "Yes": asked again with every option.
    assert!(matches!(
        read(&flow, "spread", "yeah"),
        Err(AnswerError::NoMatch { .. })
    ));
    // "fine" and "nothing" answer something else than a plain no.
    for word in ["fine", "nothing"] {
        assert_eq!(yes_no::bare_yes_or_no(&[word.to_string()]), None, "{word}");
    }
    assert_eq!(yes_no::bare_yes_or_no(&["nah".to_string()]), Some("no"));
}

/// Questions worded like the shipped ones, for the rules of whole sentences
/// (issue 24): each rule read at a question of its own kind.
const SENTENCES: &str = r#"
flow s "S" { version "1" start q.bladder }
tag red_flag "A danger sign" means red_flag
tag emergency "Refer now" means emergency
outcome done { verdict treat title "Done" plan "p" source "NICE NG59" }
outcome help_now { verdict refer emergency title "Help" plan "p" source "NICE NG59" }
question bladder {
  ask "Since this back pain began, have you been unable to pee when you need to? (Burning, or blood in your pee, come later.)"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question sleepy {
  ask "Have you, or people around you, noticed that you are newly confused or very sleepy?"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question fainted {
  ask "Along with the back pain, have you fainted or felt like you might pass out?"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question history {
  ask "Does anything on this list apply to you? a) You have cancer now, or had it before. b) You had an operation on your spine in the last few months."
  why "w" source "NICE NG59" tags red_flag, emergency
  yes synonyms "melanoma" -> help_now
  no -> next
  unsure -> help_now
}
question both_legs {
  ask "Are both of your legs weak, so that they might give way?"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question belly {
  ask "Did severe pain in your back and your belly come on suddenly?"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question pills {
  ask "Have you been taking more pain medicine than the packet or your doctor says?"
  why "w" source "NICE NG59" tags red_flag, emergency
  yes -> help_now
  no -> next
  unsure -> help_now
}
question how_long {
  ask "How long has this episode lasted, counting from when it last started?" why "w" source "NICE NG59"
  answer acute "Less than 6 weeks" within 0..6 weeks -> next
  answer chronic "More than 6 weeks" within 6 weeks.. -> next
}
question risks {
  ask "Which of these are true for you?" why "w" source "NICE NG59"
  multiple
  answer steroids "Steroid tablets most days (inhalers and creams do not count)"
  answer face_down "Lying face-down (on your tummy) hurts"
  answer none "None of these"
  then -> done
}
"#;

fn sentences() -> Flow {
    compile(&folder(&[("q.flow", SENTENCES)])).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// Each rule of whole sentences, with a sentence it reads and one it must
/// leave alone.
#[test]
fn whole_sentences_by_their_rules() {
    let flow = sentences();
    for (id, text, want) in [
        // "than normal" is a comparison, not "fine".
        ("sleepy", "i've been sleeping a lot more than normal", "yes"),
        // A report in a later clause is about the person.
        (
            "sleepy",
            "I'm fine but my wife says I've been confused",
            "yes",
        ),
        // What the question sets aside for later, after "no, but".
        ("bladder", "no, but it burns when I pee", "no"),
        ("bladder", "no, but I can't pee", "ask:unclear_no"),
        // The question's own denial, said back, is a yes.
        ("bladder", "I haven't peed at all today", "yes"),
        (
            "bladder",
            "I've not been able to pee since yesterday",
            "yes",
        ),
        // An old thing much worse since this began is new.
        (
            "bladder",
            "I've always had trouble peeing but it's much worse since this started",
            "yes",
        ),
        // The past over now; and the past with now too.
        ("fainted", "I fainted years ago, nothing now", "no"),
        ("fainted", "I fainted last year and again today", "yes"),
        (
            "fainted",
            "I felt faint this morning but nothing since",
            "ask",
        ),
        // Someone else's, named with "'s".
        ("fainted", "my dad's fainted twice but I'm fine", "no"),
        // Long ago, set against only the recent items of a list.
        ("history", "had a melanoma removed years ago", "yes"),
        (
            "history",
            "I had an operation on my spine 15 years ago",
            "ask:unclear_no",
        ),
        // "both, but ..." is both.
        ("both_legs", "both, but the left is worse", "yes"),
        // "only my back" after a fine clause tells nothing new.
        ("belly", "my belly's fine, it's only my back", "no"),
        // The dose as it should be.
        ("pills", "just the normal dose of paracetamol", "no"),
        // Not understood: help, not "not sure".
        ("bladder", "no idea what you mean by that", "help"),
        // This bout, not the years of it.
        (
            "how_long",
            "on and off for years, this time it started 10 days ago",
            "acute",
        ),
        // What an option says does not count is never it.
        ("risks", "a steroid inhaler for my asthma", "ask"),
        ("risks", "steroid tablets", "steroids"),
        // "it kills me" says how bad, not which.
        ("risks", "lying on my tummy, it kills me", "face_down"),
    ] {
        assert_eq!(value(&flow, id, text), want, "{id}: {text:?}");
    }
    // A denial that says more than the question's own is not that yes.
    assert_ne!(
        value(&flow, "bladder", "I haven't had to pee more than usual"),
        "yes"
    );
}

/// A number with the words around it (see number_context.rs).
#[test]
fn an_age_in_context() {
    let flow = flow();
    for (text, want) in [
        ("I'll be 40 next month", "39"),
        ("she's 79", "79"),
        ("late fifties", "ask"),
        ("in my 50s", "ask"),
        ("5 days", "ask"),
        ("born in 1970", "ask"),
    ] {
        assert_eq!(value(&flow, "age", text), want, "{text:?}");
    }
}
