use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use goalmeet_store::{Db, User};
use tokio::sync::Semaphore;

use crate::AppError;

/// Argon2id hashing off the async runtime, with a bound on how many hashes
/// run at once so a burst of log-ins cannot exhaust memory or starve requests.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    /// Verified against when an account does not exist, so that a wrong
    /// e-mail costs the same time as a wrong password.
    dummy_hash: Arc<String>,
}

impl Passwords {
    pub fn new(max_concurrent: usize) -> Self {
        let dummy_hash = Argon2::default()
            .hash_password(b"placeholder password", &SaltString::generate(&mut OsRng))
            .expect("argon2 hashing with default parameters")
            .to_string();
        Self {
            permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
            dummy_hash: Arc::new(dummy_hash),
        }
    }

    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let _permit = self.permits.acquire().await.map_err(anyhow::Error::from)?;
        let password = password.to_owned();
        let hash = tokio::task::spawn_blocking(move || {
            Argon2::default()
                .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
                .map(|h| h.to_string())
                .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
        })
        .await
        .map_err(anyhow::Error::from)??;
        Ok(hash)
    }

    pub async fn verify(&self, hash: Option<&str>, password: &str) -> Result<bool, AppError> {
        let _permit = self.permits.acquire().await.map_err(anyhow::Error::from)?;
        let hash = hash.unwrap_or(&self.dummy_hash).to_owned();
        let real = hash != *self.dummy_hash;
        let password = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .map_err(anyhow::Error::from)?;
        Ok(ok && real)
    }
}

/// Checks an e-mail and password, rate limited per client address and per
/// account. Returns the person, or `Unauthorized`/`RateLimited`.
pub async fn check_login(
    db: &Db,
    passwords: &Passwords,
    limit: goalmeet_store::RateLimit,
    ip: &str,
    email: &str,
    password: &str,
) -> Result<User, AppError> {
    let email = email.trim().to_lowercase();
    let buckets = [format!("login:ip:{ip}"), format!("login:account:{email}")];
    super::enforce(db, &buckets, limit).await?;
    let user = db.user_by_email(&email).await?;
    let ok = passwords
        .verify(user.as_ref().map(|u| u.password_hash.as_str()), password)
        .await?;
    match user {
        Some(user) if ok => {
            db.rate_limit_clear(&buckets[1]).await?;
            Ok(user)
        }
        _ => {
            super::record_attempt(db, &buckets).await?;
            Err(AppError::Unauthorized)
        }
    }
}
