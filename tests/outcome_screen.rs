//! Snapshots of the outcome screen for every verdict and urgency, in both
//! audiences, without colour.

use std::collections::HashMap;
use std::path::Path;

use backcheck::compile::{AnswerValue, Flow, compile};
use backcheck::engine::Session;
use backcheck::report::{Audience, outcome_text};
use backcheck::source::KnowledgeSource;

fn flow() -> Flow {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/screens");
    compile(&KnowledgeSource::from_dir(&dir).unwrap()).unwrap()
}

fn screen(answer: &str, audience: Audience) -> String {
    colored::control::set_override(false);
    let flow = flow();
    let which = flow.find("which").unwrap();
    let given = HashMap::from([(which, AnswerValue::Choice(answer.into()))]);
    let session = Session::replay(&flow, &given);
    assert!(session.is_complete());
    outcome_text(&session, audience)
}

macro_rules! screens {
    ($($name:ident: $answer:literal, $audience:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(screen($answer, $audience));
        }
    )*};
}

screens! {
    treat_lay: "treat", Audience::Lay;
    treat_therapist: "treat", Audience::Therapist;
    modify_lay: "modify", Audience::Lay;
    modify_therapist: "modify", Audience::Therapist;
    refer_routine_lay: "routine", Audience::Lay;
    refer_routine_therapist: "routine", Audience::Therapist;
    refer_urgent_lay: "urgent", Audience::Lay;
    refer_urgent_therapist: "urgent", Audience::Therapist;
    refer_emergency_lay: "emergency", Audience::Lay;
    refer_emergency_therapist: "emergency", Audience::Therapist;
}

#[test]
fn the_banner_reads_without_colour() {
    let text = screen("emergency", Audience::Lay);
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("EMERGENCY"));
    assert!(text.contains("Call emergency services now"));
}

/// Someone the check is not for (here: pain that is not lower back pain) is
/// not told "no massage yet" nor given an urgency: the shipped knowledge's
/// out-of-scope exit, on the screen.
#[test]
fn an_out_of_scope_result_says_so_without_an_urgency() {
    colored::control::set_override(false);
    let source = KnowledgeSource::from_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/lower_back"),
    )
    .unwrap();
    let flow = compile(&source).unwrap();
    let opening = flow.find("opening").unwrap();
    let back_pain = flow.find("back_pain").unwrap();
    let given = HashMap::from([
        (opening, AnswerValue::Choice("self_pain".into())),
        (back_pain, AnswerValue::Choice("no".into())),
    ]);
    let session = Session::replay(&flow, &given);
    let text = outcome_text(&session, Audience::Lay);
    assert!(
        text.contains("=== RESULT: OUTSIDE WHAT THIS CHECK COVERS ==="),
        "{text}"
    );
    assert!(!text.contains("NO MASSAGE YET"), "{text}");
    assert!(!text.contains("Urgency:"), "{text}");
    // A child is out of scope too, and the title itself says to see a doctor.
    let how_old = flow.find("how_old").unwrap();
    let child = HashMap::from([
        (opening, AnswerValue::Choice("self_pain".into())),
        (back_pain, AnswerValue::Choice("yes".into())),
        (how_old, AnswerValue::Number(12)),
    ]);
    let text = outcome_text(&Session::replay(&flow, &child), Audience::Lay);
    assert!(text.contains("OUTSIDE WHAT THIS CHECK COVERS"), "{text}");
    assert!(
        text.contains("See your doctor before any massage"),
        "{text}"
    );
}

/// `"..." when COND` on an outcome's advice: the line shows only on walks
/// where its condition holds. Every conditioned line of the shipped
/// knowledge is walked both ways.
#[test]
fn advice_that_assumes_a_symptom_shows_only_to_those_who_have_it() {
    let base = "opening=self_pain,back_pain=yes,how_old=38,pregnancy=no,saddle_numbness=no,bladder_bowel=no,\
                sexual_function=no,fainting=no,confusion=no,fever=no,history_screen=none,\
                risk_screen=none,symptom_screen=none,how_long=acute,spread=below_knee";
    let line = "Tell them where you feel any numbness or tingling";
    // Numbness and a weak toe: the line fits.
    let with = format!(
        "{base},leg_symptoms=yes,both_legs_weak=no,rapid_weakening=no,leg_worsening=no,\
         severe_weakness=no,numb_where=top_foot,weak_moves=big_toe,reflexes=not_tested"
    );
    let output = crate::common::backcheck(&["run", "--answers", &with])
        .output()
        .unwrap();
    let screen = crate::common::text(&output.stdout);
    assert!(screen.contains("RESULT: SEE YOUR DOCTOR FIRST"), "{screen}");
    assert!(screen.contains(line), "{screen}");
    // Pain below the knee with no numbness, tingling or weakness: not said.
    let without = format!(
        "{base},leg_symptoms=no,numb_where=no_numbness,weak_moves=none,reflexes=not_tested"
    );
    let output = crate::common::backcheck(&["run", "--answers", &without])
        .output()
        .unwrap();
    let screen = crate::common::text(&output.stdout);
    assert!(screen.contains("RESULT: SEE YOUR DOCTOR FIRST"), "{screen}");
    assert!(!screen.contains(line), "{screen}");
    // The JSON says the same.
    let json = crate::common::backcheck(&["run", "--json", "--answers", &without])
        .output()
        .unwrap();
    assert!(
        !crate::common::text(&json.stdout).contains(line),
        "{}",
        crate::common::text(&json.stdout)
    );
}

/// The shipped knowledge, compiled.
fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap()
}

/// Words a person in pain reads that a therapist's screen should not.
const LAY_WORDS: [&str; 7] = [
    " pee",
    "peeing",
    " poo",
    "tummy",
    "belly",
    "your bottom",
    "their bottom",
];

/// The parts of a screen under `headings`, to the next blank line.
fn sections(screen: &str, headings: &[&str]) -> String {
    let mut kept = String::new();
    let mut keep = false;
    for line in screen.lines() {
        if line.is_empty() {
            keep = false;
        }
        if headings.iter().any(|h| line.starts_with(&format!("{h}:"))) {
            keep = true;
        }
        if keep {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// Every case of the shipped knowledge, on the therapist's screen: the plan,
/// the changes, what to avoid and when to get help are in clinical words.
#[test]
fn the_therapist_screen_is_clinical_for_every_shipped_case() {
    colored::control::set_override(false);
    let flow = shipped();
    let headings = [
        "What to do",
        "Therapist's plan",
        "Avoid",
        "When to get help",
        "Findings",
    ];
    let mut screens = 0;
    for case in flow.cases() {
        let given: HashMap<_, _> = case.answers.iter().cloned().collect();
        let session = Session::replay(&flow, &given);
        if !session.is_complete() {
            continue;
        }
        let screen = outcome_text(&session, Audience::Therapist);
        let clinical = sections(&screen, &headings);
        for word in LAY_WORDS {
            assert!(
                !clinical.to_lowercase().contains(word),
                "case {:?}: `{word}` on the therapist's screen:\n{clinical}",
                case.name
            );
        }
        // The lay screen keeps the person's words.
        let lay = outcome_text(&session, Audience::Lay);
        assert!(!lay.contains("Likely nerve root"), "{}", case.name);
        screens += 1;
    }
    assert!(screens >= 100, "{screens} screens");
}

/// Every plan and safety line of the shipped outcomes has a therapist's
/// wording, so no walk shows a therapist a lay line there.
#[test]
fn every_shipped_plan_and_safety_line_has_clinical_words() {
    use backcheck::compile::{AdviceField, NodeKind};
    let flow = shipped();
    for node in flow.nodes() {
        let NodeKind::Outcome(outcome) = &node.kind else {
            continue;
        };
        for (field, lines) in [
            (AdviceField::Plan, &outcome.plan),
            (AdviceField::Safety, &outcome.safety),
        ] {
            for (at, line) in lines.iter().enumerate() {
                assert!(
                    (outcome.clinically.iter()).any(|(f, l, _)| *f == field && *l == at),
                    "{} {field:?} line {}: {line:?} has no `clinically`",
                    node.id,
                    at + 1,
                );
            }
        }
    }
}

/// S1 signs with a reduced knee jerk: the screen names S1 and says which
/// finding disagrees; the Markdown report says the same.
#[test]
fn refer_nerve_root_therapist() {
    colored::control::set_override(false);
    let flow = shipped();
    let case = (flow.cases().iter())
        .find(|c| c.name == "S1 signs, stable")
        .unwrap();
    let mut given: HashMap<_, _> = case.answers.iter().cloned().collect();
    let reflexes = flow.find("reflexes").unwrap();
    let weak = flow.find("weak_moves").unwrap();
    given.insert(
        reflexes,
        AnswerValue::Many(vec!["knee_reduced".into(), "ankle_reduced".into()]),
    );
    given.insert(
        weak,
        AnswerValue::Many(vec!["toe_walk".into(), "eversion".into()]),
    );
    let session = Session::replay(&flow, &given);
    let screen = outcome_text(&session, Audience::Therapist);
    assert!(
        screen.contains("Likely nerve root: S1 (most of the findings fit it)."),
        "{screen}"
    );
    assert!(
        screen.contains("The findings disagree: \"Reduced patellar reflex"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    let report = backcheck::report::markdown_report(
        &session,
        Audience::Therapist,
        std::time::SystemTime::UNIX_EPOCH,
    );
    assert!(report.contains("Likely nerve root: S1"), "{report}");
    assert!(
        report.contains("Sensory change over the lateral foot"),
        "{report}"
    );
    assert!(!report.contains("trouble peeing"), "{report}");
}
