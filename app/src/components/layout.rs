//! The page frame: skip link, header with the brand and language switch, main navigation
//! (bottom bar on phones, top on desktop) and footer.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use crate::components::lang::{use_lang, use_texts};
use crate::model::user::CurrentUser;

/// The signed-in person for this page, loaded once with the page.
#[derive(Clone, Copy)]
pub struct CurrentUserResource(pub OnceResource<Option<CurrentUser>>);

pub fn use_current_user() -> OnceResource<Option<CurrentUser>> {
    expect_context::<CurrentUserResource>().0
}

/// A text as one component of an address (its path or a query value), percent-encoded.
pub fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let location = use_location();
    let other = lang.other();
    let href = move || format!("/langue/{}?retour={}", other.code(), encode_component(&location.pathname.get()));
    view! {
        <a class="lang-switch" href=href rel="external" hreflang=other.code() lang=other.code()>
            {t.switch_language}
        </a>
    }
}

#[component]
fn NavLinks() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Some(user) => {
                        let place = match (user.section_slug, user.federation_code) {
                            (Some(slug), _) => format!("/sections/{slug}"),
                            (None, Some(code)) => format!("/federations/{code}"),
                            (None, None) => "/trouver-ma-section".to_string(),
                        };
                        // Phones show five entries (field actions first among them, notifications
                        // as a bell); Ma section, Groupes and Coopains are also linked from the home
                        // page, the feed and the profile page, and "Se déconnecter" lives in the header.
                        view! {
                            <li><a href="/fil">{t.feed.nav_feed}</a></li>
                            <li><a href="/actions">{t.actions.nav_actions}</a></li>
                            <li class="wide-only"><a href=place>{t.territory.nav_my_section}</a></li>
                            <li class="wide-only"><a href="/groupes">{t.feed.nav_groups}</a></li>
                            <li class="wide-only"><a href="/coopains">{t.feed.nav_coopains}</a></li>
                            <li class="wide-only"><a href="/boite-a-outils">{t.documents.link}</a></li>
                            <li>
                                <CountedLink href="/messages" kind="messages" label=t.messages.nav_messages phone_icon=None
                                    count=user.unread_conversations text=t.messages.unread_badge />
                            </li>
                            <li>
                                <CountedLink href="/notifications" kind="notifications" label=t.feed.nav_notifications phone_icon=Some("🔔")
                                    count=user.unread_notifications text=t.feed.unread_badge />
                            </li>
                            <li><a href="/profil">{t.nav_profile}</a></li>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <li class="wide-only"><a href="/">{t.nav_home}</a></li>
                            <li><a href="/actions">{t.actions.nav_actions}</a></li>
                            <li><a href="/trouver-ma-section">{t.territory.nav_find_section}</a></li>
                            <li><a href="/connexion">{t.nav_signin}</a></li>
                            <li><a href="/inscription">{t.nav_signup}</a></li>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// "Messages" or "Notifications" with its unread count: rendered with the page (with the current
/// user), then kept up to date by the live stream in plain JavaScript (`public/live.js`, by the
/// badge's `data-badge`), which takes the badge's texts for any count from here, in the page's
/// language. With `phone_icon`, phones show the icon and read the label (too long for the bar).
#[component]
fn CountedLink(
    href: &'static str,
    kind: &'static str,
    label: &'static str,
    phone_icon: Option<&'static str>,
    count: i64,
    text: fn(i64) -> String,
) -> impl IntoView {
    use crate::model::feed::{unread_label, UNREAD_CAP};
    // "{n} notifications non lues": the count goes where `live.js` finds `{n}`.
    let template = |n: i64| text(n).replacen(&n.to_string(), "{n}", 1);
    view! {
        <a href=href class=format!("{kind}-link")>
            {match phone_icon {
                Some(icon) => view! {
                    <span class="phone-only" aria-hidden="true">{icon}</span>
                    <span class="wide-label">{label}</span>
                }.into_any(),
                None => view! { {label} }.into_any(),
            }}
            <span
                class="unread-badge"
                data-badge=kind
                data-unread=count.to_string()
                data-cap=UNREAD_CAP.to_string()
                data-text-one=template(1)
                data-text-many=template(2)
                data-text-cap=text(UNREAD_CAP)
                hidden=count == 0
            >
                <span aria-hidden="true">{unread_label(count)}</span>
                <span class="visually-hidden">{text(count)}</span>
            </span>
        </a>
    }
}

/// "Se déconnecter" in the header, for signed-in people: a plain form, it works without JavaScript.
#[component]
fn SignOut() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await
                    .map(|_| {
                        view! {
                            <form method="post" action="/deconnexion" class="inline-form" data-sign-out=t.sign_out_pending>
                                <button type="submit" class="link-button">{t.sign_out}</button>
                            </form>
                        }
                    })
            })}
        </Suspense>
    }
}

/// Above every page of a person whose address is not proven yet: what to do, and a plain form
/// that sends the link again. Also the one-time notices of `/adresse/…` (`?adresse=…`).
#[component]
fn AddressBanner() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    let location = use_location();
    let query = use_query_map();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let notice = query.read_untracked().get("adresse");
                let unverified = user.await.is_some_and(|u| !u.email_verified);
                let back = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked())
                    .replace("?adresse=renvoyee", "")
                    .replace("&adresse=renvoyee", "");
                view! {
                    {(notice.as_deref() == Some("confirmee"))
                        .then(|| view! { <p class="alert alert-success page-notice" role="status">{t.address_confirmed}</p> })}
                    {unverified
                        .then(|| {
                            let resent = notice.as_deref() == Some("renvoyee");
                            view! {
                                <div class="address-banner" role="region" aria-label=t.address_title>
                                    <p>{if resent { t.address_resent } else { t.address_banner }}</p>
                                    <form method="post" action="/adresse/renvoyer" class="inline-form">
                                        <input type="hidden" name="retour" value=back />
                                        <button type="submit" class="link-button">{t.address_resend}</button>
                                    </form>
                                </div>
                            }
                        })}
                }
            })}
        </Suspense>
    }
}

/// Above every page but `href`'s own, while `due` says the signed-in person has a text to read
/// again: their consent is to an older text (or was withdrawn and the erasure cancelled), or they
/// have not accepted the charter in force (it changed, or their account predates it).
#[component]
fn AskAgainBanner(
    due: fn(&CurrentUser) -> bool,
    label: &'static str,
    text: &'static str,
    link: &'static str,
    href: &'static str,
) -> impl IntoView {
    let user = use_current_user();
    let location = use_location();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let here = location.pathname.get_untracked() == href;
                user.await.is_some_and(|u| due(&u) && !here).then(|| view! {
                    <div class="address-banner" role="region" aria-label=label>
                        <p>{text}</p>
                        <a href=href class="button">{link}</a>
                    </div>
                })
            })}
        </Suspense>
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#contenu">{t.skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <img src="/icons/logo.svg" alt="" width="28" height="28" />
                <span>"Coopol"</span>
            </a>
            <div class="header-actions">
                <SignOut />
                <LangSwitch />
            </div>
        </header>
        <nav class="main-nav" aria-label=t.nav_label>
            <ul>
                <NavLinks />
            </ul>
        </nav>
        <main id="contenu" tabindex="-1">
            <AddressBanner />
            <AskAgainBanner
                due=|u| u.consent_due
                label=t.consents_title
                text=t.consents_banner
                link=t.consents_banner_link
                href="/compte/consentements"
            />
            <AskAgainBanner
                due=|u| u.charter_due
                label=t.moderation.charter_title
                text=t.moderation.charter_banner
                link=t.moderation.charter_banner_link
                href="/charte"
            />
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t.footer}</p>
            <p>
                <a href="/federations">{t.territory.nav_federations}</a>
                " · "
                <a href="/a-propos">{t.territory.about_title}</a>
                " · "
                <a href="/confidentialite">{t.privacy.footer_link}</a>
                " · "
                <a href="/charte">{t.moderation.footer_charter}</a>
                " · "
                <a href="/moderation">{t.moderation.queues_title}</a>
            </p>
        </footer>
    }
}
