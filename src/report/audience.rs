use std::str::FromStr;

/// Who reads the output: a person in pain, or a massage therapist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    #[default]
    Lay,
    Therapist,
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(text: &str) -> Result<Audience, String> {
        match text {
            "lay" => Ok(Audience::Lay),
            "therapist" => Ok(Audience::Therapist),
            other => Err(format!("unknown audience `{other}` (use lay or therapist)")),
        }
    }
}
