//! Sign-up, log-in, log-out, sessions, passwords and tokens.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Browser, PASSWORD, TestApp, location};
use crate::on_both_backends;

on_both_backends!(
    web_signup_lands_on_home_and_logout_kills_the_session,
    web_login_checks_the_password_and_starts_a_fresh_session,
    api_signup_and_tokens,
    bad_signups_get_clear_errors_and_save_nothing,
    login_is_rate_limited_by_the_eleventh_failure,
    password_change_ends_other_sessions,
    account_page_creates_and_revokes_tokens_and_sessions,
    second_workspace_and_switching,
);

async fn web_signup_lands_on_home_and_logout_kills_the_session(app: TestApp) {
    let browser = Browser::new(&app);
    let home = browser
        .sign_up("Acme Inc", "Ada Lovelace", "ada@example.com")
        .await;
    assert_eq!(home, "/w/acme-inc");
    let page = browser.get_text(&home).await;
    assert!(
        page.contains("Acme Inc") && page.contains("Get started"),
        "{page}"
    );
    assert!(
        page.contains("Welcome! Your workspace is ready."),
        "flash shown once"
    );
    assert!(
        page.contains("href=\"/w/acme-inc/members\"")
            && page.contains("href=\"/w/acme-inc/meetings/new\""),
        "home links into the workspace"
    );
    assert!(
        !browser.get_text(&home).await.contains("Welcome!"),
        "flash shown only once"
    );

    // Keep the session cookie to replay it after logging out.
    let session_cookie = browser.cookie("gm_session").expect("logged in");
    let response = browser.submit(&home, "/logout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");

    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = replay
        .get(app.url(&home))
        .header("cookie", format!("gm_session={session_cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the old session no longer works"
    );
    assert!(location(&response).starts_with("/login?next="));
}

async fn web_login_checks_the_password_and_starts_a_fresh_session(app: TestApp) {
    let first = Browser::new(&app);
    first.sign_up("Acme", "Ada", "ada@example.com").await;
    let signup_session = first.cookie("gm_session").unwrap();

    let browser = Browser::new(&app);
    let response = browser
        .log_in("ada@example.com", "not the right password")
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let page = response.text().await.unwrap();
    assert!(page.contains("do not match an account"), "{page}");
    assert!(browser.cookie("gm_session").is_none());

    let response = browser.log_in("ADA@example.com", PASSWORD).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "e-mail is case-insensitive"
    );
    let session = browser.cookie("gm_session").unwrap();
    assert_ne!(
        session, signup_session,
        "each log-in gets its own session id"
    );
    let set_cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect::<Vec<_>>();
    let cookie = set_cookie
        .iter()
        .find(|c| c.starts_with("gm_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    // A protected page sends anonymous visitors to log in, and back afterwards.
    let anonymous = Browser::new(&app);
    let response = anonymous.get("/w/acme/members").await;
    assert_eq!(location(&response), "/login?next=%2Fw%2Facme%2Fmembers");
    let response = anonymous
        .submit(
            "/login?next=%2Fw%2Facme%2Fmembers",
            "/login",
            &[
                ("email", "ada@example.com"),
                ("password", PASSWORD),
                ("next", "/w/acme/members"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/w/acme/members");
    // …but never to another site.
    let response = Browser::new(&app)
        .submit(
            "/login",
            "/login",
            &[
                ("email", "ada@example.com"),
                ("password", PASSWORD),
                ("next", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/");
    // Browsers drop a tab inside a URL, so "/<tab>/evil" would be "//evil".
    let logged_in = Browser::new(&app);
    logged_in.log_in("ada@example.com", PASSWORD).await;
    let response = logged_in.get("/login?next=%2F%09%2Fevil.example").await;
    assert_eq!(location(&response), "/");
}

async fn api_signup_and_tokens(app: TestApp) {
    let body = app
        .api_signup("Globex", "Hank Scorpio", "hank@globex.test")
        .await;
    assert_eq!(body["workspace"]["name"], "Globex");
    assert_eq!(body["workspace"]["slug"], "globex");
    assert_eq!(body["user"]["email"], "hank@globex.test");
    let signup_token = body["token"].as_str().unwrap().to_string();
    assert!(signup_token.starts_with("gm_"));

    let (status, me) = app.get_json("/api/v1/me", &signup_token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "owner");
    assert_eq!(me["workspace"]["slug"], "globex");

    // Tokens by slug and by id.
    let by_slug = app.api_token("hank@globex.test", "globex").await;
    let workspace_id = body["workspace"]["id"].as_str().unwrap();
    let by_id = app.api_token("hank@globex.test", workspace_id).await;
    assert_ne!(by_slug, by_id);

    let (status, list) = app.get_json("/api/v1/tokens", &by_slug).await;
    assert_eq!(status, StatusCode::OK);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(
        !list.to_string().contains(&by_slug),
        "secrets are never listed"
    );

    // Revoke one: it stops working at once; the others keep working.
    let id_of_by_id = {
        let (_, me) = app.get_json("/api/v1/tokens", &by_id).await;
        me["items"][0]["id"].as_str().unwrap().to_string()
    };
    let response = app
        .api(
            Method::DELETE,
            &format!("/api/v1/tokens/{id_of_by_id}"),
            &by_slug,
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (status, err) = app.get_json("/api/v1/me", &by_id).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["error"], "unauthorized");
    assert_eq!(app.get_json("/api/v1/me", &by_slug).await.0, StatusCode::OK);
    let response = app
        .api(
            Method::DELETE,
            &format!("/api/v1/tokens/{id_of_by_id}"),
            &by_slug,
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "already revoked");

    // Wrong password, unknown workspace, no token at all.
    let response = app
        .client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "hank@globex.test", "password": "wrong password!!", "workspace": "globex"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = app
        .client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "hank@globex.test", "password": PASSWORD, "workspace": "nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = app.client.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let err: Value = response.json().await.unwrap();
    assert_eq!(err["error"], "unauthorized");
}

async fn bad_signups_get_clear_errors_and_save_nothing(app: TestApp) {
    let post = |body: String, content_type: &'static str| {
        let client = app.client.clone();
        let url = app.url("/api/v1/signup");
        async move {
            let response = client
                .post(url)
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap();
            let status = response.status();
            let body: Value = response.json().await.unwrap();
            (status, body)
        }
    };
    let valid = json!({"workspace_name": "Initech", "name": "Peter", "email": "peter@initech.test", "password": PASSWORD});
    let cases = [
        ("workspace_name", json!(""), "workspace_name"),
        ("name", json!("   "), "name"),
        ("email", json!("peter-at-initech"), "email"),
        ("password", json!("short"), "password"),
        ("password", json!("x".repeat(129)), "password"),
        ("time_zone", json!("Mars/Olympus"), "time_zone"),
    ];
    for (field, value, expected_field) in cases {
        let mut body = valid.clone();
        body[field] = value;
        let (status, err) = post(body.to_string(), "application/json").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {err}");
        assert_eq!(err["error"], "invalid_input");
        assert_eq!(err["field"], expected_field);
        assert!(!err["message"].as_str().unwrap().is_empty());
    }
    let (status, err) = post("{not json".into(), "application/json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], "malformed_json");
    let (status, err) = post(valid.to_string(), "text/plain").await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(err["error"], "unsupported_media_type");
    let (status, err) = post(json!({"name": "Peter"}).to_string(), "application/json").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["error"], "invalid_body");
    let (status, err) = post(
        format!("{{\"name\": \"{}\"}}", "x".repeat(300_000)),
        "application/json",
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(err["error"], "payload_too_large");

    // Nothing above was saved: the same e-mail and workspace name are still free.
    let body = app
        .api_signup("Initech", "Peter", "peter@initech.test")
        .await;
    assert_eq!(body["workspace"]["slug"], "initech");
    let (status, err) = post(valid.to_string(), "application/json").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(err["error"], "email_taken");

    // The web form shows errors inline, keeps what was typed, and saves nothing.
    let browser = Browser::new(&app);
    let response = browser
        .submit(
            "/signup",
            "/signup",
            &[
                ("workspace_name", "Umbrella"),
                ("name", "Alice"),
                ("email", "alice@umbrella.test"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("class=\"field-error\" id=\"password-error\""),
        "{page}"
    );
    assert!(page.contains("value=\"Umbrella\"") && page.contains("value=\"alice@umbrella.test\""));
    let response = app
        .client
        .post(app.url("/api/v1/tokens"))
        .json(
            &json!({"email": "alice@umbrella.test", "password": "short", "workspace": "umbrella"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::UNAUTHORIZED,
        "no account was created"
    );
}

async fn login_is_rate_limited_by_the_eleventh_failure(app: TestApp) {
    app.api_signup("Acme", "Ada", "ada@example.com").await;
    let browser = Browser::new(&app);
    for attempt in 1..=10 {
        let response = browser
            .log_in("ada@example.com", "wrong password number")
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    let response = browser
        .log_in("ada@example.com", "wrong password number")
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: i64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 0 && retry_after <= 15 * 60, "{retry_after}");
    // The right password does not get through either, nor does the API.
    let response = browser.log_in("ada@example.com", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let response = app
        .client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "ada@example.com", "password": PASSWORD, "workspace": "acme"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    let err: Value = response.json().await.unwrap();
    assert_eq!(err["error"], "rate_limited");
}

async fn password_change_ends_other_sessions(app: TestApp) {
    let laptop = Browser::new(&app);
    laptop.sign_up("Acme", "Ada", "ada@example.com").await;
    let phone = Browser::new(&app);
    assert_eq!(
        phone.log_in("ada@example.com", PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(phone.get("/account").await.status(), StatusCode::OK);

    let response = laptop
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", "not my password"),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("not your current password")
    );
    assert_eq!(
        phone.get("/account").await.status(),
        StatusCode::OK,
        "a failed change ends nothing"
    );

    let response = laptop
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        laptop.get("/account").await.status(),
        StatusCode::OK,
        "this session stays"
    );
    assert_eq!(
        phone.get("/account").await.status(),
        StatusCode::SEE_OTHER,
        "the other session ended"
    );
    let again = Browser::new(&app);
    assert_eq!(
        again.log_in("ada@example.com", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        again
            .log_in("ada@example.com", "a brand new passphrase")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}

async fn account_page_creates_and_revokes_tokens_and_sessions(app: TestApp) {
    let laptop = Browser::new(&app);
    laptop.sign_up("Acme", "Ada", "ada@example.com").await;
    let phone = Browser::new(&app);
    phone.log_in("ada@example.com", PASSWORD).await;

    let response = laptop
        .submit(
            "/account",
            "/account/tokens",
            &[("name", "Reporting"), ("workspace", "acme")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let page = response.text().await.unwrap();
    let start = page.find("id=\"new-token\" readonly value=\"").unwrap()
        + "id=\"new-token\" readonly value=\"".len();
    let token = &page[start..start + 67];
    assert!(token.starts_with("gm_"));
    let (status, me) = app.get_json("/api/v1/me", token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["user"]["email"], "ada@example.com");

    let response = laptop
        .submit(
            "/account",
            "/account/tokens",
            &[("name", ""), ("workspace", "acme")],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a token needs a name"
    );

    let (_, list) = app.get_json("/api/v1/tokens", token).await;
    let token_id = list["items"][0]["id"].as_str().unwrap().to_string();
    let response = laptop
        .submit(
            "/account",
            &format!("/account/tokens/{token_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_json("/api/v1/me", token).await.0,
        StatusCode::UNAUTHORIZED
    );

    // Profile: the time zone must exist.
    let response = laptop
        .submit(
            "/account",
            "/account",
            &[("name", "Ada L."), ("time_zone", "Atlantis/Capital")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = laptop
        .submit(
            "/account",
            "/account",
            &[("name", "Ada L."), ("time_zone", "Asia/Tokyo")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = laptop.get_text("/account").await;
    assert!(
        page.contains("value=\"Ada L.\"")
            && page.contains("<option value=\"Asia/Tokyo\" selected>")
    );

    // Sessions: the laptop ends the phone's session, found as the row that is not "This device".
    let page = laptop.get_text("/account").await;
    let rows: Vec<&str> = page
        .split("<tr>")
        .filter(|row| row.contains("/account/sessions/"))
        .collect();
    assert_eq!(rows.len(), 2, "two sessions listed");
    let other = rows
        .iter()
        .find(|row| !row.contains("This device"))
        .unwrap();
    let at = other.find("/account/sessions/").unwrap();
    let path = &other[at..at + "/account/sessions/".len() + 36 + "/revoke".len()];
    let response = laptop.submit("/account", path, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(laptop.get("/account").await.status(), StatusCode::OK);
    assert_eq!(
        phone.get("/account").await.status(),
        StatusCode::SEE_OTHER,
        "the phone was logged out"
    );
}

async fn second_workspace_and_switching(app: TestApp) {
    let browser = Browser::new(&app);
    browser.sign_up("Acme", "Ada", "ada@example.com").await;
    let response = browser.get("/signup").await;
    assert_eq!(
        location(&response),
        "/workspaces/new",
        "logged-in people start another workspace"
    );
    let response = browser
        .submit(
            "/workspaces/new",
            "/workspaces",
            &[("workspace_name", "Side Project")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/w/side-project");
    let page = browser.get_text("/w/side-project").await;
    assert!(
        page.contains("href=\"/w/acme\"") && page.contains("href=\"/w/side-project\""),
        "switcher lists both"
    );
    let response = browser
        .submit("/workspaces/new", "/workspaces", &[("workspace_name", "")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Same name again gets a distinct address.
    let response = browser
        .submit(
            "/workspaces/new",
            "/workspaces",
            &[("workspace_name", "Acme")],
        )
        .await;
    let second = location(&response);
    assert!(
        second.starts_with("/w/acme-") && second != "/w/acme",
        "{second}"
    );
}
