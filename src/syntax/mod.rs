//! Text -> AST with spans, through the pest grammar in `grammar/flow.pest`.
//! Nothing downstream sees a pest `Pair`; nothing here resolves names.
//! Each file is parsed once: the AST builder (parser.rs) and the formatter
//! (format/) both read that one parse tree.

pub mod ast;
mod format;
mod keywords;
mod nesting;
mod parser;
mod specific_fix;
mod syntax_error;

pub use format::format;
pub use keywords::is_keyword;
pub use parser::parse;
pub use syntax_error::TOP_LEVEL_WORDS;
