//! The decision log: every decision of the workspace, searchable.

use askama::Template;
use axum::extract::{Query, State};
use goalmeet_store::PageRequest;
use serde::Deserialize;
use uuid::Uuid;

use super::{Shell, UiResult, WorkspaceCtx, render};
use crate::AppState;
use crate::api::v1::decisions::{DecisionQuery, filter_from};

const PER_PAGE: i64 = 50;

pub struct DecisionRow {
    pub id: Uuid,
    pub statement: String,
    pub context: String,
    pub rationale: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub decided_on: String,
    pub decided_by: String,
    pub meeting: Option<(Uuid, String)>,
    pub revisit_on: String,
    pub superseded_by: Option<Uuid>,
}

#[derive(Template)]
#[template(path = "decisions.html")]
struct DecisionsPage {
    shell: Shell,
    slug: String,
    rows: Vec<DecisionRow>,
    total: i64,
    page: i64,
    has_next: bool,
    q: String,
    status: String,
}

#[derive(Deserialize)]
pub struct LogQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    page: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Query(query): Query<LogQuery>,
) -> UiResult {
    let ctx = ctx.with_nav("decisions");
    ctx.actor().require_contributor()?;
    let page = query.page.unwrap_or(1).max(1);
    let filter = filter_from(&DecisionQuery {
        q: Some(query.q.clone()),
        status: Some(query.status.clone()),
        meeting_id: None,
        limit: None,
        offset: None,
    })?;
    let found = state
        .db
        .list_decisions(
            ctx.workspace.id,
            &filter,
            PageRequest::new(Some(PER_PAGE), Some((page - 1) * PER_PAGE)),
        )
        .await?;
    let rows = found
        .items
        .iter()
        .map(|d| DecisionRow {
            id: d.id,
            statement: d.statement.clone(),
            context: d.context.clone(),
            rationale: d.rationale.clone(),
            status: d.status().as_str(),
            status_label: d.status().label(),
            decided_on: d.decided_on.format("%-d %b %Y").to_string(),
            decided_by: d.decided_by_name.clone().unwrap_or_default(),
            meeting: d.meeting_id.zip(d.meeting_title.clone()),
            revisit_on: d
                .revisit_on
                .map(|r| r.format("%-d %b %Y").to_string())
                .unwrap_or_default(),
            superseded_by: d.superseded_by,
        })
        .collect();
    Ok(render(&DecisionsPage {
        slug: ctx.workspace.slug.clone(),
        rows,
        total: found.total,
        page,
        has_next: page * PER_PAGE < found.total,
        q: query.q,
        status: query.status,
        shell: ctx.shell,
    }))
}
