//! The goalmeet web application: the server-rendered UI and the JSON REST API,
//! served by one axum app over one [`goalmeet_store::Db`].

pub mod api;
mod app;
mod assets;
pub mod auth;
pub mod config;
mod error;
mod middleware;
mod service;
mod ui;

pub use app::{AppState, Application};
pub use config::Config;
pub use error::AppError;
