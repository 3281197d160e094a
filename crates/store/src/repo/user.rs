use uuid::Uuid;

use super::user_columns;
use crate::{Db, Result, StoreError, User, found, in_tx, on_read, on_write};

impl Db {
    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM users u WHERE u.email = $1"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(email)
            .fetch_optional(pool)
            .await?))
    }

    pub async fn user_by_id(&self, id: Uuid) -> Result<Option<User>> {
        let sql = concat!("SELECT ", user_columns!(), " FROM users u WHERE u.id = $1");
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    pub async fn update_profile(&self, id: Uuid, name: &str, time_zone: &str) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "UPDATE users SET name = $1, time_zone = $2 WHERE id = $3"
        )
        .bind(name)
        .bind(time_zone)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }

    /// Replaces a password hash and ends every session of the person except
    /// `keep_session` (the one that changed it, if any).
    pub async fn set_password(
        &self,
        id: Uuid,
        password_hash: &str,
        keep_session: Option<Uuid>,
    ) -> Result<()> {
        in_tx!(self, |tx| {
            let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(password_hash)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
                .bind(id)
                .bind(keep_session.unwrap_or(Uuid::nil()))
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }
}

/// Inserts a user inside an open transaction; shared by sign-up and invitations.
macro_rules! insert_user {
    ($tx:expr, $user:expr, $now:expr) => {{
        let id = ::uuid::Uuid::now_v7();
        sqlx::query(
            "INSERT INTO users (id, email, name, password_hash, time_zone, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(&$user.email)
        .bind(&$user.name)
        .bind(&$user.password_hash)
        .bind(&$user.time_zone)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err(|e| $crate::StoreError::from(e).conflict_as("email"))?;
        $crate::User {
            id,
            email: $user.email.clone(),
            name: $user.name.clone(),
            password_hash: $user.password_hash.clone(),
            time_zone: $user.time_zone.clone(),
            created_at: $now,
        }
    }};
}
pub(crate) use insert_user;
