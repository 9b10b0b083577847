//! The new group form as a typed command.

use crate::model::feed::GroupPrivacy;
use crate::model::fields;
use crate::model::form::{FieldErrors, RawForm};

/// A group to create. `despite_similar`: the person saw the similar groups and creates anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInput {
    pub name: String,
    pub purpose: String,
    pub privacy: GroupPrivacy,
    pub despite_similar: bool,
}

impl GroupInput {
    pub fn parse(form: &RawForm) -> Result<GroupInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", fields::text(form.value("name"), 3, 80));
        let purpose = e.check("purpose", fields::text(form.value("purpose"), 10, 500));
        let privacy = e.check("privacy", GroupPrivacy::choose(form.value("privacy")));
        match (name, purpose, privacy) {
            (Some(name), Some(purpose), Some(privacy)) if e.is_empty() => {
                Ok(GroupInput { name, purpose, privacy, despite_similar: form.value("confirm") == "oui" })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::FieldError;

    #[test]
    fn a_group_has_a_name_a_purpose_and_a_privacy() {
        let g = GroupInput::parse(&RawForm::of(&[
            ("name", " Logement digne "),
            ("purpose", "Agir pour le logement à Lille"),
            ("privacy", "private"),
        ]))
        .expect("valid");
        assert_eq!((g.name.as_str(), g.privacy, g.despite_similar), ("Logement digne", GroupPrivacy::Private, false));
        let e = GroupInput::parse(&RawForm::of(&[("name", "Lo"), ("purpose", "court"), ("privacy", "secret")])).expect_err("refused");
        assert_eq!(
            e.0,
            vec![
                ("name".to_string(), FieldError::TooShort { min: 3 }),
                ("purpose".to_string(), FieldError::TooShort { min: 10 }),
                ("privacy".to_string(), FieldError::InvalidChoice),
            ]
        );
    }
}
