//! The reader's language: French by default, English available; chosen by the `lang` cookie, else
//! the browser's `Accept-Language` (negotiated once per request by the server's middleware).

use serde::{Deserialize, Serialize};

use super::{feed, Texts, EN, FR};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// Picks from an `Accept-Language` header by quality; French when unsure.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::from_code(primary) {
                if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                    best = Some((quality, lang));
                }
            }
        }
        best.map(|(_, lang)| lang).unwrap_or_default()
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The feed's texts alone. Islands use these: reaching them through `texts()` would link
    /// every text of every page (and their formatting code) into the WebAssembly.
    pub fn feed_texts(self) -> &'static feed::FeedTexts {
        match self {
            Lang::Fr => &feed::FR,
            Lang::En => &feed::EN,
        }
    }
}
