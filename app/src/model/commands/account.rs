//! Mon compte: a new password and a new address, each confirmed with the current password.

use crate::model::account::{Email, Password};
use crate::model::form::{FieldError, FieldErrors, RawForm};

/// The field of the current password in each form (two forms share the account page, and ids
/// must differ).
pub const PASSWORD_FORM_CURRENT: &str = "current_password";
pub const EMAIL_FORM_CURRENT: &str = "email_current_password";

/// The current password, typed again: required, checked by the service (never by its rules of
/// length: an old password may predate them).
fn current_password(form: &RawForm, field: &str, e: &mut FieldErrors) -> Option<String> {
    let current = form.value(field);
    if current.is_empty() {
        e.add(field, FieldError::Required);
        return None;
    }
    Some(current.to_string())
}

/// "Changer mon mot de passe".
#[derive(Debug, Clone)]
pub struct PasswordChange {
    pub current: String,
    pub password: Password,
}

impl PasswordChange {
    pub fn parse(form: &RawForm) -> Result<PasswordChange, FieldErrors> {
        let mut e = FieldErrors::default();
        let current = current_password(form, PASSWORD_FORM_CURRENT, &mut e);
        let password = e.check("password", Password::parse(form.value("password")));
        match (current, password) {
            (Some(current), Some(password)) => Ok(PasswordChange { current, password }),
            _ => Err(e),
        }
    }
}

/// "Changer mon adresse": the new address, proven by a link before it replaces the old one.
#[derive(Debug, Clone)]
pub struct EmailChange {
    pub email: Email,
    pub current: String,
}

impl EmailChange {
    pub fn parse(form: &RawForm) -> Result<EmailChange, FieldErrors> {
        let mut e = FieldErrors::default();
        let email = e.check("email", Email::parse(form.value("email")));
        let current = current_password(form, EMAIL_FORM_CURRENT, &mut e);
        match (email, current) {
            (Some(email), Some(current)) => Ok(EmailChange { email, current }),
            _ => Err(e),
        }
    }
}

/// The field of the current password in "Supprimer mon compte".
pub const ERASURE_FORM_CURRENT: &str = "erasure_password";

/// "Supprimer mon compte": confirmed with the current password.
#[derive(Debug, Clone)]
pub struct ErasureRequest {
    pub current: String,
}

impl ErasureRequest {
    pub fn parse(form: &RawForm) -> Result<ErasureRequest, FieldErrors> {
        let mut e = FieldErrors::default();
        match current_password(form, ERASURE_FORM_CURRENT, &mut e) {
            Some(current) => Ok(ErasureRequest { current }),
            None => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_checked_at_once() {
        let refused = PasswordChange::parse(&RawForm::of(&[("password", "court")])).expect_err("refused");
        let fields: Vec<&str> = refused.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["current_password", "password"]);
        let ok = PasswordChange::parse(&RawForm::of(&[("current_password", "ancien"), ("password", "un mot de passe solide")]));
        assert_eq!(ok.map(|c| c.current).ok().as_deref(), Some("ancien"), "the current one is checked by the service, not by length");
        let refused = EmailChange::parse(&RawForm::of(&[("email", "pas-une-adresse")])).expect_err("refused");
        assert_eq!(refused.0, vec![("email".into(), FieldError::InvalidEmail), (EMAIL_FORM_CURRENT.into(), FieldError::Required)]);
        let ok = EmailChange::parse(&RawForm::of(&[("email", " Nouvelle@Example.fr "), (EMAIL_FORM_CURRENT, "x")])).expect("parsed");
        assert_eq!(ok.email.normalized(), "nouvelle@example.fr");
    }
}
