//! `/publications/{id}`: one publication, its comments (one level of replies), who reacted, and
//! the author's and moderators' forms.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::feed::{comment_on_post::comment_on_post, get_post::get_post};
use crate::components::feed::{AuthorLink, MessageBody, PostCard};
use crate::components::form::{use_form_outcome, FormAlert, TextArea};
use crate::components::lang::{use_feed_texts, use_lang, use_texts};
use crate::components::live::use_live;
use crate::components::loaded::Loaded;
use crate::components::moderation::TakeUp;
use crate::i18n::format_datetime;
use crate::model::feed::{CommentView, PostPage, MAX_COMMENT_CHARS, MAX_POST_CHARS};
use crate::model::form::FormOutcome;
use crate::model::moderation::ItemKind;

#[component]
pub fn PostPageView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let page = Resource::new_blocking(id, get_post);
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=page then=move |page| {
            let outcome = outcome.get();
            view! { <Post page outcome /> }
        } />
    }
}

#[component]
fn Post(page: PostPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().feed;
    let post = page.post.clone();
    let id = post.id;
    let here = format!("/publications/{id}");
    let author_name = post.author.as_ref().map_or(t.deleted_author, |a| a.display_name.as_str()).to_string();
    let for_form = |name: &str| outcome.clone().filter(|o| o.value("form") == name);
    let comment_outcome = for_form("commenter");
    let edit_outcome = for_form("modifier");
    // "Modérer" refused (the rules changed since the page was drawn): said here.
    let take_up_outcome = for_form("moderer");
    view! {
        <Title text=format!("{} · {}", t.post_title, author_name) />
        <section class="page post-page">
            <h1 class="visually-hidden">{(t.by)(&author_name)}</h1>
            <PostCard post=post.clone() back=here.clone() />
            {(!page.reacted.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="reacted-title">
                    <h2 id="reacted-title">{t.who_reacted}</h2>
                    <ul class="reacted">
                        {page.reacted.into_iter().map(|(kind, people)| view! {
                            <li>
                                <span aria-hidden="true">{kind.emoji()}</span> " " {(t.reaction_name)(kind)} {use_texts().label_sep}
                                {people.into_iter().map(|a| view! { <a href=format!("/membres/{}", a.handle)>{a.display_name}</a> " " }).collect_view()}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <Comments post_id=id comments=page.comments.clone() count=post.comment_count can_comment=post.abilities.comment outcome=comment_outcome />
            {post.source.clone().filter(|_| post.abilities.edit).map(|source| {
                let value = edit_outcome.as_ref().map(|o| o.value("body")).unwrap_or(source);
                let error = edit_outcome.as_ref().and_then(|o| o.errors.get("body").cloned());
                view! {
                    <details class="card" open=edit_outcome.is_some()>
                        <summary>{t.edit}</summary>
                        <FormAlert outcome=edit_outcome.clone() />
                        <form method="post" action=format!("/publications/{id}/modifier")>
                            <input type="hidden" name="form" value="modifier" />
                            <TextArea name="body" label=t.composer_label value error hint=t.composer_hint maxlength=MAX_POST_CHARS rows=6 />
                            <button type="submit" class="button primary">{t.save}</button>
                        </form>
                    </details>
                }
            })}
            {post.abilities.report.then(|| view! {
                <p><a class="report-link" href=format!("/signaler/publication/{id}")>{use_texts().moderation.report_link}</a></p>
            })}
            {post.abilities.delete.then(|| view! {
                <form method="post" action=format!("/publications/{id}/supprimer") class="inline-form">
                    <input type="hidden" name="retour" value="/fil" />
                    <button type="submit" class="button danger">{t.delete}</button>
                </form>
            })}
            {post.abilities.moderate.then(|| view! {
                <FormAlert outcome=take_up_outcome.clone() />
                <TakeUp kind=ItemKind::Post key=id.to_string() back=here.clone() />
            })}
        </section>
    }
}

/// The comments and the form to write one, as the server draws them, inside the island that
/// keeps them fresh.
#[component]
fn Comments(post_id: i64, comments: Vec<CommentView>, count: i64, can_comment: bool, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().feed;
    let form = can_comment.then(|| {
        let value = outcome.as_ref().filter(|o| o.value("parent").is_empty()).map(|o| o.value("comment")).unwrap_or_default();
        let error = outcome.as_ref().and_then(|o| o.errors.get("comment").cloned());
        view! {
            <FormAlert outcome=outcome.clone() />
            <form method="post" action=format!("/publications/{post_id}/commentaires")>
                <input type="hidden" name="form" value="commenter" />
                <TextArea name="comment" label=t.comment_label value error maxlength=MAX_COMMENT_CHARS rows=3 />
                <button type="submit" class="button primary">{t.comment_submit}</button>
            </form>
        }
    });
    let empty = comments.is_empty();
    view! {
        <LiveComments post_id count empty>
            <ol class="comments" data-count=count>
                {comments.into_iter().map(|comment| view! { <Comment comment post_id /> }).collect_view()}
            </ol>
            {form}
        </LiveComments>
    }
}

/// Keeps the comments fresh in place: a comment or reply sent with JavaScript appears without
/// reloading, and so do other people's (the live stream says when the publication changed). The
/// comments are then the server's HTML again, fetched as a reload would show them
/// (`components::fetched`); a comment whose reply is being typed keeps its form as it is. Forms
/// are plain posts; this island catches their `submit` as it bubbles up.
#[island]
fn LiveComments(post_id: i64, count: i64, empty: bool, children: Children) -> impl IntoView {
    let t = use_feed_texts();
    let count = RwSignal::new(count);
    let empty = RwSignal::new(empty);
    let section = NodeRef::<leptos::html::Section>::new();
    let refresh = Callback::new(move |()| {
        leptos::task::spawn_local(async move {
            if let Some(fresh) = crate::components::fetched::refresh_comments(post_id, section).await {
                count.set(fresh.count);
                empty.set(fresh.count == 0);
            }
        });
    });
    if let Some(live) = use_live() {
        Effect::new(move |_| {
            if live.changed.get().is_some_and(|(_, changed)| changed == post_id) {
                refresh.run(());
            }
        });
    }
    view! {
        <section class="card" node_ref=section id="commentaires" aria-labelledby="comments-title" on:submit=send_comment(post_id, refresh)>
            <h2 id="comments-title">{move || (t.comments)(count.get())}</h2>
            {move || empty.get().then(|| view! { <p class="hint">{t.no_comments}</p> })}
            {children()}
        </section>
    }
}

/// Sends a comment or reply form with JavaScript: on success the text is cleared and the
/// comments refreshed in place; a refusal sends the form the plain way, whose answer explains
/// it in French and keeps what was typed. Other forms (deleting a comment) go their plain way.
fn send_comment(post_id: i64, refresh: Callback<()>) -> impl FnMut(leptos::ev::SubmitEvent) + 'static {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};
    let sending = RwSignal::new(false);
    move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
        if !form.action().ends_with("/commentaires") {
            return;
        }
        ev.prevent_default();
        let field = |selector: &str| form.query_selector(selector).ok().flatten();
        let Some(area) = field("textarea[name=comment]").and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else {
            let _ = form.submit();
            return;
        };
        let parent =
            field("input[name=parent]").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()).and_then(|i| i.value().parse::<i64>().ok());
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        let body = area.value();
        leptos::task::spawn_local(async move {
            match comment_on_post(post_id, body, parent).await {
                Ok(_) => {
                    area.set_value("");
                    if let Some(details) = form.closest("details").ok().flatten() {
                        let _ = details.remove_attribute("open");
                    }
                    refresh.run(());
                }
                Err(_) => {
                    let _ = form.submit();
                }
            }
            sending.set(false);
        });
    }
}

#[component]
fn Comment(comment: CommentView, post_id: i64) -> impl IntoView {
    let t = use_feed_texts();
    let lang = use_lang();
    let reply_id = format!("reponse-{}", comment.id);
    view! {
        <li class="comment" class:reply=comment.parent_id.is_some() id=format!("commentaire-{}", comment.id)>
            <p class="comment-meta">
                <AuthorLink author=comment.author.clone() />
                " · " <time class="hint">{format_datetime(lang, comment.created_at_ms)}</time>
            </p>
            {match (comment.hidden, comment.hidden_reason.clone()) {
                (true, Some(reason)) => view! {
                    <p class="alert alert-warning">{(t.hidden_notice)(&reason)}</p>
                    <MessageBody html=comment.html.as_str().to_string() deleted=false class="comment-body" />
                }.into_any(),
                (true, None) => view! { <p class="comment-body hidden-by-moderation hint">{(t.hidden_placeholder)(comment.hidden_rule.as_deref())}</p> }.into_any(),
                (false, _) => view! { <MessageBody html=comment.html.as_str().to_string() deleted=comment.author.is_none() class="comment-body" /> }.into_any(),
            }}
            {comment.can_reply.then(|| view! {
                <details>
                    <summary>{t.reply_submit}</summary>
                    <form method="post" action=format!("/publications/{post_id}/commentaires")>
                        <input type="hidden" name="form" value="commenter" />
                        <input type="hidden" name="parent" value=comment.id />
                        <label for=reply_id.clone()>{t.reply_label}</label>
                        <textarea id=reply_id name="comment" rows="2" maxlength=MAX_COMMENT_CHARS required></textarea>
                        <button type="submit" class="button">{t.reply_submit}</button>
                    </form>
                </details>
            })}
            {comment.can_report.then(|| view! {
                <a class="report-link hint" href=format!("/signaler/commentaire/{}", comment.id)>{use_texts().moderation.report_link}</a>
            })}
            {comment.can_moderate.then(|| view! {
                <TakeUp kind=ItemKind::Comment key=comment.id.to_string() back=format!("/publications/{post_id}") />
            })}
            {comment.can_delete.then(|| view! {
                <form method="post" action=format!("/commentaires/{}/supprimer", comment.id) class="inline-form">
                    <button type="submit" class="link-button">{t.delete}</button>
                </form>
            })}
        </li>
    }
}
