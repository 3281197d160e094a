use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{user_columns, workspace_columns};
use crate::{ApiToken, ApiTokenListing, Db, Result, User, Workspace, found, on_read, on_write};

/// What a bearer token resolves to: the person, the workspace and their role.
#[derive(Debug, Clone)]
pub struct TokenGrant {
    pub token_id: Uuid,
    pub last_used_at: Option<DateTime<Utc>>,
    pub user: User,
    pub workspace: Workspace,
    pub role_name: String,
}

impl Db {
    pub async fn create_api_token(
        &self,
        user_id: Uuid,
        workspace_id: Uuid,
        name: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<ApiToken> {
        let token = ApiToken {
            id: Uuid::now_v7(),
            user_id,
            workspace_id,
            name: name.to_string(),
            created_at: now,
            last_used_at: None,
        };
        on_write!(self, |pool| sqlx::query(
            "INSERT INTO api_tokens (id, token_hash, user_id, workspace_id, name, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(token.id)
        .bind(token_hash)
        .bind(user_id)
        .bind(workspace_id)
        .bind(name)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(token)
    }

    /// Resolves a bearer token; a token whose holder left the workspace resolves to nothing.
    pub async fn api_token_grant(&self, token_hash: &str) -> Result<Option<TokenGrant>> {
        let sql = concat!(
            "SELECT t.id AS token_id, t.last_used_at, m.role, ",
            user_columns!(),
            " FROM api_tokens t JOIN users u ON u.id = t.user_id \
             JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id \
             WHERE t.token_hash = $1"
        );
        let row: Option<GrantRow> = on_read!(self, |pool| sqlx::query_as(sql)
            .bind(token_hash)
            .fetch_optional(pool)
            .await?);
        let Some(row) = row else { return Ok(None) };
        let workspace_sql = concat!(
            "SELECT ",
            workspace_columns!(),
            " FROM workspaces w JOIN api_tokens t ON t.workspace_id = w.id WHERE t.id = $1"
        );
        let workspace: Workspace = on_read!(self, |pool| sqlx::query_as(workspace_sql)
            .bind(row.token_id)
            .fetch_one(pool)
            .await?);
        Ok(Some(TokenGrant {
            token_id: row.token_id,
            last_used_at: row.last_used_at,
            user: row.user,
            workspace,
            role_name: row.role,
        }))
    }

    pub async fn touch_api_token(&self, id: Uuid, now: DateTime<Utc>) -> Result<()> {
        on_write!(self, |pool| sqlx::query(
            "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2"
        )
        .bind(now)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(())
    }

    /// The person's tokens, optionally only those bound to one workspace.
    pub async fn api_tokens_of(
        &self,
        user_id: Uuid,
        workspace_id: Option<Uuid>,
    ) -> Result<Vec<ApiTokenListing>> {
        Ok(on_read!(self, |pool| sqlx::query_as(
            "SELECT t.id, t.user_id, t.workspace_id, t.name, t.created_at, t.last_used_at, \
             w.slug AS workspace_slug, w.name AS workspace_name \
             FROM api_tokens t JOIN workspaces w ON w.id = t.workspace_id \
             WHERE t.user_id = $1 AND ($2 IS NULL OR t.workspace_id = $2) \
             ORDER BY t.created_at DESC, t.id DESC LIMIT 500"
        )
        .bind(user_id)
        .bind(workspace_id)
        .fetch_all(pool)
        .await?))
    }

    /// Revokes one of the person's own tokens, within one workspace when given.
    pub async fn revoke_api_token(
        &self,
        user_id: Uuid,
        workspace_id: Option<Uuid>,
        id: Uuid,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 AND ($3 IS NULL OR workspace_id = $3)"
        )
        .bind(id)
        .bind(user_id)
        .bind(workspace_id)
        .execute(pool)
        .await?
        .rows_affected()
        });
        found(done)
    }
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    token_id: Uuid,
    last_used_at: Option<DateTime<Utc>>,
    role: String,
    #[sqlx(flatten)]
    user: User,
}
