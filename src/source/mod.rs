//! Where knowledge text comes from: a folder of `.flow` files on disk, or the
//! folder embedded in the binary at build time. Nothing here parses.

mod flow_paths;
pub mod flow_walk;
mod hidden_character;
mod knowledge_source;
mod load_error;
mod source_file;

pub use flow_paths::flow_paths;
pub use flow_walk::{FlowFile, WalkError, walk_flow_files};
pub use hidden_character::{
    find_hidden_character, hidden_character_explained, hidden_character_message,
};
pub use knowledge_source::KnowledgeSource;
pub use load_error::LoadError;
pub use source_file::SourceFile;
