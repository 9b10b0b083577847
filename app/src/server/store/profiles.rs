//! Profiles: texts, per-field visibility, list items and availabilities.

use crate::model::ids::UserId;
use crate::model::profile::{Availability, ProfileList, ProfileUpdate, ProfileVisibilities, Visibility};
use crate::on_tx;
use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Bundle, Lists, Part, Slot};

#[derive(Debug, Clone, serde::Deserialize)]
struct ProfileRow {
    bio: String,
    status_line: String,
    bio_visibility: String,
    status_visibility: String,
    mandates_visibility: String,
    responsibilities_visibility: String,
    interests_visibility: String,
    availabilities_visibility: String,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct ListItemRow {
    list: String,
    value: String,
}

/// A whole profile as stored, before any visibility filtering.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredProfile {
    pub bio: String,
    pub status: String,
    pub mandates: Vec<String>,
    pub responsibilities: Vec<String>,
    pub interests: Vec<String>,
    pub availabilities: Vec<Availability>,
    pub visibilities: ProfileVisibilities,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_default(tx: &mut Tx, user_id: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO profiles (user_id, updated_at) VALUES ($1, $2)";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Three statements whatever the profile's size: the row, its list items, its availabilities.
/// A whole profile in one statement.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn load(db: &Db, user_id: UserId) -> Result<Option<StoredProfile>, sqlx::Error> {
    let mut bundle = Bundle::new();
    let slots = ProfileSlots::add(&mut bundle, user_id.get());
    slots.read(&bundle.run(db).await?)
}

/// Where a profile's rows are in a page's bundle (`store::bundle`).
pub struct ProfileSlots {
    row: Slot<ProfileRow>,
    items: Slot<ListItemRow>,
    kinds: Slot<KindRow>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct KindRow {
    kind: String,
}

impl ProfileSlots {
    pub fn add(bundle: &mut Bundle, user_id: i64) -> Self {
        let row_sql = "SELECT bio, status_line, bio_visibility, status_visibility, mandates_visibility, \
                       responsibilities_visibility, interests_visibility, availabilities_visibility \
                       FROM profiles WHERE user_id = $1";
        let row_columns = [
            "bio",
            "status_line",
            "bio_visibility",
            "status_visibility",
            "mandates_visibility",
            "responsibilities_visibility",
            "interests_visibility",
            "availabilities_visibility",
        ];
        let items_sql = "SELECT list, value FROM profile_list_items WHERE user_id = $1 ORDER BY list, position";
        let avail_sql = "SELECT kind FROM profile_availabilities WHERE user_id = $1";
        ProfileSlots {
            row: bundle.add(Part::new(row_sql, &row_columns, vec![Arg::Int(user_id)])),
            items: bundle.add(Part::new(items_sql, &["list", "value"], vec![Arg::Int(user_id)])),
            kinds: bundle.add(Part::new(avail_sql, &["kind"], vec![Arg::Int(user_id)])),
        }
    }

    pub fn read(self, lists: &Lists) -> Result<Option<StoredProfile>, sqlx::Error> {
        let Some(row) = lists.take(self.row)?.into_iter().next() else { return Ok(None) };
        let items = lists.take(self.items)?;
        let kinds: Vec<String> = lists.take(self.kinds)?.into_iter().map(|k| k.kind).collect();
        Ok(Some(assemble(row, items, kinds)))
    }
}

fn assemble(row: ProfileRow, items: Vec<ListItemRow>, kinds: Vec<String>) -> StoredProfile {
    let mut profile = StoredProfile {
        bio: row.bio,
        status: row.status_line,
        visibilities: ProfileVisibilities {
            bio: Visibility::from_db(&row.bio_visibility),
            status: Visibility::from_db(&row.status_visibility),
            mandates: Visibility::from_db(&row.mandates_visibility),
            responsibilities: Visibility::from_db(&row.responsibilities_visibility),
            interests: Visibility::from_db(&row.interests_visibility),
            availabilities: Visibility::from_db(&row.availabilities_visibility),
        },
        ..StoredProfile::default()
    };
    for item in items {
        match ProfileList::parse(&item.list) {
            Some(ProfileList::Mandates) => profile.mandates.push(item.value),
            Some(ProfileList::Responsibilities) => profile.responsibilities.push(item.value),
            Some(ProfileList::Interests) => profile.interests.push(item.value),
            None => {}
        }
    }
    profile.availabilities = kinds.iter().filter_map(|k| Availability::parse(k)).collect();
    profile.availabilities.sort();
    profile
}

/// Replaces texts, visibilities, lists and availabilities (the caller's transaction makes it atomic).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn replace(tx: &mut Tx, user_id: UserId, update: &ProfileUpdate, now_ms: i64) -> Result<(), sqlx::Error> {
    let v = &update.visibilities;
    let sql = "UPDATE profiles SET bio = $1, status_line = $2, bio_visibility = $3, status_visibility = $4, \
               mandates_visibility = $5, responsibilities_visibility = $6, interests_visibility = $7, \
               availabilities_visibility = $8, updated_at = $9 WHERE user_id = $10";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(&update.bio)
        .bind(&update.status)
        .bind(v.bio.as_str())
        .bind(v.status.as_str())
        .bind(v.mandates.as_str())
        .bind(v.responsibilities.as_str())
        .bind(v.interests.as_str())
        .bind(v.availabilities.as_str())
        .bind(now_ms)
        .bind(user_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM profile_list_items WHERE user_id = $1").bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM profile_availabilities WHERE user_id = $1").bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    let lists = [
        (ProfileList::Mandates, &update.mandates),
        (ProfileList::Responsibilities, &update.responsibilities),
        (ProfileList::Interests, &update.interests),
    ];
    let insert_item = "INSERT INTO profile_list_items (user_id, list, position, value) VALUES ($1, $2, $3, $4)";
    for (list, items) in lists {
        for (position, value) in items.iter().enumerate() {
            let position = i64::try_from(position).unwrap_or(i64::MAX);
            on_tx!(tx, c => sqlx::query(insert_item).bind(user_id).bind(list.as_str()).bind(position).bind(value).execute(c).await.map(|r| r.rows_affected()))?;
        }
    }
    let insert_kind = "INSERT INTO profile_availabilities (user_id, kind) VALUES ($1, $2)";
    for kind in &update.availabilities {
        on_tx!(tx, c => sqlx::query(insert_kind).bind(user_id).bind(kind.as_str()).execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// What a person said they are available for (engagement à la carte).
/// Whether a person gave any availability (one row: `n`), as a part of a page's bundle.
pub fn availability_count(user_id: UserId) -> Part {
    Part::new("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM profile_availabilities WHERE user_id = $1", &["n"], vec![Arg::Int(user_id.get())])
}
