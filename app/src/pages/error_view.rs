use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::components::lang::use_texts;
use crate::components::layout::encode_component;
use crate::error::AppError;
use crate::pages::not_found::NotFound;

/// What a page shows when its data could not be loaded. Says nothing about the cause. A page
/// for signed-in people sends a visitor to the sign-in page, which brings them back after.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    if error == AppError::NotFound {
        return view! { <NotFound /> }.into_any();
    }
    if error == AppError::NotAuthenticated {
        let here = use_location().pathname.get_untracked();
        return view! { <Redirect path=format!("/connexion?retour={}", encode_component(&here)) /> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    let t = use_texts();
    view! {
        <Title text=t.error_title />
        <section class="page narrow">
            <h1>{t.error_title}</h1>
            <p>{t.error_text}</p>
            <p><a class="button" href="/">{t.back_home}</a></p>
        </section>
    }
    .into_any()
}
