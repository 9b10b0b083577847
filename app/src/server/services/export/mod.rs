//! "Télécharger mes données" (GDPR art. 15 and 20): asked for on the account page, prepared in the
//! background (`build_due`, run by the `coopol` binary's export worker) with its progress shown,
//! then downloadable for 7 days by its owner, signed in: a ZIP with `donnees.json`
//! (machine-readable) and `donnees.html` (readable), made of the sections of `catalogue`.

pub mod archive;
pub mod catalogue;
mod render;

use crate::error::AppError;
use crate::model::account::ExportView;
use crate::model::ids::UserId;
use crate::server::context::AppState;
use crate::server::policy::{self, Subject};
use crate::server::services::{mail, rate_limit};
use crate::server::store::bundle::Bundle;
use crate::server::store::exports::ExportRow;
use crate::server::{now_ms, store};

/// How long a ready export can be downloaded.
pub const KEPT_MS: i64 = 7 * 86_400_000;
/// How long a worker holds an export it prepares (another takes it over after a crash).
const LEASE_MS: i64 = 10 * 60_000;
/// Sections read per statement: the progress moves between them.
const SECTIONS_PER_STEP: usize = 7;

fn owner(subject: &Subject) -> Result<UserId, AppError> {
    let id = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_manage_account(subject, id) {
        return Err(AppError::Forbidden);
    }
    Ok(id)
}

/// Asks for an export; nothing new while one is being prepared or is ready.
pub async fn request(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let user_id = owner(subject)?;
    rate_limit::hit(&state.db, &format!("export:{user_id}"), state.settings.rate_limits.signup_per_account).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if !store::exports::has_current(&mut tx, user_id, now).await? {
        store::exports::insert(&mut tx, user_id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

impl From<ExportRow> for ExportView {
    fn from(r: ExportRow) -> Self {
        ExportView {
            id: r.id,
            ready: r.status == "ready",
            progress: r.progress,
            requested_ms: r.requested_at,
            expires_ms: r.expires_at,
            size_bytes: r.size_bytes,
        }
    }
}

/// Prepares the oldest export waiting, if any: reads every section, writes the archive, tells the
/// person by e-mail. Returns whether it prepared one.
pub async fn build_due(state: &AppState) -> Result<bool, AppError> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let taken = store::exports::take_due(&mut tx, now, now + LEASE_MS).await?;
    tx.commit().await?;
    let Some((id, user_id)) = taken else { return Ok(false) };
    match build(state, id, user_id, now).await {
        Ok(archive) => {
            let user = store::users::by_id(&state.db, user_id).await?.ok_or(AppError::NotFound)?;
            let mut tx = state.db.begin().await?;
            store::exports::finish(&mut tx, id, &archive, now_ms(), now_ms() + KEPT_MS).await?;
            let ready = mail::export_ready(user_id, &user.email, &user.display_name, &state.settings.link("/compte"));
            mail::enqueue(&mut tx, &ready, now_ms()).await?;
            tx.commit().await?;
            tracing::info!(user_id = %user_id, bytes = archive.len(), ms = now_ms() - now, "data export ready");
            Ok(true)
        }
        Err(error) => {
            store::exports::fail(&state.db, id).await?;
            tracing::warn!(user_id = %user_id, "data export failed");
            Err(error)
        }
    }
}

/// The archive: every section of the catalogue, in a few statements, as JSON and HTML, and the
/// person's pictures (the widest stored JPEG of each, `photos/{key}.jpg`).
pub async fn build(state: &AppState, export_id: i64, user_id: UserId, now: i64) -> Result<Vec<u8>, AppError> {
    let db = &state.db;
    let sections = catalogue::SECTIONS;
    let mut rows: Vec<Vec<serde_json::Value>> = Vec::with_capacity(sections.len());
    for (step, chunk) in sections.chunks(SECTIONS_PER_STEP).enumerate() {
        let mut bundle = Bundle::new();
        let slots: Vec<_> = chunk
            .iter()
            .map(|s| {
                let columns: Vec<&str> = s.columns.iter().map(|c| c.name).collect();
                bundle.add::<serde_json::Value>(store::bundle::Part::new(s.sql, &columns, vec![store::bundle::Arg::Int(user_id.get())]))
            })
            .collect();
        let lists = bundle.run(db).await?;
        for slot in slots {
            rows.push(lists.take(slot)?);
        }
        let done = ((step + 1) * SECTIONS_PER_STEP).min(sections.len());
        store::exports::set_progress(db, export_id, (done * 90 / sections.len()) as i64).await?;
    }
    let json = render::json(sections, &rows, now);
    let html = render::html(sections, &rows, now);
    let pictures = crate::server::services::media::files_of_owner(state, user_id).await?;
    let mut files: Vec<(String, &[u8])> = vec![("donnees.json".into(), json.as_bytes()), ("donnees.html".into(), html.as_bytes())];
    files.extend(pictures.iter().map(|(key, bytes)| (format!("photos/{key}.jpg"), bytes.as_ref())));
    let named: Vec<(&str, &[u8])> = files.iter().map(|(name, bytes)| (name.as_str(), *bytes)).collect();
    let archive = archive::zip(&named, now).map_err(|_| AppError::Internal)?;
    Ok(archive)
}

/// The archive of the person's ready export `id`, with its file name (`NotFound` for anyone
/// else's, or an expired one).
pub async fn download(state: &AppState, subject: &Subject, id: i64) -> Result<(String, Vec<u8>), AppError> {
    let user_id = owner(subject)?;
    let (archive, ready_at) = store::exports::archive_of(&state.db, id, user_id, now_ms()).await?.ok_or(AppError::NotFound)?;
    let day = crate::model::paris_time::civil_iso(crate::model::paris_time::paris_civil_day(ready_at));
    Ok((format!("coopol-mes-donnees-{day}.zip"), archive))
}
