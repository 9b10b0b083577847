//! Pictures as pages show them: a stored picture's address, its size (so the page reserves its
//! place before it loads) and a placeholder colour. The files themselves are served by a checked
//! route, `/medias/{key}/{width}.{webp|jpg}`, that asks whether the reader may see their holder.

use serde::{Deserialize, Serialize};

/// The file field of the forms that send an avatar or a banner.
pub const PHOTO_FIELD: &str = "photo";

/// Largest picture file accepted (a phone's 12-megapixel JPEG weighs 3–8 MB).
pub const MAX_PICTURE_BYTES: usize = 20 * 1024 * 1024;

/// A processed picture: the widths it was stored at, in both encodings (WebP, JPEG fallback).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// Random, unguessable, and the picture's name in the storage: `{key}/{width}.webp`.
    pub key: String,
    /// Description for people who do not see it (empty: decorative).
    pub alt: String,
    /// The full size after orientation (the widest variant's size is this, scaled).
    pub width: u32,
    pub height: u32,
    /// `#rrggbb`: the picture's average colour, shown while it loads.
    pub colour: String,
    /// Stored widths, ascending.
    pub widths: Vec<u32>,
}

/// The encodings a picture is stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    Webp,
    Jpeg,
}

impl PictureFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Webp => "webp",
            PictureFormat::Jpeg => "jpg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PictureFormat::Webp => "image/webp",
            PictureFormat::Jpeg => "image/jpeg",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "webp" => Some(PictureFormat::Webp),
            "jpg" => Some(PictureFormat::Jpeg),
            _ => None,
        }
    }
}

impl Picture {
    /// The address of one stored variant.
    pub fn src(&self, width: u32, format: PictureFormat) -> String {
        format!("/medias/{}/{width}.{}", self.key, format.extension())
    }

    /// `srcset` for one encoding: every stored width.
    pub fn srcset(&self, format: PictureFormat) -> String {
        self.widths.iter().map(|w| format!("{} {w}w", self.src(*w, format))).collect::<Vec<_>>().join(", ")
    }

    /// The narrowest stored width of at least `wanted` pixels (the widest if none is).
    pub fn width_for(&self, wanted: u32) -> u32 {
        self.widths.iter().copied().find(|w| *w >= wanted).or_else(|| self.widths.last().copied()).unwrap_or(self.width)
    }

    /// The height of the variant `width` wide (rounded like the resizer rounds it).
    pub fn height_at(&self, width: u32) -> u32 {
        if self.width == 0 {
            return 0;
        }
        ((u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2) / u64::from(self.width)) as u32
    }

    /// Whether `width` is one of the stored widths (the serving route answers 404 otherwise).
    pub fn has_width(&self, width: u32) -> bool {
        self.widths.contains(&width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture() -> Picture {
        Picture { key: "k".into(), alt: String::new(), width: 1600, height: 1200, colour: "#808080".into(), widths: vec![480, 960, 1600] }
    }

    #[test]
    fn srcset_lists_every_width() {
        assert_eq!(picture().srcset(PictureFormat::Webp), "/medias/k/480.webp 480w, /medias/k/960.webp 960w, /medias/k/1600.webp 1600w");
    }

    #[test]
    fn width_for_picks_the_narrowest_wide_enough() {
        let p = picture();
        assert_eq!(p.width_for(400), 480);
        assert_eq!(p.width_for(961), 1600);
        assert_eq!(p.width_for(5000), 1600);
        assert_eq!(p.height_at(480), 360);
    }
}
