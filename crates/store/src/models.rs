//! Read models returned by the store.

use chrono::{DateTime, Utc};
use goalmeet_core::Role;
use uuid::Uuid;

fn role_of(text: &str) -> Role {
    // The schema's CHECK constraint allows only the four role names.
    Role::parse(text).unwrap_or(Role::Guest)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub time_zone: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Workspace {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub meeting_hourly_cost_cents: i64,
    pub created_at: DateTime<Utc>,
}

/// A workspace as seen by one of its members.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkspaceMembership {
    #[sqlx(flatten)]
    pub workspace: Workspace,
    #[sqlx(rename = "role")]
    pub role_name: String,
}

impl WorkspaceMembership {
    pub fn role(&self) -> Role {
        role_of(&self.role_name)
    }
}

/// A person listed on a workspace's members page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    #[sqlx(rename = "role")]
    pub role_name: String,
    pub joined_at: DateTime<Utc>,
}

impl Member {
    pub fn role(&self) -> Role {
        role_of(&self.role_name)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub email: String,
    #[sqlx(rename = "role")]
    pub role_name: String,
    pub invited_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

impl Invitation {
    pub fn role(&self) -> Role {
        role_of(&self.role_name)
    }

    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.accepted_at.is_none() && self.expires_at > now
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: Uuid,
    pub user_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: String,
    pub ip: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub workspace_id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// An API token listed with the workspace it is bound to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenListing {
    #[sqlx(flatten)]
    pub token: ApiToken,
    pub workspace_slug: String,
    pub workspace_name: String,
}

/// A workspace with its size, for the admin command.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkspaceSummary {
    #[sqlx(flatten)]
    pub workspace: Workspace,
    pub member_count: i64,
}

/// What a new account is made of; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub time_zone: String,
}
