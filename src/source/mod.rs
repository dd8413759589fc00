//! Where knowledge text comes from: a folder of `.flow` files on disk, or the
//! folder embedded in the binary at build time. Nothing here parses.

mod knowledge_source;
mod load_error;
mod source_file;

pub use knowledge_source::KnowledgeSource;
pub use load_error::LoadError;
pub use source_file::SourceFile;
