//! Comptes-rendus: what got done at an action (people present, tracts, doors, conversations,
//! calls) and the new contacts met, each with their consent and a retention period. A submission
//! carries an idempotency key, so a replay (offline sync, a double tap) changes nothing.

use crate::error::AppError;
use crate::model::account::Email;
use crate::model::action::RsvpStatus;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::{ActionId, UserId};
use crate::model::paris_time::{civil_iso, paris_civil_day, parse_paris_day};
use crate::model::report::{ContactView, ReportFormView, CONTACT_RETENTION_MONTHS, CONTACT_ROWS};
use crate::server::auth::session_token;
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::actions::facts;
use crate::server::services::fields;
use crate::server::store::{self, actions::ActionRow, reports::NewContact, reports::NewReport};

/// The first instant of an instant's day in Europe/Paris.
fn paris_day_start(epoch_ms: i64) -> i64 {
    parse_paris_day(&civil_iso(paris_civil_day(epoch_ms))).unwrap_or(epoch_ms)
}

const MONTH_MS: i64 = 30 * 86_400_000;
const DAY_MS: i64 = 86_400_000;
/// Past actions whose compte-rendu form a phone keeps offline, in days.
const OFFLINE_DAYS: i64 = 7;
const OFFLINE_FORMS: i64 = 20;

/// When a compte-rendu may be opened or sent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opens {
    /// The form opens on the action's day (Europe/Paris), so a phone can keep it for the field,
    /// where the network is often missing.
    OnItsDay,
    /// It is sent once the action has started.
    AtItsStart,
}

/// The action, when this person may write its compte-rendu (from its day, or its start): 404
/// for whoever may not see it, 403 for whoever sees it but may not report (yet).
async fn reportable(state: &AppState, subject: &Subject, action_id: ActionId, opens: Opens) -> Result<ActionRow, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = store::actions::by_id(&state.db, me, action_id).await?.ok_or(AppError::NotFound)?;
    let facts = facts(&row);
    if !rules::can_see(subject, &facts) {
        return Err(AppError::NotFound);
    }
    let mine = row.my_status.as_deref().and_then(RsvpStatus::parse);
    let opens_at = match opens {
        Opens::OnItsDay => paris_day_start(row.starts_at),
        Opens::AtItsStart => row.starts_at,
    };
    if opens_at > now_ms() || !rules::can_report(subject, &facts, mine) {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// The compte-rendu forms a phone keeps for the field (the service worker stores them): this
/// person's actions of today and of the last week that they may report on. Nothing for visitors.
pub async fn offline_forms(state: &AppState, subject: &Subject) -> Result<Vec<String>, AppError> {
    let Some(me) = subject.id() else { return Ok(Vec::new()) };
    let now = now_ms();
    let (since, until) = (now - OFFLINE_DAYS * DAY_MS, paris_day_start(now) + DAY_MS);
    let mut rows = store::actions::of_person(&state.db, me, now, false, None, OFFLINE_FORMS).await?;
    rows.extend(store::actions::of_person(&state.db, me, now, true, None, OFFLINE_FORMS).await?);
    Ok(rows
        .iter()
        .filter(|r| (since..until).contains(&r.action.starts_at))
        .filter(|r| {
            let facts = facts(&r.action);
            rules::can_report(subject, &facts, r.action.my_status.as_deref().and_then(RsvpStatus::parse))
                && r.report_author.is_none_or(|author| rules::can_rewrite_report(subject, &facts, author.map(UserId)))
        })
        .map(|r| format!("/actions/{}/compte-rendu", r.action.id))
        .collect())
}

pub async fn form_view(state: &AppState, subject: &Subject, action_id: ActionId) -> Result<ReportFormView, AppError> {
    let row = reportable(state, subject, action_id, Opens::OnItsDay).await?;
    let existing = store::reports::of_action(&state.db, action_id).await?;
    if existing.as_ref().is_some_and(|r| !rules::can_rewrite_report(subject, &facts(&row), r.author_id)) {
        return Err(AppError::Forbidden);
    }
    let values = existing
        .as_ref()
        .map(|r| {
            [
                ("present", r.present),
                ("tracts", r.tracts),
                ("doors_knocked", r.doors_knocked),
                ("doors_opened", r.doors_opened),
                ("conversations", r.conversations),
                ("calls", r.calls),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .chain([("notes".to_string(), r.notes.clone())])
            .collect()
        })
        .unwrap_or_default();
    Ok(ReportFormView {
        action_id: action_id.get(),
        title: row.title.clone(),
        starts_at_ms: row.starts_at,
        kind: crate::model::action::ActionKind::parse(&row.kind).unwrap_or(crate::model::action::ActionKind::Autre),
        values,
        key: session_token::generate(),
        already_written: existing.is_some(),
        not_started: row.starts_at > now_ms(),
    })
}

/// The validated compte-rendu.
struct ReportInput {
    present: i64,
    tracts: i64,
    doors_knocked: i64,
    doors_opened: i64,
    conversations: i64,
    calls: i64,
    notes: String,
    contacts: Vec<ContactInput>,
}

struct ContactInput {
    name: String,
    phone: String,
    email: String,
    wants_callback: bool,
    wants_news: bool,
    wants_volunteer: bool,
    months: i64,
}

fn phone(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let allowed = t.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " .-".contains(c) || (c == '+' && i == 0));
    if t.is_empty() || (allowed && (6..=15).contains(&digits)) {
        Ok(t.to_string())
    } else {
        Err(FieldError::InvalidPhone)
    }
}

fn parse_contact(form: &RawForm, i: usize, errors: &mut FieldErrors) -> Option<ContactInput> {
    let field = |suffix: &str| format!("contact{i}_{suffix}");
    let (name, phone_raw, email_raw) = (form.value(&field("name")), form.value(&field("phone")), form.value(&field("email")));
    if name.trim().is_empty() && phone_raw.trim().is_empty() && email_raw.trim().is_empty() {
        return None; // a row left blank
    }
    let name = errors.check(&field("name"), fields::text(name, 1, 80));
    let phone = errors.check(&field("phone"), phone(phone_raw));
    let email = match email_raw.trim() {
        "" => Some(String::new()),
        raw => errors.check(&field("email"), Email::parse(raw).map(|e| e.as_str().to_string())),
    };
    if phone_raw.trim().is_empty() && email_raw.trim().is_empty() {
        errors.add(&field("phone"), FieldError::ContactMeansRequired);
    }
    if form.value(&field("consent")) != "oui" {
        errors.add(&field("consent"), FieldError::ConsentRequired);
    }
    let months = form.value(&field("duree")).trim().parse::<i64>().ok().filter(|m| CONTACT_RETENTION_MONTHS.contains(m));
    if months.is_none() {
        errors.add(&field("duree"), FieldError::InvalidChoice);
    }
    Some(ContactInput {
        name: name?,
        phone: phone?,
        email: email?,
        wants_callback: form.value(&field("rappel")) == "oui",
        wants_news: form.value(&field("nouvelles")) == "oui",
        wants_volunteer: form.value(&field("benevole")) == "oui",
        months: months?,
    })
}

fn parse(form: &RawForm) -> Result<ReportInput, AppError> {
    let mut e = FieldErrors::default();
    let mut number = |name: &str| e.check(name, fields::count(form.value(name))).map(Option::unwrap_or_default);
    let (present, tracts, doors_knocked, doors_opened, conversations, calls) =
        (number("present"), number("tracts"), number("doors_knocked"), number("doors_opened"), number("conversations"), number("calls"));
    let notes = e.check("notes", fields::text(form.value("notes"), 0, 2000));
    if let (Some(knocked), Some(opened)) = (doors_knocked, doors_opened) {
        if opened > knocked {
            e.add("doors_opened", FieldError::MoreThan { other: "doors_knocked".into() });
        }
    }
    let contacts: Vec<Option<ContactInput>> = (1..=CONTACT_ROWS).map(|i| parse_contact(form, i, &mut e)).collect();
    let valid = || -> Option<ReportInput> {
        Some(ReportInput {
            present: present?,
            tracts: tracts?,
            doors_knocked: doors_knocked?,
            doors_opened: doors_opened?,
            conversations: conversations?,
            calls: calls?,
            notes: notes.clone()?,
            contacts: Vec::new(),
        })
    };
    match valid() {
        Some(mut input) if e.is_empty() => {
            input.contacts = contacts.into_iter().flatten().collect();
            Ok(input)
        }
        _ => Err(AppError::Validation(e)),
    }
}

/// The idempotency key the form carries: 16 to 64 letters, digits or dashes.
fn key(form: &RawForm) -> Result<&str, AppError> {
    let k = form.value("cle");
    if (16..=64).contains(&k.len()) && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(k)
    } else {
        let mut e = FieldErrors::default();
        e.add("cle", FieldError::Required);
        Err(AppError::Validation(e))
    }
}

/// Writes (or rewrites) the compte-rendu of an action. Returns false for a replayed submission,
/// which changed nothing.
pub async fn submit(state: &AppState, subject: &Subject, action_id: ActionId, form: &RawForm) -> Result<bool, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = reportable(state, subject, action_id, Opens::AtItsStart).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // Once written, a compte-rendu is rewritten by its first author or the organizers (each
    // version is kept); another participant is refused before the form is read.
    if let Some(author) = store::reports::author_in(&mut tx, action_id).await? {
        if !rules::can_rewrite_report(subject, &facts(&row), author.map(UserId)) {
            return Err(AppError::Forbidden);
        }
    }
    let key = key(form)?;
    let input = parse(form)?;
    // The key is this person's, for this action: only their own replay finds it, and it was
    // saved then.
    if !store::reports::claim_key(&mut tx, key, action_id, me, now).await? {
        tx.commit().await?;
        return Ok(false);
    }
    let figures = NewReport {
        present: input.present,
        tracts: input.tracts,
        doors_knocked: input.doors_knocked,
        doors_opened: input.doors_opened,
        conversations: input.conversations,
        calls: input.calls,
        notes: &input.notes,
        notes_expire_at: 0,
    };
    for c in &input.contacts {
        let contact = NewContact {
            name: &c.name,
            phone: &c.phone,
            email: &c.email,
            wants_callback: c.wants_callback,
            wants_news: c.wants_news,
            wants_volunteer: c.wants_volunteer,
            expires_at: now + c.months * MONTH_MS,
        };
        store::reports::insert_contact(&mut tx, action_id, me, &contact, now).await?;
    }
    // Notes go with the contacts met (when the longest-kept expires), and are kept the shortest
    // retention period when there are none (or fewer months left).
    let shortest = now + CONTACT_RETENTION_MONTHS[0] * MONTH_MS;
    let with_contacts = store::reports::contacts_expiry_in(&mut tx, action_id).await?.unwrap_or(0);
    let figures = NewReport { notes_expire_at: shortest.max(with_contacts), ..figures };
    store::reports::upsert(&mut tx, action_id, me, &figures, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// The new contacts of an action (read only for the people who manage it: `action_views::view`).
pub fn contact_views(rows: Vec<store::reports::ContactRow>) -> Vec<ContactView> {
    rows.into_iter()
        .map(|c| ContactView {
            name: c.name,
            phone: c.phone,
            email: c.email,
            wants_callback: c.wants_callback,
            wants_news: c.wants_news,
            wants_volunteer: c.wants_volunteer,
            expires_at_ms: c.expires_at,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    fn errors(f: &RawForm) -> FieldErrors {
        match parse(f) {
            Err(AppError::Validation(e)) => e,
            other => panic!("expected a validation error, got {:?}", other.map(|i| i.present)),
        }
    }

    #[test]
    fn figures_must_be_whole_and_not_negative() {
        let e = errors(&form(&[("tracts", "-5"), ("doors_knocked", "10"), ("doors_opened", "12"), ("calls", "beaucoup")]));
        assert_eq!(e.get("tracts"), Some(&FieldError::MustNotBeNegative));
        assert!(matches!(e.get("doors_opened"), Some(FieldError::MoreThan { .. })));
        assert_eq!(e.get("calls"), Some(&FieldError::NotANumber));
        let ok = parse(&form(&[("tracts", "300"), ("present", "4")])).map(|i| (i.tracts, i.present, i.calls));
        assert!(matches!(ok, Ok((300, 4, 0))));
    }

    #[test]
    fn contacts_need_consent_a_way_to_reach_them_and_a_retention() {
        let e = errors(&form(&[("contact1_name", "Jeanne"), ("contact2_name", "Marc"), ("contact2_phone", "06 12 34 56 78")]));
        assert_eq!(e.get("contact1_phone"), Some(&FieldError::ContactMeansRequired));
        assert_eq!(e.get("contact1_consent"), Some(&FieldError::ConsentRequired));
        assert_eq!(e.get("contact2_duree"), Some(&FieldError::InvalidChoice));
        let e = errors(&form(&[("contact1_name", "Jeanne"), ("contact1_phone", "appelle-moi"), ("contact1_consent", "oui")]));
        assert_eq!(e.get("contact1_phone"), Some(&FieldError::InvalidPhone));
        let ok = parse(&form(&[
            ("contact3_name", "Jeanne"),
            ("contact3_email", "jeanne@example.fr"),
            ("contact3_consent", "oui"),
            ("contact3_duree", "12"),
            ("contact3_benevole", "oui"),
        ]));
        let contacts = ok.map(|i| i.contacts).unwrap_or_default();
        assert_eq!(contacts.len(), 1);
        assert!(contacts.iter().all(|c| c.wants_volunteer && !c.wants_news && c.months == 12));
    }

    #[test]
    fn keys_are_checked() {
        assert!(key(&form(&[("cle", "0123456789abcdef")])).is_ok());
        assert!(key(&form(&[("cle", "court")])).is_err());
        assert!(key(&form(&[("cle", "0123456789abcdef'; --")])).is_err());
    }
}
