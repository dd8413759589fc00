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
    let given = HashMap::from([(opening, AnswerValue::Choice("not_back".into()))]);
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
    let base = "opening=self_pain,how_old=38,pregnancy=no,saddle_numbness=no,bladder_bowel=no,\
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
