use axum::extract::State;
use axum::http::StatusCode;
use goalmeet_core::template::{BUILTIN_TEMPLATES, builtin};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::types::{TemplateList, TemplateOut};
use super::{ApiJson, ApiPath};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::meeting as meetings;
use crate::{AppError, AppState};

/// Built-in templates, then the workspace's own.
#[utoipa::path(get, path = "/api/v1/templates", tag = "templates", security(("bearer" = [])),
    responses((status = 200, body = TemplateList), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
) -> Result<ApiJson<TemplateList>, AppError> {
    let mut items: Vec<TemplateOut> = BUILTIN_TEMPLATES.iter().map(TemplateOut::from).collect();
    // Listing shows each template's shape without a query per template.
    let all_items = state.db.workspace_template_items(auth.workspace.id).await?;
    for t in state.db.templates(auth.workspace.id).await? {
        let own: Vec<goalmeet_store::TemplateItemRow> = all_items
            .iter()
            .filter(|(id, _)| *id == t.id)
            .map(|(_, item)| item.clone())
            .collect();
        items.push(TemplateOut::from_workspace(&t, &own));
    }
    Ok(ApiJson(TemplateList { items }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TemplateCreate {
    /// The meeting whose shape to save.
    pub meeting_id: Uuid,
    pub name: String,
    pub description: Option<String>,
}

/// Saves a meeting as a workspace template.
#[utoipa::path(post, path = "/api/v1/templates", tag = "templates", security(("bearer" = [])),
    request_body = TemplateCreate,
    responses((status = 201, body = TemplateOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<TemplateCreate>,
) -> Result<(StatusCode, ApiJson<TemplateOut>), AppError> {
    let meeting = meetings::visible(&state, auth.actor(), body.meeting_id).await?;
    let id = meetings::save_as_template(
        &state,
        auth.actor(),
        &meeting,
        &body.name,
        body.description.as_deref(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(template_out(&state, &auth, &id.to_string()).await?),
    ))
}

async fn template_out(state: &AppState, auth: &ApiAuth, id: &str) -> Result<TemplateOut, AppError> {
    if let Some(key) = id.strip_prefix("builtin:") {
        return builtin(key)
            .map(TemplateOut::from)
            .ok_or(AppError::NotFound);
    }
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let (t, items) = state
        .db
        .template(auth.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(TemplateOut::from_workspace(&t, &items))
}

/// One template with its agenda.
#[utoipa::path(get, path = "/api/v1/templates/{id}", tag = "templates", security(("bearer" = [])),
    params(("id" = String, Path, description = "`builtin:<key>` or a workspace template id")),
    responses((status = 200, body = TemplateOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<String>,
) -> Result<ApiJson<TemplateOut>, AppError> {
    Ok(ApiJson(template_out(&state, &auth, &id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TemplateUpdate {
    pub name: Option<String>,
    pub description: Option<String>,
    pub purpose: Option<String>,
    pub duration_minutes: Option<i64>,
}

/// Edits a workspace template (built-in ones cannot change).
#[utoipa::path(patch, path = "/api/v1/templates/{id}", tag = "templates", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Workspace template id")),
    request_body = TemplateUpdate,
    responses((status = 200, body = TemplateOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<TemplateUpdate>,
) -> Result<ApiJson<TemplateOut>, AppError> {
    meetings::update_template(
        &state,
        auth.actor(),
        id,
        body.name.as_deref(),
        body.description.as_deref(),
        body.purpose.as_deref(),
        body.duration_minutes,
    )
    .await?;
    Ok(ApiJson(template_out(&state, &auth, &id.to_string()).await?))
}

/// Deletes a workspace template.
#[utoipa::path(delete, path = "/api/v1/templates/{id}", tag = "templates", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Workspace template id")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, AppError> {
    meetings::delete_template(&state, auth.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
