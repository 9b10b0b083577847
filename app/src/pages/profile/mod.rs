use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::api::profile::get_my_profile::get_my_profile;
use crate::components::form::use_form_outcome;
use crate::components::lang::use_texts;
use crate::error::AppError;
use crate::pages::error_view::ErrorView;

mod editor;
mod my_place;

use editor::ProfileEditor;
use my_place::MyPlace;

/// The person's own profile: edit every field and who sees it; private data; sessions.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let t = use_texts();
    let profile = OnceResource::new_blocking(get_my_profile());
    let outcome = use_form_outcome();
    let query = use_query_map();
    view! {
        <Title text=t.profile_title />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let outcome = outcome.await;
                match profile.await {
                    Ok(profile) => {
                        let saved = outcome.is_none() && query.read_untracked().get("enregistre").is_some();
                        // Three forms post back here; each shows only its own outcome.
                        let place_outcome = outcome.clone().filter(|o| o.values.value("form") == "commune");
                        let photo_outcome = outcome.clone().filter(|o| o.values.value("form") == "photo");
                        let outcome = outcome.filter(|o| !["commune", "photo"].contains(&o.values.value("form")));
                        view! {
                            {view! { <ProfileEditor profile=profile.clone() outcome photo_outcome saved /> }.into_any()}
                            {view! { <MyPlace profile place_outcome /> }.into_any()}
                        }.into_any()
                    }
                    Err(AppError::NotAuthenticated) => view! { <Redirect path="/connexion?retour=%2Fprofil" /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
