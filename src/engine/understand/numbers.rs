//! Whole numbers in typed words: `35`, `35yo`, `thirty-five`, `a hundred
//! and two`, with the words around them (`I'm`, `about`, `years old`) let be.

/// The numbers found in some words, in order.
pub(super) fn numbers_in(words: &[String]) -> Vec<Amount> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(value) = digits(&words[i]) {
            found.push(Amount {
                value,
                at: i,
                len: 1,
            });
            i += 1;
            continue;
        }
        match spelled(&words[i..]) {
            Some((value, len)) => {
                found.push(Amount { value, at: i, len });
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// A number and where it stands among the words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Amount {
    pub value: f64,
    pub at: usize,
    pub len: usize,
}

/// `35`, `1.5`, and digits with a unit stuck on: `35yo`, `35yrs`, `3wks`.
fn digits(word: &str) -> Option<f64> {
    if let Some(positive) = word.strip_prefix('-') {
        return digits(positive)
            .filter(|_| positive.starts_with(|c: char| c.is_ascii_digit()))
            .map(|n| -n);
    }
    let end = word
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(word.len());
    let (number, rest) = word.split_at(end);
    if number.is_empty() || number.len() > 12 {
        return None;
    }
    let suffix_ok = rest.is_empty()
        || matches!(
            rest,
            "yo" | "y"
                | "yr"
                | "yrs"
                | "years"
                | "d"
                | "days"
                | "w"
                | "wk"
                | "wks"
                | "weeks"
                | "m"
                | "mo"
                | "mos"
                | "mth"
                | "mths"
                | "months"
                | "h"
                | "hr"
                | "hrs"
                | "th"
                | "st"
                | "nd"
                | "rd"
                | "s"
        );
    suffix_ok.then(|| number.parse().ok()).flatten()
}

fn unit_word(word: &str) -> Option<f64> {
    Some(match word {
        "zero" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(word: &str) -> Option<f64> {
    Some(match word {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// A number written in words at the start of `words`, and how many words it took:
/// `thirty five`, `a hundred and two`, `one hundred`.
fn spelled(words: &[String]) -> Option<(f64, usize)> {
    let word = |i: usize| words.get(i).map(String::as_str);
    let mut i = 0;
    let mut total = 0.0;
    // "a hundred", "one hundred and five"
    let hundreds = match (word(0), word(1)) {
        (Some("a" | "one"), Some("hundred")) => Some(2),
        (Some(w), Some("hundred")) => unit_word(w).map(|_| 2),
        (Some("hundred"), _) => Some(1),
        _ => None,
    };
    if let Some(len) = hundreds {
        let count = if len == 2 {
            word(0).and_then(unit_word).unwrap_or(1.0)
        } else {
            1.0
        };
        total = count * 100.0;
        i = len;
        if word(i) == Some("and")
            && word(i + 1).is_some_and(|w| unit_word(w).or(tens_word(w)).is_some())
        {
            i += 1;
        } else {
            return Some((total, i));
        }
    }
    if let Some(tens) = word(i).and_then(tens_word) {
        total += tens;
        i += 1;
        if let Some(unit) = word(i)
            .and_then(unit_word)
            .filter(|u| *u < 10.0 && *u > 0.0)
        {
            total += unit;
            i += 1;
        }
        return Some((total, i));
    }
    if let Some(unit) = word(i).and_then(unit_word) {
        return Some((total + unit, i + 1));
    }
    (i > 0).then_some((total, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        numbers_in(&words).iter().map(|a| a.value).collect()
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(values("i'm 35"), [35.0]);
        assert_eq!(values("35yo"), [35.0]);
        assert_eq!(values("thirty five"), [35.0]);
        assert_eq!(values("a hundred and two"), [102.0]);
        assert_eq!(values("seventy"), [70.0]);
        assert_eq!(values("1.5 years"), [1.5]);
        assert_eq!(values("35 or 36"), [35.0, 36.0]);
        assert!(values("old enough").is_empty());
        assert!(values("99999999999999999999").is_empty());
    }
}
