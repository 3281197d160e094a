use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::user_columns;
use crate::{Db, Result, Session, User, found, on_read, on_write};

impl Db {
    pub async fn create_session(
        &self,
        user_id: Uuid,
        token_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        user_agent: &str,
        ip: &str,
    ) -> Result<Session> {
        let session = Session {
            id: Uuid::now_v7(),
            user_id,
            created_at: now,
            last_seen_at: now,
            expires_at,
            user_agent: user_agent.chars().take(300).collect(),
            ip: ip.to_string(),
        };
        on_write!(self, |pool| {
            sqlx::query(
            "INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        )
        .bind(session.id)
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(now)
        .bind(expires_at)
        .bind(&session.user_agent)
        .bind(ip)
        .execute(pool)
        .await?.rows_affected()
        });
        Ok(session)
    }

    /// The live session behind a cookie, with its person.
    pub async fn session_by_token_hash(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(Session, User)>> {
        let sql = concat!(
            "SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at, \
             s.user_agent, s.ip, ",
            user_columns!(),
            " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        let row: Option<SessionWithUser> = on_read!(self, |pool| sqlx::query_as(sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(|r| {
            let session = Session {
                id: r.session_id,
                user_id: r.user.id,
                created_at: r.session_created_at,
                last_seen_at: r.last_seen_at,
                expires_at: r.expires_at,
                user_agent: r.user_agent,
                ip: r.ip,
            };
            (session, r.user)
        }))
    }

    /// Records activity; callers throttle this so reads stay reads.
    pub async fn touch_session(&self, id: Uuid, now: DateTime<Utc>) -> Result<()> {
        on_write!(self, |pool| sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 WHERE id = $2"
        )
        .bind(now)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(())
    }

    pub async fn delete_session(&self, id: Uuid) -> Result<()> {
        on_write!(self, |pool| sqlx::query(
            "DELETE FROM sessions WHERE id = $1"
        )
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(())
    }

    /// Ends one of the person's own sessions.
    pub async fn revoke_session(&self, user_id: Uuid, id: Uuid) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "DELETE FROM sessions WHERE id = $1 AND user_id = $2"
        )
        .bind(id)
        .bind(user_id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }

    pub async fn sessions_of(&self, user_id: Uuid, now: DateTime<Utc>) -> Result<Vec<Session>> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
            "SELECT id, user_id, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions \
             WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, id DESC LIMIT 200"
        )
        .bind(user_id)
        .bind(now)
        .fetch_all(pool)
        .await?
        }))
    }

    /// Deletes expired sessions and old rate-limit records.
    pub async fn prune_expired(&self, now: DateTime<Utc>) -> Result<u64> {
        let pruned = on_write!(self, |pool| {
            let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected();
            let hits = sqlx::query("DELETE FROM rate_limit_hits WHERE at < $1")
                .bind(now - chrono::Duration::days(1))
                .execute(pool)
                .await?
                .rows_affected();
            sessions + hits
        });
        Ok(pruned)
    }
}

/// Session columns are aliased where they would collide with the user's.
#[derive(sqlx::FromRow)]
struct SessionWithUser {
    session_id: Uuid,
    session_created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    user_agent: String,
    ip: String,
    #[sqlx(flatten)]
    user: User,
}
