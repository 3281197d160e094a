use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use goalmeet_core::{Role, clock};
use goalmeet_store::{User, Workspace};
use uuid::Uuid;

use super::hash_token;
use crate::{AppError, AppState};

/// The caller of an API route: a bearer token bound to one person in one workspace.
#[derive(Debug, Clone)]
pub struct ApiAuth {
    pub token_id: Uuid,
    pub user: User,
    pub workspace: Workspace,
    pub role: Role,
}

impl ApiAuth {
    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.role.can_administer() {
            Ok(())
        } else {
            Err(AppError::Forbidden("This needs the owner or admin role."))
        }
    }
}

impl FromRequestParts<AppState> for ApiAuth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .ok_or(AppError::Unauthorized)?;
        let grant = state
            .db
            .api_token_grant(&hash_token(token))
            .await?
            .ok_or(AppError::Unauthorized)?;
        let now = clock::now();
        // Record use at most once a minute, so reads stay reads.
        if grant
            .last_used_at
            .is_none_or(|at| now - at > chrono::Duration::seconds(60))
        {
            state.db.touch_api_token(grant.token_id, now).await?;
        }
        Ok(ApiAuth {
            token_id: grant.token_id,
            role: Role::parse(&grant.role_name).unwrap_or(Role::Guest),
            user: grant.user,
            workspace: grant.workspace,
        })
    }
}

impl ApiAuth {
    pub fn actor(&self) -> crate::service::meeting::Actor<'_> {
        crate::service::meeting::Actor {
            user: &self.user,
            workspace: &self.workspace,
            role: self.role,
        }
    }
}
