//! What a report file is written in, by its name: `.md` Markdown, `.txt`
//! plain text, `.html` a web page. There is one report, the Markdown one:
//! Markdown is plain text meant to be read as it is, so `.txt` holds the
//! same text, and `.html` holds it escaped in a page of its own (no second
//! renderer to keep in step with the first).

use std::path::Path;
use std::time::SystemTime;

use super::{Audience, markdown_report};
use crate::engine::Session;

/// The languages a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Text,
    Html,
}

impl ReportFormat {
    /// The format a file name asks for by its extension (any case); `None`
    /// for any other name.
    pub fn of_name(name: &Path) -> Option<ReportFormat> {
        let extension = name.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "txt" | "text" => Some(ReportFormat::Text),
            "html" | "htm" => Some(ReportFormat::Html),
            _ => None,
        }
    }
}

/// The report of `session` in `format`, dated `when`.
pub fn report_in(
    format: ReportFormat,
    session: &Session,
    audience: Audience,
    when: SystemTime,
) -> String {
    let text = markdown_report(session, audience, when);
    match format {
        ReportFormat::Markdown | ReportFormat::Text => text,
        ReportFormat::Html => html_page(&text),
    }
}

/// `text` as a page a browser shows as written.
fn html_page(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c => escaped.push(c),
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>backcheck report</title>\n</head>\n<body>\n<pre style=\"white-space: pre-wrap\">\n{escaped}</pre>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format() {
        for (name, format) in [
            ("a.md", Some(ReportFormat::Markdown)),
            ("A.TXT", Some(ReportFormat::Text)),
            ("dir.x/a.html", Some(ReportFormat::Html)),
            ("a.json", None),
            ("report", None),
            (".md", None),
        ] {
            assert_eq!(ReportFormat::of_name(Path::new(name)), format, "{name}");
        }
    }

    #[test]
    fn a_page_shows_markup_as_text() {
        let page = html_page("<script>x & y</script>\n");
        assert!(
            page.contains("&lt;script&gt;x &amp; y&lt;/script&gt;"),
            "{page}"
        );
        assert!(!page.contains("<script>"));
        // Read aloud in the right language, and readable on a phone.
        assert!(page.contains("<html lang=\"en\">"), "{page}");
        assert!(page.contains("name=\"viewport\""), "{page}");
    }
}
