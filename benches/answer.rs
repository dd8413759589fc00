//! Speed target (issue 13): one answer step from typed text, reading the
//! words and taking the step, <= 50 us on the shipped knowledge. The words
//! of the options are read afresh for every answer, as in a conversation
//! where each question is answered once.
//!
//! Speed target (issue 24): reading a whole sentence of 30 words as an
//! answer (`understand` alone, every rule of scope, time and person run)
//! < 100 us at a yes/no question, a single choice and a multiple choice;
//! and (issue 25) at a screen, where each item picked is read again as a
//! yes/no question of its own.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use backcheck::compile::{AnswerValue, Flow, NodeId, QuestionKind, YesNo, compile};
use backcheck::engine::{Session, understand};
use backcheck::source::KnowledgeSource;

/// An answer for every question: "no" to yes/no, the first choice, the
/// last choice of several, 30 for a number: enough to reach any question.
fn plain_answers(flow: &Flow) -> HashMap<NodeId, AnswerValue> {
    let mut answers = HashMap::new();
    for index in (0..flow.nodes().len()).map(NodeId::new) {
        if let Some(question) = flow.question(index) {
            let value = match &question.kind {
                QuestionKind::YesNo { .. } => YesNo::No.value(),
                QuestionKind::Single { .. } => {
                    AnswerValue::Choice(question.answers()[0].id.clone())
                }
                // "None of these" where there is one: a screen's "not sure"
                // would leave the main path.
                QuestionKind::Multiple { .. } => AnswerValue::Many(
                    (question.answers().iter())
                        .find(|a| a.id == "none")
                        .or(question.answers().last())
                        .map(|a| a.id.clone())
                        .into_iter()
                        .collect(),
                ),
                QuestionKind::Number {
                    range: (min, max), ..
                } => AnswerValue::Number(30.clamp(*min, *max)),
            };
            answers.insert(index, value);
        }
    }
    // "No" to "is this lower back pain?" ends the walk before any question.
    if let Some(back_pain) = flow.find("back_pain") {
        answers.insert(back_pain, YesNo::Yes.value());
    }
    answers
}

fn benches(c: &mut Criterion) {
    let flow = compile(&KnowledgeSource::embedded()).expect("shipped knowledge compiles");
    let at = |id: &str| {
        let mut given = plain_answers(&flow);
        let target = flow.find(id).expect("a shipped question");
        given.retain(|q, _| *q != target);
        let session = Session::replay(&flow, &given);
        assert_eq!(session.current_index(), target, "the walk reaches `{id}`");
        session
    };
    // A sentence to a red flag, a length of time to a `within` question,
    // several choices in words, a sentence to the longest list, a typo.
    for (id, typed) in [
        ("saddle_numbness", "nope nothing like that"),
        ("how_long", "about 2 months"),
        ("worse_positions", "sitting and bending forward"),
        ("conditions", "I take warfarin and my back is in spasm"),
        ("worse_positions", "sittign"),
    ] {
        let start = at(id);
        c.bench_function(&format!("answer step: {id} {typed:?}"), |b| {
            b.iter_batched_ref(
                || start.clone(),
                |session| session.answer_text(black_box(typed)).expect("understood"),
                BatchSize::SmallInput,
            )
        });
    }
}

/// Whole sentences of 30 words, as people tell a story at a question.
fn sentences(c: &mut Criterion) {
    let flow = compile(&KnowledgeSource::embedded()).expect("shipped knowledge compiles");
    for (kind, id, typed) in [
        (
            "yes/no",
            "bladder_bowel",
            "well I sometimes leak a little when I sneeze or cough but that has been for years \
             since the kids were born and nothing is new since this pain began",
        ),
        (
            "single choice",
            "spread",
            "it mostly stays in my lower back but on bad days it shoots down the back of my \
             thigh and sometimes past the knee into my calf and foot too",
        ),
        (
            "screen, read item by item",
            "history_screen",
            "my mum had breast cancer years ago but I have never had it myself and I did \
             slip on the ice last week which is when this back pain started",
        ),
        (
            "multiple choice",
            "worse_positions",
            "sitting at my desk for a while is the worst and bending forward to tie my shoes \
             hurts too but lying on my side or on my back is fine",
        ),
    ] {
        assert_eq!(typed.split_whitespace().count(), 30, "{typed}");
        let index = flow.find(id).expect("a shipped question");
        let (node, question) = (flow.node(index), flow.question(index).expect("a question"));
        c.bench_function(&format!("sentence of 30 words: {kind} ({id})"), |b| {
            b.iter(|| understand(node, question, black_box(typed)))
        });
    }
}

criterion_group!(answer, benches, sentences);
criterion_main!(answer);
