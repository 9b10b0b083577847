use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::api::territory::get_national_journal::get_national_journal;
use crate::components::lang::use_texts;
use crate::components::territory::AuditList;
use crate::error::AppError;
use crate::pages::error_view::ErrorView;

/// `/admin/journal`: what happened at the national level (national admins only).
#[component]
pub fn NationalJournalPage() -> impl IntoView {
    let t = use_texts().territory;
    let journal = OnceResource::new_blocking(get_national_journal());
    view! {
        <Title text=t.national_journal />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match journal.await {
                    Ok(entries) => view! {
                        <section class="page">
                            <h1>{t.national_journal}</h1>
                            <AuditList entries />
                        </section>
                    }.into_any(),
                    Err(AppError::NotAuthenticated) => view! { <Redirect path="/connexion?retour=%2Fadmin%2Fjournal" /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
