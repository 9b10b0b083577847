//! Pictures as cards draw them: `<picture>` with a WebP `srcset` and its JPEG fallback, the
//! size written on the `<img>` (the page reserves the place before the file arrives: no layout
//! shift), lazy loading, and the picture's average colour behind it meanwhile (an SVG `fill`:
//! the CSP allows no `style` attribute).

use leptos::prelude::*;

use crate::components::form::{FieldErrorText, TextField};
use crate::components::lang::{use_feed_texts, use_texts};
use crate::model::commands::post::MAX_ALT_CHARS;
use crate::model::form::FieldError;
use crate::model::media::{Picture, PictureFormat, PHOTO_FIELD};

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

/// The picture's average colour in its place, shown until the file arrives.
#[component]
fn Placeholder(colour: String, width: u32, height: u32) -> impl IntoView {
    view! {
        <svg class="picture-placeholder" viewBox=format!("0 0 {width} {height}") aria-hidden="true" focusable="false">
            <rect width="100%" height="100%" fill=colour />
        </svg>
    }
}

/// `<picture>`: every stored width in WebP, and in JPEG for browsers without WebP, the `<img>`
/// sized (`width`×`height`: its place is reserved before it loads) at the `fallback` width. Lazy,
/// unless it is on the first screen (a banner: then fetched first).
#[component]
fn Sources(
    picture: Picture,
    sizes: String,
    fallback: u32,
    width: u32,
    height: u32,
    alt: String,
    #[prop(default = false)] first_screen: bool,
    #[prop(optional)] frame_class: Option<&'static str>,
    #[prop(optional)] img_class: Option<String>,
) -> impl IntoView {
    view! {
        <picture class=frame_class>
            <source type="image/webp" srcset=picture.srcset(PictureFormat::Webp) sizes=sizes.clone() />
            <img
                class=img_class
                src=picture.src(fallback, PictureFormat::Jpeg)
                srcset=picture.srcset(PictureFormat::Jpeg)
                sizes=sizes
                width=width
                height=height
                alt=alt
                loading=(!first_screen).then_some("lazy")
                decoding="async"
                fetchpriority=first_screen.then_some("high")
            />
        </picture>
    }
}

/// A picture in its frame, as wide as `sizes` says, linking to its widest file.
#[component]
pub fn PictureFrame(picture: Picture, alt: String, sizes: &'static str) -> impl IntoView {
    let fallback = picture.width_for(960);
    let widest = picture.widths.last().copied().unwrap_or(picture.width);
    let (w, h) = (fallback, picture.height_at(fallback));
    view! {
        <figure class="picture-frame">
            <Placeholder colour=picture.colour.clone() width=w height=h />
            <a href=picture.src(widest, PictureFormat::Webp)>
                <Sources picture=picture.clone() sizes=sizes.to_string() fallback width=w height=h alt />
            </a>
        </figure>
    }
}

/// A person's avatar, drawn `size` CSS pixels square (a card's 40, a profile's 160): the browser
/// picks the stored width for its screen's density.
#[component]
pub fn Avatar(picture: Picture, alt: String, size: u32) -> impl IntoView {
    let fallback = picture.width_for(size * 2);
    let sizes = format!("{size}px");
    view! {
        <Sources picture sizes fallback width=size height=size alt frame_class="avatar-frame" img_class=format!("avatar avatar-{size}") />
    }
}

/// A section's or a group's banner across the top of its page. Decorative (its name follows
/// right under it); its place is reserved and shows its average colour until it loads.
#[component]
pub fn Banner(picture: Picture) -> impl IntoView {
    let fallback = picture.width_for(960);
    let (w, h) = (fallback, picture.height_at(fallback));
    let sizes = "(min-width: 44rem) 40rem, 100vw";
    view! {
        <figure class="picture-frame banner">
            <Placeholder colour=picture.colour.clone() width=w height=h />
            <Sources picture=picture.clone() sizes=sizes.to_string() fallback width=w height=h alt=String::new() first_screen=true />
        </figure>
    }
}

/// What a picture form is for: its texts and its addresses.
pub struct PictureFormSpec {
    /// The hidden `form` field's value, the fieldset's id (the page's anchor) and the prefix of
    /// its inputs' ids.
    pub name: &'static str,
    pub action: String,
    /// Where "remove" posts, when there is a picture to remove.
    pub remove_action: Option<String>,
    pub legend: &'static str,
    pub hint: &'static str,
    pub save: &'static str,
    pub remove: &'static str,
}

/// The form that sends an avatar or a banner: a plain multipart form (it works without
/// JavaScript), with a progress bar when JavaScript runs; and the one that removes it.
#[component]
pub fn PictureForm(spec: PictureFormSpec, error: Option<FieldError>, current: AnyView) -> impl IntoView {
    let t = use_texts().pictures;
    let input_id = format!("{}-fichier", spec.name);
    let hint_id = format!("{}-hint", spec.name);
    view! {
        <fieldset class="card picture-form" id=spec.name>
            <legend>{spec.legend}</legend>
            {current}
            <UploadProgress sending=t.sending.to_string()>
                <form method="post" action=spec.action enctype="multipart/form-data" class="stack">
                    <input type="hidden" name="form" value=spec.name />
                    <div class="field">
                        <label for=input_id.clone()>{t.file_label}</label>
                        <input
                            id=input_id
                            type="file"
                            name=PHOTO_FIELD
                            required=true
                            accept="image/jpeg,image/png,image/webp"
                            aria-describedby=hint_id.clone()
                            aria-invalid=error.is_some().then_some("true")
                        />
                        <p class="hint" id=hint_id>{spec.hint}</p>
                        <FieldErrorText name=PHOTO_FIELD.to_string() error />
                    </div>
                    <button type="submit" class="button primary">{spec.save}</button>
                </form>
            </UploadProgress>
            {spec.remove_action.map(|action| view! {
                <form method="post" action=action>
                    <button type="submit" class="button">{spec.remove}</button>
                </form>
            })}
        </fieldset>
    }
}

/// How much of an upload has gone (`share`, 0.0 to 1.0), announced to screen readers.
#[component]
pub fn UploadBar(share: f64, #[prop(into)] label: String, id: &'static str) -> impl IntoView {
    view! {
        <p class="upload-progress" role="status">
            <label for=id>{label}</label>
            <progress id=id max="100" value=(share * 100.0).round()></progress>
        </p>
    }
}

/// A section's or a group's banner form (`page`: the holder's page; the form posts to
/// `{page}/banniere`).
#[component]
pub fn BannerForm(page: String, banner: Option<Picture>, error: Option<FieldError>) -> impl IntoView {
    let t = use_texts().pictures;
    let current = match banner.clone() {
        Some(picture) => view! { <Banner picture /> }.into_any(),
        None => view! { <p class="hint">{t.no_banner}</p> }.into_any(),
    };
    let spec = PictureFormSpec {
        name: "banniere",
        action: format!("{page}/banniere"),
        remove_action: banner.is_some().then(|| format!("{page}/banniere/retirer")),
        legend: t.banner_legend,
        hint: t.banner_hint,
        save: t.save_banner,
        remove: t.remove_banner,
    };
    view! { <PictureForm spec error current /> }
}

/// Sends the form it holds with a progress bar (`XMLHttpRequest` reports the upload's share),
/// then shows the page again; a refused form, or a file over the limit, goes the plain way,
/// whose answer says what to fix. Its one text comes from the page (`sending`): reaching the texts
/// table from an island would link every page's texts into the WebAssembly.
#[island]
fn UploadProgress(sending: String, children: Children) -> impl IntoView {
    let label = StoredValue::new(sending);
    let uploaded = RwSignal::new(None::<f64>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        use crate::components::fetched::{holds_file_over, post_form_with_progress};
        use leptos::wasm_bindgen::JsCast;
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok()) else { return };
        if holds_file_over(&form, crate::model::media::MAX_PICTURE_BYTES as f64) || !holds_file_over(&form, 0.0) {
            return;
        }
        ev.prevent_default();
        if uploaded.get_untracked().is_some() {
            return;
        }
        uploaded.set(Some(0.0));
        leptos::task::spawn_local(async move {
            // Taken: the page it redirected to is shown (the new picture on it).
            if let Some(landed) = post_form_with_progress(&form, move |share| uploaded.set(Some(share))).await {
                if let Some(location) = leptos::web_sys::window().map(|w| w.location()) {
                    let _ = location.assign(&landed);
                }
            } else {
                uploaded.set(None);
                let _ = form.submit();
            }
        });
    };
    view! {
        <div class="upload-area" on:submit=on_submit aria-busy=move || uploaded.get().is_some().to_string()>
            {children()}
            {move || uploaded.get().map(|share| view! { <UploadBar share label=label.get_value() id="envoi-image" /> })}
        </div>
    }
}

/// What a refused form brings back for its picture slots (`photo_{n}`, `alt_{n}`): the
/// descriptions typed and each slot's errors (the files themselves must be chosen again: a
/// browser never refills them).
pub struct PhotoSlots {
    alts: Vec<String>,
    errors: Vec<(Option<FieldError>, Option<FieldError>)>,
    error: Option<FieldError>,
}

impl PhotoSlots {
    /// `count` slots, with the form's `value` and `error` of each field (empty for a new form).
    pub fn new(count: usize, value: impl Fn(&str) -> String, error: impl Fn(&str) -> Option<FieldError>) -> Self {
        PhotoSlots {
            alts: (1..=count).map(|n| value(&format!("alt_{n}"))).collect(),
            errors: (1..=count).map(|n| (error(&format!("photo_{n}")), error(&format!("alt_{n}")))).collect(),
            error: error("photos"),
        }
    }
}

/// Picture slots (a file and its description each), folded until tapped; open again when a
/// refused form comes back with a problem in one of them.
#[component]
pub fn PhotoFields(slots: PhotoSlots) -> impl IntoView {
    let t = use_feed_texts();
    let open =
        slots.error.is_some() || slots.errors.iter().any(|(f, a)| f.is_some() || a.is_some()) || slots.alts.iter().any(|a| !a.is_empty());
    view! {
        <details class="photo-fields" open=open>
            <summary>{t.photos_add}</summary>
            <p class="hint" id="photos-hint">{t.photos_hint}</p>
            <FieldErrorText name="photos".to_string() error=slots.error />
            {slots
                .alts
                .into_iter()
                .zip(slots.errors)
                .enumerate()
                .map(|(i, (alt, (file_error, alt_error)))| {
                    let n = i + 1;
                    let (file, alt_name) = (format!("photo_{n}"), format!("alt_{n}"));
                    let file_invalid = file_error.is_some();
                    view! {
                        <fieldset class="photo-slot">
                            <div class="field" class:has-error=file_invalid>
                                <label for=format!("champ-{file}")>{(t.photo_label)(n)}</label>
                                <input
                                    id=format!("champ-{file}")
                                    type="file"
                                    name=file.clone()
                                    accept="image/jpeg,image/png,image/webp"
                                    aria-describedby="photos-hint"
                                    aria-invalid=file_invalid.then_some("true")
                                />
                                <FieldErrorText name=file error=file_error />
                            </div>
                            <TextField
                                name=alt_name
                                label=(t.photo_alt_label)(n)
                                value=alt
                                error=alt_error
                                maxlength=MAX_ALT_CHARS
                                required=false
                            />
                        </fieldset>
                    }
                })
                .collect_view()}
        </details>
    }
}
