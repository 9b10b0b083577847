use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::territory::list_federations::list_federations;
use crate::components::lang::use_texts;
use crate::pages::error_view::ErrorView;

/// Every federation, one per département.
#[component]
pub fn FederationsPage() -> impl IntoView {
    let t = use_texts().territory;
    let list = OnceResource::new_blocking(list_federations());
    view! {
        <Title text=t.federations_title />
        <section class="page">
            <h1>{t.federations_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(feds) => view! {
                            <ul class="columns">
                                {feds.into_iter().map(|f| view! {
                                    <li><a href=format!("/federations/{}", f.code)>{f.code.clone()}" — "{f.name}</a></li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
