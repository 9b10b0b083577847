//! Session tokens: 256 random bits in the cookie, only their SHA-256 in the database.

use rand::RngCore;
use sha2::{Digest, Sha256};

pub const COOKIE_NAME: &str = "coopol_session";
/// Sessions last 30 days after the last activity.
pub const LIFETIME_MS: i64 = 30 * 24 * 3600 * 1000;
/// Activity is written back at most this often per session, to keep reads read-only.
pub const TOUCH_EVERY_MS: i64 = 10 * 60 * 1000;

pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A stable, non-reversible key for per-account buckets (rate limits) without storing e-mails.
pub fn account_key(email_normalized: &str) -> String {
    hex::encode(&Sha256::digest(format!("coopol-account:{email_normalized}").as_bytes())[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = generate();
        let b = generate();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), a);
        assert_eq!(account_key("a@b.fr").len(), 32);
    }
}
