//! Parsed account values: once built, they are valid (parse, don't validate).

use serde::{Deserialize, Serialize};

use super::form::{FieldError, FieldErrors, RawForm};

fn has_control_chars(s: &str) -> bool {
    s.chars().any(|c| c.is_control())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MIN: usize = 2;
    pub const MAX: usize = 60;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let len = name.chars().count();
        if len == 0 {
            Err(FieldError::Required)
        } else if has_control_chars(&name) {
            Err(FieldError::ControlCharacters)
        } else if len < Self::MIN {
            Err(FieldError::TooShort { min: Self::MIN })
        } else if len > Self::MAX {
            Err(FieldError::TooLong { max: Self::MAX })
        } else {
            Ok(Self(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address as typed, plus its normalized (lower-case) form used for uniqueness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    original: String,
    normalized: String,
}

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let email = raw.trim();
        if email.is_empty() {
            return Err(FieldError::Required);
        }
        if email.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let Some((local, domain)) = email.rsplit_once('@') else {
            return Err(FieldError::InvalidEmail);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty() && !local.contains('@') && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if !domain_ok || !local_ok {
            return Err(FieldError::InvalidEmail);
        }
        Ok(Self { original: email.to_string(), normalized: email.to_lowercase() })
    }

    pub fn as_str(&self) -> &str {
        &self.original
    }

    pub fn normalized(&self) -> &str {
        &self.normalized
    }
}

/// A password that meets the length rules. Deliberately not Serialize: it never leaves the server.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    pub const MIN: usize = 10;
    pub const MAX: usize = 256;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let len = raw.chars().count();
        if len == 0 {
            Err(FieldError::Required)
        } else if len < Self::MIN {
            Err(FieldError::TooShort { min: Self::MIN })
        } else if len > Self::MAX {
            Err(FieldError::TooLong { max: Self::MAX })
        } else {
            Ok(Self(raw.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A French postal code: five digits, département prefix 01–98 (20 for Corsica).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if code.is_empty() {
            return Err(FieldError::Required);
        }
        if code.len() != 5 || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::InvalidPostalCode);
        }
        let prefix: u32 = code[..2].parse().map_err(|_| FieldError::InvalidPostalCode)?;
        if !(1..=98).contains(&prefix) {
            return Err(FieldError::InvalidPostalCode);
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_enum! {
    /// What the person says of themselves at sign-up. An adhérent claim waits for a section's
    /// confirmation; it is political opinion data and never logged.
    pub enum MembershipClaim {
        Sympathisant = "sympathisant",
        Adherent = "adherent",
    }
}

string_enum! {
    /// Where a membership stands: sympathisants have nothing to confirm.
    pub enum MembershipStatus {
        NotApplicable = "none",
        Pending = "pending",
        Confirmed = "confirmed",
        Refused = "refused",
    }
}

impl MembershipStatus {
    pub fn initial(claim: MembershipClaim) -> Self {
        match claim {
            MembershipClaim::Sympathisant => Self::NotApplicable,
            MembershipClaim::Adherent => Self::Pending,
        }
    }

    /// Sympathisants' rows say "none"; anything else unknown reads as nothing to confirm.
    pub fn from_db(raw: &str) -> Self {
        Self::parse(raw).unwrap_or(Self::NotApplicable)
    }
}

/// The public @handle: lower-case letters, digits and dashes, 3 to 30 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handle(String);

impl Handle {
    pub const MIN: usize = 3;
    pub const MAX: usize = 30;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let handle = raw.trim().trim_start_matches('@').to_lowercase();
        let len = handle.chars().count();
        if len == 0 {
            return Err(FieldError::Required);
        }
        if len < Self::MIN {
            return Err(FieldError::TooShort { min: Self::MIN });
        }
        if len > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let valid = handle.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !handle.starts_with('-')
            && !handle.ends_with('-');
        if !valid {
            return Err(FieldError::InvalidHandle);
        }
        Ok(Self(handle))
    }

    /// A handle derived from a display name ("Élise Martin-Duval" → "elise-martin-duval").
    pub fn suggest_from(name: &str) -> Self {
        let mut out = String::new();
        for c in name.chars().flat_map(fold_accent) {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let mut out: String = out.trim_matches('-').chars().take(Self::MAX - 7).collect();
        out = out.trim_end_matches('-').to_string();
        while out.len() < Self::MIN {
            out.push('x');
        }
        Self(out)
    }

    /// The same handle with a numeric suffix, to resolve a collision.
    pub fn with_suffix(&self, n: u32) -> Self {
        Self(format!("{}-{n}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Text as searches compare it: lower case, accents removed, anything but letters and digits as
/// one space ("Tract du Marché !" → "tract du marche").
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold_accent).flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => "i",
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => "u",
        'ÿ' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return vec![c],
    };
    folded.chars().collect()
}

/// A complete, valid sign-up.
#[derive(Debug, Clone)]
pub struct SignUp {
    pub display_name: DisplayName,
    pub email: Email,
    pub password: Password,
    pub postal_code: PostalCode,
    /// The commune chosen when several share the postal code (an INSEE code, or empty).
    pub commune: String,
    pub claim: MembershipClaim,
}

impl SignUp {
    pub fn parse(form: &RawForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let display_name = errors.check("display_name", DisplayName::parse(form.value("display_name")));
        let email = errors.check("email", Email::parse(form.value("email")));
        let password = errors.check("password", Password::parse(form.value("password")));
        let postal_code = errors.check("postal_code", PostalCode::parse(form.value("postal_code")));
        let claim = errors.check("membership", MembershipClaim::choose(form.value("membership")));
        if !form.has("consent", "oui") {
            errors.add("consent", FieldError::ConsentRequired);
        }
        // The charter (`/charte`), accepted apart from the consent to the processing of data.
        if !form.has("charte", "oui") {
            errors.add("charte", FieldError::ConsentRequired);
        }
        match (display_name, email, password, postal_code, claim) {
            (Some(display_name), Some(email), Some(password), Some(postal_code), Some(claim)) if errors.is_empty() => {
                Ok(Self { display_name, email, password, postal_code, commune: form.value("commune").trim().to_string(), claim })
            }
            _ => Err(errors),
        }
    }
}

/// A sign-in attempt: only presence is checked, so nothing is revealed about accounts.
#[derive(Debug, Clone)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

impl SignIn {
    pub fn parse(form: &RawForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let email = form.value("email").trim().to_lowercase();
        if email.is_empty() {
            errors.add("email", FieldError::Required);
        }
        let password = form.value("password").to_string();
        if password.is_empty() {
            errors.add("password", FieldError::Required);
        }
        if errors.is_empty() {
            Ok(Self { email, password })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(DisplayName::parse("  Élise   Martin ").map(|n| n.0), Ok("Élise Martin".into()));
        assert_eq!(DisplayName::parse("   "), Err(FieldError::Required));
        assert_eq!(DisplayName::parse("É"), Err(FieldError::TooShort { min: 2 }));
        assert_eq!(DisplayName::parse(&"a".repeat(61)), Err(FieldError::TooLong { max: 60 }));
        assert_eq!(DisplayName::parse("ab\u{7}c"), Err(FieldError::ControlCharacters));
    }

    #[test]
    fn emails_normalize_case_and_reject_garbage() {
        let email = Email::parse(" Elise.Martin@Example.FR ").map_err(|e| format!("{e:?}"));
        let Ok(email) = email else { panic!("valid e-mail refused") };
        assert_eq!(email.as_str(), "Elise.Martin@Example.FR");
        assert_eq!(email.normalized(), "elise.martin@example.fr");
        for bad in ["elise", "elise@", "@example.fr", "elise@example", "e lise@example.fr", "a@b..fr", "a@.fr"] {
            assert_eq!(Email::parse(bad), Err(FieldError::InvalidEmail), "{bad}");
        }
        assert_eq!(Email::parse(""), Err(FieldError::Required));
    }

    #[test]
    fn passwords_need_ten_characters_counted_as_characters() {
        assert_eq!(Password::parse("123456789").err(), Some(FieldError::TooShort { min: 10 }));
        assert!(Password::parse("éééééééééé").is_ok());
        assert_eq!(format!("{:?}", Password::parse("correct horse").ok()), "Some(Password(***))");
    }

    #[test]
    fn postal_codes_are_french() {
        assert_eq!(PostalCode::parse("59 000").map(|p| p.0), Ok("59000".into()));
        assert!(PostalCode::parse("20000").is_ok());
        assert!(PostalCode::parse("97400").is_ok());
        for bad in ["5900", "590000", "ABCDE", "00100", "99000"] {
            assert_eq!(PostalCode::parse(bad), Err(FieldError::InvalidPostalCode), "{bad}");
        }
    }

    #[test]
    fn handles_follow_the_rules_and_are_suggested_from_names() {
        assert_eq!(Handle::parse("@Elise-M").map(|h| h.0), Ok("elise-m".into()));
        assert_eq!(Handle::parse("el"), Err(FieldError::TooShort { min: 3 }));
        assert_eq!(Handle::parse("elise_m"), Err(FieldError::InvalidHandle));
        assert_eq!(Handle::parse("-elise"), Err(FieldError::InvalidHandle));
        assert_eq!(Handle::suggest_from("Élise Martin-Duval").0, "elise-martin-duval");
        assert_eq!(Handle::suggest_from("Œ").0, "oex");
        assert_eq!(Handle::suggest_from("李").0, "xxx");
        assert_eq!(Handle::suggest_from("Jo").with_suffix(2).0, "jox-2");
        let long = Handle::suggest_from(&"Très long nom ".repeat(10));
        assert!(Handle::parse(long.as_str()).is_ok());
        assert!(Handle::parse(long.with_suffix(99_999).as_str()).is_ok(), "room for a race suffix");
    }

    fn signup_form(consent: bool) -> RawForm {
        let mut pairs = vec![
            ("display_name", "Élise Martin"),
            ("email", "elise@example.fr"),
            ("password", "un mot de passe solide"),
            ("postal_code", "59000"),
            ("membership", "adherent"),
        ];
        pairs.push(("charte", "oui"));
        if consent {
            pairs.push(("consent", "oui"));
        }
        RawForm(pairs.into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect())
    }

    #[test]
    fn sign_up_requires_explicit_consent() {
        assert!(SignUp::parse(&signup_form(true)).is_ok());
        let errors = SignUp::parse(&signup_form(false)).err().unwrap_or_default();
        assert_eq!(errors.get("consent"), Some(&FieldError::ConsentRequired));
        assert_eq!(errors.0.len(), 1);
    }

    #[test]
    fn sign_up_reports_every_bad_field_at_once() {
        let errors = SignUp::parse(&RawForm::default()).err().unwrap_or_default();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["display_name", "email", "password", "postal_code", "membership", "consent", "charte"]);
    }

    #[test]
    fn adherent_claims_start_pending() {
        assert_eq!(MembershipStatus::initial(MembershipClaim::Adherent), MembershipStatus::Pending);
        assert_eq!(MembershipStatus::initial(MembershipClaim::Sympathisant), MembershipStatus::NotApplicable);
        assert_eq!(MembershipStatus::from_db(MembershipStatus::Pending.as_str()), MembershipStatus::Pending);
    }
}

/// "Mon compte": the address, one waiting to be proven, and the signed-in devices.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountView {
    pub email: String,
    pub email_verified: bool,
    /// A new address whose link has not been opened yet.
    pub pending_email: Option<String>,
    pub devices: Vec<DeviceView>,
    /// "Télécharger mes données": the export being prepared or ready, if any.
    pub export: Option<ExportView>,
    /// "Supprimer mon compte": the pending request, if any.
    pub erasure: Option<ErasureView>,
    /// "Vu" in one-to-one conversations (off by default; shown only when both have it on).
    pub read_receipts: bool,
    /// Annonces of their section and federation by e-mail (else in Coopol only).
    pub announcements_by_mail: bool,
}

/// A pending erasure: the account goes at `effective_ms` unless cancelled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErasureView {
    pub requested_ms: i64,
    pub effective_ms: i64,
}

/// An export of the person's data (being prepared, or ready to download until `expires_ms`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportView {
    pub id: i64,
    pub ready: bool,
    /// 0 to 100 while it is prepared.
    pub progress: i64,
    pub requested_ms: i64,
    pub expires_ms: Option<i64>,
    pub size_bytes: Option<i64>,
}

/// A signed-in device (a session), by its public id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceView {
    pub id: String,
    /// "Firefox sur Android"; `None` when the client said nothing recognizable.
    pub client: Option<String>,
    pub created_ms: i64,
    pub last_seen_ms: i64,
    /// The device showing the page.
    pub current: bool,
}
