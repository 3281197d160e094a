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

// ---------------------------------------------------------------- meetings

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: Uuid,
    pub series_id: Option<Uuid>,
    pub title: String,
    /// The purpose / desired outcome; required before the meeting can start.
    pub purpose: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub location: String,
    /// `draft`, `scheduled`, `in_progress`, `ended` or `cancelled`.
    pub status: String,
    pub created_by: Uuid,
    pub facilitator_id: Option<Uuid>,
    pub note_taker_id: Option<Uuid>,
    pub timekeeper_id: Option<Uuid>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    /// The agenda item the meeting's clock is on, while in progress.
    pub current_item_id: Option<Uuid>,
}

impl From<&goalmeet_store::Meeting> for MeetingOut {
    fn from(m: &goalmeet_store::Meeting) -> Self {
        Self {
            id: m.id,
            series_id: m.series_id,
            title: m.title.clone(),
            purpose: m.purpose.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at(),
            duration_minutes: m.duration_minutes,
            location: m.location.clone(),
            status: m.status_name.clone(),
            created_by: m.created_by,
            facilitator_id: m.facilitator_id,
            note_taker_id: m.note_taker_id,
            timekeeper_id: m.timekeeper_id,
            started_at: m.started_at,
            ended_at: m.ended_at,
            current_item_id: m.current_item_id,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingPage {
    pub items: Vec<MeetingOut>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub user_id: Uuid,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemOut {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub title: String,
    pub notes: String,
    pub presenter_id: Option<Uuid>,
    pub timebox_minutes: i64,
    /// `discussion`, `decision`, `information`, `update` or `check-in`.
    pub kind: String,
    /// `pending`, `discussed` or `deferred`.
    pub state: String,
    /// `accepted` (on the agenda), `proposed` (awaiting the facilitator) or `parked` (parking lot).
    pub proposal: String,
    pub position: i64,
    /// How many times it rolled over from earlier meetings of its series.
    pub roll_count: i64,
    /// Seconds spent on it in run mode.
    pub used_seconds: i64,
}

impl From<&goalmeet_store::AgendaItem> for AgendaItemOut {
    fn from(i: &goalmeet_store::AgendaItem) -> Self {
        Self {
            id: i.id,
            meeting_id: i.meeting_id,
            title: i.title.clone(),
            notes: i.notes.clone(),
            presenter_id: i.presenter_id,
            timebox_minutes: i.timebox_minutes,
            kind: i.kind_name.clone(),
            state: i.state_name.clone(),
            proposal: i.proposal.clone(),
            position: i.position,
            roll_count: i.roll_count,
            used_seconds: i.used_seconds,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaList {
    pub items: Vec<AgendaItemOut>,
    /// Sum of accepted items' timeboxes.
    pub planned_minutes: i64,
    pub duration_minutes: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemOut {
    pub id: Uuid,
    pub title: String,
    pub assignee_id: Option<Uuid>,
    pub assignee_name: Option<String>,
    pub due_on: Option<chrono::NaiveDate>,
    /// `open`, `done` or `cancelled`.
    pub status: String,
    pub meeting_id: Option<Uuid>,
    pub meeting_title: Option<String>,
    pub agenda_item_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    /// How many later meetings of its series it rolled into while open.
    pub roll_count: i64,
    pub created_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl From<&goalmeet_store::ActionItem> for ActionItemOut {
    fn from(a: &goalmeet_store::ActionItem) -> Self {
        Self {
            id: a.id,
            title: a.title.clone(),
            assignee_id: a.assignee_id,
            assignee_name: a.assignee_name.clone(),
            due_on: a.due_on,
            status: a.status_name.clone(),
            meeting_id: a.meeting_id,
            meeting_title: a.meeting_title.clone(),
            agenda_item_id: a.agenda_item_id,
            series_id: a.series_id,
            roll_count: a.roll_count,
            created_at: a.created_at,
            completed_at: a.completed_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemPage {
    pub items: Vec<ActionItemOut>,
    /// Matching items, counted up to 1,000.
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOut {
    pub id: Uuid,
    pub statement: String,
    pub context: String,
    pub rationale: String,
    pub decided_by: Option<Uuid>,
    pub decided_by_name: Option<String>,
    pub decided_on: chrono::NaiveDate,
    /// `proposed`, `decided` or `superseded`.
    pub status: String,
    /// The decision that replaced this one.
    pub superseded_by: Option<Uuid>,
    pub revisit_on: Option<chrono::NaiveDate>,
    pub meeting_id: Option<Uuid>,
    pub meeting_title: Option<String>,
    pub agenda_item_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<&goalmeet_store::Decision> for DecisionOut {
    fn from(d: &goalmeet_store::Decision) -> Self {
        Self {
            id: d.id,
            statement: d.statement.clone(),
            context: d.context.clone(),
            rationale: d.rationale.clone(),
            decided_by: d.decided_by,
            decided_by_name: d.decided_by_name.clone(),
            decided_on: d.decided_on,
            status: d.status_name.clone(),
            superseded_by: d.superseded_by,
            revisit_on: d.revisit_on,
            meeting_id: d.meeting_id,
            meeting_title: d.meeting_title.clone(),
            agenda_item_id: d.agenda_item_id,
            created_at: d.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionPage {
    pub items: Vec<DecisionOut>,
    /// Matching decisions, counted up to 1,000.
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// A meeting with everything on it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingDetail {
    pub meeting: MeetingOut,
    pub attendees: Vec<PersonOut>,
    pub agenda: AgendaList,
    pub action_items: Vec<ActionItemOut>,
    pub decisions: Vec<DecisionOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateItemOut {
    pub title: String,
    pub kind: String,
    pub timebox_minutes: i64,
    pub notes: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateOut {
    /// `builtin:<key>` for built-in templates, else the workspace template's id.
    pub id: String,
    pub name: String,
    pub description: String,
    pub purpose: String,
    pub duration_minutes: i64,
    pub builtin: bool,
    /// A suggested recurrence (RRULE), for built-in templates.
    pub suggested_rrule: Option<String>,
    pub items: Vec<TemplateItemOut>,
}

impl From<&goalmeet_core::template::BuiltinTemplate> for TemplateOut {
    fn from(t: &goalmeet_core::template::BuiltinTemplate) -> Self {
        Self {
            id: format!("builtin:{}", t.key),
            name: t.name.into(),
            description: t.description.into(),
            purpose: t.purpose.into(),
            duration_minutes: t.duration_minutes,
            builtin: true,
            suggested_rrule: t.suggested_rrule.map(str::to_string),
            items: t
                .items
                .iter()
                .map(|i| TemplateItemOut {
                    title: i.title.into(),
                    kind: i.kind.as_str().into(),
                    timebox_minutes: i.timebox_minutes,
                    notes: i.notes.into(),
                })
                .collect(),
        }
    }
}

impl TemplateOut {
    pub fn from_workspace(
        t: &goalmeet_store::Template,
        items: &[goalmeet_store::TemplateItemRow],
    ) -> Self {
        Self {
            id: t.id.to_string(),
            name: t.name.clone(),
            description: t.description.clone(),
            purpose: t.purpose.clone(),
            duration_minutes: t.duration_minutes,
            builtin: false,
            suggested_rrule: None,
            items: items
                .iter()
                .map(|i| TemplateItemOut {
                    title: i.title.clone(),
                    kind: i.kind.clone(),
                    timebox_minutes: i.timebox_minutes,
                    notes: i.notes.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateList {
    pub items: Vec<TemplateOut>,
}
