//! Opening an invitation link: join with an existing account or create one.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;

use super::auth::{user_agent, with_cookie};
use super::{FormErrors, UiResult, is_form_error, redirect_with_flash, render_with};
use crate::auth::{ClientIp, CsrfToken, MaybeUser, hash_token, start_session};
use crate::service::validate_new_account;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "invite.html")]
struct InvitePage {
    csrf: String,
    token: String,
    workspace_name: String,
    email: String,
    role_label: &'static str,
    /// `join` (logged in as the invitee), `login` (account exists),
    /// `create` (new person) or `mismatch` (logged in as someone else).
    mode: &'static str,
    current_email: String,
    errors: FormErrors,
    name: String,
}

async fn open_invitation(
    state: &AppState,
    token: &str,
) -> Result<(goalmeet_store::Invitation, goalmeet_store::Workspace), AppError> {
    let found = state
        .db
        .invitation_by_token_hash(&hash_token(token))
        .await?;
    match found {
        Some((invitation, workspace)) if invitation.is_open(goalmeet_core::clock::now()) => {
            Ok((invitation, workspace))
        }
        _ => Err(AppError::NotFound),
    }
}

fn invalid_link() -> AppError {
    AppError::Unprocessable {
        code: "invitation_invalid",
        message: "This invitation link is no longer valid: it was used, revoked or has expired. Ask for a new one.".into(),
    }
}

async fn mode_for(
    state: &AppState,
    me: &MaybeUser,
    email: &str,
) -> Result<(&'static str, String), AppError> {
    Ok(match &me.0 {
        Some(current) if current.user.email == email => ("join", current.user.email.clone()),
        Some(current) => ("mismatch", current.user.email.clone()),
        None if state.db.user_by_email(email).await?.is_some() => ("login", String::new()),
        None => ("create", String::new()),
    })
}

pub async fn page(
    State(state): State<AppState>,
    me: MaybeUser,
    csrf: CsrfToken,
    Path(token): Path<String>,
) -> UiResult {
    let (invitation, workspace) = open_invitation(&state, &token)
        .await
        .map_err(|_| invalid_link())?;
    let (mode, current_email) = mode_for(&state, &me, &invitation.email).await?;
    Ok(render_with(
        StatusCode::OK,
        &InvitePage {
            csrf: csrf.0,
            token,
            workspace_name: workspace.name,
            email: invitation.email.clone(),
            role_label: invitation.role().label(),
            mode,
            current_email,
            errors: FormErrors::default(),
            name: String::new(),
        },
    ))
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
}

pub async fn accept(
    State(state): State<AppState>,
    me: MaybeUser,
    csrf: CsrfToken,
    ip: ClientIp,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<AcceptForm>,
) -> UiResult {
    let (invitation, workspace) = open_invitation(&state, &token)
        .await
        .map_err(|_| invalid_link())?;
    let now = goalmeet_core::clock::now();
    let destination = format!("/w/{}", workspace.slug);
    let welcome = format!("Welcome to {}!", workspace.name);
    let (mode, current_email) = mode_for(&state, &me, &invitation.email).await?;
    match mode {
        "join" => {
            let user_id =
                me.0.as_ref()
                    .map(|c| c.user.id)
                    .ok_or(AppError::Unauthorized)?;
            state
                .db
                .accept_invitation(&invitation, user_id, now)
                .await
                .map_err(|_| invalid_link())?;
            Ok(redirect_with_flash(&destination, &welcome))
        }
        "create" => {
            let created =
                match validate_new_account(&form.name, &invitation.email, &form.password, None) {
                    Ok((name, email, _)) => {
                        let password_hash = state.passwords.hash(&form.password).await?;
                        let user = goalmeet_store::NewUser {
                            email: email.into_inner(),
                            name,
                            password_hash,
                            time_zone: workspace.time_zone.clone(),
                        };
                        state
                            .db
                            .accept_invitation_with_new_account(&invitation, &user, now)
                            .await
                            .map_err(AppError::from)
                    }
                    Err(err) => Err(err),
                };
            match created {
                Ok(user) => {
                    let cookie =
                        start_session(&state, &user, user_agent(&headers), &ip.to_string()).await?;
                    Ok(with_cookie(
                        redirect_with_flash(&destination, &welcome),
                        &cookie,
                    ))
                }
                Err(err) if is_form_error(&err) => Ok(render_with(
                    err.status(),
                    &InvitePage {
                        csrf: csrf.0,
                        token,
                        workspace_name: workspace.name,
                        email: invitation.email.clone(),
                        role_label: invitation.role().label(),
                        mode,
                        current_email,
                        errors: FormErrors::from_error(&err, &["name", "password"]),
                        name: form.name,
                    },
                )),
                Err(err) => Err(err.into()),
            }
        }
        // Logged out with an existing account, or logged in as someone else:
        // the page explains what to do; nothing is accepted.
        _ => Err(
            AppError::Forbidden("Log in as the invited person to accept this invitation.").into(),
        ),
    }
}
