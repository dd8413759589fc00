//! The answers given so far, each with a button that takes the assessment
//! back to that question (its answer and the later ones are dropped).

use std::fmt::Write as _;

use super::escape::html;
use super::page::state_input;
use crate::engine::Session;
use crate::report::{addressed, said_words};

pub fn answers_so_far(session: &Session, field: &str) -> String {
    let flow = session.flow();
    let mut out = String::new();
    if session.answered() == 0 {
        return out;
    }
    out.push_str("<section class=\"so-far\" aria-labelledby=\"so-far\">\n<h2 id=\"so-far\">Your answers so far</h2>\n<ol>\n");
    for (number, index, value) in session.numbered_answers() {
        let Some(question) = flow.question(index) else {
            continue;
        };
        let _ = writeln!(
            out,
            "<li>{ask} <strong>{answer}</strong> <form method=\"post\" action=\"/step\">{state}<button type=\"submit\" class=\"secondary\" name=\"change\" value=\"{number}\" aria-label=\"Change answer {number}\">Change</button></form></li>",
            ask = html(&addressed(session, &question.ask)),
            answer = html(&said_words(session, question, value)),
            state = state_input(field),
        );
    }
    out.push_str("</ol>\n</section>\n");
    out
}
