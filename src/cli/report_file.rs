//! The report `run --report` and `chat --report` write (Markdown, or
//! plain text or a web page for a `.txt` or `.html` name): whether
//! it can be written is asked before the work that makes it.

use std::path::Path;

use super::failure::{Exit, Failure};
use crate::engine::Session;
use crate::file_write::{IfExists, WriteError, check_writable, write_file};
use crate::printable::{PATH, SENTENCE, printable};
use crate::report::{Audience, ReportFormat, report_in};

/// Whether the report can be written, asked before the work that makes it.
pub(super) fn report_writable(file: &Path, force: bool) -> Result<(), Failure> {
    check_writable(file, if_exists(force)).map_err(|error| report_failure(file, &error))
}

/// Writes the report of `session` to `file`.
pub(super) fn write_report(
    session: &Session,
    audience: Audience,
    file: &Path,
    force: bool,
) -> Result<(), Failure> {
    // Named `.txt` or `.html`, it is written so; any other name gets Markdown.
    let format = ReportFormat::of_name(file).unwrap_or(ReportFormat::Markdown);
    let report = report_in(format, session, audience, std::time::SystemTime::now());
    write_file(file, report.as_bytes(), if_exists(force))
        .map_err(|error| report_failure(file, &error))
}

fn if_exists(force: bool) -> IfExists {
    if force {
        IfExists::Replace
    } else {
        IfExists::Refuse
    }
}

fn report_failure(file: &Path, error: &WriteError) -> Failure {
    let hint = match error {
        WriteError::Exists => " (--force replaces it)",
        _ => "",
    };
    Failure::new(
        Exit::BadInput,
        format!(
            "error: cannot write the report to {}: {}{hint}",
            printable(&file.display().to_string(), PATH),
            printable(&error.to_string(), SENTENCE)
        ),
    )
}
