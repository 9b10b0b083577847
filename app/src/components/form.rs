//! Form fields that carry their label, hint and error, accessibly wired together.

use leptos::prelude::*;

use crate::components::lang::use_texts;
use crate::model::form::{FieldError, FormOutcome, FormProblem};
use crate::model::profile::Visibility;

/// The outcome of a server-rendered submission, if this render follows one (the form handler
/// puts it in the render's context). Awaitable, as pages read it beside their data.
///
/// Not a resource: pages are not hydrated (islands get what they need as props), and a resource
/// created inside another one's `Suspend` could leave the server's render waiting for ever (the
/// member's home hung about one request in a hundred).
pub fn use_form_outcome() -> FormOutcomeReader {
    #[cfg(feature = "ssr")]
    let outcome = use_context::<FormOutcome>();
    #[cfg(not(feature = "ssr"))]
    let outcome: Option<FormOutcome> = None;
    FormOutcomeReader(StoredValue::new(outcome))
}

#[derive(Clone, Copy)]
pub struct FormOutcomeReader(StoredValue<Option<FormOutcome>>);

impl FormOutcomeReader {
    /// The outcome, read inside a page's `Loaded` (the render that follows a refused post).
    pub fn get(self) -> Option<FormOutcome> {
        self.0.get_value()
    }
}

impl std::future::IntoFuture for FormOutcomeReader {
    type Output = Option<FormOutcome>;
    type IntoFuture = std::future::Ready<Option<FormOutcome>>;

    fn into_future(self) -> Self::IntoFuture {
        std::future::ready(self.0.get_value())
    }
}

fn described_by(name: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{name}-hint"));
    }
    if error {
        ids.push(format!("{name}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
pub fn FieldErrorText(name: String, error: Option<FieldError>) -> impl IntoView {
    let t = use_texts();
    error.map(|e| {
        view! { <p class="field-error" id=format!("{name}-error")>{(t.field_error)(&e)}</p> }
    })
}

#[component]
pub fn TextField(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into, default = String::new())] value: String,
    #[prop(default = None)] error: Option<FieldError>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into, default = "text".to_string())] input_type: String,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] inputmode: Option<String>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let id = format!("champ-{name}");
    let describedby = described_by(&name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let value = (input_type != "password").then_some(value);
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
            <input
                id=id
                name=name.clone()
                type=input_type
                value=value
                autocomplete=autocomplete
                maxlength=maxlength
                inputmode=inputmode
                required=required
                aria-invalid=invalid
                aria-describedby=describedby
            />
            <FieldErrorText name=name error=error />
        </div>
    }
}

/// The text of a `<textarea>`. Leptos writes textarea children to the HTML *unescaped* (like
/// `<script>`; leptos-rs/leptos#4819 reverted the fix because of hydration), so a typed
/// `</textarea><script>…` would break out of the field. On the server we escape it ourselves
/// (the browser decodes the entities back into the same text); in the browser the child is a
/// plain text node, which needs no escaping.
fn textarea_text(value: String) -> String {
    if cfg!(feature = "ssr") {
        escape_text(&value)
    } else {
        value
    }
}

/// `&`, `<` and `>` as entities: enough for text content (never used for attributes).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[component]
pub fn TextArea(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into, default = String::new())] value: String,
    #[prop(default = None)] error: Option<FieldError>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(default = 4)] rows: usize,
    /// The phone keyboard's Enter key label ("send" for a message).
    #[prop(optional)]
    enterkeyhint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("champ-{name}");
    let describedby = described_by(&name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
            <textarea
                id=id
                name=name.clone()
                rows=rows
                maxlength=maxlength
                enterkeyhint=enterkeyhint
                aria-invalid=invalid
                aria-describedby=describedby
            >
                {textarea_text(value)}
            </textarea>
            <FieldErrorText name=name error=error />
        </div>
    }
}

/// "Visible par : tout le monde / ma section / moi seul·e" for one profile field.
#[component]
pub fn VisibilitySelect(#[prop(into)] field: String, selected: Visibility, error: Option<FieldError>) -> impl IntoView {
    let t = use_texts();
    let name = format!("{field}_visibility");
    let id = format!("champ-{name}");
    view! {
        <div class="field visibility">
            <label for=id.clone()>{t.visible_to}</label>
            <select id=id name=name.clone()>
                {Visibility::ALL
                    .iter().copied()
                    .map(|v| {
                        view! {
                            <option value=v.as_str() selected=v == selected>
                                {(t.visibility)(v)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldErrorText name=name error=error />
        </div>
    }
}

/// A form-level message (wrong credentials, rate limit, field errors summary), announced.
#[component]
pub fn FormAlert(outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    outcome.and_then(|o| {
        let text = match (&o.problem, o.errors.is_empty()) {
            (Some(problem), _) => (t.problem)(problem),
            (None, false) => t.form_has_errors.to_string(),
            (None, true) => return None,
        };
        let class = match o.problem {
            Some(FormProblem::RateLimited { .. }) => "alert alert-warning",
            _ => "alert alert-error",
        };
        Some(view! { <div class=class role="alert">{text}</div> })
    })
}

#[cfg(test)]
mod tests {
    use super::escape_text;

    #[test]
    fn textarea_text_cannot_close_its_element() {
        let typed = "</textarea><script>alert(1)</script> & <b>";
        let escaped = escape_text(typed);
        assert!(!escaped.contains('<') && !escaped.contains('>'));
        assert_eq!(escaped, "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;");
        assert_eq!(escape_text("Déjà vu, l’été"), "Déjà vu, l’été");
    }
}
