//! Reading profiles through the policy, and editing one's own.

use crate::error::AppError;
use crate::model::feed::CoopainState;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::profile::{MyProfile, ProfileUpdate, ProfileView};
use crate::model::territory::{CommuneRef, FederationRef, SectionRef};
use crate::server::context::AppState;
use crate::server::db::is_unique_violation;
use crate::server::policy::{self, Relation, Subject};
use crate::server::services::media::picture_of;
use crate::server::services::social;
use crate::server::store::bundle::Bundle;
use crate::server::store::profiles::ProfileSlots;
use crate::server::store::social::{Link, LinkRow};
use crate::server::{now_ms, store};

/// The signed-in person's own profile, everything included.
pub async fn my_profile(state: &AppState, subject: &Subject) -> Result<MyProfile, AppError> {
    let db = &state.db;
    let user_id = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = store::users::by_id(db, user_id).await?.ok_or(AppError::NotFound)?;
    if !policy::can_read_private_account(subject, row.id) {
        return Err(AppError::Forbidden);
    }
    let profile = store::profiles::load(db, row.id).await?.unwrap_or_default();
    let place = store::members::belonging(db, row.id).await?;
    let commune = match place.as_ref().and_then(|p| p.commune_insee.as_deref()) {
        Some(insee) => store::territory::commune(db, insee).await?.map(|c| CommuneRef { insee: c.insee, name: c.name }),
        None => None,
    };
    let federation = match place.as_ref().and_then(|p| p.federation_code.as_deref()) {
        Some(code) => store::territory::departement(db, code).await?.map(|d| FederationRef { code: d.code, name: d.name }),
        None => None,
    };
    let section = match place.as_ref().and_then(|p| p.section_id) {
        Some(id) => store::sections::by_id(db, id).await?.map(|s| SectionRef { slug: s.slug, name: s.name }),
        None => None,
    };
    Ok(MyProfile {
        avatar: picture_of(&row.avatar),
        handle: row.handle,
        display_name: row.display_name,
        email: row.email,
        postal_code: row.postal_code,
        membership: row.membership,
        membership_status: row.membership_status,
        member_since_ms: row.created_at,
        bio: profile.bio,
        status: profile.status,
        mandates: profile.mandates,
        responsibilities: profile.responsibilities,
        interests: profile.interests,
        availabilities: profile.availabilities,
        visibilities: profile.visibilities,
        commune,
        section,
        federation,
    })
}

/// A member's profile as `viewer` may see it. Hidden fields are absent, and an unknown handle
/// is indistinguishable from any other missing page.
pub async fn member_profile(state: &AppState, viewer: &Subject, handle: &str) -> Result<ProfileView, AppError> {
    let db = &state.db;
    let row = store::users::by_handle(db, &handle.to_lowercase()).await?.ok_or(AppError::NotFound)?;
    if !policy::can_see_profile(row.suspended_at.is_some()) {
        return Err(AppError::NotFound);
    }
    let relation = Relation::between(viewer, row.id, row.section_id);
    // The profile and the viewer's link with this member, in one statement.
    let mut bundle = Bundle::new();
    let profile = ProfileSlots::add(&mut bundle, row.id.get());
    let me = viewer.id().filter(|me| *me != row.id);
    let link = me.map(|me| bundle.add::<LinkRow>(store::social::link_part(me, row.id)));
    let lists = bundle.run(db).await?;
    let profile = profile.read(&lists)?.unwrap_or_default();
    let coopain = match (viewer.id(), link) {
        (None, _) => None,
        (Some(_), None) => Some(CoopainState::Myself),
        (Some(_), Some(slot)) => lists.take(slot)?.first().map(|l| social::coopain_state(Link::from(*l))),
    };
    let v = &profile.visibilities;
    let show = |visibility| policy::can_see_profile_field(relation, visibility);
    let non_empty = |s: String| (!s.is_empty()).then_some(s);
    Ok(ProfileView {
        avatar: picture_of(&row.avatar),
        handle: row.handle,
        display_name: row.display_name,
        member_since_ms: row.created_at,
        is_me: relation.is_owner,
        bio: show(v.bio).then_some(profile.bio).and_then(non_empty),
        status: show(v.status).then_some(profile.status).and_then(non_empty),
        mandates: show(v.mandates).then_some(profile.mandates),
        responsibilities: show(v.responsibilities).then_some(profile.responsibilities),
        interests: show(v.interests).then_some(profile.interests),
        availabilities: show(v.availabilities).then_some(profile.availabilities),
        coopain,
    })
}

/// Saves the person's own profile in one transaction.
pub async fn update_profile(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user_id = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_edit_profile(subject, user_id) {
        return Err(AppError::Forbidden);
    }
    let update = ProfileUpdate::parse(form).map_err(AppError::Validation)?;
    let handle_taken = || {
        let mut errors = FieldErrors::default();
        errors.add("handle", FieldError::HandleTaken);
        AppError::Validation(errors)
    };
    let mut tx = state.db.begin().await?;
    if store::users::handle_taken_by_other(&mut tx, update.handle.as_str(), user_id).await? {
        return Err(handle_taken());
    }
    let now = now_ms();
    match store::users::update_identity(&mut tx, user_id, update.display_name.as_str(), update.handle.as_str(), now).await {
        Err(e) if is_unique_violation(&e, "users_handle_key", "users.handle") => return Err(handle_taken()),
        other => other?,
    }
    store::profiles::replace(&mut tx, user_id, &update, now).await?;
    tx.commit().await?;
    Ok(())
}
