use std::net::{IpAddr, SocketAddr};

use chrono::Duration;
use goalmeet_store::RateLimit;
use url::Url;

/// Everything the web application needs to know about its surroundings.
#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    /// Where people reach this instance; used for links and to decide on `Secure` cookies and HSTS.
    pub base_url: Url,
    /// Reverse proxies whose `X-Forwarded-For` is believed when finding a client's address.
    pub trusted_proxies: Vec<IpAddr>,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    /// Failed log-ins per client address and per account.
    pub login_limit: RateLimit,
    /// Sign-ups per client address.
    pub signup_limit: RateLimit,
    /// How many password hashes may be computed at once; each takes ~19 MiB.
    pub max_concurrent_hashes: usize,
}

impl Config {
    /// Defaults for everything but where to listen and which database to use.
    pub fn new(bind: SocketAddr, database_url: String, base_url: Url) -> Self {
        Self {
            bind,
            database_url,
            base_url,
            trusted_proxies: Vec::new(),
            session_idle: Duration::days(14),
            session_absolute: Duration::days(30),
            login_limit: RateLimit {
                max: 10,
                window: Duration::minutes(15),
            },
            signup_limit: RateLimit {
                max: 20,
                window: Duration::hours(1),
            },
            max_concurrent_hashes: 4,
        }
    }

    pub fn is_https(&self) -> bool {
        self.base_url.scheme() == "https"
    }

    /// An absolute link to `path` (which starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_url.as_str().trim_end_matches('/'), path)
    }
}
