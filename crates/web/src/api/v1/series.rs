use axum::extract::State;
use axum::http::StatusCode;
use goalmeet_core::meeting::parse_rfc3339;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::meetings::MeetingCreate;
use super::types::MeetingOut;
use super::{ApiJson, ApiPath};
use crate::auth::ApiAuth;
use crate::error::ErrorBody;
use crate::service::meeting::{self as meetings, RecurrenceInput, TemplateChoice};
use crate::{AppError, AppState};

#[derive(Debug, Deserialize, ToSchema)]
pub struct SeriesCreate {
    #[serde(flatten)]
    pub meeting: MeetingCreate,
    /// `weekdays`, `weekly`, `biweekly`, `monthly`, or an RRULE such as `FREQ=WEEKLY;BYDAY=MO,TH`.
    /// Read in the creator's time zone, so local meeting times survive daylight saving.
    pub rrule: String,
    /// Last possible start (RFC 3339).
    pub until: Option<String>,
    /// Number of occurrences (1–200).
    pub count: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesOut {
    pub id: Uuid,
    pub title: String,
    pub rrule: String,
    pub time_zone: String,
    pub meetings: Vec<MeetingOut>,
}

async fn series_out(state: &AppState, auth: &ApiAuth, id: Uuid) -> Result<SeriesOut, AppError> {
    let series = state
        .db
        .series(auth.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut meetings = state.db.series_meetings(auth.workspace.id, id).await?;
    if !auth.role.can_contribute() {
        let attended = state.db.attended_meeting_ids(auth.user.id).await?;
        meetings.retain(|m| attended.contains(&m.id));
        if meetings.is_empty() {
            return Err(AppError::NotFound);
        }
    }
    Ok(SeriesOut {
        id: series.id,
        title: series.title,
        rrule: series.rrule,
        time_zone: series.time_zone,
        meetings: meetings.iter().map(MeetingOut::from).collect(),
    })
}

/// Creates a recurring series: one meeting per occurrence, each with the same plan.
#[utoipa::path(post, path = "/api/v1/series", tag = "meetings", security(("bearer" = [])),
    request_body = SeriesCreate,
    responses((status = 201, body = SeriesOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, description = "Invalid field, or an RRULE that does not parse or never occurs", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiJson(body): ApiJson<SeriesCreate>,
) -> Result<(StatusCode, ApiJson<SeriesOut>), AppError> {
    let template = TemplateChoice::parse(body.meeting.template.as_deref().unwrap_or(""))?;
    let until = body
        .until
        .as_deref()
        .map(|u| parse_rfc3339("until", u))
        .transpose()?;
    let recurrence = RecurrenceInput {
        rule: &body.rrule,
        until,
        count: body.count,
    };
    let created = meetings::create(
        &state,
        auth.actor(),
        &body.meeting.input(),
        template.as_ref(),
        Some(&recurrence),
    )
    .await?;
    let series_id = created
        .series_id
        .ok_or_else(|| anyhow::anyhow!("a series was created without an id"))?;
    Ok((
        StatusCode::CREATED,
        ApiJson(series_out(&state, &auth, series_id).await?),
    ))
}

/// A series with its meetings in order.
#[utoipa::path(get, path = "/api/v1/series/{id}", tag = "meetings", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Series id")),
    responses((status = 200, body = SeriesOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: ApiAuth,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<ApiJson<SeriesOut>, AppError> {
    Ok(ApiJson(series_out(&state, &auth, id).await?))
}
