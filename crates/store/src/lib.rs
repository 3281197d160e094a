//! The database: one [`Db`] over SQLite (embedded, the default) and PostgreSQL
//! (several instances sharing one database), picked by the URL scheme.
//!
//! Queries are written once in SQL both engines accept (`$1` parameters,
//! `RETURNING`, `ON CONFLICT`) and run against the pool of the active backend
//! through the [`on_read!`]/[`on_write!`]/[`in_tx!`] macros, which expand the
//! same body once per backend so that each is compiled with its own typed
//! driver (no `Any` driver, so `Uuid` and timestamps keep their native types).

mod db;
mod error;
pub mod models;
mod repo;

pub use db::{Backend, Db};
pub use error::StoreError;
pub use models::*;
pub use repo::action::{ActionFilter, NewAction};
pub use repo::agenda::AgendaFields;
pub use repo::api_token::TokenGrant;
pub use repo::decision::{DecisionFilter, NewDecision};
pub use repo::meeting::{MeetingFields, MeetingScope, NewAgendaItem, NewMeeting};
pub use repo::rate_limit::RateLimit;
pub use repo::run::CarryOver;
pub use repo::template::NewTemplate;
pub use repo::workspace::NewWorkspace;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// `NotFound` unless a write touched a row (its target exists in the workspace).
pub(crate) fn found(rows_affected: u64) -> Result<()> {
    if rows_affected == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// A page request for list queries.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub limit: i64,
    pub offset: i64,
}

impl PageRequest {
    pub const MAX_LIMIT: i64 = 200;

    /// Clamps user-supplied paging to sane bounds.
    pub fn new(limit: Option<i64>, offset: Option<i64>) -> Self {
        Self {
            limit: limit.unwrap_or(50).clamp(1, Self::MAX_LIMIT),
            offset: offset.unwrap_or(0).max(0),
        }
    }
}

/// One page of a list plus the total count, so pages can say "51–100 of 340".
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}
