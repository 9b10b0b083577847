//! argon2id password hashes, computed off the async runtime.

use std::sync::OnceLock;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::error::AppError;

fn hash_blocking(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })
}

fn verify_blocking(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()).unwrap_or(false)
}

/// A hash to verify against when the account does not exist, so that "unknown e-mail" and
/// "wrong password" take the same time.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_blocking("coopol-decoy-password").unwrap_or_default())
}

pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await.map_err(|_| AppError::Internal)?
}

/// Verifies `password` against `stored`, or against a decoy when there is no account.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    let result = tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify_blocking(&password, &stored),
        None => {
            let _ = verify_blocking(&password, decoy_hash());
            false
        }
    })
    .await;
    result.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let stored = hash("un mot de passe solide".into()).await.expect("hash");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("un mot de passe solide".into(), Some(stored.clone())).await);
        assert!(!verify("un autre mot de passe".into(), Some(stored)).await);
        assert!(!verify("un mot de passe solide".into(), None).await);
        assert!(!verify("x".into(), Some("not a hash".into())).await);
    }
}
