//! Profiles: what a person tells about themselves and who may see each part.

use serde::{Deserialize, Serialize};

use super::account::{DisplayName, Handle};
use super::form::{FieldError, FieldErrors, RawForm};
use super::refs::{CommuneRef, FederationRef, SectionRef};

string_enum! {
    /// Who may see one profile field.
    pub enum Visibility {
        Public = "public",
        Section = "section",
        OnlyMe = "moi",
    }
}

impl Visibility {
    /// Stored values are ours; an unknown one falls back to the most private choice.
    pub fn from_db(raw: &str) -> Self {
        Self::parse(raw).unwrap_or(Self::OnlyMe)
    }
}

string_enum! {
    /// Kinds of field work a person is willing to do (engagement à la carte).
    pub enum Availability {
        Tractage = "tractage",
        Boitage = "boitage",
        PorteAPorte = "porte-a-porte",
        Phoning = "phoning",
        Collage = "collage",
        Accueil = "accueil",
        Covoiturage = "covoiturage",
        Logistique = "logistique",
        ReseauxSociaux = "reseaux-sociaux",
    }
}

string_enum! {
    /// The three free lists of a profile.
    pub enum ProfileList {
        Mandates = "mandates",
        Responsibilities = "responsibilities",
        Interests = "interests",
    }
}

impl ProfileList {
    pub const MAX_ITEMS: usize = 20;
    pub const MAX_ITEM_CHARS: usize = 100;

    /// One item per line; blank lines dropped, duplicates removed, order kept.
    pub fn parse_items(raw: &str) -> Result<Vec<String>, FieldError> {
        let mut items: Vec<String> = Vec::new();
        for line in raw.lines() {
            let item = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if item.is_empty() || items.contains(&item) {
                continue;
            }
            if item.chars().count() > Self::MAX_ITEM_CHARS {
                return Err(FieldError::TooLong { max: Self::MAX_ITEM_CHARS });
            }
            items.push(item);
        }
        if items.len() > Self::MAX_ITEMS {
            return Err(FieldError::TooManyItems { max: Self::MAX_ITEMS });
        }
        Ok(items)
    }
}

pub const BIO_MAX: usize = 1000;
pub const STATUS_MAX: usize = 140;

fn bounded_text(raw: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(FieldError::ControlCharacters);
    }
    if text.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(text)
}

/// The visibility settings of one profile, field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileVisibilities {
    pub bio: Visibility,
    pub status: Visibility,
    pub mandates: Visibility,
    pub responsibilities: Visibility,
    pub interests: Visibility,
    pub availabilities: Visibility,
}

impl Default for ProfileVisibilities {
    /// Private by default (GDPR art. 25): the section sees, the public does not.
    fn default() -> Self {
        Self {
            bio: Visibility::Section,
            status: Visibility::Section,
            mandates: Visibility::Section,
            responsibilities: Visibility::Section,
            interests: Visibility::Section,
            availabilities: Visibility::Section,
        }
    }
}

/// Everything a person can edit on their own profile, valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileUpdate {
    pub display_name: DisplayName,
    pub handle: Handle,
    pub bio: String,
    pub status: String,
    pub mandates: Vec<String>,
    pub responsibilities: Vec<String>,
    pub interests: Vec<String>,
    pub availabilities: Vec<Availability>,
    pub visibilities: ProfileVisibilities,
}

impl ProfileUpdate {
    pub fn parse(form: &RawForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let display_name = e.check("display_name", DisplayName::parse(form.value("display_name")));
        let handle = e.check("handle", Handle::parse(form.value("handle")));
        let bio = e.check("bio", bounded_text(form.value("bio"), BIO_MAX));
        let status = e.check("status", bounded_text(form.value("status"), STATUS_MAX));
        let mandates = e.check("mandates", ProfileList::parse_items(form.value("mandates")));
        let responsibilities = e.check("responsibilities", ProfileList::parse_items(form.value("responsibilities")));
        let interests = e.check("interests", ProfileList::parse_items(form.value("interests")));
        let mut availabilities = Vec::new();
        for raw in form.values("availabilities") {
            match Availability::parse(raw) {
                Some(a) if !availabilities.contains(&a) => availabilities.push(a),
                Some(_) => {}
                None => e.add("availabilities", FieldError::InvalidChoice),
            }
        }
        availabilities.sort();
        let mut vis = |field: &str| {
            let key = format!("{field}_visibility");
            e.check(&key, Visibility::choose(form.value(&key)))
        };
        let visibilities = (|| {
            Some(ProfileVisibilities {
                bio: vis("bio")?,
                status: vis("status")?,
                mandates: vis("mandates")?,
                responsibilities: vis("responsibilities")?,
                interests: vis("interests")?,
                availabilities: vis("availabilities")?,
            })
        })();
        match (display_name, handle, bio, status, mandates, responsibilities, interests, visibilities) {
            (
                Some(display_name),
                Some(handle),
                Some(bio),
                Some(status),
                Some(mandates),
                Some(responsibilities),
                Some(interests),
                Some(visibilities),
            ) if e.is_empty() => {
                Ok(Self { display_name, handle, bio, status, mandates, responsibilities, interests, availabilities, visibilities })
            }
            _ => Err(e),
        }
    }
}

/// A person's own profile, everything included, for the edit page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProfile {
    pub handle: String,
    pub display_name: String,
    /// Their avatar, when they chose one.
    pub avatar: Option<crate::model::media::Picture>,
    pub email: String,
    pub postal_code: String,
    pub membership: String,
    pub membership_status: String,
    pub member_since_ms: i64,
    pub bio: String,
    pub status: String,
    pub mandates: Vec<String>,
    pub responsibilities: Vec<String>,
    pub interests: Vec<String>,
    pub availabilities: Vec<Availability>,
    pub visibilities: ProfileVisibilities,
    pub commune: Option<CommuneRef>,
    pub section: Option<SectionRef>,
    pub federation: Option<FederationRef>,
}

/// A profile as one viewer may see it: hidden fields are `None`, not empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub handle: String,
    pub display_name: String,
    pub avatar: Option<crate::model::media::Picture>,
    pub member_since_ms: i64,
    pub is_me: bool,
    pub bio: Option<String>,
    pub status: Option<String>,
    pub mandates: Option<Vec<String>>,
    pub responsibilities: Option<Vec<String>>,
    pub interests: Option<Vec<String>>,
    pub availabilities: Option<Vec<Availability>>,
    /// How the viewer relates to this member, for the coopain buttons (`None` for visitors).
    pub coopain: Option<crate::model::feed::CoopainState>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(extra: &[(&str, &str)]) -> RawForm {
        let mut pairs: Vec<(String, String)> = [
            ("display_name", "Élise Martin"),
            ("handle", "elise"),
            ("bio", "Militante à Lille."),
            ("status", "En campagne"),
            ("mandates", "Conseillère municipale\n\n  Conseillère   municipale  \nDéléguée"),
            ("responsibilities", ""),
            ("interests", "Écologie\nLogement"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        for field in ["bio", "status", "mandates", "responsibilities", "interests", "availabilities"] {
            pairs.push((format!("{field}_visibility"), "section".into()));
        }
        pairs.extend(extra.iter().map(|(a, b)| (a.to_string(), b.to_string())));
        RawForm(pairs)
    }

    #[test]
    fn lists_are_cleaned_line_by_line() {
        let update = ProfileUpdate::parse(&form(&[("availabilities", "phoning"), ("availabilities", "tractage")]));
        let update = update.expect("valid");
        assert_eq!(update.mandates, ["Conseillère municipale", "Déléguée"]);
        assert!(update.responsibilities.is_empty());
        assert_eq!(update.availabilities, [Availability::Tractage, Availability::Phoning]);
    }

    #[test]
    fn unknown_choices_are_refused() {
        let errors = ProfileUpdate::parse(&form(&[("availabilities", "sieste")])).err().unwrap_or_default();
        assert_eq!(errors.get("availabilities"), Some(&FieldError::InvalidChoice));
        let mut bad = form(&[]);
        bad.0.retain(|(n, _)| n != "bio_visibility");
        bad.0.push(("bio_visibility".into(), "tout-le-monde".into()));
        let errors = ProfileUpdate::parse(&bad).err().unwrap_or_default();
        assert_eq!(errors.get("bio_visibility"), Some(&FieldError::InvalidChoice));
    }

    #[test]
    fn lists_and_texts_are_bounded() {
        let many = (0..21).map(|i| format!("item {i}")).collect::<Vec<_>>().join("\n");
        assert_eq!(ProfileList::parse_items(&many), Err(FieldError::TooManyItems { max: 20 }));
        assert_eq!(ProfileList::parse_items(&"x".repeat(101)), Err(FieldError::TooLong { max: 100 }));
        let errors = ProfileUpdate::parse(&{
            let mut f = form(&[]);
            f.0.retain(|(n, _)| n != "status");
            f.0.push(("status".into(), "s".repeat(141)));
            f
        })
        .err()
        .unwrap_or_default();
        assert_eq!(errors.get("status"), Some(&FieldError::TooLong { max: 140 }));
    }

    #[test]
    fn stored_visibility_falls_back_to_private() {
        assert_eq!(Visibility::from_db("section"), Visibility::Section);
        assert_eq!(Visibility::from_db("???"), Visibility::OnlyMe);
    }
}
