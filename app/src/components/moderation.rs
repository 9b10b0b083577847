//! The moderation controls drawn under an item: "Modérer" for the moderators who may take it up.
//! ("Signaler" is a plain link to its form.)

use leptos::prelude::*;

use crate::components::lang::use_texts;
use crate::model::moderation::ItemKind;

/// "Modérer": opens (or finds) the item's case, where the decision is taken with a rule of the
/// charter and a reason. A form post, so it works without JavaScript.
#[component]
pub fn TakeUp(kind: ItemKind, key: String, back: String) -> impl IntoView {
    let m = use_texts().moderation;
    view! {
        <form method="post" action=format!("/moderer/{}/{key}", kind.slug()) class="inline-form">
            <input type="hidden" name="form" value="moderer" />
            <input type="hidden" name="retour" value=back />
            <button type="submit" class="link-button">{m.take_up}</button>
        </form>
    }
}
