use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use goalmeet_core::meeting::parse_rfc3339;
use goalmeet_store::MeetingScope;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::types::{
    ActionItemOut, AgendaItemOut, AgendaList, DecisionOut, MeetingDetail, MeetingOut, MeetingPage,
    PersonOut,
};
use super::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::meeting::{self as meetings, MeetingInput, Step, TemplateChoice};
use crate::{AppError, AppState};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MeetingQuery {
    /// `upcoming` (default), `past`, or `mine` (upcoming ones you attend).
    pub scope: Option<String>,
    /// With `to`: meetings starting in `[from, to)`, RFC 3339.
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// Lists meetings; guests see only the ones they attend.
#[utoipa::path(get, path = "/api/v1/meetings", tag = "meetings", security(("bearer" = [])),
    params(MeetingQuery),
    responses((status = 200, body = MeetingPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiQuery(q): ApiQuery<MeetingQuery>,
) -> Result<ApiJson<MeetingPage>, AppError> {
    let mut attendee = (!auth.role.can_contribute()).then_some(auth.user.id);
    let scope = match (q.from.as_deref(), q.to.as_deref()) {
        (Some(from), Some(to)) => {
            MeetingScope::Range(parse_rfc3339("from", from)?, parse_rfc3339("to", to)?)
        }
        _ => match q.scope.as_deref().unwrap_or("upcoming") {
            "upcoming" => MeetingScope::Upcoming,
            "past" => MeetingScope::Past,
            "mine" => {
                attendee = Some(auth.user.id);
                MeetingScope::Upcoming
            }
            _ => {
                return Err(goalmeet_core::ValidationError::new(
                    "scope",
                    "Scope must be upcoming, past or mine.",
                )
                .into());
            }
        },
    };
    let page = goalmeet_store::PageRequest::new(q.limit, q.offset);
    let found = state
        .db
        .list_meetings(auth.workspace.id, scope, attendee, page)
        .await?;
    Ok(ApiJson(MeetingPage {
        items: found.items.iter().map(MeetingOut::from).collect(),
        total: found.total,
        limit: found.limit,
        offset: found.offset,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MeetingCreate {
    pub title: String,
    /// RFC 3339, e.g. `2026-12-07T09:00:00+01:00`.
    pub starts_at: String,
    /// 1–1440; defaults to the template's duration.
    pub duration_minutes: Option<i64>,
    /// The desired outcome; required before the meeting starts.
    pub purpose: Option<String>,
    pub location: Option<String>,
    /// Defaults to the creator.
    pub facilitator_id: Option<Uuid>,
    pub note_taker_id: Option<Uuid>,
    pub timekeeper_id: Option<Uuid>,
    #[serde(default)]
    pub attendee_ids: Vec<Uuid>,
    /// `builtin:<key>` (see `GET /api/v1/templates`) or a workspace template id.
    pub template: Option<String>,
    /// `true` to create a draft (planned, not yet announced); schedule it later.
    pub draft: Option<bool>,
}

impl MeetingCreate {
    pub fn input(&self) -> MeetingInput<'_> {
        MeetingInput {
            title: &self.title,
            purpose: self.purpose.as_deref(),
            starts_at: parse_rfc3339("starts_at", &self.starts_at),
            duration_minutes: self.duration_minutes,
            location: self.location.as_deref(),
            facilitator_id: self.facilitator_id,
            note_taker_id: self.note_taker_id,
            timekeeper_id: self.timekeeper_id,
            attendee_ids: self.attendee_ids.clone(),
            draft: self.draft.unwrap_or(false),
        }
    }
}

pub async fn detail(state: &AppState, auth: &ApiAuth, id: Uuid) -> Result<MeetingDetail, AppError> {
    let meeting = meetings::visible(state, auth.actor(), id).await?;
    let agenda = state.db.agenda(meeting.id).await?;
    let attendees = state.db.attendees(meeting.id).await?;
    let actions = state
        .db
        .meeting_actions(auth.workspace.id, meeting.id)
        .await?;
    let decisions = state
        .db
        .meeting_decisions(auth.workspace.id, meeting.id)
        .await?;
    Ok(MeetingDetail {
        agenda: AgendaList {
            planned_minutes: agenda
                .iter()
                .filter(|i| i.is_accepted())
                .map(|i| i.timebox_minutes)
                .sum(),
            duration_minutes: meeting.duration_minutes,
            items: agenda.iter().map(AgendaItemOut::from).collect(),
        },
        attendees: attendees
            .into_iter()
            .map(|a| PersonOut {
                user_id: a.user_id,
                name: a.name,
            })
            .collect(),
        action_items: actions.iter().map(ActionItemOut::from).collect(),
        decisions: decisions.iter().map(DecisionOut::from).collect(),
        meeting: (&meeting).into(),
    })
}

/// Creates a meeting, optionally from a template.
#[utoipa::path(post, path = "/api/v1/meetings", tag = "meetings", security(("bearer" = [])),
    request_body = MeetingCreate,
    responses((status = 201, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<MeetingCreate>,
) -> Result<(StatusCode, ApiJson<MeetingDetail>), AppError> {
    let template = TemplateChoice::parse(body.template.as_deref().unwrap_or(""))?;
    let created =
        meetings::create(&state, auth.actor(), &body.input(), template.as_ref(), None).await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(detail(&state, &auth, created.meeting_id).await?),
    ))
}

/// A meeting with its attendees, agenda, action items and decisions.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    Ok(ApiJson(detail(&state, &auth, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MeetingUpdate {
    pub title: Option<String>,
    pub starts_at: Option<String>,
    pub duration_minutes: Option<i64>,
    pub purpose: Option<String>,
    pub location: Option<String>,
    pub facilitator_id: Option<Uuid>,
    pub note_taker_id: Option<Uuid>,
    pub timekeeper_id: Option<Uuid>,
    /// Replaces the attendees when given.
    pub attendee_ids: Option<Vec<Uuid>>,
    /// `one` (default) or `following`: this and every later not-started occurrence of its series.
    pub scope: Option<String>,
}

/// Edits a meeting, or with `scope: following` the rest of its series.
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    request_body = MeetingUpdate,
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<MeetingUpdate>,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    let meeting = meetings::visible(&state, auth.actor(), id).await?;
    let following = match body.scope.as_deref().unwrap_or("one") {
        "one" => false,
        "following" => true,
        _ => {
            return Err(goalmeet_core::ValidationError::new(
                "scope",
                "Scope must be one or following.",
            )
            .into());
        }
    };
    // Omitted people stay as they are, except those who have left the workspace since.
    let current: Vec<Uuid> = state
        .db
        .attendees(meeting.id)
        .await?
        .iter()
        .map(|a| a.user_id)
        .collect();
    let named: Vec<Uuid> = [
        meeting.facilitator_id,
        meeting.note_taker_id,
        meeting.timekeeper_id,
    ]
    .into_iter()
    .flatten()
    .chain(current.iter().copied())
    .collect();
    let members = state.db.members_among(auth.workspace.id, &named).await?;
    let kept = |id: Option<Uuid>| id.filter(|id| members.contains(id));
    let attendees = match &body.attendee_ids {
        Some(ids) => ids.clone(),
        None => current
            .into_iter()
            .filter(|id| members.contains(id))
            .collect(),
    };
    let starts_at: Result<DateTime<Utc>, _> = match body.starts_at.as_deref() {
        Some(text) => parse_rfc3339("starts_at", text),
        None => Ok(meeting.starts_at),
    };
    let input = MeetingInput {
        title: body.title.as_deref().unwrap_or(&meeting.title),
        purpose: Some(body.purpose.as_deref().unwrap_or(&meeting.purpose)),
        starts_at,
        duration_minutes: Some(body.duration_minutes.unwrap_or(meeting.duration_minutes)),
        location: Some(body.location.as_deref().unwrap_or(&meeting.location)),
        facilitator_id: body.facilitator_id.or(kept(meeting.facilitator_id)),
        note_taker_id: body.note_taker_id.or(kept(meeting.note_taker_id)),
        timekeeper_id: body.timekeeper_id.or(kept(meeting.timekeeper_id)),
        attendee_ids: attendees,
        draft: false,
    };
    meetings::update(&state, auth.actor(), &meeting, &input, following).await?;
    Ok(ApiJson(detail(&state, &auth, id).await?))
}

/// Deletes a meeting with its agenda (facilitator, creator or admin).
#[utoipa::path(delete, path = "/api/v1/meetings/{id}", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, AppError> {
    let meeting = meetings::visible(&state, auth.actor(), id).await?;
    meetings::delete(&state, auth.actor(), &meeting).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Announces a draft meeting: it becomes scheduled.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/schedule", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn schedule(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    lifecycle(&state, &auth, id, Step::Schedule).await
}

/// Starts the meeting: in progress, clock on the first pending item. Needs a purpose.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/start", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn start(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    lifecycle(&state, &auth, id, Step::Start).await
}

/// Ends the meeting; in a series, unfinished items and open action items roll into the next occurrence.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/end", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn end(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    lifecycle(&state, &auth, id, Step::End).await
}

/// Cancels a meeting that has not started.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/cancel", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    lifecycle(&state, &auth, id, Step::Cancel).await
}

/// Schedule, start, end and cancel share their checks and their answer: the meeting as it now is.
async fn lifecycle(
    state: &AppState,
    auth: &ApiAuth,
    id: Uuid,
    step: Step,
) -> Result<ApiJson<MeetingDetail>, AppError> {
    let meeting = meetings::visible(state, auth.actor(), id).await?;
    meetings::take_step(state, auth.actor(), &meeting, step).await?;
    Ok(ApiJson(detail(state, auth, id).await?))
}
