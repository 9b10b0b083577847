//! "Supprimer mon compte": the pending requests (`account_erasures`) and the statements that erase
//! an account. Erasing is one transaction (`services::erasure::erase`); deleting the `users` row
//! last cascades to everything that is only the person's (see the migrations' `ON DELETE`).

use crate::model::ids::UserId;
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct PendingErasure {
    pub requested_at: i64,
    pub effective_at: i64,
}

/// Records a request unless one is pending (the first one's date stands). Returns whether it did.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, user_id: UserId, token_hash: &str, now_ms: i64, effective_at: i64) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO account_erasures (user_id, requested_at, effective_at, cancel_token_hash) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id) DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(now_ms).bind(effective_at).bind(token_hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The person's pending request: a part of the account page's bundle.
pub fn pending_part(user_id: UserId) -> crate::server::store::bundle::Part {
    use crate::server::store::bundle::{Arg, Part};
    Part::new(
        "SELECT requested_at, effective_at FROM account_erasures WHERE user_id = $1",
        &["requested_at", "effective_at"],
        vec![Arg::Int(user_id.get())],
    )
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn pending(db: &Db, user_id: UserId) -> Result<Option<PendingErasure>, sqlx::Error> {
    let sql = "SELECT requested_at, effective_at FROM account_erasures WHERE user_id = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(user_id).fetch_optional(p).await)
}

/// The request the cancel link names, while it is pending.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_token(db: &Db, token_hash: &str) -> Result<Option<(UserId, i64)>, sqlx::Error> {
    let sql = "SELECT user_id, effective_at FROM account_erasures WHERE cancel_token_hash = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(token_hash).fetch_optional(p).await)
}

/// Cancels by the link: the person whose request it was.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn cancel_by_token(tx: &mut Tx, token_hash: &str) -> Result<Option<UserId>, sqlx::Error> {
    let sql = "DELETE FROM account_erasures WHERE cancel_token_hash = $1 RETURNING user_id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(token_hash).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn cancel(tx: &mut Tx, user_id: UserId) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM account_erasures WHERE user_id = $1").bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Accounts whose erasure is due, oldest first.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn due(db: &Db, now_ms: i64, limit: i64) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM account_erasures WHERE effective_at <= $1 ORDER BY effective_at LIMIT $2";
    on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(now_ms).bind(limit).fetch_all(p).await)
}

/// Takes a due request inside the erasing transaction (another instance that took it first makes
/// this one find nothing, and skip).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn take_due(tx: &mut Tx, user_id: UserId, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "DELETE FROM account_erasures WHERE user_id = $1 AND effective_at <= $2";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// A role the person holds, with where it passes.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct HeldRole {
    pub role: String,
    pub scope_kind: String,
    pub scope_code: String,
    /// For a section role: the section's federation; for a federation role: its code.
    pub federation_code: Option<String>,
    pub scope_name: Option<String>,
    /// The scope's page, where its team is named (`/sections/{slug}`, `/federations/{code}`).
    pub scope_path: Option<String>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn held_roles(tx: &mut Tx, user_id: UserId) -> Result<Vec<HeldRole>, sqlx::Error> {
    let sql = "SELECT r.role, r.scope_kind, r.scope_code, \
                      CASE WHEN r.scope_kind = 'section' THEN s.federation_code WHEN r.scope_kind = 'federation' THEN r.scope_code END AS federation_code, \
                      CASE WHEN r.scope_kind = 'section' THEN s.name WHEN r.scope_kind = 'federation' THEN d.name END AS scope_name, \
                      CASE WHEN r.scope_kind = 'section' THEN '/sections/' || s.slug WHEN r.scope_kind = 'federation' THEN '/federations/' || r.scope_code END AS scope_path \
               FROM roles r \
               LEFT JOIN sections s ON r.scope_kind = 'section' AND CAST(s.id AS TEXT) = r.scope_code \
               LEFT JOIN departements d ON r.scope_kind = 'federation' AND d.code = r.scope_code \
               WHERE r.user_id = $1 ORDER BY r.id";
    on_tx!(tx, c => sqlx::query_as(sql).bind(user_id).fetch_all(c).await)
}

/// The first national admin other than `except` (the oldest grant), who takes over a federation.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn first_national_admin(tx: &mut Tx, except: UserId) -> Result<Option<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM roles WHERE role = 'national_admin' AND user_id <> $1 ORDER BY granted_at, id LIMIT 1";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(except).fetch_optional(c).await)
}

/// Groups the person administers alone: the oldest other member becomes admin. Returns the
/// groups and their new admins.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn hand_over_groups(tx: &mut Tx, user_id: UserId) -> Result<Vec<(i64, UserId)>, sqlx::Error> {
    let sql = "SELECT m.group_id, \
                      (SELECT o.user_id FROM group_members o WHERE o.group_id = m.group_id AND o.user_id <> $1 AND o.role = 'member' \
                       ORDER BY o.created_at, o.user_id LIMIT 1) AS successor \
               FROM group_members m WHERE m.user_id = $1 AND m.role = 'admin' \
               AND NOT EXISTS (SELECT 1 FROM group_members a WHERE a.group_id = m.group_id AND a.user_id <> $1 AND a.role = 'admin')";
    let rows: Vec<(i64, Option<UserId>)> = on_tx!(tx, c => sqlx::query_as(sql).bind(user_id).fetch_all(c).await)?;
    let mut handed = Vec::new();
    for (group_id, successor) in rows {
        if let Some(successor) = successor {
            let sql = "UPDATE group_members SET role = 'admin' WHERE group_id = $1 AND user_id = $2";
            on_tx!(tx, c => sqlx::query(sql).bind(group_id).bind(successor).execute(c).await.map(|r| r.rows_affected()))?;
            handed.push((group_id, successor));
        }
    }
    Ok(handed)
}

/// What became of the person's writing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WritingErased {
    pub posts_deleted: u64,
    pub posts_kept_as_deleted: u64,
    pub comments_deleted: u64,
    pub comments_kept_as_deleted: u64,
}

/// Publications and comments: erased, or — where someone else replied — kept as "message
/// supprimé" with no author and no text (their hashtags go too). Comment counts stay true.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn erase_writing(tx: &mut Tx, user_id: UserId, now_ms: i64) -> Result<WritingErased, sqlx::Error> {
    // Someone else replied: a comment by another person (or by an erased one, which stayed for
    // the same reason).
    const OTHERS_COMMENTED: &str =
        "EXISTS (SELECT 1 FROM comments oc WHERE oc.post_id = posts.id AND (oc.author_id IS NULL OR oc.author_id <> $1))";
    const OTHERS_REPLIED: &str =
        "EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id AND (r.author_id IS NULL OR r.author_id <> $1))";
    let statements: [String; 7] = [
        format!("DELETE FROM post_tags WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1 AND {OTHERS_COMMENTED})"),
        format!(
            "UPDATE posts SET author_id = NULL, deleted_at = $2, body = '', body_html = '', pictures = '', edited_at = NULL, hidden_reason = NULL \
             WHERE author_id = $1 AND {OTHERS_COMMENTED}"
        ),
        "DELETE FROM posts WHERE author_id = $1".to_string(),
        format!(
            "UPDATE comments SET author_id = NULL, deleted_at = $2, body = '', body_html = '', edited_at = NULL, hidden_reason = NULL \
             WHERE author_id = $1 AND {OTHERS_REPLIED}"
        ),
        // Before the rest go: each publication's count loses them (their replies are theirs too,
        // or the comment would have been kept).
        "UPDATE posts SET comment_count = comment_count - (SELECT COUNT(*) FROM comments c WHERE c.post_id = posts.id AND c.author_id = $1) \
         WHERE id IN (SELECT post_id FROM comments WHERE author_id = $1)"
            .to_string(),
        "DELETE FROM comments WHERE author_id = $1 AND parent_id IS NOT NULL".to_string(),
        "DELETE FROM comments WHERE author_id = $1".to_string(),
    ];
    let mut counts = [0u64; 7];
    for (i, sql) in statements.iter().enumerate() {
        // `$2` is only in the two UPDATEs that keep a "message supprimé".
        counts[i] = if sql.contains("$2") {
            on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?
        } else {
            on_tx!(tx, c => sqlx::query(sql).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?
        };
    }
    Ok(WritingErased {
        posts_kept_as_deleted: counts[1],
        posts_deleted: counts[2],
        comments_kept_as_deleted: counts[3],
        comments_deleted: counts[5] + counts[6],
    })
}

/// The journal keeps what happened in each scope, not who the person was: their @handle leaves
/// the entries' details (their id leaves with the `users` row: `ON DELETE SET NULL`), and a
/// section's contact address that was theirs is cleared.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn forget_in_shared_records(tx: &mut Tx, user_id: UserId, handle: &str, email: &str) -> Result<(), sqlx::Error> {
    let sql = "UPDATE audit_log SET detail = REPLACE(detail, $2, '@compte-supprime') \
               WHERE (actor_id = $1 OR target_user_id = $1) AND detail LIKE '%@%'";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(format!("@{handle}")).execute(c).await.map(|r| r.rows_affected()))?;
    let sql = "UPDATE sections SET contact_email = '' WHERE LOWER(contact_email) = LOWER($1)";
    on_tx!(tx, c => sqlx::query(sql).bind(email).execute(c).await.map(|r| r.rows_affected()))?;
    // Their messages stay in the conversations as "message supprimé": no text, no author.
    let sql = "UPDATE messages SET body = '', body_html = '' WHERE author_id = $1";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The account itself: everything only theirs goes with it (`ON DELETE CASCADE`), and what is
/// shared keeps no link to them (`ON DELETE SET NULL`).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_user(tx: &mut Tx, user_id: UserId) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM users WHERE id = $1").bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
