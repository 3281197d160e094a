//! Sign-up, log-in and log-out pages.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{FormErrors, UiResult, is_form_error, render, render_with, safe_next};
use crate::auth::{
    ClientIp, CsrfToken, MaybeUser, SESSION_COOKIE, check_login, clear_session_cookie,
    cookie_value, hash_token, start_session,
};
use crate::service::{self, SignUp};
use crate::{AppError, AppState};

/// `/`: the person's first workspace, or the log-in page.
pub async fn root(State(state): State<AppState>, MaybeUser(me): MaybeUser) -> UiResult {
    let Some(me) = me else {
        return Ok(Redirect::to("/login").into_response());
    };
    let memberships = state.db.memberships_of(me.user.id).await?;
    Ok(match memberships.first() {
        Some(m) => Redirect::to(&format!("/w/{}", m.workspace.slug)).into_response(),
        None => Redirect::to("/workspaces/new").into_response(),
    })
}

pub fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

pub fn user_agent(headers: &HeaderMap) -> &str {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

// ---------------------------------------------------------------- sign-up

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage {
    csrf: String,
    errors: FormErrors,
    workspace_name: String,
    name: String,
    email: String,
    time_zone: String,
}

#[derive(Deserialize, Default)]
pub struct SignupForm {
    #[serde(default)]
    workspace_name: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    time_zone: String,
}

/// Newcomers get the sign-up form; people already logged in start another workspace.
pub async fn signup_page(MaybeUser(me): MaybeUser, csrf: CsrfToken) -> Response {
    if me.is_some() {
        return Redirect::to("/workspaces/new").into_response();
    }
    render(&SignupPage {
        csrf: csrf.0,
        errors: FormErrors::default(),
        workspace_name: String::new(),
        name: String::new(),
        email: String::new(),
        time_zone: "UTC".into(),
    })
}

pub async fn signup(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    headers: HeaderMap,
    Form(form): Form<SignupForm>,
) -> UiResult {
    let result = service::sign_up(
        &state,
        &ip.to_string(),
        SignUp {
            workspace_name: &form.workspace_name,
            name: &form.name,
            email: &form.email,
            password: &form.password,
            time_zone: Some(&form.time_zone),
        },
    )
    .await;
    match result {
        Ok((user, workspace)) => {
            let cookie =
                start_session(&state, &user, user_agent(&headers), &ip.to_string()).await?;
            let response = super::redirect_with_flash(
                &format!("/w/{}", workspace.slug),
                "Welcome! Your workspace is ready.",
            );
            Ok(with_cookie(response, &cookie))
        }
        Err(err) if is_form_error(&err) => {
            let status = err.status();
            let mut response = render_with(
                status,
                &SignupPage {
                    csrf: csrf.0,
                    errors: FormErrors::from_error(
                        &err,
                        &["workspace_name", "name", "email", "password", "time_zone"],
                    ),
                    workspace_name: form.workspace_name,
                    name: form.name,
                    email: form.email,
                    time_zone: form.time_zone,
                },
            );
            add_retry_after(&mut response, &err);
            Ok(response)
        }
        Err(err) => Err(err.into()),
    }
}

fn add_retry_after(response: &mut Response, err: &AppError) {
    if let AppError::RateLimited { retry_after_secs } = err {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
    }
}

// ---------------------------------------------------------------- log-in

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    csrf: String,
    error: Option<String>,
    email: String,
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_page(
    MaybeUser(me): MaybeUser,
    csrf: CsrfToken,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = safe_next(query.next.as_deref());
    if me.is_some() {
        return Redirect::to(next.as_deref().unwrap_or("/")).into_response();
    }
    render(&LoginPage {
        csrf: csrf.0,
        error: None,
        email: String::new(),
        next: next.unwrap_or_default(),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> UiResult {
    let ip = ip.to_string();
    let checked = check_login(
        &state.db,
        &state.passwords,
        state.config.login_limit,
        &ip,
        &form.email,
        &form.password,
    )
    .await;
    match checked {
        Ok(user) => {
            // A fresh session id at every log-in; any previous one ends.
            if let Some(old) = cookie_value(&headers, SESSION_COOKIE)
                && let Some((session, _)) = state
                    .db
                    .session_by_token_hash(&hash_token(old), goalmeet_core::clock::now())
                    .await?
            {
                state.db.delete_session(session.id).await?;
            }
            let cookie = start_session(&state, &user, user_agent(&headers), &ip).await?;
            let to = safe_next(Some(&form.next)).unwrap_or_else(|| "/".into());
            Ok(with_cookie(Redirect::to(&to).into_response(), &cookie))
        }
        Err(err @ (AppError::Unauthorized | AppError::RateLimited { .. })) => {
            let message = match &err {
                AppError::Unauthorized => {
                    "That e-mail and password do not match an account.".to_string()
                }
                other => other.message(),
            };
            let mut response = render_with(
                if matches!(err, AppError::Unauthorized) {
                    StatusCode::UNAUTHORIZED
                } else {
                    err.status()
                },
                &LoginPage {
                    csrf: csrf.0,
                    error: Some(message),
                    email: form.email,
                    next: safe_next(Some(&form.next)).unwrap_or_default(),
                },
            );
            add_retry_after(&mut response, &err);
            Ok(response)
        }
        Err(err) => Err(err.into()),
    }
}

/// Ends the session on the server, not just in the browser.
pub async fn logout(State(state): State<AppState>, MaybeUser(me): MaybeUser) -> UiResult {
    if let Some(me) = me {
        state.db.delete_session(me.session.id).await?;
    }
    Ok(with_cookie(
        Redirect::to("/login").into_response(),
        &clear_session_cookie(),
    ))
}
