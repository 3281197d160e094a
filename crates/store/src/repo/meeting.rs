use chrono::{DateTime, Utc};
use goalmeet_core::meeting::MeetingStatus;
use uuid::Uuid;

use crate::{
    Attendee, Db, Meeting, Page, PageRequest, Result, Series, found, in_tx, on_read, on_write,
};

macro_rules! meeting_columns {
    () => {
        "m.id, m.workspace_id, m.series_id, m.title, m.purpose, m.starts_at, m.duration_minutes, m.location, \
         m.status, m.created_by, m.facilitator_id, m.note_taker_id, m.timekeeper_id, m.started_at, m.ended_at, \
         m.current_item_id, m.current_item_started_at, m.created_at"
    };
}

/// The editable part of a meeting.
#[derive(Debug, Clone)]
pub struct MeetingFields {
    pub title: String,
    pub purpose: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub location: String,
    pub facilitator_id: Option<Uuid>,
    pub note_taker_id: Option<Uuid>,
    pub timekeeper_id: Option<Uuid>,
}

/// An agenda item to insert.
#[derive(Debug, Clone)]
pub struct NewAgendaItem {
    pub title: String,
    pub notes: String,
    pub presenter_id: Option<Uuid>,
    pub timebox_minutes: i64,
    pub kind: goalmeet_core::agenda::AgendaKind,
    /// `accepted`, or `proposed` for a suggestion awaiting the facilitator.
    pub proposal: &'static str,
}

#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub workspace_id: Uuid,
    pub fields: MeetingFields,
    pub status: MeetingStatus,
    pub created_by: Uuid,
    pub attendees: Vec<Uuid>,
    pub items: Vec<NewAgendaItem>,
}

/// Which meetings a list shows.
#[derive(Debug, Clone, Copy)]
pub enum MeetingScope {
    /// In progress, or planned and starting no more than a day ago; soonest first.
    Upcoming,
    /// Ended, cancelled, or planned but a day past its start without starting; latest first.
    Past,
    /// Starting within `[from, to)`, in order (for the week view).
    Range(DateTime<Utc>, DateTime<Utc>),
}

/// Inserts a meeting with its attendees and agenda inside a transaction.
macro_rules! insert_meeting {
    ($tx:ident, $new:expr, $series_id:expr, $starts_at:expr, $now:expr) => {{
        let id = Uuid::now_v7();
        let f = &$new.fields;
        sqlx::query(
            "INSERT INTO meetings (id, workspace_id, series_id, title, purpose, starts_at, duration_minutes, location, \
             status, created_by, facilitator_id, note_taker_id, timekeeper_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(id)
        .bind($new.workspace_id)
        .bind($series_id)
        .bind(&f.title)
        .bind(&f.purpose)
        .bind($starts_at)
        .bind(f.duration_minutes)
        .bind(&f.location)
        .bind($new.status.as_str())
        .bind($new.created_by)
        .bind(f.facilitator_id)
        .bind(f.note_taker_id)
        .bind(f.timekeeper_id)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        for user_id in &$new.attendees {
            sqlx::query("INSERT INTO meeting_attendees (meeting_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(user_id)
                .execute(&mut *$tx)
                .await?;
        }
        for (position, item) in $new.items.iter().enumerate() {
            super::agenda::insert_agenda_item!($tx, $new.workspace_id, id, item, position as i64, $new.created_by, 0i64, None::<Uuid>, $now);
        }
        id
    }};
}

/// Inside a transaction: makes `$users` the meeting's attendees.
macro_rules! replace_attendees {
    ($tx:ident, $meeting_id:expr, $users:expr) => {{
        sqlx::query("DELETE FROM meeting_attendees WHERE meeting_id = $1")
            .bind($meeting_id)
            .execute(&mut *$tx)
            .await?;
        for user_id in $users {
            sqlx::query("INSERT INTO meeting_attendees (meeting_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind($meeting_id)
                .bind(user_id)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

impl Db {
    pub async fn create_meeting(&self, new: &NewMeeting, now: DateTime<Utc>) -> Result<Uuid> {
        Ok(in_tx!(self, |tx| insert_meeting!(
            tx,
            new,
            None::<Uuid>,
            new.fields.starts_at,
            now
        )))
    }

    /// A series and one meeting per occurrence, each with the same plan.
    pub async fn create_series(
        &self,
        new: &NewMeeting,
        rrule: &str,
        time_zone: &str,
        occurrences: &[DateTime<Utc>],
        now: DateTime<Utc>,
    ) -> Result<(Uuid, Vec<Uuid>)> {
        let series_id = Uuid::now_v7();
        Ok(in_tx!(self, |tx| {
            sqlx::query(
                "INSERT INTO series (id, workspace_id, title, rrule, time_zone, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(series_id)
            .bind(new.workspace_id)
            .bind(&new.fields.title)
            .bind(rrule)
            .bind(time_zone)
            .bind(new.created_by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let mut ids = Vec::with_capacity(occurrences.len());
            for starts_at in occurrences {
                ids.push(insert_meeting!(tx, new, Some(series_id), *starts_at, now));
            }
            (series_id, ids)
        }))
    }

    pub async fn meeting(&self, workspace_id: Uuid, id: Uuid) -> Result<Option<Meeting>> {
        let sql = concat!(
            "SELECT ",
            meeting_columns!(),
            " FROM meetings m WHERE m.workspace_id = $1 AND m.id = $2"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    pub async fn series(&self, workspace_id: Uuid, id: Uuid) -> Result<Option<Series>> {
        Ok(on_read!(self, |pool| sqlx::query_as(
            "SELECT id, workspace_id, title, rrule, time_zone, created_by, created_at FROM series \
             WHERE workspace_id = $1 AND id = $2"
        )
        .bind(workspace_id)
        .bind(id)
        .fetch_optional(pool)
        .await?))
    }

    /// The meetings of a series, in order.
    pub async fn series_meetings(
        &self,
        workspace_id: Uuid,
        series_id: Uuid,
    ) -> Result<Vec<Meeting>> {
        let sql = concat!(
            "SELECT ",
            meeting_columns!(),
            " FROM meetings m WHERE m.workspace_id = $1 AND m.series_id = $2 ORDER BY m.starts_at, m.id LIMIT 500"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(series_id)
            .fetch_all(pool)
            .await?))
    }

    /// Meetings in `scope`; `attendee` limits them to one person's meetings (guests, "mine").
    pub async fn list_meetings(
        &self,
        workspace_id: Uuid,
        scope: MeetingScope,
        attendee: Option<Uuid>,
        page: PageRequest,
    ) -> Result<Page<Meeting>> {
        // Four fixed statements rather than string building keeps every query static and indexed.
        let (from, to, upcoming) = match scope {
            MeetingScope::Upcoming => (None, None, Some(true)),
            MeetingScope::Past => (None, None, Some(false)),
            MeetingScope::Range(from, to) => (Some(from), Some(to), None),
        };
        let upcoming_flag: Option<i64> = upcoming.map(i64::from);
        // A meeting planned but never started counts as past a day after its start.
        let cutoff = goalmeet_core::clock::now() - chrono::Duration::days(1);
        let (items, total) = on_read!(self, |pool| {
            let items: Vec<Meeting> = if upcoming == Some(false) {
                sqlx::query_as(concat!(
                    "SELECT ", meeting_columns!(),
                    " FROM meetings m WHERE m.workspace_id = $1 \
                     AND ($2 IS NULL OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = $2) \
                          OR m.created_by = $2 OR m.facilitator_id = $2) \
                     AND ($3 IS NULL OR m.starts_at >= $3) AND ($4 IS NULL OR m.starts_at < $4) \
                     AND ($5 IS NULL OR ($5 = 1 AND (m.status = 'in_progress' OR (m.status IN ('draft', 'scheduled') AND m.starts_at >= $8))) \
                          OR ($5 = 0 AND (m.status IN ('ended', 'cancelled') OR (m.status IN ('draft', 'scheduled') AND m.starts_at < $8)))) \
                     ORDER BY m.starts_at DESC, m.id DESC LIMIT $6 OFFSET $7"
                ))
                .bind(workspace_id).bind(attendee).bind(from).bind(to).bind(upcoming_flag)
                .bind(page.limit).bind(page.offset).bind(cutoff)
                .fetch_all(pool).await?
            } else {
                sqlx::query_as(concat!(
                    "SELECT ", meeting_columns!(),
                    " FROM meetings m WHERE m.workspace_id = $1 \
                     AND ($2 IS NULL OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = $2) \
                          OR m.created_by = $2 OR m.facilitator_id = $2) \
                     AND ($3 IS NULL OR m.starts_at >= $3) AND ($4 IS NULL OR m.starts_at < $4) \
                     AND ($5 IS NULL OR ($5 = 1 AND (m.status = 'in_progress' OR (m.status IN ('draft', 'scheduled') AND m.starts_at >= $8))) \
                          OR ($5 = 0 AND (m.status IN ('ended', 'cancelled') OR (m.status IN ('draft', 'scheduled') AND m.starts_at < $8)))) \
                     ORDER BY m.starts_at, m.id LIMIT $6 OFFSET $7"
                ))
                .bind(workspace_id).bind(attendee).bind(from).bind(to).bind(upcoming_flag)
                .bind(page.limit).bind(page.offset).bind(cutoff)
                .fetch_all(pool).await?
            };
            let total: (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM meetings m WHERE m.workspace_id = $1 \
                 AND ($2 IS NULL OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = $2) \
                      OR m.created_by = $2 OR m.facilitator_id = $2) \
                 AND ($3 IS NULL OR m.starts_at >= $3) AND ($4 IS NULL OR m.starts_at < $4) \
                 AND ($5 IS NULL OR ($5 = 1 AND (m.status = 'in_progress' OR (m.status IN ('draft', 'scheduled') AND m.starts_at >= $6))) \
                      OR ($5 = 0 AND (m.status IN ('ended', 'cancelled') OR (m.status IN ('draft', 'scheduled') AND m.starts_at < $6))))",
            )
            .bind(workspace_id).bind(attendee).bind(from).bind(to).bind(upcoming_flag).bind(cutoff)
            .fetch_one(pool).await?;
            (items, total.0)
        });
        Ok(Page {
            items,
            total,
            limit: page.limit,
            offset: page.offset,
        })
    }

    /// Saves a meeting's plan and attendees together.
    pub async fn update_meeting(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        f: &MeetingFields,
        attendees: &[Uuid],
    ) -> Result<()> {
        in_tx!(self, |tx| {
            let done = sqlx::query(
                "UPDATE meetings SET title = $1, purpose = $2, starts_at = $3, duration_minutes = $4, location = $5, \
                 facilitator_id = $6, note_taker_id = $7, timekeeper_id = $8 WHERE workspace_id = $9 AND id = $10",
            )
            .bind(&f.title).bind(&f.purpose).bind(f.starts_at).bind(f.duration_minutes).bind(&f.location)
            .bind(f.facilitator_id).bind(f.note_taker_id).bind(f.timekeeper_id)
            .bind(workspace_id).bind(id)
            .execute(&mut *tx).await?.rows_affected();
            found(done)?;
            replace_attendees!(tx, id, attendees);
        });
        Ok(())
    }

    /// "This and following": applies the plan to every not-yet-started
    /// occurrence from `from` on, moving each by the same shift in start time.
    pub async fn update_series_from(
        &self,
        workspace_id: Uuid,
        series_id: Uuid,
        from: DateTime<Utc>,
        f: &MeetingFields,
        attendees: &[Uuid],
        shift_seconds: i64,
    ) -> Result<u64> {
        let targets = self.series_meetings(workspace_id, series_id).await?;
        let targets: Vec<&Meeting> = targets
            .iter()
            .filter(|m| m.starts_at >= from && m.status().is_upcoming())
            .collect();
        let count = targets.len() as u64;
        in_tx!(self, |tx| {
            for m in &targets {
                let changed = sqlx::query(
                    "UPDATE meetings SET title = $1, purpose = $2, starts_at = $3, duration_minutes = $4, location = $5, \
                     facilitator_id = $6, note_taker_id = $7, timekeeper_id = $8 WHERE workspace_id = $9 AND id = $10 \
                     AND status IN ('draft', 'scheduled')",
                )
                .bind(&f.title).bind(&f.purpose)
                .bind(m.starts_at + chrono::Duration::seconds(shift_seconds))
                .bind(f.duration_minutes).bind(&f.location)
                .bind(f.facilitator_id).bind(f.note_taker_id).bind(f.timekeeper_id)
                .bind(workspace_id).bind(m.id)
                .execute(&mut *tx).await?.rows_affected();
                // A meeting that started meanwhile keeps its plan and its people.
                if changed > 0 {
                    replace_attendees!(tx, m.id, attendees);
                }
            }
            sqlx::query("UPDATE series SET title = $1 WHERE workspace_id = $2 AND id = $3")
                .bind(&f.title)
                .bind(workspace_id)
                .bind(series_id)
                .execute(&mut *tx)
                .await?;
        });
        Ok(count)
    }

    /// Moves a meeting to `status` if it is in one of the `from` states now.
    pub async fn set_meeting_status(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        status: MeetingStatus,
        from: [MeetingStatus; 2],
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE meetings SET status = $1 WHERE workspace_id = $2 AND id = $3 AND status IN ($4, $5)"
        )
        .bind(status.as_str())
        .bind(workspace_id)
        .bind(id)
        .bind(from[0].as_str())
        .bind(from[1].as_str())
        .execute(pool)
        .await?
        .rows_affected()
        });
        found(done)
    }

    /// Starts a meeting: in progress, clock running on its first pending item.
    pub async fn start_meeting(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        first_item: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE meetings SET status = 'in_progress', started_at = $1, current_item_id = $2, current_item_started_at = $1 \
             WHERE workspace_id = $3 AND id = $4 AND status IN ('draft', 'scheduled')"
        )
        .bind(now).bind(first_item).bind(workspace_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn delete_meeting(&self, workspace_id: Uuid, id: Uuid) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "DELETE FROM meetings WHERE workspace_id = $1 AND id = $2"
        )
        .bind(workspace_id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }

    pub async fn attendees(&self, meeting_id: Uuid) -> Result<Vec<Attendee>> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
            "SELECT u.id AS user_id, u.name FROM meeting_attendees a JOIN users u ON u.id = a.user_id \
             WHERE a.meeting_id = $1 ORDER BY u.name, u.id"
        )
        .bind(meeting_id)
        .fetch_all(pool)
        .await?
        }))
    }

    pub async fn is_attendee(&self, meeting_id: Uuid, user_id: Uuid) -> Result<bool> {
        let found: Option<(i64,)> = on_read!(self, |pool| {
            sqlx::query_as(
            "SELECT CAST(1 AS BIGINT) FROM meeting_attendees WHERE meeting_id = $1 AND user_id = $2"
        )
        .bind(meeting_id).bind(user_id)
        .fetch_optional(pool).await?
        });
        Ok(found.is_some())
    }
}

impl Db {
    /// The meetings a person attends, for filtering what guests may see.
    pub async fn attended_meeting_ids(&self, user_id: Uuid) -> Result<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = on_read!(self, |pool| sqlx::query_as(
            "SELECT meeting_id FROM meeting_attendees WHERE user_id = $1 LIMIT 10000"
        )
        .bind(user_id)
        .fetch_all(pool)
        .await?);
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}
