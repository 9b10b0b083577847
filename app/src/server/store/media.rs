//! Stored pictures' rows: who sent each, what holds it, its size and widths. The serving route
//! reads a key's row to know which holder's rule applies; quotas add up `bytes`.

use sqlx::FromRow;

use crate::model::ids::{PostId, UserId};
use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

pub struct NewMedia<'a> {
    pub key: &'a str,
    pub owner_id: UserId,
    pub post_id: PostId,
    pub position: i64,
    pub alt: &'a str,
    pub width: i64,
    pub height: i64,
    pub colour: &'a str,
    /// Ascending, space-separated.
    pub widths: &'a str,
    pub bytes: i64,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, m: &NewMedia<'_>) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO media (key, owner_id, post_id, position, alt, width, height, colour, widths, bytes, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(m.key).bind(m.owner_id).bind(m.post_id).bind(m.position).bind(m.alt).bind(m.width).bind(m.height)
        .bind(m.colour).bind(m.widths).bind(m.bytes).bind(m.now_ms)
        .execute(c).await.map(|_| ()))
}

/// What holds a stored picture, and the widths it was stored at.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct Holder {
    pub post_id: Option<PostId>,
    pub widths: String,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn holder(db: &Db, key: &str) -> Result<Option<Holder>, sqlx::Error> {
    let sql = "SELECT post_id, widths FROM media WHERE key = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(key).fetch_optional(p).await)
}

/// Bytes stored for what `owner` sent, counted inside the writing transaction (the quota).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn bytes_of_owner(tx: &mut Tx, owner: UserId) -> Result<i64, sqlx::Error> {
    let sql = "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM media WHERE owner_id = $1";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(owner).fetch_one(c).await)
}

/// Those of `keys` that have a row — a picture's, or a toolbox document version's (the others'
/// files are orphans).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn known(db: &Db, keys: &[String]) -> Result<Vec<String>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
    let list = placeholders.join(", ");
    let sql = format!("SELECT key FROM media WHERE key IN ({list}) UNION SELECT key FROM document_versions WHERE key IN ({list})");
    on_pool!(db.read(), p => {
        let mut q = sqlx::query_scalar(&sql);
        for key in keys {
            q = q.bind(key);
        }
        q.fetch_all(p).await
    })
}

/// A person's pictures, for their data export.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct OwnMedia {
    pub key: String,
    pub post_id: Option<PostId>,
    pub alt: String,
    pub width: i64,
    pub height: i64,
    pub widths: String,
    pub created_at: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn of_owner(db: &Db, owner: UserId) -> Result<Vec<OwnMedia>, sqlx::Error> {
    let sql = "SELECT key, post_id, alt, width, height, widths, created_at FROM media WHERE owner_id = $1 ORDER BY created_at, id";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(owner).fetch_all(p).await)
}
