//! Reminders of actions: who is due one (a place taken, the action published, inside the window,
//! not yet reminded), and the row that makes a second send impossible.

use crate::model::ids::{ActionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct DueRow {
    pub action_id: ActionId,
    pub user_id: UserId,
    pub title: String,
    pub place_name: String,
    pub starts_at: i64,
    pub email: String,
    pub display_name: String,
}

/// People with a place at a published action starting in `(from, to]` who have not had the
/// `kind` reminder yet. Bounded; the job comes back for the rest.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn due(db: &Db, kind: &str, from_ms: i64, to_ms: i64, limit: i64) -> Result<Vec<DueRow>, sqlx::Error> {
    let sql = "SELECT a.id AS action_id, r.user_id, a.title, a.place_name, a.starts_at, u.email, u.display_name \
               FROM actions a JOIN action_rsvps r ON r.action_id = a.id AND r.status = 'going' JOIN users u ON u.id = r.user_id \
               WHERE a.status = 'published' AND a.starts_at > $2 AND a.starts_at <= $3 AND u.suspended_at IS NULL \
               AND NOT EXISTS (SELECT 1 FROM action_reminders m WHERE m.action_id = a.id AND m.user_id = r.user_id AND m.kind = $1) \
               ORDER BY a.starts_at, a.id, r.user_id LIMIT $4";
    on_pool!(db.read(), p => sqlx::query_as::<_, DueRow>(sql).bind(kind).bind(from_ms).bind(to_ms).bind(limit).fetch_all(p).await)
}

/// Marks one reminder as sent; false when another instance (or an earlier run) already did.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn claim(tx: &mut Tx, action_id: ActionId, user_id: UserId, kind: &str, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO action_reminders (action_id, user_id, kind, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(action_id).bind(user_id).bind(kind).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
