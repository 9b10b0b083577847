//! Moving to another commune (the profile's "J'ai déménagé" form) as a typed command.

use crate::model::account::PostalCode;
use crate::model::form::{FieldErrors, RawForm};

/// The new postal code, and the commune chosen when several share it (an INSEE code, or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveInput {
    pub postal_code: PostalCode,
    pub commune: String,
}

impl MoveInput {
    pub fn parse(form: &RawForm) -> Result<MoveInput, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("postal_code", PostalCode::parse(form.value("postal_code"))) {
            Some(postal_code) => Ok(MoveInput { postal_code, commune: form.value("commune").trim().to_string() }),
            None => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::FieldError;

    #[test]
    fn a_move_names_a_postal_code_and_maybe_a_commune() {
        let m = MoveInput::parse(&RawForm::of(&[("postal_code", " 59000 "), ("commune", "59350")])).expect("valid");
        assert_eq!((m.postal_code.as_str(), m.commune.as_str()), ("59000", "59350"));
        let e = MoveInput::parse(&RawForm::of(&[("postal_code", "5900")])).expect_err("refused");
        assert_eq!(e.0, vec![("postal_code".to_string(), FieldError::InvalidPostalCode)]);
    }
}
