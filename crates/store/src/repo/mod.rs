//! One module per aggregate, each adding methods to [`crate::Db`].

pub mod action;
pub mod agenda;
pub mod api_token;
pub mod decision;
mod invitation;
pub mod meeting;
mod member;
pub mod rate_limit;
pub mod run;
mod session;
pub mod template;
mod user;
pub mod workspace;

/// Column lists shared by several queries, as literals so `concat!` can
/// build complete static SQL strings from them.
macro_rules! user_columns {
    () => {
        "u.id, u.email, u.name, u.password_hash, u.time_zone, u.created_at"
    };
}
macro_rules! workspace_columns {
    () => {
        "w.id, w.slug, w.name, w.time_zone, w.meeting_hourly_cost_cents, w.created_at"
    };
}
pub(crate) use user_columns;
pub(crate) use workspace_columns;
