//! The meeting page and its agenda: added, edited, reordered and reviewed in place (htmx).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use goalmeet_core::agenda::AgendaKind;
use goalmeet_core::meeting::MeetingStatus;
use goalmeet_store::{AgendaItem, Attendee, Meeting};
use serde::Deserialize;
use uuid::Uuid;

use super::{Shell, UiResult, WorkspaceCtx, format_time, redirect_with_flash, render};
use crate::service::meeting::{self as meetings, ItemInput};
use crate::service::outcome;
use crate::{AppError, AppState};

/// One agenda row as the page shows it.
pub struct ItemView {
    pub id: Uuid,
    pub title: String,
    pub notes: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub timebox: i64,
    pub state: &'static str,
    pub presenter: String,
    pub presenter_id: String,
    pub roll_count: i64,
    pub is_current: bool,
    pub used_minutes: i64,
}

impl ItemView {
    pub fn new(i: &AgendaItem, people: &[Attendee], current: Option<Uuid>) -> Self {
        ItemView {
            id: i.id,
            title: i.title.clone(),
            notes: i.notes.clone(),
            kind: i.kind().as_str(),
            kind_label: i.kind().label(),
            timebox: i.timebox_minutes,
            state: i.state().as_str(),
            presenter: i
                .presenter_id
                .and_then(|p| people.iter().find(|a| a.user_id == p))
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            presenter_id: i.presenter_id.map(|p| p.to_string()).unwrap_or_default(),
            roll_count: i.roll_count,
            is_current: current == Some(i.id),
            used_minutes: (i.used_seconds + 59) / 60,
        }
    }
}

/// The agenda fragment: swapped in place after every agenda change.
#[derive(Template)]
#[template(path = "_agenda.html")]
pub struct AgendaPartial {
    pub base: String,
    pub csrf: String,
    pub items: Vec<ItemView>,
    pub proposals: Vec<ItemView>,
    pub parked: Vec<ItemView>,
    pub planned: i64,
    pub duration: i64,
    pub can_edit: bool,
    pub can_manage: bool,
    pub is_guest: bool,
    pub open: bool,
    pub people: Vec<Attendee>,
    pub kinds: Vec<(&'static str, &'static str)>,
    pub error: Option<String>,
}

impl AgendaPartial {
    pub fn overflow(&self) -> i64 {
        self.planned - self.duration
    }

    /// Planned time as a share of the meeting, for the bar (capped at 100).
    pub fn fill_percent(&self) -> i64 {
        if self.duration == 0 {
            0
        } else {
            (self.planned * 100 / self.duration).min(100)
        }
    }
}

pub async fn agenda_partial(
    state: &AppState,
    ctx: &WorkspaceCtx,
    meeting: &Meeting,
    people: Vec<Attendee>,
    error: Option<String>,
) -> Result<AgendaPartial, AppError> {
    let agenda = state.db.agenda(meeting.id).await?;
    let view = |proposal: &str| -> Vec<ItemView> {
        agenda
            .iter()
            .filter(|i| i.proposal == proposal)
            .map(|i| ItemView::new(i, &people, meeting.current_item_id))
            .collect()
    };
    let items = view("accepted");
    Ok(AgendaPartial {
        base: ctx.meeting_path(meeting.id),
        csrf: ctx.shell.csrf.clone(),
        planned: items.iter().map(|i| i.timebox).sum(),
        duration: meeting.duration_minutes,
        proposals: view("proposed"),
        parked: view("parked"),
        items,
        can_edit: ctx.role.can_contribute(),
        can_manage: ctx.actor().can_manage(meeting),
        is_guest: !ctx.role.can_contribute(),
        open: !matches!(
            meeting.status(),
            MeetingStatus::Ended | MeetingStatus::Cancelled
        ),
        people,
        kinds: AgendaKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label()))
            .collect(),
        error,
    })
}

pub struct ReviewView {
    pub id: Uuid,
    pub title: String,
    pub assignee: String,
    pub due: String,
    pub roll_count: i64,
    pub outcome: String,
}

pub struct ActionView {
    pub id: Uuid,
    pub title: String,
    pub assignee: String,
    pub due: String,
    pub status: &'static str,
    pub due_state: &'static str,
}

pub struct DecisionView {
    pub statement: String,
    pub status_label: &'static str,
    pub rationale: String,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    shell: Shell,
    meeting: Meeting,
    status_label: &'static str,
    badge: &'static str,
    when: String,
    ends: String,
    facilitator: String,
    note_taker: String,
    timekeeper: String,
    attendees: Vec<Attendee>,
    reviews: Vec<ReviewView>,
    agenda: AgendaPartial,
    actions: Vec<ActionView>,
    decisions: Vec<DecisionView>,
    can_manage: bool,
    can_edit: bool,
    is_upcoming: bool,
    is_draft: bool,
    slug: String,
    in_progress: bool,
    ended: bool,
    base: String,
    members: Vec<Attendee>,
}

impl MeetingPage {
    fn review_outcomes(&self) -> [(&'static str, &'static str); 3] {
        [
            ("done", "Done"),
            ("not_done", "Not done"),
            ("dropped", "Drop"),
        ]
    }
}

fn name_of(people: &[Attendee], id: Option<Uuid>) -> String {
    id.and_then(|id| people.iter().find(|p| p.user_id == id))
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "—".into())
}

pub fn action_view(a: &goalmeet_store::ActionItem, today: chrono::NaiveDate) -> ActionView {
    ActionView {
        id: a.id,
        title: a.title.clone(),
        assignee: a
            .assignee_name
            .clone()
            .unwrap_or_else(|| "Unassigned".into()),
        due: a
            .due_on
            .map(|d| d.format("%-d %b %Y").to_string())
            .unwrap_or_default(),
        status: a.status().as_str(),
        due_state: goalmeet_core::action::due_state(a.status(), a.due_on, today),
    }
}

pub async fn reviews(
    state: &AppState,
    ctx: &WorkspaceCtx,
    meeting: &Meeting,
) -> Result<Vec<ReviewView>, AppError> {
    let Some(series_id) = meeting.series_id else {
        return Ok(Vec::new());
    };
    Ok(state
        .db
        .actions_to_review(ctx.workspace.id, series_id, meeting.id, meeting.starts_at)
        .await?
        .into_iter()
        // Guests see only their own action items, as everywhere else.
        .filter(|(a, _)| ctx.role.can_contribute() || a.assignee_id == Some(ctx.me.user.id))
        .map(|(a, outcome)| ReviewView {
            id: a.id,
            title: a.title.clone(),
            assignee: a
                .assignee_name
                .clone()
                .unwrap_or_else(|| "Unassigned".into()),
            due: a
                .due_on
                .map(|d| d.format("%-d %b").to_string())
                .unwrap_or_default(),
            roll_count: a.roll_count,
            outcome: outcome.unwrap_or_default(),
        })
        .collect())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let tz = ctx.me.user.time_zone.clone();
    let members = state.db.member_names(ctx.workspace.id).await?;
    let attendees = state.db.attendees(meeting.id).await?;
    let agenda = agenda_partial(&state, &ctx, &meeting, members.clone(), None).await?;
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
        .iter()
        .map(|d| DecisionView {
            statement: d.statement.clone(),
            status_label: d.status().label(),
            rationale: d.rationale.clone(),
        })
        .collect();
    let status = meeting.status();
    Ok(render(&MeetingPage {
        status_label: status.label(),
        badge: status.badge(),
        when: format_time(meeting.starts_at, &tz),
        ends: meeting
            .ends_at()
            .with_timezone(&ctx.tz())
            .format("%H:%M")
            .to_string(),
        facilitator: name_of(&members, meeting.facilitator_id),
        note_taker: name_of(&members, meeting.note_taker_id),
        timekeeper: name_of(&members, meeting.timekeeper_id),
        attendees,
        reviews: reviews(&state, &ctx, &meeting).await?,
        agenda,
        actions,
        decisions,
        can_manage: ctx.actor().can_manage(&meeting),
        can_edit: ctx.role.can_contribute(),
        is_upcoming: status.is_upcoming(),
        is_draft: status == MeetingStatus::Draft,
        slug: ctx.workspace.slug.clone(),
        in_progress: status == MeetingStatus::InProgress,
        ended: status == MeetingStatus::Ended,
        base: ctx.meeting_path(meeting.id),
        members,
        meeting,
        shell: ctx.shell,
    }))
}

/// After an agenda change: the fragment for htmx, or back to the page.
/// `back_to` is where a browser without JavaScript returns; by default the agenda.
async fn respond(
    state: &AppState,
    ctx: &WorkspaceCtx,
    headers: &HeaderMap,
    meeting: &Meeting,
    back_to: Option<String>,
    result: Result<(), AppError>,
) -> UiResult {
    let back_to = back_to.unwrap_or_else(|| format!("{}#agenda", ctx.meeting_path(meeting.id)));
    let htmx = headers.contains_key("hx-request");
    let error = match result {
        Ok(()) => None,
        Err(err @ (AppError::Invalid(_) | AppError::Conflict { .. })) => Some(err.message()),
        Err(err) => return Err(err.into()),
    };
    if htmx {
        // Agenda changes leave the meeting row itself as it was, so it is not re-read.
        let people = state.db.member_names(ctx.workspace.id).await?;
        let partial = agenda_partial(state, ctx, meeting, people, error).await?;
        // htmx swaps only 2xx answers by default, so a refusal is shown inside the fragment.
        return Ok(super::render(&partial));
    }
    match error {
        Some(message) => Ok(redirect_with_flash(&back_to, &message)),
        None => Ok(axum::response::Redirect::to(&back_to).into_response()),
    }
}

#[derive(Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    timebox_minutes: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    presenter_id: String,
    #[serde(default)]
    notes: String,
    /// Where to return without JavaScript (`run` for run mode).
    #[serde(default)]
    back: String,
}

impl ItemForm {
    fn input(&self) -> Result<ItemInput<'_>, AppError> {
        let timebox = match self.timebox_minutes.trim() {
            "" => None,
            text => Some(goalmeet_core::agenda::parse_minutes_text(
                "timebox_minutes",
                text,
            )?),
        };
        Ok(ItemInput {
            title: &self.title,
            notes: Some(&self.notes),
            presenter_id: Uuid::parse_str(self.presenter_id.trim()).ok(),
            timebox_minutes: timebox,
            kind: Some(&self.kind),
        })
    }

    fn back(&self, base: &str) -> String {
        if self.back == "run" {
            format!("{base}/run")
        } else {
            format!("{base}#agenda")
        }
    }
}

pub async fn add(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<ItemForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let result = match form.input() {
        Ok(input) => meetings::add_item(&state, ctx.actor(), &meeting, &input)
            .await
            .map(|_| ()),
        Err(err) => Err(err),
    };
    let back = form.back(&ctx.meeting_path(id));
    respond(&state, &ctx, &headers, &meeting, Some(back), result).await
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id, item)): Path<(String, Uuid, Uuid)>,
    Form(form): Form<ItemForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let result = match form.input() {
        Ok(input) => meetings::update_item(&state, ctx.actor(), &meeting, item, &input).await,
        Err(err) => Err(err),
    };
    let back = form.back(&ctx.meeting_path(id));
    respond(&state, &ctx, &headers, &meeting, Some(back), result).await
}

#[derive(Deserialize)]
pub struct MoveForm {
    by: i64,
}

pub async fn move_item(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id, item)): Path<(String, Uuid, Uuid)>,
    Form(form): Form<MoveForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let result = meetings::move_item(&state, ctx.actor(), &meeting, item, form.by.signum()).await;
    respond(&state, &ctx, &headers, &meeting, None, result).await
}

#[derive(Deserialize)]
pub struct ReorderForm {
    /// Item ids in their new order, comma-separated.
    ids: String,
}

pub async fn reorder(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<ReorderForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let ids: Result<Vec<Uuid>, _> = form
        .ids
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| Uuid::parse_str(s.trim()))
        .collect();
    let mut wanted = ids.map_err(|_| AppError::NotFound)?;
    // Proposals and parked items keep their places after the accepted ones.
    for other in state.db.agenda(meeting.id).await? {
        if !wanted.contains(&other.id) {
            wanted.push(other.id);
        }
    }
    let result = meetings::reorder(&state, ctx.actor(), &meeting, &wanted).await;
    respond(&state, &ctx, &headers, &meeting, None, result).await
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id, item)): Path<(String, Uuid, Uuid)>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let result = meetings::delete_item(&state, ctx.actor(), &meeting, item).await;
    respond(&state, &ctx, &headers, &meeting, None, result).await
}

#[derive(Deserialize)]
pub struct ProposalForm {
    /// `accept` or `park`.
    decision: String,
}

pub async fn proposal(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    headers: HeaderMap,
    Path((_, id, item)): Path<(String, Uuid, Uuid)>,
    Form(form): Form<ProposalForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let result = meetings::set_proposal(
        &state,
        ctx.actor(),
        &meeting,
        item,
        form.decision == "accept",
    )
    .await;
    respond(&state, &ctx, &headers, &meeting, None, result).await
}

#[derive(Deserialize)]
pub struct ReviewForm {
    outcome: String,
    #[serde(default)]
    back: String,
}

/// Marks an action item under review as done, not done or dropped.
pub async fn review(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id, action)): Path<(String, Uuid, Uuid)>,
    Form(form): Form<ReviewForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    outcome::review_action(&state, ctx.actor(), &meeting, action, &form.outcome).await?;
    let back = if form.back == "run" {
        format!("{}/run", ctx.meeting_path(id))
    } else {
        format!("{}#review", ctx.meeting_path(id))
    };
    Ok(axum::response::Redirect::to(&back).into_response())
}
