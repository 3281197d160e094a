//! Version 1 of the REST API. Conventions every feature follows:
//! bearer tokens (`Authorization: Bearer gm_…`), JSON bodies through [`ApiJson`],
//! errors as `{"error": code, "message": …}`, lists paginated with
//! `?limit=&offset=` and answered as `{"items", "total", "limit", "offset"}`.

pub mod action_items;
pub mod agenda_items;
pub mod decisions;
pub mod invitations;
pub mod me;
pub mod meetings;
pub mod members;
pub mod series;
pub mod signup;
pub mod templates;
pub mod tokens;
pub mod types;
pub mod workspace;

use axum::Router;
use axum::extract::{FromRequest, FromRequestParts};
use axum::routing::{delete, get, patch, post};
use serde::Deserialize;

use crate::{AppError, AppState};

/// A JSON body whose rejections answer in the API's error format.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);

impl<T: serde::Serialize> axum::response::IntoResponse for ApiJson<T> {
    fn into_response(self) -> axum::response::Response {
        axum::Json(self.0).into_response()
    }
}

/// Query parameters whose rejections answer in the API's error format.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct ApiQuery<T>(pub T);

/// `?limit=&offset=` for list routes; `limit` is 1–200 (default 50).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl Paging {
    pub fn page(&self) -> goalmeet_store::PageRequest {
        goalmeet_store::PageRequest::new(self.limit, self.offset)
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", post(signup::signup))
        .route("/tokens", post(tokens::create).get(tokens::list))
        .route("/tokens/{id}", delete(tokens::revoke))
        .route("/me", get(me::me))
        .route("/workspace", get(workspace::show).patch(workspace::update))
        .route("/members", get(members::list))
        .route(
            "/members/{user_id}",
            patch(members::update).delete(members::remove),
        )
        .route(
            "/invitations",
            get(invitations::list).post(invitations::create),
        )
        .route("/invitations/{id}", delete(invitations::revoke))
        .route("/meetings", get(meetings::list).post(meetings::create))
        .route(
            "/meetings/{id}",
            get(meetings::show)
                .patch(meetings::update)
                .delete(meetings::remove),
        )
        .route("/meetings/{id}/schedule", post(meetings::schedule))
        .route("/meetings/{id}/start", post(meetings::start))
        .route("/meetings/{id}/end", post(meetings::end))
        .route("/meetings/{id}/cancel", post(meetings::cancel))
        .route(
            "/meetings/{id}/agenda-items",
            get(agenda_items::list).post(agenda_items::create),
        )
        .route(
            "/meetings/{id}/agenda-items/reorder",
            post(agenda_items::reorder),
        )
        .route(
            "/meetings/{id}/agenda-items/{item_id}",
            patch(agenda_items::update).delete(agenda_items::remove),
        )
        .route("/series", post(series::create))
        .route("/series/{id}", get(series::show))
        .route("/templates", get(templates::list).post(templates::create))
        .route(
            "/templates/{id}",
            get(templates::show)
                .patch(templates::update)
                .delete(templates::remove),
        )
        .route(
            "/action-items",
            get(action_items::list).post(action_items::create),
        )
        .route(
            "/action-items/{id}",
            get(action_items::show)
                .patch(action_items::update)
                .delete(action_items::remove),
        )
        .route("/decisions", get(decisions::list).post(decisions::create))
        .route(
            "/decisions/{id}",
            get(decisions::show).patch(decisions::update),
        )
        .fallback(|| async { AppError::NotFound })
}

/// Path parameters; an id that does not parse names nothing, so it answers 404.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct ApiPath<T>(pub T);
