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

    /// Accepts the open `confirm()` dialog.
    pub async fn accept_alert(&self) {
        self.call(reqwest::Method::POST, "/alert/accept", Some(json!({})))
            .await;
    }

    /// Waits (bounded) until the page source contains `text`.
    pub async fn wait_for_text(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let source = self.source().await;
            if source.contains(text) {
                return source;
            }
            assert!(
                Instant::now() < deadline,
                "expected the page to show {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
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

/// Journeys (a) and (b): plan from the weekly leadership template, add an item
/// with the keyboard, run the meeting, record outcomes, end it, read the
/// summary; then the next occurrence carries the unfinished item and reviews
/// the action item.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_weekly_leadership_meeting_and_its_next_occurrence() {
    let Some(browser) = WebDriver::start().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let signup = app
        .api_signup("Northwind", "Vera Patel", "vera@northwind.test")
        .await;
    let token = signup["token"].as_str().unwrap().to_string();

    browser.goto(&app.url("/login")).await;
    browser.type_into("#email", "vera@northwind.test").await;
    browser.type_into("#password", PASSWORD).await;
    browser.click("button[type='submit']").await;
    browser.wait_for_url("/w/northwind").await;

    // (a) From the template gallery to a weekly series of three.
    browser.goto(&app.url("/w/northwind/templates")).await;
    browser
        .click("a[href='/w/northwind/meetings/new?template=builtin:weekly-leadership']")
        .await;
    browser
        .wait_for_url("/meetings/new?template=builtin:weekly-leadership")
        .await;
    browser.type_into("#count", "3").await;
    browser.click("button[type='submit']").await;
    let source = browser
        .wait_for_text("Series created with 3 meetings.")
        .await;
    assert!(
        source.contains("Review action items"),
        "the template's agenda was copied"
    );
    assert!(
        source
            .contains("<span class=\"num\">90</span> of <span class=\"num\">90</span> min planned"),
        "planned time is shown against the duration"
    );
    let meeting_url = browser.current_url().await;

    // Add an agenda item with the keyboard: type, press Enter; htmx adds it in place.
    browser
        .type_into("#new-item", "Hiring plan for Q1\u{E007}")
        .await;
    browser.wait_for_text("Hiring plan for Q1").await;
    assert_eq!(browser.current_url().await, meeting_url, "no page reload");
    let (_, detail) = app
        .get_json(
            &format!(
                "/api/v1/meetings/{}",
                meeting_url.rsplit('/').next().unwrap()
            ),
            &token,
        )
        .await;
    let titles: Vec<&str> = detail["agenda"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.last(), Some(&"Hiring plan for Q1"));

    // Start, then record a decision and an action item from run mode.
    browser.click("form[action$='/start'] button").await;
    browser.wait_for_url("/run").await;
    browser
        .type_into("#decision-text", "Open two engineering roles")
        .await;
    browser.click("#record-decision button").await;
    browser.wait_for_text("Decision recorded.").await;
    browser
        .type_into("#action-text", "Draft the job descriptions")
        .await;
    browser.click("#record-action button").await;
    let source = browser.wait_for_text("Action item recorded.").await;
    assert!(
        source.contains("Open two engineering roles")
            && source.contains("Draft the job descriptions")
    );
    browser.click("#mark-discussed").await;
    browser.wait_for_text("Discussed").await;

    // End it and read the summary.
    browser
        .click(".page-actions form[action$='/end'] button")
        .await;
    browser.accept_alert().await;
    browser.wait_for_url("/summary").await;
    let summary = browser.source().await;
    assert!(summary.contains("Open two engineering roles"));
    assert!(summary.contains("Draft the job descriptions"));
    assert!(summary.contains("Time used vs planned"));
    assert!(
        summary.contains("Hiring plan for Q1"),
        "the unfinished item is listed as not reached"
    );

    // (b) The next occurrence: the item rolled over, the action item is under review.
    let (_, upcoming) = app
        .get_json("/api/v1/meetings?scope=upcoming", &token)
        .await;
    let next = upcoming["items"][0]["id"].as_str().unwrap().to_string();
    browser
        .goto(&app.url(&format!("/w/northwind/meetings/{next}")))
        .await;
    let source = browser.wait_for_text("Hiring plan for Q1").await;
    assert!(
        source.contains("Rolled 1×"),
        "the carried item shows its roll count"
    );
    let review = &source[source.find("id=\"review\"").expect("a review section")..];
    assert!(review.contains("Draft the job descriptions"));
    browser.click("#review form button").await;
    browser.wait_for_text("Marked done").await;
    browser.quit().await;
}
