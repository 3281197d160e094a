//! "My action items" and the workspace's action items with filters.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use goalmeet_store::{Attendee, PageRequest};
use serde::Deserialize;
use uuid::Uuid;

use super::agenda::{ActionView, action_view};
use super::{Shell, UiResult, WorkspaceCtx, render};
use crate::AppState;
use crate::api::v1::action_items::{ActionQuery, filter_from};
use crate::service::outcome::{self, ActionChange};

const PER_PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "actions.html")]
struct ActionsPage {
    shell: Shell,
    slug: String,
    /// For the rows' forms, which are also rendered alone after htmx updates.
    csrf: String,
    view: &'static str,
    rows: Vec<ActionView>,
    total: i64,
    page: i64,
    has_next: bool,
    members: Vec<Attendee>,
    q: Filters,
    query_string: String,
}

/// The filter form's values, echoed back.
#[derive(Deserialize, Default)]
pub struct Filters {
    #[serde(default)]
    pub view: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub overdue: String,
    #[serde(default)]
    pub due_from: String,
    #[serde(default)]
    pub due_to: String,
    /// Only one meeting's or one series' items (links from the meeting page).
    pub meeting_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    pub page: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Query(q): Query<Filters>,
) -> UiResult {
    let ctx = ctx.with_nav("actions");
    let today = goalmeet_core::clock::now()
        .with_timezone(&ctx.tz())
        .date_naive();
    let page = q.page.unwrap_or(1).max(1);
    let everyone = q.view == "all" && ctx.role.can_contribute();
    let (rows, total, has_next) = if everyone {
        let query = ActionQuery {
            assignee: Some(q.assignee.clone()),
            status: Some(q.status.clone()),
            overdue: Some(q.overdue == "1"),
            meeting_id: q.meeting_id,
            series_id: q.series_id,
            due_from: Some(q.due_from.clone()),
            due_to: Some(q.due_to.clone()),
            limit: None,
            offset: None,
        };
        let filter = filter_from(&query, ctx.me.user.id)?;
        let found = state
            .db
            .list_actions(
                ctx.workspace.id,
                &filter,
                PageRequest::new(Some(PER_PAGE), Some((page - 1) * PER_PAGE)),
            )
            .await?;
        let has_next = page * PER_PAGE < found.total;
        (
            found.items.iter().map(|a| action_view(a, today)).collect(),
            found.total,
            has_next,
        )
    } else {
        let mine = state
            .db
            .my_open_actions(ctx.workspace.id, ctx.me.user.id, 500)
            .await?;
        let total = mine.len() as i64;
        (
            mine.iter().map(|a| action_view(a, today)).collect(),
            total,
            false,
        )
    };
    let query_string = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("view", "all")
        .append_pair("assignee", &q.assignee)
        .append_pair("status", &q.status)
        .append_pair("overdue", &q.overdue)
        .append_pair("due_from", &q.due_from)
        .append_pair("due_to", &q.due_to)
        .extend_pairs(q.meeting_id.map(|id| ("meeting_id", id.to_string())))
        .extend_pairs(q.series_id.map(|id| ("series_id", id.to_string())))
        .finish();
    Ok(render(&ActionsPage {
        slug: ctx.workspace.slug.clone(),
        view: if everyone { "all" } else { "mine" },
        rows,
        total,
        page,
        has_next,
        members: state.db.member_names(ctx.workspace.id).await?,
        q,
        query_string,
        csrf: ctx.shell.csrf.clone(),
        shell: ctx.shell,
    }))
}

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
}

/// Marks an action item done (or reopens it); htmx swaps the row.
pub async fn set_status(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<StatusForm>,
) -> UiResult {
    let change = ActionChange {
        title: None,
        assignee_id: None,
        due_on: None,
        status: Some(&form.status),
    };
    let action = outcome::update_action(&state, ctx.actor(), id, &change).await?;
    if headers.contains_key("hx-request") {
        let today = goalmeet_core::clock::now()
            .with_timezone(&ctx.tz())
            .date_naive();
        return Ok(render(&ActionRow {
            a: action_view(&action, today),
            slug: ctx.workspace.slug.clone(),
            csrf: ctx.shell.csrf.clone(),
        }));
    }
    let back = headers
        .get("referer")
        .and_then(|r| r.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| {
            format!(
                "{}{}",
                u.path(),
                u.query().map(|q| format!("?{q}")).unwrap_or_default()
            )
        })
        .filter(|p| p.starts_with(&format!("/w/{}/", ctx.workspace.slug)))
        .unwrap_or_else(|| format!("/w/{}/actions", ctx.workspace.slug));
    Ok(Redirect::to(&back).into_response())
}

#[derive(Template)]
#[template(path = "_action_row.html")]
struct ActionRow {
    a: ActionView,
    slug: String,
    csrf: String,
}
