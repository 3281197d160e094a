//! Meetings: lists and week view, the new-meeting form, the meeting page,
//! its lifecycle buttons, and the summary.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use goalmeet_core::agenda::AgendaState;
use goalmeet_core::meeting::{MeetingStatus, parse_local};
use goalmeet_core::template::BUILTIN_TEMPLATES;
use goalmeet_store::{Meeting, MeetingScope, PageRequest};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    FormErrors, Shell, UiResult, WorkspaceCtx, format_time, is_form_error, redirect_with_flash,
    render, render_with,
};
use crate::service::meeting::{
    self as meetings, Actor, MeetingInput, RecurrenceInput, Step, TemplateChoice,
};
use crate::{AppError, AppState};

const PER_PAGE: i64 = 25;

impl WorkspaceCtx {
    pub fn actor(&self) -> Actor<'_> {
        Actor {
            user: &self.me.user,
            workspace: &self.workspace,
            role: self.role,
        }
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.me.user.time_zone.parse().unwrap_or(chrono_tz::UTC)
    }

    pub fn meeting_path(&self, id: Uuid) -> String {
        format!("/w/{}/meetings/{id}", self.workspace.slug)
    }
}

/// A meeting as a row in a list.
pub struct MeetingRow {
    pub id: Uuid,
    pub title: String,
    pub when: String,
    pub iso: String,
    pub minutes: i64,
    pub status_label: &'static str,
    pub badge: &'static str,
    pub recurring: bool,
}

impl MeetingRow {
    pub fn new(m: &Meeting, tz: &str) -> Self {
        let status = m.status();
        MeetingRow {
            id: m.id,
            title: m.title.clone(),
            when: format_time(m.starts_at, tz),
            iso: m.starts_at.to_rfc3339(),
            minutes: m.duration_minutes,
            status_label: status.label(),
            badge: status.badge(),
            recurring: m.series_id.is_some(),
        }
    }
}

pub struct Day {
    pub label: String,
    pub is_today: bool,
    pub meetings: Vec<MeetingRow>,
}

#[derive(Template)]
#[template(path = "meetings.html")]
struct MeetingsPage {
    shell: Shell,
    slug: String,
    view: &'static str,
    rows: Vec<MeetingRow>,
    page: i64,
    pages: i64,
    days: Vec<Day>,
    week_label: String,
    prev_week: String,
    next_week: String,
    can_create: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    view: Option<String>,
    page: Option<i64>,
    /// Monday of the week to show (YYYY-MM-DD).
    week: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Query(q): Query<ListQuery>,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let tz = ctx.tz();
    let tz_name = ctx.me.user.time_zone.clone();
    let guest = (!ctx.role.can_contribute()).then_some(ctx.me.user.id);
    let view = match q.view.as_deref() {
        Some("past") => "past",
        Some("mine") => "mine",
        Some("week") => "week",
        _ => "upcoming",
    };
    let page = q.page.unwrap_or(1).max(1);
    let today = Utc::now().with_timezone(&tz).date_naive();
    let monday = q
        .week
        .as_deref()
        .and_then(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok())
        .unwrap_or(today)
        .week(chrono::Weekday::Mon)
        .first_day();
    let (rows, total, days) = if view == "week" {
        let start = local_midnight(tz, monday);
        let end = local_midnight(tz, monday + Duration::days(7));
        let found = state
            .db
            .list_meetings(
                ctx.workspace.id,
                MeetingScope::Range(start, end),
                guest,
                PageRequest::new(Some(200), None),
            )
            .await?;
        let days = (0..7)
            .map(|d| {
                let date = monday + Duration::days(d);
                Day {
                    label: date.format("%a %-d %b").to_string(),
                    is_today: date == today,
                    meetings: found
                        .items
                        .iter()
                        .filter(|m| m.starts_at.with_timezone(&tz).date_naive() == date)
                        .map(|m| MeetingRow::new(m, &tz_name))
                        .collect(),
                }
            })
            .collect();
        (Vec::new(), found.total, days)
    } else {
        let (scope, attendee) = match view {
            "past" => (MeetingScope::Past, guest),
            "mine" => (MeetingScope::Upcoming, Some(ctx.me.user.id)),
            _ => (MeetingScope::Upcoming, guest),
        };
        let found = state
            .db
            .list_meetings(
                ctx.workspace.id,
                scope,
                attendee,
                PageRequest::new(Some(PER_PAGE), Some((page - 1) * PER_PAGE)),
            )
            .await?;
        let rows = found
            .items
            .iter()
            .map(|m| MeetingRow::new(m, &tz_name))
            .collect();
        (rows, found.total, Vec::new())
    };
    Ok(render(&MeetingsPage {
        slug: ctx.workspace.slug.clone(),
        view,
        rows,
        page,
        pages: (total + PER_PAGE - 1) / PER_PAGE,
        days,
        week_label: format!("Week of {}", monday.format("%-d %B %Y")),
        prev_week: (monday - Duration::days(7)).to_string(),
        next_week: (monday + Duration::days(7)).to_string(),
        can_create: ctx.role.can_contribute(),
        shell: ctx.shell,
    }))
}

fn local_midnight(tz: chrono_tz::Tz, date: NaiveDate) -> chrono::DateTime<Utc> {
    let naive = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive).with_timezone(&tz))
        .with_timezone(&Utc)
}

// ---------------------------------------------------------------- the form

pub struct Choice {
    pub value: String,
    pub label: String,
}

pub struct PersonChoice {
    pub id: Uuid,
    pub name: String,
    pub checked: bool,
}

/// What the meeting form shows (new and edit).
#[derive(Template)]
#[template(path = "meeting_form.html")]
struct MeetingFormPage {
    shell: Shell,
    action: String,
    editing: bool,
    in_series: bool,
    errors: FormErrors,
    form: MeetingForm,
    templates: Vec<Choice>,
    people: Vec<PersonChoice>,
}

#[derive(Deserialize, Default, Clone)]
pub struct MeetingForm {
    #[serde(default)]
    pub template: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub duration_minutes: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub facilitator_id: String,
    #[serde(default)]
    pub note_taker_id: String,
    #[serde(default)]
    pub timekeeper_id: String,
    /// Repeated checkbox values arrive joined by the form parser below.
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub repeat: String,
    #[serde(default)]
    pub rrule: String,
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub draft: String,
}

impl MeetingForm {
    fn attendee_ids(&self) -> Vec<Uuid> {
        self.attendees
            .split(',')
            .filter_map(|s| Uuid::parse_str(s.trim()).ok())
            .collect()
    }
}

fn optional_uuid(s: &str) -> Option<Uuid> {
    Uuid::parse_str(s.trim()).ok()
}

/// Parses a form body in which `attendees` may repeat (one per checked box).
fn parse_meeting_form(body: &str) -> MeetingForm {
    let mut attendees = Vec::new();
    let mut pairs = Vec::new();
    for (k, v) in url::form_urlencoded::parse(body.as_bytes()) {
        if k == "attendees" {
            attendees.push(v.into_owned());
        } else {
            pairs.push((k.into_owned(), v.into_owned()));
        }
    }
    pairs.push(("attendees".into(), attendees.join(",")));
    let encoded = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    // Every field is a defaulted string, so only a malformed body can fail.
    serde_urlencoded::from_str(&encoded).unwrap_or_default()
}

async fn form_page(
    state: &AppState,
    ctx: WorkspaceCtx,
    action: String,
    editing: bool,
    in_series: bool,
    errors: FormErrors,
    form: MeetingForm,
) -> Result<MeetingFormPage, AppError> {
    let mut templates = vec![Choice {
        value: String::new(),
        label: "Blank meeting".into(),
    }];
    templates.extend(BUILTIN_TEMPLATES.iter().map(|t| Choice {
        value: format!("builtin:{}", t.key),
        label: format!("{} ({} min)", t.name, t.duration_minutes),
    }));
    templates.extend(
        state
            .db
            .templates(ctx.workspace.id)
            .await?
            .into_iter()
            .map(|t| Choice {
                value: t.id.to_string(),
                label: format!("{} ({} min)", t.name, t.duration_minutes),
            }),
    );
    let chosen = form.attendee_ids();
    let people = state
        .db
        .member_names(ctx.workspace.id)
        .await?
        .into_iter()
        .map(|p| PersonChoice {
            checked: chosen.contains(&p.user_id),
            id: p.user_id,
            name: p.name,
        })
        .collect();
    Ok(MeetingFormPage {
        shell: ctx.shell,
        action,
        editing,
        in_series,
        errors,
        form,
        templates,
        people,
    })
}

#[derive(Deserialize)]
pub struct NewQuery {
    template: Option<String>,
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Query(q): Query<NewQuery>,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    ctx.actor().require_contributor()?;
    let tz = ctx.tz();
    // Next full hour, in the viewer's zone.
    let next_hour = (Utc::now() + Duration::hours(1)).with_timezone(&tz);
    let mut form = MeetingForm {
        starts_at: next_hour.format("%Y-%m-%dT%H:00").to_string(),
        duration_minutes: "30".into(),
        attendees: ctx.me.user.id.to_string(),
        ..Default::default()
    };
    if let Some(template) = q
        .template
        .as_deref()
        .and_then(|t| TemplateChoice::parse(t).ok().flatten())
    {
        if let TemplateChoice::Builtin(t) = template {
            form.title = t.name.to_string();
            form.purpose = t.purpose.to_string();
            form.duration_minutes = t.duration_minutes.to_string();
            if let Some(rule) = t.suggested_rrule {
                match goalmeet_core::recurrence::preset_name(rule) {
                    Some(name) => form.repeat = name.into(),
                    None => {
                        form.repeat = "custom".into();
                        form.rrule = rule.into();
                    }
                }
            }
        }
        form.template = q.template.clone().unwrap_or_default();
    }
    let action = format!("/w/{}/meetings", ctx.workspace.slug);
    Ok(render(
        &form_page(
            &state,
            ctx,
            action,
            false,
            false,
            FormErrors::default(),
            form,
        )
        .await?,
    ))
}

fn input_from<'a>(
    form: &'a MeetingForm,
    tz: chrono_tz::Tz,
    duration: Option<i64>,
) -> MeetingInput<'a> {
    MeetingInput {
        title: &form.title,
        purpose: Some(&form.purpose),
        starts_at: parse_local("starts_at", &form.starts_at, tz),
        duration_minutes: duration,
        location: Some(&form.location),
        facilitator_id: optional_uuid(&form.facilitator_id),
        note_taker_id: optional_uuid(&form.note_taker_id),
        timekeeper_id: optional_uuid(&form.timekeeper_id),
        attendee_ids: form.attendee_ids(),
        draft: form.draft == "1",
    }
}

fn parse_duration(form: &MeetingForm) -> Result<Option<i64>, AppError> {
    let text = form.duration_minutes.trim();
    if text.is_empty() {
        return Ok(None);
    }
    goalmeet_core::agenda::parse_minutes_text("duration_minutes", text)
        .map(Some)
        .map_err(AppError::from)
}

const FORM_FIELDS: [&str; 12] = [
    "title",
    "purpose",
    "starts_at",
    "duration_minutes",
    "location",
    "facilitator_id",
    "note_taker_id",
    "timekeeper_id",
    "attendee_ids",
    "rrule",
    "count",
    "template",
];

pub async fn create(State(state): State<AppState>, ctx: WorkspaceCtx, body: String) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let form = parse_meeting_form(&body);
    let tz = ctx.tz();
    let result = async {
        let duration = parse_duration(&form)?;
        let template = TemplateChoice::parse(&form.template)?;
        let rule = match form.repeat.as_str() {
            "" | "none" => None,
            "custom" => Some(form.rrule.as_str()),
            preset => Some(preset),
        };
        let until = match form.until.trim() {
            "" => None,
            text => Some(parse_local("until", &format!("{text}T23:59"), tz)?),
        };
        let count = match form.count.trim() {
            "" => None,
            text => Some(text.parse::<i64>().map_err(|_| {
                goalmeet_core::ValidationError::new("count", "Enter a number of meetings.")
            })?),
        };
        let recurrence = rule.map(|rule| RecurrenceInput { rule, until, count });
        meetings::create(
            &state,
            ctx.actor(),
            &input_from(&form, tz, duration),
            template.as_ref(),
            recurrence.as_ref(),
        )
        .await
    }
    .await;
    match result {
        Ok(created) => {
            let message = if created.occurrences > 1 {
                format!("Series created with {} meetings.", created.occurrences)
            } else {
                "Meeting created.".to_string()
            };
            Ok(redirect_with_flash(
                &ctx.meeting_path(created.meeting_id),
                &message,
            ))
        }
        Err(err) if is_form_error(&err) => {
            let status = err.status();
            let errors = FormErrors::from_error(&err, &FORM_FIELDS);
            let action = format!("/w/{}/meetings", ctx.workspace.slug);
            Ok(render_with(
                status,
                &form_page(&state, ctx, action, false, false, errors, form).await?,
            ))
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    ctx.actor().require_manage(&meeting)?;
    let tz = ctx.tz();
    let attendees = state.db.attendees(meeting.id).await?;
    let form = MeetingForm {
        title: meeting.title.clone(),
        purpose: meeting.purpose.clone(),
        starts_at: meeting
            .starts_at
            .with_timezone(&tz)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        duration_minutes: meeting.duration_minutes.to_string(),
        location: meeting.location.clone(),
        facilitator_id: meeting
            .facilitator_id
            .map(|u| u.to_string())
            .unwrap_or_default(),
        note_taker_id: meeting
            .note_taker_id
            .map(|u| u.to_string())
            .unwrap_or_default(),
        timekeeper_id: meeting
            .timekeeper_id
            .map(|u| u.to_string())
            .unwrap_or_default(),
        attendees: attendees
            .iter()
            .map(|a| a.user_id.to_string())
            .collect::<Vec<_>>()
            .join(","),
        scope: "one".into(),
        ..Default::default()
    };
    let action = format!("{}/edit", ctx.meeting_path(id));
    Ok(render(
        &form_page(
            &state,
            ctx,
            action,
            true,
            meeting.series_id.is_some(),
            FormErrors::default(),
            form,
        )
        .await?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
    body: String,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let form = parse_meeting_form(&body);
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let tz = ctx.tz();
    let result = async {
        let duration = parse_duration(&form)?;
        meetings::update(
            &state,
            ctx.actor(),
            &meeting,
            &input_from(&form, tz, duration),
            form.scope == "following",
        )
        .await
    }
    .await;
    match result {
        Ok(changed) => {
            let message = if changed > 1 {
                format!("Saved {changed} meetings of the series.")
            } else {
                "Meeting saved.".into()
            };
            Ok(redirect_with_flash(&ctx.meeting_path(id), &message))
        }
        Err(err) if is_form_error(&err) => {
            let status = err.status();
            let errors = FormErrors::from_error(&err, &FORM_FIELDS);
            let action = format!("{}/edit", ctx.meeting_path(id));
            let in_series = meeting.series_id.is_some();
            Ok(render_with(
                status,
                &form_page(&state, ctx, action, true, in_series, errors, form).await?,
            ))
        }
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------- lifecycle

/// Runs a lifecycle step; refusals return to the meeting page with the reason.
async fn step(state: &AppState, ctx: &WorkspaceCtx, id: Uuid, step: Step) -> UiResult {
    let meeting = meetings::visible(state, ctx.actor(), id).await?;
    let path = ctx.meeting_path(id);
    let carry = match meetings::take_step(state, ctx.actor(), &meeting, step).await {
        Ok(carry) => carry,
        Err(AppError::Invalid(v)) => return Ok(redirect_with_flash(&path, &v.message)),
        Err(err) => return Err(err.into()),
    };
    let (to, message) = match step {
        Step::Start => (format!("{path}/run"), "Meeting started.".to_string()),
        Step::End => {
            let mut message = "Meeting ended.".to_string();
            if carry.agenda_items + carry.action_items > 0 {
                message.push_str(&format!(
                    " {} agenda items and {} open action items roll into the next meeting.",
                    carry.agenda_items, carry.action_items
                ));
            }
            (format!("{path}/summary"), message)
        }
        Step::Schedule => (path, "Meeting scheduled.".to_string()),
        Step::Cancel => (path, "Meeting cancelled.".to_string()),
        Step::Delete => (
            format!("/w/{}/meetings", ctx.workspace.slug),
            "Meeting deleted.".to_string(),
        ),
    };
    Ok(redirect_with_flash(&to, &message))
}

pub async fn schedule(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    step(&state, &ctx, id, Step::Schedule).await
}

pub async fn start(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    step(&state, &ctx, id, Step::Start).await
}

pub async fn end(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    step(&state, &ctx, id, Step::End).await
}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    step(&state, &ctx, id, Step::Cancel).await
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    step(&state, &ctx, id, Step::Delete).await
}

#[derive(Deserialize)]
pub struct SaveTemplateForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
}

pub async fn save_as_template(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<SaveTemplateForm>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    match meetings::save_as_template(
        &state,
        ctx.actor(),
        &meeting,
        &form.name,
        Some(&form.description),
    )
    .await
    {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/w/{}/templates", ctx.workspace.slug),
            "Saved as a template.",
        )),
        Err(AppError::Invalid(v)) => Ok(redirect_with_flash(&ctx.meeting_path(id), &v.message)),
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------- summary

pub struct SummaryItem {
    pub title: String,
    pub state: &'static str,
    pub planned: i64,
    pub used_minutes: i64,
    pub over: bool,
}

pub struct Summary {
    pub title: String,
    pub when: String,
    pub purpose: String,
    pub items: Vec<SummaryItem>,
    pub decisions: Vec<String>,
    pub actions: Vec<(String, String, String)>,
    pub deferred: Vec<String>,
    pub planned_total: i64,
    pub used_total: i64,
}

impl Summary {
    pub fn markdown(&self) -> String {
        let mut md = format!("# {}\n\n{}\n\n", self.title, self.when);
        if !self.purpose.is_empty() {
            md.push_str(&format!("**Purpose:** {}\n\n", self.purpose));
        }
        md.push_str("## Decisions\n\n");
        if self.decisions.is_empty() {
            md.push_str("- None recorded\n");
        }
        for d in &self.decisions {
            md.push_str(&format!("- {d}\n"));
        }
        md.push_str("\n## Action items\n\n");
        if self.actions.is_empty() {
            md.push_str("- None recorded\n");
        }
        for (title, who, due) in &self.actions {
            md.push_str(&format!("- [ ] {title} — {who}, due {due}\n"));
        }
        if !self.deferred.is_empty() {
            md.push_str("\n## Deferred\n\n");
            for d in &self.deferred {
                md.push_str(&format!("- {d}\n"));
            }
        }
        md.push_str("\n## Time\n\n| Item | Planned | Used |\n|---|---:|---:|\n");
        for i in &self.items {
            md.push_str(&format!(
                "| {} | {} min | {} min |\n",
                i.title.replace('|', "\\|"),
                i.planned,
                i.used_minutes
            ));
        }
        md.push_str(&format!(
            "| **Total** | {} min | {} min |\n",
            self.planned_total, self.used_total
        ));
        md
    }
}

pub async fn build_summary(
    state: &AppState,
    ctx: &WorkspaceCtx,
    meeting: &Meeting,
) -> Result<Summary, AppError> {
    let tz = ctx.me.user.time_zone.as_str();
    let agenda = state.db.agenda(meeting.id).await?;
    let actions = state
        .db
        .meeting_actions(ctx.workspace.id, meeting.id)
        .await?;
    let decisions = state
        .db
        .meeting_decisions(ctx.workspace.id, meeting.id)
        .await?;
    let items: Vec<SummaryItem> = agenda
        .iter()
        .filter(|i| i.is_accepted())
        .map(|i| SummaryItem {
            title: i.title.clone(),
            state: i.state().as_str(),
            planned: i.timebox_minutes,
            used_minutes: (i.used_seconds + 59) / 60,
            over: i.used_seconds > i.timebox_minutes * 60,
        })
        .collect();
    Ok(Summary {
        title: meeting.title.clone(),
        when: format_time(meeting.starts_at, tz),
        purpose: meeting.purpose.clone(),
        planned_total: items.iter().map(|i| i.planned).sum(),
        used_total: items.iter().map(|i| i.used_minutes).sum(),
        deferred: agenda
            .iter()
            .filter(|i| i.is_accepted() && i.state() != AgendaState::Discussed)
            .map(|i| i.title.clone())
            .collect(),
        items,
        decisions: decisions.iter().map(|d| d.statement.clone()).collect(),
        actions: actions
            .iter()
            .map(|a| {
                (
                    a.title.clone(),
                    a.assignee_name
                        .clone()
                        .unwrap_or_else(|| "unassigned".into()),
                    a.due_on
                        .map_or_else(|| "no date".into(), |d| d.format("%-d %b %Y").to_string()),
                )
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "summary.html")]
struct SummaryPage {
    shell: Shell,
    meeting_path: String,
    summary: Summary,
    markdown: String,
    ended: bool,
}

pub async fn summary(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    let ctx = ctx.with_nav("meetings");
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let summary = build_summary(&state, &ctx, &meeting).await?;
    Ok(render(&SummaryPage {
        meeting_path: ctx.meeting_path(id),
        markdown: summary.markdown(),
        summary,
        ended: meeting.status() == MeetingStatus::Ended,
        shell: ctx.shell,
    }))
}

pub async fn summary_markdown(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    let meeting = meetings::visible(&state, ctx.actor(), id).await?;
    let summary = build_summary(&state, &ctx, &meeting).await?;
    let filename = format!(
        "{}-{}.md",
        goalmeet_core::workspace::slug_base(&meeting.title),
        meeting.starts_at.format("%Y-%m-%d")
    );
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                "text/markdown; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        summary.markdown(),
    )
        .into_response())
}
