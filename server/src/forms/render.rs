//! The form edge: a submitted form as an axum extractor (`Submission`: who sends it, its fields,
//! where from), and its answer (`Submission::answer`: 303 to the next page, or the page again with
//! what was typed and why). A handler is then: the service's call, and where to go.

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use http::header::{LOCATION, RETRY_AFTER};
use http::{HeaderValue, Method, StatusCode};
use leptos::prelude::provide_context;

use app::error::AppError;
use app::model::form::{FieldErrors, FormOutcome, FormProblem, RawForm};
use app::server::context::{subject_of, ClientIp};
use app::server::policy::{SessionUser, Subject};

use crate::state::ServerState;

/// Largest form body accepted (the profile form is the biggest: a few KiB).
const MAX_FORM_BYTES: usize = 64 * 1024;

pub struct Submission {
    pub parts: http::request::Parts,
    pub form: RawForm,
}

/// A body too large or unreadable is answered at once (413, 400), before any handler runs.
impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = Response;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Response> {
        Self::read(request).await
    }
}

impl Submission {
    pub async fn read(request: Request) -> Result<Self, Response> {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| (StatusCode::PAYLOAD_TOO_LARGE, "Formulaire trop volumineux.").into_response())?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| (StatusCode::BAD_REQUEST, "Formulaire illisible.").into_response())?;
        Ok(Self { parts, form: RawForm(pairs) })
    }

    pub fn client_ip(&self) -> String {
        self.parts.extensions.get::<ClientIp>().map(|ip| ip.0.clone()).unwrap_or_default()
    }

    pub fn user(&self) -> Option<SessionUser> {
        subject_of(&self.parts.extensions).user
    }

    /// The policy subject of the person submitting (loaded with the session by the middleware).
    pub fn subject(&self) -> Subject {
        subject_of(&self.parts.extensions)
    }

    /// The form's `retour` if it is a local path, else `default`.
    pub fn back_or(&self, default: &str) -> String {
        safe_local_path(self.form.value("retour")).unwrap_or_else(|| default.to_string())
    }

    /// The answer: 303 to the page `next` names, or — the service refused — `page` rendered
    /// again with what was typed and why (sign-in first for someone no longer signed in).
    pub async fn answer(self, state: &ServerState, next: Result<String, AppError>, page: &str) -> Response {
        match next {
            Ok(location) => see_other(&location),
            Err(error) => rerender_at(state, self, page, &error).await,
        }
    }
}

/// 303 See Other to a local path.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// Only local paths are followed after sign-in ("/x", never "//host" or "https://…").
pub fn safe_local_path(candidate: &str) -> Option<String> {
    let ok = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.starts_with("/\\")
        && !candidate.chars().any(|c| c.is_control() || c == '\\');
    ok.then(|| candidate.to_string())
}

/// The outcome to show for a failed submission; what was typed comes back, passwords never do.
pub fn outcome_for(error: &AppError, form: &RawForm) -> FormOutcome {
    let values = form.without_secrets();
    match error {
        AppError::Validation(errors) => FormOutcome { values, errors: errors.clone(), problem: None },
        AppError::WrongCredentials => FormOutcome { values, errors: FieldErrors::default(), problem: Some(FormProblem::WrongCredentials) },
        AppError::RateLimited { retry_after_secs } => FormOutcome {
            values,
            errors: FieldErrors::default(),
            problem: Some(FormProblem::RateLimited { retry_after_secs: *retry_after_secs }),
        },
        AppError::Forbidden => FormOutcome { values, errors: FieldErrors::default(), problem: Some(FormProblem::Forbidden) },
        AppError::Suspended => FormOutcome { values, errors: FieldErrors::default(), problem: Some(FormProblem::Suspended) },
        _ => FormOutcome { values, errors: FieldErrors::default(), problem: Some(FormProblem::Internal) },
    }
}

/// Renders the page at the submission's URL, as a GET would, with `outcome` in context.
pub async fn rerender(state: &ServerState, submission: Submission, error: &AppError) -> Response {
    let path = submission.parts.uri.path().to_string();
    rerender_at(state, submission, &path, error).await
}

/// Renders the page at `page_path` with the outcome of a failed submission. A person who is no
/// longer signed in is sent to the sign-in page instead.
pub async fn rerender_at(state: &ServerState, submission: Submission, page_path: &str, error: &AppError) -> Response {
    if *error == AppError::NotAuthenticated {
        return see_other(&format!("/connexion?retour={}", page_path.replace('/', "%2F")));
    }
    let outcome = outcome_for(error, &submission.form);
    let mut response = render_page(state, submission.parts, page_path, outcome).await;
    *response.status_mut() = error.status();
    if let AppError::RateLimited { retry_after_secs } = error {
        if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
    }
    response
}

/// Renders the page at `page_path`, as a GET would, with `outcome` in context: a refused form
/// (what was typed and why), or a form's next step (what was typed and what the server found —
/// an annonce's count of recipients before it is sent).
pub async fn render_page(state: &ServerState, mut parts: http::request::Parts, page_path: &str, outcome: FormOutcome) -> Response {
    parts.method = Method::GET;
    if let Ok(uri) = page_path.parse() {
        parts.uri = uri;
    }
    let request = Request::from_parts(parts, Body::empty());
    let app_state = state.app.clone();
    let options = state.leptos.clone();
    let context = move || {
        provide_context(app_state.clone());
        provide_context(outcome.clone());
    };
    let render = leptos_axum::render_app_async_with_context(context, move || app::shell(options.clone()));
    render(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_local_path("/profil").as_deref(), Some("/profil"));
        assert_eq!(safe_local_path("//evil.example"), None);
        assert_eq!(safe_local_path("/\\evil.example"), None);
        assert_eq!(safe_local_path("https://evil.example"), None);
        assert_eq!(safe_local_path(""), None);
    }

    #[test]
    fn refused_sign_ins_never_echo_the_password() {
        let form = RawForm(vec![("email".into(), "a@b.fr".into()), ("password".into(), "hunter2hunter2".into())]);
        let outcome = outcome_for(&AppError::WrongCredentials, &form);
        assert_eq!(outcome.value("email"), "a@b.fr");
        assert_eq!(outcome.value("password"), "");
        assert_eq!(outcome.problem, Some(FormProblem::WrongCredentials));
    }
}
