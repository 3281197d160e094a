//! Attempt counting kept in the database, so every instance sees the same counts.

use chrono::{DateTime, Duration, Utc};

use crate::{Db, Result, on_read, on_write};

/// At most `max` counted attempts per `window` in one bucket.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    pub max: i64,
    pub window: Duration,
}

impl Db {
    /// How long until another attempt in `bucket` is allowed, or `None` if it is allowed now.
    pub async fn rate_limit_wait(
        &self,
        bucket: &str,
        limit: RateLimit,
        now: DateTime<Utc>,
    ) -> Result<Option<Duration>> {
        let since = now - limit.window;
        let (count, oldest): (i64, Option<DateTime<Utc>>) = on_read!(self, |pool| {
            let count: (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM rate_limit_hits WHERE bucket = $1 AND at > $2",
            )
            .bind(bucket)
            .bind(since)
            .fetch_one(pool)
            .await?;
            if count.0 < limit.max {
                (count.0, None)
            } else {
                // The attempt that frees a slot when it ages out of the window.
                let nth: Option<(DateTime<Utc>,)> = sqlx::query_as(
                    "SELECT at FROM rate_limit_hits WHERE bucket = $1 AND at > $2 \
                     ORDER BY at DESC LIMIT 1 OFFSET $3",
                )
                .bind(bucket)
                .bind(since)
                .bind(limit.max - 1)
                .fetch_optional(pool)
                .await?;
                (count.0, nth.map(|r| r.0))
            }
        });
        if count < limit.max {
            return Ok(None);
        }
        let wait = oldest.map_or(limit.window, |at| at + limit.window - now);
        Ok(Some(wait.max(Duration::seconds(1))))
    }

    /// Counts one attempt in `bucket`.
    pub async fn rate_limit_record(&self, bucket: &str, now: DateTime<Utc>) -> Result<()> {
        on_write!(self, |pool| sqlx::query(
            "INSERT INTO rate_limit_hits (bucket, at) VALUES ($1, $2)"
        )
        .bind(bucket)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(())
    }

    /// Forgets the attempts in `bucket`, e.g. after a successful log-in.
    pub async fn rate_limit_clear(&self, bucket: &str) -> Result<()> {
        on_write!(self, |pool| sqlx::query(
            "DELETE FROM rate_limit_hits WHERE bucket = $1"
        )
        .bind(bucket)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(())
    }
}
