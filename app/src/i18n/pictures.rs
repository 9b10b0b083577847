//! Texts of avatars and banners: the forms that change them and what pages say of them.

texts! {
    pub struct PictureTexts {
        avatar_legend: &'static str { fr: "Photo de profil", en: "Profile picture" }
        avatar_hint: &'static str {
            fr: "JPEG, PNG ou WebP, 20\u{a0}Mo au plus. Elle est recadrée en carré, au centre, et ses métadonnées (position GPS comprise) sont effacées.",
            en: "JPEG, PNG or WebP, 20 MB at most. It is cropped to a centred square, and its metadata (GPS position included) is removed.",
        }
        no_avatar: &'static str { fr: "Tu n’as pas encore de photo.", en: "You have no picture yet." }
        avatar_of: fn(&str) -> String { fr: |who| format!("Photo de {who}"), en: |who| format!("Picture of {who}") }
        file_label: &'static str { fr: "Choisis une photo", en: "Choose a picture" }
        save_avatar: &'static str { fr: "Enregistrer la photo", en: "Save the picture" }
        remove_avatar: &'static str { fr: "Retirer la photo", en: "Remove the picture" }
        banner_legend: &'static str { fr: "Bannière", en: "Banner" }
        banner_hint: &'static str {
            fr: "JPEG, PNG ou WebP, 20\u{a0}Mo au plus. Elle est recadrée en bandeau trois fois plus large que haut, au centre, et ses métadonnées sont effacées.",
            en: "JPEG, PNG or WebP, 20 MB at most. It is cropped to a centred band three times as wide as high, and its metadata is removed.",
        }
        no_banner: &'static str { fr: "Pas encore de bannière.", en: "No banner yet." }
        save_banner: &'static str { fr: "Enregistrer la bannière", en: "Save the banner" }
        remove_banner: &'static str { fr: "Retirer la bannière", en: "Remove the banner" }
        sending: &'static str { fr: "Envoi en cours…", en: "Uploading…" }
    }
}
