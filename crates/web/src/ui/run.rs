//! Run mode: the meeting in progress, one item at a time against its timebox.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use goalmeet_core::agenda::AgendaState;
use goalmeet_core::meeting::MeetingStatus;
use goalmeet_store::Attendee;
use serde::Deserialize;
use uuid::Uuid;

use super::agenda::{ActionView, ItemView, ReviewView, action_view, reviews};
use super::{Shell, UiResult, WorkspaceCtx, redirect_with_flash, render};
use crate::service::meeting::{self as meetings, GoTo};
use crate::service::outcome::{self, ActionInput, DecisionInput};
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "run.html")]
struct RunPage {
    shell: Shell,
    base: String,
    title: String,
    purpose: String,
    can_manage: bool,
    current: Option<ItemView>,
    /// RFC 3339 moments the clocks count from.
    item_started: String,
    meeting_started: String,
    duration_minutes: i64,
    items: Vec<ItemView>,
    parked: Vec<ItemView>,
    reviews: Vec<ReviewView>,
    actions: Vec<ActionView>,
    decisions: Vec<String>,
    members: Vec<Attendee>,
}

impl RunPage {
    /// Seconds already spent on the current item before this stretch of the clock.
    pub fn used_before(&self) -> i64 {
        self.current.as_ref().map_or(0, |c| c.used_minutes * 60)
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    if meeting.status() != MeetingStatus::InProgress {
        return Ok(redirect_with_flash(
            &ctx.meeting_path(id),
            "Run mode opens once the meeting has started.",
        ));
    }
    let members = state.db.member_names(ctx.workspace.id).await?;
    let agenda = state.db.agenda(meeting.id).await?;
    let items: Vec<ItemView> = agenda
        .iter()
        .filter(|i| i.is_accepted())
        .map(|i| ItemView::new(i, &members, meeting.current_item_id))
        .collect();
    let parked = agenda
        .iter()
        .filter(|i| i.proposal == "parked")
        .map(|i| ItemView::new(i, &members, None))
        .collect();
    let current = agenda
        .iter()
        .find(|i| Some(i.id) == meeting.current_item_id)
        .map(|i| ItemView::new(i, &members, meeting.current_item_id));
    let today = goalmeet_core::clock::now()
        .with_timezone(&ctx.tz())
        .date_naive();
    let actions = state
        .db
        .meeting_actions(ctx.workspace.id, meeting.id)
        .await?
        .iter()
        .map(|a| action_view(a, today))
        .collect();
    let decisions = state
        .db
        .meeting_decisions(ctx.workspace.id, meeting.id)
        .await?
        .into_iter()
        .map(|d| d.statement)
        .collect();
    Ok(render(&RunPage {
        base: ctx.meeting_path(meeting.id),
        title: meeting.title.clone(),
        purpose: meeting.purpose.clone(),
        can_manage: ctx.actor().can_manage(&meeting),
        item_started: meeting
            .current_item_started_at
            .map(|t| t.to_rfc3339())
            .unwrap_or_default(),
        meeting_started: meeting
            .started_at
            .map(|t| t.to_rfc3339())
            .unwrap_or_default(),
        duration_minutes: meeting.duration_minutes,
        current,
        items,
        parked,
        reviews: reviews(&state, &ctx, &meeting).await?,
        actions,
        decisions,
        members,
        shell: ctx.shell,
    }))
}

#[derive(Deserialize)]
pub struct GoForm {
    /// `next`, `previous`, `discussed`, `deferred`, or an item id.
    to: String,
    #[serde(default)]
    item: String,
}

pub async fn go(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<GoForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let item = Uuid::parse_str(form.item.trim()).ok();
    let result = match (form.to.as_str(), item) {
        ("next", _) => meetings::go_to(&state, ctx.actor(), &meeting, GoTo::Next).await,
        ("previous", _) => meetings::go_to(&state, ctx.actor(), &meeting, GoTo::Previous).await,
        ("discussed", Some(item)) => {
            meetings::finish_item(&state, ctx.actor(), &meeting, item, AgendaState::Discussed).await
        }
        ("deferred", Some(item)) => {
            meetings::finish_item(&state, ctx.actor(), &meeting, item, AgendaState::Deferred).await
        }
        (other, _) => match Uuid::parse_str(other) {
            Ok(target) => meetings::go_to(&state, ctx.actor(), &meeting, GoTo::Item(target)).await,
            Err(_) => Err(AppError::NotFound),
        },
    };
    let run = format!("{}/run", ctx.meeting_path(id));
    match result {
        Ok(()) => Ok(Redirect::to(&run).into_response()),
        Err(AppError::Conflict { message, .. }) => {
            Ok(redirect_with_flash(&ctx.meeting_path(id), &message))
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize)]
pub struct NotesForm {
    #[serde(default)]
    notes: String,
}

pub async fn notes(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id, item)): Path<(String, Uuid, Uuid)>,
    Form(form): Form<NotesForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    meetings::save_notes(&state, ctx.actor(), &meeting, item, &form.notes).await?;
    Ok(redirect_with_flash(
        &format!("{}/run", ctx.meeting_path(id)),
        "Notes saved.",
    ))
}

#[derive(Deserialize)]
pub struct ParkForm {
    #[serde(default)]
    title: String,
}

pub async fn park(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<ParkForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let run = format!("{}/run", ctx.meeting_path(id));
    match meetings::park_topic(&state, ctx.actor(), &meeting, &form.title).await {
        Ok(_) => Ok(redirect_with_flash(&run, "Parked for later.")),
        Err(AppError::Invalid(v)) => Ok(redirect_with_flash(&run, &v.message)),
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize)]
pub struct OutcomeForm {
    /// `action` or `decision`.
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    rationale: String,
    #[serde(default)]
    assignee_id: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    agenda_item_id: String,
    /// `run` to return to run mode, else the meeting page.
    #[serde(default)]
    back: String,
}

/// Records a decision or an action item in one step, tied to the meeting and item.
pub async fn record(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<OutcomeForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let item = Uuid::parse_str(form.agenda_item_id.trim()).ok();
    let result = if form.kind == "decision" {
        outcome::create_decision(
            &state,
            ctx.actor(),
            &DecisionInput {
                statement: &form.text,
                context: None,
                rationale: Some(&form.rationale),
                decided_by: None,
                decided_on: None,
                status: None,
                revisit_on: None,
                meeting_id: Some(meeting.id),
                agenda_item_id: item,
                supersedes: None,
            },
        )
        .await
        .map(|_| "Decision recorded.")
    } else {
        outcome::create_action(
            &state,
            ctx.actor(),
            &ActionInput {
                title: &form.text,
                assignee_id: Uuid::parse_str(form.assignee_id.trim()).ok(),
                due_on: Some(&form.due_on),
                meeting_id: Some(meeting.id),
                agenda_item_id: item,
            },
        )
        .await
        .map(|_| "Action item recorded.")
    };
    let back = if form.back == "run" {
        format!("{}/run", ctx.meeting_path(id))
    } else {
        format!("{}#outcomes", ctx.meeting_path(id))
    };
    match result {
        Ok(message) => Ok(redirect_with_flash(&back, message)),
        Err(AppError::Invalid(v)) => Ok(redirect_with_flash(&back, &v.message)),
        Err(err) => Err(err.into()),
    }
}
