//! `goalmeet demo`: a workspace with a realistic team, a recurring leadership
//! meeting with history, a stand-up series, open action items and decisions,
//! so a first look has something to see.

use chrono::{Datelike, Duration, NaiveTime, TimeZone, Utc};
use goalmeet_core::agenda::AgendaState;
use goalmeet_core::decision::DecisionStatus;
use goalmeet_core::meeting::MeetingStatus;
use goalmeet_core::template::builtin;
use goalmeet_core::{Role, clock};
use goalmeet_store::{
    Db, MeetingFields, NewAction, NewAgendaItem, NewDecision, NewMeeting, NewUser, NewWorkspace,
};
use uuid::Uuid;

const TEAM: [(&str, &str, Role); 8] = [
    ("Owen Brooks", "po", Role::Admin),
    ("Sara Lindqvist", "sm", Role::Admin),
    ("Daniel Kim", "daniel", Role::Member),
    ("Priya Nair", "priya", Role::Member),
    ("Tomás García", "tomas", Role::Member),
    ("Lea Wagner", "lea", Role::Member),
    ("Chen Wei", "chen", Role::Member),
    ("Board Observer", "observer", Role::Guest),
];

fn plan_from(key: &str) -> (String, i64, Vec<NewAgendaItem>) {
    let t = builtin(key).expect("a built-in template");
    let items = t
        .items
        .iter()
        .map(|i| NewAgendaItem {
            title: i.title.into(),
            notes: i.notes.into(),
            presenter_id: None,
            timebox_minutes: i.timebox_minutes,
            kind: i.kind,
            proposal: "accepted",
        })
        .collect();
    (t.purpose.into(), t.duration_minutes, items)
}

pub async fn run(db: &Db, bind: &str) -> anyhow::Result<()> {
    println!("Creating the demo workspace…");
    let passwords = goalmeet_web::auth::Passwords::new(2);
    let password = crate::random_password();
    let hash = passwords
        .hash(&password)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let suffix = &Uuid::new_v4().simple().to_string()[..6];
    let domain = format!("demo-{suffix}.goalmeet.test");
    let now = clock::now();
    let tz = chrono_tz::Europe::Berlin;
    let person = |email: String, name: &str| NewUser {
        email,
        name: name.into(),
        password_hash: hash.clone(),
        time_zone: tz.name().into(),
    };
    let (owner, workspace) = db
        .create_account_with_workspace(
            &person(format!("vp@{domain}"), "Vera Patel"),
            &NewWorkspace {
                name: "Northwind Robotics (demo)".into(),
                slug_base: format!("northwind-{suffix}"),
                time_zone: tz.name().into(),
                meeting_hourly_cost_cents: 9_500,
            },
            now,
        )
        .await?;
    let mut people = vec![owner.id];
    for (name, local, role) in TEAM {
        let secret = goalmeet_web::auth::new_token("");
        let invitation = db
            .create_invitation(
                workspace.id,
                &format!("{local}@{domain}"),
                role,
                &goalmeet_web::auth::hash_token(&secret),
                owner.id,
                now,
                now + Duration::days(1),
            )
            .await?;
        let user = db
            .accept_invitation_with_new_account(
                &invitation,
                &person(invitation.email.clone(), name),
                now,
            )
            .await?;
        people.push(user.id);
    }
    println!("  {} people", people.len());

    // Weekly leadership meeting: the latest Monday's happened, five more are planned.
    let today = now.with_timezone(&tz).date_naive();
    let days_back = match today.weekday().num_days_from_monday() {
        0 => 7,
        n => i64::from(n),
    };
    let last_monday = today - Duration::days(days_back);
    let at = |date: chrono::NaiveDate, h: u32| {
        tz.from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(h, 0, 0).expect("a time")))
            .earliest()
            .expect("a local time")
            .with_timezone(&Utc)
    };
    let (purpose, duration, mut items) = plan_from("weekly-leadership");
    items.push(NewAgendaItem {
        title: "Hiring plan for the robotics team".into(),
        notes: "Two open roles, one contractor ending in January.".into(),
        presenter_id: Some(people[1]),
        timebox_minutes: 10,
        kind: goalmeet_core::agenda::AgendaKind::Decision,
        proposal: "accepted",
    });
    let leadership = NewMeeting {
        workspace_id: workspace.id,
        fields: MeetingFields {
            title: "Weekly leadership meeting".into(),
            purpose,
            starts_at: at(last_monday, 9),
            duration_minutes: duration,
            location: "Board room / video link in the invite".into(),
            facilitator_id: Some(owner.id),
            note_taker_id: Some(people[2]),
            timekeeper_id: Some(people[3]),
        },
        status: MeetingStatus::Scheduled,
        created_by: owner.id,
        attendees: people[..5].to_vec(),
        items,
    };
    let dates: Vec<_> = (0..6)
        .map(|w| at(last_monday + Duration::weeks(w), 9))
        .collect();
    let (_, occurrences) = db
        .create_series(&leadership, "FREQ=WEEKLY", tz.name(), &dates, now)
        .await?;
    let first = occurrences[0];
    let agenda = db.agenda(first).await?;
    db.start_meeting(workspace.id, first, agenda.first().map(|i| i.id), dates[0])
        .await?;
    for item in agenda.iter().take(6) {
        db.set_agenda_state(workspace.id, first, item.id, AgendaState::Discussed)
            .await?;
    }
    let decided_on = last_monday;
    for (statement, rationale) in [
        (
            "Open two engineering roles for the robotics team",
            "The Q1 roadmap needs capacity we do not have.",
        ),
        (
            "Move the customer pilot to February",
            "Hardware supply slipped by three weeks.",
        ),
        (
            "Adopt trunk-based development",
            "Fewer merge conflicts, faster reviews.",
        ),
    ] {
        db.create_decision(
            &NewDecision {
                workspace_id: workspace.id,
                statement: statement.into(),
                context: String::new(),
                rationale: rationale.into(),
                decided_by: Some(owner.id),
                decided_on,
                status: DecisionStatus::Decided,
                revisit_on: None,
                meeting_id: Some(first),
                agenda_item_id: None,
                supersedes: None,
                created_by: owner.id,
            },
            now,
        )
        .await?;
    }
    let series_id = db
        .meeting(workspace.id, first)
        .await?
        .and_then(|m| m.series_id);
    for (i, (title, days)) in [
        ("Draft the job descriptions", -2),
        ("Tell the pilot customer about the new date", 1),
        ("Update the hardware supply forecast", 4),
        ("Book the offsite venue", 10),
    ]
    .into_iter()
    .enumerate()
    {
        db.create_action(
            &NewAction {
                workspace_id: workspace.id,
                title: title.into(),
                assignee_id: Some(people[i % people.len()]),
                due_on: Some(today + Duration::days(days)),
                meeting_id: Some(first),
                agenda_item_id: None,
                series_id,
                created_by: owner.id,
            },
            now,
        )
        .await?;
    }
    db.end_meeting(
        workspace.id,
        first,
        dates[0] + Duration::minutes(duration + 5),
    )
    .await?;
    println!("  a weekly leadership series with one meeting held (3 decisions, 4 action items)");

    // Daily stand-up for the next two weeks.
    let (purpose, duration, items) = plan_from("daily-standup");
    let tomorrow = today + Duration::days(1);
    let standup = NewMeeting {
        workspace_id: workspace.id,
        fields: MeetingFields {
            title: "Daily stand-up".into(),
            purpose,
            starts_at: at(tomorrow, 10),
            duration_minutes: duration,
            location: "Team corner".into(),
            facilitator_id: Some(people[2]),
            note_taker_id: None,
            timekeeper_id: None,
        },
        status: MeetingStatus::Scheduled,
        created_by: people[2],
        attendees: people[2..8].to_vec(),
        items,
    };
    let dates = goalmeet_core::recurrence::occurrences(
        goalmeet_core::recurrence::preset("weekdays").expect("a preset"),
        standup.fields.starts_at,
        tz,
        None,
        Some(10),
    )?;
    db.create_series(
        &standup,
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        tz.name(),
        &dates,
        now,
    )
    .await?;
    println!("  a daily stand-up series of {} meetings", dates.len());

    println!("\nDemo workspace “{}” is ready.", workspace.name);
    println!(
        "Log in at http://{bind}/login as {} with password {password}",
        owner.email
    );
    println!(
        "(Every demo person uses the same password; e.g. po@{domain} is an admin, observer@{domain} a guest.)"
    );
    Ok(())
}
