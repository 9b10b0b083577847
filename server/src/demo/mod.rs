//! `coopol seed-demo`: a deterministic, realistic demo network on the real French territory, so
//! a newcomer sees Coopol alive and `make bench` measures it at a known size.
//!
//! Everything is generated from one seed (same scale, same network: names, texts, who answered
//! what), then loaded with multi-row INSERTs (`bulk`). Times are relative to the day of seeding,
//! so upcoming actions are upcoming. Every demo account has `users.is_demo` set and an
//! `@demo.coopol.fr` address; they all share the password `DEMO_PASSWORD`.

mod actions;
mod bulk;
mod debates;
mod feed;
mod messages;
mod moderation;
mod network;
mod pictures;
mod texts;
mod votes;

use std::time::{Duration, Instant};

use app::server::Db;

use network::seed_network;
pub use pictures::seed_pictures;

/// The password of every demo account (documented in the README: it is a demo).
pub const DEMO_PASSWORD: &str = "coopol-demo";

/// The accounts the README suggests signing in with: (e-mail, what they show).
pub const DEMO_ACCOUNTS: [(&str, &str); 4] = [
    ("admin@demo.coopol.fr", "administratrice nationale"),
    ("secretaire@demo.coopol.fr", "secrétaire de la première section"),
    ("adherent@demo.coopol.fr", "adhérent de la même section"),
    ("sympathisant@demo.coopol.fr", "sympathisante de la même section"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// A few hundred of everything, for trying Coopol out.
    #[value(name = "small")]
    Small,
    /// 10,000 people, 100,000 publications, 2,000,000 reactions…
    #[value(name = "S", alias = "s")]
    S,
    /// Ten times S.
    #[value(name = "M", alias = "m")]
    M,
}

/// How much of everything a scale makes.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub sections: usize,
    pub sections_per_federation: usize,
    pub people: usize,
    pub groups: usize,
    pub publications: usize,
    pub comments: usize,
    pub reactions: usize,
    pub actions: usize,
    pub rsvps: usize,
}

impl Scale {
    pub fn sizes(self) -> Sizes {
        match self {
            Scale::Small => Sizes {
                sections: 6,
                sections_per_federation: 3,
                people: 300,
                groups: 8,
                publications: 600,
                comments: 1_500,
                reactions: 3_000,
                actions: 40,
                rsvps: 300,
            },
            Scale::S => Sizes {
                sections: 50,
                sections_per_federation: 5,
                people: 10_000,
                groups: 120,
                publications: 100_000,
                comments: 500_000,
                reactions: 2_000_000,
                actions: 2_000,
                rsvps: 40_000,
            },
            Scale::M => Sizes {
                sections: 500,
                sections_per_federation: 10,
                people: 100_000,
                groups: 1_200,
                publications: 1_000_000,
                comments: 5_000_000,
                reactions: 20_000_000,
                actions: 20_000,
                rsvps: 400_000,
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scale::Small => "small",
            Scale::S => "S",
            Scale::M => "M",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("la base contient déjà {0} compte(s) : seed-demo remplit une base vide (choisis un autre --database-url)")]
    NotEmpty(i64),
    #[error("le territoire n'est pas chargé (lance `coopol import-territory`)")]
    NoTerritory,
    #[error("impossible de préparer le mot de passe de démonstration")]
    Password,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("les images de démonstration n'ont pas pu être faites : {0}")]
    Pictures(String),
}

/// What was loaded, table by table, and how long it took.
#[derive(Debug, Default)]
pub struct SeedReport {
    pub rows: Vec<(&'static str, u64)>,
    pub elapsed: Duration,
}

impl SeedReport {
    pub fn count(&self, table: &str) -> u64 {
        self.rows.iter().filter(|(t, _)| *t == table).map(|(_, n)| n).sum()
    }
}

/// Seeds `db` (migrated, territory loaded, no account yet) at `scale`, telling `progress` what
/// it is doing (a phase name, done, total).
pub async fn seed(db: &Db, scale: Scale, progress: &(dyn Fn(&str, u64, u64) + Sync)) -> Result<SeedReport, SeedError> {
    let started = Instant::now();
    let mut report = seed_network(db, scale.sizes(), 2010, progress).await?;
    report.elapsed = started.elapsed();
    Ok(report)
}
