//! `/groupes` (every group), `/groupes/nouveau` (creation, similar groups first) and
//! `/groupes/{slug}` (a group: purpose, members for those who may see them, requests for its
//! admins, and its feed).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::feed::{get_group::get_group, list_groups::list_groups};
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::components::media::{Banner, BannerForm};
use crate::i18n::feed::FeedTexts;
use crate::model::feed::{GroupMembership, GroupPrivacy, GroupSummary, GroupView};
use crate::model::form::FieldError;
use crate::pages::error_view::ErrorView;
use crate::pages::feed::FeedBody;

fn badges(t: &FeedTexts, g: &GroupSummary) -> String {
    let privacy = if g.privacy == GroupPrivacy::Private { t.private_badge } else { t.public_badge };
    let mut parts = vec![privacy.to_string()];
    if let Some(n) = g.member_count {
        parts.push((t.members_count)(n));
    }
    match g.membership {
        GroupMembership::Admin => parts.push(t.admin_badge.to_string()),
        GroupMembership::Member => parts.push(t.member_badge.to_string()),
        GroupMembership::Pending => parts.push(t.pending_request.to_string()),
        GroupMembership::None => {}
    }
    parts.join(" · ")
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let t = use_texts().feed;
    let groups = Resource::new_blocking(|| (), |_| list_groups());
    view! {
        <Title text=t.groups_title />
        <section class="page">
            <h1>{t.groups_title}</h1>
            <p class="lead">{t.groups_intro}</p>
            <p><a class="button primary" href="/groupes/nouveau">{t.new_group}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match groups.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty-state">{t.no_groups}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="group-list">
                                {list.into_iter().map(|g| {
                                    let meta = badges(t, &g);
                                    view! {
                                        <li class="card">
                                            <h2><a href=format!("/groupes/{}", g.slug)>{g.name}</a></h2>
                                            <p class="hint">{meta}</p>
                                            <p>{g.purpose}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn NewGroupPage() -> impl IntoView {
    let t = use_texts().feed;
    let outcome = use_form_outcome();
    view! {
        <Title text=t.new_group />
        <section class="page narrow">
            <h1>{t.new_group}</h1>
            <p class="hint">{t.new_group_hint}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let outcome = outcome.await;
                    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
                    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
                    let similar = match error("name") {
                        Some(FieldError::SimilarGroups { groups }) => groups,
                        _ => Vec::new(),
                    };
                    let private = value("privacy") == "private";
                    view! {
                        <FormAlert outcome=outcome.clone() />
                        <form method="post" action="/groupes">
                            <TextField name="name" label=t.group_name value=value("name") error=error("name") maxlength=80 />
                            {(!similar.is_empty()).then(|| view! {
                                <ul class="similar">
                                    {similar.into_iter().map(|(slug, name)| view! { <li><a href=format!("/groupes/{slug}")>{name}</a></li> }).collect_view()}
                                </ul>
                                <div class="field checkbox">
                                    <input type="checkbox" id="champ-confirm" name="confirm" value="oui" />
                                    <label for="champ-confirm">{t.create_anyway}</label>
                                </div>
                            })}
                            <TextArea name="purpose" label=t.group_purpose value=value("purpose") error=error("purpose") hint=t.group_purpose_hint maxlength=500 rows=3 />
                            <fieldset class="field">
                                <legend>{t.privacy_label}</legend>
                                <label class="choice"><input type="radio" name="privacy" value="public" checked=!private />" "{t.privacy_public}</label>
                                <label class="choice"><input type="radio" name="privacy" value="private" checked=private />" "{t.privacy_private}</label>
                                <FieldErrorText name="privacy".to_string() error=error("privacy") />
                            </fieldset>
                            <button type="submit" class="button primary">{t.create_group}</button>
                        </form>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A group, and its feed for its members: both read before the page is drawn (the feed as part
/// of this page, not a suspended view nested in it — nested, it failed to hydrate).
#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let before = move || query.read().get("avant").and_then(|v| v.parse::<i64>().ok());
    let group = Resource::new_blocking(move || (slug(), before()), |(slug, before)| get_group(slug, before));
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=group then=move |group| {
            // The banner's form posts back here when refused.
            let banner_error = outcome.get().filter(|o| o.values.value("form") == "banniere").and_then(|o| o.error(crate::model::media::PHOTO_FIELD));
            view! { <Group group banner_error /> }
        } />
    }
}

#[component]
fn Group(group: GroupView, banner_error: Option<crate::model::form::FieldError>) -> impl IntoView {
    let t = use_texts().feed;
    let lang = use_lang();
    let g = group.summary.clone();
    let base = format!("/groupes/{}", g.slug);
    let meta = badges(t, &g);
    let inside = group.members.is_some();
    let join_label = if g.privacy == GroupPrivacy::Private { t.ask_join } else { t.join };
    let can_leave = matches!(g.membership, GroupMembership::Member | GroupMembership::Admin | GroupMembership::Pending);
    let is_admin = g.membership == GroupMembership::Admin;
    view! {
        <Title text=g.name.clone() />
        <section class="page group-page">
            <header>
                {group.banner.clone().map(|picture| view! { <Banner picture /> })}
                <h1>{g.name.clone()}</h1>
                <p class="hint">{meta}</p>
                <p>{g.purpose.clone()}</p>
                {group.can_join.then(|| view! {
                    <form method="post" action=format!("{base}/adhesion") class="inline-form">
                        <input type="hidden" name="action" value="rejoindre" />
                        <button type="submit" class="button primary">{join_label}</button>
                    </form>
                })}
                {can_leave.then(|| view! {
                    <form method="post" action=format!("{base}/adhesion") class="inline-form">
                        <input type="hidden" name="action" value="quitter" />
                        <button type="submit" class="button">{t.leave}</button>
                    </form>
                })}
            </header>
            {(!inside).then(|| view! { <p class="alert">{t.private_group_hidden}</p> })}
            {inside.then(|| view! { <p><a class="button" href=format!("{base}/debats")>{use_texts().debates.link}</a></p> })}
            {group.requests.filter(|r| !r.is_empty()).map(|requests| view! {
                <section class="card" aria-labelledby="requests-title">
                    <h2 id="requests-title">{t.requests}</h2>
                    <ul class="people">
                        {requests.into_iter().map(|a| view! {
                            <li>
                                <a href=format!("/membres/{}", a.handle)>{a.display_name}</a>
                                <form method="post" action=format!("{base}/membres/{}", a.handle) class="inline-form">
                                    <button type="submit" name="decision" value="accepter" class="button primary">{t.accept}</button>
                                    <button type="submit" name="decision" value="refuser" class="button">{t.decline}</button>
                                </form>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {group.members.map(|members| view! {
                <details class="card">
                    <summary>{t.members}" ("{crate::i18n::format_number(lang, members.len() as i64)}")"</summary>
                    <ul class="people">
                        {members.into_iter().map(|(a, admin)| view! {
                            <li>
                                <a href=format!("/membres/{}", a.handle)>{a.display_name}</a>
                                {admin.then(|| view! { " · " <span class="hint">{t.admin_badge}</span> })}
                                {(is_admin && !admin).then(|| view! {
                                    <form method="post" action=format!("{base}/membres/{}", a.handle) class="inline-form">
                                        <button type="submit" name="decision" value="admin" class="link-button">{t.make_admin}</button>
                                    </form>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {group.can_change_banner.then(|| view! { <BannerForm page=base.clone() banner=group.banner.clone() error=banner_error.clone() /> })}
            {group.feed.map(|page| view! { <FeedBody page titled=false /> })}
            {(!is_admin).then(|| view! { <p><a class="report-link hint" href=format!("/signaler/groupe/{}", g.slug)>{use_texts().moderation.report_link}</a></p> })}
        </section>
    }
}
