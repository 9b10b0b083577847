//! `/publications/{id}`: one publication, its comments (one level of replies), who reacted, and
//! the author's and moderators' forms.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::feed::get_post::get_post;
use crate::components::feed::PostCard;
use crate::components::form::{use_form_outcome, FormAlert, TextArea};
use crate::components::lang::{use_lang, use_texts};
use crate::i18n::format_datetime;
use crate::model::feed::{CommentView, PostPage, MAX_COMMENT_CHARS, MAX_POST_CHARS};
use crate::model::form::FormOutcome;
use crate::pages::error_view::ErrorView;

#[component]
pub fn PostPageView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let page = Resource::new_blocking(id, get_post);
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let outcome = outcome.await;
                match page.await {
                    Ok(page) => view! { <Post page outcome /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Post(page: PostPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().feed;
    let post = page.post.clone();
    let id = post.id;
    let here = format!("/publications/{id}");
    let for_form = |name: &str| outcome.clone().filter(|o| o.value("form") == name);
    let comment_outcome = for_form("commenter");
    let edit_outcome = for_form("modifier");
    let hide_outcome = for_form("masquer");
    let threads = page.comments.clone();
    view! {
        <Title text=format!("{} · {}", t.post_title, post.author.display_name) />
        <section class="page post-page">
            <h1 class="visually-hidden">{(t.by)(&post.author.display_name)}</h1>
            <PostCard post=post.clone() back=here.clone() />
            {(!page.reacted.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="reacted-title">
                    <h2 id="reacted-title">{t.who_reacted}</h2>
                    <ul class="reacted">
                        {page.reacted.into_iter().map(|(kind, people)| view! {
                            <li>
                                <span aria-hidden="true">{kind.emoji()}</span> " " {(t.reaction_name)(kind)} " : "
                                {people.into_iter().map(|a| view! { <a href=format!("/membres/{}", a.handle)>{a.display_name}</a> " " }).collect_view()}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="card" id="commentaires" aria-labelledby="comments-title">
                <h2 id="comments-title">{(t.comments)(post.comment_count)}</h2>
                {threads.is_empty().then(|| view! { <p class="hint">{t.no_comments}</p> })}
                <ol class="comments">
                    {threads.into_iter().map(|c| view! { <Comment comment=c post_id=id /> }).collect_view()}
                </ol>
                {post.abilities.comment.then(|| {
                    let value = comment_outcome.as_ref().filter(|o| o.value("parent").is_empty()).map(|o| o.value("comment")).unwrap_or_default();
                    let error = comment_outcome.as_ref().and_then(|o| o.errors.get("comment").cloned());
                    view! {
                        <FormAlert outcome=comment_outcome.clone() />
                        <form method="post" action=format!("/publications/{id}/commentaires")>
                            <input type="hidden" name="form" value="commenter" />
                            <TextArea name="comment" label=t.comment_label value error maxlength=MAX_COMMENT_CHARS rows=3 />
                            <button type="submit" class="button primary">{t.comment_submit}</button>
                        </form>
                    }
                })}
            </section>
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
            {post.abilities.delete.then(|| view! {
                <form method="post" action=format!("/publications/{id}/supprimer") class="inline-form">
                    <input type="hidden" name="retour" value="/fil" />
                    <button type="submit" class="button danger">{t.delete}</button>
                </form>
            })}
            {post.abilities.hide.then(|| {
                let value = hide_outcome.as_ref().map(|o| o.value("reason")).unwrap_or_default();
                let error = hide_outcome.as_ref().and_then(|o| o.errors.get("reason").cloned());
                view! {
                    <details class="card" open=hide_outcome.is_some()>
                        <summary>{t.hide}</summary>
                        <FormAlert outcome=hide_outcome.clone() />
                        <form method="post" action=format!("/publications/{id}/masquer")>
                            <input type="hidden" name="form" value="masquer" />
                            <TextArea name="reason" label=t.hide_reason value error maxlength=300 rows=2 />
                            <button type="submit" class="button danger">{t.hide}</button>
                        </form>
                    </details>
                }
            })}
        </section>
    }
}

#[component]
fn Comment(comment: CommentView, post_id: i64) -> impl IntoView {
    let t = use_texts().feed;
    let lang = use_lang();
    let reply_id = format!("reponse-{}", comment.id);
    view! {
        <li class="comment" class:reply=comment.parent_id.is_some() id=format!("commentaire-{}", comment.id)>
            <p class="comment-meta">
                <a href=format!("/membres/{}", comment.author.handle)>{comment.author.display_name.clone()}</a>
                " · " <time class="hint">{format_datetime(lang, comment.created_at_ms)}</time>
            </p>
            <div class="comment-body" inner_html=comment.html.as_str().to_string()></div>
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
            {comment.can_delete.then(|| view! {
                <form method="post" action=format!("/commentaires/{}/supprimer", comment.id) class="inline-form">
                    <button type="submit" class="link-button">{t.delete}</button>
                </form>
            })}
        </li>
    }
}
