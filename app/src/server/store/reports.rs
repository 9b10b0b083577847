//! Comptes-rendus of actions (one current version per action, every version kept as a revision),
//! the new contacts met, and the rows the section statistics are computed from.

use crate::model::ids::{ActionId, SectionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{flag, Arg, Part};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, Default, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct ReportRow {
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub doors_opened: i64,
    pub conversations: i64,
    pub calls: i64,
    /// Empty once expired (housekeeping clears them with the contacts' data).
    pub notes: String,
    pub contacts: i64,
    /// Who wrote the first version (may rewrite it, with the organizers).
    pub author_id: Option<UserId>,
    /// Versions kept, the current one included.
    pub revisions: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn of_action(db: &Db, action_id: ActionId) -> Result<Option<ReportRow>, sqlx::Error> {
    Ok(of_action_part(action_id).fetch_all(db).await?.into_iter().next())
}

/// `of_action` (no row or one) as a part of a page's bundle (`store::bundle`).
pub fn of_action_part(action_id: ActionId) -> Part {
    let sql = "SELECT r.present, r.tracts, r.doors_knocked, r.doors_opened, r.conversations, r.calls, r.notes, \
               CAST((SELECT COUNT(*) FROM action_contacts c WHERE c.action_id = r.action_id) AS BIGINT) AS contacts, \
               r.author_id, \
               CAST((SELECT COUNT(*) FROM action_report_revisions v WHERE v.action_id = r.action_id) AS BIGINT) AS revisions \
               FROM action_reports r WHERE r.action_id = $1";
    let columns =
        ["present", "tracts", "doors_knocked", "doors_opened", "conversations", "calls", "notes", "contacts", "author_id", "revisions"];
    Part::new(sql, &columns, vec![Arg::Int(action_id.get())])
}

/// The comptes-rendus of the actions a vote decided (one row per action that has one).
pub fn of_decided_actions_part(vote_id: i64) -> Part {
    let sql = "SELECT r.action_id, r.present, r.tracts, r.doors_knocked, r.conversations, r.calls FROM action_reports r \
               JOIN actions a ON a.id = r.action_id WHERE a.decided_by_vote_id = $1 ORDER BY r.action_id";
    Part::new(sql, &["action_id", "present", "tracts", "doors_knocked", "conversations", "calls"], vec![Arg::Int(vote_id)])
}

/// The comptes-rendus of the actions the votes of a debate decided.
pub fn of_debate_actions_part(debate_id: i64) -> Part {
    let sql = "SELECT r.action_id, r.present, r.tracts, r.doors_knocked, r.conversations, r.calls FROM action_reports r \
               JOIN actions a ON a.id = r.action_id \
               WHERE a.decided_by_debate_id = $1 OR a.decided_by_vote_id IN (SELECT v.id FROM votes v WHERE v.debate_id = $1) \
               ORDER BY r.action_id";
    Part::new(sql, &["action_id", "present", "tracts", "doors_knocked", "conversations", "calls"], vec![Arg::Int(debate_id)])
}

/// A photo of a compte-rendu, as its pages draw it.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct PhotoRow {
    pub key: String,
    pub alt: String,
    pub width: i64,
    pub height: i64,
    pub colour: String,
    pub widths: String,
}

impl PhotoRow {
    pub fn into_picture(self) -> crate::model::media::Picture {
        crate::model::media::Picture {
            key: self.key,
            alt: self.alt,
            width: u32::try_from(self.width).unwrap_or(0),
            height: u32::try_from(self.height).unwrap_or(0),
            colour: self.colour,
            widths: self.widths.split(' ').filter_map(|w| w.parse().ok()).collect(),
        }
    }
}

/// The photos of an action's compte-rendu, in their order: a part of the action page's and the
/// form's bundle (`store::bundle`).
pub fn photos_part(action_id: ActionId) -> Part {
    let sql = "SELECT key, alt, width, height, colour, widths FROM media WHERE report_action = $1 ORDER BY position, id LIMIT 20";
    Part::new(sql, &["key", "alt", "width", "height", "colour", "widths"], vec![Arg::Int(action_id.get())])
}

/// Takes off those of `keys` that are photos of the action's compte-rendu, inside the writing
/// transaction; answers the keys taken off (their files are deleted once it committed).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn remove_photos_in(tx: &mut Tx, action_id: ActionId, keys: &[String]) -> Result<Vec<String>, sqlx::Error> {
    let mut removed = Vec::new();
    for key in keys {
        let sql = "DELETE FROM media WHERE report_action = $1 AND key = $2 RETURNING key";
        let gone: Option<String> = on_tx!(tx, c => sqlx::query_scalar(sql).bind(action_id).bind(key).fetch_optional(c).await)?;
        removed.extend(gone);
    }
    Ok(removed)
}

/// How many photos the compte-rendu holds and the next free position, inside the writing
/// transaction.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn photo_count_in(tx: &mut Tx, action_id: ActionId) -> Result<(i64, i64), sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(MAX(position) + 1, 0) AS BIGINT) FROM media WHERE report_action = $1";
    on_tx!(tx, c => sqlx::query_as::<_, (i64, i64)>(sql).bind(action_id).fetch_one(c).await)
}

/// Whether this person's submission `key` for this action was already kept (a replay: its
/// photos need not be processed again).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn key_claimed(db: &Db, key: &str, action_id: ActionId, user_id: UserId) -> Result<bool, sqlx::Error> {
    let sql =
        "SELECT CAST(COUNT(*) AS BIGINT) FROM action_report_submissions WHERE user_id = $1 AND action_id = $2 AND idempotency_key = $3";
    let n: i64 = on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(user_id).bind(action_id).bind(key).fetch_one(p).await)?;
    Ok(n > 0)
}

/// The first author of an action's compte-rendu, inside the writing transaction: `None` when
/// none was written, `Some(None)` when its author's account is gone.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn author_in(tx: &mut Tx, action_id: ActionId) -> Result<Option<Option<i64>>, sqlx::Error> {
    let sql = "SELECT author_id FROM action_reports WHERE action_id = $1";
    on_tx!(tx, c => sqlx::query_scalar::<_, Option<i64>>(sql).bind(action_id).fetch_optional(c).await)
}

/// When the action's longest-kept contact expires (`None` without contacts): its compte-rendu's
/// notes go with it.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn contacts_expiry_in(tx: &mut Tx, action_id: ActionId) -> Result<Option<i64>, sqlx::Error> {
    let sql = "SELECT MAX(expires_at) FROM action_contacts WHERE action_id = $1";
    on_tx!(tx, c => sqlx::query_scalar::<_, Option<i64>>(sql).bind(action_id).fetch_one(c).await)
}

/// Records a submission's idempotency key for this person and this action; false when they
/// already sent it (a replay: the caller then changes nothing, and says it was kept the first
/// time). On PostgreSQL a concurrent twin waits for the first to commit.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn claim_key(tx: &mut Tx, key: &str, action_id: ActionId, user_id: UserId, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO action_report_submissions (idempotency_key, action_id, user_id, received_at) \
               VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, action_id, idempotency_key) DO NOTHING";
    let n =
        on_tx!(tx, c => sqlx::query(sql).bind(key).bind(action_id).bind(user_id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The figures of a compte-rendu being written (the model's `ReportFigures` is what readers see).
pub struct NewReport<'a> {
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub doors_opened: i64,
    pub conversations: i64,
    pub calls: i64,
    pub notes: &'a str,
    pub notes_expire_at: i64,
}

/// Writes the current version of an action's compte-rendu (its first author stays) and keeps
/// it as a revision.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn upsert(tx: &mut Tx, action_id: ActionId, author: UserId, f: &NewReport<'_>, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO action_reports (action_id, author_id, updated_by, present, tracts, doors_knocked, doors_opened, \
               conversations, calls, notes, notes_expire_at, created_at, updated_at) \
               VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
               ON CONFLICT (action_id) DO UPDATE SET updated_by = excluded.updated_by, present = excluded.present, \
               tracts = excluded.tracts, doors_knocked = excluded.doors_knocked, doors_opened = excluded.doors_opened, \
               conversations = excluded.conversations, calls = excluded.calls, notes = excluded.notes, \
               notes_expire_at = excluded.notes_expire_at, updated_at = excluded.updated_at";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(action_id).bind(author).bind(f.present).bind(f.tracts).bind(f.doors_knocked).bind(f.doors_opened)
        .bind(f.conversations).bind(f.calls).bind(f.notes).bind(f.notes_expire_at).bind(now_ms)
        .execute(c).await.map(|r| r.rows_affected()))?;
    let sql = "INSERT INTO action_report_revisions (action_id, author_id, present, tracts, doors_knocked, doors_opened, \
               conversations, calls, notes, notes_expire_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(action_id).bind(author).bind(f.present).bind(f.tracts).bind(f.doors_knocked).bind(f.doors_opened)
        .bind(f.conversations).bind(f.calls).bind(f.notes).bind(f.notes_expire_at).bind(now_ms)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// One version of a compte-rendu, for the people who manage the action.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct RevisionRow {
    pub author_name: Option<String>,
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub conversations: i64,
    pub calls: i64,
    pub created_at: i64,
}

/// The versions of an action's compte-rendu, newest first (bounded).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn revisions(db: &Db, action_id: ActionId) -> Result<Vec<RevisionRow>, sqlx::Error> {
    revisions_part(action_id).fetch_all(db).await
}

/// `revisions` as a part of a page's bundle (`store::bundle`).
pub fn revisions_part(action_id: ActionId) -> Part {
    let sql = "SELECT u.display_name AS author_name, v.present, v.tracts, v.doors_knocked, v.conversations, \
               v.calls, v.created_at FROM action_report_revisions v LEFT JOIN users u ON u.id = v.author_id \
               WHERE v.action_id = $1 ORDER BY v.id DESC LIMIT 50";
    let columns = ["author_name", "present", "tracts", "doors_knocked", "conversations", "calls", "created_at"];
    Part::new(sql, &columns, vec![Arg::Int(action_id.get())])
}

/// Clears the free-text notes whose time is over, in the current versions and the revisions
/// (housekeeping, with the contacts).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge_expired_notes(db: &Db, now_ms: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let mut cleared = 0;
    for table in ["action_reports", "action_report_revisions"] {
        let sql = format!("UPDATE {table} SET notes = '', notes_expire_at = NULL WHERE notes_expire_at <= $1");
        cleared += on_tx!(&mut tx, c => sqlx::query(&sql).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    }
    tx.commit().await?;
    Ok(cleared)
}

pub struct NewContact<'a> {
    pub name: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub wants_callback: bool,
    pub wants_news: bool,
    pub wants_volunteer: bool,
    pub expires_at: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_contact(
    tx: &mut Tx,
    action_id: ActionId,
    recorded_by: UserId,
    c: &NewContact<'_>,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO action_contacts (action_id, name, phone, email, wants_callback, wants_news, wants_volunteer, \
               consent_at, expires_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    on_tx!(tx, conn => sqlx::query(sql)
        .bind(action_id).bind(c.name).bind(c.phone).bind(c.email).bind(c.wants_callback).bind(c.wants_news)
        .bind(c.wants_volunteer).bind(now_ms).bind(c.expires_at).bind(recorded_by)
        .execute(conn).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ContactRow {
    pub name: String,
    pub phone: String,
    pub email: String,
    #[serde(deserialize_with = "flag")]
    pub wants_callback: bool,
    #[serde(deserialize_with = "flag")]
    pub wants_news: bool,
    #[serde(deserialize_with = "flag")]
    pub wants_volunteer: bool,
    pub expires_at: i64,
}

/// The contacts of an action whose data has not expired: a part of the action page's bundle
/// (`store::bundle`).
pub fn contacts(action_id: ActionId, now_ms: i64) -> Part {
    let sql = "SELECT name, phone, email, wants_callback, wants_news, wants_volunteer, expires_at FROM action_contacts \
               WHERE action_id = $1 AND expires_at > $2 ORDER BY id LIMIT 500";
    let columns = ["name", "phone", "email", "wants_callback", "wants_news", "wants_volunteer", "expires_at"];
    Part::new(sql, &columns, vec![Arg::Int(action_id.get()), Arg::Int(now_ms)])
}

/// Deletes the contacts whose retention period is over (housekeeping).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge_expired_contacts(db: &Db, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM action_contacts WHERE expires_at <= $1";
    on_pool!(db.write(), p => sqlx::query(sql).bind(now_ms).execute(p).await.map(|r| r.rows_affected()))
}

/// One past action of a section with its figures (zeros when no compte-rendu was written).
#[derive(Debug, Clone, FromRow, PartialEq)]
pub struct StatRow {
    pub kind: String,
    pub starts_at: i64,
    pub going: i64,
    pub present: Option<i64>,
    pub tracts: Option<i64>,
    pub doors_knocked: Option<i64>,
    pub doors_opened: Option<i64>,
    pub conversations: Option<i64>,
    pub calls: Option<i64>,
    pub contacts: i64,
}

/// The section's published actions that started in `[from, to)`: one statement, bounded.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn section_stat_rows(db: &Db, section_id: SectionId, from_ms: i64, to_ms: i64) -> Result<Vec<StatRow>, sqlx::Error> {
    let sql = "SELECT a.kind, a.starts_at, \
               CAST((SELECT COUNT(*) FROM action_rsvps v WHERE v.action_id = a.id AND v.status = 'going') AS BIGINT) AS going, \
               r.present, r.tracts, r.doors_knocked, r.doors_opened, r.conversations, r.calls, \
               CAST((SELECT COUNT(*) FROM action_contacts c WHERE c.action_id = a.id) AS BIGINT) AS contacts \
               FROM actions a LEFT JOIN action_reports r ON r.action_id = a.id \
               WHERE a.section_id = $1 AND a.status = 'published' AND a.starts_at >= $2 AND a.starts_at < $3 \
               ORDER BY a.starts_at LIMIT 20000";
    on_pool!(db.read(), p => sqlx::query_as::<_, StatRow>(sql).bind(section_id).bind(from_ms).bind(to_ms).fetch_all(p).await)
}
