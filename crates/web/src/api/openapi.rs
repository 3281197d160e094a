//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::v1;

#[derive(OpenApi)]
#[openapi(
    info(title = "goalmeet API", description = "Goal-driven meeting management. Authenticate with `Authorization: Bearer <token>`; get a token from `POST /api/v1/signup` or `POST /api/v1/tokens`. Errors are `{\"error\": code, \"message\": text}`. Lists take `limit` (1–200, default 50) and `offset`."),
    paths(
        super::healthz, super::readyz,
        v1::signup::signup,
        v1::tokens::create, v1::tokens::list, v1::tokens::revoke,
        v1::me::me,
        v1::workspace::show, v1::workspace::update,
        v1::members::list, v1::members::update, v1::members::remove,
        v1::invitations::list, v1::invitations::create, v1::invitations::revoke,
        v1::meetings::list, v1::meetings::create, v1::meetings::show, v1::meetings::update, v1::meetings::remove,
        v1::meetings::schedule,
        v1::meetings::start, v1::meetings::end, v1::meetings::cancel,
        v1::agenda_items::list, v1::agenda_items::create, v1::agenda_items::update, v1::agenda_items::remove,
        v1::agenda_items::reorder,
        v1::series::create, v1::series::show,
        v1::templates::list, v1::templates::create, v1::templates::show, v1::templates::update, v1::templates::remove,
        v1::action_items::list, v1::action_items::create, v1::action_items::show, v1::action_items::update,
        v1::action_items::remove,
        v1::decisions::list, v1::decisions::create, v1::decisions::show, v1::decisions::update,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "accounts", description = "Sign-up, tokens and the caller"),
        (name = "workspace", description = "The workspace, its members and invitations"),
        (name = "meetings", description = "Meetings, series and their lifecycle"),
        (name = "agenda", description = "A meeting's agenda items"),
        (name = "templates", description = "Built-in and workspace meeting templates"),
        (name = "outcomes", description = "Action items and decisions"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
