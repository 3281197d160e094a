//! The integration tests: a real server per test, driven over HTTP, on
//! SQLite and (with GOALMEET_TEST_POSTGRES_URL) PostgreSQL.

mod helpers;

mod accounts;
mod browser;
mod isolation;
mod meetings_api;
mod meetings_web;
mod members;
mod outcomes_api;
mod security;
mod series_api;
