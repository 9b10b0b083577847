//! The live stream's visibility checks, batched: every delivery is still checked for its
//! receiver, but when one event wakes a thousand streams, their checks go to the database as one
//! statement (`store::posts::live_check_many`, the same `POST_VISIBLE` predicate) instead of a
//! thousand. One task per app instance collects the pending checks while the previous batch runs.

use app::model::ids::{PostId, UserId};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, oneshot};

use app::server::{store, Db};

/// Viewers per statement (bind parameters stay far below both backends' limits).
const CHUNK: usize = 500;

/// What the stream says about a publication the viewer may see.
#[derive(Debug)]
pub struct PostInfo {
    pub audience: String,
    pub section_slug: Option<String>,
    pub federation_code: Option<String>,
    pub group_slug: Option<String>,
    pub author_handle: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Verdict {
    /// In the viewer's home feed.
    pub home: bool,
    pub post: Arc<PostInfo>,
}

struct Request {
    post_id: PostId,
    viewer: UserId,
    reply: oneshot::Sender<Option<Verdict>>,
}

/// Cheap to clone; the batching task starts with the first check (inside the runtime).
#[derive(Clone)]
pub struct LiveChecks {
    db: Db,
    sender: Arc<OnceLock<mpsc::UnboundedSender<Request>>>,
}

impl LiveChecks {
    pub fn new(db: Db) -> Self {
        Self { db, sender: Arc::new(OnceLock::new()) }
    }

    /// May `viewer` see publication `post_id`? `None` when not (or when the check failed: a
    /// missed live update is recovered by the next page load, a leak never is).
    pub async fn post(&self, post_id: PostId, viewer: UserId) -> Option<Verdict> {
        let sender = self.sender.get_or_init(|| {
            let (sender, receiver) = mpsc::unbounded_channel();
            tokio::spawn(run(self.db.clone(), receiver));
            sender
        });
        let (reply, answer) = oneshot::channel();
        sender.send(Request { post_id, viewer, reply }).ok()?;
        answer.await.ok().flatten()
    }
}

async fn run(db: Db, mut requests: mpsc::UnboundedReceiver<Request>) {
    while let Some(first) = requests.recv().await {
        // Let the other streams woken by the same event queue their checks, then take them all.
        tokio::task::yield_now().await;
        let mut by_post: HashMap<PostId, Vec<Request>> = HashMap::new();
        by_post.entry(first.post_id).or_default().push(first);
        while let Ok(request) = requests.try_recv() {
            by_post.entry(request.post_id).or_default().push(request);
        }
        for (post_id, waiting) in by_post {
            answer(&db, post_id, waiting).await;
        }
    }
}

async fn answer(db: &Db, post_id: PostId, waiting: Vec<Request>) {
    let viewers: Vec<UserId> = waiting.iter().map(|r| r.viewer).collect();
    let verdicts = verdicts(db, post_id, &viewers).await;
    for request in waiting {
        let _ = request.reply.send(verdicts.get(&request.viewer).cloned());
    }
}

/// The verdict of each of `viewers` who may see publication `post_id` (the others are absent):
/// one statement per 500 viewers, plus the publication's hashtags once.
pub async fn verdicts(db: &Db, post_id: PostId, viewers: &[UserId]) -> HashMap<UserId, Verdict> {
    let mut viewers = viewers.to_vec();
    viewers.sort_unstable();
    viewers.dedup();
    let mut homes: Vec<(UserId, bool)> = Vec::new();
    let mut info: Option<Arc<PostInfo>> = None;
    for chunk in viewers.chunks(CHUNK) {
        let rows = match store::posts::live_check_many(db, post_id, chunk).await {
            Ok(rows) => rows,
            Err(err) => {
                tracing::warn!(error = %err, post = %post_id, "live stream: visibility check failed");
                continue;
            }
        };
        for row in rows {
            if info.is_none() {
                let tags = store::posts::tags_of(db, post_id).await.unwrap_or_default();
                info = Some(Arc::new(PostInfo {
                    audience: row.post.audience.clone(),
                    section_slug: row.post.section_slug.clone(),
                    federation_code: row.post.federation_code.clone(),
                    group_slug: row.post.group_slug.clone(),
                    author_handle: row.post.author_handle.clone().unwrap_or_default(),
                    tags,
                }));
            }
            homes.push((row.viewer_id, row.in_home));
        }
    }
    let Some(post) = info else {
        return HashMap::new();
    };
    homes.into_iter().map(|(viewer, home)| (viewer, Verdict { home, post: post.clone() })).collect()
}
