//! The one reading of a lettered list in a question's text, which the chat
//! lays out as lines and the web page as a list.

/// A question text holding a lettered list ("Does any apply? a) ... b) ...")
/// split into its opening and its items, so each item gets its own line and
/// the list is not mistaken for the numbered answers below it.
pub fn lettered_list(ask: &str) -> (&str, Vec<(char, &str)>) {
    let mut starts = Vec::new();
    let mut from = 0;
    for letter in 'a'..='z' {
        let marker = format!(" {letter}) ");
        match ask[from..].find(&marker) {
            Some(at) => {
                starts.push((letter, from + at));
                from += at + marker.len();
            }
            None => break,
        }
    }
    if starts.len() < 2 {
        return (ask, Vec::new());
    }
    let items = starts
        .iter()
        .enumerate()
        .map(|(i, &(letter, at))| {
            let end = starts.get(i + 1).map_or(ask.len(), |&(_, next)| next);
            (letter, ask[at + 4..end].trim())
        })
        .collect();
    (ask[..starts[0].1].trim_end(), items)
}

#[cfg(test)]
mod tests {
    use super::lettered_list;

    #[test]
    fn a_lettered_list_is_split_into_items() {
        let (intro, items) = lettered_list("Does any apply? a) A fall. b) Cancer, now or before.");
        assert_eq!(intro, "Does any apply?");
        assert_eq!(
            items,
            vec![('a', "A fall."), ('b', "Cancer, now or before.")]
        );
        let (intro, items) = lettered_list("Is it a) sore?");
        assert_eq!((intro, items.len()), ("Is it a) sore?", 0));
    }
}
