//! The live parts of debates and votes. The server draws every contribution, proposition and
//! count; these islands only fetch the page again when the stream says the debate moved (or a
//! ballot was cast) and take the parts marked `data-live-list` / `data-live-text`
//! (`components::fetched::refresh_marked`), keeping an item someone is writing in. Without
//! JavaScript the pages are plain: forms that post, and the page shows what is new when loaded.

use leptos::prelude::*;

use crate::components::live::use_live;
use crate::components::messages::Refresher;

/// A debate's contributions, propositions and thread, drawn again from the server when it moves.
#[island]
pub fn LiveDebate(debate: i64, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let refresh = Refresher::new(move || async move {
        crate::components::fetched::refresh_marked(root, None).await;
    });
    if let Some(live) = use_live() {
        Effect::new(move |_| {
            if live.debate.get().is_some_and(|(_, moved)| moved == debate) {
                refresh.run();
            }
        });
    }
    view! { <div class="live-debate" node_ref=root>{children()}</div> }
}

/// A vote's participation ("3 votant·es sur 12 inscrit·es"), counted again when a ballot is cast.
#[island]
pub fn LiveParticipation(vote: i64, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let refresh = Refresher::new(move || async move {
        crate::components::fetched::refresh_marked(root, Some(format!("/votes/{vote}"))).await;
    });
    if let Some(live) = use_live() {
        Effect::new(move |_| {
            if live.vote.get().is_some_and(|(_, cast)| cast == vote) {
                refresh.run();
            }
        });
    }
    view! { <div class="live-participation" node_ref=root>{children()}</div> }
}
