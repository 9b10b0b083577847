//! The `actions` table, its organizers, and the read models of /actions and /actions/{id}.

use crate::model::action::{ActionAudience, ActionKind, ActionStatus, RsvpStatus};
use crate::model::ids::{ActionId, SectionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{flag, optional_flag, Arg, Part};
use crate::{on_pool, on_tx};

/// An action with what one viewer needs to know about it (counts, their own answer).
#[derive(Debug, Clone, FromRow, PartialEq, serde::Deserialize)]
pub struct ActionRow {
    pub id: ActionId,
    pub kind: ActionKind,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place_name: String,
    pub address: String,
    pub lat: f64,
    pub lng: f64,
    pub capacity: Option<i64>,
    pub material: String,
    pub audience: ActionAudience,
    pub section_id: Option<SectionId>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
    pub federation_code: String,
    pub federation_name: String,
    pub status: ActionStatus,
    pub reinforcements: i64,
    pub cancel_reason: Option<String>,
    pub created_by: Option<UserId>,
    pub updated_at: i64,
    #[serde(deserialize_with = "flag")]
    pub is_organizer: bool,
    pub going: i64,
    pub waiting: i64,
    pub maybe: i64,
    pub my_status: Option<RsvpStatus>,
    #[serde(deserialize_with = "optional_flag")]
    pub my_share_contact: Option<bool>,
    #[serde(deserialize_with = "optional_flag")]
    pub my_show_first_name: Option<bool>,
    /// The viewer was invited to co-organize and has not answered yet.
    #[serde(deserialize_with = "flag")]
    pub my_organizer_invitation: bool,
}

/// `$1` is the viewer (0 for nobody).
const COLUMNS: &str = "a.id, a.kind, a.title, a.description, a.starts_at, a.ends_at, a.place_name, a.address, a.lat, a.lng, \
    a.capacity, a.material, a.audience, a.section_id, s.slug AS section_slug, s.name AS section_name, a.federation_code, \
    d.name AS federation_name, a.status, a.reinforcements, a.cancel_reason, a.created_by, a.updated_at, \
    EXISTS (SELECT 1 FROM action_organizers o WHERE o.action_id = a.id AND o.user_id = $1 AND o.accepted_at IS NOT NULL) AS is_organizer, \
    CAST((SELECT COUNT(*) FROM action_rsvps r WHERE r.action_id = a.id AND r.status = 'going') AS BIGINT) AS going, \
    CAST((SELECT COUNT(*) FROM action_rsvps r WHERE r.action_id = a.id AND r.status = 'waiting') AS BIGINT) AS waiting, \
    CAST((SELECT COUNT(*) FROM action_rsvps r WHERE r.action_id = a.id AND r.status = 'maybe') AS BIGINT) AS maybe, \
    m.status AS my_status, m.share_contact AS my_share_contact, m.show_first_name AS my_show_first_name, \
    EXISTS (SELECT 1 FROM action_organizers o WHERE o.action_id = a.id AND o.user_id = $1 AND o.accepted_at IS NULL) \
    AS my_organizer_invitation";

/// The names `COLUMNS` gives its columns (the fields of `ActionRow`).
const COLUMN_NAMES: &[&str] = &[
    "id",
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place_name",
    "address",
    "lat",
    "lng",
    "capacity",
    "material",
    "audience",
    "section_id",
    "section_slug",
    "section_name",
    "federation_code",
    "federation_name",
    "status",
    "reinforcements",
    "cancel_reason",
    "created_by",
    "updated_at",
    "is_organizer",
    "going",
    "waiting",
    "maybe",
    "my_status",
    "my_share_contact",
    "my_show_first_name",
    "my_organizer_invitation",
];

/// `m` is the viewer's own answer (at most one row: the primary key is (action, person)).
const FROM: &str = "FROM actions a JOIN departements d ON d.code = a.federation_code LEFT JOIN sections s ON s.id = a.section_id \
    LEFT JOIN action_rsvps m ON m.action_id = a.id AND m.user_id = $1";

pub struct NewAction<'a> {
    pub kind: ActionKind,
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place_name: &'a str,
    pub address: &'a str,
    pub lat: f64,
    pub lng: f64,
    pub capacity: Option<i64>,
    pub material: &'a str,
    pub audience: ActionAudience,
    pub section_id: Option<SectionId>,
    pub federation_code: &'a str,
    pub reinforcements: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(
    tx: &mut Tx,
    a: &NewAction<'_>,
    status: ActionStatus,
    created_by: UserId,
    now_ms: i64,
) -> Result<ActionId, sqlx::Error> {
    let sql = "INSERT INTO actions (kind, title, description, starts_at, ends_at, place_name, address, lat, lng, capacity, \
               material, audience, section_id, federation_code, reinforcements, status, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql)
        .bind(a.kind).bind(a.title).bind(a.description).bind(a.starts_at).bind(a.ends_at).bind(a.place_name).bind(a.address)
        .bind(a.lat).bind(a.lng).bind(a.capacity).bind(a.material).bind(a.audience).bind(a.section_id).bind(a.federation_code)
        .bind(a.reinforcements).bind(status).bind(created_by).bind(now_ms)
        .fetch_one(c).await)
}

/// Rewrites what an edit may change (the organizing scope stays).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn update(tx: &mut Tx, id: ActionId, a: &NewAction<'_>, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE actions SET kind = $1, title = $2, description = $3, starts_at = $4, ends_at = $5, place_name = $6, \
               address = $7, lat = $8, lng = $9, capacity = $10, material = $11, audience = $12, reinforcements = $13, \
               updated_at = $14 WHERE id = $15";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(a.kind).bind(a.title).bind(a.description).bind(a.starts_at).bind(a.ends_at).bind(a.place_name).bind(a.address)
        .bind(a.lat).bind(a.lng).bind(a.capacity).bind(a.material).bind(a.audience).bind(a.reinforcements).bind(now_ms).bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_status(
    tx: &mut Tx,
    id: ActionId,
    status: ActionStatus,
    cancel_reason: Option<&str>,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = "UPDATE actions SET status = $1, cancel_reason = $2, updated_at = $3 WHERE id = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(status).bind(cancel_reason).bind(now_ms).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Takes the action's row lock (PostgreSQL) so that concurrent answers count places one at a
/// time; SQLite's writes are already serialized.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn lock(tx: &mut Tx, id: ActionId) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE actions SET updated_at = updated_at WHERE id = $1";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The person who creates or edits an action organizes it (accepted at once).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn add_organizer(tx: &mut Tx, action_id: ActionId, user_id: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO action_organizers (action_id, user_id, accepted_at) VALUES ($1, $2, $3) \
               ON CONFLICT (action_id, user_id) DO UPDATE SET accepted_at = COALESCE(action_organizers.accepted_at, excluded.accepted_at)";
    on_tx!(tx, c => sqlx::query(sql).bind(action_id).bind(user_id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Invites someone to co-organize; true when the invitation is new (an organizer or a pending
/// invitation stays as it is).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn invite_organizer(tx: &mut Tx, action_id: ActionId, user_id: UserId, invited_by: UserId) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO action_organizers (action_id, user_id, invited_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(action_id).bind(user_id).bind(invited_by).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Answers a pending invitation: accepted (returns who invited), or declined (the row goes).
/// `None` when there was no pending invitation.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn answer_invitation(
    tx: &mut Tx,
    action_id: ActionId,
    user_id: UserId,
    accept: bool,
    now_ms: i64,
) -> Result<Option<Option<UserId>>, sqlx::Error> {
    let sql = if accept {
        "UPDATE action_organizers SET accepted_at = $3 WHERE action_id = $1 AND user_id = $2 AND accepted_at IS NULL RETURNING invited_by"
    } else {
        "DELETE FROM action_organizers WHERE action_id = $1 AND user_id = $2 AND accepted_at IS NULL AND $3 = $3 RETURNING invited_by"
    };
    on_tx!(tx, c => sqlx::query_scalar::<_, Option<UserId>>(sql).bind(action_id).bind(user_id).bind(now_ms).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id(db: &Db, viewer: UserId, id: ActionId) -> Result<Option<ActionRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE a.id = $2");
    on_pool!(db.read(), p => sqlx::query_as::<_, ActionRow>(&sql).bind(viewer).bind(id).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id_in(tx: &mut Tx, viewer: UserId, id: ActionId) -> Result<Option<ActionRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE a.id = $2");
    on_tx!(tx, c => sqlx::query_as::<_, ActionRow>(&sql).bind(viewer).bind(id).fetch_optional(c).await)
}

/// The actions a vote decided (published or cancelled), soonest first.
pub fn decided_by_part(viewer: UserId, vote_id: i64) -> Part {
    let sql =
        format!("SELECT {COLUMNS} {FROM} WHERE a.decided_by_vote_id = $2 AND a.status <> 'proposed' ORDER BY a.starts_at, a.id LIMIT 20");
    Part::new(sql, COLUMN_NAMES, vec![Arg::Int(viewer.get()), Arg::Int(vote_id)])
}

/// The actions the votes of a debate decided, soonest first.
pub fn decided_by_debate_part(viewer: UserId, debate_id: i64) -> Part {
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE (a.decided_by_debate_id = $2 OR a.decided_by_vote_id IN (SELECT v.id FROM votes v WHERE v.debate_id = $2)) \
         AND a.status <> 'proposed' ORDER BY a.starts_at, a.id LIMIT 20"
    );
    Part::new(sql, COLUMN_NAMES, vec![Arg::Int(viewer.get()), Arg::Int(debate_id)])
}

/// The vote that decided an action, as its page says it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct DecisionRow {
    /// 1 when a debate decided it, 0 for a vote.
    pub by_debate: i64,
    pub id: i64,
    pub title: String,
    pub decided_at: i64,
}

pub fn decision_part(action_id: ActionId) -> Part {
    let sql =
        "SELECT 0 AS by_debate, v.id, v.title, v.tallied_at AS decided_at FROM actions a JOIN votes v ON v.id = a.decided_by_vote_id \
               WHERE a.id = $1 AND v.tallied_at IS NOT NULL \
               UNION ALL SELECT 1, d.id, d.title, COALESCE(d.synthesis_at, d.closes_at) FROM actions a \
               JOIN debates d ON d.id = a.decided_by_debate_id WHERE a.id = $1";
    Part::new(sql, &["by_debate", "id", "title", "decided_at"], vec![Arg::Int(action_id.get())])
}

/// Records the debate that decided a new action.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_decided_by_debate(tx: &mut Tx, action_id: ActionId, debate_id: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE actions SET decided_by_debate_id = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(debate_id).bind(action_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records the vote that decided a new action.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_decided_by(tx: &mut Tx, action_id: ActionId, vote_id: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE actions SET decided_by_vote_id = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(vote_id).bind(action_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A window of the upcoming list: published actions ending after `now`, in a box around the
/// reader (if any), of a kind, between two dates, after the keyset cursor (starts_at, id).
pub struct UpcomingQuery {
    pub viewer: i64,
    pub now_ms: i64,
    pub from_ms: i64,
    pub to_ms: i64,
    /// (south, north, west, east)
    pub bbox: Option<(f64, f64, f64, f64)>,
    pub kind: Option<String>,
    pub section_id: Option<SectionId>,
    pub federation_code: Option<String>,
    pub after: Option<(i64, i64)>,
    pub limit: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn upcoming(db: &Db, q: &UpcomingQuery) -> Result<Vec<ActionRow>, sqlx::Error> {
    upcoming_part(q).fetch_all(db).await
}

/// `upcoming` as a part of a page's bundle (`store::bundle`).
pub fn upcoming_part(q: &UpcomingQuery) -> Part {
    let (after_start, after_id) = q.after.unwrap_or((i64::MIN, i64::MIN));
    let (south, north, west, east) = q.bbox.unwrap_or((-90.0, 90.0, -180.0, 180.0));
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE a.status IN ('published', 'cancelled') AND a.ends_at > $2 \
         AND a.starts_at >= $3 AND a.starts_at < $4 AND a.lat BETWEEN $5 AND $6 AND a.lng BETWEEN $7 AND $8 \
         AND ($9 = '' OR a.kind = $9) AND ($10 = 0 OR a.section_id = $10) AND ($11 = '' OR a.federation_code = $11) \
         AND (a.starts_at > $12 OR (a.starts_at = $12 AND a.id > $13)) \
         ORDER BY a.starts_at, a.id LIMIT $14"
    );
    let args = vec![
        Arg::Int(q.viewer),
        Arg::Int(q.now_ms),
        Arg::Int(q.from_ms),
        Arg::Int(q.to_ms),
        Arg::Real(south),
        Arg::Real(north),
        Arg::Real(west),
        Arg::Real(east),
        Arg::Text(q.kind.clone().unwrap_or_default()),
        Arg::Int(q.section_id.unwrap_or(SectionId::NONE).get()),
        Arg::Text(q.federation_code.clone().unwrap_or_default()),
        Arg::Int(after_start),
        Arg::Int(after_id),
        Arg::Int(q.limit),
    ];
    Part::new(sql, COLUMN_NAMES, args)
}

/// Engagement à la carte: upcoming published actions in a box whose kind suits one of this
/// person's availabilities, that they neither answered nor organize, soonest first. `kinds`
/// pairs an availability (`profile_availabilities.kind`) with an action kind it suits; the
/// availabilities are read in the same statement (a part of a page's bundle, `store::bundle`).
pub fn suggestions(
    viewer: UserId,
    now_ms: i64,
    (south, north, west, east): (f64, f64, f64, f64),
    kinds: &[(&'static str, &'static str)],
    limit: i64,
) -> Part {
    let mut args = vec![
        Arg::Int(viewer.get()),
        Arg::Int(now_ms),
        Arg::Real(south),
        Arg::Real(north),
        Arg::Real(west),
        Arg::Real(east),
        Arg::Int(limit),
    ];
    let mut pairs = Vec::new();
    for (availability, kind) in kinds {
        let n = args.len();
        pairs.push(format!("SELECT CAST(${} AS TEXT) AS availability, CAST(${} AS TEXT) AS kind", n + 1, n + 2));
        args.push(Arg::Text(availability.to_string()));
        args.push(Arg::Text(kind.to_string()));
    }
    let suits = if pairs.is_empty() {
        "FALSE".to_string()
    } else {
        format!(
            "a.kind IN (SELECT m.kind FROM profile_availabilities pa JOIN ({}) m ON m.availability = pa.kind WHERE pa.user_id = $1)",
            pairs.join(" UNION ALL ")
        )
    };
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE a.status = 'published' AND a.starts_at > $2 AND {suits} \
         AND a.lat BETWEEN $3 AND $4 AND a.lng BETWEEN $5 AND $6 \
         AND NOT EXISTS (SELECT 1 FROM action_rsvps r WHERE r.action_id = a.id AND r.user_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM action_organizers o WHERE o.action_id = a.id AND o.user_id = $1) \
         ORDER BY a.starts_at, a.id LIMIT $7"
    );
    Part::new(sql, COLUMN_NAMES, args)
}

/// Whether this person has a calendar address (one row: `n`), as a part of a page's bundle.
pub fn calendar_tokens(user_id: UserId) -> Part {
    Part::new("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM calendar_tokens WHERE user_id = $1", &["n"], vec![Arg::Int(user_id.get())])
}

/// Proposals waiting for approval in the scopes a person leads (their sections, their federations).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn proposals(db: &Db, viewer: UserId, section_ids: &[i64], federation_codes: &[String]) -> Result<Vec<ActionRow>, sqlx::Error> {
    let sections = section_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let feds = federation_codes
        .iter()
        .filter(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric()))
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(",");
    if sections.is_empty() && feds.is_empty() {
        return Ok(Vec::new());
    }
    let sections = if sections.is_empty() { "NULL".to_string() } else { sections };
    let feds = if feds.is_empty() { "NULL".to_string() } else { feds };
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE a.status = 'proposed' AND (a.section_id IN ({sections}) OR a.federation_code IN ({feds})) \
         ORDER BY a.starts_at, a.id LIMIT 50"
    );
    on_pool!(db.read(), p => sqlx::query_as::<_, ActionRow>(&sql).bind(viewer).fetch_all(p).await)
}

/// An organizer of an action, or someone invited who has not answered yet (`accepted` false).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct OrganizerRow {
    pub handle: String,
    pub display_name: String,
    #[serde(deserialize_with = "flag")]
    pub accepted: bool,
}

/// The organizers of an action and the people invited to co-organize it, by name: a part of the
/// action page's bundle (`store::bundle`).
pub fn organizers(action_id: ActionId) -> Part {
    let sql = "SELECT u.handle, u.display_name, o.accepted_at IS NOT NULL AS accepted FROM action_organizers o \
               JOIN users u ON u.id = o.user_id WHERE o.action_id = $1 AND u.suspended_at IS NULL ORDER BY u.display_name LIMIT 60";
    Part::new(sql, &["handle", "display_name", "accepted"], vec![Arg::Int(action_id.get())])
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn organizer_ids(tx: &mut Tx, action_id: ActionId) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM action_organizers WHERE action_id = $1 AND accepted_at IS NOT NULL";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(action_id).fetch_all(c).await)
}

/// A person's actions for their calendar feed: those they answered yes, maybe or wait for, and
/// those they organize, from 30 days ago on.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn for_person(db: &Db, user_id: UserId, since_ms: i64) -> Result<Vec<ActionRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE a.starts_at >= $2 AND a.status <> 'proposed' AND (\
         EXISTS (SELECT 1 FROM action_rsvps r WHERE r.action_id = a.id AND r.user_id = $1 AND r.status IN ('going', 'waiting', 'maybe')) \
         OR EXISTS (SELECT 1 FROM action_organizers o WHERE o.action_id = a.id AND o.user_id = $1 AND o.accepted_at IS NOT NULL)) \
         ORDER BY a.starts_at, a.id LIMIT 500"
    );
    on_pool!(db.read(), p => sqlx::query_as::<_, ActionRow>(&sql).bind(user_id).bind(since_ms).fetch_all(p).await)
}

/// Replaces a person's calendar token (the old address stops working).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_calendar_token(tx: &mut Tx, user_id: UserId, token_hash: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3) \
               ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(token_hash).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_calendar_token(tx: &mut Tx, user_id: UserId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM calendar_tokens WHERE user_id = $1").bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn calendar_owner(db: &Db, token_hash: &str) -> Result<Option<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM calendar_tokens WHERE token_hash = $1";
    on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(token_hash).fetch_optional(p).await)
}

/// An action of "mes actions", with whether its compte-rendu has been written.
#[derive(Debug, Clone, FromRow, PartialEq)]
pub struct MyActionRow {
    #[sqlx(flatten)]
    pub action: ActionRow,
    pub has_report: bool,
    /// The first author of its compte-rendu, when one was written (`Some(None)`: account gone).
    pub report_author: Option<Option<i64>>,
}

/// A person's actions — answered yes, maybe or waiting, or organized — on one side of `now_ms`:
/// upcoming (not yet ended) soonest first, or past latest first, after the keyset cursor
/// (starts_at, id). Driven from the person's own rows (indexed by user), never a scan of actions.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn of_person(
    db: &Db,
    user_id: UserId,
    now_ms: i64,
    past: bool,
    after: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<MyActionRow>, sqlx::Error> {
    let extra = ", EXISTS (SELECT 1 FROM action_reports ar WHERE ar.action_id = a.id) AS has_report, \
         (SELECT ar.author_id FROM action_reports ar WHERE ar.action_id = a.id) AS report_author";
    let (sql, args) = of_person_sql(extra, user_id.get(), now_ms, past, after, limit);
    on_pool!(db.read(), p => sqlx::query_as::<_, MyActionRow>(&sql)
        .bind(args[0]).bind(args[1]).bind(args[2]).bind(args[3]).bind(args[4])
        .fetch_all(p).await)
}

/// `of_person` without the compte-rendu columns, as a part of a page's bundle (`store::bundle`).
pub fn of_person_part(user_id: UserId, now_ms: i64, past: bool, limit: i64) -> Part {
    let (sql, args) = of_person_sql("", user_id.get(), now_ms, past, None, limit);
    Part::new(sql, COLUMN_NAMES, args.into_iter().map(Arg::Int).collect())
}

fn of_person_sql(extra: &str, user_id: i64, now_ms: i64, past: bool, after: Option<(i64, i64)>, limit: i64) -> (String, [i64; 5]) {
    let (side, order, cursor) = if past {
        ("a.ends_at <= $2", "a.starts_at DESC, a.id DESC", "(a.starts_at < $3 OR (a.starts_at = $3 AND a.id < $4))")
    } else {
        ("a.ends_at > $2", "a.starts_at, a.id", "(a.starts_at > $3 OR (a.starts_at = $3 AND a.id > $4))")
    };
    let (after_start, after_id) = after.unwrap_or(if past { (i64::MAX, i64::MAX) } else { (i64::MIN, i64::MIN) });
    let sql = format!(
        "SELECT {COLUMNS}{extra} {FROM} \
         WHERE a.id IN (SELECT r.action_id FROM action_rsvps r WHERE r.user_id = $1 AND r.status IN ('going', 'waiting', 'maybe') \
                        UNION SELECT o.action_id FROM action_organizers o WHERE o.user_id = $1) \
         AND {side} AND {cursor} ORDER BY {order} LIMIT $5"
    );
    (sql, [user_id, now_ms, after_start, after_id, limit])
}
