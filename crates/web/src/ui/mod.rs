//! The server-rendered web UI: one module per feature, askama templates in
//! `templates/`, a shared shell (sidebar, workspace switcher, flash toast).

mod account;
mod actions;
mod agenda;
mod auth;
mod decisions;
mod invite;
mod meetings;
mod members;
mod run;
mod templates;
mod workspace;

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use goalmeet_core::Role;
use goalmeet_core::ValidationError;
use goalmeet_store::{Workspace, WorkspaceMembership};

use crate::auth::{CsrfToken, CurrentUser, cookie_value, csrf_layer};
use crate::{AppError, AppState};

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(auth::root))
        .route("/signup", get(auth::signup_page).post(auth::signup))
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/workspaces", post(workspace::create))
        .route("/workspaces/new", get(workspace::new_page))
        .route("/w/{slug}", get(workspace::home))
        .route(
            "/w/{slug}/settings",
            get(workspace::settings_page).post(workspace::update_settings),
        )
        .route("/w/{slug}/members", get(members::page))
        .route(
            "/w/{slug}/members/{user_id}/role",
            post(members::change_role),
        )
        .route("/w/{slug}/members/{user_id}/remove", post(members::remove))
        .route("/w/{slug}/invitations", post(members::invite))
        .route(
            "/w/{slug}/invitations/{id}/revoke",
            post(members::revoke_invitation),
        )
        .route(
            "/w/{slug}/meetings",
            get(meetings::list).post(meetings::create),
        )
        .route("/w/{slug}/meetings/new", get(meetings::new_page))
        .route("/w/{slug}/meetings/{id}", get(agenda::page))
        .route(
            "/w/{slug}/meetings/{id}/edit",
            get(meetings::edit_page).post(meetings::update),
        )
        .route("/w/{slug}/meetings/{id}/schedule", post(meetings::schedule))
        .route("/w/{slug}/meetings/{id}/start", post(meetings::start))
        .route("/w/{slug}/meetings/{id}/end", post(meetings::end))
        .route("/w/{slug}/meetings/{id}/cancel", post(meetings::cancel))
        .route("/w/{slug}/meetings/{id}/delete", post(meetings::delete))
        .route(
            "/w/{slug}/meetings/{id}/template",
            post(meetings::save_as_template),
        )
        .route("/w/{slug}/meetings/{id}/summary", get(meetings::summary))
        .route(
            "/w/{slug}/meetings/{id}/summary.md",
            get(meetings::summary_markdown),
        )
        .route("/w/{slug}/meetings/{id}/agenda", post(agenda::add))
        .route(
            "/w/{slug}/meetings/{id}/agenda/reorder",
            post(agenda::reorder),
        )
        .route(
            "/w/{slug}/meetings/{id}/agenda/{item}/edit",
            post(agenda::edit),
        )
        .route(
            "/w/{slug}/meetings/{id}/agenda/{item}/move",
            post(agenda::move_item),
        )
        .route(
            "/w/{slug}/meetings/{id}/agenda/{item}/delete",
            post(agenda::remove),
        )
        .route(
            "/w/{slug}/meetings/{id}/agenda/{item}/proposal",
            post(agenda::proposal),
        )
        .route(
            "/w/{slug}/meetings/{id}/agenda/{item}/notes",
            post(run::notes),
        )
        .route(
            "/w/{slug}/meetings/{id}/review/{action}",
            post(agenda::review),
        )
        .route("/w/{slug}/meetings/{id}/run", get(run::page))
        .route("/w/{slug}/meetings/{id}/run/go", post(run::go))
        .route("/w/{slug}/meetings/{id}/park", post(run::park))
        .route("/w/{slug}/meetings/{id}/outcomes", post(run::record))
        .route("/w/{slug}/actions", get(actions::list))
        .route("/w/{slug}/actions/{id}/status", post(actions::set_status))
        .route("/w/{slug}/decisions", get(decisions::list))
        .route("/w/{slug}/templates", get(templates::gallery))
        .route("/w/{slug}/templates/{id}/edit", post(templates::update))
        .route("/w/{slug}/templates/{id}/delete", post(templates::delete))
        .route("/invite/{token}", get(invite::page).post(invite::accept))
        .route("/account", get(account::page).post(account::update_profile))
        .route("/account/password", post(account::change_password))
        .route(
            "/account/sessions/{id}/revoke",
            post(account::revoke_session),
        )
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .layer(axum::middleware::from_fn(clear_shown_flash))
        .layer(axum::middleware::from_fn_with_state(state, csrf_layer))
}

// ---------------------------------------------------------------- rendering

/// Renders a template as a page with `status`.
pub fn render_with(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(err) => error_page(AppError::Internal(err.into())),
    }
}

pub fn render(template: &impl Template) -> Response {
    render_with(StatusCode::OK, template)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    title: String,
    message: String,
}

/// A plain page explaining an error; the status matches the error.
pub fn error_page(err: AppError) -> Response {
    err.log_if_internal();
    let title = match err.status() {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::FORBIDDEN => "Not allowed",
        StatusCode::TOO_MANY_REQUESTS => "Slow down",
        StatusCode::UNAUTHORIZED => "Log in",
        s if s.is_server_error() => "Something went wrong",
        _ => "That did not work",
    };
    let mut response = render_with(
        err.status(),
        &ErrorTemplate {
            title: title.into(),
            message: err.message(),
        },
    );
    if let AppError::RateLimited { retry_after_secs } = err {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(retry_after_secs.max(1)),
        );
    }
    response
}

/// What UI handlers return: a page or redirect, or an error page.
pub type UiResult = Result<Response, UiError>;

pub struct UiError(pub AppError);

impl<E: Into<AppError>> From<E> for UiError {
    fn from(err: E) -> Self {
        UiError(err.into())
    }
}

impl IntoResponse for UiError {
    fn into_response(self) -> Response {
        error_page(self.0)
    }
}

// ---------------------------------------------------------------- flash + redirects

const FLASH_COOKIE: &str = "gm_flash";

/// Redirects after a successful form post, with a toast on the next page.
pub fn redirect_with_flash(to: &str, message: &str) -> Response {
    let encoded: String = url::form_urlencoded::byte_serialize(message.as_bytes()).collect();
    let mut response = Redirect::to(to).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!(
        "{FLASH_COOKIE}={encoded}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
    )) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

fn take_flash(headers: &HeaderMap) -> Option<String> {
    let raw = cookie_value(headers, FLASH_COOKIE)?;
    let decoded: String = url::form_urlencoded::parse(format!("m={raw}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())?;
    (!decoded.is_empty()).then(|| decoded.chars().take(200).collect())
}

/// Once a page has shown the flash message, its cookie is cleared; redirects
/// pass it on to the page they lead to.
async fn clear_shown_flash(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let had_flash = cookie_value(request.headers(), FLASH_COOKIE).is_some();
    let mut response = next.run(request).await;
    if had_flash && !response.status().is_redirection() {
        response.headers_mut().append(
            header::SET_COOKIE,
            HeaderValue::from_static("gm_flash=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
        );
    }
    response
}

// ---------------------------------------------------------------- shell

/// A link in the workspace switcher.
pub struct WorkspaceLink {
    pub slug: String,
    pub name: String,
}

/// Everything the page frame shows around the content.
pub struct Shell {
    pub user_name: String,
    pub user_initials: String,
    pub csrf: String,
    pub workspaces: Vec<WorkspaceLink>,
    /// Slug and name of the workspace in view, if any.
    pub current: Option<WorkspaceLink>,
    /// Which sidebar entry to mark as the current page.
    pub nav: &'static str,
    pub flash: Option<String>,
    pub is_admin: bool,
}

impl Shell {
    fn new(
        current_user: &CurrentUser,
        csrf: &CsrfToken,
        headers: &HeaderMap,
        memberships: &[WorkspaceMembership],
        current: Option<&WorkspaceMembership>,
        nav: &'static str,
    ) -> Self {
        Shell {
            user_name: current_user.user.name.clone(),
            user_initials: goalmeet_core::account::initials(&current_user.user.name),
            csrf: csrf.0.clone(),
            workspaces: memberships
                .iter()
                .map(|m| WorkspaceLink {
                    slug: m.workspace.slug.clone(),
                    name: m.workspace.name.clone(),
                })
                .collect(),
            current: current.map(|m| WorkspaceLink {
                slug: m.workspace.slug.clone(),
                name: m.workspace.name.clone(),
            }),
            nav,
            flash: take_flash(headers),
            is_admin: current.is_some_and(|m| m.role().can_administer()),
        }
    }

    pub fn nav_attr(&self, name: &str) -> &'static str {
        if self.nav == name { "page" } else { "false" }
    }
}

/// Pages outside any workspace (account, new workspace) still show the switcher.
pub struct AccountCtx {
    pub me: CurrentUser,
    pub shell: Shell,
}

impl FromRequestParts<AppState> for AccountCtx {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let me = CurrentUser::from_request_parts(parts, state).await?;
        let csrf = CsrfToken::from_request_parts(parts, state)
            .await
            .unwrap_or_else(|e| match e {});
        let memberships = state
            .db
            .memberships_of(me.user.id)
            .await
            .map_err(|e| error_page(e.into()))?;
        let shell = Shell::new(&me, &csrf, &parts.headers, &memberships, None, "account");
        Ok(AccountCtx { me, shell })
    }
}

/// A page inside `/w/{slug}/…`: the person must be a member, else 404.
pub struct WorkspaceCtx {
    pub me: CurrentUser,
    pub workspace: Workspace,
    pub role: Role,
    pub shell: Shell,
}

impl WorkspaceCtx {
    pub fn require_admin(&self) -> Result<(), UiError> {
        crate::service::require_admin(self.role).map_err(UiError)
    }

    pub fn with_nav(mut self, nav: &'static str) -> Self {
        self.shell.nav = nav;
        self
    }
}

impl FromRequestParts<AppState> for WorkspaceCtx {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let me = CurrentUser::from_request_parts(parts, state).await?;
        let csrf = CsrfToken::from_request_parts(parts, state)
            .await
            .unwrap_or_else(|e| match e {});
        let slug = parts
            .uri
            .path()
            .strip_prefix("/w/")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_default()
            .to_string();
        let memberships = state
            .db
            .memberships_of(me.user.id)
            .await
            .map_err(|e| error_page(e.into()))?;
        let Some(current) = memberships.iter().find(|m| m.workspace.slug == slug) else {
            return Err(error_page(AppError::NotFound));
        };
        let shell = Shell::new(
            &me,
            &csrf,
            &parts.headers,
            &memberships,
            Some(current),
            "home",
        );
        Ok(WorkspaceCtx {
            role: current.role(),
            workspace: current.workspace.clone(),
            me,
            shell,
        })
    }
}

// ---------------------------------------------------------------- forms

/// Field errors of a submitted form, shown under each field.
#[derive(Default, Debug)]
pub struct FormErrors {
    fields: HashMap<&'static str, String>,
    pub summary: Option<String>,
}

impl FormErrors {
    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields.get(field).map(String::as_str)
    }

    pub fn has(&self, field: &str) -> bool {
        self.fields.contains_key(field)
    }

    /// Places an error under its field when the form has that field, else in the summary.
    pub fn from_error(err: &AppError, fields: &[&'static str]) -> Self {
        let mut errors = FormErrors::default();
        match err {
            AppError::Invalid(ValidationError { field, message }) if fields.contains(field) => {
                errors.fields.insert(field, message.clone());
            }
            AppError::Conflict {
                code: "email_taken",
                message,
            } if fields.contains(&"email") => {
                errors.fields.insert("email", message.clone());
            }
            other => errors.summary = Some(other.message()),
        }
        errors
    }
}

/// Whether an error belongs on the form (the person can fix it) rather than on an error page.
pub fn is_form_error(err: &AppError) -> bool {
    matches!(
        err,
        AppError::Invalid(_)
            | AppError::Conflict { .. }
            | AppError::Forbidden(_)
            | AppError::RateLimited { .. }
    )
}

// ---------------------------------------------------------------- time

/// A time in the viewer's zone, e.g. "4 Dec 2026, 14:05".
pub fn format_time(at: DateTime<Utc>, time_zone: &str) -> String {
    let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&tz).format("%-d %b %Y, %H:%M").to_string()
}

pub fn format_date(at: DateTime<Utc>, time_zone: &str) -> String {
    let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&tz).format("%-d %b %Y").to_string()
}

/// Keeps `next` to local paths so the log-in page cannot send people elsewhere.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    // Browsers drop tabs and newlines in URLs, so "/\t/evil" would become
    // "//evil": any control character or whitespace disqualifies the path.
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.contains('\\')
            && !n.chars().any(|c| c.is_control() || c.is_whitespace())
    })
    .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(
            safe_next(Some("/w/acme/members?page=2")).as_deref(),
            Some("/w/acme/members?page=2")
        );
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "https://evil.example",
            "evil",
            "/ /x",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?}");
        }
    }
}
