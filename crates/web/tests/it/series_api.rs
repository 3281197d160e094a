//! Recurring series over the REST API: carry-over of unfinished work,
//! editing one occurrence or the rest, and RRULEs in the creator's time zone.

use std::collections::BTreeMap;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, assert_invalid};
use crate::meetings_api::{add_item, titles};
use crate::on_both_backends;

on_both_backends!(
    unfinished_work_carries_over_across_three_occurrences,
    edit_one_occurrence_or_the_rest,
    recurrence_rules_follow_the_creators_time_zone,
);

/// Creates a series with `body` and returns it.
async fn create_series(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, series) = app
        .call(Method::POST, "/api/v1/series", token, Some(body))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{series}");
    series
}

fn meeting_ids(series: &Value) -> Vec<String> {
    series["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect()
}

fn starts(series: &Value) -> Vec<&str> {
    series["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["starts_at"].as_str().unwrap())
        .collect()
}

async fn agenda(app: &TestApp, token: &str, meeting: &str) -> Value {
    let (status, agenda) = app
        .get_json(&format!("/api/v1/meetings/{meeting}/agenda-items"), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    agenda
}

/// The agenda item titled `title` (exactly one must exist).
fn item<'a>(agenda: &'a Value, title: &str) -> &'a Value {
    let found: Vec<&Value> = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["title"] == title)
        .collect();
    assert_eq!(found.len(), 1, "{title} once in {agenda}");
    found[0]
}

/// How often each title occurs.
fn title_counts(agenda: &Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for title in titles(agenda) {
        *counts.entry(title).or_default() += 1;
    }
    counts
}

async fn set_state(app: &TestApp, token: &str, meeting: &str, item: &Value, state: &str) {
    let (status, body) = app
        .call(
            Method::PATCH,
            &format!(
                "/api/v1/meetings/{meeting}/agenda-items/{}",
                item["id"].as_str().unwrap()
            ),
            token,
            Some(json!({ "state": state })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], state);
}

async fn lifecycle(app: &TestApp, token: &str, meeting: &str, action: &str) -> Value {
    let (status, body) = app
        .call(
            Method::POST,
            &format!("/api/v1/meetings/{meeting}/{action}"),
            token,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{action}: {body}");
    body
}

/// The series' action items by title: (status, roll_count).
async fn series_actions(
    app: &TestApp,
    token: &str,
    series: &str,
) -> BTreeMap<String, (String, i64)> {
    let (status, list) = app
        .get_json(&format!("/api/v1/action-items?series_id={series}"), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap().to_string(),
                (
                    a["status"].as_str().unwrap().to_string(),
                    a["roll_count"].as_i64().unwrap(),
                ),
            )
        })
        .collect()
}

async fn unfinished_work_carries_over_across_three_occurrences(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let (_, template) = app
        .get_json("/api/v1/templates/builtin:weekly-leadership", token)
        .await;
    let plan = titles(&template);
    assert_eq!(plan.len(), 7);

    let series = create_series(
        &app,
        token,
        json!({"title": "Leadership weekly", "starts_at": "2030-03-04T09:00:00Z",
               "rrule": "weekly", "count": 3, "template": "builtin:weekly-leadership",
               "purpose": "Solve the week's top issues"}),
    )
    .await;
    let series_id = series["id"].as_str().unwrap().to_string();
    assert_eq!(series["title"], "Leadership weekly");
    assert_eq!(series["rrule"], "FREQ=WEEKLY");
    assert_eq!(series["time_zone"], "UTC");
    assert_eq!(
        starts(&series),
        [
            "2030-03-04T09:00:00Z",
            "2030-03-11T09:00:00Z",
            "2030-03-18T09:00:00Z"
        ]
    );
    for meeting in series["meetings"].as_array().unwrap() {
        assert_eq!(meeting["series_id"], series_id.as_str());
        assert_eq!(meeting["duration_minutes"], 90, "the template's duration");
        assert_eq!(meeting["purpose"], "Solve the week's top issues");
        assert_eq!(meeting["status"], "scheduled");
    }
    let [first, second, third] = <[String; 3]>::try_from(meeting_ids(&series)).unwrap();
    for meeting in [&first, &second, &third] {
        let agenda = agenda(&app, token, meeting).await;
        assert_eq!(titles(&agenda), plan, "each occurrence has the plan");
    }

    // Occurrence 1: A discussed, B left pending, C deferred; X stays open, Y gets done.
    let a = add_item(&app, token, &first, json!({"title": "Topic A"})).await;
    let b = add_item(
        &app,
        token,
        &first,
        json!({"title": "Topic B", "timebox_minutes": 12, "kind": "decision", "notes": "Pick a vendor"}),
    )
    .await;
    let c = add_item(&app, token, &first, json!({"title": "Topic C"})).await;
    lifecycle(&app, token, &first, "start").await;
    set_state(&app, token, &first, &a, "discussed").await;
    set_state(&app, token, &first, &c, "deferred").await;
    for title in ["Action X", "Action Y"] {
        let (status, action) = app
            .call(
                Method::POST,
                "/api/v1/action-items",
                token,
                Some(json!({"title": title, "meeting_id": first})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{action}");
        assert_eq!(action["series_id"], series_id.as_str());
        assert_eq!(action["roll_count"], 0);
        if title == "Action Y" {
            let (status, done) = app
                .call(
                    Method::PATCH,
                    &format!("/api/v1/action-items/{}", action["id"].as_str().unwrap()),
                    token,
                    Some(json!({"status": "done"})),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(done["status"], "done");
        }
    }
    let ended = lifecycle(&app, token, &first, "end").await;
    assert_eq!(ended["meeting"]["status"], "ended");
    let one = agenda(&app, token, &first).await;
    assert_eq!(item(&one, "Topic A")["state"], "discussed");
    assert_eq!(item(&one, "Topic B")["state"], "pending");
    assert_eq!(item(&one, "Topic C")["state"], "deferred");

    // Occurrence 2 holds B and C once each, rolled once, after its own plan; not A.
    let two = agenda(&app, token, &second).await;
    let mut expected: Vec<String> = plan.clone();
    expected.extend(["Topic B".to_string(), "Topic C".to_string()]);
    assert_eq!(titles(&two), expected, "{two}");
    assert!(title_counts(&two).values().all(|n| *n == 1), "{two}");
    for title in &plan {
        assert_eq!(item(&two, title)["roll_count"], 0, "{title}");
        assert_eq!(item(&two, title)["state"], "pending");
    }
    let carried_b = item(&two, "Topic B").clone();
    assert_eq!(carried_b["roll_count"], 1);
    assert_eq!(carried_b["state"], "pending");
    assert_eq!(carried_b["timebox_minutes"], 12, "carried with its plan");
    assert_eq!(carried_b["kind"], "decision");
    assert_eq!(carried_b["notes"], "Pick a vendor");
    assert_ne!(carried_b["id"], b["id"], "a copy, not a move");
    let carried_c = item(&two, "Topic C");
    assert_eq!(carried_c["roll_count"], 1);
    assert_eq!(carried_c["state"], "pending", "deferred work is due again");
    let planned: i64 = two["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["timebox_minutes"].as_i64().unwrap())
        .sum();
    assert_eq!(two["planned_minutes"], planned);
    let actions = series_actions(&app, token, &series_id).await;
    assert_eq!(
        actions,
        BTreeMap::from([
            ("Action X".to_string(), ("open".to_string(), 1)),
            ("Action Y".to_string(), ("done".to_string(), 0)),
        ])
    );
    // The third occurrence is untouched so far.
    assert_eq!(titles(&agenda(&app, token, &third).await), plan);

    // Occurrence 2: B is discussed this time, C is left again.
    lifecycle(&app, token, &second, "start").await;
    set_state(&app, token, &second, &carried_b, "discussed").await;
    lifecycle(&app, token, &second, "end").await;

    let three = agenda(&app, token, &third).await;
    let mut expected: Vec<String> = plan.clone();
    expected.push("Topic C".to_string());
    assert_eq!(titles(&three), expected, "{three}");
    assert!(title_counts(&three).values().all(|n| *n == 1), "{three}");
    assert_eq!(item(&three, "Topic C")["roll_count"], 2);
    for title in &plan {
        assert_eq!(item(&three, title)["roll_count"], 0, "{title}");
    }
    let actions = series_actions(&app, token, &series_id).await;
    assert_eq!(
        actions,
        BTreeMap::from([
            ("Action X".to_string(), ("open".to_string(), 2)),
            ("Action Y".to_string(), ("done".to_string(), 0)),
        ])
    );
    // Earlier agendas keep their history.
    let one_again = agenda(&app, token, &first).await;
    assert_eq!(one_again, one);
    let two_again = agenda(&app, token, &second).await;
    assert_eq!(titles(&two_again), titles(&two));
    assert_eq!(item(&two_again, "Topic B")["state"], "discussed");
    let (_, shown) = app
        .get_json(&format!("/api/v1/series/{series_id}"), token)
        .await;
    let statuses: Vec<&str> = shown["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ended", "ended", "scheduled"]);

    // The last occurrence has no next one: nothing rolls anywhere.
    lifecycle(&app, token, &third, "start").await;
    lifecycle(&app, token, &third, "end").await;
    let actions = series_actions(&app, token, &series_id).await;
    assert_eq!(
        actions["Action X"],
        ("open".to_string(), 2),
        "X rolled into two later meetings, no more"
    );
    let (_, list) = app.get_json("/api/v1/meetings", token).await;
    assert_eq!(
        list["total"], 0,
        "no meeting was made up for the carry-over"
    );
}

async fn edit_one_occurrence_or_the_rest(app: TestApp) {
    let owner = app.api_signup("Acme", "Olive", "olive@acme.test").await;
    let token = owner["token"].as_str().unwrap();
    let series = create_series(
        &app,
        token,
        json!({"title": "Team sync", "starts_at": "2030-05-06T09:00:00Z", "duration_minutes": 30,
               "rrule": "weekly", "count": 3, "purpose": "Unblock each other"}),
    )
    .await;
    let series_id = series["id"].as_str().unwrap().to_string();
    let [first, second, third] = <[String; 3]>::try_from(meeting_ids(&series)).unwrap();

    let (status, patched) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/meetings/{second}"),
            token,
            Some(json!({"title": "Team sync with guests", "scope": "one"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["meeting"]["title"], "Team sync with guests");
    let (status, shown) = app
        .get_json(&format!("/api/v1/series/{series_id}"), token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        meeting_ids(&shown),
        [first.clone(), second.clone(), third.clone()]
    );
    let series_titles = |s: &Value| -> Vec<String> {
        s["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        series_titles(&shown),
        ["Team sync", "Team sync with guests", "Team sync"]
    );
    assert_eq!(starts(&shown), starts(&series), "nobody moved");

    let (status, patched) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/meetings/{second}"),
            token,
            Some(
                json!({"title": "Team sync (late)", "starts_at": "2030-05-13T10:00:00Z",
                        "duration_minutes": 45, "scope": "following"}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["meeting"]["starts_at"], "2030-05-13T10:00:00Z");
    let (_, shown) = app
        .get_json(&format!("/api/v1/series/{series_id}"), token)
        .await;
    assert_eq!(
        meeting_ids(&shown),
        [first.clone(), second.clone(), third.clone()]
    );
    assert_eq!(
        series_titles(&shown),
        ["Team sync", "Team sync (late)", "Team sync (late)"]
    );
    assert_eq!(
        starts(&shown),
        [
            "2030-05-06T09:00:00Z",
            "2030-05-13T10:00:00Z",
            "2030-05-20T10:00:00Z"
        ],
        "this and the following moved by exactly one hour; the first stayed"
    );
    let durations: Vec<i64> = shown["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["duration_minutes"].as_i64().unwrap())
        .collect();
    assert_eq!(durations, [30, 45, 45]);
    let (_, one) = app
        .get_json(&format!("/api/v1/meetings/{first}"), token)
        .await;
    assert_eq!(
        one["meeting"], series["meetings"][0],
        "the first is untouched"
    );

    let (status, err) = app
        .call(
            Method::PATCH,
            &format!("/api/v1/meetings/{second}"),
            token,
            Some(json!({"title": "Whatever", "scope": "everything"})),
        )
        .await;
    assert_invalid(status, &err, "scope");
    let (status, _) = app
        .get_json(&format!("/api/v1/series/{}", uuid::Uuid::new_v4()), token)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.get_json("/api/v1/meetings", token).await;
    assert_eq!(list["total"], 3);
}

async fn recurrence_rules_follow_the_creators_time_zone(app: TestApp) {
    let response = app
        .client
        .post(app.url("/api/v1/signup"))
        .json(
            &json!({"workspace_name": "Acme", "name": "Berta", "email": "berta@acme.test",
                      "password": PASSWORD, "time_zone": "Europe/Berlin"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let owner: Value = response.json().await.unwrap();
    assert_eq!(owner["user"]["time_zone"], "Europe/Berlin");
    let token = owner["token"].as_str().unwrap();

    // 09:00 in Berlin every Monday, across the end of summer time on 25 October.
    let weekly = create_series(
        &app,
        token,
        json!({"title": "Monday planning", "starts_at": "2026-10-19T09:00:00+02:00",
               "duration_minutes": 30, "rrule": "FREQ=WEEKLY", "count": 3}),
    )
    .await;
    assert_eq!(weekly["time_zone"], "Europe/Berlin");
    assert_eq!(
        starts(&weekly),
        [
            "2026-10-19T07:00:00Z",
            "2026-10-26T08:00:00Z",
            "2026-11-02T08:00:00Z"
        ]
    );

    // Monthly on the 31st skips the months without one (11:00 Berlin time).
    let monthly = create_series(
        &app,
        token,
        json!({"title": "Month end", "starts_at": "2027-01-31T10:00:00Z",
               "duration_minutes": 30, "rrule": "FREQ=MONTHLY;COUNT=3"}),
    )
    .await;
    assert_eq!(
        starts(&monthly),
        [
            "2027-01-31T10:00:00Z",
            "2027-03-31T09:00:00Z",
            "2027-05-31T09:00:00Z"
        ]
    );

    // The October series lies in the past, so count past and upcoming meetings together.
    // Every meeting, past and upcoming, exactly as the API shows them.
    let all_meetings = || async {
        let (_, upcoming) = app.get_json("/api/v1/meetings?scope=upcoming", token).await;
        let (_, past) = app.get_json("/api/v1/meetings?scope=past", token).await;
        let mut items = upcoming["items"].as_array().unwrap().clone();
        items.extend(past["items"].as_array().unwrap().iter().cloned());
        items
    };
    let before = all_meetings().await;
    assert_eq!(before.len(), 6);
    let base =
        json!({"title": "Never", "starts_at": "2027-01-04T09:00:00Z", "duration_minutes": 30});
    let with = |pairs: Value| {
        let mut body = base.clone();
        for (k, v) in pairs.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let cases = [
        (with(json!({"rrule": "FREQ=SOMETIMES"})), "rrule"),
        (with(json!({"rrule": ""})), "rrule"),
        (
            with(json!({"rrule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"})),
            "rrule",
        ),
        (
            with(json!({"rrule": "DTSTART:20270101T090000Z\nRRULE:FREQ=DAILY"})),
            "rrule",
        ),
        (with(json!({"rrule": "weekly", "count": 0})), "count"),
        (with(json!({"rrule": "weekly", "count": 201})), "count"),
        (
            with(json!({"rrule": "weekly", "until": "next year"})),
            "until",
        ),
        (
            with(json!({"rrule": "weekly", "until": "2026-01-01T00:00:00Z"})),
            "rrule",
        ),
        (
            with(json!({"rrule": "weekly", "count": 3, "duration_minutes": 0})),
            "duration_minutes",
        ),
        (
            with(json!({"rrule": "weekly", "count": 3, "title": ""})),
            "title",
        ),
    ];
    for (body, field) in cases {
        let (status, err) = app
            .call(Method::POST, "/api/v1/series", token, Some(body.clone()))
            .await;
        assert_invalid(status, &err, field);
    }
    assert_eq!(all_meetings().await, before, "nothing was saved or changed");
}
