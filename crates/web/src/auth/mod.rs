//! Who is asking: passwords, sessions (cookies), CSRF, API tokens, client addresses.

mod api;
mod client_ip;
mod csrf;
mod password;
mod rate_limit;
mod session;
mod token;

pub use api::ApiAuth;
pub use client_ip::ClientIp;
pub use csrf::{CSRF_COOKIE, CSRF_FIELD, CsrfToken, csrf_layer};
pub use password::{Passwords, check_login};
pub use rate_limit::{enforce, record_attempt};
pub use session::{
    CurrentUser, MaybeUser, SESSION_COOKIE, clear_session_cookie, cookie_value, session_cookie,
    start_session,
};
pub use token::{hash_token, new_token};
