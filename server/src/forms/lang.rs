//! GET /langue/{code}?retour=/page — remembers the language choice and goes back.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use app::i18n::Lang;

use crate::forms::render::{safe_local_path, see_other};
use crate::middleware::cookies;
use crate::state::ServerState;

#[derive(Deserialize)]
pub struct Back {
    retour: Option<String>,
}

pub async fn switch(State(state): State<ServerState>, Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let target = back.retour.as_deref().and_then(safe_local_path).unwrap_or_else(|| "/".to_string());
    let mut response = see_other(&target);
    if let Some(lang) = Lang::from_code(&code) {
        cookies::set_lang(response.headers_mut(), lang.code(), state.app.settings.secure_cookies());
    }
    response
}
