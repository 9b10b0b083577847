//! Comptes-rendus: what got done at an action (people present, tracts, doors, conversations,
//! calls), the new contacts met, each with their consent and a retention period, and up to four
//! photos. A submission carries an idempotency key, so a replay (offline sync, a double tap)
//! changes nothing — its photos are not even processed again.

use crate::error::AppError;
use crate::model::action::ContactView;
use crate::model::commands::report::{ReportInput, ReportKey, ReportPhotos};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::{ActionId, UserId};
use crate::model::paris_time::{civil_iso, paris_civil_day, parse_paris_day};
use crate::model::report::{ReportFormView, CONTACT_RETENTION_MONTHS, MAX_REPORT_PHOTOS};
use crate::server::auth::session_token;
use crate::server::context::AppState;
use crate::server::media::Upload;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_summary::facts;
use crate::server::services::media::{self, StoredPicture};
use crate::server::services::posts::posting_allowed;
use crate::server::store::bundle::Bundle;
use crate::server::store::media::MediaHolder;
use crate::server::store::reports::{NewContact, NewReport, PhotoRow, ReportRow};
use crate::server::store::{self, actions::ActionRow};

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
    let mine = row.my_status;
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
            rules::can_report(subject, &facts, r.action.my_status)
                && r.report_author.is_none_or(|author| rules::can_rewrite_report(subject, &facts, author.map(UserId)))
        })
        .map(|r| format!("/actions/{}/compte-rendu", r.action.id))
        .collect())
}

pub async fn form_view(state: &AppState, subject: &Subject, action_id: ActionId) -> Result<ReportFormView, AppError> {
    let row = reportable(state, subject, action_id, Opens::OnItsDay).await?;
    let (existing, photos) = written(state, action_id).await?;
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
        kind: row.kind,
        values,
        key: session_token::generate(),
        already_written: existing.is_some(),
        photos: photos.into_iter().map(PhotoRow::into_picture).collect(),
        not_started: row.starts_at > now_ms(),
    })
}

/// Writes (or rewrites) the compte-rendu of an action, with the photos the form's file fields
/// `photo_{n}` hold (`alt_{n}` describes each) and without the kept ones it takes off. Returns
/// false for a replayed submission, which changed nothing.
pub async fn submit(
    state: &AppState,
    subject: &Subject,
    action_id: ActionId,
    form: &RawForm,
    uploads: &[Upload],
) -> Result<bool, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = reportable(state, subject, action_id, Opens::AtItsStart).await?;
    // Once written, a compte-rendu is rewritten by its first author or the organizers (each
    // version is kept); another participant is refused before the form is read.
    let (existing, kept) = written(state, action_id).await?;
    if existing.is_some_and(|r| !rules::can_rewrite_report(subject, &facts(&row), r.author_id)) {
        return Err(AppError::Forbidden);
    }
    let key = ReportKey::parse(form).map_err(AppError::Validation)?;
    // A replay keeps nothing new: it was kept the first time (its photos are not processed
    // again, and what changed since cannot make it refused).
    if store::reports::key_claimed(&state.db, key.as_str(), action_id, me).await? {
        return Ok(false);
    }
    let kept: Vec<String> = kept.into_iter().map(|p| p.key).collect();
    let (slots, too_large) = media::photo_slots(uploads);
    let ((input, photos), ()) =
        FieldErrors::both(FieldErrors::both(ReportInput::parse(form), ReportPhotos::parse(form, &slots, &kept)), too_large)
            .map_err(AppError::Validation)?;
    let mut stored = Vec::new();
    if !photos.new.is_empty() {
        posting_allowed(state, me).await?;
        let to_store = media::photo_uploads(uploads, |slot| {
            photos.new.iter().find(|(n, _)| *n == slot).map(|(_, alt)| alt.clone()).unwrap_or_default()
        });
        stored = media::store_pictures(state, to_store).await.map_err(AppError::Validation)?;
    }
    match write(state, subject, &row, (&key, &input, &photos), &stored).await {
        Ok(Some(taken_off)) => {
            for key in taken_off {
                if let Err(e) = state.media.delete_under(&key).await {
                    tracing::warn!(error = %e, "a removed photo's files stay until the orphan collection");
                }
            }
            Ok(true)
        }
        Ok(None) => {
            media::discard(state, &stored).await;
            Ok(false)
        }
        Err(e) => {
            media::discard(state, &stored).await;
            Err(e)
        }
    }
}

/// The compte-rendu written so far (none yet: `None`) and its photos, in one statement.
async fn written(state: &AppState, action_id: ActionId) -> Result<(Option<ReportRow>, Vec<PhotoRow>), AppError> {
    let mut bundle = Bundle::new();
    let (report, photos) = (bundle.add(store::reports::of_action_part(action_id)), bundle.add(store::reports::photos_part(action_id)));
    let lists = bundle.run(&state.db).await?;
    Ok((lists.take(report)?.into_iter().next(), lists.take(photos)?))
}

/// The compte-rendu's transaction: the rule again, the key claimed (`None`: a replay, nothing
/// written), the contacts, the figures, the photos taken off and the new ones (four at most,
/// within the sender's quota). Answers the keys taken off, whose files go once it committed.
async fn write(
    state: &AppState,
    subject: &Subject,
    row: &ActionRow,
    (key, input, photos): (&ReportKey, &ReportInput, &ReportPhotos),
    stored: &[StoredPicture],
) -> Result<Option<Vec<String>>, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let action_id = row.id;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if let Some(author) = store::reports::author_in(&mut tx, action_id).await? {
        if !rules::can_rewrite_report(subject, &facts(row), author.map(UserId)) {
            return Err(AppError::Forbidden);
        }
    }
    // The key is this person's, for this action: only their own replay finds it, and it was
    // saved then.
    if !store::reports::claim_key(&mut tx, key.as_str(), action_id, me, now).await? {
        tx.commit().await?;
        return Ok(None);
    }
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
    let figures = NewReport {
        present: input.present,
        tracts: input.tracts,
        doors_knocked: input.doors_knocked,
        doors_opened: input.doors_opened,
        conversations: input.conversations,
        calls: input.calls,
        notes: &input.notes,
        notes_expire_at: shortest.max(with_contacts),
    };
    store::reports::upsert(&mut tx, action_id, me, &figures, now).await?;
    let taken_off = store::reports::remove_photos_in(&mut tx, action_id, &photos.remove).await?;
    if !stored.is_empty() {
        // Counted again here: another version may have added photos since the form was read.
        let (count, next) = store::reports::photo_count_in(&mut tx, action_id).await?;
        if count as usize + stored.len() > MAX_REPORT_PHOTOS {
            return Err(AppError::field("photos", FieldError::TooManyPictures { max: MAX_REPORT_PHOTOS }));
        }
        media::within_quota(&mut tx, me, stored.iter().map(|p| p.bytes).sum(), "photos").await?;
        for (i, p) in stored.iter().enumerate() {
            media::insert_row(&mut tx, Some(me), MediaHolder::Report(action_id), next as usize + i, p, now).await?;
        }
    }
    tx.commit().await?;
    Ok(Some(taken_off))
}

/// Whether `subject` may see the photos of this action's compte-rendu (the serving route asks
/// before reading a byte): not found for anyone else.
pub async fn photos_readable(state: &AppState, subject: &Subject, action_id: ActionId) -> Result<(), AppError> {
    let me = subject.id().unwrap_or(UserId::NONE);
    let row = store::actions::by_id(&state.db, me, action_id).await?.ok_or(AppError::NotFound)?;
    if rules::can_see_report_photos(subject, &facts(&row), row.my_status) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
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
