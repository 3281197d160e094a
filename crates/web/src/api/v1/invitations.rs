use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::types::{InvitationList, InvitationOut};
use super::{ApiJson, ApiPath};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service;
use crate::{AppError, AppState};

/// Open invitations of the workspace (owners and admins).
#[utoipa::path(get, path = "/api/v1/invitations", tag = "workspace",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Invitations not yet accepted", body = InvitationList),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 403, description = "Not an owner or admin", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
) -> Result<ApiJson<InvitationList>, AppError> {
    auth.require_admin()?;
    let invitations = state.db.pending_invitations(auth.workspace.id).await?;
    Ok(ApiJson(InvitationList {
        items: invitations.iter().map(InvitationOut::from).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct InvitationRequest {
    pub email: String,
    /// `owner` (owners only), `admin`, `member` or `guest`.
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationCreated {
    pub invitation: InvitationOut,
    /// The link to send to the invitee; it works once, for 14 days.
    pub url: String,
}

/// Invites someone by e-mail with a role; returns the link to send them.
#[utoipa::path(post, path = "/api/v1/invitations", tag = "workspace",
    security(("bearer" = [])),
    request_body = InvitationRequest,
    responses(
        (status = 201, description = "Invitation created", body = InvitationCreated),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 403, description = "Not allowed to invite with this role", body = ErrorBody),
        (status = 409, description = "Already a member", body = ErrorBody),
        (status = 422, description = "Invalid e-mail or role", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<InvitationRequest>,
) -> Result<(StatusCode, ApiJson<InvitationCreated>), AppError> {
    let (invitation, url) = service::invite(
        &state,
        &auth.workspace,
        &auth.user,
        auth.role,
        &body.email,
        &body.role,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(InvitationCreated {
            invitation: (&invitation).into(),
            url,
        }),
    ))
}

/// Withdraws an invitation so its link stops working.
#[utoipa::path(delete, path = "/api/v1/invitations/{id}", tag = "workspace",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Invitation id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Missing or invalid token", body = ErrorBody),
        (status = 403, description = "Not an owner or admin", body = ErrorBody),
        (status = 404, description = "No such open invitation", body = ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, AppError> {
    auth.require_admin()?;
    state.db.revoke_invitation(auth.workspace.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
