//! `backcheck fmt`: .flow files in the one canonical layout, in place, or
//! with `--check` only listed; and the check `author` runs on a folder.

use std::path::PathBuf;

use super::Streams;
use super::failure::{Exit, Failure, Outcome};
use crate::diagnostic::render_all;
use crate::file_read::{KNOWLEDGE_FILE_LIMIT, read_bounded};
use crate::file_write::{IfExists, write_file};
use crate::printable::{PATH, SENTENCE, printable};
use crate::source::{SourceFile, find_hidden_character, flow_paths, hidden_character_message};
use crate::syntax::format;

/// Formats each file; with `check`, only lists those that would change.
pub fn fmt(check: bool, paths: &[PathBuf], io: &mut Streams) -> Outcome {
    let defaults = [PathBuf::from("knowledge")];
    let roots = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let files = flow_paths(roots).map_err(|error| {
        Failure::new(
            Exit::BadInput,
            format!("error: {}", printable(&error.to_string(), SENTENCE)),
        )
    })?;
    let mut failed = false;
    for path in files {
        let shown = printable(&path.display().to_string(), PATH);
        let bytes = read_bounded(&path, KNOWLEDGE_FILE_LIMIT).map_err(|error| {
            Failure::new(
                Exit::BadInput,
                format!("error: {}", printable(&error.to_string(), SENTENCE)),
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure::new(
                Exit::BadInput,
                format!("error: cannot read {shown}: it is not UTF-8 text"),
            )
        })?;
        if let Some((line, column, character)) = find_hidden_character(&text) {
            return Err(Failure::new(
                Exit::BadInput,
                format!(
                    "error: {shown}:{line}:{column}: {}",
                    hidden_character_message(character)
                ),
            ));
        }
        let formatted = match format(&text) {
            Ok(formatted) => formatted,
            Err(diagnostic) => {
                let file = SourceFile::new(shown.clone(), text);
                let _ = writeln!(
                    io.err,
                    "{}",
                    render_all(&[diagnostic], &[file], io.colour).trim_end()
                );
                failed = true;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        if check {
            writeln!(io.out, "{shown}")?;
            failed = true;
        } else {
            write_file(&path, formatted.as_bytes(), IfExists::ReplaceKeepingMode).map_err(
                |error| {
                    Failure::new(
                        Exit::BadInput,
                        format!(
                            "error: cannot write {shown}: {}",
                            printable(&error.to_string(), SENTENCE)
                        ),
                    )
                },
            )?;
            writeln!(io.out, "formatted {shown}")?;
        }
    }
    Ok(if failed { Exit::Failed } else { Exit::Success })
}

/// Lists the knowledge files the canonical layout would change.
pub(super) fn fmt_check_files(files: &[SourceFile], io: &mut Streams) -> Outcome {
    let mut failed = false;
    for file in files {
        match format(&file.text) {
            Ok(formatted) if formatted == *file.text => {}
            Ok(_) => {
                writeln!(
                    io.out,
                    "{} is not laid out canonically: run `backcheck fmt`",
                    file.path
                )?;
                failed = true;
            }
            Err(_) => failed = true,
        }
    }
    Ok(if failed { Exit::Failed } else { Exit::Success })
}
