//! Form posts of annonces (issue 19): the two steps of writing one (`etape=verifier`: the count of
//! recipients shown on the page again with what was typed; `etape=envoyer`: sent, or the count
//! again if it changed), and the one-click unsubscribe of annonce mails.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use app::error::AppError;
use app::model::announcements::TeamScope;
use app::model::form::{FieldError, FieldErrors, FormOutcome};
use app::server::services::announcements;

use crate::forms::render::{render_page, see_other, Submission};
use crate::state::ServerState;

pub async fn section(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    write(state, TeamScope::Section(slug), submission).await
}

pub async fn federation(State(state): State<ServerState>, Path(code): Path<String>, submission: Submission) -> Response {
    write(state, TeamScope::Federation(code), submission).await
}

async fn write(state: ServerState, scope: TeamScope, submission: Submission) -> Response {
    let page = scope.page();
    let subject = submission.subject();
    if submission.form.value("etape") == "envoyer" {
        let result = announcements::send(&state.app, &subject, &scope, &submission.form).await;
        match result {
            Ok(id) => see_other(&format!("/annonces/{id}")),
            // The recipients changed since the count was shown: why, and the new count to confirm.
            Err(AppError::Validation(errors)) if matches!(errors.get("segment"), Some(FieldError::RecipientsChanged { .. })) => {
                match announcements::preview(&state.app, &subject, &scope, &submission.form).await {
                    Ok(counts) => {
                        let mut response = show_count(&state, submission, &page, counts, errors).await;
                        *response.status_mut() = StatusCode::CONFLICT;
                        response
                    }
                    Err(error) => submission.answer(&state, Err(error), &page).await,
                }
            }
            Err(error) => submission.answer(&state, Err(error), &page).await,
        }
    } else {
        match announcements::preview(&state.app, &subject, &scope, &submission.form).await {
            Ok(counts) => show_count(&state, submission, &page, counts, Default::default()).await,
            Err(error) => submission.answer(&state, Err(error), &page).await,
        }
    }
}

/// The page again with what was typed and the count of recipients (`destinataires`, of whom
/// `par_courriel` by e-mail): the "Envoyer à N personnes" step.
async fn show_count(
    state: &ServerState,
    submission: Submission,
    page: &str,
    (count, by_mail): (i64, i64),
    errors: FieldErrors,
) -> Response {
    let mut values = submission.form.clone();
    values.0.retain(|(k, _)| k != "destinataires" && k != "par_courriel");
    values.0.push(("destinataires".into(), count.to_string()));
    values.0.push(("par_courriel".into(), by_mail.to_string()));
    render_page(state, submission.parts, page, FormOutcome { values, errors, problem: None }).await
}

/// `POST /desabonnement/{token}`: a mail client's RFC 8058 one-click (`List-Unsubscribe=One-Click`,
/// answered 200 with a line of text) or the page's button (back to the page, which says it is
/// done). Exempt from the Origin check: mail providers post from their servers; the link is the
/// proof, and all it can do is stop annonce mails.
pub async fn unsubscribe(State(state): State<ServerState>, Path(token): Path<String>, submission: Submission) -> Response {
    let one_click = submission.form.value("List-Unsubscribe") == "One-Click";
    match announcements::unsubscribe(&state.app, &token).await {
        Ok(()) if one_click => (StatusCode::OK, "Désabonnement des annonces par e-mail enregistré.").into_response(),
        Ok(()) => see_other(&format!("/desabonnement/{token}?fait=1")),
        Err(AppError::NotFound) if one_click => (StatusCode::NOT_FOUND, "Lien inconnu.").into_response(),
        Err(error) => submission.answer(&state, Err(error), &format!("/desabonnement/{token}")).await,
    }
}
