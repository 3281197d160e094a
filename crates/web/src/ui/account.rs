//! The account page: profile, password, sessions, API tokens.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use goalmeet_core::account::{check_password, parse_person_name};
use goalmeet_core::clock;
use serde::Deserialize;
use uuid::Uuid;

use super::auth::with_cookie;
use super::{
    AccountCtx, FormErrors, Shell, UiResult, format_time, is_form_error, redirect_with_flash,
    render_with,
};
use crate::auth::clear_session_cookie;
use crate::{AppError, AppState, service};

pub struct SessionRow {
    pub id: Uuid,
    pub device: String,
    pub ip: String,
    pub last_seen: String,
    pub started: String,
    pub current: bool,
}

pub struct TokenRow {
    pub id: Uuid,
    pub name: String,
    pub workspace_name: String,
    pub created: String,
    pub last_used: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    shell: Shell,
    name: String,
    email: String,
    time_zone: String,
    time_zones: Vec<&'static str>,
    profile_errors: FormErrors,
    password_errors: FormErrors,
    token_errors: FormErrors,
    sessions: Vec<SessionRow>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
}

/// A short description of a browser from its user agent.
fn device(user_agent: &str) -> String {
    let browser = ["Edg/", "Firefox/", "Chrome/", "Safari/", "curl/"]
        .iter()
        .find(|b| user_agent.contains(*b))
        .map(|b| match *b {
            "Edg/" => "Edge",
            "Firefox/" => "Firefox",
            "Chrome/" => "Chrome",
            "Safari/" => "Safari",
            _ => "curl",
        });
    let os = ["Windows", "Mac OS", "Android", "iPhone", "Linux"]
        .iter()
        .find(|o| user_agent.contains(*o))
        .map(|o| if *o == "Mac OS" { "macOS" } else { o });
    match (browser, os) {
        (Some(b), Some(o)) => format!("{b} on {o}"),
        (Some(b), None) => b.to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) if user_agent.is_empty() => "Unknown device".into(),
        (None, None) => user_agent.chars().take(40).collect(),
    }
}

async fn account_page(state: &AppState, ctx: AccountCtx) -> Result<AccountPage, AppError> {
    let user = &ctx.me.user;
    let tz = &user.time_zone;
    let sessions = state
        .db
        .sessions_of(user.id, clock::now())
        .await?
        .into_iter()
        .map(|s| SessionRow {
            current: s.id == ctx.me.session.id,
            device: device(&s.user_agent),
            ip: s.ip,
            last_seen: format_time(s.last_seen_at, tz),
            started: format_time(s.created_at, tz),
            id: s.id,
        })
        .collect();
    let tokens = state
        .db
        .api_tokens_of(user.id, None)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.token.id,
            name: t.token.name,
            workspace_name: t.workspace_name,
            created: format_time(t.token.created_at, tz),
            last_used: t
                .token
                .last_used_at
                .map_or_else(|| "Never".into(), |at| format_time(at, tz)),
        })
        .collect();
    Ok(AccountPage {
        name: user.name.clone(),
        email: user.email.clone(),
        time_zone: user.time_zone.clone(),
        time_zones: clock::time_zone_names().collect(),
        profile_errors: FormErrors::default(),
        password_errors: FormErrors::default(),
        token_errors: FormErrors::default(),
        sessions,
        tokens,
        new_token: None,
        shell: ctx.shell,
    })
}

pub async fn page(State(state): State<AppState>, ctx: AccountCtx) -> UiResult {
    Ok(super::render(&account_page(&state, ctx).await?))
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    time_zone: String,
}

pub async fn update_profile(
    State(state): State<AppState>,
    ctx: AccountCtx,
    Form(form): Form<ProfileForm>,
) -> UiResult {
    let checked = parse_person_name(&form.name)
        .and_then(|name| Ok((name, clock::parse_time_zone(&form.time_zone)?)))
        .map_err(AppError::from);
    match checked {
        Ok((name, tz)) => {
            state
                .db
                .update_profile(ctx.me.user.id, &name, tz.name())
                .await?;
            Ok(redirect_with_flash("/account", "Profile saved."))
        }
        Err(err) => {
            let mut template = account_page(&state, ctx).await?;
            template.profile_errors = FormErrors::from_error(&err, &["name", "time_zone"]);
            template.name = form.name;
            Ok(render_with(err.status(), &template))
        }
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// Changes the password after checking the current one; every other session ends.
pub async fn change_password(
    State(state): State<AppState>,
    ctx: AccountCtx,
    Form(form): Form<PasswordForm>,
) -> UiResult {
    let user = &ctx.me.user;
    let current_ok = state
        .passwords
        .verify(Some(&user.password_hash), &form.current_password)
        .await?;
    let result = if !current_ok {
        Err(AppError::Invalid(goalmeet_core::ValidationError::new(
            "current_password",
            "That is not your current password.",
        )))
    } else {
        check_password(&form.new_password).map_err(|e| {
            AppError::Invalid(goalmeet_core::ValidationError::new(
                "new_password",
                e.message,
            ))
        })
    };
    match result {
        Ok(()) => {
            let hash = state.passwords.hash(&form.new_password).await?;
            state
                .db
                .set_password(user.id, &hash, Some(ctx.me.session.id))
                .await?;
            Ok(redirect_with_flash(
                "/account",
                "Password changed; your other sessions were logged out.",
            ))
        }
        Err(err) => {
            let mut template = account_page(&state, ctx).await?;
            template.password_errors =
                FormErrors::from_error(&err, &["current_password", "new_password"]);
            Ok(render_with(err.status(), &template))
        }
    }
}

pub async fn revoke_session(
    State(state): State<AppState>,
    ctx: AccountCtx,
    Path(id): Path<Uuid>,
) -> UiResult {
    state.db.revoke_session(ctx.me.user.id, id).await?;
    if id == ctx.me.session.id {
        return Ok(with_cookie(
            Redirect::to("/login").into_response(),
            &clear_session_cookie(),
        ));
    }
    Ok(redirect_with_flash("/account#sessions", "Session ended."))
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    workspace: String,
}

/// Creates an API token and shows its secret once.
pub async fn create_token(
    State(state): State<AppState>,
    ctx: AccountCtx,
    Form(form): Form<TokenForm>,
) -> UiResult {
    let membership = state
        .db
        .membership_by_slug(ctx.me.user.id, &form.workspace)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = ctx.me.user.clone();
    match service::issue_api_token(&state, &user, &membership.workspace, &form.name).await {
        Ok((_, secret)) => {
            let mut template = account_page(&state, ctx).await?;
            template.new_token = Some(secret);
            template.shell.flash = Some("Token created.".into());
            Ok(render_with(StatusCode::CREATED, &template))
        }
        Err(err) if is_form_error(&err) => {
            let mut template = account_page(&state, ctx).await?;
            template.token_errors = FormErrors::from_error(&err, &["name"]);
            Ok(render_with(err.status(), &template))
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: AccountCtx,
    Path(id): Path<Uuid>,
) -> UiResult {
    state.db.revoke_api_token(ctx.me.user.id, None, id).await?;
    Ok(redirect_with_flash("/account#tokens", "Token revoked."))
}
