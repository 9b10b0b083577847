//! Coopains (accepted links, stored both ways), coopain requests and blocks.

use crate::model::ids::UserId;
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct PersonRow {
    pub id: UserId,
    pub handle: String,
    pub display_name: String,
}

/// The facts between two people, as seen from `me`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Link {
    pub coopains: bool,
    pub i_requested: bool,
    pub they_requested_pending: bool,
    pub i_blocked: bool,
    pub they_blocked: bool,
}

const LINK_SQL: &str = "SELECT \
    CAST((SELECT COUNT(*) FROM coopains WHERE user_id = $1 AND coopain_id = $2) AS BIGINT) AS a, \
    CAST((SELECT COUNT(*) FROM coopain_requests WHERE requester_id = $1 AND recipient_id = $2) AS BIGINT) AS b, \
    CAST((SELECT COUNT(*) FROM coopain_requests WHERE requester_id = $2 AND recipient_id = $1 AND status = 'pending') AS BIGINT) AS c, \
    CAST((SELECT COUNT(*) FROM blocks WHERE blocker_id = $1 AND blocked_id = $2) AS BIGINT) AS d, \
    CAST((SELECT COUNT(*) FROM blocks WHERE blocker_id = $2 AND blocked_id = $1) AS BIGINT) AS e";

/// `LINK_SQL`'s row in a page's bundle (`store::bundle`).
#[derive(Debug, Clone, Copy, serde::Deserialize)]
pub struct LinkRow {
    a: i64,
    b: i64,
    c: i64,
    d: i64,
    e: i64,
}

impl From<LinkRow> for Link {
    fn from(r: LinkRow) -> Link {
        to_link((r.a, r.b, r.c, r.d, r.e))
    }
}

/// The facts between two people (`Link`), as a part of a page's bundle.
pub fn link_part(me: UserId, other: UserId) -> Part {
    Part::new(LINK_SQL, &["a", "b", "c", "d", "e"], vec![Arg::Int(me.get()), Arg::Int(other.get())])
}

type LinkCounts = (i64, i64, i64, i64, i64);

fn to_link((a, b, c, d, e): LinkCounts) -> Link {
    Link { coopains: a > 0, i_requested: b > 0, they_requested_pending: c > 0, i_blocked: d > 0, they_blocked: e > 0 }
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn link(tx: &mut Tx, me: UserId, other: UserId) -> Result<Link, sqlx::Error> {
    let counts: LinkCounts = on_tx!(tx, conn => sqlx::query_as(LINK_SQL).bind(me).bind(other).fetch_one(conn).await)?;
    Ok(to_link(counts))
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_request(tx: &mut Tx, from: UserId, to: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO coopain_requests (requester_id, recipient_id, status, created_at) VALUES ($1, $2, 'pending', $3) ON CONFLICT DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(from).bind(to).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn decline_request(tx: &mut Tx, from: UserId, to: UserId) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE coopain_requests SET status = 'declined' WHERE requester_id = $1 AND recipient_id = $2 AND status = 'pending'";
    Ok(on_tx!(tx, c => sqlx::query(sql).bind(from).bind(to).execute(c).await.map(|r| r.rows_affected()))? > 0)
}

/// Forgets requests both ways (on acceptance, removal or block).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_requests(tx: &mut Tx, a: UserId, b: UserId) -> Result<(), sqlx::Error> {
    let sql = "DELETE FROM coopain_requests WHERE (requester_id = $1 AND recipient_id = $2) OR (requester_id = $2 AND recipient_id = $1)";
    on_tx!(tx, c => sqlx::query(sql).bind(a).bind(b).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn connect(tx: &mut Tx, a: UserId, b: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO coopains (user_id, coopain_id, since) VALUES ($1, $2, $3), ($2, $1, $3) ON CONFLICT DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(a).bind(b).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn disconnect(tx: &mut Tx, a: UserId, b: UserId) -> Result<(), sqlx::Error> {
    let sql = "DELETE FROM coopains WHERE (user_id = $1 AND coopain_id = $2) OR (user_id = $2 AND coopain_id = $1)";
    on_tx!(tx, c => sqlx::query(sql).bind(a).bind(b).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn block(tx: &mut Tx, blocker: UserId, blocked: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(blocker).bind(blocked).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn unblock(tx: &mut Tx, blocker: UserId, blocked: UserId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2").bind(blocker).bind(blocked).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Which list of the coopains page a person is on.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct ListedPersonRow {
    /// 'coopain', 'received', 'sent' or 'blocked'.
    pub list: String,
    #[sqlx(flatten)]
    pub person: PersonRow,
}

/// The people of my coopains page in one statement, each list in its order and cut at its
/// length: my coopains (by name, 1,000), coopain requests received and sent (newest first, 200),
/// the people I blocked (newest first, 1,000). Suspended accounts are left out, except from
/// the blocked list (a block outlives a suspension).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn my_people(db: &Db, me: UserId) -> Result<Vec<ListedPersonRow>, sqlx::Error> {
    let sql = "SELECT list, id, handle, display_name FROM ( \
         SELECT 'coopain' AS list, 1000 AS cut, ROW_NUMBER() OVER (ORDER BY u.display_name, u.id) AS position, u.id, u.handle, u.display_name \
           FROM coopains k JOIN users u ON u.id = k.coopain_id WHERE k.user_id = $1 AND u.suspended_at IS NULL \
         UNION ALL SELECT 'received', 200, ROW_NUMBER() OVER (ORDER BY r.created_at DESC, u.id), u.id, u.handle, u.display_name \
           FROM coopain_requests r JOIN users u ON u.id = r.requester_id WHERE r.recipient_id = $1 AND r.status = 'pending' AND u.suspended_at IS NULL \
         UNION ALL SELECT 'sent', 200, ROW_NUMBER() OVER (ORDER BY r.created_at DESC, u.id), u.id, u.handle, u.display_name \
           FROM coopain_requests r JOIN users u ON u.id = r.recipient_id WHERE r.requester_id = $1 AND u.suspended_at IS NULL \
         UNION ALL SELECT 'blocked', 1000, ROW_NUMBER() OVER (ORDER BY b.created_at DESC, u.id), u.id, u.handle, u.display_name \
           FROM blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = $1 \
         ) AS people WHERE position <= cut ORDER BY list, position";
    on_pool!(db.read(), p => sqlx::query_as::<_, ListedPersonRow>(sql).bind(me).fetch_all(p).await)
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct SuggestionRow {
    pub id: UserId,
    pub handle: String,
    pub display_name: String,
    /// 'common', 'section' or 'interests'.
    pub reason: String,
    pub strength: i64,
}

/// Coopains of coopains first, then people who share an interest or availability they let me
/// see, then (for those allowed to read the section directory: `may_see_section`) people of my
/// section — never someone already linked, requested or blocked either way.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn suggestions(db: &Db, me: UserId, may_see_section: bool, limit: i64) -> Result<Vec<SuggestionRow>, sqlx::Error> {
    let sql = "WITH mine AS (SELECT sc.section_id FROM users mu JOIN section_communes sc ON sc.insee = mu.commune_insee WHERE mu.id = $1), \
        near AS (SELECT ou.id FROM users ou JOIN section_communes osc ON osc.insee = ou.commune_insee WHERE osc.section_id = (SELECT section_id FROM mine)), \
        candidates AS ( \
          SELECT k2.coopain_id AS id, 'common' AS reason, CAST(COUNT(*) AS BIGINT) AS strength \
            FROM coopains k1 JOIN coopains k2 ON k2.user_id = k1.coopain_id \
            WHERE k1.user_id = $1 AND k2.coopain_id <> $1 GROUP BY k2.coopain_id \
          UNION ALL \
          SELECT oi.user_id, 'interests', CAST(COUNT(*) AS BIGINT) FROM profile_list_items mi \
            JOIN profile_list_items oi ON oi.list = 'interests' AND LOWER(oi.value) = LOWER(mi.value) AND oi.user_id <> $1 \
            JOIN profiles op ON op.user_id = oi.user_id \
            WHERE mi.user_id = $1 AND mi.list = 'interests' \
              AND (op.interests_visibility = 'public' OR (op.interests_visibility = 'section' AND oi.user_id IN (SELECT id FROM near))) \
            GROUP BY oi.user_id \
          UNION ALL \
          SELECT oa.user_id, 'interests', CAST(COUNT(*) AS BIGINT) FROM profile_availabilities ma \
            JOIN profile_availabilities oa ON oa.kind = ma.kind AND oa.user_id <> $1 \
            JOIN profiles op ON op.user_id = oa.user_id \
            WHERE ma.user_id = $1 \
              AND (op.availabilities_visibility = 'public' OR (op.availabilities_visibility = 'section' AND oa.user_id IN (SELECT id FROM near))) \
            GROUP BY oa.user_id \
          UNION ALL \
          SELECT near.id, 'section', CAST(0 AS BIGINT) FROM near JOIN users su ON su.id = near.id \
            WHERE $3 AND near.id <> $1 AND (su.membership = 'sympathisant' OR su.membership_status = 'confirmed')) \
        SELECT u.id, u.handle, u.display_name, c.reason, CAST(MAX(c.strength) AS BIGINT) AS strength FROM candidates c JOIN users u ON u.id = c.id \
        WHERE u.suspended_at IS NULL \
          AND NOT EXISTS (SELECT 1 FROM coopains k WHERE k.user_id = $1 AND k.coopain_id = u.id) \
          AND NOT EXISTS (SELECT 1 FROM coopain_requests r WHERE (r.requester_id = $1 AND r.recipient_id = u.id) OR (r.requester_id = u.id AND r.recipient_id = $1)) \
          AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = $1 AND b.blocked_id = u.id) OR (b.blocker_id = u.id AND b.blocked_id = $1)) \
        GROUP BY u.id, u.handle, u.display_name, c.reason \
        ORDER BY CASE c.reason WHEN 'common' THEN 0 WHEN 'interests' THEN 1 ELSE 2 END, MAX(c.strength) DESC, u.id DESC LIMIT $2";
    on_pool!(db.read(), p => sqlx::query_as::<_, SuggestionRow>(sql).bind(me).bind(limit).bind(may_see_section).fetch_all(p).await)
}
