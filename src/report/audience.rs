//! Who the words are for. Also the command line's `--audience` values.

/// Who reads the output: a person in pain, or a massage therapist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Audience {
    /// Plain words for the person with back pain.
    #[default]
    Lay,
    /// Clinical wording, findings and the likely nerve root.
    Therapist,
}
