//! Text -> AST with spans, through the pest grammar in `grammar/flow.pest`.
//! Nothing downstream sees a pest `Pair`; nothing here resolves names.
//! Files take a hand-written fast path (`fast_parser`) that builds the same
//! AST; pest reads what it gives up on and reports every syntax error.

pub mod ast;
mod fast_parser;
mod format;
mod nesting;
mod parser;
mod syntax_error;

pub use format::format;
pub use parser::{parse, parse_reference};
