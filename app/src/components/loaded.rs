//! The skeleton every page with data shares: wait for its (blocking) resource, then show the page,
//! or the error view (not found, sign in first, or the error page with its status).

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;
use crate::pages::error_view::ErrorView;

/// `then(data)` once `resource` is loaded, or `ErrorView`. The resource is blocking, so the HTTP
/// status and the HTML are final before the first byte.
#[component]
pub fn Loaded<T, V, F>(resource: Resource<Result<T, AppError>>, then: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let then = then.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => then(data).into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
