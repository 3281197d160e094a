use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use super::ApiJson;
use super::types::WorkspaceOut;
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::{self, WorkspaceSettings};
use crate::{AppError, AppState};

/// The token's workspace.
#[utoipa::path(get, path = "/api/v1/workspace", tag = "workspace",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The workspace", body = WorkspaceOut),
        (status = 401, description = "Missing or invalid token", body = ErrorBody)))]
pub async fn show(auth: ApiAuth) -> ApiJson<WorkspaceOut> {
    ApiJson((&auth.workspace).into())
}

/// Fields to change; omitted ones stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WorkspaceUpdate {
    pub name: Option<String>,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub time_zone: Option<String>,
    /// Cost of one person-hour in meetings, in cents (0–1,000,000).
    pub meeting_hourly_cost_cents: Option<i64>,
}

/// Changes the workspace's settings (owners and admins).
#[utoipa::path(patch, path = "/api/v1/workspace", tag = "workspace",
    security(("bearer" = [])),
    request_body = WorkspaceUpdate,
    responses(
        (status = 200, description = "Updated workspace", body = WorkspaceOut),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 403, description = "Not an owner or admin", body = ErrorBody),
        (status = 422, description = "Invalid field", body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<WorkspaceUpdate>,
) -> Result<ApiJson<WorkspaceOut>, AppError> {
    let w = &auth.workspace;
    let cost = body
        .meeting_hourly_cost_cents
        .unwrap_or(w.meeting_hourly_cost_cents);
    if !(0..=1_000_000).contains(&cost) {
        return Err(goalmeet_core::ValidationError::new(
            "meeting_hourly_cost_cents",
            "Use a whole number of cents from 0 to 1000000.",
        )
        .into());
    }
    let cost_text = goalmeet_core::workspace::format_cents(cost);
    let updated = service::update_workspace_settings(
        &state,
        w,
        auth.role,
        WorkspaceSettings {
            name: body.name.as_deref().unwrap_or(&w.name),
            time_zone: body.time_zone.as_deref().unwrap_or(&w.time_zone),
            meeting_hourly_cost: &cost_text,
        },
    )
    .await?;
    Ok(ApiJson((&updated).into()))
}
