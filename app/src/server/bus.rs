//! Live events: ids only, announced after commit.
//!
//! One instance (SQLite): an in-process `tokio::sync::broadcast`. Several instances (PostgreSQL):
//! the publisher sends `pg_notify` on an ordinary pool connection after its transaction committed
//! (never inside it), and every instance — the publisher included — relays what its one
//! LISTEN connection receives to its local broadcast. After a lost LISTEN connection the relay
//! catches up from the `events` outbox, so nothing committed is missed.

use crate::model::ids::{PostId, UserId};
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgListener, PgPool, PgPoolOptions};
use tokio::sync::{broadcast, Notify};

use crate::server::db::Db;
use crate::server::store::{self, events::EventRow};

pub const CHANNEL: &str = "coopol_events";
const BUFFER: usize = 4096;
/// Live events notified per statement on PostgreSQL.
const NOTIFY_BATCH: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    pub id: i64,
    /// 'post_created', 'post_changed' (edit, hide, delete, comments, reactions), 'notification',
    /// 'message' (one per member who receives it) or 'sessions_closed'.
    pub kind: String,
    pub post_id: Option<PostId>,
    /// The recipient of a 'notification' or 'message' event.
    pub user_id: Option<UserId>,
    /// The conversation of a 'message' event.
    #[serde(default)]
    pub conversation_id: Option<i64>,
    /// The debate of a 'debate_changed' event.
    #[serde(default)]
    pub debate_id: Option<i64>,
    /// The vote of a 'ballot_cast' event.
    #[serde(default)]
    pub vote_id: Option<i64>,
}

impl From<EventRow> for LiveEvent {
    fn from(e: EventRow) -> Self {
        Self {
            id: e.id,
            kind: e.kind,
            post_id: e.post_id,
            user_id: e.user_id,
            conversation_id: e.conversation_id,
            debate_id: e.debate_id,
            vote_id: e.vote_id,
        }
    }
}

#[derive(Clone)]
enum Relay {
    Local,
    Postgres(PgPool),
}

#[derive(Clone)]
pub struct EventBus {
    sender: broadcast::Sender<LiveEvent>,
    relay: Relay,
}

impl fmt::Debug for EventBus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventBus").field("subscribers", &self.sender.receiver_count()).finish()
    }
}

impl EventBus {
    /// The bus for this database: local for SQLite, relayed through PostgreSQL otherwise (call
    /// `spawn_relay` once at start).
    pub fn for_db(db: &Db) -> Self {
        let (sender, _) = broadcast::channel(BUFFER);
        let relay = match db {
            Db::Sqlite { .. } => Relay::Local,
            Db::Postgres(pool) => Relay::Postgres(pool.clone()),
        };
        Self { sender, relay }
    }

    /// The bus with its relay running (PostgreSQL): what an app instance uses.
    pub fn start(db: &Db) -> Self {
        let bus = Self::for_db(db);
        bus.spawn_relay(db.clone());
        bus
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }

    pub fn subscriber_count(&self) -> usize {
        self.sender.receiver_count()
    }

    /// Announces committed events. Failures are logged, never returned: the change is already
    /// committed, and the relay's catch-up (or the next page load) shows it.
    pub async fn publish(&self, events: Vec<EventRow>) {
        match &self.relay {
            Relay::Local => {
                for event in events {
                    let _ = self.sender.send(LiveEvent::from(event));
                }
            }
            // One statement per batch, not one per event: an annonce to a section of thousands
            // writes an event per recipient.
            Relay::Postgres(pool) => {
                for batch in events.chunks(NOTIFY_BATCH) {
                    let payloads: Vec<String> =
                        batch.iter().map(|e| serde_json::to_string(&LiveEvent::from(e.clone())).unwrap_or_default()).collect();
                    let sql = "SELECT pg_notify($1, payload) FROM UNNEST($2::text[]) AS t(payload)";
                    if let Err(err) = sqlx::query(sql).bind(CHANNEL).bind(&payloads).execute(pool).await {
                        tracing::warn!(error = %err, events = batch.len(), "could not notify live events");
                    }
                }
            }
        }
    }

    /// PostgreSQL only: the instance's LISTEN connection, relayed to the local broadcast.
    pub fn spawn_relay(&self, db: Db) -> Option<tokio::task::JoinHandle<()>> {
        let Relay::Postgres(pool) = &self.relay else {
            return None;
        };
        let pool = pool.clone();
        let sender = self.sender.clone();
        RELAYS_STARTING.fetch_add(1, Ordering::SeqCst);
        Some(tokio::spawn(async move { relay_loop(pool, db, sender).await }))
    }
}

/// Relays spawned in this process that have not listened and caught up yet: their first
/// statements (the latest id, LISTEN, the catch-up) run in the background. Tests that count a
/// request's statements wait for them (`relays_ready`), or would count them too.
static RELAYS_STARTING: AtomicUsize = AtomicUsize::new(0);
static RELAYS_READY: Notify = Notify::const_new();

fn relay_started() {
    RELAYS_STARTING.fetch_sub(1, Ordering::SeqCst);
    RELAYS_READY.notify_waiters();
}

/// Waits until every relay spawned in this process listens and has caught up.
pub async fn relays_ready() {
    loop {
        let notified = RELAYS_READY.notified();
        if RELAYS_STARTING.load(Ordering::SeqCst) == 0 {
            return;
        }
        notified.await;
    }
}

/// Remembers the last ids relayed, so a catch-up never delivers an event twice.
struct Seen {
    order: VecDeque<i64>,
    set: HashSet<i64>,
    max: i64,
}

impl Seen {
    fn first_time(&mut self, id: i64) -> bool {
        if !self.set.insert(id) {
            return false;
        }
        self.order.push_back(id);
        if self.order.len() > BUFFER {
            if let Some(old) = self.order.pop_front() {
                self.set.remove(&old);
            }
        }
        self.max = self.max.max(id);
        true
    }
}

async fn relay_loop(pool: PgPool, db: Db, sender: broadcast::Sender<LiveEvent>) {
    let mut seen = Seen { order: VecDeque::new(), set: HashSet::new(), max: store::events::latest_id(&db).await.unwrap_or(0) };
    // Counted as started once, after its first catch-up (or when it gives up).
    let mut first = Some(());
    // The LISTEN connection is the instance's own, outside the app's pool (it never returns).
    let options = (*pool.connect_options()).clone();
    let listen_pool = PgPoolOptions::new().max_connections(1).connect_lazy_with(options);
    while !pool.is_closed() {
        let mut listener = match PgListener::connect_with(&listen_pool).await {
            Ok(l) => l,
            Err(err) => {
                tracing::warn!(error = %err, "live relay: cannot connect, retrying");
                tokio::time::sleep(Duration::from_secs(2)).await;
                continue;
            }
        };
        if let Err(err) = listener.listen(CHANNEL).await {
            tracing::warn!(error = %err, "live relay: LISTEN failed, retrying");
            tokio::time::sleep(Duration::from_secs(2)).await;
            continue;
        }
        catch_up(&db, &sender, &mut seen).await;
        if first.take().is_some() {
            relay_started();
        }
        loop {
            let received = tokio::select! {
                r = listener.try_recv() => r,
                // The app is shutting down (or a test dropped its database).
                () = pool.close_event() => break,
            };
            match received {
                Ok(Some(notification)) => {
                    if let Ok(event) = serde_json::from_str::<LiveEvent>(notification.payload()) {
                        if seen.first_time(event.id) {
                            let _ = sender.send(event);
                        }
                    }
                }
                // The connection dropped and was re-established: fetch what was missed.
                Ok(None) => catch_up(&db, &sender, &mut seen).await,
                Err(err) => {
                    tracing::warn!(error = %err, "live relay: connection lost");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    break;
                }
            }
        }
        // Give the LISTEN connection back before closing its pool (close waits for it).
        drop(listener);
    }
    if first.take().is_some() {
        relay_started();
    }
    listen_pool.close().await;
}

async fn catch_up(db: &Db, sender: &broadcast::Sender<LiveEvent>, seen: &mut Seen) {
    // Ids below the highest seen may still commit late; look back a little.
    let from = (seen.max - 256).max(0);
    match store::events::after(db, from, 1000).await {
        Ok(rows) => {
            for row in rows {
                if seen.first_time(row.id) {
                    let _ = sender.send(row.into());
                }
            }
        }
        Err(err) => tracing::warn!(error = %err, "live relay: catch-up failed"),
    }
}
