//! Parsing of typed form values shared by the commands (`model::commands`): bounded text, whole numbers,
//! coordinates, Europe/Paris date-times. Each returns the error code the page translates.

use crate::model::form::FieldError;
use crate::model::paris_time::parse_paris_datetime;

/// Trimmed text of `min..=max` characters (min 0: optional), no control characters but newlines.
pub fn text(raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let t = raw.trim();
    let n = t.chars().count();
    if n == 0 && min > 0 {
        Err(FieldError::Required)
    } else if n < min {
        Err(FieldError::TooShort { min })
    } else if n > max {
        Err(FieldError::TooLong { max })
    } else if t.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        Err(FieldError::ControlCharacters)
    } else {
        Ok(t.to_string())
    }
}

/// A whole number ≥ 0; empty is `None`.
pub fn count(raw: &str) -> Result<Option<i64>, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if n < 0 => Err(FieldError::MustNotBeNegative),
        Ok(n) if n > 1_000_000 => Err(FieldError::TooLong { max: 7 }),
        Ok(n) => Ok(Some(n)),
        Err(_) if t.starts_with('-') && t[1..].chars().all(|c| c.is_ascii_digit()) => Err(FieldError::MustNotBeNegative),
        Err(_) => Err(FieldError::NotANumber),
    }
}

/// A whole number > 0; empty is `None` (no limit).
pub fn positive(raw: &str) -> Result<Option<i64>, FieldError> {
    match count(raw) {
        Ok(Some(0)) | Err(FieldError::MustNotBeNegative) => Err(FieldError::MustBePositive),
        other => other,
    }
}

/// A decimal coordinate ("50.6367" or "50,6367"); empty is `None`.
pub fn coordinate(raw: &str) -> Result<Option<f64>, FieldError> {
    let t = raw.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or(FieldError::NotANumber)
}

/// A Europe/Paris date-time from a `datetime-local` field.
pub fn paris_datetime(raw: &str) -> Result<i64, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::Required);
    }
    parse_paris_datetime(raw).ok_or(FieldError::InvalidDateTime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(count(" 12 "), Ok(Some(12)));
        assert_eq!(count(""), Ok(None));
        assert_eq!(count("-3"), Err(FieldError::MustNotBeNegative));
        assert_eq!(count("douze"), Err(FieldError::NotANumber));
        assert_eq!(positive("0"), Err(FieldError::MustBePositive));
        assert_eq!(positive("-1"), Err(FieldError::MustBePositive));
        assert_eq!(positive("1"), Ok(Some(1)));
        assert_eq!(coordinate("50,6367"), Ok(Some(50.6367)));
        assert_eq!(coordinate("nord"), Err(FieldError::NotANumber));
    }

    #[test]
    fn texts() {
        assert_eq!(text("  Marché  ", 2, 10), Ok("Marché".into()));
        assert_eq!(text("", 2, 10), Err(FieldError::Required));
        assert_eq!(text("", 0, 10), Ok(String::new()));
        assert_eq!(text("a\u{0}b", 0, 10), Err(FieldError::ControlCharacters));
    }
}
