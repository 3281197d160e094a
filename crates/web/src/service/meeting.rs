//! Meetings, series, agenda and run mode: the rules both front ends share.

use chrono::{DateTime, Utc};
use goalmeet_core::agenda::{AgendaKind, AgendaState, parse_minutes, parse_title};
use goalmeet_core::meeting::{self as rules, MeetingStatus};
use goalmeet_core::template::builtin;
use goalmeet_core::{Role, ValidationError, clock, recurrence};
use goalmeet_store::{
    AgendaFields, AgendaItem, CarryOver, Meeting, MeetingFields, NewAgendaItem, NewMeeting, User,
    Workspace,
};
use uuid::Uuid;

use crate::{AppError, AppState};

/// Who is acting, where, with which role.
#[derive(Clone, Copy)]
pub struct Actor<'a> {
    pub user: &'a User,
    pub workspace: &'a Workspace,
    pub role: Role,
}

impl Actor<'_> {
    pub fn require_contributor(&self) -> Result<(), AppError> {
        if self.role.can_contribute() {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "Guests can read meetings and propose agenda items, nothing more.",
            ))
        }
    }

    /// Facilitator, creator or an admin may start, end, cancel, delete and re-plan a meeting.
    pub fn can_manage(&self, meeting: &Meeting) -> bool {
        self.role.can_administer()
            || (self.role.can_contribute()
                && (meeting.created_by == self.user.id
                    || meeting.facilitator_id == Some(self.user.id)))
    }

    pub fn require_manage(&self, meeting: &Meeting) -> Result<(), AppError> {
        if self.can_manage(meeting) {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "Only the facilitator, the creator or an admin can do that.",
            ))
        }
    }
}

/// A meeting the actor may see: guests only see meetings they attend.
pub async fn visible(state: &AppState, actor: Actor<'_>, id: Uuid) -> Result<Meeting, AppError> {
    let meeting = state
        .db
        .meeting(actor.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let involved =
        meeting.created_by == actor.user.id || meeting.facilitator_id == Some(actor.user.id);
    if actor.role == Role::Guest
        && !involved
        && !state.db.is_attendee(meeting.id, actor.user.id).await?
    {
        return Err(AppError::NotFound);
    }
    Ok(meeting)
}

/// Raw meeting input, already parsed for time by the front end.
pub struct MeetingInput<'a> {
    pub title: &'a str,
    pub purpose: Option<&'a str>,
    pub starts_at: Result<DateTime<Utc>, ValidationError>,
    pub duration_minutes: Option<i64>,
    pub location: Option<&'a str>,
    pub facilitator_id: Option<Uuid>,
    pub note_taker_id: Option<Uuid>,
    pub timekeeper_id: Option<Uuid>,
    pub attendee_ids: Vec<Uuid>,
    /// Create as a draft: planned but not yet announced (creation only).
    pub draft: bool,
}

/// Where a new meeting's plan comes from.
pub enum TemplateChoice {
    Builtin(&'static goalmeet_core::template::BuiltinTemplate),
    Workspace(Uuid),
}

impl TemplateChoice {
    /// `builtin:<key>` or a workspace template's id.
    pub fn parse(input: &str) -> Result<Option<TemplateChoice>, AppError> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(None);
        }
        if let Some(key) = input.strip_prefix("builtin:") {
            return builtin(key)
                .map(|t| Some(TemplateChoice::Builtin(t)))
                .ok_or_else(|| {
                    ValidationError::new("template", "There is no such built-in template.").into()
                });
        }
        Uuid::parse_str(input)
            .map(|id| Some(TemplateChoice::Workspace(id)))
            .map_err(|_| ValidationError::new("template", "Pick a template from the list.").into())
    }
}

/// How a series repeats.
pub struct RecurrenceInput<'a> {
    /// A preset name (`weekdays`, `weekly`, `biweekly`, `monthly`) or an RRULE.
    pub rule: &'a str,
    pub until: Option<DateTime<Utc>>,
    pub count: Option<i64>,
}

/// Checks every field and that the people named are members; saves nothing.
pub async fn validate(
    state: &AppState,
    actor: Actor<'_>,
    input: &MeetingInput<'_>,
    default_purpose: &str,
    default_duration: i64,
    creating: bool,
) -> Result<(MeetingFields, Vec<Uuid>), AppError> {
    let title = parse_title(input.title)?;
    let starts_at = input.starts_at.clone()?;
    let duration_minutes = parse_minutes(
        "duration_minutes",
        input.duration_minutes.unwrap_or(default_duration),
    )?;
    let purpose = goalmeet_core::decision::parse_long_text(
        "purpose",
        input.purpose.or(Some(default_purpose)),
    )?;
    let location = rules::parse_optional_text("location", input.location, 500)?;
    let facilitator_id = input.facilitator_id.or(Some(actor.user.id));
    let named: Vec<Uuid> = [facilitator_id, input.note_taker_id, input.timekeeper_id]
        .into_iter()
        .flatten()
        .chain(input.attendee_ids.iter().copied())
        .collect();
    let members = state.db.members_among(actor.workspace.id, &named).await?;
    if let Some(stranger) = named.iter().find(|id| !members.contains(id)) {
        let field = if Some(*stranger) == facilitator_id {
            "facilitator_id"
        } else if Some(*stranger) == input.note_taker_id {
            "note_taker_id"
        } else if Some(*stranger) == input.timekeeper_id {
            "timekeeper_id"
        } else {
            "attendee_ids"
        };
        return Err(
            ValidationError::new(field, "Only members of this workspace can take part.").into(),
        );
    }
    // The creator attends their new meeting; an editor is not added by editing.
    let mut attendees: Vec<Uuid> = if creating {
        vec![actor.user.id]
    } else {
        Vec::new()
    };
    for id in named {
        if !attendees.contains(&id) {
            attendees.push(id);
        }
    }
    Ok((
        MeetingFields {
            title,
            purpose,
            starts_at,
            duration_minutes,
            location,
            facilitator_id,
            note_taker_id: input.note_taker_id,
            timekeeper_id: input.timekeeper_id,
        },
        attendees,
    ))
}

/// What a template contributes to a new meeting.
struct Plan {
    purpose: String,
    duration: i64,
    items: Vec<NewAgendaItem>,
}

async fn plan_from(
    state: &AppState,
    actor: Actor<'_>,
    choice: Option<&TemplateChoice>,
) -> Result<Plan, AppError> {
    Ok(match choice {
        None => Plan {
            purpose: String::new(),
            duration: 30,
            items: Vec::new(),
        },
        Some(TemplateChoice::Builtin(t)) => Plan {
            purpose: t.purpose.to_string(),
            duration: t.duration_minutes,
            items: t
                .items
                .iter()
                .map(|i| NewAgendaItem {
                    title: i.title.to_string(),
                    notes: i.notes.to_string(),
                    presenter_id: None,
                    timebox_minutes: i.timebox_minutes,
                    kind: i.kind,
                    proposal: "accepted",
                })
                .collect(),
        },
        Some(TemplateChoice::Workspace(id)) => {
            let (template, items) = state
                .db
                .template(actor.workspace.id, *id)
                .await?
                .ok_or_else(|| {
                    AppError::from(ValidationError::new(
                        "template",
                        "That template no longer exists.",
                    ))
                })?;
            Plan {
                purpose: template.purpose,
                duration: template.duration_minutes,
                items: items
                    .into_iter()
                    .map(|i| NewAgendaItem {
                        kind: AgendaKind::parse(&i.kind).unwrap_or(AgendaKind::Discussion),
                        title: i.title,
                        notes: i.notes,
                        presenter_id: None,
                        timebox_minutes: i.timebox_minutes,
                        proposal: "accepted",
                    })
                    .collect(),
            }
        }
    })
}

/// The result of creating a meeting or a series.
pub struct Created {
    pub meeting_id: Uuid,
    pub series_id: Option<Uuid>,
    pub occurrences: usize,
}

/// Creates a meeting, or a series of them when `recurrence` is given.
pub async fn create(
    state: &AppState,
    actor: Actor<'_>,
    input: &MeetingInput<'_>,
    template: Option<&TemplateChoice>,
    recurrence: Option<&RecurrenceInput<'_>>,
) -> Result<Created, AppError> {
    actor.require_contributor()?;
    let plan = plan_from(state, actor, template).await?;
    let (fields, attendees) =
        validate(state, actor, input, &plan.purpose, plan.duration, true).await?;
    let new = NewMeeting {
        workspace_id: actor.workspace.id,
        fields,
        status: if input.draft {
            MeetingStatus::Draft
        } else {
            MeetingStatus::Scheduled
        },
        created_by: actor.user.id,
        attendees,
        items: plan.items,
    };
    let now = clock::now();
    let Some(recurrence) = recurrence else {
        let id = state.db.create_meeting(&new, now).await?;
        return Ok(Created {
            meeting_id: id,
            series_id: None,
            occurrences: 1,
        });
    };
    let rule = recurrence::preset(recurrence.rule.trim())
        .unwrap_or(recurrence.rule.trim())
        .to_string();
    let count = match recurrence.count {
        Some(n) if !(1..=i64::from(recurrence::MAX_OCCURRENCES)).contains(&n) => {
            return Err(ValidationError::new("count", "A series has 1 to 200 occurrences.").into());
        }
        other => other.map(|n| n as u16),
    };
    let tz = clock::parse_time_zone(&actor.user.time_zone).unwrap_or(chrono_tz::UTC);
    let dates = recurrence::occurrences(&rule, new.fields.starts_at, tz, recurrence.until, count)?;
    let (series_id, ids) = state
        .db
        .create_series(&new, &rule, tz.name(), &dates, now)
        .await?;
    Ok(Created {
        meeting_id: ids[0],
        series_id: Some(series_id),
        occurrences: ids.len(),
    })
}

/// Edits one occurrence, or with `following` this and every later not-started occurrence.
pub async fn update(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    input: &MeetingInput<'_>,
    following: bool,
) -> Result<u64, AppError> {
    actor.require_manage(meeting)?;
    if !meeting.status().is_upcoming()
        && input
            .starts_at
            .as_ref()
            .is_ok_and(|t| *t != meeting.starts_at)
    {
        return Err(ValidationError::new(
            "starts_at",
            "A meeting that has started keeps its start time.",
        )
        .into());
    }
    let (fields, attendees) = validate(
        state,
        actor,
        input,
        &meeting.purpose,
        meeting.duration_minutes,
        false,
    )
    .await?;
    match (following, meeting.series_id) {
        (true, Some(series_id)) => {
            let targets: Vec<Meeting> = state
                .db
                .series_meetings(actor.workspace.id, series_id)
                .await?
                .into_iter()
                .filter(|m| m.starts_at >= meeting.starts_at && m.status().is_upcoming())
                .collect();
            // Re-planning the rest of a series needs the right to re-plan each of its meetings.
            for target in &targets {
                actor.require_manage(target)?;
            }
            let shift = (fields.starts_at - meeting.starts_at).num_seconds();
            Ok(state
                .db
                .update_series_from(
                    actor.workspace.id,
                    series_id,
                    meeting.starts_at,
                    &fields,
                    &attendees,
                    shift,
                )
                .await?)
        }
        _ => {
            state
                .db
                .update_meeting(actor.workspace.id, meeting.id, &fields, &attendees)
                .await?;
            Ok(1)
        }
    }
}

pub async fn start(state: &AppState, actor: Actor<'_>, meeting: &Meeting) -> Result<(), AppError> {
    actor.require_manage(meeting)?;
    rules::check_start(meeting.status(), &meeting.purpose)?;
    let agenda = state.db.agenda(meeting.id).await?;
    let first = agenda
        .iter()
        .find(|i| i.is_accepted() && i.state() == AgendaState::Pending)
        .map(|i| i.id);
    state
        .db
        .start_meeting(actor.workspace.id, meeting.id, first, clock::now())
        .await?;
    Ok(())
}

pub async fn end(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
) -> Result<CarryOver, AppError> {
    actor.require_manage(meeting)?;
    rules::check_end(meeting.status())?;
    Ok(state
        .db
        .end_meeting(actor.workspace.id, meeting.id, clock::now())
        .await?)
}

/// Announces a draft: it becomes scheduled.
pub async fn schedule(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
) -> Result<(), AppError> {
    actor.require_manage(meeting)?;
    if meeting.status() != MeetingStatus::Draft {
        return Err(ValidationError::new("status", "Only a draft can be scheduled.").into());
    }
    Ok(state
        .db
        .set_meeting_status(
            actor.workspace.id,
            meeting.id,
            MeetingStatus::Scheduled,
            [MeetingStatus::Draft; 2],
        )
        .await?)
}

/// A step in a meeting's life, as the buttons and API routes name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Schedule,
    Start,
    End,
    Cancel,
    Delete,
}

/// Takes one lifecycle step; ending reports what rolled into the next meeting.
pub async fn take_step(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    step: Step,
) -> Result<CarryOver, AppError> {
    match step {
        Step::Schedule => schedule(state, actor, meeting).await?,
        Step::Start => start(state, actor, meeting).await?,
        Step::End => return end(state, actor, meeting).await,
        Step::Cancel => cancel(state, actor, meeting).await?,
        Step::Delete => delete(state, actor, meeting).await?,
    }
    Ok(CarryOver::default())
}

pub async fn cancel(state: &AppState, actor: Actor<'_>, meeting: &Meeting) -> Result<(), AppError> {
    actor.require_manage(meeting)?;
    rules::check_cancel(meeting.status())?;
    Ok(state
        .db
        .set_meeting_status(
            actor.workspace.id,
            meeting.id,
            MeetingStatus::Cancelled,
            [MeetingStatus::Draft, MeetingStatus::Scheduled],
        )
        .await?)
}

pub async fn delete(state: &AppState, actor: Actor<'_>, meeting: &Meeting) -> Result<(), AppError> {
    actor.require_manage(meeting)?;
    Ok(state
        .db
        .delete_meeting(actor.workspace.id, meeting.id)
        .await?)
}

// ---------------------------------------------------------------- agenda

pub struct ItemInput<'a> {
    pub title: &'a str,
    pub notes: Option<&'a str>,
    pub presenter_id: Option<Uuid>,
    pub timebox_minutes: Option<i64>,
    pub kind: Option<&'a str>,
}

async fn validate_item(
    state: &AppState,
    actor: Actor<'_>,
    input: &ItemInput<'_>,
    default_timebox: i64,
) -> Result<AgendaFields, AppError> {
    let title = parse_title(input.title)?;
    let timebox_minutes = parse_minutes(
        "timebox_minutes",
        input.timebox_minutes.unwrap_or(default_timebox),
    )?;
    let kind = match input.kind.map(str::trim).filter(|k| !k.is_empty()) {
        Some(k) => AgendaKind::parse(k)?,
        None => AgendaKind::Discussion,
    };
    let notes = goalmeet_core::decision::parse_long_text("notes", input.notes)?;
    if let Some(presenter) = input.presenter_id
        && state
            .db
            .members_among(actor.workspace.id, &[presenter])
            .await?
            .is_empty()
    {
        return Err(ValidationError::new(
            "presenter_id",
            "The presenter must be a member of this workspace.",
        )
        .into());
    }
    Ok(AgendaFields {
        title,
        notes,
        presenter_id: input.presenter_id,
        timebox_minutes,
        kind,
    })
}

fn require_open(meeting: &Meeting) -> Result<(), AppError> {
    match meeting.status() {
        MeetingStatus::Ended | MeetingStatus::Cancelled => Err(AppError::conflict(
            "meeting_closed",
            "This meeting is over; add the item to the next one.",
        )),
        _ => Ok(()),
    }
}

/// Adds an item; a guest's item is a proposal the facilitator accepts or parks.
pub async fn add_item(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    input: &ItemInput<'_>,
) -> Result<Uuid, AppError> {
    require_open(meeting)?;
    let f = validate_item(state, actor, input, 5).await?;
    let proposal = if actor.role.can_contribute() {
        "accepted"
    } else {
        "proposed"
    };
    let item = NewAgendaItem {
        title: f.title,
        notes: f.notes,
        presenter_id: f.presenter_id,
        timebox_minutes: f.timebox_minutes,
        kind: f.kind,
        proposal,
    };
    Ok(state
        .db
        .add_agenda_item(
            actor.workspace.id,
            meeting.id,
            &item,
            actor.user.id,
            clock::now(),
        )
        .await?)
}

pub async fn item(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
) -> Result<AgendaItem, AppError> {
    state
        .db
        .agenda_item(actor.workspace.id, meeting.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn update_item(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
    input: &ItemInput<'_>,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    let current = item(state, actor, meeting, id).await?;
    let f = validate_item(state, actor, input, current.timebox_minutes).await?;
    Ok(state
        .db
        .update_agenda_item(actor.workspace.id, meeting.id, id, &f)
        .await?)
}

pub async fn delete_item(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    Ok(state
        .db
        .delete_agenda_item(actor.workspace.id, meeting.id, id)
        .await?)
}

pub async fn reorder(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    ids: &[Uuid],
) -> Result<(), AppError> {
    actor.require_contributor()?;
    Ok(state
        .db
        .reorder_agenda(actor.workspace.id, meeting.id, ids)
        .await?)
}

/// Moves one item up (`-1`) or down (`+1`), for keyboard reordering.
pub async fn move_item(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
    by: i64,
) -> Result<(), AppError> {
    let mut ids: Vec<Uuid> = state
        .db
        .agenda(meeting.id)
        .await?
        .iter()
        .map(|i| i.id)
        .collect();
    let Some(at) = ids.iter().position(|x| *x == id) else {
        return Err(AppError::NotFound);
    };
    let to = (at as i64 + by).clamp(0, ids.len() as i64 - 1) as usize;
    let moved = ids.remove(at);
    ids.insert(to, moved);
    reorder(state, actor, meeting, &ids).await
}

/// Accepts a proposal onto the agenda or parks it in the parking lot.
pub async fn set_proposal(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
    accept: bool,
) -> Result<(), AppError> {
    actor.require_manage(meeting)?;
    let proposal = if accept { "accepted" } else { "parked" };
    Ok(state
        .db
        .set_agenda_proposal(actor.workspace.id, meeting.id, id, proposal)
        .await?)
}

// ---------------------------------------------------------------- run mode

fn require_in_progress(meeting: &Meeting) -> Result<(), AppError> {
    if meeting.status() == MeetingStatus::InProgress {
        Ok(())
    } else {
        Err(AppError::conflict(
            "not_in_progress",
            "Start the meeting first.",
        ))
    }
}

/// Marks an item and moves the clock to the next pending item.
pub async fn finish_item(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
    outcome: AgendaState,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    require_in_progress(meeting)?;
    state
        .db
        .set_agenda_state(actor.workspace.id, meeting.id, id, outcome)
        .await?;
    let agenda = state.db.agenda(meeting.id).await?;
    let at = agenda.iter().position(|i| i.id == id).unwrap_or(0);
    let next = agenda
        .iter()
        .skip(at + 1)
        .chain(agenda.iter().take(at))
        .find(|i| i.is_accepted() && i.state() == AgendaState::Pending)
        .map(|i| i.id);
    Ok(state
        .db
        .set_current_item(actor.workspace.id, meeting.id, next, clock::now())
        .await?)
}

/// Moves the clock to `id`, or to the accepted item before/after the current one.
pub async fn go_to(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    target: GoTo,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    require_in_progress(meeting)?;
    let agenda: Vec<AgendaItem> = state
        .db
        .agenda(meeting.id)
        .await?
        .into_iter()
        .filter(|i| i.is_accepted())
        .collect();
    let at = meeting
        .current_item_id
        .and_then(|c| agenda.iter().position(|i| i.id == c));
    let next = match target {
        GoTo::Item(id) => Some(id),
        GoTo::Next => match at {
            Some(at) => agenda.get(at + 1).map(|i| i.id),
            None => agenda.first().map(|i| i.id),
        },
        GoTo::Previous => match at {
            Some(at) if at > 0 => agenda.get(at - 1).map(|i| i.id),
            Some(at) => agenda.get(at).map(|i| i.id),
            None => agenda.last().map(|i| i.id),
        },
    };
    Ok(state
        .db
        .set_current_item(actor.workspace.id, meeting.id, next, clock::now())
        .await?)
}

#[derive(Debug, Clone, Copy)]
pub enum GoTo {
    Item(Uuid),
    Next,
    Previous,
}

// ---------------------------------------------------------------- templates

/// Saves a meeting's shape (accepted agenda, duration, purpose) as a workspace template.
pub async fn save_as_template(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    name: &str,
    description: Option<&str>,
) -> Result<Uuid, AppError> {
    actor.require_contributor()?;
    let name = goalmeet_core::account::parse_label("name", "Name the template.", name, 120)?;
    let description = rules::parse_optional_text("description", description, 500)?;
    let items = state
        .db
        .agenda(meeting.id)
        .await?
        .into_iter()
        .filter(|i| i.is_accepted())
        .enumerate()
        .map(|(position, i)| goalmeet_store::TemplateItemRow {
            position: position as i64,
            title: i.title,
            kind: i.kind_name,
            timebox_minutes: i.timebox_minutes,
            notes: i.notes,
        })
        .collect();
    let new = goalmeet_store::NewTemplate {
        workspace_id: actor.workspace.id,
        name,
        description,
        purpose: meeting.purpose.clone(),
        duration_minutes: meeting.duration_minutes,
        items,
        created_by: actor.user.id,
    };
    Ok(state.db.create_template(&new, clock::now()).await?)
}

pub async fn update_template(
    state: &AppState,
    actor: Actor<'_>,
    id: Uuid,
    name: Option<&str>,
    description: Option<&str>,
    purpose: Option<&str>,
    duration_minutes: Option<i64>,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    let (current, _) = state
        .db
        .template(actor.workspace.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = goalmeet_core::account::parse_label(
        "name",
        "Name the template.",
        name.unwrap_or(&current.name),
        120,
    )?;
    let description = rules::parse_optional_text(
        "description",
        Some(description.unwrap_or(&current.description)),
        500,
    )?;
    let purpose = goalmeet_core::decision::parse_long_text(
        "purpose",
        Some(purpose.unwrap_or(&current.purpose)),
    )?;
    let duration = parse_minutes(
        "duration_minutes",
        duration_minutes.unwrap_or(current.duration_minutes),
    )?;
    Ok(state
        .db
        .update_template(
            actor.workspace.id,
            id,
            &name,
            &description,
            &purpose,
            duration,
        )
        .await?)
}

pub async fn delete_template(state: &AppState, actor: Actor<'_>, id: Uuid) -> Result<(), AppError> {
    actor.require_contributor()?;
    Ok(state.db.delete_template(actor.workspace.id, id).await?)
}

/// Puts a topic in the meeting's parking lot: kept, but off the agenda.
pub async fn park_topic(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    title: &str,
) -> Result<Uuid, AppError> {
    actor.require_contributor()?;
    require_open(meeting)?;
    let item = NewAgendaItem {
        title: parse_title(title)?,
        notes: String::new(),
        presenter_id: None,
        timebox_minutes: 5,
        kind: AgendaKind::Discussion,
        proposal: "parked",
    };
    Ok(state
        .db
        .add_agenda_item(
            actor.workspace.id,
            meeting.id,
            &item,
            actor.user.id,
            clock::now(),
        )
        .await?)
}

/// Saves the notes of one agenda item (run mode).
pub async fn save_notes(
    state: &AppState,
    actor: Actor<'_>,
    meeting: &Meeting,
    id: Uuid,
    notes: &str,
) -> Result<(), AppError> {
    actor.require_contributor()?;
    let notes = goalmeet_core::decision::parse_long_text("notes", Some(notes))?;
    Ok(state
        .db
        .set_agenda_notes(actor.workspace.id, meeting.id, id, &notes)
        .await?)
}
