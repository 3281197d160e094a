use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::user::insert_user;
use super::workspace_columns;
use crate::{
    Db, NewUser, Result, StoreError, User, Workspace, WorkspaceMembership, WorkspaceSummary, in_tx,
    on_read, on_write,
};

/// What a new workspace is made of.
#[derive(Debug, Clone)]
pub struct NewWorkspace {
    pub name: String,
    pub slug_base: String,
    pub time_zone: String,
    pub meeting_hourly_cost_cents: i64,
}

/// Inserts a workspace and its first owner inside an open transaction. The
/// slug is the base, or the base with a short random suffix when taken.
macro_rules! insert_workspace_with_owner {
    ($tx:expr, $new:expr, $owner_id:expr, $now:expr) => {{
        let taken: Option<(String,)> = sqlx::query_as("SELECT slug FROM workspaces WHERE slug = $1")
            .bind(&$new.slug_base)
            .fetch_optional(&mut *$tx)
            .await?;
        let slug = match taken {
            None => $new.slug_base.clone(),
            Some(_) => format!("{}-{}", $new.slug_base, &Uuid::new_v4().simple().to_string()[..6]),
        };
        let workspace = Workspace {
            id: Uuid::now_v7(),
            slug,
            name: $new.name.clone(),
            time_zone: $new.time_zone.clone(),
            meeting_hourly_cost_cents: $new.meeting_hourly_cost_cents,
            created_at: $now,
        };
        sqlx::query(
            "INSERT INTO workspaces (id, slug, name, time_zone, meeting_hourly_cost_cents, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(workspace.id)
        .bind(&workspace.slug)
        .bind(&workspace.name)
        .bind(&workspace.time_zone)
        .bind(workspace.meeting_hourly_cost_cents)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err(|e| StoreError::from(e).conflict_as("workspace"))?;
        sqlx::query(
            "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)",
        )
        .bind(workspace.id)
        .bind($owner_id)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        workspace
    }};
}

impl Db {
    /// Sign-up: a new person and a new workspace they own, in one transaction.
    pub async fn create_account_with_workspace(
        &self,
        user: &NewUser,
        workspace: &NewWorkspace,
        now: DateTime<Utc>,
    ) -> Result<(User, Workspace)> {
        Ok(in_tx!(self, |tx| {
            let user = insert_user!(tx, user, now);
            let workspace = insert_workspace_with_owner!(tx, workspace, user.id, now);
            (user, workspace)
        }))
    }

    /// An existing person starts another workspace.
    pub async fn create_workspace(
        &self,
        owner_id: Uuid,
        workspace: &NewWorkspace,
        now: DateTime<Utc>,
    ) -> Result<Workspace> {
        Ok(in_tx!(self, |tx| insert_workspace_with_owner!(
            tx, workspace, owner_id, now
        )))
    }

    pub async fn workspace_by_id(&self, id: Uuid) -> Result<Option<Workspace>> {
        let sql = concat!(
            "SELECT ",
            workspace_columns!(),
            " FROM workspaces w WHERE w.id = $1"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    /// A workspace by id or slug, whichever `key` is.
    pub async fn workspace_by_key(&self, key: &str) -> Result<Option<Workspace>> {
        match Uuid::parse_str(key) {
            Ok(id) => self.workspace_by_id(id).await,
            Err(_) => self.workspace_by_slug(key).await,
        }
    }

    pub async fn workspace_by_slug(&self, slug: &str) -> Result<Option<Workspace>> {
        let sql = concat!(
            "SELECT ",
            workspace_columns!(),
            " FROM workspaces w WHERE w.slug = $1"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(slug)
            .fetch_optional(pool)
            .await?))
    }

    /// The workspace with this slug, if `user_id` is a member, with their role.
    pub async fn membership_by_slug(
        &self,
        user_id: Uuid,
        slug: &str,
    ) -> Result<Option<WorkspaceMembership>> {
        let sql = concat!(
            "SELECT ",
            workspace_columns!(),
            ", m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id \
             WHERE w.slug = $1 AND m.user_id = $2"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(slug)
            .bind(user_id)
            .fetch_optional(pool)
            .await?))
    }

    /// Every workspace the person belongs to, by name.
    pub async fn memberships_of(&self, user_id: Uuid) -> Result<Vec<WorkspaceMembership>> {
        let sql = concat!(
            "SELECT ",
            workspace_columns!(),
            ", m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id \
             WHERE m.user_id = $1 ORDER BY w.name, w.id"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(user_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn update_workspace_settings(
        &self,
        id: Uuid,
        name: &str,
        time_zone: &str,
        meeting_hourly_cost_cents: i64,
    ) -> Result<Workspace> {
        let sql = "UPDATE workspaces SET name = $1, time_zone = $2, meeting_hourly_cost_cents = $3 \
                   WHERE id = $4 RETURNING id, slug, name, time_zone, meeting_hourly_cost_cents, created_at";
        on_write!(self, |pool| sqlx::query_as(sql)
            .bind(name)
            .bind(time_zone)
            .bind(meeting_hourly_cost_cents)
            .bind(id)
            .fetch_optional(pool)
            .await?)
        .ok_or(StoreError::NotFound)
    }

    /// All workspaces with their member counts, for operators.
    pub async fn workspace_summaries(&self) -> Result<Vec<WorkspaceSummary>> {
        let sql = concat!(
            "SELECT ",
            workspace_columns!(),
            ", (SELECT COUNT(*) FROM memberships m WHERE m.workspace_id = w.id) AS member_count \
             FROM workspaces w ORDER BY w.created_at, w.id"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .fetch_all(pool)
            .await?))
    }
}
