use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::types::{TokenList, WorkspaceOut};
use super::{ApiJson, ApiPath};
use crate::auth::{ApiAuth, ClientIp, check_login};
use crate::error::ErrorBody;
use crate::service;
use crate::{AppError, AppState};

#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub email: String,
    pub password: String,
    /// The workspace's id or slug.
    pub workspace: String,
    /// A label to recognise the token by; defaults to "API".
    pub name: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenCreated {
    /// The bearer token, shown only now.
    pub token: String,
    pub id: Uuid,
    pub name: String,
    pub workspace: WorkspaceOut,
}

/// Exchanges an e-mail and password for a bearer token in one workspace.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "accounts",
    request_body = TokenRequest,
    responses(
        (status = 201, description = "Token issued", body = TokenCreated),
        (status = 401, description = "Wrong e-mail or password", body = ErrorBody),
        (status = 404, description = "No such workspace, or not a member", body = ErrorBody),
        (status = 422, description = "Invalid body", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<(StatusCode, ApiJson<TokenCreated>), AppError> {
    let user = check_login(
        &state.db,
        &state.passwords,
        state.config.login_limit,
        &ip.to_string(),
        &body.email,
        &body.password,
    )
    .await?;
    let workspace = state
        .db
        .workspace_by_key(body.workspace.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    state
        .db
        .member(workspace.id, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = body.name.as_deref().unwrap_or("API");
    let (token, secret) = service::issue_api_token(&state, &user, &workspace, name).await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(TokenCreated {
            token: secret,
            id: token.id,
            name: token.name,
            workspace: (&workspace).into(),
        }),
    ))
}

/// Lists the caller's tokens for this workspace (never their secrets).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's tokens", body = TokenList),
        (status = 401, description = "Missing or invalid token", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
) -> Result<ApiJson<TokenList>, AppError> {
    let tokens = state
        .db
        .api_tokens_of(auth.user.id, Some(auth.workspace.id))
        .await?;
    Ok(ApiJson(TokenList {
        items: tokens.iter().map(|t| (&t.token).into()).collect(),
    }))
}

/// Revokes one of the caller's tokens (possibly the one in use).
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "accounts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 404, description = "No such token of yours", body = ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, AppError> {
    state
        .db
        .revoke_api_token(auth.user.id, Some(auth.workspace.id), id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
