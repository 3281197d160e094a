//! Domain types and rules of goalmeet. No I/O lives here: the store persists
//! these types and the web layer parses user input into them.

pub mod account;
pub mod clock;
pub mod error;
pub mod role;
pub mod workspace;

pub use error::ValidationError;
pub use role::Role;
