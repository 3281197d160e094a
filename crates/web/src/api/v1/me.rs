use serde::Serialize;
use utoipa::ToSchema;

use super::ApiJson;
use super::types::{RoleOut, UserOut, WorkspaceOut};
use crate::AppError;
use crate::auth::ApiAuth;
use crate::error::ErrorBody;

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user: UserOut,
    pub workspace: WorkspaceOut,
    pub role: RoleOut,
}

/// Who the token belongs to, in which workspace, with which role.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "Missing or invalid token", body = ErrorBody)))]
pub async fn me(auth: ApiAuth) -> Result<ApiJson<Me>, AppError> {
    Ok(ApiJson(Me {
        user: (&auth.user).into(),
        workspace: (&auth.workspace).into(),
        role: auth.role.into(),
    }))
}
