//! The one kind of body the pages post: `application/x-www-form-urlencoded`,
//! read by hand (a checkbox group repeats its name, which the usual
//! extractors do not keep).

/// The fields of a posted form, in order; a name may repeat.
pub struct Fields(Vec<(String, String)>);

/// The body is not a form: bytes that are not UTF-8 once decoded.
#[derive(Debug)]
pub struct NotAForm;

impl Fields {
    pub fn parse(body: &[u8]) -> Result<Fields, NotAForm> {
        let mut fields = Vec::new();
        for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &[][..]),
            };
            fields.push((decode(name)?, decode(value)?));
        }
        Ok(Fields(fields))
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// `+` is a space, `%XX` a byte; a `%` not followed by two hex digits is kept.
fn decode(text: &[u8]) -> Result<String, NotAForm> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'+' => bytes.push(b' '),
            b'%' => match (
                text.get(i + 1).copied().and_then(hex),
                text.get(i + 2).copied().and_then(hex),
            ) {
                (Some(high), Some(low)) => {
                    bytes.push(high << 4 | low);
                    i += 2;
                }
                _ => bytes.push(b'%'),
            },
            byte => bytes.push(byte),
        }
        i += 1;
    }
    String::from_utf8(bytes).map_err(|_| NotAForm)
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn names_repeat_and_values_are_decoded() {
        let fields = Fields::parse(b"many=a&many=b&text=not+sure%3F&x=%zz&y").unwrap();
        assert_eq!(fields.all("many"), ["a", "b"]);
        assert_eq!(fields.get("text"), Some("not sure?"));
        assert_eq!(fields.get("x"), Some("%zz"));
        assert_eq!(fields.get("y"), Some(""));
        assert_eq!(fields.get("z"), None);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        assert!(Fields::parse(b"text=%ff%fe").is_err());
    }
}
