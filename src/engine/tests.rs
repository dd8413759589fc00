//! Engine tests over the mini fixture (tests/fixtures/mini).

use super::AnswerError;
use super::*;
use crate::compile::{AnswerValue, Flow, NodeId, compile, tests::mini};

fn flow() -> Flow {
    compile(&mini()).unwrap()
}

/// The shipped knowledge, compiled: for the tests of what people type.
pub(crate) fn shipped() -> Flow {
    compile(&crate::compile::tests::shipped()).unwrap()
}

/// A simple strain told all clear, in the order the shipped knowledge asks:
/// for me, lower back pain, age 34, then "no" or "none of these" to the end.
pub(crate) const STRAIN: [&str; 18] = [
    "self_pain",
    "yes",
    "34",
    "no",
    "no",
    "no",
    "no",
    "no",
    "no",
    "no",
    "no",
    "no",
    "none",
    "no",
    "acute",
    "none",
    "none",
    "none",
];

fn choice(text: &str) -> AnswerValue {
    AnswerValue::Choice(text.into())
}

fn current_id(session: &Session) -> String {
    session
        .flow()
        .node(session.current_index())
        .local()
        .to_string()
}

fn answer_all(session: &mut Session, answers: &[&str]) {
    for answer in answers {
        session
            .answer_text(answer)
            .unwrap_or_else(|e| panic!("{answer}: {e}"));
    }
}

#[test]
fn starts_at_the_first_question() {
    let flow = flow();
    let session = Session::new(&flow);
    assert_eq!(current_id(&session), "saddle");
    assert!(!session.is_complete());
}

#[test]
fn decide_nodes_are_passed_without_asking() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "12"]);
    assert_eq!(current_id(&session), "too_young");
    assert!(matches!(
        session.path().last().unwrap().taken,
        Taken::Decided(Some(0))
    ));
}

#[test]
fn an_invalid_answer_leaves_the_state_unchanged() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no"]);
    let before = session.path().to_vec();
    assert!(session.answer_text("two hundred").is_err());
    assert!(session.answer(AnswerValue::Number(500)).is_err());
    assert!(session.answer(choice("yes")).is_err());
    assert_eq!(session.path(), &before[..]);
    assert_eq!(current_id(&session), "age");
}

#[test]
fn notes_and_facts_accumulate_with_their_source_step() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(
        &mut session,
        &["no", "70", "yes", "none", "sitting, face-down"],
    );
    assert_eq!(
        session.outcome().unwrap().title,
        "Massage is fine, with changes"
    );
    let notes: Vec<&str> = session
        .notes()
        .iter()
        .map(|(_, n)| n.lay.as_str())
        .collect();
    assert_eq!(
        notes,
        vec![
            "Gentle pressure only.",
            "Keep seated work short.",
            "Side-lying instead of face-down."
        ]
    );
    let osteoporosis = flow
        .facts()
        .iter()
        .position(|f| f.name == "osteoporosis")
        .unwrap();
    let state = session.facts()[osteoporosis].as_ref().unwrap();
    assert_eq!(state.value, crate::compile::Value::Bool(true));
    assert_eq!(
        session.path()[state.set_by.unwrap()].node,
        flow.find("bones").unwrap()
    );
}

#[test]
fn back_undoes_one_answer_and_its_effects() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70", "yes"]);
    assert_eq!(session.back(), flow.find("bones"));
    assert_eq!(current_id(&session), "bones");
    assert!(session.notes().is_empty());
    assert_eq!(session.answers().count(), 2);
}

#[test]
fn back_at_the_start_does_nothing() {
    let flow = flow();
    let mut session = Session::new(&flow);
    assert_eq!(session.back(), None);
    assert_eq!(current_id(&session), "saddle");
}

#[test]
fn change_keeps_answers_that_still_apply() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70", "no", "none", "nothing"]);
    assert_eq!(current_id(&session), "fine");
    let dropped = session.change(flow.find("bones").unwrap(), "yes").unwrap();
    assert!(dropped.is_empty());
    assert_eq!(current_id(&session), "changes");
}

#[test]
fn change_drops_answers_that_no_longer_apply() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70", "no", "none", "nothing"]);
    let dropped = session.change(flow.find("age").unwrap(), "10").unwrap();
    let dropped: Vec<&str> = dropped.iter().map(|&q| flow.short_id(q)).collect();
    assert_eq!(dropped, vec!["bones", "radiation", "worse"]);
    assert_eq!(current_id(&session), "too_young");
}

#[test]
fn change_of_an_unanswered_question_is_refused() {
    let flow = flow();
    let mut session = Session::new(&flow);
    let error = session
        .change(flow.find("bones").unwrap(), "yes")
        .unwrap_err();
    assert!(matches!(error, ChangeError::NotAnswered(_)));
}

#[test]
fn restart_clears_everything() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70", "yes"]);
    session.restart();
    assert_eq!(session.answers().count(), 0);
    assert!(session.notes().is_empty());
    assert_eq!(current_id(&session), "saddle");
}

#[test]
fn save_and_resume_reach_the_same_place() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70", "yes", "thigh"]);
    let json = serde_json::to_string(&session.to_saved()).unwrap();
    let saved: SavedSession = serde_json::from_str(&json).unwrap();
    let (resumed, left) = saved.resume(&flow, false).unwrap();
    assert!(left.is_empty());
    assert_eq!(resumed.path(), session.path());
    assert_eq!(resumed.notes(), session.notes());
}

#[test]
fn resume_refuses_changed_knowledge_unless_forced() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70"]);
    let mut saved = session.to_saved();
    saved.knowledge.hash = "0000000000000000".into();
    assert!(matches!(
        saved.resume(&flow, false),
        Err(ResumeError::KnowledgeChanged { .. })
    ));
    saved.answers[1].answer = AnswerValue::Number(999);
    let (forced, left) = saved.resume(&flow, true).unwrap();
    assert_eq!(forced.answers().count(), 1);
    assert_eq!(left.len(), 1);
}

#[test]
fn a_truncated_session_file_is_an_error_not_a_panic() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no", "70"]);
    let json = serde_json::to_string(&session.to_saved()).unwrap();
    for cut in 0..json.len() {
        let _ = serde_json::from_str::<SavedSession>(&json[..cut]);
    }
    assert!(serde_json::from_str::<SavedSession>(&json[..json.len() / 2]).is_err());
}

#[test]
fn invariants_hold_on_a_red_flag_path() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["not sure"]);
    assert_eq!(
        session.outcome().unwrap().verdict,
        crate::compile::Verdict::Refer(crate::compile::Urgency::Emergency)
    );
    assert!(flow.invariants().iter().all(|i| session.satisfies(i)));
}

#[test]
fn a_question_index_past_the_graph_is_an_error_not_a_panic() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["no"]);
    assert!(session.change(NodeId::new(usize::MAX), "yes").is_err());
    assert!(
        session
            .what_if(NodeId::new(flow.nodes().len()), "yes")
            .is_err()
    );
}

#[test]
fn answering_after_the_outcome_is_refused() {
    let flow = flow();
    let mut session = Session::new(&flow);
    answer_all(&mut session, &["yes"]);
    assert!(session.is_complete());
    assert_eq!(session.answer_text("no"), Err(AnswerError::Complete));
}

/// Answering for someone: the relative they name is the person, so "my mum
/// had cancer" said for one's mother is her history; said for oneself it
/// is someone else's.
#[test]
fn the_relative_named_by_someone_answering_for_them_is_the_person() {
    let flow = shipped();
    let to_history = |first: &str| {
        let mut session = Session::new(&flow);
        session.answer_text(first).unwrap();
        for answer in &STRAIN[1..11] {
            session.answer_text(answer).unwrap();
        }
        assert_eq!(
            flow.node(session.current_index()).id,
            "urgent.history_screen"
        );
        session
    };
    let said = "my mum had cancer years ago";
    let for_her = to_history("it's for my mum");
    assert!(for_her.for_someone_else());
    let read = for_her.understand(said).unwrap();
    assert_eq!(read.value(), &AnswerValue::Many(vec!["cancer".into()]));
    let for_me = to_history("me");
    let read = for_me.understand(said).unwrap();
    assert_eq!(read.value(), &AnswerValue::Many(vec!["none".into()]));
}
