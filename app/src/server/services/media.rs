//! Pictures: made (processed on the worker pool, stored), read (through their holder's rule) and
//! collected (files whose row is gone). A picture is read only by who may read what holds it:
//! the serving route asks `readable` of the holder before reading a byte of the file.

use bytes::Bytes;

use crate::error::AppError;
use crate::model::form::{FieldError, FieldErrors};
use crate::model::ids::{PostId, UserId};
use crate::model::media::{Picture, PictureFormat};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::media::{new_key, picture, MediaStore};
use crate::server::policy::Subject;
use crate::server::services::feed::readable_post;
use crate::server::store;

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

pub fn pictures_json(pictures: &[StoredPicture]) -> String {
    if pictures.is_empty() {
        return String::new();
    }
    let list: Vec<&Picture> = pictures.iter().map(|p| &p.picture).collect();
    serde_json::to_string(&list).unwrap_or_default()
}

/// Processes every picture (two at a time, off the async runtime) and stores their files. All
/// or nothing: one refused picture (its slot's field says why) and none is kept.
pub async fn store_pictures(state: &AppState, uploads: Vec<PictureUpload>) -> Result<Vec<StoredPicture>, FieldErrors> {
    let mut processed = Vec::new();
    let mut errors = FieldErrors::default();
    let jobs: Vec<_> = uploads
        .into_iter()
        .map(|u| {
            let media = state.media.clone();
            async move {
                let bytes = u.bytes.clone();
                let result = media.process(move || picture::process(&bytes)).await;
                (u, result)
            }
        })
        .collect();
    for (upload, result) in futures_util::future::join_all(jobs).await {
        match result {
            Ok(Ok(done)) => processed.push((upload, done)),
            Ok(Err(refusal)) => errors.add(&format!("photo_{}", upload.slot), refusal),
            Err(e) => {
                tracing::error!(error = %e, "a picture's worker failed");
                errors.add(&format!("photo_{}", upload.slot), FieldError::DamagedPicture);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut stored = Vec::new();
    for (upload, done) in processed {
        let key = new_key();
        match put_variants(&state.media, &key, &done).await {
            Ok(()) => {}
            Err(e) => {
                tracing::error!(error = %e, "storing a picture failed");
                let _ = state.media.delete_under(&key).await;
                discard(state, &stored).await;
                let mut errors = FieldErrors::default();
                errors.add(&format!("photo_{}", upload.slot), FieldError::DamagedPicture);
                return Err(errors);
            }
        }
        stored.push(StoredPicture {
            bytes: i64::try_from(done.stored_bytes()).unwrap_or(i64::MAX),
            picture: Picture {
                key,
                alt: upload.alt,
                width: done.width,
                height: done.height,
                colour: done.colour,
                widths: done.variants.iter().map(|v| v.width).collect(),
            },
        });
    }
    Ok(stored)
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
    let adding: i64 = pictures.iter().map(|p| p.bytes).sum();
    if store::media::bytes_of_owner(tx, owner).await? + adding > MAX_BYTES_PER_PERSON {
        return Err(AppError::field("photos", FieldError::QuotaExceeded { max_mb: (MAX_BYTES_PER_PERSON / (1024 * 1024)) as u64 }));
    }
    for (position, p) in pictures.iter().enumerate() {
        let widths: Vec<String> = p.picture.widths.iter().map(u32::to_string).collect();
        let row = store::media::NewMedia {
            key: &p.picture.key,
            owner_id: owner,
            post_id,
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
    }
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
    let holder = store::media::holder(&state.db, key).await?.ok_or(AppError::NotFound)?;
    if !holder.widths.split(' ').any(|w| w == width.to_string()) {
        return Err(AppError::NotFound);
    }
    match holder.post_id {
        Some(post_id) => {
            readable_post(state, subject, post_id).await?;
        }
        None => return Err(AppError::NotFound),
    }
    let bytes = state.media.get(&variant_path(key, width, format)).await.map_err(|e| {
        tracing::error!(error = %e, "reading a stored picture failed");
        AppError::Internal
    })?;
    Ok(ServedPicture { bytes: bytes.ok_or(AppError::NotFound)?, format })
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
