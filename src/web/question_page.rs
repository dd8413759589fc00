//! The page of one question: its text, its answers as large buttons (boxes
//! to tick for "choose all that apply", a number field for a number), a box
//! for the person's own words read by the chat's reader, why it is asked,
//! back, and the answers so far.

use std::fmt::Write as _;

use super::answers_field::encode;
use super::escape::html;
use super::page::{page, state_input};
use super::so_far::answers_so_far;
use crate::compile::{AnswerValue, Node, Question, QuestionKind};
use crate::engine::Session;
use crate::report::{Audience, addressed, check_back_text, lettered_list};

/// What the last post left to say above the question.
#[derive(Default)]
pub struct Said {
    /// What typed words were read as, when not an option as shown ("→ No").
    pub read_as: Option<String>,
    /// Why the words were not taken: the question is asked again.
    pub unclear: Option<String>,
    /// What a button did ("Your last answer was undone.").
    pub notice: Option<String>,
    /// Open the "why we ask" at once (the person asked for help).
    pub why_open: bool,
}

impl Said {
    /// What the last post left to say, as the paragraphs that say it.
    pub fn lines(&self) -> String {
        let mut out = String::new();
        if let Some(notice) = &self.notice {
            let _ = writeln!(
                out,
                "<p class=\"said\" role=\"status\">{}</p>",
                html(notice)
            );
        }
        if let Some(read_as) = &self.read_as {
            let _ = writeln!(
                out,
                "<p class=\"said\" role=\"status\">Your last answer was taken as: <strong>→ {}</strong>. If that is wrong, press Back.</p>",
                html(read_as)
            );
        }
        if let Some(unclear) = &self.unclear {
            let _ = writeln!(
                out,
                "<p class=\"unclear\" role=\"alert\">{}</p>",
                html(unclear)
            );
        }
        out
    }
}

pub fn question_page(
    session: &Session,
    node: &Node,
    question: &Question,
    audience: Audience,
    said: &Said,
) -> String {
    let field = encode(session);
    let number = session.answered() + 1;
    let mut main = String::new();
    let _ = writeln!(main, "<h1>Question {number}</h1>");
    let left = session.questions_left();
    // The chat's words for it: honest about the range.
    let to_go = match left.likely {
        Some(likely) if likely < left.max => {
            format!("About {likely} to go if all is well, at most {}.", left.max)
        }
        Some(likely) => format!("{likely} to go."),
        None => format!("At most {} to go.", left.max),
    };
    let _ = writeln!(main, "<p class=\"progress\">{to_go}</p>");
    if let Some(section) = node.section.and_then(|s| session.flow().sections().get(s)) {
        let _ = writeln!(main, "<h2 class=\"section\">{}</h2>", html(&section.title));
    }
    main.push_str(&said.lines());
    main.push_str(&check_back(session, &field));
    // Words said earlier that speak of this question, as the chat shows them.
    if let Some(earlier) = session.said_earlier() {
        let _ = writeln!(
            main,
            "<p class=\"said\">Earlier you said \u{201c}{}\u{201d}.</p>",
            html(earlier)
        );
    }
    // A lettered list cannot sit in a legend: the legend holds its opening,
    // the list follows it and describes the group.
    // "They" for "you" when someone answers for the person in pain.
    let ask = addressed(session, &question.ask);
    let (intro, items) = lettered_list(&ask);
    let described = if items.is_empty() {
        ""
    } else {
        " aria-describedby=\"lettered\""
    };
    let _ = writeln!(
        main,
        "<form method=\"post\" action=\"/step\">\n{}\n<fieldset{described}>\n<legend>{}</legend>",
        state_input(&field),
        html(intro)
    );
    if !items.is_empty() {
        main.push_str("<ol class=\"lettered\" id=\"lettered\">\n");
        for (letter, item) in items {
            let _ = writeln!(
                main,
                "<li><span aria-hidden=\"true\">{letter})</span> {}</li>",
                html(item)
            );
        }
        main.push_str("</ol>\n");
    }
    if audience == Audience::Therapist
        && let Some(clinical) = &node.clinical
    {
        let _ = writeln!(main, "<p>Clinical: {}</p>", html(clinical));
    }
    options(&mut main, session, question);
    main.push_str("</fieldset>\n</form>\n");
    let _ = writeln!(
        main,
        "<form method=\"post\" action=\"/step\">\n{}\n<label for=\"words\">Or answer in your own words</label>\n<input type=\"text\" id=\"words\" name=\"text\" maxlength=\"300\" autocomplete=\"off\">\n<div class=\"row\"><button type=\"submit\">Send</button></div>\n</form>",
        state_input(&field)
    );
    if let Some(why) = &node.why {
        let open = if said.why_open { " open" } else { "" };
        let _ = writeln!(
            main,
            "<details{open}>\n<summary>Why we ask this</summary>\n<p>{}</p>\n</details>",
            html(&addressed(session, why))
        );
    }
    if session.answered() > 0 {
        let _ = writeln!(
            main,
            "<div class=\"row\"><form method=\"post\" action=\"/step\">{}<button type=\"submit\" class=\"secondary\" name=\"back\" value=\"1\">Back</button></form></div>",
            state_input(&field)
        );
    }
    main.push_str(&answers_so_far(session, &field));
    page(session.flow(), &format!("Question {number}"), &main)
}

/// A reading of typed words held back until the person says it is right
/// ("Just to check: I understood “No”. Is that right?"): "Yes" posts that
/// answer as if its button were pressed; "No" shows the question again.
/// Pages keep nothing between requests, so a finding mentioned for a later
/// question is only said here, not kept.
fn check_back(session: &Session, field: &str) -> String {
    let Some(check) = session.pending_check() else {
        return String::new();
    };
    let Some(text) = check_back_text(session) else {
        return String::new();
    };
    if check.question != session.current_index() {
        return format!(
            "<p class=\"said\" role=\"status\">{} Please tell us again when it is asked.</p>\n",
            html(&text)
        );
    }
    let value = match &check.value {
        AnswerValue::Choice(id) => format!(
            "<input type=\"hidden\" name=\"choice\" value=\"{}\">",
            html(id)
        ),
        AnswerValue::Many(ids) => {
            let mut inputs: String = (ids.iter())
                .map(|id| {
                    format!(
                        "<input type=\"hidden\" name=\"many\" value=\"{}\">",
                        html(id)
                    )
                })
                .collect();
            inputs.push_str("<input type=\"hidden\" name=\"multiple\" value=\"1\">");
            inputs
        }
        AnswerValue::Number(n) => {
            format!("<input type=\"hidden\" name=\"text\" value=\"{n}\">")
        }
    };
    format!(
        "<div class=\"check\" role=\"alert\">\n<p><strong>{}</strong></p>\n<form method=\"post\" action=\"/step\">{}{value}<div class=\"row\"><button type=\"submit\">Yes, that is right</button></div></form>\n<form method=\"post\" action=\"/step\">{}<div class=\"row\"><button type=\"submit\" class=\"secondary\" name=\"nothing\" value=\"1\">No, ask me again</button></div></form>\n</div>\n",
        html(&text),
        state_input(field),
        state_input(field)
    )
}

/// The answers as the controls that give them.
fn options(main: &mut String, session: &Session, question: &Question) {
    match &question.kind {
        QuestionKind::YesNo { answers } | QuestionKind::Single { answers } => {
            main.push_str("<div class=\"options\">\n");
            for answer in answers {
                let _ = writeln!(
                    main,
                    "<button type=\"submit\" name=\"choice\" value=\"{}\">{}</button>",
                    html(&answer.id),
                    html(&addressed(session, &answer.label))
                );
            }
            main.push_str("</div>\n");
        }
        QuestionKind::Multiple { answers, .. } => {
            // Said once: many questions of this kind already end with it.
            if !question.ask.to_lowercase().contains("all that apply") {
                main.push_str("<p>Choose all that apply.</p>\n");
            }
            main.push_str("<div class=\"options\">\n");
            for (i, answer) in answers.iter().enumerate() {
                let _ = writeln!(
                    main,
                    "<label class=\"option\" for=\"many{i}\"><input type=\"checkbox\" id=\"many{i}\" name=\"many\" value=\"{}\"> {}</label>",
                    html(&answer.id),
                    html(&addressed(session, &answer.label))
                );
            }
            main.push_str("</div>\n<input type=\"hidden\" name=\"multiple\" value=\"1\">\n<div class=\"row\"><button type=\"submit\">Continue</button></div>\n");
        }
        QuestionKind::Number {
            range: (min, max),
            unit,
            ..
        } => {
            let unit = unit
                .as_deref()
                .map(|u| format!(" ({})", html(u)))
                .unwrap_or_default();
            let _ = writeln!(
                main,
                "<label for=\"number\">A whole number from {min} to {max}{unit}</label>\n<input type=\"number\" id=\"number\" name=\"text\" min=\"{min}\" max=\"{max}\" step=\"1\" inputmode=\"numeric\" required>\n<div class=\"row\"><button type=\"submit\">Continue</button></div>"
            );
        }
    }
}
