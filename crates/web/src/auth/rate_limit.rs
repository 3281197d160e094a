use goalmeet_core::clock;
use goalmeet_store::{Db, RateLimit};

use crate::AppError;

/// Refuses with `RateLimited` (and how long to wait) when any bucket is full.
pub async fn enforce(db: &Db, buckets: &[String], limit: RateLimit) -> Result<(), AppError> {
    let now = clock::now();
    let mut longest = None;
    for bucket in buckets {
        if let Some(wait) = db.rate_limit_wait(bucket, limit, now).await? {
            longest = longest.max(Some(wait));
        }
    }
    match longest {
        Some(wait) => Err(AppError::RateLimited {
            retry_after_secs: wait.num_seconds().max(1),
        }),
        None => Ok(()),
    }
}

/// Counts one attempt in each bucket (failures for log-ins, every try for sign-ups).
pub async fn record_attempt(db: &Db, buckets: &[String]) -> Result<(), AppError> {
    let now = clock::now();
    for bucket in buckets {
        db.rate_limit_record(bucket, now).await?;
    }
    Ok(())
}
