//! Another workspace's objects answer 404: never 403, never data.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Browser, PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(another_workspace_answers_not_found);

async fn another_workspace_answers_not_found(app: TestApp) {
    let a = app.api_signup("Alpha", "Alice", "alice@alpha.test").await;
    let a_token = a["token"].as_str().unwrap();
    let a_user = a["user"]["id"].as_str().unwrap();
    let a_member = app
        .add_member(a_token, "alpha", "Amos", "amos@alpha.test", "member")
        .await;
    let invitation: Value = app
        .api(
            Method::POST,
            "/api/v1/invitations",
            a_token,
            Some(json!({"email": "new@alpha.test", "role": "member"})),
        )
        .await
        .json()
        .await
        .unwrap();
    let a_invitation = invitation["invitation"]["id"].as_str().unwrap();
    let (_, a_tokens) = app.get_json("/api/v1/tokens", a_token).await;
    let a_token_id = a_tokens["items"][0]["id"].as_str().unwrap();

    let b = app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let b_token = b["token"].as_str().unwrap();

    let attempts = [
        (
            Method::PATCH,
            format!("/api/v1/members/{a_user}"),
            Some(json!({"role": "guest"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/members/{}", a_member.id),
            None,
        ),
        (
            Method::DELETE,
            format!("/api/v1/invitations/{a_invitation}"),
            None,
        ),
        (Method::DELETE, format!("/api/v1/tokens/{a_token_id}"), None),
        (
            Method::DELETE,
            "/api/v1/tokens/not-a-uuid".to_string(),
            None,
        ),
    ];
    for (method, path, body) in attempts {
        let response = app.api(method.clone(), &path, b_token, body).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
        let err: Value = response.json().await.unwrap();
        assert_eq!(err["error"], "not_found");
    }
    // B's lists hold none of A's data.
    let (_, members) = app.get_json("/api/v1/members", b_token).await;
    assert_eq!(members["total"], 1);
    assert!(!members.to_string().contains("alpha.test"));
    let (_, invitations) = app.get_json("/api/v1/invitations", b_token).await;
    assert_eq!(invitations["items"].as_array().unwrap().len(), 0);
    // A is untouched.
    let (_, members) = app.get_json("/api/v1/members", a_token).await;
    assert_eq!(members["total"], 2);
    assert_eq!(
        app.get_json("/api/v1/me", &a_member.token).await.0,
        StatusCode::OK
    );
    let (_, invitations) = app.get_json("/api/v1/invitations", a_token).await;
    assert_eq!(invitations["items"].as_array().unwrap().len(), 1);
    // A token for a workspace one is not a member of cannot be had.
    let response = app
        .client
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "bob@beta.test", "password": PASSWORD, "workspace": "alpha"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The web UI: every page and form of A answers 404 to B's people.
    let bob = Browser::new(&app);
    bob.log_in("bob@beta.test", PASSWORD).await;
    for path in ["/w/alpha", "/w/alpha/members", "/w/alpha/settings"] {
        assert_eq!(
            bob.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let posts = [
        format!("/w/alpha/members/{}/role", a_member.id),
        format!("/w/alpha/members/{}/remove", a_member.id),
        format!("/w/alpha/invitations/{a_invitation}/revoke"),
        "/w/alpha/invitations".to_string(),
        "/w/alpha/settings".to_string(),
        // B's own workspace path with A's objects.
        format!("/w/beta/members/{}/role", a_member.id),
        format!("/w/beta/members/{}/remove", a_member.id),
        format!("/w/beta/invitations/{a_invitation}/revoke"),
        format!("/account/tokens/{a_token_id}/revoke"),
    ];
    for path in posts {
        let response = bob
            .submit(
                "/account",
                &path,
                &[
                    ("role", "owner"),
                    ("email", "x@y.test"),
                    ("name", "Taken"),
                    ("time_zone", "UTC"),
                    ("meeting_hourly_cost", "1"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "POST {path}");
    }
    let (_, workspace) = app.get_json("/api/v1/workspace", a_token).await;
    assert_eq!(workspace["name"], "Alpha");
    let (_, members) = app.get_json("/api/v1/members", a_token).await;
    assert_eq!(members["total"], 2);
}
