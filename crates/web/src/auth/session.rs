use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use goalmeet_core::clock;
use goalmeet_store::{Session, User};

use super::{hash_token, new_token};
use crate::{AppError, AppState};

pub const SESSION_COOKIE: &str = "gm_session";

/// Reads one cookie's value from the request headers.
pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn session_cookie(state: &AppState, token: &str) -> String {
    let secure = if state.config.is_https() {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        state.config.session_absolute.num_seconds()
    )
}

pub fn clear_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// Starts a session with a fresh id for `user`; returns the `Set-Cookie` value.
pub async fn start_session(
    state: &AppState,
    user: &User,
    user_agent: &str,
    ip: &str,
) -> Result<String, AppError> {
    let token = new_token("");
    let now = clock::now();
    state
        .db
        .create_session(
            user.id,
            &hash_token(&token),
            now,
            now + state.config.session_absolute,
            user_agent,
            ip,
        )
        .await?;
    Ok(session_cookie(state, &token))
}

/// The logged-in person behind the session cookie. Pages that need one
/// redirect to the log-in page (coming back afterwards) when there is none.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    pub session: Session,
}

async fn lookup(parts: &Parts, state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = cookie_value(&parts.headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let now = clock::now();
    let Some((session, user)) = state
        .db
        .session_by_token_hash(&hash_token(token), now)
        .await?
    else {
        return Ok(None);
    };
    if session.last_seen_at + state.config.session_idle <= now {
        state.db.delete_session(session.id).await?;
        return Ok(None);
    }
    // Record activity at most once a minute, so reading pages rarely writes.
    if now - session.last_seen_at > chrono::Duration::seconds(60) {
        state.db.touch_session(session.id, now).await?;
    }
    Ok(Some(CurrentUser { user, session }))
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(found) = parts.extensions.get::<CurrentUser>() {
            return Ok(found.clone());
        }
        match lookup(parts, state).await {
            Ok(Some(current)) => {
                parts.extensions.insert(current.clone());
                Ok(current)
            }
            Ok(None) => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let target = format!(
                    "/login?next={}",
                    url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                );
                Err(Redirect::to(&target).into_response())
            }
            Err(err) => Err(crate::ui::error_page(err)),
        }
    }
}

/// The logged-in person, if any, for pages anyone may see.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        lookup(parts, state)
            .await
            .map(MaybeUser)
            .map_err(crate::ui::error_page)
    }
}
