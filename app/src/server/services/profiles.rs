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
    // The profile and where the person belongs, with its names, in one statement.
    let mut bundle = Bundle::new();
    let profile = ProfileSlots::add(&mut bundle, row.id.get());
    let place = bundle.add::<store::members::PlaceRow>(store::members::place_part(row.id));
    let lists = bundle.run(db).await?;
    let profile = profile.read(&lists)?.unwrap_or_default();
    let place = lists.take(place)?.into_iter().next();
    let place = place.as_ref();
    let commune = place.and_then(|p| Some(CommuneRef { insee: p.commune_insee.clone()?, name: p.commune_name.clone()? }));
    let federation = place.and_then(|p| Some(FederationRef { code: p.federation_code.clone()?, name: p.federation_name.clone()? }));
    let section = place.and_then(|p| Some(SectionRef { slug: p.section_slug.clone()?, name: p.section_name.clone()? }));
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
