//! The meeting pages in the browser UI, driven over HTTP like a browser without JavaScript
//! (and with the `HX-Request` header where htmx would send it).

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{Browser, PASSWORD, TestApp, csrf_token, location};
use crate::on_both_backends;

on_both_backends!(
    plan_run_and_end_a_meeting_in_the_web_ui,
    bad_meeting_input_is_shown_inline_and_saves_nothing,
    action_items_decisions_and_templates_pages,
    meeting_pages_of_another_workspace_answer_not_found,
    a_meeting_never_held_counts_as_past_a_day_later,
    drafts_are_scheduled_when_ready,
    refusals_save_nothing_and_series_edits_need_rights_to_every_meeting,
    guests_review_only_their_own_action_items,
);

/// Creates a meeting through the form; returns its path.
async fn create_meeting(browser: &Browser, fields: &[(&str, &str)]) -> String {
    let response = browser
        .submit("/w/acme/meetings/new", "/w/acme/meetings", fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "meeting created");
    location(&response)
}

async fn plan_run_and_end_a_meeting_in_the_web_ui(app: TestApp) {
    let browser = Browser::new(&app);
    browser.sign_up("Acme", "Ada", "ada@acme.test").await;
    let empty = browser.get_text("/w/acme/meetings").await;
    assert!(empty.contains("Nothing planned"), "a useful empty state");

    let path = create_meeting(
        &browser,
        &[
            ("template", "builtin:daily-standup"),
            ("title", "Stand-up"),
            ("purpose", "Unblock the sprint"),
            ("starts_at", "2030-01-07T09:00"),
            ("duration_minutes", ""),
        ],
    )
    .await;
    let page = browser.get_text(&path).await;
    assert!(page.contains("Stand-up") && page.contains("Unblock the sprint"));
    assert!(
        page.contains("<span class=\"num\">15</span> of <span class=\"num\">15</span> min planned"),
        "template agenda and duration"
    );
    assert!(
        page.contains("7 Jan 2030, 09:00"),
        "shown in the viewer's time zone (Europe/Berlin)"
    );

    // htmx adds an item and answers with the agenda fragment only.
    let csrf = csrf_token(&page);
    let response = browser
        .client
        .post(app.url(&format!("{path}/agenda")))
        .header("hx-request", "true")
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("title", "Release checklist"),
            ("timebox_minutes", "10"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let fragment = response.text().await.unwrap();
    assert!(
        fragment.starts_with("<section class=\"card\" id=\"agenda\""),
        "{fragment}"
    );
    assert!(fragment.contains("Release checklist"));
    assert!(
        fragment.contains("longer than the meeting"),
        "25 min planned in a 15 min meeting warns"
    );
    // A bad timebox is refused inside the fragment and saves nothing.
    let response = browser
        .client
        .post(app.url(&format!("{path}/agenda")))
        .header("hx-request", "true")
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("title", "Too long"),
            ("timebox_minutes", "0"),
        ])
        .send()
        .await
        .unwrap();
    let fragment = response.text().await.unwrap();
    assert!(fragment.contains("from 1 to 1440") && !fragment.contains("Too long"));

    // Keyboard reordering: move the new (last) item up one place.
    let item_id = {
        let at = fragment.rfind("/agenda/").unwrap();
        fragment[at + "/agenda/".len()..at + "/agenda/".len() + 36].to_string()
    };
    let response = browser
        .submit(
            &path,
            &format!("{path}/agenda/{item_id}/move"),
            &[("by", "-1")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let token = app.api_token("ada@acme.test", "acme").await;
    let meeting_id = path.rsplit('/').next().unwrap();
    let (_, agenda) = app
        .get_json(
            &format!("/api/v1/meetings/{meeting_id}/agenda-items"),
            &token,
        )
        .await;
    let titles: Vec<&str> = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles[titles.len() - 2],
        "Release checklist",
        "moved up one place: {titles:?}"
    );

    // Start → run mode → record outcomes → mark discussed → end → summary.
    let response = browser.submit(&path, &format!("{path}/start"), &[]).await;
    assert_eq!(location(&response), format!("{path}/run"));
    let run = browser.get_text(&format!("{path}/run")).await;
    assert!(run.contains("data-countdown") && run.contains("Mark discussed"));
    let response = browser
        .submit(
            &format!("{path}/run"),
            &format!("{path}/outcomes"),
            &[
                ("kind", "decision"),
                ("text", "Ship on Thursday"),
                ("rationale", "QA needs a day"),
                ("back", "run"),
            ],
        )
        .await;
    assert_eq!(location(&response), format!("{path}/run"));
    let response = browser
        .submit(
            &format!("{path}/run"),
            &format!("{path}/outcomes"),
            &[
                ("kind", "action"),
                ("text", "Book the demo room"),
                ("due_on", "2030-01-08"),
                ("back", "run"),
            ],
        )
        .await;
    assert_eq!(location(&response), format!("{path}/run"));
    let response = browser
        .submit(
            &format!("{path}/run"),
            &format!("{path}/outcomes"),
            &[("kind", "action"), ("text", ""), ("back", "run")],
        )
        .await;
    assert_eq!(
        location(&response),
        format!("{path}/run"),
        "an empty action is refused with a message"
    );
    assert!(
        browser
            .get_text(&format!("{path}/run"))
            .await
            .contains("Give it a title.")
    );
    let response = browser
        .submit(
            &format!("{path}/run"),
            &format!("{path}/run/go"),
            &[("to", "next")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = browser.submit(&path, &format!("{path}/end"), &[]).await;
    assert_eq!(location(&response), format!("{path}/summary"));
    let summary = browser.get_text(&format!("{path}/summary")).await;
    assert!(summary.contains("Ship on Thursday") && summary.contains("Book the demo room"));
    let markdown = browser.get(&format!("{path}/summary.md")).await;
    assert_eq!(
        markdown.headers()["content-type"],
        "text/markdown; charset=utf-8"
    );
    let markdown = markdown.text().await.unwrap();
    assert!(markdown.starts_with("# Stand-up"));
    assert!(
        markdown.contains("- Ship on Thursday")
            && markdown.contains("- [ ] Book the demo room — unassigned, due 8 Jan 2030")
    );
    assert!(markdown.contains("| Release checklist | 10 min |"));
    // An ended meeting takes no more agenda items.
    let response = browser
        .submit(&path, &format!("{path}/agenda"), &[("title", "Late topic")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(!browser.get_text(&path).await.contains("Late topic"));
    let past = browser.get_text("/w/acme/meetings?view=past").await;
    assert!(past.contains("Stand-up"));
}

async fn bad_meeting_input_is_shown_inline_and_saves_nothing(app: TestApp) {
    let browser = Browser::new(&app);
    browser.sign_up("Acme", "Ada", "ada@acme.test").await;
    let cases: [(&[(&str, &str)], &str); 5] = [
        (
            &[
                ("title", ""),
                ("starts_at", "2030-01-07T09:00"),
                ("duration_minutes", "30"),
            ],
            "title",
        ),
        (
            &[
                ("title", "Sync"),
                ("starts_at", "soon"),
                ("duration_minutes", "30"),
            ],
            "starts_at",
        ),
        (
            &[
                ("title", "Sync"),
                ("starts_at", "2030-01-07T09:00"),
                ("duration_minutes", "0"),
            ],
            "duration_minutes",
        ),
        (
            &[
                ("title", "Sync"),
                ("starts_at", "2030-01-07T09:00"),
                ("duration_minutes", "30"),
                ("repeat", "custom"),
                ("rrule", "FREQ=SOMETIMES"),
            ],
            "rrule",
        ),
        // 02:30 on 31 March 2030 does not exist in Berlin (clocks skip it).
        (
            &[
                ("title", "Sync"),
                ("starts_at", "2030-03-31T02:30"),
                ("duration_minutes", "30"),
            ],
            "starts_at",
        ),
    ];
    for (fields, field) in cases {
        let response = browser
            .submit("/w/acme/meetings/new", "/w/acme/meetings", fields)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        let page = response.text().await.unwrap();
        assert!(
            page.contains("class=\"field-error\""),
            "{field}: error shown inline"
        );
        assert!(
            page.contains("value=\"Sync\"") || field == "title",
            "typed values kept"
        );
    }
    let list = browser.get_text("/w/acme/meetings").await;
    assert!(list.contains("Nothing planned"), "nothing was saved");

    // A weekly series through the form.
    create_meeting(
        &browser,
        &[
            ("title", "Weekly sync"),
            ("purpose", "Stay aligned"),
            ("starts_at", "2030-01-07T09:00"),
            ("duration_minutes", "30"),
            ("repeat", "weekly"),
            ("count", "3"),
        ],
    )
    .await;
    let page = browser.get_text("/w/acme/meetings").await;
    assert_eq!(page.matches("Weekly sync").count(), 3);
}

async fn action_items_decisions_and_templates_pages(app: TestApp) {
    let signup = app.api_signup("Acme", "Ada", "ada@acme.test").await;
    let token = signup["token"].as_str().unwrap();
    let browser = Browser::new(&app);
    browser.log_in("ada@acme.test", PASSWORD).await;
    let me = signup["user"]["id"].as_str().unwrap();
    let created: Value = app
        .api(reqwest::Method::POST, "/api/v1/action-items", token, Some(serde_json::json!({"title": "Send the minutes", "assignee_id": me, "due_on": "2020-01-01"})))
        .await
        .json()
        .await
        .unwrap();
    let action_id = created["id"].as_str().unwrap();
    let mine = browser.get_text("/w/acme/actions").await;
    assert!(mine.contains("Send the minutes") && mine.contains("Overdue"));
    // Mark done from the list with htmx: the row is swapped.
    let csrf = csrf_token(&mine);
    let response = browser
        .client
        .post(app.url(&format!("/w/acme/actions/{action_id}/status")))
        .header("hx-request", "true")
        .form(&[("csrf_token", csrf.as_str()), ("status", "done")])
        .send()
        .await
        .unwrap();
    let row = response.text().await.unwrap();
    assert!(row.starts_with(&format!("<tr id=\"action-{action_id}\"")) && row.contains("Reopen"));
    assert!(
        !browser
            .get_text("/w/acme/actions")
            .await
            .contains("Send the minutes"),
        "done items leave my list"
    );
    let meeting: Value = app
        .api(
            reqwest::Method::POST,
            "/api/v1/meetings",
            token,
            Some(serde_json::json!({"title": "Retro", "starts_at": "2030-01-07T09:00:00Z", "duration_minutes": 60})),
        )
        .await
        .json()
        .await
        .unwrap();
    let meeting_id = meeting["meeting"]["id"].as_str().unwrap();
    app.api(
        reqwest::Method::POST,
        "/api/v1/action-items",
        token,
        Some(serde_json::json!({"title": "Fix the flaky build", "meeting_id": meeting_id})),
    )
    .await;
    let one_meeting = browser
        .get_text(&format!("/w/acme/actions?view=all&meeting_id={meeting_id}"))
        .await;
    assert!(
        one_meeting.contains("Fix the flaky build") && !one_meeting.contains("Send the minutes")
    );
    let all = browser
        .get_text("/w/acme/actions?view=all&status=done")
        .await;
    assert!(all.contains("Send the minutes"));

    app.api(reqwest::Method::POST, "/api/v1/decisions", token, Some(serde_json::json!({"statement": "Adopt trunk-based development", "rationale": "Fewer merge conflicts"}))).await;
    app.api(
        reqwest::Method::POST,
        "/api/v1/decisions",
        token,
        Some(serde_json::json!({"statement": "Keep Friday demos"})),
    )
    .await;
    let log = browser.get_text("/w/acme/decisions?q=MERGE").await;
    assert!(log.contains("Adopt trunk-based development") && !log.contains("Keep Friday demos"));
    assert!(
        browser
            .get_text("/w/acme/decisions?q=nothing-like-this")
            .await
            .contains("No decision matches")
    );

    let gallery = browser.get_text("/w/acme/templates").await;
    assert_eq!(
        gallery.matches("class=\"card template-card\"").count(),
        11,
        "the built-in templates"
    );
    let form = browser
        .get_text("/w/acme/meetings/new?template=builtin:sprint-retrospective")
        .await;
    assert!(form.contains("value=\"builtin:sprint-retrospective\" selected"));
    let weekly = browser
        .get_text("/w/acme/meetings/new?template=builtin:weekly-leadership")
        .await;
    assert!(
        weekly.contains("<option value=\"weekly\" selected>"),
        "the suggested recurrence is preselected"
    );
    let quarterly = browser
        .get_text("/w/acme/meetings/new?template=builtin:quarterly-goal-planning")
        .await;
    assert!(
        quarterly.contains("<option value=\"custom\" selected>")
            && quarterly.contains("value=\"FREQ=MONTHLY;INTERVAL=3\""),
        "a rule that is no preset is offered as a custom rule"
    );
}

async fn meeting_pages_of_another_workspace_answer_not_found(app: TestApp) {
    let a = app.api_signup("Alpha", "Alice", "alice@alpha.test").await;
    let a_token = a["token"].as_str().unwrap();
    let meeting: Value = app
        .api(reqwest::Method::POST, "/api/v1/meetings", a_token, Some(serde_json::json!({"title": "Alpha board", "starts_at": "2030-01-07T09:00:00Z", "duration_minutes": 30})))
        .await
        .json()
        .await
        .unwrap();
    let id = meeting["meeting"]["id"].as_str().unwrap();
    let item = meeting["agenda"]["items"]
        .as_array()
        .unwrap()
        .first()
        .cloned();
    assert!(item.is_none());
    app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let bob = Browser::new(&app);
    bob.log_in("bob@beta.test", PASSWORD).await;
    for path in [
        format!("/w/alpha/meetings/{id}"),
        format!("/w/beta/meetings/{id}"),
        format!("/w/beta/meetings/{id}/run"),
        format!("/w/beta/meetings/{id}/summary.md"),
    ] {
        assert_eq!(
            bob.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    for action in [
        "start", "end", "cancel", "delete", "agenda", "outcomes", "template",
    ] {
        let response = bob
            .submit(
                "/w/beta/meetings",
                &format!("/w/beta/meetings/{id}/{action}"),
                &[
                    ("title", "x"),
                    ("kind", "decision"),
                    ("text", "x"),
                    ("name", "x"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{action}");
    }
    let (_, detail) = app
        .get_json(&format!("/api/v1/meetings/{id}"), a_token)
        .await;
    assert_eq!(detail["meeting"]["status"], "scheduled");
    assert_eq!(detail["agenda"]["items"].as_array().unwrap().len(), 0);
}

async fn a_meeting_never_held_counts_as_past_a_day_later(app: TestApp) {
    let signup = app.api_signup("Acme", "Ada", "ada@acme.test").await;
    let token = signup["token"].as_str().unwrap();
    let now = chrono::Utc::now();
    for (title, starts) in [
        ("Missed sync", now - chrono::Duration::days(3)),
        ("Late start", now - chrono::Duration::hours(2)),
        ("Tomorrow", now + chrono::Duration::days(1)),
    ] {
        let response = app
            .api(reqwest::Method::POST, "/api/v1/meetings", token, Some(serde_json::json!({"title": title, "starts_at": starts.to_rfc3339(), "duration_minutes": 30})))
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let titles = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["title"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let (_, upcoming) = app.get_json("/api/v1/meetings?scope=upcoming", token).await;
    assert_eq!(
        titles(&upcoming),
        ["Late start", "Tomorrow"],
        "a meeting that may still start late stays upcoming"
    );
    let (_, past) = app.get_json("/api/v1/meetings?scope=past", token).await;
    assert_eq!(titles(&past), ["Missed sync"]);
}

async fn drafts_are_scheduled_when_ready(app: TestApp) {
    let signup = app.api_signup("Acme", "Ada", "ada@acme.test").await;
    let token = signup["token"].as_str().unwrap();
    let created: Value = app
        .api(reqwest::Method::POST, "/api/v1/meetings", token, Some(serde_json::json!({"title": "Offsite", "starts_at": "2030-03-01T09:00:00Z", "duration_minutes": 240, "draft": true})))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(created["meeting"]["status"], "draft");
    let id = created["meeting"]["id"].as_str().unwrap();
    let browser = Browser::new(&app);
    browser.log_in("ada@acme.test", PASSWORD).await;
    let page = browser.get_text(&format!("/w/acme/meetings/{id}")).await;
    assert!(page.contains(">Draft<") && page.contains("/schedule\""));
    let response = browser
        .submit(
            &format!("/w/acme/meetings/{id}"),
            &format!("/w/acme/meetings/{id}/schedule"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, detail) = app.get_json(&format!("/api/v1/meetings/{id}"), token).await;
    assert_eq!(detail["meeting"]["status"], "scheduled");
    let response = app
        .api(
            reqwest::Method::POST,
            &format!("/api/v1/meetings/{id}/schedule"),
            token,
            None,
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "only drafts are scheduled"
    );
    // The web form creates drafts too.
    let response = browser
        .submit(
            "/w/acme/meetings/new",
            "/w/acme/meetings",
            &[
                ("title", "Planning later"),
                ("starts_at", "2030-03-02T09:00"),
                ("duration_minutes", "30"),
                ("draft", "1"),
            ],
        )
        .await;
    let page = browser.get_text(&location(&response)).await;
    assert!(page.contains(">Draft<"));
}

async fn refusals_save_nothing_and_series_edits_need_rights_to_every_meeting(app: TestApp) {
    let signup = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = signup["token"].as_str().unwrap();
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;
    let series: Value = app
        .api(
            reqwest::Method::POST,
            "/api/v1/series",
            token,
            Some(serde_json::json!({"title": "Sync", "starts_at": "2030-01-07T09:00:00Z", "duration_minutes": 30, "rrule": "weekly", "count": 3})),
        )
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<String> = series["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    // Mia facilitates only the second meeting.
    let response = app
        .api(
            reqwest::Method::PATCH,
            &format!("/api/v1/meetings/{}", ids[1]),
            token,
            Some(serde_json::json!({"facilitator_id": mia.id})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .api(
            reqwest::Method::PATCH,
            &format!("/api/v1/meetings/{}", ids[1]),
            &mia.token,
            Some(serde_json::json!({"title": "Mia's sync", "scope": "following"})),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "the third meeting is not hers to re-plan"
    );
    let (_, third) = app
        .get_json(&format!("/api/v1/meetings/{}", ids[2]), token)
        .await;
    assert_eq!(third["meeting"]["title"], "Sync");
    let response = app
        .api(
            reqwest::Method::PATCH,
            &format!("/api/v1/meetings/{}", ids[1]),
            &mia.token,
            Some(serde_json::json!({"title": "Mia's sync"})),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "her own meeting she may re-plan"
    );
    let (_, second) = app
        .get_json(&format!("/api/v1/meetings/{}", ids[1]), token)
        .await;
    assert_eq!(second["meeting"]["title"], "Mia's sync");

    // A member may edit an item but not accept proposals: the whole PATCH is refused, nothing saved.
    let item: Value = app
        .api(
            reqwest::Method::POST,
            &format!("/api/v1/meetings/{}/agenda-items", ids[0]),
            token,
            Some(serde_json::json!({"title": "Budget"})),
        )
        .await
        .json()
        .await
        .unwrap();
    let item_id = item["id"].as_str().unwrap();
    let response = app
        .api(
            reqwest::Method::PATCH,
            &format!("/api/v1/meetings/{}/agenda-items/{item_id}", ids[0]),
            &mia.token,
            Some(serde_json::json!({"title": "Renamed", "proposal": "parked"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let (_, agenda) = app
        .get_json(&format!("/api/v1/meetings/{}/agenda-items", ids[0]), token)
        .await;
    assert_eq!(agenda["items"][0]["title"], "Budget");
    assert_eq!(agenda["items"][0]["proposal"], "accepted");
}

async fn guests_review_only_their_own_action_items(app: TestApp) {
    let signup = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = signup["token"].as_str().unwrap();
    let olive = signup["user"]["id"].as_str().unwrap().to_string();
    let gus = app
        .add_member(token, "acme", "Gus", "gus@acme.test", "guest")
        .await;
    let series: Value = app
        .api(
            reqwest::Method::POST,
            "/api/v1/series",
            token,
            Some(serde_json::json!({"title": "Board", "purpose": "Oversight", "starts_at": "2030-01-07T09:00:00Z",
                "duration_minutes": 30, "rrule": "weekly", "count": 2, "attendee_ids": [gus.id]})),
        )
        .await
        .json()
        .await
        .unwrap();
    let first = series["meetings"][0]["id"].as_str().unwrap().to_string();
    let second = series["meetings"][1]["id"].as_str().unwrap().to_string();
    for (title, who) in [
        ("Follow-up for Olive", olive.clone()),
        ("Follow-up for Gus", gus.id.to_string()),
    ] {
        let response = app
            .api(
                reqwest::Method::POST,
                "/api/v1/action-items",
                token,
                Some(serde_json::json!({"title": title, "assignee_id": who, "meeting_id": first})),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    app.api(
        reqwest::Method::POST,
        &format!("/api/v1/meetings/{first}/start"),
        token,
        None,
    )
    .await;
    app.api(
        reqwest::Method::POST,
        &format!("/api/v1/meetings/{first}/end"),
        token,
        None,
    )
    .await;
    let owner = Browser::new(&app);
    owner.log_in("olive@acme.test", PASSWORD).await;
    let page = owner.get_text(&format!("/w/acme/meetings/{second}")).await;
    assert!(page.contains("Follow-up for Olive"));
    assert!(page.contains("Follow-up for Gus"));
    let page = gus
        .browser
        .get_text(&format!("/w/acme/meetings/{second}"))
        .await;
    assert!(page.contains("Follow-up for Gus"), "their own item");
    assert!(!page.contains("Follow-up for Olive"), "not someone else's");
}
