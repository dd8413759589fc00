//! Where knowledge text comes from: a folder of `.flow` files on disk, or the
//! folder embedded in the binary at build time. Nothing here parses.

mod flow_paths;
mod knowledge_source;
mod load_error;
mod source_file;

pub use flow_paths::flow_paths;
pub use knowledge_source::KnowledgeSource;
pub use load_error::LoadError;
pub use source_file::SourceFile;
