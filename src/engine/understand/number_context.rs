//! A number read with the words around it, as a value for the question's
//! own unit: "I'll be 40 next month" is 39 now; "in my 50s", "late fifties",
//! "40ish" and "over 60" are ranges, not an age; "5 days" is not a number of
//! years. A number that is not a value for the question is asked again.

use super::durations::{split_attached, unit_days};
use super::numbers::{Amount, numbers_in};

/// Words that end the stretch a birthday word governs.
const CLAUSE_ENDS: &[&str] = &[",", "but", "and", "so", "because"];

/// Words that put an age in the future: "I'll be 40 next month", "turning 65".
const FUTURE: &[&str] = &["next", "turning", "turn", "i'll", "will", "soon", "gonna"];

/// Words before a number that make it one end of a range, or near it.
const NEAR_BEFORE: &[&str] = &[
    "early", "mid", "late", "over", "under", "nearly", "almost", "past", "above", "below",
];

/// Words after a number that make it approximate: "40ish", "40 odd", "60 plus".
const NEAR_AFTER: &[&str] = &["ish", "odd", "something", "plus"];

/// The values the words give, each as it stands now and in the question's
/// unit; `None` when a number is there but is not such a value (a range, a
/// decade, another unit). `unit` is the question's own ("years").
pub(super) fn values_meant(words: &[String], unit: Option<&str>) -> Option<Vec<f64>> {
    let unit_days_asked = unit.and_then(unit_days);
    let ages = unit_days_asked == unit_days("years");
    let mut values: Vec<f64> = Vec::new();
    for amount in numbers_in(words) {
        if approximate(words, &amount) || other_unit(words, &amount, unit_days_asked) {
            return None;
        }
        let value = if ages && birthday_to_come(words, &amount) {
            amount.value - 1.0
        } else {
            amount.value
        };
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Some(values)
}

/// "50s", "in my 50s", "late 40s", "40ish", "over 60": not one number.
fn approximate(words: &[String], amount: &Amount) -> bool {
    let word = words[amount.at].as_str();
    let decade = amount.len == 1 && word.trim_start_matches(|c: char| c.is_ascii_digit()) == "s";
    let before = amount
        .at
        .checked_sub(1)
        .is_some_and(|i| NEAR_BEFORE.contains(&words[i].as_str()));
    let after = words
        .get(amount.at + amount.len)
        .is_some_and(|w| NEAR_AFTER.contains(&w.as_str()));
    decade || before || after
}

/// "5 days", "3wks" where years are asked: a length of another unit.
fn other_unit(words: &[String], amount: &Amount, asked: Option<f64>) -> bool {
    let Some(asked) = asked else {
        return false;
    };
    let attached = (amount.len == 1)
        .then(|| split_attached(&words[amount.at]))
        .flatten()
        .map(|(_, unit)| unit);
    let after = words.get(amount.at + amount.len).and_then(|w| unit_days(w));
    attached.or(after).is_some_and(|unit| unit != asked)
}

/// Whether the number's clause says it is an age still to come.
fn birthday_to_come(words: &[String], amount: &Amount) -> bool {
    let start = words[..amount.at]
        .iter()
        .rposition(|w| CLAUSE_ENDS.contains(&w.as_str()))
        .map_or(0, |i| i + 1);
    let end = words[amount.at..]
        .iter()
        .position(|w| CLAUSE_ENDS.contains(&w.as_str()))
        .map_or(words.len(), |i| amount.at + i);
    words[start..end]
        .iter()
        .any(|w| FUTURE.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Vec<f64>> {
        let words = super::super::normalise::normalise(text).words;
        values_meant(&words, Some("years"))
    }

    /// The one age the words give, or `None` when they are asked again.
    fn age(text: &str) -> Option<f64> {
        match read(text)?[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    #[test]
    fn a_birthday_to_come_is_the_age_before_it() {
        assert_eq!(read("I'll be 40 next month"), Some(vec![39.0]));
        assert_eq!(read("turning 65 in a few weeks"), Some(vec![64.0]));
        assert_eq!(read("just turned 40"), Some(vec![40.0]));
        // The age now and the birthday to come agree: one age.
        assert_eq!(read("I'm 47, turning 48 in June"), Some(vec![47.0]));
        assert_eq!(read("she's 79"), Some(vec![79.0]));
    }

    #[test]
    fn a_range_or_another_unit_is_not_an_age() {
        assert_eq!(read("in my 50s"), None);
        assert_eq!(age("40ish"), None);
        assert_eq!(age("40 odd"), None);
        assert_eq!(read("over 60"), None);
        assert_eq!(read("late 40s"), None);
        assert_eq!(read("5 days"), None);
        assert_eq!(read("3wks"), None);
        assert_eq!(age("35 years old"), Some(35.0));
        assert_eq!(age("about 35"), Some(35.0));
    }

    #[test]
    fn the_birthday_rule_is_for_ages_only() {
        let words = super::super::normalise::normalise("5 next week").words;
        assert_eq!(values_meant(&words, Some("days")), Some(vec![5.0]));
        assert_eq!(values_meant(&words, None), Some(vec![5.0]));
    }
}
