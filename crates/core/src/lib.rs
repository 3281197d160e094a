//! Domain types and rules of goalmeet. No I/O lives here: the store persists
//! these types and the web layer parses user input into them.

pub mod account;
pub mod action;
pub mod agenda;
pub mod clock;
pub mod decision;
pub mod error;
pub mod meeting;
pub mod recurrence;
pub mod role;
pub mod template;
pub mod workspace;

pub use error::ValidationError;
pub use role::Role;
