//! Stored pictures' rows: who sent each, what holds it, its size and widths. The serving route
//! reads a key's row to know which holder's rule applies; quotas add up `bytes`.

use sqlx::FromRow;

use crate::model::feed::{GroupPrivacy, GroupRole};
use crate::model::ids::{ActionId, GroupId, PostId, SectionId, UserId};
use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

/// What holds a stored picture: exactly one of these (the table checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaHolder {
    Post(PostId),
    Avatar(UserId),
    SectionBanner(SectionId),
    GroupBanner(GroupId),
    /// A photo of an action's compte-rendu.
    Report(ActionId),
}

impl MediaHolder {
    /// The holder's column in `media`, and its id.
    fn column(self) -> (&'static str, i64) {
        match self {
            MediaHolder::Post(id) => ("post_id", id.get()),
            MediaHolder::Avatar(id) => ("avatar_of", id.get()),
            MediaHolder::SectionBanner(id) => ("section_banner", id.get()),
            MediaHolder::GroupBanner(id) => ("group_banner", id.get()),
            MediaHolder::Report(id) => ("report_action", id.get()),
        }
    }
}

pub struct NewMedia<'a> {
    pub key: &'a str,
    /// Who sent it, when it counts in their quota and goes with their account (not a banner).
    pub owner_id: Option<UserId>,
    pub holder: MediaHolder,
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
    let (column, holder_id) = m.holder.column();
    let sql = format!(
        "INSERT INTO media (key, owner_id, {column}, position, alt, width, height, colour, widths, bytes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    );
    on_tx!(tx, c => sqlx::query(&sql)
        .bind(m.key).bind(m.owner_id).bind(holder_id).bind(m.position).bind(m.alt).bind(m.width).bind(m.height)
        .bind(m.colour).bind(m.widths).bind(m.bytes).bind(m.now_ms)
        .execute(c).await.map(|_| ()))
}

/// What holds a stored picture, the widths it was stored at, and what its holder's rule needs
/// to know: whether an avatar's person is suspended, a banner's group's privacy and the
/// viewer's role in it.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct Holder {
    pub post_id: Option<PostId>,
    pub avatar_of: Option<UserId>,
    pub section_banner: Option<SectionId>,
    pub group_banner: Option<GroupId>,
    pub report_action: Option<ActionId>,
    pub widths: String,
    pub person_suspended_at: Option<i64>,
    pub group_privacy: Option<GroupPrivacy>,
    pub viewer_group_role: Option<GroupRole>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn holder(db: &Db, key: &str, viewer: UserId) -> Result<Option<Holder>, sqlx::Error> {
    let sql = "SELECT m.post_id, m.avatar_of, m.section_banner, m.group_banner, m.report_action, m.widths, u.suspended_at AS person_suspended_at, \
               g.privacy AS group_privacy, \
               (SELECT gm.role FROM group_members gm WHERE gm.group_id = m.group_banner AND gm.user_id = $2) AS viewer_group_role \
               FROM media m LEFT JOIN users u ON u.id = m.avatar_of LEFT JOIN groups g ON g.id = m.group_banner WHERE m.key = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(key).bind(viewer).fetch_optional(p).await)
}

/// Takes off the picture `holder` holds (an avatar or a banner being replaced or removed), and
/// answers its key: its files are deleted once the transaction committed.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn take_off(tx: &mut Tx, holder: MediaHolder) -> Result<Option<String>, sqlx::Error> {
    let (column, id) = holder.column();
    let sql = format!("DELETE FROM media WHERE {column} = $1 RETURNING key");
    on_tx!(tx, c => sqlx::query_scalar(&sql).bind(id).fetch_optional(c).await)
}

/// Writes the picture as the holder's pages draw it (`avatar` of a person, `banner` of a section
/// or group: one JSON picture, '' for none; a publication's `pictures`: its JSON list — which
/// publishing writes with the row, so only avatars and banners come here). A compte-rendu's
/// photos have no copy: their rows are what its pages draw.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_drawn(tx: &mut Tx, holder: MediaHolder, json: &str) -> Result<(), sqlx::Error> {
    let sql = match holder {
        MediaHolder::Report(_) => return Ok(()),
        MediaHolder::Avatar(_) => "UPDATE users SET avatar = $2 WHERE id = $1",
        MediaHolder::SectionBanner(_) => "UPDATE sections SET banner = $2 WHERE id = $1",
        MediaHolder::GroupBanner(_) => "UPDATE groups SET banner = $2 WHERE id = $1",
        MediaHolder::Post(_) => "UPDATE posts SET pictures = $2 WHERE id = $1",
    };
    let (_, id) = holder.column();
    on_tx!(tx, c => sqlx::query(sql).bind(id).bind(json).execute(c).await.map(|_| ()))
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
