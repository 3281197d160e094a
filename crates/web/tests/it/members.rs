//! Roles, invitations and the members page.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Browser, PASSWORD, TestApp, csrf_token, location};
use crate::on_both_backends;

on_both_backends!(
    roles_are_enforced_on_every_api_route,
    the_last_owner_stays,
    invitations_through_the_web,
    members_page_manages_roles,
);

async fn roles_are_enforced_on_every_api_route(app: TestApp) {
    let owner = app
        .api_signup("Acme", "Olive Owner", "olive@acme.test")
        .await;
    let owner_token = owner["token"].as_str().unwrap();
    let admin = app
        .add_member(owner_token, "acme", "Adam Admin", "adam@acme.test", "admin")
        .await;
    let member = app
        .add_member(owner_token, "acme", "Mia Member", "mia@acme.test", "member")
        .await;
    let guest = app
        .add_member(owner_token, "acme", "Gus Guest", "gus@acme.test", "guest")
        .await;

    for (who, token) in [("member", &member.token), ("guest", &guest.token)] {
        let forbidden = [
            app.api(
                Method::PATCH,
                "/api/v1/workspace",
                token,
                Some(json!({"name": "Hijacked"})),
            )
            .await,
            app.api(Method::GET, "/api/v1/invitations", token, None)
                .await,
            app.api(
                Method::POST,
                "/api/v1/invitations",
                token,
                Some(json!({"email": "x@acme.test", "role": "member"})),
            )
            .await,
            app.api(
                Method::PATCH,
                &format!("/api/v1/members/{}", admin.id),
                token,
                Some(json!({"role": "guest"})),
            )
            .await,
            app.api(
                Method::DELETE,
                &format!("/api/v1/members/{}", admin.id),
                token,
                None,
            )
            .await,
        ];
        for response in forbidden {
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who}");
            let err: Value = response.json().await.unwrap();
            assert_eq!(err["error"], "forbidden");
        }
        // Everyone may read the workspace and its members.
        assert_eq!(
            app.get_json("/api/v1/workspace", token).await.0,
            StatusCode::OK
        );
        assert_eq!(
            app.get_json("/api/v1/members", token).await.0,
            StatusCode::OK
        );
    }
    let (_, workspace) = app.get_json("/api/v1/workspace", owner_token).await;
    assert_eq!(workspace["name"], "Acme", "nothing was changed");

    // Admins manage everything below owner, but cannot make or touch owners.
    let owner_id = owner["user"]["id"].as_str().unwrap();
    let response = app
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{}", member.id),
            &admin.token,
            Some(json!({"role": "owner"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{owner_id}"),
            &admin.token,
            Some(json!({"role": "member"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .api(
            Method::DELETE,
            &format!("/api/v1/members/{owner_id}"),
            &admin.token,
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .api(
            Method::POST,
            "/api/v1/invitations",
            &admin.token,
            Some(json!({"email": "o2@acme.test", "role": "owner"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{}", guest.id),
            &admin.token,
            Some(json!({"role": "member"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["role"], "member");
    let response = app
        .api(
            Method::PATCH,
            "/api/v1/workspace",
            &admin.token,
            Some(json!({"time_zone": "Europe/Paris", "meeting_hourly_cost_cents": 12000})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["time_zone"], "Europe/Paris");
    assert_eq!(body["meeting_hourly_cost_cents"], 12000);
    assert_eq!(body["name"], "Acme", "omitted fields stay");
    let response = app
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{}", guest.id),
            &admin.token,
            Some(json!({"role": "emperor"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Anyone may leave; a removed member's token stops working.
    let response = app
        .api(
            Method::DELETE,
            &format!("/api/v1/members/{}", member.id),
            &member.token,
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get_json("/api/v1/me", &member.token).await.0,
        StatusCode::UNAUTHORIZED
    );
    let response = app
        .api(
            Method::DELETE,
            &format!("/api/v1/members/{}", guest.id),
            &admin.token,
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        guest.browser.get("/w/acme").await.status(),
        StatusCode::NOT_FOUND,
        "removed people lose the web pages too"
    );
    let (_, members) = app.get_json("/api/v1/members", owner_token).await;
    assert_eq!(members["total"], 2);
}

async fn the_last_owner_stays(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let owner_id = owner["user"]["id"].as_str().unwrap();
    for response in [
        app.api(
            Method::PATCH,
            &format!("/api/v1/members/{owner_id}"),
            token,
            Some(json!({"role": "admin"})),
        )
        .await,
        app.api(
            Method::DELETE,
            &format!("/api/v1/members/{owner_id}"),
            token,
            None,
        )
        .await,
    ] {
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let err: Value = response.json().await.unwrap();
        assert_eq!(err["error"], "last_owner");
    }
    // With a second owner, the first may step down.
    let second = app
        .add_member(token, "acme", "Otto", "otto@acme.test", "member")
        .await;
    let response = app
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{}", second.id),
            token,
            Some(json!({"role": "owner"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{owner_id}"),
            token,
            Some(json!({"role": "admin"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, me) = app.get_json("/api/v1/me", token).await;
    assert_eq!(me["role"], "admin");
}

async fn invitations_through_the_web(app: TestApp) {
    let owner = Browser::new(&app);
    let home = owner.sign_up("Acme", "Olive", "olive@acme.test").await;
    let members_path = format!("{home}/members");

    // Bad input is shown inline and creates nothing.
    let response = owner
        .submit(
            &members_path,
            &format!("{home}/invitations"),
            &[("email", "not-an-email"), ("role", "member")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("id=\"invite-email-error\"")
    );
    let response = owner
        .submit(
            &members_path,
            &format!("{home}/invitations"),
            &[("email", "olive@acme.test"), ("role", "member")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT, "already a member");
    assert!(
        !owner
            .get_text(&members_path)
            .await
            .contains("Revoke the invitation"),
        "no invitation was created"
    );

    let response = owner
        .submit(
            &members_path,
            &format!("{home}/invitations"),
            &[("email", "Bea@Acme.test"), ("role", "admin")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let page = response.text().await.unwrap();
    let marker = "id=\"invite-link\" readonly value=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let link = page[start..].split('"').next().unwrap().to_string();
    assert!(
        link.starts_with(&app.base) && link.contains("/invite/"),
        "{link}"
    );
    assert!(
        owner
            .get_text(&members_path)
            .await
            .contains("bea@acme.test"),
        "listed as open"
    );

    // A newcomer opens the link, creates an account and lands in the workspace.
    let bea = Browser::new(&app);
    let page = bea.get_text(&link).await;
    assert!(page.contains("Join Acme") && page.contains("bea@acme.test"));
    let csrf = csrf_token(&page);
    let response = bea
        .post_form(
            &link,
            &[("csrf_token", &csrf), ("name", ""), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a name is required"
    );
    let response = bea
        .post_form(
            &link,
            &[
                ("csrf_token", &csrf),
                ("name", "Bea"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&response), home);
    let page = bea.get_text(&home).await;
    assert!(page.contains("You are admin here."), "{page}");

    // The link works once.
    let again = Browser::new(&app).get(&link).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().await.unwrap().contains("no longer valid"));

    // An existing account is asked to log in, then joins with one click.
    let other = Browser::new(&app);
    other.sign_up("Other Co", "Carl", "carl@other.test").await;
    let response = owner
        .submit(
            &members_path,
            &format!("{home}/invitations"),
            &[("email", "carl@other.test"), ("role", "guest")],
        )
        .await;
    let page = response.text().await.unwrap();
    let start = page.find(marker).unwrap() + marker.len();
    let carl_link = page[start..].split('"').next().unwrap().to_string();
    let anonymous = Browser::new(&app);
    assert!(
        anonymous
            .get_text(&carl_link)
            .await
            .contains("Log in to accept")
    );
    // Someone else logged in cannot take it.
    let page = bea.get_text(&carl_link).await;
    assert!(page.contains("but this invitation is for carl@other.test"));
    let response = bea
        .post_form(&carl_link, &[("csrf_token", &csrf_token(&page))])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let page = other.get_text(&carl_link).await;
    let response = other
        .post_form(&carl_link, &[("csrf_token", &csrf_token(&page))])
        .await;
    assert_eq!(location(&response), home);
    assert!(other.get_text(&home).await.contains("You are guest here."));

    // Revoking stops a link.
    let response = owner
        .submit(
            &members_path,
            &format!("{home}/invitations"),
            &[("email", "dan@acme.test"), ("role", "member")],
        )
        .await;
    let page = response.text().await.unwrap();
    let start = page.find(marker).unwrap() + marker.len();
    let dan_link = page[start..].split('"').next().unwrap().to_string();
    let members_page = owner.get_text(&members_path).await;
    let at = members_page.find("/invitations/").unwrap();
    let revoke = format!(
        "{home}{}",
        &members_page[at..at + "/invitations/".len() + 36 + "/revoke".len()]
    );
    assert_eq!(
        owner.submit(&members_path, &revoke, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        Browser::new(&app).get(&dan_link).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn members_page_manages_roles(app: TestApp) {
    let owner_body = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner_body["token"].as_str().unwrap();
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;
    let owner = Browser::new(&app);
    owner.log_in("olive@acme.test", PASSWORD).await;

    let page = owner.get_text("/w/acme/members").await;
    assert!(page.contains("Mia") && page.contains("mia@acme.test"));
    let response = owner
        .submit(
            "/w/acme/members",
            &format!("/w/acme/members/{}/role", mia.id),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, me) = app.get_json("/api/v1/me", &mia.token).await;
    assert_eq!(me["role"], "admin");

    // A member sees the list but no management controls, and cannot post them.
    let response = owner
        .submit(
            "/w/acme/members",
            &format!("/w/acme/members/{}/role", mia.id),
            &[("role", "member")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = mia.browser.get_text("/w/acme/members").await;
    assert!(!page.contains("/role\""), "no role forms for members");
    let owner_id = owner_body["user"]["id"].as_str().unwrap();
    let response = mia
        .browser
        .submit(
            "/w/acme/members",
            &format!("/w/acme/members/{owner_id}/remove"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = mia
        .browser
        .submit(
            "/w/acme/settings",
            "/w/acme/settings",
            &[
                ("name", "Mine"),
                ("time_zone", "UTC"),
                ("meeting_hourly_cost", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        mia.browser
            .get_text("/w/acme/settings")
            .await
            .contains("Only owners and admins can change these.")
    );

    // Settings: invalid values are shown inline and nothing changes; valid ones save.
    let response = owner
        .submit(
            "/w/acme/settings",
            "/w/acme/settings",
            &[
                ("name", "Acme"),
                ("time_zone", "Europe/Berlin"),
                ("meeting_hourly_cost", "12.345"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("id=\"cost-error\""));
    let (_, workspace) = app.get_json("/api/v1/workspace", token).await;
    assert_eq!(workspace["time_zone"], "UTC");
    let response = owner
        .submit(
            "/w/acme/settings",
            "/w/acme/settings",
            &[
                ("name", "Acme Corp"),
                ("time_zone", "Europe/Berlin"),
                ("meeting_hourly_cost", "120.50"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, workspace) = app.get_json("/api/v1/workspace", token).await;
    assert_eq!(workspace["name"], "Acme Corp");
    assert_eq!(workspace["meeting_hourly_cost_cents"], 12050);

    // Leaving from the page.
    let response = mia
        .browser
        .submit(
            "/w/acme/members",
            &format!("/w/acme/members/{}/remove", mia.id),
            &[],
        )
        .await;
    assert_eq!(location(&response), "/");
    assert_eq!(
        mia.browser.get("/w/acme").await.status(),
        StatusCode::NOT_FOUND
    );
}
