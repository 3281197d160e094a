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

// ---------------------------------------------------------------- meetings

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Meeting {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub series_id: Option<Uuid>,
    pub title: String,
    pub purpose: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub location: String,
    #[sqlx(rename = "status")]
    pub status_name: String,
    pub created_by: Uuid,
    pub facilitator_id: Option<Uuid>,
    pub note_taker_id: Option<Uuid>,
    pub timekeeper_id: Option<Uuid>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub current_item_id: Option<Uuid>,
    pub current_item_started_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Meeting {
    pub fn status(&self) -> goalmeet_core::meeting::MeetingStatus {
        goalmeet_core::meeting::MeetingStatus::parse(&self.status_name)
            .unwrap_or(goalmeet_core::meeting::MeetingStatus::Draft)
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + chrono::Duration::minutes(self.duration_minutes)
    }
}

/// A person attending a meeting.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attendee {
    pub user_id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgendaItem {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub title: String,
    pub notes: String,
    pub presenter_id: Option<Uuid>,
    pub timebox_minutes: i64,
    #[sqlx(rename = "kind")]
    pub kind_name: String,
    #[sqlx(rename = "state")]
    pub state_name: String,
    pub proposal: String,
    pub position: i64,
    pub roll_count: i64,
    pub carried_from: Option<Uuid>,
    pub used_seconds: i64,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl AgendaItem {
    pub fn kind(&self) -> goalmeet_core::agenda::AgendaKind {
        goalmeet_core::agenda::AgendaKind::parse(&self.kind_name)
            .unwrap_or(goalmeet_core::agenda::AgendaKind::Discussion)
    }

    pub fn state(&self) -> goalmeet_core::agenda::AgendaState {
        goalmeet_core::agenda::AgendaState::parse(&self.state_name)
            .unwrap_or(goalmeet_core::agenda::AgendaState::Pending)
    }

    pub fn is_accepted(&self) -> bool {
        self.proposal == "accepted"
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActionItem {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub title: String,
    pub assignee_id: Option<Uuid>,
    pub due_on: Option<chrono::NaiveDate>,
    #[sqlx(rename = "status")]
    pub status_name: String,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    pub roll_count: i64,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    /// Joined for lists: the assignee's name and the origin meeting's title.
    pub assignee_name: Option<String>,
    pub meeting_title: Option<String>,
}

impl ActionItem {
    pub fn status(&self) -> goalmeet_core::action::ActionStatus {
        goalmeet_core::action::ActionStatus::parse(&self.status_name)
            .unwrap_or(goalmeet_core::action::ActionStatus::Open)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Decision {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub statement: String,
    pub context: String,
    pub rationale: String,
    pub decided_by: Option<Uuid>,
    pub decided_on: chrono::NaiveDate,
    #[sqlx(rename = "status")]
    pub status_name: String,
    pub superseded_by: Option<Uuid>,
    pub revisit_on: Option<chrono::NaiveDate>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub decided_by_name: Option<String>,
    pub meeting_title: Option<String>,
}

impl Decision {
    pub fn status(&self) -> goalmeet_core::decision::DecisionStatus {
        goalmeet_core::decision::DecisionStatus::parse(&self.status_name)
            .unwrap_or(goalmeet_core::decision::DecisionStatus::Decided)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Series {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub title: String,
    pub rrule: String,
    pub time_zone: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Template {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub name: String,
    pub description: String,
    pub purpose: String,
    pub duration_minutes: i64,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TemplateItemRow {
    pub position: i64,
    pub title: String,
    pub kind: String,
    pub timebox_minutes: i64,
    pub notes: String,
}
