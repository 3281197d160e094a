//! Meetings and their agenda over the REST API: create, read, edit, list,
//! the lifecycle, agenda items, who may do what, and workspace isolation.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_invalid};
use crate::on_both_backends;

on_both_backends!(
    meetings_are_created_read_edited_and_listed,
    bad_meeting_input_saves_nothing,
    meeting_lifecycle,
    agenda_items_are_planned_and_reordered,
    meeting_permissions_follow_roles,
    someone_who_left_does_not_block_edits,
    another_workspace_cannot_reach_meetings,
);

/// Creates a meeting with `body` and returns its detail.
pub async fn create_meeting(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, detail) = app
        .call(Method::POST, "/api/v1/meetings", token, Some(body))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    detail
}

/// Adds an agenda item and returns it.
pub async fn add_item(app: &TestApp, token: &str, meeting: &str, body: Value) -> Value {
    let (status, item) = app
        .call(
            Method::POST,
            &format!("/api/v1/meetings/{meeting}/agenda-items"),
            token,
            Some(body),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{item}");
    item
}

/// The agenda's titles, in order.
pub fn titles(agenda: &Value) -> Vec<String> {
    agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

fn ids(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect()
}

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_string()
}

async fn meetings_are_created_read_edited_and_listed(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let owner_id = owner["user"]["id"].as_str().unwrap();
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;

    let detail = create_meeting(
        &app,
        token,
        json!({"title": "Weekly sync", "starts_at": "2030-01-07T09:00:00+01:00", "duration_minutes": 45}),
    )
    .await;
    let meeting = &detail["meeting"];
    let meeting_id = id(meeting);
    assert_eq!(meeting["title"], "Weekly sync");
    assert_eq!(
        meeting["starts_at"], "2030-01-07T08:00:00Z",
        "stored in UTC"
    );
    assert_eq!(meeting["ends_at"], "2030-01-07T08:45:00Z");
    assert_eq!(meeting["duration_minutes"], 45);
    assert_eq!(meeting["status"], "scheduled");
    assert_eq!(meeting["purpose"], "");
    assert_eq!(meeting["series_id"], Value::Null);
    assert_eq!(meeting["created_by"], owner_id);
    assert_eq!(
        meeting["facilitator_id"], owner_id,
        "the creator facilitates"
    );
    assert_eq!(meeting["current_item_id"], Value::Null);
    assert_eq!(
        detail["attendees"],
        json!([{"user_id": owner_id, "name": "Olive"}])
    );
    assert_eq!(
        detail["agenda"],
        json!({"items": [], "planned_minutes": 0, "duration_minutes": 45})
    );
    assert_eq!(detail["action_items"], json!([]));
    assert_eq!(detail["decisions"], json!([]));

    let (status, shown) = app
        .get_json(&format!("/api/v1/meetings/{meeting_id}"), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown, detail, "GET answers what POST answered");

    let (status, patched) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/meetings/{meeting_id}"),
            token,
            Some(json!({"title": "Weekly team sync"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["meeting"]["title"], "Weekly team sync");
    assert_eq!(
        patched["meeting"]["starts_at"], "2030-01-07T08:00:00Z",
        "omitted fields stay"
    );
    assert_eq!(patched["meeting"]["duration_minutes"], 45);
    assert_eq!(patched["attendees"], detail["attendees"]);
    let (_, shown) = app
        .get_json(&format!("/api/v1/meetings/{meeting_id}"), token)
        .await;
    assert_eq!(shown["meeting"]["title"], "Weekly team sync");

    // More meetings: one Mia attends, one Mia runs without Olive, one cancelled.
    let planning = create_meeting(
        &app,
        token,
        json!({"title": "Planning", "starts_at": "2030-01-09T10:00:00Z", "duration_minutes": 60,
               "attendee_ids": [mia.id]}),
    )
    .await;
    let planning_id = id(&planning["meeting"]);
    let names: Vec<&str> = planning["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Mia", "Olive"]);
    let mias = create_meeting(
        &app,
        &mia.token,
        json!({"title": "Mia's 1:1 prep", "starts_at": "2030-01-08T10:00:00Z", "duration_minutes": 15}),
    )
    .await;
    let mias_id = id(&mias["meeting"]);
    let retro = create_meeting(
        &app,
        token,
        json!({"title": "Retro", "starts_at": "2030-01-10T10:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let retro_id = id(&retro["meeting"]);
    let (status, _) = app
        .call(
            Method::POST,
            &format!("/api/v1/meetings/{retro_id}/cancel"),
            token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, upcoming) = app.get_json("/api/v1/meetings", token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(upcoming["total"], 3);
    assert_eq!(
        ids(&upcoming),
        [meeting_id.as_str(), mias_id.as_str(), planning_id.as_str()],
        "upcoming is the default scope, soonest first"
    );
    let (_, same) = app.get_json("/api/v1/meetings?scope=upcoming", token).await;
    assert_eq!(same, upcoming);
    let (_, past) = app.get_json("/api/v1/meetings?scope=past", token).await;
    assert_eq!(past["total"], 1);
    assert_eq!(ids(&past), [retro_id.as_str()]);
    assert_eq!(past["items"][0]["status"], "cancelled");

    let (_, mine) = app.get_json("/api/v1/meetings?scope=mine", token).await;
    assert_eq!(
        ids(&mine),
        [meeting_id.as_str(), planning_id.as_str()],
        "not Mia's own"
    );
    assert_eq!(mine["total"], 2);
    let (_, mine) = app
        .get_json("/api/v1/meetings?scope=mine", &mia.token)
        .await;
    assert_eq!(ids(&mine), [mias_id.as_str(), planning_id.as_str()]);
    let (_, all) = app.get_json("/api/v1/meetings", &mia.token).await;
    assert_eq!(all["total"], 3, "members see every meeting");

    // Pagination.
    let (_, page) = app.get_json("/api/v1/meetings?limit=2", token).await;
    assert_eq!(page["total"], 3);
    assert_eq!(page["limit"], 2);
    assert_eq!(page["offset"], 0);
    assert_eq!(ids(&page), [meeting_id.as_str(), mias_id.as_str()]);
    let (_, page) = app
        .get_json("/api/v1/meetings?limit=2&offset=2", token)
        .await;
    assert_eq!(page["total"], 3);
    assert_eq!(page["offset"], 2);
    assert_eq!(ids(&page), [planning_id.as_str()]);
    let (_, page) = app
        .get_json("/api/v1/meetings?limit=2&offset=4", token)
        .await;
    assert_eq!(page["items"], json!([]));
    assert_eq!(page["total"], 3);

    // A time range: meetings starting in [from, to).
    let (status, range) = app
        .get_json(
            "/api/v1/meetings?from=2030-01-08T00:00:00Z&to=2030-01-10T10:00:00Z",
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ids(&range), [mias_id.as_str(), planning_id.as_str()]);

    let (status, err) = app.get_json("/api/v1/meetings?scope=someday", token).await;
    assert_invalid(status, &err, "scope");
    let (status, err) = app.get_json("/api/v1/meetings?limit=lots", token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], "invalid_query");
    let (status, err) = app
        .get_json(&format!("/api/v1/meetings/{}", uuid::Uuid::new_v4()), token)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["error"], "not_found");
    let (status, _) = app.get_json("/api/v1/meetings/not-a-uuid", token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn bad_meeting_input_saves_nothing(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let stranger = app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let stranger_id = stranger["user"]["id"].as_str().unwrap();
    let kept = create_meeting(
        &app,
        token,
        json!({"title": "Kept", "starts_at": "2030-02-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let kept_id = id(&kept["meeting"]);

    let valid =
        json!({"title": "Board prep", "starts_at": "2030-02-02T09:00:00Z", "duration_minutes": 30});
    let with = |key: &str, value: Value| {
        let mut body = valid.clone();
        body[key] = value;
        body
    };
    let cases = [
        (with("title", json!("   ")), "title"),
        (with("title", json!("x".repeat(201))), "title"),
        (with("starts_at", json!("next tuesday")), "starts_at"),
        (
            with("starts_at", json!("2030-02-30T09:00:00Z")),
            "starts_at",
        ),
        (with("duration_minutes", json!(0)), "duration_minutes"),
        (with("duration_minutes", json!(1441)), "duration_minutes"),
        (with("facilitator_id", json!(stranger_id)), "facilitator_id"),
        (with("note_taker_id", json!(stranger_id)), "note_taker_id"),
        (with("attendee_ids", json!([stranger_id])), "attendee_ids"),
        (with("template", json!("builtin:no-such-thing")), "template"),
    ];
    for (body, field) in cases {
        let (status, err) = app
            .call(Method::POST, "/api/v1/meetings", token, Some(body))
            .await;
        assert_invalid(status, &err, field);
        assert!(!err["message"].as_str().unwrap().is_empty());
    }
    // The limits themselves are fine.
    let (status, edge) = app
        .call(
            Method::POST,
            "/api/v1/meetings",
            token,
            Some(with("duration_minutes", json!(1440))),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let edge_id = id(&edge["meeting"]);
    let (status, _) = app
        .call(
            Method::DELETE,
            &format!("/api/v1/meetings/{edge_id}"),
            token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // Bad edits change nothing either.
    let path = format!("/api/v1/meetings/{kept_id}");
    let edits = [
        (json!({"title": ""}), "title"),
        (json!({"starts_at": "soon"}), "starts_at"),
        (json!({"duration_minutes": 0}), "duration_minutes"),
        (json!({"facilitator_id": stranger_id}), "facilitator_id"),
        (
            json!({"title": "Renamed", "attendee_ids": [stranger_id]}),
            "attendee_ids",
        ),
        (json!({"title": "Renamed", "scope": "all"}), "scope"),
    ];
    for (body, field) in edits {
        let (status, err) = app.call(Method::PATCH, &path, token, Some(body)).await;
        assert_invalid(status, &err, field);
    }
    let (_, after) = app.get_json(&path, token).await;
    assert_eq!(after, kept, "the meeting is unchanged");

    let (_, list) = app.get_json("/api/v1/meetings", token).await;
    assert_eq!(list["total"], 1, "nothing was saved");
    assert_eq!(ids(&list), [kept_id.as_str()]);
    let (_, past) = app.get_json("/api/v1/meetings?scope=past", token).await;
    assert_eq!(past["total"], 0);
}

async fn meeting_lifecycle(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let detail = create_meeting(
        &app,
        token,
        json!({"title": "Launch review", "starts_at": "2030-03-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let meeting_id = id(&detail["meeting"]);
    let path = format!("/api/v1/meetings/{meeting_id}");
    let first = add_item(&app, token, &meeting_id, json!({"title": "Metrics"})).await;
    add_item(&app, token, &meeting_id, json!({"title": "Risks"})).await;

    let (status, err) = app
        .call(Method::POST, &format!("{path}/start"), token, None)
        .await;
    assert_invalid(status, &err, "purpose");
    let (_, still) = app.get_json(&path, token).await;
    assert_eq!(still["meeting"]["status"], "scheduled");
    assert_eq!(still["meeting"]["started_at"], Value::Null);

    let (status, _) = app
        .call(
            Method::PATCH,
            &path,
            token,
            Some(json!({"purpose": "Decide whether we launch on Monday"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, started) = app
        .call(Method::POST, &format!("{path}/start"), token, None)
        .await;
    assert_eq!(status, StatusCode::OK, "{started}");
    assert_eq!(started["meeting"]["status"], "in_progress");
    assert_eq!(started["meeting"]["current_item_id"], first["id"]);
    assert!(started["meeting"]["started_at"].is_string());
    assert_eq!(
        started["meeting"]["purpose"],
        "Decide whether we launch on Monday"
    );

    // A running meeting keeps its start time and cannot start again or be cancelled.
    let (status, err) = app
        .call(
            Method::PATCH,
            &path,
            token,
            Some(json!({"starts_at": "2030-03-02T09:00:00Z"})),
        )
        .await;
    assert_invalid(status, &err, "starts_at");
    let (status, err) = app
        .call(Method::POST, &format!("{path}/start"), token, None)
        .await;
    assert_invalid(status, &err, "status");
    let (status, err) = app
        .call(Method::POST, &format!("{path}/cancel"), token, None)
        .await;
    assert_invalid(status, &err, "status");

    let (status, ended) = app
        .call(Method::POST, &format!("{path}/end"), token, None)
        .await;
    assert_eq!(status, StatusCode::OK, "{ended}");
    assert_eq!(ended["meeting"]["status"], "ended");
    assert!(ended["meeting"]["ended_at"].is_string());
    assert_eq!(ended["meeting"]["current_item_id"], Value::Null);
    let (status, err) = app
        .call(Method::POST, &format!("{path}/end"), token, None)
        .await;
    assert_invalid(status, &err, "status");
    let (status, err) = app
        .call(Method::POST, &format!("{path}/start"), token, None)
        .await;
    assert_invalid(status, &err, "status");
    let (_, still) = app.get_json(&path, token).await;
    assert_eq!(still["meeting"]["status"], "ended");
    // Nothing is added to a meeting that is over.
    let (status, err) = app
        .call(
            Method::POST,
            &format!("{path}/agenda-items"),
            token,
            Some(json!({"title": "Late topic"})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(err["error"], "meeting_closed");
    let (_, agenda) = app.get_json(&format!("{path}/agenda-items"), token).await;
    assert_eq!(titles(&agenda), ["Metrics", "Risks"]);

    // Cancelling a scheduled meeting.
    let other = create_meeting(
        &app,
        token,
        json!({"title": "Offsite", "starts_at": "2030-03-05T09:00:00Z", "duration_minutes": 120,
               "purpose": "Plan the offsite"}),
    )
    .await;
    let other_path = format!("/api/v1/meetings/{}", id(&other["meeting"]));
    let (status, cancelled) = app
        .call(Method::POST, &format!("{other_path}/cancel"), token, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cancelled["meeting"]["status"], "cancelled");
    let (status, err) = app
        .call(Method::POST, &format!("{other_path}/start"), token, None)
        .await;
    assert_invalid(status, &err, "status");
    let (status, err) = app
        .call(Method::POST, &format!("{other_path}/cancel"), token, None)
        .await;
    assert_invalid(status, &err, "status");
    let (_, past) = app.get_json("/api/v1/meetings?scope=past", token).await;
    assert_eq!(past["total"], 2);

    // Deleting.
    let (status, body) = app.call(Method::DELETE, &other_path, token, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(body, Value::Null);
    let (status, err) = app.get_json(&other_path, token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["error"], "not_found");
    let (status, _) = app.call(Method::DELETE, &other_path, token, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.call(Method::DELETE, &path, token, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app.get_json(&format!("{path}/agenda-items"), token).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "its agenda went with it");
    let (_, past) = app.get_json("/api/v1/meetings?scope=past", token).await;
    assert_eq!(past["total"], 0);
}

async fn agenda_items_are_planned_and_reordered(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let owner_id = owner["user"]["id"].as_str().unwrap();
    let detail = create_meeting(
        &app,
        token,
        json!({"title": "Quarterly review", "starts_at": "2030-04-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let meeting_id = id(&detail["meeting"]);
    let agenda_path = format!("/api/v1/meetings/{meeting_id}/agenda-items");

    let intro = add_item(&app, token, &meeting_id, json!({"title": "Intro"})).await;
    assert_eq!(intro["meeting_id"], meeting_id.as_str());
    assert_eq!(intro["timebox_minutes"], 5, "default timebox");
    assert_eq!(intro["kind"], "discussion", "default kind");
    assert_eq!(intro["state"], "pending");
    assert_eq!(intro["proposal"], "accepted");
    assert_eq!(intro["position"], 0);
    assert_eq!(intro["roll_count"], 0);
    assert_eq!(intro["used_seconds"], 0);
    assert_eq!(intro["notes"], "");
    let budget = add_item(
        &app,
        token,
        &meeting_id,
        json!({"title": "Budget", "timebox_minutes": 20, "kind": "decision",
               "notes": "Bring the numbers", "presenter_id": owner_id}),
    )
    .await;
    assert_eq!(budget["kind"], "decision");
    assert_eq!(budget["timebox_minutes"], 20);
    assert_eq!(budget["notes"], "Bring the numbers");
    assert_eq!(budget["presenter_id"], owner_id);
    assert_eq!(budget["position"], 1);
    let wrap = add_item(
        &app,
        token,
        &meeting_id,
        json!({"title": "Wrap-up", "timebox_minutes": 10, "kind": "check-in"}),
    )
    .await;
    assert_eq!(wrap["kind"], "check-in");

    let stranger = app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let bad = [
        (
            json!({"title": "Zero", "timebox_minutes": 0}),
            "timebox_minutes",
        ),
        (
            json!({"title": "Too long", "timebox_minutes": 1441}),
            "timebox_minutes",
        ),
        (json!({"title": "Rant", "kind": "rant"}), "kind"),
        (json!({"title": " "}), "title"),
        (
            json!({"title": "Guest star", "presenter_id": stranger["user"]["id"]}),
            "presenter_id",
        ),
    ];
    for (body, field) in bad {
        let (status, err) = app
            .call(Method::POST, &agenda_path, token, Some(body))
            .await;
        assert_invalid(status, &err, field);
    }
    let (status, agenda) = app.get_json(&agenda_path, token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(titles(&agenda), ["Intro", "Budget", "Wrap-up"]);
    assert_eq!(agenda["planned_minutes"], 35, "5 + 20 + 10");
    assert_eq!(agenda["duration_minutes"], 30);

    // Reorder with the full list.
    let (intro_id, budget_id, wrap_id) = (id(&intro), id(&budget), id(&wrap));
    let (status, reordered) = app
        .call(
            Method::POST,
            &format!("{agenda_path}/reorder"),
            token,
            Some(json!({"ids": [wrap_id, intro_id, budget_id]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{reordered}");
    assert_eq!(titles(&reordered), ["Wrap-up", "Intro", "Budget"]);
    let positions: Vec<i64> = reordered["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [0, 1, 2]);
    let (_, agenda) = app.get_json(&agenda_path, token).await;
    assert_eq!(titles(&agenda), ["Wrap-up", "Intro", "Budget"]);

    // An item of another meeting of the same workspace is refused, and so is a partial list.
    let other = create_meeting(
        &app,
        token,
        json!({"title": "Other", "starts_at": "2030-04-02T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let other_id = id(&other["meeting"]);
    let foreign = add_item(&app, token, &other_id, json!({"title": "Foreign"})).await;
    let foreign_id = id(&foreign);
    for list in [
        json!([intro_id, wrap_id, foreign_id]),
        json!([budget_id, intro_id, wrap_id, foreign_id]),
        json!([budget_id, intro_id]),
        json!([budget_id, intro_id, intro_id]),
    ] {
        let (status, err) = app
            .call(
                Method::POST,
                &format!("{agenda_path}/reorder"),
                token,
                Some(json!({ "ids": list })),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{list}: {err}");
        assert_eq!(err["error"], "not_found");
    }
    let (_, agenda) = app.get_json(&agenda_path, token).await;
    assert_eq!(
        titles(&agenda),
        ["Wrap-up", "Intro", "Budget"],
        "order unchanged"
    );
    let (_, other_agenda) = app
        .get_json(&format!("/api/v1/meetings/{other_id}/agenda-items"), token)
        .await;
    assert_eq!(titles(&other_agenda), ["Foreign"]);
    assert_eq!(other_agenda["items"][0]["position"], 0);

    // Editing items.
    let intro_path = format!("{agenda_path}/{intro_id}");
    let (status, item) = app
        .call(
            Method::PATCH,
            &intro_path,
            token,
            Some(json!({"state": "discussed"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{item}");
    assert_eq!(item["state"], "discussed");
    assert_eq!(item["title"], "Intro", "other fields stay");
    let (status, item) = app
        .call(
            Method::PATCH,
            &intro_path,
            token,
            Some(json!({"title": "Intro and goals", "timebox_minutes": 7})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(item["title"], "Intro and goals");
    assert_eq!(item["timebox_minutes"], 7);
    assert_eq!(item["kind"], "discussion");
    assert_eq!(item["state"], "discussed");
    for (body, field) in [
        (json!({"state": "done"}), "state"),
        (json!({"timebox_minutes": 0}), "timebox_minutes"),
        (json!({"kind": "rant"}), "kind"),
        (json!({"proposal": "maybe"}), "proposal"),
    ] {
        let (status, err) = app
            .call(Method::PATCH, &intro_path, token, Some(body))
            .await;
        assert_invalid(status, &err, field);
    }
    // An item is reached only through its own meeting.
    let (status, _) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/meetings/{other_id}/agenda-items/{intro_id}"),
            token,
            Some(json!({"state": "deferred"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .call(
            Method::DELETE,
            &format!("{agenda_path}/{foreign_id}"),
            token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, agenda) = app.get_json(&agenda_path, token).await;
    assert_eq!(agenda["items"][1]["title"], "Intro and goals");
    assert_eq!(agenda["items"][1]["state"], "discussed");
    assert_eq!(agenda["items"][1]["timebox_minutes"], 7);
    assert_eq!(agenda["planned_minutes"], 37);

    // Deleting an item.
    let (status, _) = app
        .call(
            Method::DELETE,
            &format!("{agenda_path}/{budget_id}"),
            token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app
        .call(
            Method::DELETE,
            &format!("{agenda_path}/{budget_id}"),
            token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, agenda) = app.get_json(&agenda_path, token).await;
    assert_eq!(titles(&agenda), ["Wrap-up", "Intro and goals"]);
    assert_eq!(agenda["planned_minutes"], 17);
    let (_, other_agenda) = app
        .get_json(&format!("/api/v1/meetings/{other_id}/agenda-items"), token)
        .await;
    assert_eq!(titles(&other_agenda), ["Foreign"], "untouched");
    let (_, shown) = app
        .get_json(&format!("/api/v1/meetings/{meeting_id}"), token)
        .await;
    assert_eq!(shown["agenda"], agenda, "the detail shows the same agenda");
}

async fn meeting_permissions_follow_roles(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let admin = app
        .add_member(token, "acme", "Adam", "adam@acme.test", "admin")
        .await;
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;
    let max = app
        .add_member(token, "acme", "Max", "max@acme.test", "member")
        .await;
    let gus = app
        .add_member(token, "acme", "Gus", "gus@acme.test", "guest")
        .await;

    let board = create_meeting(
        &app,
        token,
        json!({"title": "Board prep", "starts_at": "2030-05-01T09:00:00Z", "duration_minutes": 30,
               "purpose": "Agree the board deck", "attendee_ids": [mia.id]}),
    )
    .await;
    let board_id = id(&board["meeting"]);
    let board_path = format!("/api/v1/meetings/{board_id}");

    // Mia attends but neither created nor facilitates it.
    for action in ["start", "end", "cancel"] {
        let (status, err) = app
            .call(
                Method::POST,
                &format!("{board_path}/{action}"),
                &mia.token,
                None,
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}");
        assert_eq!(err["error"], "forbidden");
    }
    let (status, _) = app
        .call(Method::DELETE, &board_path, &mia.token, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Method::PATCH,
            &board_path,
            &mia.token,
            Some(json!({"title": "Mine now"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let topic = add_item(
        &app,
        &mia.token,
        &board_id,
        json!({"title": "Hiring plan", "timebox_minutes": 10}),
    )
    .await;
    assert_eq!(
        topic["proposal"], "accepted",
        "members add straight to the agenda"
    );
    let (_, shown) = app.get_json(&board_path, token).await;
    assert_eq!(shown["meeting"]["status"], "scheduled");
    assert_eq!(shown["meeting"]["title"], "Board prep");
    assert_eq!(titles(&shown["agenda"]), ["Hiring plan"]);

    // An admin may run anyone's meeting; Mia still may not end it.
    let (status, started) = app
        .call(
            Method::POST,
            &format!("{board_path}/start"),
            &admin.token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{started}");
    assert_eq!(started["meeting"]["status"], "in_progress");
    let (status, _) = app
        .call(Method::POST, &format!("{board_path}/end"), &mia.token, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, ended) = app
        .call(
            Method::POST,
            &format!("{board_path}/end"),
            &admin.token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ended["meeting"]["status"], "ended");

    // Max facilitates a meeting Olive created, with Gus the guest invited.
    let sync = create_meeting(
        &app,
        token,
        json!({"title": "Client sync", "starts_at": "2030-05-02T09:00:00Z", "duration_minutes": 30,
               "purpose": "Agree next steps", "facilitator_id": max.id, "attendee_ids": [gus.id]}),
    )
    .await;
    let sync_id = id(&sync["meeting"]);
    let sync_path = format!("/api/v1/meetings/{sync_id}");
    assert_eq!(sync["meeting"]["facilitator_id"], max.id.to_string());
    add_item(
        &app,
        token,
        &sync_id,
        json!({"title": "Status", "timebox_minutes": 10}),
    )
    .await;
    let private = create_meeting(
        &app,
        token,
        json!({"title": "Pricing", "starts_at": "2030-05-03T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let private_id = id(&private["meeting"]);
    let private_path = format!("/api/v1/meetings/{private_id}");

    // The guest sees only the meeting they attend.
    for path in [private_path.clone(), format!("{private_path}/agenda-items")] {
        let (status, err) = app.get_json(&path, &gus.token).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(err["error"], "not_found");
    }
    let (status, _) = app
        .call(
            Method::POST,
            &format!("{private_path}/agenda-items"),
            &gus.token,
            Some(json!({"title": "Sneaky"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.get_json("/api/v1/meetings", &gus.token).await;
    assert_eq!(list["total"], 1);
    assert_eq!(ids(&list), [sync_id.as_str()]);
    let (_, list) = app
        .get_json("/api/v1/meetings?scope=past", &gus.token)
        .await;
    assert_eq!(list["total"], 0, "not the board meeting either");
    let (status, seen) = app.get_json(&sync_path, &gus.token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["meeting"]["title"], "Client sync");
    assert_eq!(titles(&seen["agenda"]), ["Status"]);

    // A guest's item is a proposal the facilitator accepts.
    let proposal = add_item(
        &app,
        &gus.token,
        &sync_id,
        json!({"title": "Contract renewal", "timebox_minutes": 15}),
    )
    .await;
    assert_eq!(proposal["proposal"], "proposed");
    let proposal_path = format!("{sync_path}/agenda-items/{}", id(&proposal));
    let (_, agenda) = app
        .get_json(&format!("{sync_path}/agenda-items"), token)
        .await;
    assert_eq!(titles(&agenda), ["Status", "Contract renewal"]);
    assert_eq!(
        agenda["planned_minutes"], 10,
        "proposals are not planned time"
    );
    for token in [&gus.token, &mia.token] {
        let (status, _) = app
            .call(
                Method::PATCH,
                &proposal_path,
                token,
                Some(json!({"proposal": "accepted"})),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, accepted) = app
        .call(
            Method::PATCH,
            &proposal_path,
            &max.token,
            Some(json!({"proposal": "accepted"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["proposal"], "accepted");
    let (_, agenda) = app
        .get_json(&format!("{sync_path}/agenda-items"), token)
        .await;
    assert_eq!(agenda["planned_minutes"], 25);

    // The guest changes nothing else.
    let ids_now = ids(&agenda);
    let (status, _) = app
        .call(
            Method::PATCH,
            &proposal_path,
            &gus.token,
            Some(json!({"state": "discussed"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Method::PATCH,
            &proposal_path,
            &gus.token,
            Some(json!({"title": "Renamed"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Method::POST,
            &format!("{sync_path}/agenda-items/reorder"),
            &gus.token,
            Some(json!({"ids": [ids_now[1], ids_now[0]]})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(Method::DELETE, &proposal_path, &gus.token, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for action in ["start", "cancel"] {
        let (status, _) = app
            .call(
                Method::POST,
                &format!("{sync_path}/{action}"),
                &gus.token,
                None,
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}");
    }
    let (status, err) = app
        .call(
            Method::POST,
            "/api/v1/meetings",
            &gus.token,
            Some(json!({"title": "Guest meeting", "starts_at": "2030-05-04T09:00:00Z", "duration_minutes": 30})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(err["error"], "forbidden");
    let (_, agenda) = app
        .get_json(&format!("{sync_path}/agenda-items"), token)
        .await;
    assert_eq!(titles(&agenda), ["Status", "Contract renewal"]);
    assert_eq!(agenda["items"][1]["state"], "pending");

    // The facilitator runs the meeting; the other member may not.
    let (status, _) = app
        .call(
            Method::POST,
            &format!("{sync_path}/start"),
            &mia.token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, started) = app
        .call(
            Method::POST,
            &format!("{sync_path}/start"),
            &max.token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(started["meeting"]["status"], "in_progress");
    let (_, list) = app.get_json("/api/v1/meetings", token).await;
    assert_eq!(
        list["total"], 2,
        "nobody's refused attempt created anything"
    );
}

/// People who left the workspace drop out of a meeting's plan when it is next
/// edited, instead of making every later edit fail.
async fn someone_who_left_does_not_block_edits(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let owner_id = owner["user"]["id"].as_str().unwrap();
    let mia = app
        .add_member(token, "acme", "Mia", "mia@acme.test", "member")
        .await;
    let max = app
        .add_member(token, "acme", "Max", "max@acme.test", "member")
        .await;
    let detail = create_meeting(
        &app,
        token,
        json!({"title": "Hand-over", "starts_at": "2030-05-10T09:00:00Z", "duration_minutes": 30,
               "facilitator_id": mia.id, "note_taker_id": mia.id, "attendee_ids": [mia.id, max.id]}),
    )
    .await;
    let path = format!("/api/v1/meetings/{}", id(&detail["meeting"]));
    let (status, _) = app
        .call(
            Method::DELETE,
            &format!("/api/v1/members/{}", mia.id),
            &mia.token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "Mia leaves");

    let (status, edited) = app
        .call(
            Method::PATCH,
            &path,
            token,
            Some(json!({"title": "Hand-over without Mia"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["meeting"]["title"], "Hand-over without Mia");
    let names: Vec<&str> = edited["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Max", "Olive"]);
    assert_eq!(edited["meeting"]["note_taker_id"], Value::Null);
    assert_eq!(
        edited["meeting"]["facilitator_id"], owner_id,
        "whoever edits takes over facilitation"
    );
    // Naming her explicitly is still refused.
    let (status, err) = app
        .call(
            Method::PATCH,
            &path,
            token,
            Some(json!({"attendee_ids": [mia.id]})),
        )
        .await;
    assert_invalid(status, &err, "attendee_ids");
}

async fn another_workspace_cannot_reach_meetings(app: TestApp) {
    let alpha = app.api_signup("Alpha", "Alice", "alice@alpha.test").await;
    let a_token = alpha["token"].as_str().unwrap();
    let detail = create_meeting(
        &app,
        a_token,
        json!({"title": "Alpha plans", "starts_at": "2030-06-01T09:00:00Z", "duration_minutes": 30,
               "purpose": "Secret plans"}),
    )
    .await;
    let meeting_id = id(&detail["meeting"]);
    let item = add_item(&app, a_token, &meeting_id, json!({"title": "Secret item"})).await;
    let item_id = id(&item);
    let beta = app.api_signup("Beta", "Bob", "bob@beta.test").await;
    let b_token = beta["token"].as_str().unwrap();
    // Bob has a meeting of his own, so the routes exist for him.
    let own = create_meeting(
        &app,
        b_token,
        json!({"title": "Beta sync", "starts_at": "2030-06-01T09:00:00Z", "duration_minutes": 30}),
    )
    .await;
    let own_id = id(&own["meeting"]);

    let m = format!("/api/v1/meetings/{meeting_id}");
    let attempts = [
        (Method::GET, m.clone(), None),
        (Method::PATCH, m.clone(), Some(json!({"title": "Hijacked"}))),
        (Method::POST, format!("{m}/start"), None),
        (Method::POST, format!("{m}/end"), None),
        (Method::POST, format!("{m}/cancel"), None),
        (Method::GET, format!("{m}/agenda-items"), None),
        (
            Method::POST,
            format!("{m}/agenda-items"),
            Some(json!({"title": "Injected"})),
        ),
        (
            Method::PATCH,
            format!("{m}/agenda-items/{item_id}"),
            Some(json!({"title": "Hijacked", "state": "discussed"})),
        ),
        (Method::DELETE, format!("{m}/agenda-items/{item_id}"), None),
        (
            Method::POST,
            format!("{m}/agenda-items/reorder"),
            Some(json!({"ids": [item_id]})),
        ),
        // Alpha's item through Bob's own meeting.
        (
            Method::PATCH,
            format!("/api/v1/meetings/{own_id}/agenda-items/{item_id}"),
            Some(json!({"state": "discussed"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/meetings/{own_id}/agenda-items/{item_id}"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/meetings/{own_id}/agenda-items/reorder"),
            Some(json!({"ids": [item_id]})),
        ),
        (Method::DELETE, m.clone(), None),
    ];
    for (method, path, body) in attempts {
        let (status, err) = app.call(method.clone(), &path, b_token, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}: {err}");
        assert_eq!(err["error"], "not_found", "{method} {path}");
        assert!(!err.to_string().contains("Secret"), "no data leaks");
    }
    let (_, list) = app.get_json("/api/v1/meetings", b_token).await;
    assert_eq!(list["total"], 1);
    assert_eq!(ids(&list), [own_id.as_str()]);

    let (_, after) = app.get_json(&m, a_token).await;
    assert_eq!(after, detail_with_item(&detail, &item), "nothing changed");
}

/// `detail` after `item` was added to it.
fn detail_with_item(detail: &Value, item: &Value) -> Value {
    let mut expected = detail.clone();
    expected["agenda"]["items"] = json!([item]);
    expected["agenda"]["planned_minutes"] = item["timebox_minutes"].clone();
    expected
}
