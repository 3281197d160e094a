//! Outcomes: action items and decisions, from meetings or on their own.

use goalmeet_core::action::{ActionStatus, parse_date};
use goalmeet_core::agenda::parse_title;
use goalmeet_core::decision::{DecisionStatus, parse_long_text, parse_statement};
use goalmeet_core::{ValidationError, clock};
use goalmeet_store::{ActionItem, Meeting, NewAction, NewDecision};
use uuid::Uuid;

use super::meeting::{Actor, visible};
use crate::{AppError, AppState};

/// Where an outcome was recorded: a meeting and optionally one of its items.
async fn origin(
    state: &AppState,
    actor: Actor<'_>,
    meeting_id: Option<Uuid>,
    agenda_item_id: Option<Uuid>,
) -> Result<Option<Meeting>, AppError> {
    let Some(meeting_id) = meeting_id else {
        if agenda_item_id.is_some() {
            return Err(ValidationError::new(
                "meeting_id",
                "Name the meeting the agenda item belongs to.",
            )
            .into());
        }
        return Ok(None);
    };
    let meeting = visible(state, actor, meeting_id).await?;
    if let Some(item) = agenda_item_id {
        // An item of another meeting is, from here, an item that does not exist.
        state
            .db
            .agenda_item(actor.workspace.id, meeting.id, item)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    Ok(Some(meeting))
}

async fn check_member(
    state: &AppState,
    actor: Actor<'_>,
    field: &'static str,
    user: Option<Uuid>,
) -> Result<(), AppError> {
    if let Some(user) = user
        && state
            .db
            .members_among(actor.workspace.id, &[user])
            .await?
            .is_empty()
    {
        return Err(
            ValidationError::new(field, "That person is not a member of this workspace.").into(),
        );
    }
    Ok(())
}

pub struct ActionInput<'a> {
    pub title: &'a str,
    pub assignee_id: Option<Uuid>,
    pub due_on: Option<&'a str>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
}

pub async fn create_action(
    state: &AppState,
    actor: Actor<'_>,
    input: &ActionInput<'_>,
) -> Result<Uuid, AppError> {
    actor.require_contributor()?;
    let title = parse_title(input.title)?;
    let due_on = parse_date("due_on", input.due_on)?;
    check_member(state, actor, "assignee_id", input.assignee_id).await?;
    let meeting = origin(state, actor, input.meeting_id, input.agenda_item_id).await?;
    let new = NewAction {
        workspace_id: actor.workspace.id,
        title,
        assignee_id: input.assignee_id,
        due_on,
        meeting_id: meeting.as_ref().map(|m| m.id),
        agenda_item_id: input.agenda_item_id,
        series_id: meeting.as_ref().and_then(|m| m.series_id),
        created_by: actor.user.id,
    };
    Ok(state.db.create_action(&new, clock::now()).await?)
}

pub async fn action(state: &AppState, actor: Actor<'_>, id: Uuid) -> Result<ActionItem, AppError> {
    let action = state
        .db
        .action(actor.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Guests see only their own action items and those of meetings they attend.
    if !actor.role.can_contribute() && action.assignee_id != Some(actor.user.id) {
        match action.meeting_id {
            Some(m) if state.db.is_attendee(m, actor.user.id).await? => {}
            _ => return Err(AppError::NotFound),
        }
    }
    Ok(action)
}

pub struct ActionChange<'a> {
    pub title: Option<&'a str>,
    /// `Some(None)` clears the assignee.
    pub assignee_id: Option<Option<Uuid>>,
    /// `Some("")` clears the due date.
    pub due_on: Option<&'a str>,
    pub status: Option<&'a str>,
}

/// Edits an action item; its assignee may always change its status.
pub async fn update_action(
    state: &AppState,
    actor: Actor<'_>,
    id: Uuid,
    change: &ActionChange<'_>,
) -> Result<ActionItem, AppError> {
    let current = action(state, actor, id).await?;
    let is_assignee = current.assignee_id == Some(actor.user.id);
    let edits_fields =
        change.title.is_some() || change.assignee_id.is_some() || change.due_on.is_some();
    if edits_fields || !is_assignee {
        actor.require_contributor()?;
    }
    let status = change.status.map(ActionStatus::parse).transpose()?;
    if edits_fields {
        let title = parse_title(change.title.unwrap_or(&current.title))?;
        let assignee = change.assignee_id.unwrap_or(current.assignee_id);
        check_member(state, actor, "assignee_id", assignee).await?;
        let due_on = match change.due_on {
            Some(text) => parse_date("due_on", Some(text))?,
            None => current.due_on,
        };
        state
            .db
            .update_action(actor.workspace.id, id, &title, assignee, due_on)
            .await?;
    }
    if let Some(status) = status {
        state
            .db
            .set_action_status(actor.workspace.id, id, status, clock::now())
            .await?;
    }
    action(state, actor, id).await
}

pub async fn delete_action(state: &AppState, actor: Actor<'_>, id: Uuid) -> Result<(), AppError> {
    actor.require_contributor()?;
    action(state, actor, id).await?;
    Ok(state.db.delete_action(actor.workspace.id, id).await?)
}

/// Marks a reviewed action item in a meeting of its series.
pub async fn review_action(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
    outcome: &str,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    let outcome: &'static str = match outcome {
        "done" => "done",
        "not_done" => "not_done",
        "dropped" => "dropped",
        _ => {
            return Err(ValidationError::new(
                "outcome",
                "Outcome must be done, not_done or dropped.",
            )
            .into());
        }
    };
    let item = action(state, actor, id).await?;
    if item.series_id.is_none() || item.series_id != meeting.series_id {
        return Err(AppError::NotFound);
    }
    Ok(state
        .db
        .review_action(actor.workspace.id, meeting.id, id, outcome, clock::now())
        .await?)
}

pub struct DecisionInput<'a> {
    pub statement: &'a str,
    pub context: Option<&'a str>,
    pub rationale: Option<&'a str>,
    pub decided_by: Option<Uuid>,
    pub decided_on: Option<&'a str>,
    pub status: Option<&'a str>,
    pub revisit_on: Option<&'a str>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    pub supersedes: Option<Uuid>,
}

pub async fn create_decision(
    state: &AppState,
    actor: Actor<'_>,
    input: &DecisionInput<'_>,
) -> Result<Uuid, AppError> {
    actor.require_contributor()?;
    let statement = parse_statement(input.statement)?;
    let context = parse_long_text("context", input.context)?;
    let rationale = parse_long_text("rationale", input.rationale)?;
    let status = match input.status.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => DecisionStatus::parse(s)?,
        None => DecisionStatus::Decided,
    };
    if status == DecisionStatus::Superseded {
        return Err(ValidationError::new(
            "status",
            "A new decision is proposed or decided; it is superseded later.",
        )
        .into());
    }
    let today = clock::now().date_naive();
    let decided_on = parse_date("decided_on", input.decided_on)?.unwrap_or(today);
    let revisit_on = parse_date("revisit_on", input.revisit_on)?;
    let decided_by = input.decided_by.or(Some(actor.user.id));
    check_member(state, actor, "decided_by", decided_by).await?;
    let meeting = origin(state, actor, input.meeting_id, input.agenda_item_id).await?;
    if let Some(old) = input.supersedes {
        state
            .db
            .decision(actor.workspace.id, old)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    let new = NewDecision {
        workspace_id: actor.workspace.id,
        statement,
        context,
        rationale,
        decided_by,
        decided_on,
        status,
        revisit_on,
        meeting_id: meeting.map(|m| m.id),
        agenda_item_id: input.agenda_item_id,
        supersedes: input.supersedes,
        created_by: actor.user.id,
    };
    Ok(state.db.create_decision(&new, clock::now()).await?)
}
