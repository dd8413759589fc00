//! `backcheck fmt`: one canonical layout for a .flow file. The parse tree says
//! what each piece is (layout.rs); comments, which the grammar skips, are found
//! in the text and put back next to the code they were next to (render.rs).
//! The result is checked before it is returned: the same tokens and the same
//! comments in the same order, so formatting can never change what a file means.
//!
//! Not for files that do not parse: those get the parser's diagnostic.

mod layout;
mod render;
mod tokens;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};

/// Lines longer than this are broken where the layout allows it.
pub const WIDTH: usize = 100;

/// `text` in the canonical layout, or the diagnostic that stops it parsing.
pub fn format(text: &str) -> Result<String, Diagnostic> {
    let tree = super::parser::parse_tree(text, 0)?;
    // What the compiler would refuse (a number too large, an empty range)
    // is refused here too.
    super::parser::build(tree.clone(), 0)?;
    let lines = layout::lines(text, tree);
    let formatted = render::render(text, lines, &tokens::comments(text));
    if tokens::code(&formatted) != tokens::code(text)
        || tokens::comment_text(&formatted) != tokens::comment_text(text)
    {
        return Err(Diagnostic::new(
            DiagnosticKind::Internal,
            Span::new(0, 0..0),
            "the formatter could not lay this file out without changing it",
        )
        .with_hint(Some(
            "the file is left as it is; please report this as a bug".into(),
        )));
    }
    Ok(formatted)
}

#[cfg(test)]
mod tests;
