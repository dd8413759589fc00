//! What is said when typed text is not taken as an answer. A sentence that
//! does not answer a yes/no question ("i dont ride a bike") gets the
//! question again put simply, its first sentence only, never a guess.

use crate::compile::{Question, QuestionKind, YesNo};
use crate::engine::{AnswerError, shorten};

/// The message for `error`, given at `question`.
pub fn asked_again_text(question: &Question, error: &AnswerError) -> String {
    match (error, &question.kind) {
        (AnswerError::NoMatch { input, .. }, QuestionKind::YesNo { .. })
            if input.split_whitespace().count() >= 2 =>
        {
            let unsure = match question.answer(YesNo::Unsure.id()) {
                Some(_) => "yes, no or not sure",
                None => "yes or no",
            };
            format!(
                "I could not tell whether \"{}\" means yes or no. Put simply: {} Please answer {unsure}.",
                shorten(input),
                core_of(&question.ask)
            )
        }
        _ => error.to_string(),
    }
}

/// The question itself: its first sentence that asks something, without
/// the explanations around it.
fn core_of(ask: &str) -> &str {
    match ask.find('?') {
        Some(end) => ask[..=end].trim(),
        None => ask.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;
    use crate::source::KnowledgeSource;

    #[test]
    fn a_sentence_that_does_not_answer_gets_the_question_put_simply() {
        let flow = compile(&KnowledgeSource::embedded()).unwrap();
        let saddle = flow.find("emergency.saddle_numbness").unwrap();
        let question = flow.question(saddle).unwrap();
        let error = crate::engine::understand(flow.node(saddle), question, "i dont ride a bike")
            .expect_err("not an answer");
        let text = asked_again_text(question, &error);
        assert!(
            text.starts_with("I could not tell whether \"i dont ride a bike\""),
            "{text}"
        );
        assert!(
            text.contains("Put simply: Is the skin around your bottom"),
            "{text}"
        );
        assert!(
            !text.contains("bike saddle"),
            "only the first sentence: {text}"
        );
        assert!(
            text.ends_with("Please answer yes, no or not sure."),
            "{text}"
        );
        // A word that is not an answer keeps the plain message with the options.
        let error = crate::engine::understand(flow.node(saddle), question, "blah").unwrap_err();
        assert_eq!(asked_again_text(question, &error), error.to_string());
    }
}
