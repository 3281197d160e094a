use axum::extract::State;
use axum::http::StatusCode;
use goalmeet_core::action::{ActionStatus, parse_date};
use goalmeet_store::ActionFilter;
use serde::{Deserialize, Deserializer};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::types::{ActionItemOut, ActionItemPage};
use super::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::outcome::{self, ActionChange, ActionInput};
use crate::{AppError, AppState};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActionQuery {
    /// A member's id, or `me`.
    pub assignee: Option<String>,
    /// `open`, `done` or `cancelled`.
    pub status: Option<String>,
    /// `true`: only open items past their due date.
    pub overdue: Option<bool>,
    pub meeting_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    /// Due on or after this date (YYYY-MM-DD).
    pub due_from: Option<String>,
    /// Due on or before this date (YYYY-MM-DD).
    pub due_to: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// Parses the list filters shared by the API and the web page.
pub fn filter_from(q: &ActionQuery, me: Uuid) -> Result<ActionFilter, AppError> {
    let assignee_id = match q
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some("me") => Some(me),
        Some(id) => Some(Uuid::parse_str(id).map_err(|_| {
            goalmeet_core::ValidationError::new("assignee", "Use a member's id or me.")
        })?),
    };
    let status = q
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(ActionStatus::parse)
        .transpose()?;
    Ok(ActionFilter {
        assignee_id,
        status,
        overdue_before: q
            .overdue
            .unwrap_or(false)
            .then(|| goalmeet_core::clock::now().date_naive()),
        meeting_id: q.meeting_id,
        series_id: q.series_id,
        due_from: parse_date("due_from", q.due_from.as_deref())?,
        due_to: parse_date("due_to", q.due_to.as_deref())?,
    })
}

/// The workspace's action items, newest first, filtered.
#[utoipa::path(get, path = "/api/v1/action-items", tag = "outcomes", security(("bearer" = [])),
    params(ActionQuery),
    responses((status = 200, body = ActionItemPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiQuery(q): ApiQuery<ActionQuery>,
) -> Result<ApiJson<ActionItemPage>, AppError> {
    let mut filter = filter_from(&q, auth.user.id)?;
    if !auth.role.can_contribute() {
        // Guests see their own action items only.
        filter.assignee_id = Some(auth.user.id);
    }
    let page = state
        .db
        .list_actions(
            auth.workspace.id,
            &filter,
            goalmeet_store::PageRequest::new(q.limit, q.offset),
        )
        .await?;
    Ok(ApiJson(ActionItemPage {
        items: page.items.iter().map(ActionItemOut::from).collect(),
        total: page.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ActionCreate {
    pub title: String,
    pub assignee_id: Option<Uuid>,
    /// YYYY-MM-DD.
    pub due_on: Option<String>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
}

/// Records an action item, on its own or from a meeting (and agenda item).
#[utoipa::path(post, path = "/api/v1/action-items", tag = "outcomes", security(("bearer" = [])),
    request_body = ActionCreate,
    responses((status = 201, body = ActionItemOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<ActionCreate>,
) -> Result<(StatusCode, ApiJson<ActionItemOut>), AppError> {
    let input = ActionInput {
        title: &body.title,
        assignee_id: body.assignee_id,
        due_on: body.due_on.as_deref(),
        meeting_id: body.meeting_id,
        agenda_item_id: body.agenda_item_id,
    };
    let id = outcome::create_action(&state, auth.actor(), &input).await?;
    let action = outcome::action(&state, auth.actor(), id).await?;
    Ok((StatusCode::CREATED, ApiJson((&action).into())))
}

#[utoipa::path(get, path = "/api/v1/action-items/{id}", tag = "outcomes", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Action item id")),
    responses((status = 200, body = ActionItemOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<ActionItemOut>, AppError> {
    Ok(ApiJson(
        (&outcome::action(&state, auth.actor(), id).await?).into(),
    ))
}

/// Distinguishes a missing field from an explicit `null`.
fn double_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<Uuid>>, D::Error> {
    Option::<Uuid>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ActionUpdate {
    pub title: Option<String>,
    /// A member's id, or `null` to unassign.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub assignee_id: Option<Option<Uuid>>,
    /// YYYY-MM-DD, or an empty string to clear.
    pub due_on: Option<String>,
    /// `open`, `done` or `cancelled`.
    pub status: Option<String>,
}

/// Edits an action item or changes its status (its assignee may always do the latter).
#[utoipa::path(patch, path = "/api/v1/action-items/{id}", tag = "outcomes", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Action item id")),
    request_body = ActionUpdate,
    responses((status = 200, body = ActionItemOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ActionUpdate>,
) -> Result<ApiJson<ActionItemOut>, AppError> {
    let change = ActionChange {
        title: body.title.as_deref(),
        assignee_id: body.assignee_id,
        due_on: body.due_on.as_deref(),
        status: body.status.as_deref(),
    };
    let action = outcome::update_action(&state, auth.actor(), id, &change).await?;
    Ok(ApiJson((&action).into()))
}

#[utoipa::path(delete, path = "/api/v1/action-items/{id}", tag = "outcomes", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Action item id")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, AppError> {
    outcome::delete_action(&state, auth.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
