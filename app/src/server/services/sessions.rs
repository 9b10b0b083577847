//! Opening, resolving and closing sessions.

use crate::error::AppError;
use crate::server::auth::session_token;
use crate::server::context::SessionUser;
use crate::server::db::{Db, Tx};
use crate::server::{now_ms, store};

/// Opens a session inside the caller's transaction and returns the cookie token.
pub async fn open_in(tx: &mut Tx, user_id: i64) -> Result<String, sqlx::Error> {
    let token = session_token::generate();
    let now = now_ms();
    store::sessions::insert(tx, &session_token::hash(&token), user_id, now, now + session_token::LIFETIME_MS).await?;
    Ok(token)
}

/// The user behind a cookie token, sliding the session's expiry now and then.
pub async fn resolve(db: &Db, token: &str) -> Result<Option<SessionUser>, AppError> {
    let token_hash = session_token::hash(token);
    let now = now_ms();
    let Some(row) = store::sessions::find_user(db, &token_hash, now).await? else {
        return Ok(None);
    };
    if now - row.last_seen_at > session_token::TOUCH_EVERY_MS {
        let mut tx = db.begin().await?;
        store::sessions::touch(&mut tx, &token_hash, now, now + session_token::LIFETIME_MS).await?;
        tx.commit().await?;
    }
    Ok(Some(SessionUser {
        id: row.user_id,
        handle: row.handle,
        display_name: row.display_name,
        section_slug: row.section_slug,
        federation_code: row.federation_code,
        token_hash,
    }))
}

/// Closes this device's session.
pub async fn close(db: &Db, user: &SessionUser) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    store::sessions::delete(&mut tx, &user.token_hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Closes every session of the user, on every device.
pub async fn close_all(db: &Db, user: &SessionUser) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    let closed = store::sessions::delete_all_for_user(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(closed)
}

pub async fn purge_expired(db: &Db) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    let removed = store::sessions::delete_expired(&mut tx, now_ms()).await?;
    tx.commit().await?;
    Ok(removed)
}
