use axum::extract::State;
use axum::http::StatusCode;
use goalmeet_core::decision::DecisionStatus;
use goalmeet_store::DecisionFilter;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::types::{DecisionOut, DecisionPage};
use super::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::outcome::{self, DecisionInput};
use crate::{AppError, AppState};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DecisionQuery {
    /// Words to find in the statement, context or rationale.
    pub q: Option<String>,
    /// `proposed`, `decided` or `superseded`.
    pub status: Option<String>,
    pub meeting_id: Option<Uuid>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

pub fn filter_from(q: &DecisionQuery) -> Result<DecisionFilter, AppError> {
    Ok(DecisionFilter {
        text: q.q.clone(),
        status: q
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(DecisionStatus::parse)
            .transpose()?,
        meeting_id: q.meeting_id,
    })
}

/// The decision log, newest first, searchable.
#[utoipa::path(get, path = "/api/v1/decisions", tag = "outcomes", security(("bearer" = [])),
    params(DecisionQuery),
    responses((status = 200, body = DecisionPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiQuery(q): ApiQuery<DecisionQuery>,
) -> Result<ApiJson<DecisionPage>, AppError> {
    auth.actor().require_contributor()?;
    let page = state
        .db
        .list_decisions(
            auth.workspace.id,
            &filter_from(&q)?,
            goalmeet_store::PageRequest::new(q.limit, q.offset),
        )
        .await?;
    Ok(ApiJson(DecisionPage {
        items: page.items.iter().map(DecisionOut::from).collect(),
        total: page.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionCreate {
    pub statement: String,
    pub context: Option<String>,
    pub rationale: Option<String>,
    /// Defaults to the caller.
    pub decided_by: Option<Uuid>,
    /// YYYY-MM-DD; defaults to today.
    pub decided_on: Option<String>,
    /// `decided` (default) or `proposed`.
    pub status: Option<String>,
    /// YYYY-MM-DD: when to look at it again.
    pub revisit_on: Option<String>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    /// An earlier decision this one replaces; it becomes `superseded`.
    pub supersedes: Option<Uuid>,
}

/// Records a decision, optionally replacing an earlier one.
#[utoipa::path(post, path = "/api/v1/decisions", tag = "outcomes", security(("bearer" = [])),
    request_body = DecisionCreate,
    responses((status = 201, body = DecisionOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<DecisionCreate>,
) -> Result<(StatusCode, ApiJson<DecisionOut>), AppError> {
    let input = DecisionInput {
        statement: &body.statement,
        context: body.context.as_deref(),
        rationale: body.rationale.as_deref(),
        decided_by: body.decided_by,
        decided_on: body.decided_on.as_deref(),
        status: body.status.as_deref(),
        revisit_on: body.revisit_on.as_deref(),
        meeting_id: body.meeting_id,
        agenda_item_id: body.agenda_item_id,
        supersedes: body.supersedes,
    };
    let id = outcome::create_decision(&state, auth.actor(), &input).await?;
    let decision = state
        .db
        .decision(auth.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, ApiJson((&decision).into())))
}

#[utoipa::path(get, path = "/api/v1/decisions/{id}", tag = "outcomes", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Decision id")),
    responses((status = 200, body = DecisionOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<DecisionOut>, AppError> {
    auth.actor().require_contributor()?;
    let decision = state
        .db
        .decision(auth.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ApiJson((&decision).into()))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionUpdate {
    /// `proposed` or `decided`; supersede a decision by creating its replacement with `supersedes`.
    pub status: String,
}

/// Changes a decision's status between proposed and decided.
#[utoipa::path(patch, path = "/api/v1/decisions/{id}", tag = "outcomes", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Decision id")),
    request_body = DecisionUpdate,
    responses((status = 200, body = DecisionOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<DecisionUpdate>,
) -> Result<ApiJson<DecisionOut>, AppError> {
    auth.actor().require_contributor()?;
    let status = DecisionStatus::parse(&body.status)?;
    if status == DecisionStatus::Superseded {
        return Err(goalmeet_core::ValidationError::new(
            "status",
            "Supersede a decision by recording its replacement with `supersedes`.",
        )
        .into());
    }
    let current = state
        .db
        .decision(auth.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current.status() == DecisionStatus::Superseded {
        return Err(goalmeet_core::ValidationError::new(
            "status",
            "This decision was superseded; record a new decision instead.",
        )
        .into());
    }
    state
        .db
        .set_decision_status(auth.workspace.id, id, status)
        .await?;
    let decision = state
        .db
        .decision(auth.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ApiJson((&decision).into()))
}
