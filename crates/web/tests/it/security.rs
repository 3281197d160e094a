//! CSRF, security headers, health checks and the OpenAPI document.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{Browser, TestApp, csrf_token};
use crate::on_both_backends;

on_both_backends!(
    forms_need_the_csrf_token_and_our_origin,
    every_response_has_security_headers,
    health_and_readiness,
    openapi_documents_every_route,
    members_are_paginated,
);

async fn forms_need_the_csrf_token_and_our_origin(app: TestApp) {
    let browser = Browser::new(&app);
    browser.sign_up("Acme", "Ada", "ada@example.com").await;
    let settings = [
        ("name", "Changed"),
        ("time_zone", "UTC"),
        ("meeting_hourly_cost", "10"),
    ];

    let response = browser.post_form("/w/acme/settings", &settings).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "no token");
    let mut with_wrong = vec![("csrf_token", "0".repeat(64))];
    with_wrong.extend(settings.iter().map(|(k, v)| (*k, v.to_string())));
    let pairs: Vec<(&str, &str)> = with_wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = browser.post_form("/w/acme/settings", &pairs).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "wrong token");

    let page = browser.get_text("/w/acme/settings").await;
    let token = csrf_token(&page);
    let mut fields = vec![("csrf_token", token.as_str())];
    fields.extend_from_slice(&settings);
    let response = browser
        .client
        .post(app.url("/w/acme/settings"))
        .header("origin", "https://evil.example")
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "foreign origin");
    assert!(
        browser
            .get_text("/w/acme/settings")
            .await
            .contains("value=\"Acme\""),
        "nothing changed"
    );

    let response = browser
        .client
        .post(app.url("/w/acme/settings"))
        .header("origin", &app.base)
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "our origin and token"
    );
    assert!(
        browser
            .get_text("/w/acme/settings")
            .await
            .contains("value=\"Changed\"")
    );

    // Log-out is a form too: a forged one does not end the session.
    let response = reqwest_forged_logout(&browser).await;
    assert_eq!(response, StatusCode::FORBIDDEN);
    assert_eq!(browser.get("/account").await.status(), StatusCode::OK);
}

async fn reqwest_forged_logout(browser: &Browser) -> StatusCode {
    browser.post_form("/logout", &[]).await.status()
}

async fn every_response_has_security_headers(app: TestApp) {
    let browser = Browser::new(&app);
    for path in [
        "/login",
        "/signup",
        "/healthz",
        "/api/v1/me",
        "/assets/app.css",
        "/no-such-page",
    ] {
        let response = browser.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert!(
            !headers.contains_key("strict-transport-security"),
            "no HSTS over plain http"
        );
    }
    let page = browser.get_text("/login").await;
    assert!(
        page.contains("<script src=\"/assets/htmx.min.js\""),
        "htmx is served by us"
    );
    assert!(
        !page.contains("<script>") && !page.contains("https://"),
        "no inline scripts, no CDN"
    );
    let htmx = browser.get("/assets/htmx.min.js").await;
    assert_eq!(htmx.status(), StatusCode::OK);
    assert!(htmx.text().await.unwrap().contains("htmx"));
}

async fn health_and_readiness(app: TestApp) {
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .client
        .get(app.url("/api/v1/no-such-route"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
}

/// The spec lists exactly the routes the server has; each is exercised by the tests in this suite.
async fn openapi_documents_every_route(app: TestApp) {
    let spec: Value = app
        .client
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    let mut routes: Vec<String> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();
    routes.sort();
    let expected = [
        "DELETE /api/v1/action-items/{id}",
        "DELETE /api/v1/invitations/{id}",
        "DELETE /api/v1/meetings/{id}",
        "DELETE /api/v1/meetings/{id}/agenda-items/{item_id}",
        "DELETE /api/v1/members/{user_id}",
        "DELETE /api/v1/templates/{id}",
        "DELETE /api/v1/tokens/{id}",
        "GET /api/v1/action-items",
        "GET /api/v1/action-items/{id}",
        "GET /api/v1/decisions",
        "GET /api/v1/decisions/{id}",
        "GET /api/v1/invitations",
        "GET /api/v1/me",
        "GET /api/v1/meetings",
        "GET /api/v1/meetings/{id}",
        "GET /api/v1/meetings/{id}/agenda-items",
        "GET /api/v1/members",
        "GET /api/v1/series/{id}",
        "GET /api/v1/templates",
        "GET /api/v1/templates/{id}",
        "GET /api/v1/tokens",
        "GET /api/v1/workspace",
        "GET /healthz",
        "GET /readyz",
        "PATCH /api/v1/action-items/{id}",
        "PATCH /api/v1/decisions/{id}",
        "PATCH /api/v1/meetings/{id}",
        "PATCH /api/v1/meetings/{id}/agenda-items/{item_id}",
        "PATCH /api/v1/members/{user_id}",
        "PATCH /api/v1/templates/{id}",
        "PATCH /api/v1/workspace",
        "POST /api/v1/action-items",
        "POST /api/v1/decisions",
        "POST /api/v1/invitations",
        "POST /api/v1/meetings",
        "POST /api/v1/meetings/{id}/agenda-items",
        "POST /api/v1/meetings/{id}/agenda-items/reorder",
        "POST /api/v1/meetings/{id}/cancel",
        "POST /api/v1/meetings/{id}/end",
        "POST /api/v1/meetings/{id}/schedule",
        "POST /api/v1/meetings/{id}/start",
        "POST /api/v1/series",
        "POST /api/v1/signup",
        "POST /api/v1/templates",
        "POST /api/v1/tokens",
    ];
    assert_eq!(routes, expected);
    // Each operation documents its responses; authenticated ones name the bearer scheme.
    for (path, ops) in spec["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            assert!(
                !op["responses"].as_object().unwrap().is_empty(),
                "{method} {path}"
            );
        }
    }
    assert_eq!(
        spec["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert!(spec["components"]["schemas"]["ErrorBody"].is_object());
}

async fn members_are_paginated(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    app.add_member(token, "acme", "Bea", "bea@acme.test", "member")
        .await;
    app.add_member(token, "acme", "Cid", "cid@acme.test", "member")
        .await;
    let (status, page) = app.get_json("/api/v1/members?limit=2", token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["total"], 3);
    assert_eq!(page["limit"], 2);
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bea", "Cid"]);
    let (_, page) = app
        .get_json("/api/v1/members?limit=2&offset=2", token)
        .await;
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Olive"]);
    let (_, page) = app.get_json("/api/v1/members?limit=100000", token).await;
    assert_eq!(page["limit"], 200, "limits are capped");
    let (status, err) = app.get_json("/api/v1/members?limit=lots", token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], "invalid_query");
}
