//! Avatars and banners: the one picture a person, a section or a group holds. Sent in a plain
//! multipart form (its file in `photo`), cut to its shape and stored like a publication's photos.
//! Replacing one takes the old off in the same transaction as the new row; the old files are
//! deleted once it committed (or by the orphan collection if that fails). Who may change each:
//! the person their own avatar, the section's team its banner, a group's admins theirs.

use crate::error::AppError;
use crate::model::form::FieldError;
use crate::model::ids::UserId;
use crate::server::context::AppState;
use crate::server::media::picture::Shape;
use crate::server::media::Upload;
use crate::server::policy::{self, SectionScope, Subject};
use crate::server::services::groups;
use crate::server::services::media::{discard, insert_row, store_picture, within_quota, StoredPicture};
use crate::server::services::posts::posting_allowed;
use crate::server::store::media::MediaHolder;
use crate::server::{now_ms, store};

pub use crate::model::media::PHOTO_FIELD;

/// The signed-in person's new avatar.
pub async fn set_avatar(state: &AppState, subject: &Subject, uploads: &[Upload]) -> Result<(), AppError> {
    let me = avatar_owner(subject)?;
    replace(state, me, MediaHolder::Avatar(me), Some(me), Shape::Avatar, uploads).await
}

pub async fn remove_avatar(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let me = avatar_owner(subject)?;
    remove(state, MediaHolder::Avatar(me)).await
}

pub async fn set_section_banner(state: &AppState, subject: &Subject, slug: &str, uploads: &[Upload]) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let holder = section_banner(state, subject, slug).await?;
    replace(state, me, holder, None, Shape::Banner, uploads).await
}

pub async fn remove_section_banner(state: &AppState, subject: &Subject, slug: &str) -> Result<(), AppError> {
    let holder = section_banner(state, subject, slug).await?;
    remove(state, holder).await
}

pub async fn set_group_banner(state: &AppState, subject: &Subject, slug: &str, uploads: &[Upload]) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let holder = group_banner(state, subject, slug).await?;
    replace(state, me, holder, None, Shape::Banner, uploads).await
}

pub async fn remove_group_banner(state: &AppState, subject: &Subject, slug: &str) -> Result<(), AppError> {
    let holder = group_banner(state, subject, slug).await?;
    remove(state, holder).await
}

fn avatar_owner(subject: &Subject) -> Result<UserId, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_edit_profile(subject, me) {
        return Err(AppError::Forbidden);
    }
    Ok(me)
}

/// A section's banner, for its team (who edit its name and description).
async fn section_banner(state: &AppState, subject: &Subject, slug: &str) -> Result<MediaHolder, AppError> {
    subject.id().ok_or(AppError::NotAuthenticated)?;
    let section = store::sections::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let scope = SectionScope { id: section.id, federation_code: section.federation_code };
    if !policy::can_edit_section(subject, &scope) {
        return Err(AppError::Forbidden);
    }
    Ok(MediaHolder::SectionBanner(section.id))
}

/// A group's banner, for its admins.
async fn group_banner(state: &AppState, subject: &Subject, slug: &str) -> Result<MediaHolder, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let group = store::groups::by_slug(&state.db, me, slug).await?.ok_or(AppError::NotFound)?;
    if !policy::feed::can_administer_group(subject, groups::summary(subject, &group).membership) {
        return Err(AppError::Forbidden);
    }
    Ok(MediaHolder::GroupBanner(group.id))
}

/// Stores the form's picture for `holder` (authorized by the caller) in place of the one it held.
/// `owner`: whose quota counts it (a person's avatar; a banner is its holder's, nobody's).
async fn replace(
    state: &AppState,
    sender: UserId,
    holder: MediaHolder,
    owner: Option<UserId>,
    shape: Shape,
    uploads: &[Upload],
) -> Result<(), AppError> {
    let upload = uploads.iter().find(|u| u.field == PHOTO_FIELD).ok_or(AppError::field(PHOTO_FIELD, FieldError::Required))?;
    let bytes = upload.bytes().map_err(|e| AppError::field(PHOTO_FIELD, e))?.clone();
    posting_allowed(state, sender).await?;
    let stored = store_picture(state, bytes, String::new(), shape).await.map_err(|e| AppError::field(PHOTO_FIELD, e))?;
    match write(state, holder, owner, &stored).await {
        Ok(old) => {
            delete_files(state, old).await;
            Ok(())
        }
        Err(e) => {
            discard(state, std::slice::from_ref(&stored)).await;
            Err(e)
        }
    }
}

/// In one transaction: the old row off, the quota, the new row, the picture as pages draw it.
async fn write(state: &AppState, holder: MediaHolder, owner: Option<UserId>, stored: &StoredPicture) -> Result<Option<String>, AppError> {
    let drawn = serde_json::to_string(&stored.picture).map_err(|_| AppError::Internal)?;
    let mut tx = state.db.begin().await?;
    let old = store::media::take_off(&mut tx, holder).await?;
    if let Some(owner) = owner {
        within_quota(&mut tx, owner, stored.bytes, PHOTO_FIELD).await?;
    }
    insert_row(&mut tx, owner, holder, 0, stored, now_ms()).await?;
    store::media::set_drawn(&mut tx, holder, &drawn).await?;
    tx.commit().await?;
    Ok(old)
}

async fn remove(state: &AppState, holder: MediaHolder) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let old = store::media::take_off(&mut tx, holder).await?;
    store::media::set_drawn(&mut tx, holder, "").await?;
    tx.commit().await?;
    delete_files(state, old).await;
    Ok(())
}

/// The files of a picture taken off; left to the orphan collection if the storage fails now.
async fn delete_files(state: &AppState, key: Option<String>) {
    if let Some(key) = key {
        if let Err(e) = state.media.delete_under(&key).await {
            tracing::warn!(error = %e, "a replaced picture's files stay until the orphan collection");
        }
    }
}
