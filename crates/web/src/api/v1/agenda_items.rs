use axum::extract::State;
use axum::http::StatusCode;
use goalmeet_core::agenda::AgendaState;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::types::{AgendaItemOut, AgendaList};
use super::{ApiJson, ApiPath};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::meeting::{self as meetings, ItemInput};
use crate::{AppError, AppState};

async fn agenda_list(
    state: &AppState,
    meeting: &goalmeet_store::Meeting,
) -> Result<AgendaList, AppError> {
    let items = state.db.agenda(meeting.id).await?;
    Ok(AgendaList {
        planned_minutes: items
            .iter()
            .filter(|i| i.is_accepted())
            .map(|i| i.timebox_minutes)
            .sum(),
        duration_minutes: meeting.duration_minutes,
        items: items.iter().map(AgendaItemOut::from).collect(),
    })
}

/// The agenda in order, with planned time against the meeting's duration.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/agenda-items", tag = "agenda", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    responses((status = 200, body = AgendaList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<AgendaList>, AppError> {
    let meeting = meetings::visible(&state, auth.actor(), id).await?;
    Ok(ApiJson(agenda_list(&state, &meeting).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AgendaItemCreate {
    pub title: String,
    /// 1–1440 minutes; default 5.
    pub timebox_minutes: Option<i64>,
    /// `discussion` (default), `decision`, `information`, `update` or `check-in`.
    pub kind: Option<String>,
    pub notes: Option<String>,
    pub presenter_id: Option<Uuid>,
}

/// Adds an item at the end; a guest's item is a proposal for the facilitator.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda-items", tag = "agenda", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    request_body = AgendaItemCreate,
    responses((status = 201, body = AgendaItemOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AgendaItemCreate>,
) -> Result<(StatusCode, ApiJson<AgendaItemOut>), AppError> {
    let meeting = meetings::visible(&state, auth.actor(), id).await?;
    let input = ItemInput {
        title: &body.title,
        notes: body.notes.as_deref(),
        presenter_id: body.presenter_id,
        timebox_minutes: body.timebox_minutes,
        kind: body.kind.as_deref(),
    };
    let item_id = meetings::add_item(&state, auth.actor(), &meeting, &input).await?;
    let item = meetings::item(&state, auth.actor(), &meeting, item_id).await?;
    Ok((StatusCode::CREATED, ApiJson((&item).into())))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AgendaItemUpdate {
    pub title: Option<String>,
    pub timebox_minutes: Option<i64>,
    pub kind: Option<String>,
    pub notes: Option<String>,
    pub presenter_id: Option<Uuid>,
    /// `pending`, `discussed` or `deferred`.
    pub state: Option<String>,
    /// `accepted` or `parked` (facilitator, creator or admin).
    pub proposal: Option<String>,
}

/// Edits an item, marks it discussed or deferred, or accepts/parks a proposal.
#[utoipa::path(patch, path = "/api/v1/meetings/{id}/agenda-items/{item_id}", tag = "agenda", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id"), ("item_id" = Uuid, Path, description = "Agenda item id")),
    request_body = AgendaItemUpdate,
    responses((status = 200, body = AgendaItemOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath((id, item_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<AgendaItemUpdate>,
) -> Result<ApiJson<AgendaItemOut>, AppError> {
    let actor = auth.actor();
    let meeting = meetings::visible(&state, actor, id).await?;
    let current = meetings::item(&state, actor, &meeting, item_id).await?;
    let state_change = body.state.as_deref().map(AgendaState::parse).transpose()?;
    let proposal = match body.proposal.as_deref() {
        None => None,
        Some("accepted") => Some(true),
        Some("parked") => Some(false),
        Some(_) => {
            return Err(goalmeet_core::ValidationError::new(
                "proposal",
                "Proposal must be accepted or parked.",
            )
            .into());
        }
    };
    let edits = body.title.is_some()
        || body.timebox_minutes.is_some()
        || body.kind.is_some()
        || body.notes.is_some()
        || body.presenter_id.is_some();
    // Every permission is checked before anything is written, so a refused
    // request saves nothing.
    if edits || state_change.is_some() {
        actor.require_contributor()?;
    }
    if proposal.is_some() {
        actor.require_manage(&meeting)?;
    }
    if edits {
        let input = ItemInput {
            title: body.title.as_deref().unwrap_or(&current.title),
            notes: Some(body.notes.as_deref().unwrap_or(&current.notes)),
            presenter_id: body.presenter_id.or(current.presenter_id),
            timebox_minutes: Some(body.timebox_minutes.unwrap_or(current.timebox_minutes)),
            kind: Some(body.kind.as_deref().unwrap_or(&current.kind_name)),
        };
        meetings::update_item(&state, actor, &meeting, item_id, &input).await?;
    }
    if let Some(accept) = proposal {
        meetings::set_proposal(&state, actor, &meeting, item_id, accept).await?;
    }
    if let Some(new_state) = state_change {
        state
            .db
            .set_agenda_state(auth.workspace.id, meeting.id, item_id, new_state)
            .await?;
    }
    let item = meetings::item(&state, actor, &meeting, item_id).await?;
    Ok(ApiJson((&item).into()))
}

/// Removes an item from the agenda.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/agenda-items/{item_id}", tag = "agenda", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id"), ("item_id" = Uuid, Path, description = "Agenda item id")),
    responses((status = 204, description = "Removed"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath((id, item_id)): ApiPath<(Uuid, Uuid)>,
) -> Result<StatusCode, AppError> {
    let meeting = meetings::visible(&state, auth.actor(), id).await?;
    meetings::delete_item(&state, auth.actor(), &meeting, item_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AgendaReorder {
    /// Every item id of the meeting, in the new order.
    pub ids: Vec<Uuid>,
}

/// Puts the agenda in a new order; the ids must be exactly this meeting's items.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda-items/reorder", tag = "agenda", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Meeting id")),
    request_body = AgendaReorder,
    responses((status = 200, body = AgendaList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, description = "A listed item is not on this meeting", body = ErrorBody)))]
pub async fn reorder(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AgendaReorder>,
) -> Result<ApiJson<AgendaList>, AppError> {
    let meeting = meetings::visible(&state, auth.actor(), id).await?;
    meetings::reorder(&state, auth.actor(), &meeting, &body.ids).await?;
    Ok(ApiJson(agenda_list(&state, &meeting).await?))
}
