//! The section forms (create, edit) as typed commands. Communes are typed one per line (an INSEE
//! code, a name or an unambiguous postal code); the service resolves each line in the federation.

use crate::model::account::{Email, Handle};
use crate::model::fields;
use crate::model::form::{FieldErrors, RawForm};
use crate::model::profile::BIO_MAX;
use crate::model::territory::parse_slug;

/// A new section: its name, its address (derived from the name when left empty) and its
/// description (its communes: `CommunesChange::of_new_section`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSectionInput {
    pub name: String,
    pub slug: String,
    pub description: String,
}

impl NewSectionInput {
    pub fn parse(form: &RawForm) -> Result<NewSectionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", fields::text(form.value("name"), 3, 80));
        let slug = match form.value("slug").trim() {
            "" => name.as_deref().map(|n| Handle::suggest_from(n).as_str().to_string()),
            raw => e.check("slug", parse_slug(raw)),
        };
        let description = e.check("description", fields::text(form.value("description"), 0, BIO_MAX));
        match (name, slug, description) {
            (Some(name), Some(slug), Some(description)) if e.is_empty() => Ok(NewSectionInput { name, slug, description }),
            _ => Err(e),
        }
    }
}

/// A section's text: name, description and public contact address (empty: none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionTextInput {
    pub name: String,
    pub description: String,
    pub contact_email: String,
}

impl SectionTextInput {
    pub fn parse(form: &RawForm) -> Result<SectionTextInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", fields::text(form.value("name"), 3, 80));
        let description = e.check("description", fields::text(form.value("description"), 0, BIO_MAX));
        let contact_email = e.check(
            "contact_email",
            match form.value("contact_email").trim() {
                "" => Ok(String::new()),
                raw => Email::parse(raw).map(|email| email.as_str().to_string()),
            },
        );
        match (name, description, contact_email) {
            (Some(name), Some(description), Some(contact_email)) if e.is_empty() => {
                Ok(SectionTextInput { name, description, contact_email })
            }
            _ => Err(e),
        }
    }
}

/// Communes to add (lines typed) and to remove (INSEE codes ticked). On an existing section, a
/// change only the team above may make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommunesChange {
    pub add: Vec<String>,
    pub remove: Vec<String>,
    /// The field where a line that cannot be added is shown.
    pub field: &'static str,
}

impl CommunesChange {
    /// The edit form: `add_communes` and the ticked `remove_communes`.
    pub fn parse(form: &RawForm) -> CommunesChange {
        CommunesChange {
            add: lines(form.value("add_communes")),
            remove: form.values("remove_communes").into_iter().map(str::to_string).collect(),
            field: "add_communes",
        }
    }

    /// The new section form's `communes`.
    pub fn of_new_section(form: &RawForm) -> CommunesChange {
        CommunesChange { add: lines(form.value("communes")), remove: Vec::new(), field: "communes" }
    }

    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.remove.is_empty()
    }
}

/// The non-blank lines of a text area, trimmed.
fn lines(raw: &str) -> Vec<String> {
    raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::FieldError;

    #[test]
    fn a_new_section_gets_its_address_from_its_name() {
        let f = RawForm::of(&[("name", "Lille Centre"), ("communes", "59350\n\n  Lomme \n")]);
        assert_eq!(NewSectionInput::parse(&f).map(|s| s.slug), Ok("lille-centre".to_string()));
        assert_eq!(CommunesChange::of_new_section(&f).add, vec!["59350".to_string(), "Lomme".to_string()]);
        let e = NewSectionInput::parse(&RawForm::of(&[("name", "Lille"), ("slug", "-lille")])).expect_err("refused");
        assert_eq!(e.0[0].0, "slug");
    }

    #[test]
    fn an_edit_checks_the_contact_address_and_lists_the_communes_changed() {
        let t = SectionTextInput::parse(&RawForm::of(&[("name", "Lille"), ("contact_email", " Lille@Exemple.fr ")])).expect("valid");
        assert_eq!(t.contact_email, "Lille@Exemple.fr", "trimmed, as typed");
        let e = SectionTextInput::parse(&RawForm::of(&[("name", "Lille"), ("contact_email", "pas une adresse")])).expect_err("refused");
        assert_eq!(e.0, vec![("contact_email".to_string(), FieldError::InvalidEmail)]);
        assert!(CommunesChange::parse(&RawForm::of(&[("add_communes", "  \n")])).is_empty());
        let change =
            CommunesChange::parse(&RawForm::of(&[("add_communes", "Lomme"), ("remove_communes", "59350"), ("remove_communes", "59009")]));
        assert_eq!((change.add, change.remove), (vec!["Lomme".to_string()], vec!["59350".to_string(), "59009".to_string()]));
    }
}
