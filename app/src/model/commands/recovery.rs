//! "Mot de passe oublié": the request (an address) and the new password, as typed commands.

use crate::model::account::{Email, Password};
use crate::model::form::{FieldErrors, RawForm};

/// Someone asks for a link to set a new password.
#[derive(Debug, Clone)]
pub struct ResetRequest {
    pub email: Email,
}

impl ResetRequest {
    pub fn parse(form: &RawForm) -> Result<ResetRequest, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("email", Email::parse(form.value("email"))) {
            Some(email) => Ok(ResetRequest { email }),
            None => Err(e),
        }
    }
}

/// The new password chosen through the link.
#[derive(Debug, Clone)]
pub struct NewPassword {
    pub password: Password,
}

impl NewPassword {
    pub fn parse(form: &RawForm) -> Result<NewPassword, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("password", Password::parse(form.value("password"))) {
            Some(password) => Ok(NewPassword { password }),
            None => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::FieldError;

    #[test]
    fn an_address_then_a_password_long_enough() {
        assert_eq!(
            ResetRequest::parse(&RawForm::of(&[("email", " Lea@Example.fr ")])).map(|r| r.email.normalized().to_string()).ok(),
            Some("lea@example.fr".into())
        );
        assert_eq!(
            ResetRequest::parse(&RawForm::of(&[("email", "lea")])).expect_err("refused").0,
            vec![("email".to_string(), FieldError::InvalidEmail)]
        );
        assert!(NewPassword::parse(&RawForm::of(&[("password", "un mot de passe solide")])).is_ok());
        assert_eq!(NewPassword::parse(&RawForm::of(&[("password", "court")])).expect_err("refused").0[0].0, "password");
    }
}
