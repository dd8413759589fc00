//! Someone answering for the person in pain speaks of them as "my mum",
//! "my husband": in their answers, the one relative they name is the
//! person the questions are about, not someone else ("my mum had cancer
//! years ago", said for one's mother, is the person's own history). Read
//! so, the words say "they", as the questions do.

use super::normalise::same_word;
use super::sentence::OTHERS;

/// `input` with "my X" (or "our X") said as "they", and "my X's" as
/// "their", when it names one relative only; unchanged when it names none,
/// or two different ones ("my mum and my dad"), where it cannot say which
/// is the person.
pub fn as_the_person(input: &str) -> String {
    let words: Vec<&str> = input.split_whitespace().collect();
    let relative = |word: &str| {
        let bare = word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .to_lowercase();
        OTHERS
            .iter()
            .find(|o| same_word(&bare, o))
            .map(|o| o.to_string())
    };
    let owner = |word: &str| matches!(word.to_lowercase().as_str(), "my" | "our");
    let mut named: Vec<String> = Vec::new();
    for pair in words.windows(2) {
        if owner(pair[0])
            && let Some(who) = relative(pair[1])
            && !named.contains(&who)
        {
            named.push(who);
        }
    }
    if named.len() != 1 {
        return input.to_string();
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() && owner(words[i]) && relative(words[i + 1]).is_some() {
            let next = words[i + 1];
            let tail: String = next
                .chars()
                .rev()
                .take_while(|c| !c.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let bare = next.trim_end_matches(|c: char| !c.is_alphanumeric());
            let possessive = bare.ends_with("'s") || bare.ends_with("\u{2019}s");
            out.push(format!(
                "{}{tail}",
                if possessive { "their" } else { "they" }
            ));
            i += 2;
        } else {
            out.push(words[i].to_string());
            i += 1;
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::as_the_person;

    #[test]
    fn the_one_relative_named_is_the_person() {
        assert_eq!(
            as_the_person("my mum had cancer years ago, she's the one with the back pain"),
            "they had cancer years ago, she's the one with the back pain"
        );
        assert_eq!(as_the_person("My husband's pee is red"), "their pee is red");
        assert_eq!(as_the_person("no, my dad, not me"), "no, they, not me");
        // Two relatives: which one is the person cannot be told.
        let two = "my mum had cancer and my dad had a fall";
        assert_eq!(as_the_person(two), two);
        // "her mum" is the person's mother: someone else still.
        let hers = "her mum had breast cancer";
        assert_eq!(as_the_person(hers), hers);
        assert_eq!(as_the_person("no"), "no");
    }
}
