//! `GET /api/flux`: the Server-Sent Events stream of one browser tab.
//!
//! Events carry ids only; each one is re-checked for this viewer before it is sent (a publication
//! through `POST_VISIBLE`, a notification count only to its recipient, a message's conversation
//! id and unread count only to the member it was written for). `Last-Event-ID` (or
//! `?depuis=`, which the next page of the same tab sends: pages are full navigations) resumes from
//! the outbox; after the replay a `pret` event gives the tab its position, so events it could not
//! see do not have to be scanned again. Keep-alive comments every 15 s keep proxies from closing
//! idle streams.
//!
//! A stream lives no longer than its session: a `sessions_closed` event for its person (sign-out
//! here or everywhere, suspension; relayed across instances) makes it re-check the session at
//! once, and it re-checks every minute anyway (a change made by another process, e.g. the
//! `coopol suspend` command on SQLite). A dead session gets a last `fin` event, then the end.

use app::model::ids::{PostId, UserId};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use futures_util::stream::{self, Stream};
use http::StatusCode;
use serde::Serialize;
use tokio::sync::broadcast::{error::RecvError, Receiver};

use app::server::bus::LiveEvent;
use app::server::policy::Subject;
use app::server::{store, Db};

use crate::live_checks::{LiveChecks, Verdict};
use crate::state::ServerState;

/// How often an open stream re-checks its session without being told to.
const SESSION_RECHECK: Duration = Duration::from_secs(60);

/// How many missed events a resume replays at most.
const RESUME_LIMIT: i64 = 200;

#[derive(Serialize)]
struct PostMessage {
    post: PostId,
    /// In the viewer's home feed.
    home: bool,
    section: Option<String>,
    federation: Option<String>,
    group: Option<String>,
    author: String,
    tags: Vec<String>,
}

pub async fn stream(State(state): State<ServerState>, Extension(checks): Extension<LiveChecks>, request: Request) -> Response {
    // The session lookup of `attach_request_context` brought the subject already: no second read.
    let subject = request.extensions().get::<Subject>().cloned().unwrap_or_else(Subject::anonymous);
    let Some(viewer) = subject.id() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let receiver = state.app.bus.subscribe();
    let mut backlog = VecDeque::new();
    let position = match resume_point(&request) {
        Some(last_id) => {
            if let Ok(rows) = store::events::after(&state.app.db, last_id, RESUME_LIMIT).await {
                backlog.extend(rows.into_iter().map(LiveEvent::from));
            }
            Some(backlog.iter().map(|e| e.id).max().unwrap_or(last_id).max(last_id))
        }
        // A new tab starts from now (read after subscribing: nothing falls in between).
        None => store::events::latest_id(&state.app.db).await.ok(),
    };
    let token_hash = subject.user.as_ref().map(|u| u.token_hash.clone()).unwrap_or_default();
    let query = request.uri().query().map(str::to_string);
    let follow = followed(&state, &subject, query.as_deref()).await;
    let events = live_events(state.app.db.clone(), checks, (viewer, token_hash, follow), receiver, (backlog, position));
    Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}

/// What the tab's page follows besides the feed and the badges (`?suivre=debat:17` or
/// `vote:5`, from the page's `<meta name="coopol-suivre">`): its events are sent only if this
/// person may see it, checked once here (the page itself was checked when it was drawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    Debate(i64),
    Vote(i64),
}

async fn followed(state: &ServerState, subject: &Subject, query: Option<&str>) -> Option<Follow> {
    let raw = query?.split('&').find_map(|pair| pair.strip_prefix("suivre="))?;
    let raw = raw.replace("%3A", ":").replace("%3a", ":");
    let (kind, id) = raw.split_once(':')?;
    let id = id.parse::<i64>().ok()?;
    match kind {
        "debat" => app::server::services::debates::may_follow(&state.app, subject, id).await.then_some(Follow::Debate(id)),
        "vote" => app::server::services::votes::may_follow(&state.app, subject, id).await.then_some(Follow::Vote(id)),
        _ => None,
    }
}

/// Where to resume: the browser's own reconnection sends `Last-Event-ID`; the next page of a tab
/// sends `?depuis=` (an `EventSource` cannot set headers).
fn resume_point(request: &Request) -> Option<i64> {
    let header = request.headers().get("last-event-id").and_then(|v| v.to_str().ok()).map(str::to_string);
    let query = request.uri().query().and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("depuis=")).map(str::to_string));
    header.or(query).and_then(|v| v.trim().parse::<i64>().ok()).filter(|id| *id >= 0)
}

struct Cursor {
    db: Db,
    checks: LiveChecks,
    viewer: UserId,
    follow: Option<Follow>,
    /// The session this stream was opened with (its hash, as stored).
    token_hash: String,
    receiver: Receiver<LiveEvent>,
    backlog: VecDeque<LiveEvent>,
    /// The highest id replayed from the outbox: the live broadcast may repeat those.
    resumed_up_to: i64,
    /// The tab's position, sent once (`pret`) after the replay.
    position: Option<i64>,
    recheck: tokio::time::Interval,
    /// The session is over: the `fin` event was sent, the stream ends.
    ended: bool,
}

impl Cursor {
    async fn session_is_live(&self) -> bool {
        // A database error keeps the stream: the next check decides.
        store::sessions::is_live(&self.db, &self.token_hash, app::server::now_ms()).await.unwrap_or(true)
    }
}

fn live_events(
    db: Db,
    checks: LiveChecks,
    (viewer, token_hash, follow): (UserId, String, Option<Follow>),
    receiver: Receiver<LiveEvent>,
    (backlog, position): (VecDeque<LiveEvent>, Option<i64>),
) -> impl Stream<Item = Result<Event, Infallible>> {
    let resumed_up_to = backlog.iter().map(|e| e.id).max().unwrap_or(0);
    let recheck = tokio::time::interval_at(tokio::time::Instant::now() + SESSION_RECHECK, SESSION_RECHECK);
    let cursor = Cursor { db, checks, viewer, follow, token_hash, receiver, backlog, resumed_up_to, position, recheck, ended: false };
    stream::unfold(cursor, |mut c| async move {
        if c.ended {
            return None;
        }
        let end = |mut c: Cursor| {
            c.ended = true;
            Some((Ok(Event::default().event("fin").data("{}")), c))
        };
        loop {
            if c.backlog.is_empty() {
                if let Some(position) = c.position.take() {
                    return Some((Ok(Event::default().event("pret").id(position.to_string()).data("{}")), c));
                }
            }
            let event = match c.backlog.pop_front() {
                Some(e) => e,
                None => tokio::select! {
                    received = c.receiver.recv() => match received {
                        // A resume and the live broadcast can overlap: never send an id twice.
                        Ok(e) if e.id <= c.resumed_up_to => continue,
                        Ok(e) => e,
                        // Too slow a reader: tell the page to reload its counts rather than lose them.
                        Err(RecvError::Lagged(_)) => return Some((Ok(Event::default().event("resync").data("{}")), c)),
                        Err(RecvError::Closed) => return None,
                    },
                    _ = c.recheck.tick() => {
                        if !c.session_is_live().await {
                            return end(c);
                        }
                        continue;
                    }
                },
            };
            if event.kind == app::server::services::sessions::SESSIONS_CLOSED {
                if event.user_id == Some(c.viewer) && !c.session_is_live().await {
                    return end(c);
                }
                continue;
            }
            if let Some(message) = followed_message(c.follow, &event) {
                return Some((Ok(message.id(event.id.to_string())), c));
            }
            if let Some(message) = message_for(&c.db, &c.checks, c.viewer, &event).await {
                return Some((Ok(message.id(event.id.to_string())), c));
            }
        }
    })
}

/// The message for the debate or vote this tab follows: which one moved, nothing more.
fn followed_message(follow: Option<Follow>, event: &LiveEvent) -> Option<Event> {
    match (follow?, event.kind.as_str()) {
        (Follow::Debate(id), "debate_changed") if event.debate_id == Some(id) => {
            Some(Event::default().event("debat").data(format!("{{\"debate\":{id}}}")))
        }
        (Follow::Vote(id), "ballot_cast") if event.vote_id == Some(id) => {
            Some(Event::default().event("vote").data(format!("{{\"vote\":{id}}}")))
        }
        _ => None,
    }
}

/// The message this viewer may receive for `event`, if any.
async fn message_for(db: &Db, checks: &LiveChecks, viewer: UserId, event: &LiveEvent) -> Option<Event> {
    match (event.kind.as_str(), event.post_id, event.user_id) {
        ("post_created", Some(post_id), _) => {
            let Verdict { home, post } = checks.post(post_id, viewer).await?;
            let wide = post.audience == "public";
            let message = PostMessage {
                post: post_id,
                home,
                section: post.section_slug.clone().filter(|_| wide || post.audience == "section"),
                federation: post.federation_code.clone().filter(|_| wide || post.audience == "federation"),
                group: post.group_slug.clone(),
                author: post.author_handle.clone(),
                tags: post.tags.clone(),
            };
            Some(Event::default().event("post").data(serde_json::to_string(&message).ok()?))
        }
        ("post_changed", Some(post_id), _) => {
            checks.post(post_id, viewer).await?;
            Some(Event::default().event("counts").data(format!("{{\"post\":{post_id}}}")))
        }
        // A message for this person: which conversation moved, and their badge's count (read
        // again here, after the commit: what they read meanwhile counts).
        ("message", _, Some(user_id)) if user_id == viewer => {
            let conversation = event.conversation_id?;
            let unread = store::messages::unread_conversations(db, viewer).await.ok()?;
            Some(Event::default().event("messages").data(format!("{{\"conversation\":{conversation},\"unread\":{unread}}}")))
        }
        ("notification", _, Some(user_id)) if user_id == viewer => {
            let unread = store::notifications::unread_count(db, viewer).await.ok()?;
            Some(Event::default().event("notifications").data(format!("{{\"unread\":{unread}}}")))
        }
        _ => None,
    }
}
