//! Pictures as cards draw them: `<picture>` with a WebP `srcset` and its JPEG fallback, the
//! size written on the `<img>` (the page reserves the place before the file arrives: no layout
//! shift), lazy loading, and the picture's average colour behind it meanwhile (an SVG `fill`:
//! the CSP allows no `style` attribute).

use leptos::prelude::*;

use crate::model::media::{Picture, PictureFormat};

/// A publication's pictures: one full width, or a grid of two columns.
#[component]
pub fn PostPictures(pictures: Vec<Picture>, default_alt: String) -> impl IntoView {
    if pictures.is_empty() {
        return ().into_any();
    }
    // The widths a card gives each picture: the card is the screen's width on a phone, 40rem at most.
    let sizes = if pictures.len() == 1 { "(min-width: 44rem) 40rem, 100vw" } else { "(min-width: 44rem) 20rem, 50vw" };
    let class = format!("post-pictures count-{}", pictures.len());
    view! {
        <div class=class>
            {pictures
                .into_iter()
                .map(|p| {
                    let alt = if p.alt.is_empty() { default_alt.clone() } else { p.alt.clone() };
                    view! { <PictureFrame picture=p alt sizes /> }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn PictureFrame(picture: Picture, alt: String, sizes: &'static str) -> impl IntoView {
    let fallback = picture.width_for(960);
    let widest = picture.widths.last().copied().unwrap_or(picture.width);
    let (w, h) = (fallback, picture.height_at(fallback));
    view! {
        <figure class="picture-frame">
            <svg class="picture-placeholder" viewBox=format!("0 0 {w} {h}") aria-hidden="true" focusable="false">
                <rect width="100%" height="100%" fill=picture.colour.clone() />
            </svg>
            <a href=picture.src(widest, PictureFormat::Webp)>
                <picture>
                    <source type="image/webp" srcset=picture.srcset(PictureFormat::Webp) sizes=sizes />
                    <img
                        src=picture.src(fallback, PictureFormat::Jpeg)
                        srcset=picture.srcset(PictureFormat::Jpeg)
                        sizes=sizes
                        width=w
                        height=h
                        alt=alt
                        loading="lazy"
                        decoding="async"
                    />
                </picture>
            </a>
        </figure>
    }
}
