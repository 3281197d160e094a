//! Browser journeys in real headless Chromium, driven over WebDriver by chromedriver.
//! Skipped when chromedriver is absent unless GOALMEET_REQUIRE_BROWSER=1 (CI sets it).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{Backend, PASSWORD, spawn_app};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process with one browser session; both end on drop.
pub struct WebDriver {
    http: reqwest::Client,
    base: String,
    session: String,
    driver: Child,
    profile: std::path::PathBuf,
}

impl WebDriver {
    /// Starts chromedriver and a headless Chromium with a fresh profile, or
    /// returns `None` when chromedriver is not installed (and not required).
    pub async fn start() -> Option<WebDriver> {
        let required = std::env::var("GOALMEET_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
        let driver_path = which("chromedriver");
        let Some(driver_path) = driver_path else {
            assert!(
                !required,
                "GOALMEET_REQUIRE_BROWSER=1 but chromedriver is not installed"
            );
            eprintln!("chromedriver not found; skipping the browser journey");
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        // Wait for chromedriver to accept connections (bounded).
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(r) = http.get(format!("{base}/status")).send().await
                && r.json::<Value>()
                    .await
                    .is_ok_and(|v| v["value"]["ready"] == true)
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile =
            std::env::temp_dir().join(format!("goalmeet-chromium-{}", uuid::Uuid::new_v4()));
        let binary = which("chromium")
            .or_else(|| which("chromium-browser"))
            .or_else(|| which("google-chrome"));
        let mut options = json!({"args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1280,900",
            format!("--user-data-dir={}", profile.display()),
        ]});
        if let Some(binary) = binary {
            options["binary"] = json!(binary);
        }
        let response: Value = http
            .post(format!("{base}/session"))
            .json(&json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let session = response["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {response}"))
            .to_string();
        Some(WebDriver {
            http,
            base,
            session,
            driver,
            profile,
        })
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{}", self.base, self.session, path);
        let mut request = self.http.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let value: Value = request.send().await.unwrap().json().await.unwrap();
        if value["value"]["error"].is_string() {
            panic!("WebDriver {path}: {}", value["value"]);
        }
        value["value"].clone()
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url})))
            .await;
    }

    pub async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn find(&self, css: &str) -> String {
        let value = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        value[ELEMENT_KEY].as_str().unwrap().to_string()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// Waits (bounded) until the browser is at a URL ending with `suffix`.
    pub async fn wait_for_url(&self, suffix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.current_url().await;
            if url.ends_with(suffix) {
                return url;
            }
            assert!(
                Instant::now() < deadline,
                "expected a URL ending in {suffix}, still at {url}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    pub async fn quit(mut self) {
        let _ = self
            .http
            .delete(format!("{}/session/{}", self.base, self.session))
            .send()
            .await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn which(name: &str) -> Option<String> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
            .map(|p| p.display().to_string())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_sign_up_log_out_log_back_in() {
    let Some(browser) = WebDriver::start().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await.unwrap();

    browser.goto(&app.url("/")).await;
    browser.wait_for_url("/login").await;
    browser.click("a[href='/signup']").await;
    browser.wait_for_url("/signup").await;
    browser
        .type_into("#workspace_name", "Northwind Robotics")
        .await;
    browser.type_into("#name", "Vera Patel").await;
    browser.type_into("#email", "vera@northwind.test").await;
    browser.type_into("#password", PASSWORD).await;
    browser.click("button[type='submit']").await;
    browser.wait_for_url("/w/northwind-robotics").await;
    let home = browser.source().await;
    assert!(home.contains("Northwind Robotics") && home.contains("Get started"));
    assert!(home.contains("Vera Patel"), "the sidebar names the person");
    // The browser's time zone was picked up at sign-up by the page script.
    let (_, me) = {
        let token = app
            .api_token("vera@northwind.test", "northwind-robotics")
            .await;
        app.get_json("/api/v1/me", &token).await
    };
    assert!(me["user"]["time_zone"].is_string());

    browser.click(".sidebar-foot button").await;
    browser.wait_for_url("/login").await;
    browser.goto(&app.url("/w/northwind-robotics")).await;
    browser
        .wait_for_url("/login?next=%2Fw%2Fnorthwind-robotics")
        .await;

    browser.type_into("#email", "vera@northwind.test").await;
    browser.type_into("#password", PASSWORD).await;
    browser.click("button[type='submit']").await;
    browser.wait_for_url("/w/northwind-robotics").await;
    assert!(browser.source().await.contains("Get started"));
    browser.quit().await;
}
