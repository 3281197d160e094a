//! Cross-site request forgery protection for the browser UI: every state
//! changing request must come from our own origin (Origin/Referer check) and
//! carry the token from the `gm_csrf` cookie in a form field or header
//! (double submit). The API takes bearer tokens, never cookies, so it needs
//! neither.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{cookie_value, new_token};
use crate::{AppError, AppState};

pub const CSRF_COOKIE: &str = "gm_csrf";
pub const CSRF_FIELD: &str = "csrf_token";
const CSRF_HEADER: &str = "x-csrf-token";
const MAX_FORM_BYTES: usize = 256 * 1024;

/// The token to embed in forms rendered for this request.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

impl FromRequestParts<AppState> for CsrfToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<CsrfToken>()
            .cloned()
            .unwrap_or_else(|| CsrfToken(String::new())))
    }
}

fn forbidden(message: &'static str) -> Response {
    crate::ui::error_page(AppError::Forbidden(message))
}

/// Whether the Origin (or, lacking it, the Referer) names this very site.
fn same_origin(parts: &Parts, state: &AppState) -> bool {
    let claimed = parts
        .headers
        .get(header::ORIGIN)
        .or_else(|| parts.headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let Some(claimed) = claimed else {
        // Some privacy tools strip both; the token check still applies.
        return true;
    };
    let Ok(url) = url::Url::parse(claimed) else {
        return false;
    };
    let origin = url.origin().ascii_serialization();
    if origin == state.config.base_url.origin().ascii_serialization() {
        return true;
    }
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok());
    match (host, url.host_str()) {
        (Some(host), Some(url_host)) => {
            let url_authority = match url.port() {
                Some(port) => format!("{url_host}:{port}"),
                None => url_host.to_string(),
            };
            url_authority.eq_ignore_ascii_case(host)
        }
        _ => false,
    }
}

pub async fn csrf_layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let existing = cookie_value(&parts.headers, CSRF_COOKIE)
        .filter(|v| v.len() == 64)
        .map(str::to_owned);
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let body = if unsafe_method {
        if !same_origin(&parts, &state) {
            return forbidden("This form was sent from another site, so it was refused.");
        }
        let Some(expected) = existing.as_deref() else {
            return forbidden("Your form expired. Go back, reload the page and try again.");
        };
        let header_token = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
            Ok(bytes) => bytes,
            Err(_) => return AppError::PayloadTooLarge.into_response(),
        };
        let form_token = url::form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned());
        let sent = header_token.or(form_token);
        if !sent.is_some_and(|sent| constant_time_eq(sent.as_bytes(), expected.as_bytes())) {
            return forbidden("Your form expired. Go back, reload the page and try again.");
        }
        Body::from(bytes)
    } else {
        body
    };

    let token = existing
        .clone()
        .unwrap_or_else(|| new_token("")[..64].to_string());
    parts.extensions.insert(CsrfToken(token.clone()));
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if existing.is_none() {
        let secure = if state.config.is_https() {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!("{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
