use goalmeet_core::Role;
use uuid::Uuid;

use crate::{Db, Member, Page, PageRequest, Result, StoreError, in_tx, on_read};

macro_rules! member_select {
    () => {
        "SELECT u.id AS user_id, u.name, u.email, m.role, m.created_at AS joined_at \
         FROM memberships m JOIN users u ON u.id = m.user_id "
    };
}

/// Inside a transaction: fails with `NotFound` when the person is not a
/// member, and with `LastOwner` when the change (`$new_role`, `None` for
/// removal) would leave the workspace without an owner.
macro_rules! ensure_an_owner_remains {
    ($tx:ident, $workspace_id:expr, $user_id:expr, $new_role:expr) => {{
        let current: Option<(String,)> =
            sqlx::query_as("SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                .bind($workspace_id)
                .bind($user_id)
                .fetch_optional(&mut *$tx)
                .await?;
        let Some((current,)) = current else {
            return Err(StoreError::NotFound);
        };
        let new_role: Option<Role> = $new_role;
        if current == "owner" && new_role != Some(Role::Owner) {
            let owners: (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM memberships WHERE workspace_id = $1 AND role = 'owner'",
            )
            .bind($workspace_id)
            .fetch_one(&mut *$tx)
            .await?;
            if owners.0 <= 1 {
                return Err(StoreError::LastOwner);
            }
        }
    }};
}

impl Db {
    pub async fn list_members(
        &self,
        workspace_id: Uuid,
        page: PageRequest,
    ) -> Result<Page<Member>> {
        let sql = concat!(
            member_select!(),
            "WHERE m.workspace_id = $1 ORDER BY u.name, u.id LIMIT $2 OFFSET $3"
        );
        let (items, total) = on_read!(self, |pool| {
            let items = sqlx::query_as(sql)
                .bind(workspace_id)
                .bind(page.limit)
                .bind(page.offset)
                .fetch_all(pool)
                .await?;
            let total: (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM memberships WHERE workspace_id = $1")
                    .bind(workspace_id)
                    .fetch_one(pool)
                    .await?;
            (items, total.0)
        });
        Ok(Page {
            items,
            total,
            limit: page.limit,
            offset: page.offset,
        })
    }

    pub async fn member(&self, workspace_id: Uuid, user_id: Uuid) -> Result<Option<Member>> {
        let sql = concat!(
            member_select!(),
            "WHERE m.workspace_id = $1 AND m.user_id = $2"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(user_id)
            .fetch_optional(pool)
            .await?))
    }

    /// Changes a member's role; refuses to demote the last owner.
    pub async fn change_role(&self, workspace_id: Uuid, user_id: Uuid, role: Role) -> Result<()> {
        in_tx!(self, |tx| {
            ensure_an_owner_remains!(tx, workspace_id, user_id, Some(role));
            sqlx::query(
                "UPDATE memberships SET role = $1 WHERE workspace_id = $2 AND user_id = $3",
            )
            .bind(role.as_str())
            .bind(workspace_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Removes a member and the API tokens they hold for this workspace;
    /// refuses to remove the last owner.
    pub async fn remove_member(&self, workspace_id: Uuid, user_id: Uuid) -> Result<()> {
        in_tx!(self, |tx| {
            ensure_an_owner_remains!(tx, workspace_id, user_id, None);
            sqlx::query("DELETE FROM api_tokens WHERE workspace_id = $1 AND user_id = $2")
                .bind(workspace_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                .bind(workspace_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }
}

impl Db {
    /// Which of `ids` are members of the workspace.
    pub async fn members_among(&self, workspace_id: Uuid, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let all: Vec<(Uuid,)> = on_read!(self, |pool| sqlx::query_as(
            "SELECT user_id FROM memberships WHERE workspace_id = $1"
        )
        .bind(workspace_id)
        .fetch_all(pool)
        .await?);
        Ok(ids
            .iter()
            .copied()
            .filter(|id| all.iter().any(|(m,)| m == id))
            .collect())
    }

    /// Every member's id and name, by name, for pickers.
    pub async fn member_names(&self, workspace_id: Uuid) -> Result<Vec<crate::Attendee>> {
        Ok(on_read!(self, |pool| sqlx::query_as(
            "SELECT u.id AS user_id, u.name FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.workspace_id = $1 ORDER BY u.name, u.id LIMIT 2000"
        )
        .bind(workspace_id)
        .fetch_all(pool)
        .await?))
    }
}
