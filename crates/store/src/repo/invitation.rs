use chrono::{DateTime, Utc};
use goalmeet_core::Role;
use uuid::Uuid;

use super::user::insert_user;
use crate::{
    Db, Invitation, NewUser, Result, StoreError, User, Workspace, found, in_tx, on_read, on_write,
};

macro_rules! invitation_columns {
    () => {
        "i.id, i.workspace_id, i.email, i.role, i.invited_by, i.created_at, i.expires_at, i.accepted_at"
    };
}

/// Inside a transaction: adds the membership an invitation grants (keeping an
/// existing membership's role) and marks the invitation used. Fails with
/// `NotFound` when the invitation was used or revoked meanwhile.
macro_rules! redeem {
    ($tx:ident, $invitation:expr, $user_id:expr, $now:expr) => {{
        let used = sqlx::query(
            "UPDATE invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL",
        )
        .bind($now)
        .bind($invitation.id)
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        if used == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (workspace_id, user_id) DO NOTHING",
        )
        .bind($invitation.workspace_id)
        .bind($user_id)
        .bind(&$invitation.role_name)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}

impl Db {
    #[allow(clippy::too_many_arguments)]
    pub async fn create_invitation(
        &self,
        workspace_id: Uuid,
        email: &str,
        role: Role,
        token_hash: &str,
        invited_by: Uuid,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Invitation> {
        let invitation = Invitation {
            id: Uuid::now_v7(),
            workspace_id,
            email: email.to_string(),
            role_name: role.as_str().to_string(),
            invited_by,
            created_at: now,
            expires_at,
            accepted_at: None,
        };
        on_write!(self, |pool| {
            sqlx::query(
            "INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        )
        .bind(invitation.id)
        .bind(workspace_id)
        .bind(email)
        .bind(role.as_str())
        .bind(token_hash)
        .bind(invited_by)
        .bind(now)
        .bind(expires_at)
        .execute(pool)
        .await?.rows_affected()
        });
        Ok(invitation)
    }

    /// Invitations not yet accepted (including expired ones, shown as such).
    pub async fn pending_invitations(&self, workspace_id: Uuid) -> Result<Vec<Invitation>> {
        let sql = concat!(
            "SELECT ",
            invitation_columns!(),
            " FROM invitations i WHERE i.workspace_id = $1 AND i.accepted_at IS NULL \
             ORDER BY i.created_at DESC, i.id DESC LIMIT 500"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn revoke_invitation(&self, workspace_id: Uuid, id: Uuid) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "DELETE FROM invitations WHERE workspace_id = $1 AND id = $2 AND accepted_at IS NULL"
        )
        .bind(workspace_id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected()
        });
        found(done)
    }

    /// The invitation behind a link, with its workspace.
    pub async fn invitation_by_token_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<(Invitation, Workspace)>> {
        let sql = concat!(
            "SELECT ",
            invitation_columns!(),
            " FROM invitations i WHERE i.token_hash = $1"
        );
        let invitation: Option<Invitation> = on_read!(self, |pool| sqlx::query_as(sql)
            .bind(token_hash)
            .fetch_optional(pool)
            .await?);
        let Some(invitation) = invitation else {
            return Ok(None);
        };
        let workspace = self
            .workspace_by_id(invitation.workspace_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(Some((invitation, workspace)))
    }

    /// An existing account accepts an invitation.
    pub async fn accept_invitation(
        &self,
        invitation: &Invitation,
        user_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<()> {
        in_tx!(self, |tx| {
            redeem!(tx, invitation, user_id, now);
        });
        Ok(())
    }

    /// A newcomer accepts an invitation by creating their account.
    pub async fn accept_invitation_with_new_account(
        &self,
        invitation: &Invitation,
        user: &NewUser,
        now: DateTime<Utc>,
    ) -> Result<User> {
        Ok(in_tx!(self, |tx| {
            let user = insert_user!(tx, user, now);
            redeem!(tx, invitation, user.id, now);
            user
        }))
    }
}
