//! The workspace home, its settings, and starting another workspace.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::{
    AccountCtx, FormErrors, Shell, UiResult, WorkspaceCtx, is_form_error, redirect_with_flash,
    render,
};
use crate::AppState;
use crate::service::{self, WorkspaceSettings};

// ---------------------------------------------------------------- new workspace

#[derive(Template)]
#[template(path = "new_workspace.html")]
struct NewWorkspacePage {
    shell: Shell,
    errors: FormErrors,
    workspace_name: String,
}

pub async fn new_page(ctx: AccountCtx) -> Response {
    let mut shell = ctx.shell;
    shell.nav = "new-workspace";
    render(&NewWorkspacePage {
        errors: FormErrors::default(),
        workspace_name: String::new(),
        shell,
    })
}

#[derive(Deserialize)]
pub struct NewWorkspaceForm {
    #[serde(default)]
    workspace_name: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: AccountCtx,
    Form(form): Form<NewWorkspaceForm>,
) -> UiResult {
    match service::create_workspace(&state, &ctx.me.user, &form.workspace_name).await {
        Ok(workspace) => Ok(redirect_with_flash(
            &format!("/w/{}", workspace.slug),
            "Workspace created.",
        )),
        Err(err) if is_form_error(&err) => Ok(super::render_with(
            err.status(),
            &NewWorkspacePage {
                errors: FormErrors::from_error(&err, &["workspace_name"]),
                workspace_name: form.workspace_name,
                shell: ctx.shell,
            },
        )),
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------- home

/// A next step on the home page's getting-started list.
pub struct Step {
    pub title: &'static str,
    pub text: &'static str,
    pub href: String,
    pub action: &'static str,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    shell: Shell,
    workspace_name: String,
    role_label: &'static str,
    member_count: i64,
    pending_invitations: usize,
    steps: Vec<Step>,
    upcoming: Vec<super::meetings::MeetingRow>,
    slug: String,
    can_create: bool,
    open_actions: i64,
    overdue_actions: i64,
}

pub async fn home(State(state): State<AppState>, ctx: WorkspaceCtx) -> UiResult {
    let ctx = ctx.with_nav("home");
    let members = state
        .db
        .list_members(
            ctx.workspace.id,
            goalmeet_store::PageRequest::new(Some(1), None),
        )
        .await?;
    let pending = if ctx.role.can_administer() {
        state.db.pending_invitations(ctx.workspace.id).await?.len()
    } else {
        0
    };
    let guest = (!ctx.role.can_contribute()).then_some(ctx.me.user.id);
    let upcoming = state
        .db
        .list_meetings(
            ctx.workspace.id,
            goalmeet_store::MeetingScope::Upcoming,
            guest,
            goalmeet_store::PageRequest::new(Some(5), None),
        )
        .await?;
    let today = goalmeet_core::clock::now()
        .with_timezone(&ctx.tz())
        .date_naive();
    let (open_actions, overdue) = state
        .db
        .count_my_open_actions(ctx.workspace.id, ctx.me.user.id, today)
        .await?;
    let slug = &ctx.workspace.slug;
    let mut steps = Vec::new();
    if ctx.role.can_contribute() {
        steps.push(Step {
            title: "Plan a meeting with a purpose",
            text: "Start from a proven template: stand-up, sprint events, a weekly leadership meeting and more.",
            href: format!("/w/{slug}/templates"),
            action: "Browse templates",
            done: upcoming.total > 0,
        });
    }
    if ctx.role.can_administer() {
        steps.push(Step {
            title: "Invite your team",
            text: "Meetings work when the people in them are here. Invite by e-mail and pick a role.",
            href: format!("/w/{slug}/members#invite"),
            action: "Invite people",
            done: members.total > 1 || pending > 0,
        });
        steps.push(Step {
            title: "Set the time zone and meeting cost",
            text: "Times are shown in each person's zone; the hourly cost lets goalmeet show what meetings cost.",
            href: format!("/w/{slug}/settings"),
            action: "Open settings",
            done: ctx.workspace.time_zone != "UTC",
        });
    }
    steps.push(Step {
        title: "Make goalmeet yours",
        text: "Set your own time zone so every date reads right for you.",
        href: "/account".into(),
        action: "Open your account",
        done: ctx.me.user.time_zone != "UTC",
    });
    steps.push(Step {
        title: "Connect your tools",
        text: "Create an API token and explore the REST API described at /api/openapi.json.",
        href: "/account#tokens".into(),
        action: "Create a token",
        done: false,
    });
    let tz = ctx.me.user.time_zone.clone();
    Ok(render(&HomePage {
        upcoming: upcoming
            .items
            .iter()
            .map(|m| super::meetings::MeetingRow::new(m, &tz))
            .collect(),
        open_actions,
        slug: ctx.workspace.slug.clone(),
        can_create: ctx.role.can_contribute(),
        overdue_actions: overdue,
        workspace_name: ctx.workspace.name.clone(),
        role_label: ctx.role.label(),
        member_count: members.total,
        pending_invitations: pending,
        steps,
        shell: ctx.shell,
    }))
}

// ---------------------------------------------------------------- settings

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    shell: Shell,
    slug: String,
    can_edit: bool,
    errors: FormErrors,
    name: String,
    time_zone: String,
    meeting_hourly_cost: String,
    time_zones: Vec<&'static str>,
}

impl SettingsPage {
    fn new(
        ctx: WorkspaceCtx,
        errors: FormErrors,
        name: String,
        time_zone: String,
        cost: String,
    ) -> Self {
        SettingsPage {
            slug: ctx.workspace.slug.clone(),
            can_edit: ctx.role.can_administer(),
            errors,
            name,
            time_zone,
            meeting_hourly_cost: cost,
            time_zones: goalmeet_core::clock::time_zone_names().collect(),
            shell: ctx.shell,
        }
    }
}

pub async fn settings_page(ctx: WorkspaceCtx) -> Response {
    let ctx = ctx.with_nav("settings");
    let w = ctx.workspace.clone();
    render(&SettingsPage::new(
        ctx,
        FormErrors::default(),
        w.name,
        w.time_zone,
        goalmeet_core::workspace::format_cents(w.meeting_hourly_cost_cents),
    ))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    meeting_hourly_cost: String,
}

pub async fn update_settings(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Form(form): Form<SettingsForm>,
) -> UiResult {
    let ctx = ctx.with_nav("settings");
    ctx.require_admin()?;
    let result = service::update_workspace_settings(
        &state,
        &ctx.workspace,
        ctx.role,
        WorkspaceSettings {
            name: &form.name,
            time_zone: &form.time_zone,
            meeting_hourly_cost: &form.meeting_hourly_cost,
        },
    )
    .await;
    match result {
        Ok(w) => Ok(redirect_with_flash(
            &format!("/w/{}/settings", w.slug),
            "Settings saved.",
        )),
        Err(err) if is_form_error(&err) => {
            let errors = FormErrors::from_error(
                &err,
                &["workspace_name", "time_zone", "meeting_hourly_cost"],
            );
            Ok(super::render_with(
                err.status(),
                &SettingsPage::new(
                    ctx,
                    errors,
                    form.name,
                    form.time_zone,
                    form.meeting_hourly_cost,
                ),
            ))
        }
        Err(err) => Err(err.into()),
    }
}
