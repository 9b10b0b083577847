//! Pictures: made (processed on the worker pool, stored), read (through their holder's rule) and
//! collected (files whose row is gone). A picture is read only by who may read what holds it:
//! the serving route asks `readable` of the holder before reading a byte of the file.

use bytes::Bytes;

use crate::error::AppError;
use crate::model::feed::GroupMembership;
use crate::model::form::{FieldError, FieldErrors};
use crate::model::ids::{PostId, UserId};
use crate::model::media::{Picture, PictureFormat};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::media::picture::Shape;
use crate::server::media::{new_key, picture, MediaStore, Upload};
use crate::server::policy::{self, Subject};
use crate::server::services::feed::group_role;
use crate::server::services::feed::readable_post;
use crate::server::store;
use crate::server::store::media::MediaHolder;

/// What one person may store in all (pictures of every width and encoding).
pub const MAX_BYTES_PER_PERSON: i64 = 500 * 1024 * 1024;
/// A file whose row is missing is collected once it is this old (an upload in flight has no row
/// until its publication commits).
pub const ORPHAN_GRACE_MS: i64 = 60 * 60 * 1000;

/// A picture to store: the form's slot it came in (1-based), its description and its bytes.
pub struct PictureUpload {
    pub slot: usize,
    pub alt: String,
    pub bytes: Bytes,
}

/// A stored picture and what its row needs.
pub struct StoredPicture {
    pub picture: Picture,
    pub bytes: i64,
}

/// A publication's pictures from its `pictures` column ('' or a JSON list).
pub fn pictures_of(json: &str) -> Vec<Picture> {
    if json.is_empty() {
        return Vec::new();
    }
    serde_json::from_str(json).unwrap_or_else(|e| {
        tracing::error!(error = %e, "a publication's pictures column does not parse");
        Vec::new()
    })
}

/// An avatar's or a banner's picture from its holder's column ('' or a JSON picture).
pub fn picture_of(json: &str) -> Option<Picture> {
    if json.is_empty() {
        return None;
    }
    serde_json::from_str(json).map_err(|e| tracing::error!(error = %e, "an avatar's or a banner's column does not parse")).ok()
}

pub fn pictures_json(pictures: &[StoredPicture]) -> String {
    if pictures.is_empty() {
        return String::new();
    }
    let list: Vec<&Picture> = pictures.iter().map(|p| &p.picture).collect();
    serde_json::to_string(&list).unwrap_or_default()
}

/// The form's photo slots that hold a file (`photo_{n}`, from 1), and — as `Err`, on their
/// own field — the files refused before any decoding (too large).
pub fn photo_slots(uploads: &[Upload]) -> (Vec<usize>, Result<(), FieldErrors>) {
    let slots = uploads.iter().filter_map(|u| photo_slot(&u.field)).collect();
    let mut too_large = FieldErrors::default();
    for u in uploads {
        if let Err(e) = u.bytes() {
            too_large.add(&u.field, e);
        }
    }
    (slots, if too_large.is_empty() { Ok(()) } else { Err(too_large) })
}

/// The form's photos to process: each slot's file, with its description (`alt(slot)`).
pub fn photo_uploads(uploads: &[Upload], alt: impl Fn(usize) -> String) -> Vec<PictureUpload> {
    uploads
        .iter()
        .filter_map(|u| {
            let slot = photo_slot(&u.field)?;
            Some(PictureUpload { slot, alt: alt(slot), bytes: u.bytes().ok()?.clone() })
        })
        .collect()
}

/// `photo_3` → 3.
fn photo_slot(field: &str) -> Option<usize> {
    field.strip_prefix("photo_")?.parse().ok().filter(|n| *n >= 1)
}

/// Processes every photo of a publication (two at a time, off the async runtime) and stores
/// their files. All or nothing: one refused photo (its slot's field says why) and none is kept.
pub async fn store_pictures(state: &AppState, uploads: Vec<PictureUpload>) -> Result<Vec<StoredPicture>, FieldErrors> {
    let jobs = uploads.into_iter().map(|u| async move { (u.slot, store_picture(state, u.bytes, u.alt, Shape::Photo).await) });
    let mut stored = Vec::new();
    let mut errors = FieldErrors::default();
    for (slot, result) in futures_util::future::join_all(jobs).await {
        match result {
            Ok(picture) => stored.push(picture),
            Err(refusal) => errors.add(&format!("photo_{slot}"), refusal),
        }
    }
    if !errors.is_empty() {
        discard(state, &stored).await;
        return Err(errors);
    }
    Ok(stored)
}

/// Processes one picture on the worker pool, cut to `shape`, and stores its files under a new
/// key; or says why it is refused (nothing stored).
pub async fn store_picture(state: &AppState, bytes: Bytes, alt: String, shape: Shape) -> Result<StoredPicture, FieldError> {
    let done = match state.media.process(move || picture::process_as(&bytes, shape)).await {
        Ok(result) => result?,
        Err(e) => {
            tracing::error!(error = %e, "a picture's worker failed");
            return Err(FieldError::DamagedPicture);
        }
    };
    let key = new_key();
    if let Err(e) = put_variants(&state.media, &key, &done).await {
        tracing::error!(error = %e, "storing a picture failed");
        let _ = state.media.delete_under(&key).await;
        return Err(FieldError::DamagedPicture);
    }
    Ok(StoredPicture {
        bytes: i64::try_from(done.stored_bytes()).unwrap_or(i64::MAX),
        picture: Picture {
            key,
            alt,
            width: done.width,
            height: done.height,
            colour: done.colour,
            widths: done.variants.iter().map(|v| v.width).collect(),
        },
    })
}

async fn put_variants(media: &MediaStore, key: &str, done: &picture::Processed) -> Result<(), object_store::Error> {
    for v in &done.variants {
        media.put(&variant_path(key, v.width, PictureFormat::Webp), v.webp.clone()).await?;
        media.put(&variant_path(key, v.width, PictureFormat::Jpeg), v.jpeg.clone()).await?;
    }
    Ok(())
}

fn variant_path(key: &str, width: u32, format: PictureFormat) -> String {
    format!("{key}/{width}.{}", format.extension())
}

/// Deletes stored pictures whose holder was not written (a refused or failed publication).
pub async fn discard(state: &AppState, pictures: &[StoredPicture]) {
    for p in pictures {
        if let Err(e) = state.media.delete_under(&p.picture.key).await {
            tracing::warn!(error = %e, "a discarded picture's files stay until the orphan collection");
        }
    }
}

/// Writes the rows of a publication's pictures, refusing them past the person's quota. Inside
/// the publication's transaction.
pub async fn attach_to_post(tx: &mut Tx, owner: UserId, post_id: PostId, pictures: &[StoredPicture], now_ms: i64) -> Result<(), AppError> {
    if pictures.is_empty() {
        return Ok(());
    }
    within_quota(tx, owner, pictures.iter().map(|p| p.bytes).sum(), "photos").await?;
    for (position, p) in pictures.iter().enumerate() {
        insert_row(tx, Some(owner), MediaHolder::Post(post_id), position, p, now_ms).await?;
    }
    Ok(())
}

/// Refuses `adding` bytes more past the person's quota (the error on `field`). Inside the
/// writing transaction.
pub async fn within_quota(tx: &mut Tx, owner: UserId, adding: i64, field: &str) -> Result<(), AppError> {
    if store::media::bytes_of_owner(tx, owner).await? + adding > MAX_BYTES_PER_PERSON {
        return Err(AppError::field(field, FieldError::QuotaExceeded { max_mb: (MAX_BYTES_PER_PERSON / (1024 * 1024)) as u64 }));
    }
    Ok(())
}

/// The row of a stored picture, held by `holder`.
pub async fn insert_row(
    tx: &mut Tx,
    owner: Option<UserId>,
    holder: MediaHolder,
    position: usize,
    p: &StoredPicture,
    now_ms: i64,
) -> Result<(), AppError> {
    let widths: Vec<String> = p.picture.widths.iter().map(u32::to_string).collect();
    let row = store::media::NewMedia {
        key: &p.picture.key,
        owner_id: owner,
        holder,
        position: position as i64,
        alt: &p.picture.alt,
        width: i64::from(p.picture.width),
        height: i64::from(p.picture.height),
        colour: &p.picture.colour,
        widths: &widths.join(" "),
        bytes: p.bytes,
        now_ms,
    };
    store::media::insert(tx, &row).await?;
    Ok(())
}

/// The widest stored JPEG of each picture `owner` sent (their data export).
pub async fn files_of_owner(state: &AppState, owner: UserId) -> Result<Vec<(String, Bytes)>, AppError> {
    let mut files = Vec::new();
    for m in store::media::of_owner(&state.db, owner).await? {
        let Some(widest) = m.widths.split(' ').filter_map(|w| w.parse::<u32>().ok()).max() else { continue };
        let file = state.media.get(&variant_path(&m.key, widest, PictureFormat::Jpeg)).await.map_err(|e| {
            tracing::error!(error = %e, "reading a picture for an export failed");
            AppError::Internal
        })?;
        if let Some(bytes) = file {
            files.push((m.key, bytes));
        }
    }
    Ok(files)
}

/// A served picture file.
pub struct ServedPicture {
    pub bytes: Bytes,
    pub format: PictureFormat,
}

/// The file `{width}.{webp|jpg}` of picture `key`, for `subject`: what a missing picture answers
/// (not found) unless they may read its holder. Three statements with the session's.
pub async fn serve(state: &AppState, subject: &Subject, key: &str, file: &str) -> Result<ServedPicture, AppError> {
    let (width, format) = parse_file(file).ok_or(AppError::NotFound)?;
    if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let viewer = subject.id().unwrap_or(UserId::NONE);
    let holder = store::media::holder(&state.db, key, viewer).await?.ok_or(AppError::NotFound)?;
    if !holder.widths.split(' ').any(|w| w == width.to_string()) {
        return Err(AppError::NotFound);
    }
    if let Some(post_id) = holder.post_id {
        readable_post(state, subject, post_id).await?;
    } else if let Some(action_id) = holder.report_action {
        crate::server::services::reports::photos_readable(state, subject, action_id).await?;
    } else if !held_picture_readable(subject, &holder) {
        return Err(AppError::NotFound);
    }
    let bytes = state.media.get(&variant_path(key, width, format)).await.map_err(|e| {
        tracing::error!(error = %e, "reading a stored picture failed");
        AppError::Internal
    })?;
    Ok(ServedPicture { bytes: bytes.ok_or(AppError::NotFound)?, format })
}

/// An avatar is seen by whoever sees its person's profile (not while suspended), a section's
/// banner by anyone (like its page), a group's banner by those who see inside the group.
fn held_picture_readable(subject: &Subject, holder: &store::media::Holder) -> bool {
    if holder.avatar_of.is_some() {
        return policy::can_see_profile(holder.person_suspended_at.is_some());
    }
    if holder.section_banner.is_some() {
        return true;
    }
    match (holder.group_banner, holder.group_privacy) {
        (Some(_), Some(privacy)) => {
            let membership = if subject.is_active() {
                group_role(holder.viewer_group_role).unwrap_or(GroupMembership::None)
            } else {
                GroupMembership::None
            };
            policy::feed::can_see_group_inside(privacy, membership, subject)
        }
        _ => false,
    }
}

fn parse_file(file: &str) -> Option<(u32, PictureFormat)> {
    let (width, ext) = file.split_once('.')?;
    if width.is_empty() || width.len() > 5 || !width.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((width.parse().ok()?, PictureFormat::from_extension(ext)?))
}

/// Deletes the files of pictures whose row is gone (their publication or their sender's account
/// was deleted) or never came (a crash between storing and committing), once older than
/// `ORPHAN_GRACE_MS`. Returns how many pictures' files went.
pub async fn collect_orphans(state: &AppState, now_ms: i64) -> Result<usize, AppError> {
    let listed = state.media.list(None).await.map_err(|e| {
        tracing::error!(error = %e, "listing the media storage failed");
        AppError::Internal
    })?;
    // One key per picture: the oldest of its files says how old it is.
    let mut oldest: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for object in listed {
        if let Some((key, _)) = object.path.split_once('/') {
            let entry = oldest.entry(key.to_string()).or_insert(object.modified_ms);
            *entry = (*entry).min(object.modified_ms);
        }
    }
    let candidates: Vec<String> = oldest.into_iter().filter(|(_, at)| now_ms - at > ORPHAN_GRACE_MS).map(|(k, _)| k).collect();
    let mut collected = 0;
    for batch in candidates.chunks(200) {
        let known = store::media::known(&state.db, batch).await?;
        for key in batch.iter().filter(|k| !known.contains(k)) {
            if state.media.delete_under(key).await.is_ok() {
                collected += 1;
            }
        }
    }
    Ok(collected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stored_file_names_parse() {
        assert_eq!(parse_file("480.webp"), Some((480, PictureFormat::Webp)));
        assert_eq!(parse_file("1600.jpg"), Some((1600, PictureFormat::Jpeg)));
        assert_eq!(parse_file("480.svg"), None);
        assert_eq!(parse_file("../x.jpg"), None);
        assert_eq!(parse_file("480"), None);
    }
}
