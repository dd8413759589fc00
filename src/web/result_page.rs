//! The result page: the report stage's outcome screen
//! ([`outcome_text`]) laid out as HTML — its banner as the page's heading
//! in the verdict's colours (the emergency one filling the top of the
//! page), its lists as lists — then the report to download, back, and the
//! answers with a way to change each.

use std::fmt::Write as _;

use super::answers_field::encode;
use super::escape::html;
use super::page::{page, state_input};
use super::question_page::Said;
use super::so_far::answers_so_far;
use crate::compile::{Urgency, Verdict};
use crate::engine::Session;
use crate::report::{Audience, outcome_text};

pub fn result_page(session: &Session, audience: Audience, said: &Said) -> String {
    let field = encode(session);
    let class = match session.outcome().map(|o| o.verdict) {
        Some(Verdict::Treat) => "treat",
        Some(Verdict::Modify) => "modify",
        Some(Verdict::Refer(Urgency::Emergency)) => "emergency",
        Some(Verdict::Refer(Urgency::Urgent)) => "urgent",
        Some(Verdict::Refer(Urgency::Routine)) | None => "refer",
    };
    let text = plain(&outcome_text(session, audience));
    let mut lines = text.lines().map(str::trim_end).peekable();
    let mut main = String::new();
    let mut title = String::from("Result");
    // The banner and what follows it up to the first blank line: the box.
    while lines.next_if(|l| l.is_empty()).is_some() {}
    let role = if class == "emergency" {
        " role=\"alert\""
    } else {
        ""
    };
    let _ = writeln!(main, "<section class=\"result {class}\"{role}>");
    while let Some(line) = lines.next_if(|l| !l.is_empty()) {
        match line
            .strip_prefix("=== ")
            .and_then(|l| l.strip_suffix(" ==="))
        {
            Some(banner) => {
                title = banner.to_string();
                let _ = writeln!(main, "<h1>{}</h1>", html(banner));
            }
            None => {
                let _ = writeln!(main, "<p>{}</p>", html(line));
            }
        }
    }
    main.push_str("</section>\n");
    // Under the result, never above it: an emergency's banner stays at the top.
    main.push_str(&said.lines());
    let mut in_list = false;
    while let Some(line) = lines.next() {
        if let Some(item) = line.strip_prefix("  - ") {
            if !in_list {
                main.push_str("<ul>\n");
                in_list = true;
            }
            let _ = writeln!(main, "<li>{}</li>", html(item));
            continue;
        }
        if in_list {
            main.push_str("</ul>\n");
            in_list = false;
        }
        if line.is_empty() {
            continue;
        }
        let heads_a_list = lines.peek().is_some_and(|next| next.starts_with("  - "));
        if heads_a_list {
            let _ = writeln!(main, "<h2>{}</h2>", html(line.trim_end_matches(':')));
        } else {
            let _ = writeln!(main, "<p>{}</p>", html(line));
        }
    }
    if in_list {
        main.push_str("</ul>\n");
    }
    let _ = writeln!(
        main,
        "<div class=\"row\">\n<form method=\"post\" action=\"/report\">{state}<button type=\"submit\" name=\"format\" value=\"html\">Download the report (web page)</button></form>\n<form method=\"post\" action=\"/report\">{state}<button type=\"submit\" class=\"secondary\" name=\"format\" value=\"markdown\">Download the report (Markdown)</button></form>\n<form method=\"post\" action=\"/step\">{state}<button type=\"submit\" class=\"secondary\" name=\"back\" value=\"1\">Back</button></form>\n<form method=\"get\" action=\"/\"><button type=\"submit\" class=\"secondary\">Start again</button></form>\n</div>\n<p class=\"no-print\">To print this result, use your browser's Print command: the page prints without its buttons.</p>",
        state = state_input(&field)
    );
    main.push_str(&answers_so_far(session, &field));
    page(session.flow(), &title, &main)
}

/// `text` without the terminal's colour codes (`ESC [ ... m`).
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
