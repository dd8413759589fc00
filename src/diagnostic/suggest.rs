/// "did you mean `x`?" for the known name closest to `wanted`, if one is close.
pub fn did_you_mean<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let wanted_lower = wanted.to_lowercase();
    known
        .into_iter()
        .map(|name| {
            (
                strsim::jaro_winkler(&wanted_lower, &name.to_lowercase()),
                name,
            )
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| format!("did you mean `{name}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_name() {
        let hint = did_you_mean("saddle_numbnes", ["fever", "saddle_numbness"]);
        assert_eq!(hint.as_deref(), Some("did you mean `saddle_numbness`?"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(did_you_mean("xyz", ["saddle_numbness"]), None);
    }
}
