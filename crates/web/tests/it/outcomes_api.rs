//! Outcomes over the REST API: action items, the decision log, templates,
//! and that another workspace's outcomes stay out of reach.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_invalid};
use crate::meetings_api::{add_item, create_meeting, titles};
use crate::on_both_backends;

on_both_backends!(
    action_items_are_filtered_and_followed_up,
    decisions_form_a_searchable_log,
    templates_builtin_and_saved,
    another_workspace_cannot_reach_outcomes,
);

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_string()
}

/// The titles of a list answer, in order.
fn item_titles(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i["title"]
                .as_str()
                .or_else(|| i["statement"].as_str())
                .unwrap()
        })
        .collect()
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let (status, created) = app.call(Method::POST, path, token, Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{path}: {created}");
    created
}

async fn action_items_are_filtered_and_followed_up(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let owner_id = owner["user"]["id"].as_str().unwrap();
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;
    let mia_id = mia.id.to_string();
    let stranger = app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let stranger_id = stranger["user"]["id"].as_str().unwrap();

    let review = create_meeting(
        &app,
        token,
        json!({"title": "Ops review", "starts_at": "2030-07-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let review_id = id(&review["meeting"]);
    let review_item = add_item(&app, token, &review_id, json!({"title": "Incidents"})).await;
    let other = create_meeting(
        &app,
        token,
        json!({"title": "Budget", "starts_at": "2030-07-02T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let other_id = id(&other["meeting"]);
    let other_item = add_item(&app, token, &other_id, json!({"title": "Costs"})).await;

    // Refused input saves nothing.
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/action-items",
            token,
            Some(json!({"title": "Outsource it", "assignee_id": stranger_id})),
        )
        .await;
    assert_invalid(status, &err, "assignee_id");
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/action-items",
            token,
            Some(json!({"title": "Mixed up", "meeting_id": review_id, "agenda_item_id": other_item["id"]})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{err}");
    assert_eq!(err["error"], "not_found");
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/action-items",
            token,
            Some(json!({"title": "No meeting", "agenda_item_id": review_item["id"]})),
        )
        .await;
    assert_invalid(status, &err, "meeting_id");
    for (body, field) in [
        (json!({"title": ""}), "title"),
        (json!({"title": "Soon", "due_on": "soon"}), "due_on"),
        (json!({"title": "Leap", "due_on": "2030-02-30"}), "due_on"),
    ] {
        let (status, err) = app
            .call(Method::POST, "/api/v1/action-items", token, Some(body))
            .await;
        assert_invalid(status, &err, field);
    }
    let (_, all) = app.get_json("/api/v1/action-items", token).await;
    assert_eq!(all["total"], 0);

    // Four valid ones.
    let minutes = post(
        &app,
        token,
        "/api/v1/action-items",
        json!({"title": "Send the minutes", "assignee_id": mia_id, "due_on": "2020-01-15",
               "meeting_id": review_id, "agenda_item_id": review_item["id"]}),
    )
    .await;
    assert_eq!(minutes["status"], "open");
    assert_eq!(minutes["assignee_id"], mia_id.as_str());
    assert_eq!(minutes["assignee_name"], "Mia");
    assert_eq!(minutes["due_on"], "2020-01-15");
    assert_eq!(minutes["meeting_id"], review_id.as_str());
    assert_eq!(minutes["meeting_title"], "Ops review");
    assert_eq!(minutes["agenda_item_id"], review_item["id"]);
    assert_eq!(minutes["series_id"], Value::Null);
    assert_eq!(minutes["roll_count"], 0);
    assert_eq!(minutes["completed_at"], Value::Null);
    let room = post(
        &app,
        token,
        "/api/v1/action-items",
        json!({"title": "Book the room", "assignee_id": mia_id, "due_on": "2099-06-01"}),
    )
    .await;
    assert_eq!(room["meeting_id"], Value::Null);
    let budget = post(
        &app,
        token,
        "/api/v1/action-items",
        json!({"title": "Draft the budget", "assignee_id": owner_id, "due_on": "2099-06-20",
               "meeting_id": other_id}),
    )
    .await;
    let idea = post(
        &app,
        token,
        "/api/v1/action-items",
        json!({"title": "Unassigned idea"}),
    )
    .await;
    assert_eq!(idea["assignee_id"], Value::Null);
    assert_eq!(idea["due_on"], Value::Null);
    let (status, shown) = app
        .get_json(&format!("/api/v1/action-items/{}", id(&minutes)), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown, minutes);
    let (_, detail) = app
        .get_json(&format!("/api/v1/meetings/{review_id}"), token)
        .await;
    assert_eq!(detail["action_items"], json!([minutes]));

    // Filters.
    let list = |query: &str| {
        let path = format!("/api/v1/action-items{query}");
        let app = &app;
        async move {
            let (status, body) = app.get_json(&path, token).await;
            assert_eq!(status, StatusCode::OK, "{path}: {body}");
            body
        }
    };
    let all = list("").await;
    assert_eq!(all["total"], 4);
    assert_eq!(
        item_titles(&all),
        [
            "Unassigned idea",
            "Draft the budget",
            "Book the room",
            "Send the minutes"
        ],
        "newest first"
    );
    let (_, mine) = app
        .get_json("/api/v1/action-items?assignee=me", &mia.token)
        .await;
    assert_eq!(item_titles(&mine), ["Book the room", "Send the minutes"]);
    assert_eq!(mine["total"], 2);
    assert_eq!(
        item_titles(&list("?assignee=me").await),
        ["Draft the budget"]
    );
    assert_eq!(
        item_titles(&list(&format!("?assignee={mia_id}")).await),
        ["Book the room", "Send the minutes"]
    );
    assert_eq!(list("?status=open").await["total"], 4);
    assert_eq!(list("?status=done").await["total"], 0);
    let overdue = list("?overdue=true").await;
    assert_eq!(item_titles(&overdue), ["Send the minutes"]);
    assert_eq!(overdue["total"], 1);
    assert_eq!(list("?overdue=false").await["total"], 4);
    assert_eq!(
        item_titles(&list(&format!("?meeting_id={review_id}")).await),
        ["Send the minutes"]
    );
    assert_eq!(
        item_titles(&list("?due_from=2099-01-01&due_to=2099-06-10").await),
        ["Book the room"]
    );
    assert_eq!(
        item_titles(&list("?due_from=2099-06-01&due_to=2099-06-01").await),
        ["Book the room"],
        "both ends are inclusive"
    );
    assert_eq!(
        item_titles(&list("?due_from=2099-06-01").await),
        ["Draft the budget", "Book the room"]
    );
    assert_eq!(
        item_titles(&list("?due_to=2099-06-19").await),
        ["Book the room", "Send the minutes"]
    );
    assert_eq!(
        item_titles(&list("?assignee=me&status=open&due_from=2099-01-01").await),
        ["Draft the budget"]
    );
    let page = list("?limit=3&offset=3").await;
    assert_eq!(item_titles(&page), ["Send the minutes"]);
    assert_eq!(page["total"], 4);
    for (query, field) in [
        ("?status=finished", "status"),
        ("?due_from=yesterday", "due_from"),
        ("?due_to=2099-13-01", "due_to"),
        ("?assignee=someone", "assignee"),
    ] {
        let (status, err) = app
            .get_json(&format!("/api/v1/action-items{query}"), token)
            .await;
        assert_invalid(status, &err, field);
    }
    let (status, err) = app
        .get_json("/api/v1/action-items?overdue=maybe", token)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");

    // The assignee, a plain member, closes it.
    let minutes_path = format!("/api/v1/action-items/{}", id(&minutes));
    let (status, done) = app
        .call(
            Method::PATCH,
            &minutes_path,
            &mia.token,
            Some(json!({"status": "done"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["status"], "done");
    assert!(done["completed_at"].is_string());
    assert_eq!(done["title"], "Send the minutes", "the rest stays");
    assert_eq!(done["assignee_id"], mia_id.as_str());
    assert_eq!(done["due_on"], "2020-01-15");
    assert_eq!(
        list("?overdue=true").await["total"],
        0,
        "done is not overdue"
    );
    assert_eq!(list("?status=open").await["total"], 3);
    assert_eq!(
        item_titles(&list("?status=done").await),
        ["Send the minutes"]
    );
    let (status, err) = app
        .call(
            Method::PATCH,
            &minutes_path,
            token,
            Some(json!({"status": "finished"})),
        )
        .await;
    assert_invalid(status, &err, "status");
    let (status, reopened) = app
        .call(
            Method::PATCH,
            &minutes_path,
            token,
            Some(json!({"status": "open"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reopened["status"], "open");
    assert_eq!(reopened["completed_at"], Value::Null);

    // Unassigning, re-dating and the refusals.
    let room_path = format!("/api/v1/action-items/{}", id(&room));
    let (status, unassigned) = app
        .call(
            Method::PATCH,
            &room_path,
            token,
            Some(json!({"assignee_id": null})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{unassigned}");
    assert_eq!(unassigned["assignee_id"], Value::Null);
    assert_eq!(unassigned["assignee_name"], Value::Null);
    assert_eq!(unassigned["due_on"], "2099-06-01", "the rest stays");
    assert_eq!(unassigned["title"], "Book the room");
    let (_, mine) = app
        .get_json("/api/v1/action-items?assignee=me", &mia.token)
        .await;
    assert_eq!(item_titles(&mine), ["Send the minutes"]);
    let (status, edited) = app
        .call(
            Method::PATCH,
            &room_path,
            token,
            Some(json!({"title": "Book the big room", "due_on": ""})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(edited["title"], "Book the big room");
    assert_eq!(edited["due_on"], Value::Null);
    assert_eq!(edited["assignee_id"], Value::Null, "omitted is not null");
    for (body, field) in [
        (json!({"assignee_id": stranger_id}), "assignee_id"),
        (json!({"title": " "}), "title"),
        (json!({"due_on": "tomorrow"}), "due_on"),
    ] {
        let (status, err) = app.call(Method::PATCH, &room_path, token, Some(body)).await;
        assert_invalid(status, &err, field);
    }
    let (_, room_now) = app.get_json(&room_path, token).await;
    assert_eq!(room_now, edited, "refused edits change nothing");

    // Deleting.
    let idea_path = format!("/api/v1/action-items/{}", id(&idea));
    let (status, _) = app.call(Method::DELETE, &idea_path, token, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app.get_json(&idea_path, token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.call(Method::DELETE, &idea_path, token, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .call(
            Method::PATCH,
            &idea_path,
            token,
            Some(json!({"status": "done"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let all = list("").await;
    assert_eq!(all["total"], 3);
    assert_eq!(
        item_titles(&all),
        ["Draft the budget", "Book the big room", "Send the minutes"]
    );
    assert_eq!(id(&all["items"][0]), id(&budget));
}

async fn decisions_form_a_searchable_log(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let owner_id = owner["user"]["id"].as_str().unwrap();
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;
    let gus = app
        .add_member(token, "acme", "Gus", "gus@acme.test", "guest")
        .await;
    let stranger = app.api_signup("Beta", "Bob", "bob@beta.test").await;

    let before = chrono::Utc::now().date_naive().to_string();
    let weekly = post(
        &app,
        token,
        "/api/v1/decisions",
        json!({"statement": "Plan weekly", "context": "Sprints slipped twice",
               "rationale": "Shorter FEEDBACK loops catch slips early"}),
    )
    .await;
    let after = chrono::Utc::now().date_naive().to_string();
    assert_eq!(weekly["status"], "decided", "decided by default");
    assert_eq!(weekly["decided_by"], owner_id, "decided by the caller");
    assert_eq!(weekly["decided_by_name"], "Olive");
    let decided_on = weekly["decided_on"].as_str().unwrap();
    assert!(
        decided_on == before || decided_on == after,
        "today: {decided_on}"
    );
    assert_eq!(weekly["superseded_by"], Value::Null);
    assert_eq!(weekly["context"], "Sprints slipped twice");
    assert_eq!(weekly["meeting_id"], Value::Null);

    let pricing = post(
        &app,
        token,
        "/api/v1/decisions",
        json!({"statement": "Raise prices", "rationale": "Margins up 20% next year",
               "decided_by": mia.id, "decided_on": "2030-01-10", "revisit_on": "2030-07-01",
               "status": "proposed"}),
    )
    .await;
    assert_eq!(pricing["status"], "proposed");
    assert_eq!(pricing["decided_by"], mia.id.to_string());
    assert_eq!(pricing["decided_by_name"], "Mia");
    assert_eq!(pricing["decided_on"], "2030-01-10");
    assert_eq!(pricing["revisit_on"], "2030-07-01");
    let meeting = create_meeting(
        &app,
        token,
        json!({"title": "Facilities", "starts_at": "2030-07-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let meeting_id = id(&meeting["meeting"]);
    let topic = add_item(&app, token, &meeting_id, json!({"title": "Office"})).await;
    let office = post(
        &app,
        token,
        "/api/v1/decisions",
        json!({"statement": "Keep the office", "rationale": "The lease is cheap",
               "meeting_id": meeting_id, "agenda_item_id": topic["id"]}),
    )
    .await;
    assert_eq!(office["meeting_id"], meeting_id.as_str());
    assert_eq!(office["meeting_title"], "Facilities");
    assert_eq!(office["agenda_item_id"], topic["id"]);
    let (_, detail) = app
        .get_json(&format!("/api/v1/meetings/{meeting_id}"), token)
        .await;
    assert_eq!(detail["decisions"], json!([office]));

    // Refusals save nothing.
    for (body, field) in [
        (json!({"statement": " "}), "statement"),
        (json!({"statement": "X", "status": "superseded"}), "status"),
        (json!({"statement": "X", "status": "maybe"}), "status"),
        (
            json!({"statement": "X", "decided_by": stranger["user"]["id"]}),
            "decided_by",
        ),
        (
            json!({"statement": "X", "decided_on": "today"}),
            "decided_on",
        ),
        (
            json!({"statement": "X", "revisit_on": "later"}),
            "revisit_on",
        ),
        (
            json!({"statement": "X", "agenda_item_id": topic["id"]}),
            "meeting_id",
        ),
    ] {
        let (status, err) = app
            .call(Method::POST, "/api/v1/decisions", token, Some(body))
            .await;
        assert_invalid(status, &err, field);
    }
    let (status, _) = app
        .call(
            Method::POST,
            "/api/v1/decisions",
            token,
            Some(json!({"statement": "X", "supersedes": uuid::Uuid::new_v4()})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, log) = app.get_json("/api/v1/decisions", token).await;
    assert_eq!(log["total"], 3);
    assert_eq!(
        item_titles(&log),
        ["Keep the office", "Raise prices", "Plan weekly"],
        "newest first"
    );

    // Search: any of statement, context, rationale; case-insensitive; wildcards are literal.
    let search = |q: &str| {
        let path = format!("/api/v1/decisions?q={}", urlencode(q));
        let app = &app;
        async move {
            let (status, body) = app.get_json(&path, token).await;
            assert_eq!(status, StatusCode::OK, "{path}: {body}");
            body
        }
    };
    assert_eq!(item_titles(&search("feedback").await), ["Plan weekly"]);
    assert_eq!(
        item_titles(&search("Feedback Loops").await),
        ["Plan weekly"]
    );
    assert_eq!(item_titles(&search("SLIPPED").await), ["Plan weekly"]);
    assert_eq!(item_titles(&search("office").await), ["Keep the office"]);
    let percent = search("%").await;
    assert_eq!(item_titles(&percent), ["Raise prices"], "% is literal");
    assert_eq!(percent["total"], 1);
    assert_eq!(item_titles(&search("20%").await), ["Raise prices"]);
    assert_eq!(search("2%").await["total"], 0);
    assert_eq!(search("_").await["total"], 0, "_ is literal");
    assert_eq!(search("nothing like this").await["total"], 0);
    assert_eq!(search("").await["total"], 3, "an empty search finds all");
    assert_eq!(
        item_titles(
            &app.get_json("/api/v1/decisions?status=proposed", token)
                .await
                .1
        ),
        ["Raise prices"]
    );
    assert_eq!(
        item_titles(
            &app.get_json(&format!("/api/v1/decisions?meeting_id={meeting_id}"), token)
                .await
                .1
        ),
        ["Keep the office"]
    );

    // Superseding.
    let fortnightly = post(
        &app,
        token,
        "/api/v1/decisions",
        json!({"statement": "Plan every two weeks", "rationale": "Weekly was too often",
               "supersedes": weekly["id"]}),
    )
    .await;
    assert_eq!(fortnightly["status"], "decided");
    let (status, old) = app
        .get_json(&format!("/api/v1/decisions/{}", id(&weekly)), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(old["status"], "superseded");
    assert_eq!(old["superseded_by"], fortnightly["id"]);
    assert_eq!(old["statement"], "Plan weekly", "the record stays");
    let superseded = app
        .get_json("/api/v1/decisions?status=superseded", token)
        .await
        .1;
    assert_eq!(item_titles(&superseded), ["Plan weekly"]);
    // A superseded decision stays superseded: its replacement says what holds now.
    for status_text in ["decided", "proposed"] {
        let (status, err) = app
            .call(
                Method::PATCH,
                &format!("/api/v1/decisions/{}", id(&weekly)),
                token,
                Some(json!({ "status": status_text })),
            )
            .await;
        assert_invalid(status, &err, "status");
    }
    let (_, old_now) = app
        .get_json(&format!("/api/v1/decisions/{}", id(&weekly)), token)
        .await;
    assert_eq!(old_now, old);

    // Status changes.
    let office_path = format!("/api/v1/decisions/{}", id(&office));
    let (status, changed) = app
        .call(
            Method::PATCH,
            &office_path,
            token,
            Some(json!({"status": "proposed"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["status"], "proposed");
    assert_eq!(changed["statement"], "Keep the office");
    for status_text in ["superseded", "maybe"] {
        let (status, err) = app
            .call(
                Method::PATCH,
                &office_path,
                token,
                Some(json!({ "status": status_text })),
            )
            .await;
        assert_invalid(status, &err, "status");
    }
    let (_, office_now) = app.get_json(&office_path, token).await;
    assert_eq!(office_now["status"], "proposed");
    let (status, _) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/decisions/{}", uuid::Uuid::new_v4()),
            token,
            Some(json!({"status": "decided"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Members keep the log too; guests do not see it.
    let (status, _) = app.get_json("/api/v1/decisions", &mia.token).await;
    assert_eq!(status, StatusCode::OK);
    let guest_attempts = [
        (Method::GET, "/api/v1/decisions".to_string(), None),
        (Method::GET, "/api/v1/decisions?q=office".to_string(), None),
        (Method::GET, office_path.clone(), None),
        (
            Method::POST,
            "/api/v1/decisions".to_string(),
            Some(json!({"statement": "Guests rule"})),
        ),
        (
            Method::PATCH,
            office_path.clone(),
            Some(json!({"status": "decided"})),
        ),
    ];
    for (method, path, body) in guest_attempts {
        let (status, err) = app.call(method.clone(), &path, &gus.token, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(err["error"], "forbidden");
        assert!(!err.to_string().contains("office"), "no data leaks");
    }
    let (_, log) = app.get_json("/api/v1/decisions", token).await;
    assert_eq!(log["total"], 4);
    let (_, office_now) = app.get_json(&office_path, token).await;
    assert_eq!(office_now["status"], "proposed");
}

/// Percent-encodes a query value.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const BUILTIN_KEYS: [&str; 11] = [
    "daily-standup",
    "sprint-planning",
    "backlog-refinement",
    "sprint-review",
    "sprint-retrospective",
    "po-sm-sync",
    "weekly-leadership",
    "one-on-one",
    "quarterly-goal-planning",
    "project-kickoff",
    "all-hands",
];

async fn templates_builtin_and_saved(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();

    let (status, list) = app.get_json("/api/v1/templates", token).await;
    assert_eq!(status, StatusCode::OK);
    let listed: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = BUILTIN_KEYS
        .iter()
        .map(|k| format!("builtin:{k}"))
        .collect();
    assert_eq!(listed, expected);
    for template in list["items"].as_array().unwrap() {
        assert_eq!(template["builtin"], true);
        assert!(!template["name"].as_str().unwrap().is_empty());
        assert!(!template["items"].as_array().unwrap().is_empty());
        let planned: i64 = template["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["timebox_minutes"].as_i64().unwrap())
            .sum();
        assert_eq!(planned, template["duration_minutes"], "{}", template["id"]);
    }

    let (status, leadership) = app
        .get_json("/api/v1/templates/builtin:weekly-leadership", token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(leadership["name"], "Weekly leadership meeting");
    assert_eq!(leadership["duration_minutes"], 90);
    assert_eq!(leadership["suggested_rrule"], "FREQ=WEEKLY");
    assert!(
        titles(&leadership).contains(&"Review action items".to_string()),
        "{leadership}"
    );
    for missing in ["builtin:nope", "nope", &uuid::Uuid::new_v4().to_string()] {
        let (status, err) = app
            .get_json(&format!("/api/v1/templates/{missing}"), token)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(err["error"], "not_found");
    }

    // A meeting from a built-in template gets its agenda, duration and purpose.
    let (_, standup) = app
        .get_json("/api/v1/templates/builtin:daily-standup", token)
        .await;
    let from_builtin = create_meeting(
        &app,
        token,
        json!({"title": "Stand-up", "starts_at": "2030-08-01T09:00:00Z", "template": "builtin:daily-standup"}),
    )
    .await;
    assert_eq!(from_builtin["meeting"]["duration_minutes"], 15);
    assert_eq!(from_builtin["meeting"]["purpose"], standup["purpose"]);
    assert_eq!(titles(&from_builtin["agenda"]), titles(&standup));
    assert_eq!(titles(&from_builtin["agenda"]).len(), 3);
    for (made, planned) in from_builtin["agenda"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(standup["items"].as_array().unwrap())
    {
        assert_eq!(made["kind"], planned["kind"]);
        assert_eq!(made["timebox_minutes"], planned["timebox_minutes"]);
        assert_eq!(made["notes"], planned["notes"]);
        assert_eq!(made["proposal"], "accepted");
    }
    assert_eq!(from_builtin["agenda"]["planned_minutes"], 15);
    // Given fields win over the template's.
    let longer = create_meeting(
        &app,
        token,
        json!({"title": "Long stand-up", "starts_at": "2030-08-02T09:00:00Z", "duration_minutes": 20,
               "purpose": "Our own purpose", "template": "builtin:daily-standup"}),
    )
    .await;
    assert_eq!(longer["meeting"]["duration_minutes"], 20);
    assert_eq!(longer["meeting"]["purpose"], "Our own purpose");

    // Save a meeting as a template: accepted items only.
    let design = create_meeting(
        &app,
        token,
        json!({"title": "Design review", "starts_at": "2030-08-03T09:00:00Z", "duration_minutes": 50,
               "purpose": "Agree the design"}),
    )
    .await;
    let design_id = id(&design["meeting"]);
    add_item(
        &app,
        token,
        &design_id,
        json!({"title": "Walkthrough", "timebox_minutes": 20, "notes": "Screens first"}),
    )
    .await;
    add_item(
        &app,
        token,
        &design_id,
        json!({"title": "Questions", "timebox_minutes": 15, "kind": "decision"}),
    )
    .await;
    let parked = add_item(&app, token, &design_id, json!({"title": "Off topic"})).await;
    let (status, _) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/meetings/{design_id}/agenda-items/{}", id(&parked)),
            token,
            Some(json!({"proposal": "parked"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let saved = post(
        &app,
        token,
        "/api/v1/templates",
        json!({"meeting_id": design_id, "name": "Design review", "description": "For UI work"}),
    )
    .await;
    let template_id = id(&saved);
    assert!(uuid::Uuid::parse_str(&template_id).is_ok(), "{template_id}");
    assert_eq!(saved["builtin"], false);
    assert_eq!(saved["name"], "Design review");
    assert_eq!(saved["description"], "For UI work");
    assert_eq!(saved["purpose"], "Agree the design");
    assert_eq!(saved["duration_minutes"], 50);
    assert_eq!(saved["suggested_rrule"], Value::Null);
    assert_eq!(
        saved["items"],
        json!([
            {"title": "Walkthrough", "kind": "discussion", "timebox_minutes": 20, "notes": "Screens first"},
            {"title": "Questions", "kind": "decision", "timebox_minutes": 15, "notes": ""},
        ])
    );
    let template_path = format!("/api/v1/templates/{template_id}");
    let (status, shown) = app.get_json(&template_path, token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown, saved);
    let (_, list) = app.get_json("/api/v1/templates", token).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 12);
    assert_eq!(list["items"][11], saved, "listed with its agenda");
    for (body, field) in [
        (json!({"meeting_id": design_id, "name": " "}), "name"),
        (
            json!({"meeting_id": design_id, "name": "X", "description": "d".repeat(501)}),
            "description",
        ),
    ] {
        let (status, err) = app
            .call(Method::POST, "/api/v1/templates", token, Some(body))
            .await;
        assert_invalid(status, &err, field);
    }
    let (status, _) = app
        .call(
            Method::POST,
            "/api/v1/templates",
            token,
            Some(json!({"meeting_id": uuid::Uuid::new_v4(), "name": "Ghost"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A meeting from the saved template.
    let from_saved = create_meeting(
        &app,
        token,
        json!({"title": "Design review #2", "starts_at": "2030-08-10T09:00:00Z", "template": template_id}),
    )
    .await;
    assert_eq!(titles(&from_saved["agenda"]), ["Walkthrough", "Questions"]);
    assert_eq!(from_saved["agenda"]["items"][0]["notes"], "Screens first");
    assert_eq!(from_saved["agenda"]["items"][1]["kind"], "decision");
    assert_eq!(from_saved["meeting"]["duration_minutes"], 50);
    assert_eq!(from_saved["meeting"]["purpose"], "Agree the design");
    assert_eq!(from_saved["agenda"]["planned_minutes"], 35);

    // Editing it.
    let (status, renamed) = app
        .call(
            Method::PATCH,
            &template_path,
            token,
            Some(json!({"name": "Design critique", "duration_minutes": 45})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renamed}");
    assert_eq!(renamed["name"], "Design critique");
    assert_eq!(renamed["duration_minutes"], 45);
    assert_eq!(renamed["description"], "For UI work", "the rest stays");
    assert_eq!(renamed["items"], saved["items"]);
    for (body, field) in [
        (json!({"name": ""}), "name"),
        (json!({"duration_minutes": 0}), "duration_minutes"),
        (json!({"duration_minutes": 1441}), "duration_minutes"),
    ] {
        let (status, err) = app
            .call(Method::PATCH, &template_path, token, Some(body))
            .await;
        assert_invalid(status, &err, field);
    }
    let (_, shown) = app.get_json(&template_path, token).await;
    assert_eq!(shown, renamed);

    // Built-in templates cannot change.
    for method in [Method::PATCH, Method::DELETE] {
        let (status, err) = app
            .call(
                method.clone(),
                "/api/v1/templates/builtin:weekly-leadership",
                token,
                Some(json!({"name": "Mine now"})),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(err["error"], "not_found");
    }
    let (_, leadership_now) = app
        .get_json("/api/v1/templates/builtin:weekly-leadership", token)
        .await;
    assert_eq!(leadership_now, leadership);

    // Deleting it: meetings made from it stay.
    let (status, _) = app.call(Method::DELETE, &template_path, token, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app.get_json(&template_path, token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.call(Method::DELETE, &template_path, token, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.get_json("/api/v1/templates", token).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 11);
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/meetings",
            token,
            Some(
                json!({"title": "From a deleted template", "starts_at": "2030-08-11T09:00:00Z",
                        "template": template_id}),
            ),
        )
        .await;
    assert_invalid(status, &err, "template");
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/meetings",
            token,
            Some(json!({"title": "Bad template", "starts_at": "2030-08-11T09:00:00Z", "template": "garbage"})),
        )
        .await;
    assert_invalid(status, &err, "template");
    let (status, still) = app
        .get_json(
            &format!("/api/v1/meetings/{}", id(&from_saved["meeting"])),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(titles(&still["agenda"]), ["Walkthrough", "Questions"]);
    let (_, meetings) = app.get_json("/api/v1/meetings", token).await;
    assert_eq!(meetings["total"], 4);
}

async fn another_workspace_cannot_reach_outcomes(app: TestApp) {
    let alpha = app.api_signup("Alpha", "Alice", "alice@alpha.test").await;
    let a_token = alpha["token"].as_str().unwrap();
    let meeting = create_meeting(
        &app,
        a_token,
        json!({"title": "Alpha board", "starts_at": "2030-09-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let meeting_id = id(&meeting["meeting"]);
    let topic = add_item(&app, a_token, &meeting_id, json!({"title": "Secret topic"})).await;
    let action = post(
        &app,
        a_token,
        "/api/v1/action-items",
        json!({"title": "Secret action", "meeting_id": meeting_id}),
    )
    .await;
    let decision = post(
        &app,
        a_token,
        "/api/v1/decisions",
        json!({"statement": "Secret decision", "meeting_id": meeting_id}),
    )
    .await;
    let template = post(
        &app,
        a_token,
        "/api/v1/templates",
        json!({"meeting_id": meeting_id, "name": "Secret template"}),
    )
    .await;
    let (action_id, decision_id, template_id) = (id(&action), id(&decision), id(&template));

    let beta = app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let b_token = beta["token"].as_str().unwrap();
    let own_meeting = create_meeting(
        &app,
        b_token,
        json!({"title": "Beta board", "starts_at": "2030-09-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let own_meeting_id = id(&own_meeting["meeting"]);

    let attempts = [
        (
            Method::GET,
            format!("/api/v1/action-items/{action_id}"),
            None,
        ),
        (
            Method::PATCH,
            format!("/api/v1/action-items/{action_id}"),
            Some(json!({"status": "done"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/action-items/{action_id}"),
            Some(json!({"title": "Hijacked"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/action-items/{action_id}"),
            None,
        ),
        (
            Method::POST,
            "/api/v1/action-items".to_string(),
            Some(json!({"title": "Into Alpha", "meeting_id": meeting_id})),
        ),
        (
            Method::POST,
            "/api/v1/action-items".to_string(),
            Some(
                json!({"title": "Into mine", "meeting_id": own_meeting_id, "agenda_item_id": topic["id"]}),
            ),
        ),
        (
            Method::GET,
            format!("/api/v1/decisions/{decision_id}"),
            None,
        ),
        (
            Method::PATCH,
            format!("/api/v1/decisions/{decision_id}"),
            Some(json!({"status": "proposed"})),
        ),
        (
            Method::POST,
            "/api/v1/decisions".to_string(),
            Some(json!({"statement": "Overrule Alpha", "supersedes": decision_id})),
        ),
        (
            Method::POST,
            "/api/v1/decisions".to_string(),
            Some(json!({"statement": "In Alpha's meeting", "meeting_id": meeting_id})),
        ),
        (
            Method::GET,
            format!("/api/v1/templates/{template_id}"),
            None,
        ),
        (
            Method::PATCH,
            format!("/api/v1/templates/{template_id}"),
            Some(json!({"name": "Hijacked"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/templates/{template_id}"),
            None,
        ),
        (
            Method::POST,
            "/api/v1/templates".to_string(),
            Some(json!({"meeting_id": meeting_id, "name": "Stolen"})),
        ),
        (
            Method::GET,
            format!("/api/v1/series/{}", uuid::Uuid::new_v4()),
            None,
        ),
    ];
    for (method, path, body) in attempts {
        let (status, err) = app.call(method.clone(), &path, b_token, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}: {err}");
        assert_eq!(err["error"], "not_found", "{method} {path}");
        assert!(!err.to_string().contains("Secret"), "no data leaks");
    }
    // Naming Alpha's template is naming no template at all.
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/meetings",
            b_token,
            Some(json!({"title": "Copy", "starts_at": "2030-09-02T09:00:00Z", "template": template_id})),
        )
        .await;
    assert_invalid(status, &err, "template");

    // Bob's lists show none of it.
    let (_, actions) = app.get_json("/api/v1/action-items", b_token).await;
    assert_eq!(actions["total"], 0);
    let (_, actions) = app
        .get_json(
            &format!("/api/v1/action-items?meeting_id={meeting_id}"),
            b_token,
        )
        .await;
    assert_eq!(actions["total"], 0);
    let (_, decisions) = app.get_json("/api/v1/decisions?q=secret", b_token).await;
    assert_eq!(decisions["total"], 0);
    let (_, templates) = app.get_json("/api/v1/templates", b_token).await;
    assert_eq!(templates["items"].as_array().unwrap().len(), 11);
    let (_, meetings) = app.get_json("/api/v1/meetings", b_token).await;
    assert_eq!(meetings["total"], 1);

    // Alpha's outcomes are as they were.
    let (_, action_now) = app
        .get_json(&format!("/api/v1/action-items/{action_id}"), a_token)
        .await;
    assert_eq!(action_now, action);
    let (_, decision_now) = app
        .get_json(&format!("/api/v1/decisions/{decision_id}"), a_token)
        .await;
    assert_eq!(decision_now, decision);
    let (_, template_now) = app
        .get_json(&format!("/api/v1/templates/{template_id}"), a_token)
        .await;
    assert_eq!(template_now, template);
    let (_, log) = app.get_json("/api/v1/decisions", a_token).await;
    assert_eq!(log["total"], 1);
}
