//! "Mes consentements" (`/compte/consentements`): what the person agreed to, when, to which
//! version of the text; agreeing to a new version (asked at the next visit after it changes);
//! withdrawing the consent to the processing of political opinion, which means erasing the
//! account (Coopol exists to relate people to a party: without that consent it keeps nothing).

use crate::error::AppError;
use crate::i18n::Lang;
use crate::model::commands::account::{ErasureRequest, ERASURE_FORM_CURRENT};
use crate::model::consent::{self, ConsentView, ConsentsView};
use crate::model::form::RawForm;
use crate::server::context::AppState;
use crate::server::policy::Subject;
use crate::server::services::account::{check_current_password, owner};
use crate::server::services::erasure;
use crate::server::store::bundle::Bundle;
use crate::server::store::consents::{ConsentRow, METHOD_CONSENTS_PAGE, PURPOSE_POLITICAL_OPINION};
use crate::server::{now_ms, store};

/// The page: the history, newest first, and whether the current text waits for an answer — one
/// statement.
pub async fn view(state: &AppState, subject: &Subject, lang: Lang) -> Result<ConsentsView, AppError> {
    let user = owner(subject)?;
    let mut bundle = Bundle::new();
    let consents = bundle.add(store::consents::for_user_part(user.id));
    let erasure = bundle.add(store::erasure::pending_part(user.id));
    let lists = bundle.run(&state.db).await?;
    // The charter's acceptances are on `/charte`; this page is the processing of data's consent.
    let rows: Vec<ConsentRow> = lists.take(consents)?.into_iter().filter(|r: &ConsentRow| r.purpose == PURPOSE_POLITICAL_OPINION).collect();
    let pending: Option<store::erasure::PendingErasure> = lists.take(erasure)?.into_iter().next();
    // The newest consent not withdrawn (`rows` are newest first).
    let in_force = rows.iter().position(|r| r.purpose == PURPOSE_POLITICAL_OPINION && r.withdrawn_at.is_none());
    let due = consent::is_due(in_force.map(|i| rows[i].text_version.as_str()));
    Ok(ConsentsView {
        due,
        current_version: consent::CURRENT_VERSION.to_string(),
        current_text: consent::text_of(consent::CURRENT_VERSION, lang).unwrap_or_default().to_string(),
        consents: rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| ConsentView {
                in_force: !due && in_force == Some(i),
                text: consent::text_of(&r.text_version, lang).map(str::to_string),
                version: r.text_version,
                method: r.method,
                granted_ms: r.granted_at,
                withdrawn_ms: r.withdrawn_at,
            })
            .collect(),
        erasure_effective_ms: pending.map(|p| p.effective_at),
    })
}

/// "J'accepte" the current text (nothing new when it is already in force).
pub async fn accept(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let user = owner(subject)?;
    let mut tx = state.db.begin().await?;
    let in_force = store::consents::in_force(&mut tx, user.id, PURPOSE_POLITICAL_OPINION).await?;
    if consent::is_due(in_force.as_deref()) {
        let now = now_ms();
        // The older consent is replaced by this one: one in force at a time.
        store::consents::withdraw(&mut tx, user.id, PURPOSE_POLITICAL_OPINION, now).await?;
        store::consents::record(&mut tx, user.id, PURPOSE_POLITICAL_OPINION, consent::CURRENT_VERSION, METHOD_CONSENTS_PAGE, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// "J'accepte la charte": records the acceptance of the version in force (once).
pub async fn accept_charter(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    use crate::model::moderation::{charter_due, CHARTER_VERSION};
    use crate::server::store::consents::{METHOD_CHARTER_PAGE, PURPOSE_CHARTER};
    let user = owner(subject)?;
    let mut tx = state.db.begin().await?;
    let in_force = store::consents::in_force(&mut tx, user.id, PURPOSE_CHARTER).await?;
    if charter_due(in_force.as_deref()) {
        let now = now_ms();
        store::consents::withdraw(&mut tx, user.id, PURPOSE_CHARTER, now).await?;
        store::consents::record(&mut tx, user.id, PURPOSE_CHARTER, CHARTER_VERSION, METHOD_CHARTER_PAGE, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Withdraws the consent (the current password confirms it) and asks for the erasure of the
/// account, with its delay and its cancel link, in one transaction. Cancelling the erasure keeps
/// the account without a consent in force: the next visit asks for it again.
pub async fn withdraw(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user = owner(subject)?;
    let ErasureRequest { current } = ErasureRequest::parse(form).map_err(AppError::Validation)?;
    check_current_password(state, user.id, current, ERASURE_FORM_CURRENT).await?;
    erasure::limit_requests(state, user.id).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    store::consents::withdraw(&mut tx, user.id, PURPOSE_POLITICAL_OPINION, now).await?;
    erasure::schedule(&mut tx, state, user.id, now).await?;
    tx.commit().await?;
    Ok(())
}
