use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::types::{MemberOut, MemberPage};
use super::{ApiJson, ApiPath, ApiQuery, Paging};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service;
use crate::{AppError, AppState};

/// The workspace's members, by name.
#[utoipa::path(get, path = "/api/v1/members", tag = "workspace",
    security(("bearer" = [])),
    params(Paging),
    responses(
        (status = 200, description = "One page of members", body = MemberPage),
        (status = 400, description = "Bad paging parameters", body = ErrorBody),
        (status = 401, description = "Missing or invalid token", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<ApiJson<MemberPage>, AppError> {
    let page = state
        .db
        .list_members(auth.workspace.id, paging.page())
        .await?;
    Ok(ApiJson(MemberPage {
        items: page.items.iter().map(MemberOut::from).collect(),
        total: page.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MemberUpdate {
    /// `owner`, `admin`, `member` or `guest`.
    pub role: String,
}

/// Changes a member's role (owners and admins; only owners touch owners).
#[utoipa::path(patch, path = "/api/v1/members/{user_id}", tag = "workspace",
    security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The member's user id")),
    request_body = MemberUpdate,
    responses(
        (status = 200, description = "The member with the new role", body = MemberOut),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 403, description = "Not allowed to grant or change this role", body = ErrorBody),
        (status = 404, description = "Not a member of this workspace", body = ErrorBody),
        (status = 409, description = "Would leave the workspace without an owner", body = ErrorBody),
        (status = 422, description = "Unknown role", body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(user_id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<MemberUpdate>,
) -> Result<ApiJson<MemberOut>, AppError> {
    service::change_role(&state, &auth.workspace, auth.role, user_id, &body.role).await?;
    let member = state
        .db
        .member(auth.workspace.id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ApiJson((&member).into()))
}

/// Removes a member; anyone may remove themselves (leave).
#[utoipa::path(delete, path = "/api/v1/members/{user_id}", tag = "workspace",
    security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The member's user id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 403, description = "Not allowed to remove this member", body = ErrorBody),
        (status = 404, description = "Not a member of this workspace", body = ErrorBody),
        (status = 409, description = "The last owner cannot leave", body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(user_id): ApiPath<Uuid>,
) -> Result<StatusCode, AppError> {
    service::remove_member(&state, &auth.workspace, &auth.user, auth.role, user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
