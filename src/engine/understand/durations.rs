//! Lengths of time in typed words, as a span of days: `5 days`, `3 weeks`,
//! `a few days` (2 to 4), `since yesterday`, `about 2 months`, `2 yrs`,
//! `more than 3 months` (from just past 90 days on). Vague words give a span
//! wide enough to be honest about them, so that an answer is chosen only
//! when the whole span falls inside it.

use super::numbers::numbers_in;

/// A span of days, both ends included; `high` may be infinite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Days {
    pub low: f64,
    pub high: f64,
}

impl Days {
    fn at(days: f64) -> Days {
        Days {
            low: days,
            high: days,
        }
    }
}

/// Just under or over a bound: "less than 6 weeks" is below 42 days.
const NUDGE: f64 = 0.01;

pub(super) fn unit_days(word: &str) -> Option<f64> {
    Some(match word {
        "hour" | "hours" | "hr" | "hrs" | "h" => 1.0 / 24.0,
        "day" | "days" | "d" | "night" | "nights" => 1.0,
        "week" | "weeks" | "wk" | "wks" | "w" => 7.0,
        "fortnight" | "fortnights" => 14.0,
        "month" | "months" | "mo" | "mos" | "mth" | "mths" | "mnth" | "mnths" | "m" => 30.0,
        "year" | "years" | "yr" | "yrs" | "y" => 365.0,
        _ => return None,
    })
}

/// Words that say when the pain began, with the span of days since.
fn since_word(words: &[String], i: usize) -> Option<Days> {
    let word = words[i].as_str();
    let previous = i.checked_sub(1).map(|p| words[p].as_str());
    let span = |low: f64, high: f64| Some(Days { low, high });
    match (previous, word) {
        (_, "yesterday" | "overnight") => span(1.0, 1.0),
        (_, "today" | "tonight") => span(0.0, 1.0),
        (Some("this"), "morning" | "afternoon" | "evening") => span(0.0, 1.0),
        (Some("last"), "night") => span(1.0, 1.0),
        (Some("last" | "the"), "week") => span(7.0, 13.0),
        (Some("last"), "month") => span(30.0, 59.0),
        (Some("last"), "year") => span(365.0, 729.0),
        (_, "weekend") => span(1.0, 7.0),
        (_, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday") => {
            span(1.0, 7.0)
        }
        _ => None,
    }
}

/// The length of time the words give, if they give one.
pub(super) fn duration_in(words: &[String]) -> Option<Days> {
    for i in 0..words.len() {
        if let Some(days) = since_word(words, i) {
            return Some(days);
        }
    }
    for i in 0..words.len() {
        let (unit, attached) = match unit_days(&words[i]) {
            Some(unit) => (unit, None),
            None => match split_attached(&words[i]) {
                Some((amount, unit)) => (unit, Some(amount)),
                None => continue,
            },
        };
        // "m", "d", "y" alone are units only right after a number.
        if words[i].len() == 1 && attached.is_none() && !after_digits(words, i) {
            continue;
        }
        let amount = match attached {
            Some(amount) => Amount::exactly(amount),
            None => amount_before(&words[..i])?,
        };
        let half = words
            .get(i + 1..i + 4)
            .is_some_and(|rest| rest.iter().map(String::as_str).eq(["and", "a", "half"]));
        let extra = if half { 0.5 } else { 0.0 };
        let low = (amount.low + extra) * unit;
        let high = (amount.high + extra) * unit;
        return Some(modified(&words[..amount.from.min(i)], low, high));
    }
    None
}

/// Words that mark the clause about this bout of pain, not the years of
/// it: "on and off for years, this time it started 10 days ago".
const THIS_BOUT: &[&[&str]] = &[
    &["this", "time"],
    &["this", "bout"],
    &["this", "episode"],
    &["this", "flare"],
    &["this", "one"],
    &["came", "back"],
    &["come", "back"],
    &["started", "again"],
    &["flared", "up"],
];

/// The length of this bout: from the clause that says it is about this
/// bout, when one does and gives a length; else from all the words.
pub(super) fn bout_in(words: &[String]) -> Option<Days> {
    let clause_of_bout = words
        .split(|w| w == "," || w == "but" || w == "and")
        .filter(|clause| {
            THIS_BOUT
                .iter()
                .any(|phrase| clause.windows(phrase.len()).any(|w| w == *phrase))
        })
        .find_map(duration_in);
    clause_of_bout.or_else(|| duration_in(words))
}

/// Whether the words hold a number but no length of time ("5").
pub(super) fn bare_number(words: &[String]) -> bool {
    !numbers_in(words).is_empty() && duration_in(words).is_none()
}

fn after_digits(words: &[String], i: usize) -> bool {
    i > 0 && words[i - 1].chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// `3wks`, `2yrs`, `10d`: a number with its unit stuck on.
pub(super) fn split_attached(word: &str) -> Option<(f64, f64)> {
    let end = word.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = word.split_at(end);
    Some((number.parse().ok()?, unit_days(unit)?))
}

/// How many units, and where in the words that amount began.
struct Amount {
    low: f64,
    high: f64,
    from: usize,
}

impl Amount {
    fn exactly(value: f64) -> Amount {
        Amount {
            low: value,
            high: value,
            from: usize::MAX,
        }
    }
}

/// The amount written just before a unit: `5`, `a`, `a few`, `3 or 4`, `one and a half`.
fn amount_before(words: &[String]) -> Option<Amount> {
    let n = words.len();
    let word = |back: usize| n.checked_sub(back).map(|i| words[i].as_str());
    let vague = |low: f64, high: f64, len: usize| {
        Some(Amount {
            low,
            high,
            from: n - len,
        })
    };
    match (word(3), word(2), word(1)) {
        (_, Some("a"), Some("few")) => return vague(2.0, 4.0, 2),
        (Some("a"), Some("couple"), Some("of")) => return vague(2.0, 2.0, 3),
        (_, Some("couple"), Some("of")) => return vague(2.0, 2.0, 2),
        (_, Some("a"), Some("couple")) => return vague(2.0, 2.0, 2),
        (_, Some("half"), Some("a" | "an")) => return vague(0.5, 0.5, 2),
        (_, _, Some("few")) => return vague(2.0, 4.0, 1),
        (_, _, Some("several")) => return vague(3.0, 6.0, 1),
        (_, _, Some("some")) => return vague(2.0, 4.0, 1),
        (_, _, Some("many")) => return vague(5.0, f64::INFINITY, 1),
        (_, _, Some("a" | "an" | "one" | "another")) => return vague(1.0, 1.0, 1),
        _ => {}
    }
    // "one and a half years", "2 and a half months"
    if let (Some("and"), Some("a"), Some("half")) = (word(3), word(2), word(1)) {
        let before = &words[..n - 3];
        let last = numbers_in(before).last().copied()?;
        if last.at + last.len == before.len() {
            return vague(last.value + 0.5, last.value + 0.5, n - last.at);
        }
        return None;
    }
    let numbers = numbers_in(words);
    let last = numbers.last().copied();
    match last {
        Some(last) if last.at + last.len == n => {
            // "3 or 4 weeks", "3 to 4 weeks", "3-4 weeks"
            let earlier = numbers.len().checked_sub(2).map(|i| numbers[i]);
            if let Some(first) = earlier {
                let between = &words[first.at + first.len..last.at];
                let joined = between.is_empty()
                    || matches!(
                        between.iter().map(String::as_str).collect::<Vec<_>>()[..],
                        ["or"] | ["to"] | ["and"] | [","]
                    );
                if joined && first.value < last.value {
                    return vague(first.value, last.value, n - first.at);
                }
            }
            vague(last.value, last.value, last.len)
        }
        // "weeks", "for years": more than one, how many not said.
        _ => vague(2.0, 11.0, 0),
    }
}

/// "less than", "over", "nearly", "at least" before an amount.
fn modified(before: &[String], low: f64, high: f64) -> Days {
    let tail: Vec<&str> = before
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(String::as_str)
        .collect();
    let ends = |phrase: &[&str]| tail.ends_with(phrase);
    if ends(&["less", "than"]) || ends(&["under"]) || ends(&["below"]) || ends(&["up", "to"]) {
        Days {
            low: 0.0,
            high: low - NUDGE,
        }
    } else if ends(&["nearly"])
        || ends(&["almost"])
        || ends(&["not", "quite"])
        || ends(&["just", "under"])
    {
        Days {
            low: low * 0.75,
            high: low - NUDGE,
        }
    } else if ends(&["just", "over"]) || ends(&["a", "bit", "over"]) {
        Days {
            low: high + NUDGE,
            high: high * 1.25,
        }
    } else if ends(&["more", "than"])
        || ends(&["over"])
        || ends(&["longer", "than"])
        || ends(&["past"])
        || ends(&["beyond"])
    {
        Days {
            low: high + NUDGE,
            high: f64::INFINITY,
        }
    } else if ends(&["at", "least"]) {
        Days {
            low,
            high: f64::INFINITY,
        }
    } else if low == high {
        Days::at(low)
    } else {
        Days { low, high }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> Option<(f64, f64)> {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        duration_in(&words).map(|d| (d.low, d.high))
    }

    #[test]
    fn amounts_and_units() {
        assert_eq!(days("5 days"), Some((5.0, 5.0)));
        assert_eq!(days("3 weeks"), Some((21.0, 21.0)));
        assert_eq!(days("about 2 months"), Some((60.0, 60.0)));
        assert_eq!(days("a year"), Some((365.0, 365.0)));
        assert_eq!(days("2 yrs"), Some((730.0, 730.0)));
        assert_eq!(days("10wks"), Some((70.0, 70.0)));
        assert_eq!(days("a few days"), Some((2.0, 4.0)));
        assert_eq!(days("3 or 4 weeks"), Some((21.0, 28.0)));
        assert_eq!(days("one and a half years"), Some((547.5, 547.5)));
        assert_eq!(days("a week and a half"), Some((10.5, 10.5)));
        assert_eq!(days("since yesterday"), Some((1.0, 1.0)));
    }

    #[test]
    fn this_bout_is_told_apart_from_the_years_of_it() {
        let words =
            |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_string).collect() };
        let bout = |text: &str| bout_in(&words(text)).map(|d| (d.low, d.high));
        assert_eq!(
            bout("on and off for 2 years , this time it started 10 days ago"),
            Some((10.0, 10.0))
        );
        // No clause about this bout: the length said.
        assert_eq!(bout("for 2 years"), Some((730.0, 730.0)));
    }

    #[test]
    fn bounds_move_the_span() {
        let (low, high) = days("more than 3 months").unwrap();
        assert!(low > 90.0 && high.is_infinite());
        let (low, high) = days("less than 6 weeks").unwrap();
        assert!(low == 0.0 && high < 42.0);
    }

    #[test]
    fn no_unit_no_duration() {
        assert_eq!(days("5"), None);
        assert_eq!(days("my back"), None);
        assert!(bare_number(&["5".to_string()]));
    }
}
