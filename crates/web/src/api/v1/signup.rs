use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiJson;
use super::types::{UserOut, WorkspaceOut};
use crate::auth::ClientIp;
use crate::error::ErrorBody;
use crate::service::{self, SignUp};
use crate::{AppError, AppState};

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignupRequest {
    pub workspace_name: String,
    pub name: String,
    pub email: String,
    /// 12 to 128 characters.
    pub password: String,
    /// IANA time zone, e.g. `Europe/Berlin`; UTC when omitted.
    pub time_zone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignupResponse {
    pub workspace: WorkspaceOut,
    pub user: UserOut,
    /// A bearer API token for the new workspace, shown only now.
    pub token: String,
}

/// Creates a workspace and its owner, and returns an API token for them.
#[utoipa::path(post, path = "/api/v1/signup", tag = "accounts",
    request_body = SignupRequest,
    responses(
        (status = 201, description = "Workspace and owner created", body = SignupResponse),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 409, description = "E-mail already registered", body = ErrorBody),
        (status = 415, description = "Not JSON", body = ErrorBody),
        (status = 422, description = "Invalid field", body = ErrorBody),
        (status = 429, description = "Too many sign-ups from this address", body = ErrorBody)))]
pub async fn signup(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(body): ApiJson<SignupRequest>,
) -> Result<(StatusCode, ApiJson<SignupResponse>), AppError> {
    let (user, workspace) = service::sign_up(
        &state,
        &ip.to_string(),
        SignUp {
            workspace_name: &body.workspace_name,
            name: &body.name,
            email: &body.email,
            password: &body.password,
            time_zone: body.time_zone.as_deref(),
        },
    )
    .await?;
    let (_, token) = service::issue_api_token(&state, &user, &workspace, "Sign-up").await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(SignupResponse {
            workspace: (&workspace).into(),
            user: (&user).into(),
            token,
        }),
    ))
}
