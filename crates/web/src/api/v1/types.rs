//! The API's JSON shapes, shared by its handlers and its OpenAPI document.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserOut {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    /// IANA time zone used to show times to this person.
    pub time_zone: String,
    pub created_at: DateTime<Utc>,
}

impl From<&goalmeet_store::User> for UserOut {
    fn from(u: &goalmeet_store::User) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            name: u.name.clone(),
            time_zone: u.time_zone.clone(),
            created_at: u.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkspaceOut {
    pub id: Uuid,
    /// URL name, used in web addresses (`/w/{slug}`).
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    /// Cost of one person-hour spent in meetings, in cents.
    pub meeting_hourly_cost_cents: i64,
    pub created_at: DateTime<Utc>,
}

impl From<&goalmeet_store::Workspace> for WorkspaceOut {
    fn from(w: &goalmeet_store::Workspace) -> Self {
        Self {
            id: w.id,
            slug: w.slug.clone(),
            name: w.name.clone(),
            time_zone: w.time_zone.clone(),
            meeting_hourly_cost_cents: w.meeting_hourly_cost_cents,
            created_at: w.created_at,
        }
    }
}

/// One of `owner`, `admin`, `member`, `guest`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RoleOut {
    Owner,
    Admin,
    Member,
    Guest,
}

impl From<goalmeet_core::Role> for RoleOut {
    fn from(r: goalmeet_core::Role) -> Self {
        use goalmeet_core::Role::*;
        match r {
            Owner => RoleOut::Owner,
            Admin => RoleOut::Admin,
            Member => RoleOut::Member,
            Guest => RoleOut::Guest,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub role: RoleOut,
    pub joined_at: DateTime<Utc>,
}

impl From<&goalmeet_store::Member> for MemberOut {
    fn from(m: &goalmeet_store::Member) -> Self {
        Self {
            user_id: m.user_id,
            name: m.name.clone(),
            email: m.email.clone(),
            role: m.role().into(),
            joined_at: m.joined_at,
        }
    }
}

/// One page of members.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberPage {
    pub items: Vec<MemberOut>,
    /// How many there are in all.
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenOut {
    pub id: Uuid,
    pub name: String,
    pub workspace_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<&goalmeet_store::ApiToken> for TokenOut {
    fn from(t: &goalmeet_store::ApiToken) -> Self {
        Self {
            id: t.id,
            name: t.name.clone(),
            workspace_id: t.workspace_id,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenList {
    pub items: Vec<TokenOut>,
}

/// `pending` (usable), `expired`.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationOut {
    pub id: Uuid,
    pub email: String,
    pub role: RoleOut,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// `pending` while the link works, `expired` afterwards.
    pub status: String,
}

impl From<&goalmeet_store::Invitation> for InvitationOut {
    fn from(i: &goalmeet_store::Invitation) -> Self {
        Self {
            id: i.id,
            email: i.email.clone(),
            role: i.role().into(),
            created_at: i.created_at,
            expires_at: i.expires_at,
            status: if i.is_open(goalmeet_core::clock::now()) {
                "pending"
            } else {
                "expired"
            }
            .into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationList {
    pub items: Vec<InvitationOut>,
}
