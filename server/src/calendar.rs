//! Calendar files: `GET /actions/{id}.ics` (one action) and `GET /calendrier/{token}` (a
//! person's secret feed). The router cannot match a parameter followed by `.ics` in one segment,
//! so `rewrite_ics_paths` turns `/actions/12.ics` into `/calendrier/action/12` before routing.

use app::model::ids::ActionId;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode, Uri};

use app::error::AppError;
use app::server::context::subject_of;
use app::server::services::calendar;

use crate::state::ServerState;

const ICS: &str = "text/calendar; charset=utf-8";

/// The site's origin for links inside calendars: the configured public URL, else the Host.
fn base(state: &ServerState, request: &Request) -> String {
    if let Some(url) = state.app.settings.public_url.as_deref() {
        return url.trim_end_matches('/').to_string();
    }
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let host: String = host.chars().filter(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(*c)).collect();
    format!("http://{host}")
}

fn answer(result: Result<String, AppError>, filename: &str) -> Response {
    match result {
        Ok(body) => {
            let disposition = format!("inline; filename=\"{filename}\"");
            let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, ICS)], body).into_response();
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(AppError::Internal) => (StatusCode::INTERNAL_SERVER_ERROR, "Erreur interne.").into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "Agenda introuvable.").into_response(),
    }
}

pub async fn action_file(State(state): State<ServerState>, Path(id): Path<ActionId>, request: Request) -> Response {
    let base = base(&state, &request);
    let subject = subject_of(request.extensions());
    let result = calendar::action_file(&state.app, &subject, id, &base).await;
    answer(result, &format!("action-{id}.ics"))
}

pub async fn personal_feed(State(state): State<ServerState>, Path(token): Path<String>, request: Request) -> Response {
    let base = base(&state, &request);
    let token = token.trim_end_matches(".ics");
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return answer(Err(AppError::NotFound), "");
    }
    answer(calendar::personal_feed(&state.app, token, &base).await, "coopol.ics")
}

/// `/actions/{digits}.ics` → `/calendrier/action/{digits}` (query kept); other paths untouched.
pub async fn rewrite_ics_paths(mut request: Request) -> Request {
    let path = request.uri().path();
    let id = path
        .strip_prefix("/actions/")
        .and_then(|rest| rest.strip_suffix(".ics"))
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()));
    if let Some(id) = id {
        let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
        if let Ok(uri) = format!("/calendrier/action/{id}{query}").parse::<Uri>() {
            *request.uri_mut() = uri;
        }
    }
    request
}
