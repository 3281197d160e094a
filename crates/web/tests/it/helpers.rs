//! `spawn_app()`: a real goalmeet server on port 0 with a fresh database,
//! SQLite or PostgreSQL, plus a cookie-keeping HTTP client.

use std::future::Future;
use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};

use goalmeet_web::{Application, Config};
use reqwest::{Client, Response, StatusCode, redirect};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    /// A client that keeps cookies and does not follow redirects.
    pub client: Client,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(std::path::PathBuf),
    PgDatabase { admin_url: String, name: String },
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Runs `test` against a fresh app on `backend`. PostgreSQL runs only when
/// `GOALMEET_TEST_POSTGRES_URL` is set (CI sets it); the database made for the
/// test is dropped afterwards, whether the test passed or not.
pub async fn run_on<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(app) = spawn_app(backend).await else {
        eprintln!("GOALMEET_TEST_POSTGRES_URL is not set; skipping the PostgreSQL run");
        return;
    };
    let cleanup = app.cleanup_handle();
    let outcome = tokio::spawn(test(app)).await;
    cleanup.run().await;
    if let Err(err) = outcome {
        std::panic::resume_unwind(err.into_panic());
    }
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    let (database_url, cleanup) = match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("goalmeet-test-{}", Uuid::new_v4()));
            std::fs::create_dir_all(&dir).unwrap();
            (
                format!("sqlite:{}", dir.join("goalmeet.db").display()),
                Cleanup::Dir(dir),
            )
        }
        Backend::Postgres => {
            let admin_url = std::env::var("GOALMEET_TEST_POSTGRES_URL").ok()?;
            let name = format!("goalmeet_test_{}", Uuid::new_v4().simple());
            let admin = sqlx::PgPool::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
            let mut url = url::Url::parse(&admin_url).unwrap();
            url.set_path(&name);
            (url.to_string(), Cleanup::PgDatabase { admin_url, name })
        }
    };
    let config = Config::new(
        "127.0.0.1:0".parse().unwrap(),
        database_url,
        "http://127.0.0.1".parse().unwrap(),
    );
    Some(spawn_with(config, cleanup).await)
}

/// Builds the app from `config` (its base URL is replaced by the real address) and serves it.
async fn spawn_with(mut config: Config, cleanup: Cleanup) -> TestApp {
    // Bind first to learn the port, so links and Origin checks use the real address.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = probe.local_addr().unwrap();
    drop(probe);
    config.bind = addr;
    config.base_url = format!("http://{addr}").parse().unwrap();
    let app = Application::build(config).await.expect("app builds");
    let addr = app.local_addr();
    tokio::spawn(app.serve(std::future::pending()));
    TestApp {
        base: format!("http://{addr}"),
        client: new_client(),
        cleanup,
    }
}

pub fn new_client() -> Client {
    new_client_with_jar().0
}

pub fn new_client_with_jar() -> (Client, Arc<Jar>) {
    let jar = Arc::new(Jar::default());
    let client = Client::builder()
        .cookie_provider(jar.clone())
        .redirect(redirect::Policy::none())
        .build()
        .unwrap();
    (client, jar)
}

pub struct CleanupHandle(Option<Cleanup>);

impl CleanupHandle {
    async fn run(mut self) {
        match self.0.take() {
            Some(Cleanup::Dir(dir)) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Some(Cleanup::PgDatabase { admin_url, name }) => {
                if let Ok(admin) = sqlx::PgPool::connect(&admin_url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&admin)
                    .await;
                    admin.close().await;
                }
            }
            None => {}
        }
    }
}

impl TestApp {
    fn cleanup_handle(&self) -> CleanupHandle {
        CleanupHandle(Some(match &self.cleanup {
            Cleanup::Dir(d) => Cleanup::Dir(d.clone()),
            Cleanup::PgDatabase { admin_url, name } => Cleanup::PgDatabase {
                admin_url: admin_url.clone(),
                name: name.clone(),
            },
        }))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    // ------------------------------------------------------------ API

    pub async fn api_signup(&self, workspace: &str, name: &str, email: &str) -> Value {
        let response = self
            .client
            .post(self.url("/api/v1/signup"))
            .json(&json!({"workspace_name": workspace, "name": name, "email": email, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "sign-up of {email}");
        response.json().await.unwrap()
    }

    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> Response {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    /// Sends `body` (if any) with `method` and returns the status and the JSON
    /// answer (`Null` when the answer has no JSON body, e.g. 204).
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let response = self.api(method, path, token, body).await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn get_json(&self, path: &str, token: &str) -> (StatusCode, Value) {
        let response = self.api(reqwest::Method::GET, path, token, None).await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Invites `email` with `role` (as the admin holding `admin_token`), accepts
    /// the invitation in a fresh browser session, and returns an API token for them.
    pub async fn add_member(
        &self,
        admin_token: &str,
        workspace_slug: &str,
        name: &str,
        email: &str,
        role: &str,
    ) -> Member {
        let response = self
            .api(
                reqwest::Method::POST,
                "/api/v1/invitations",
                admin_token,
                Some(json!({"email": email, "role": role})),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        let link = body["url"].as_str().unwrap().to_string();
        let browser = Browser::new(self);
        let page = browser.get_text(&link).await;
        let csrf = csrf_token(&page);
        let response = browser
            .post_form(
                &link,
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", name),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "accepting the invitation"
        );
        let token = self.api_token(email, workspace_slug).await;
        let (_, me) = self.get_json("/api/v1/me", &token).await;
        Member {
            id: me["user"]["id"].as_str().unwrap().parse().unwrap(),
            token,
            browser,
        }
    }

    pub async fn api_token(&self, email: &str, workspace: &str) -> String {
        let response = self
            .client
            .post(self.url("/api/v1/tokens"))
            .json(&json!({"email": email, "password": PASSWORD, "workspace": workspace}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "token for {email}");
        let body: Value = response.json().await.unwrap();
        body["token"].as_str().unwrap().to_string()
    }
}

/// Asserts a 422 `invalid_input` answer that names `field`.
#[track_caller]
pub fn assert_invalid(status: StatusCode, body: &Value, field: &str) {
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {body}");
    assert_eq!(body["error"], "invalid_input", "{field}: {body}");
    assert_eq!(body["field"], field, "{body}");
}

pub struct Member {
    pub id: Uuid,
    pub token: String,
    /// A browser session logged in as this member.
    pub browser: Browser,
}

/// A cookie-keeping client for the web UI, like one browser profile.
pub struct Browser {
    pub client: Client,
    pub base: String,
    jar: Arc<Jar>,
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        let (client, jar) = new_client_with_jar();
        Browser {
            client,
            base: app.base.clone(),
            jar,
        }
    }

    /// The value of one of this browser's cookies for the app.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let header = self.jar.cookies(&self.base.parse().unwrap())?;
        header
            .to_str()
            .unwrap()
            .split("; ")
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    fn abs(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.base, path)
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.abs(path)).send().await.unwrap()
    }

    pub async fn get_text(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert!(
            response.status().is_success(),
            "GET {path}: {}",
            response.status()
        );
        response.text().await.unwrap()
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.abs(path))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Loads `page`, takes its CSRF token and posts `fields` to `action`.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let html = self.get_text(page).await;
        let csrf = csrf_token(&html);
        let mut all = vec![("csrf_token", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(action, &all).await
    }

    /// Signs up through the web form; returns the workspace home path.
    pub async fn sign_up(&self, workspace: &str, name: &str, email: &str) -> String {
        let response = self
            .submit(
                "/signup",
                "/signup",
                &[
                    ("workspace_name", workspace),
                    ("name", name),
                    ("email", email),
                    ("password", PASSWORD),
                    ("time_zone", "Europe/Berlin"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        location(&response)
    }

    pub async fn log_in(&self, email: &str, password: &str) -> Response {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }
}

pub fn location(response: &Response) -> String {
    response
        .headers()
        .get("location")
        .expect("a redirect")
        .to_str()
        .unwrap()
        .to_string()
}

/// The CSRF token embedded in a rendered form.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("page has a CSRF field") + marker.len();
    html[start..start + 64].to_string()
}

/// Declares each listed `async fn name(app: TestApp)` as two tests,
/// `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    $crate::helpers::run_on($crate::helpers::Backend::Sqlite, super::$name).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    $crate::helpers::run_on($crate::helpers::Backend::Postgres, super::$name).await;
                }
            }
        )*
    };
}
