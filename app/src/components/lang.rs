//! Access to the page's language and texts.

use leptos::prelude::*;

use crate::i18n::feed::FeedTexts;
use crate::i18n::{Lang, Texts};

/// The language of this page, decided once per request by the server and read back from
/// `<html lang>` when the browser hydrates, so both sides render the same words.
pub fn detect_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::server::context::request_lang()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The page's language. Islands hydrate as separate roots in the browser, without the page's
/// context: they read it back from `<html lang>`.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(detect_lang)
}

pub fn use_texts() -> &'static Texts {
    use_lang().texts()
}

/// The feed's texts, for islands (see `Lang::feed_texts`).
pub fn use_feed_texts() -> &'static FeedTexts {
    use_lang().feed_texts()
}
