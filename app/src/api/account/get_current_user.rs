use leptos::prelude::*;

use crate::error::AppError;
use crate::model::user::CurrentUser;

/// Who is signed in on this request (nobody → `None`). Reads only the session already resolved
/// by the middleware: no database access.
#[server]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    let user = crate::server::context::session_user();
    Ok(user.map(|u| CurrentUser {
        id: u.id,
        handle: u.handle,
        display_name: u.display_name,
        section_slug: u.section_slug,
        federation_code: u.federation_code,
    }))
}
