//! The frame every page shares: `lang`, a title naming the step, the
//! landmarks, and in the footer the disclaimer and when to call the
//! emergency services, on every page whatever it shows.

use super::escape::html;
use crate::compile::Flow;

/// What to do at once, said on every page: the web page never waits for
/// the person to reach a result to say it.
pub const CALL_NOW: &str = "Call emergency services now (for example 112, 999 or 911) if you feel very unwell, or if the back pain comes with new numbness or weakness in the legs, numbness between the legs, or loss of control of the bladder or bowels.";

/// A whole page: `title` names the step, `main` is the page's own markup
/// (already escaped where it holds outside text).
pub fn page(flow: &Flow, title: &str, main: &str) -> String {
    let meta = flow.meta();
    let disclaimer = meta
        .disclaimer
        .as_deref()
        .map(|d| format!("<p>{}</p>\n", html(d)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} - backcheck</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the question</a>\n\
<header>\n<p class=\"brand\">backcheck</p>\n<p>{knowledge} (version {version})</p>\n</header>\n\
<main id=\"main\">\n{main}</main>\n\
<footer>\n<p class=\"call\">{CALL_NOW}</p>\n{disclaimer}<p>Nothing you answer is stored: your answers travel only in this page.</p>\n</footer>\n\
</body>\n</html>\n",
        title = html(title),
        knowledge = html(&meta.title),
        version = html(&meta.version),
    )
}

/// The hidden field of every form: the answers so far.
pub fn state_input(field: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"state\" value=\"{}\">",
        html(field)
    )
}

/// A page saying why a request could not be used, and a way to start again.
pub fn problem_page(flow: &Flow, title: &str, reason: &str) -> String {
    page(
        flow,
        title,
        &format!(
            "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">Start the assessment again</a></p>\n",
            html(title),
            html(reason)
        ),
    )
}
