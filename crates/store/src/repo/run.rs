//! Running a meeting: the clock on the current item, ending, and carry-over.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{Db, Result, StoreError, in_tx};

/// What ending a meeting carried into the next occurrence of its series.
#[derive(Debug, Clone, Default)]
pub struct CarryOver {
    pub next_meeting_id: Option<Uuid>,
    pub agenda_items: u64,
    pub action_items: u64,
}

/// Inside a transaction: adds the time since the current item started to its
/// used time, then makes `$next` (may be NULL) current from `$now`.
macro_rules! switch_current_item {
    ($tx:ident, $workspace_id:expr, $meeting_id:expr, $next:expr, $now:expr) => {{
        let row: Option<(Option<Uuid>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT current_item_id, current_item_started_at FROM meetings \
             WHERE workspace_id = $1 AND id = $2 AND status = 'in_progress'",
        )
        .bind($workspace_id)
        .bind($meeting_id)
        .fetch_optional(&mut *$tx)
        .await?;
        let Some((current, since)) = row else {
            return Err(StoreError::NotFound);
        };
        if let (Some(current), Some(since)) = (current, since) {
            let seconds = ($now - since).num_seconds().max(0);
            sqlx::query("UPDATE agenda_items SET used_seconds = used_seconds + $1 WHERE meeting_id = $2 AND id = $3")
                .bind(seconds)
                .bind($meeting_id)
                .bind(current)
                .execute(&mut *$tx)
                .await?;
        }
        sqlx::query("UPDATE meetings SET current_item_id = $1, current_item_started_at = $2 WHERE id = $3")
            .bind($next)
            .bind($now)
            .bind($meeting_id)
            .execute(&mut *$tx)
            .await?;
    }};
}

impl Db {
    /// Moves the meeting's clock to another item (or none).
    pub async fn set_current_item(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        item: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        in_tx!(self, |tx| {
            if let Some(item) = item {
                let found: Option<(i64,)> = sqlx::query_as(
                    "SELECT CAST(1 AS BIGINT) FROM agenda_items WHERE workspace_id = $1 AND meeting_id = $2 AND id = $3",
                )
                .bind(workspace_id)
                .bind(meeting_id)
                .bind(item)
                .fetch_optional(&mut *tx)
                .await?;
                if found.is_none() {
                    return Err(StoreError::NotFound);
                }
            }
            switch_current_item!(tx, workspace_id, meeting_id, item, now);
        });
        Ok(())
    }

    /// Ends a meeting in progress. In a series, its unfinished agenda items
    /// (pending or deferred, accepted) are copied into the next occurrence with
    /// their roll count raised, and the series' open action items count one more
    /// roll. All of it commits together or not at all; an item is carried into
    /// a meeting at most once.
    pub async fn end_meeting(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<CarryOver> {
        Ok(in_tx!(self, |tx| {
            // Claim the meeting first: on PostgreSQL this row lock makes a
            // concurrent second "end" wait, then find nothing to end.
            let claimed = sqlx::query(
                "UPDATE meetings SET ended_at = $1 WHERE workspace_id = $2 AND id = $3 \
                 AND status = 'in_progress' AND ended_at IS NULL",
            )
            .bind(now)
            .bind(workspace_id)
            .bind(meeting_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                return Err(StoreError::NotFound);
            }
            switch_current_item!(tx, workspace_id, meeting_id, None::<Uuid>, now);
            sqlx::query("UPDATE meetings SET status = 'ended', ended_at = $1 WHERE id = $2")
                .bind(now)
                .bind(meeting_id)
                .execute(&mut *tx)
                .await?;
            let (series_id, starts_at): (Option<Uuid>, DateTime<Utc>) =
                sqlx::query_as("SELECT series_id, starts_at FROM meetings WHERE id = $1")
                    .bind(meeting_id)
                    .fetch_one(&mut *tx)
                    .await?;
            let mut carry = CarryOver::default();
            if let Some(series_id) = series_id {
                let next: Option<(Uuid,)> = sqlx::query_as(
                    "SELECT id FROM meetings WHERE series_id = $1 AND starts_at > $2 \
                     AND status IN ('draft', 'scheduled') ORDER BY starts_at, id LIMIT 1",
                )
                .bind(series_id)
                .bind(starts_at)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((next_id,)) = next {
                    carry.next_meeting_id = Some(next_id);
                    let start: (i64,) = sqlx::query_as(
                        "SELECT COALESCE(MAX(position), -1) + 1 FROM agenda_items WHERE meeting_id = $1",
                    )
                    .bind(next_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    // After the next meeting's own plan, in their old order.
                    let unfinished: Vec<crate::AgendaItem> = sqlx::query_as(concat!(
                        "SELECT ",
                        super::agenda::agenda_columns!(),
                        " FROM agenda_items WHERE meeting_id = $1 AND proposal = 'accepted' \
                         AND state IN ('pending', 'deferred') ORDER BY position, id"
                    ))
                    .bind(meeting_id)
                    .fetch_all(&mut *tx)
                    .await?;
                    // A standing section the next meeting already has (same title, e.g.
                    // from the series' template) is not copied again: it is on the
                    // agenda already, and a twin would only clutter it.
                    let planned: Vec<(String,)> = sqlx::query_as(
                        "SELECT title FROM agenda_items WHERE meeting_id = $1 AND carried_from IS NULL \
                         AND proposal = 'accepted'",
                    )
                    .bind(next_id)
                    .fetch_all(&mut *tx)
                    .await?;
                    let unfinished: Vec<crate::AgendaItem> = unfinished
                        .into_iter()
                        .filter(|old| {
                            !planned
                                .iter()
                                .any(|(t,)| t.eq_ignore_ascii_case(&old.title))
                        })
                        .collect();
                    for (offset, old) in unfinished.iter().enumerate() {
                        let item = super::meeting::NewAgendaItem {
                            title: old.title.clone(),
                            notes: old.notes.clone(),
                            presenter_id: old.presenter_id,
                            timebox_minutes: old.timebox_minutes,
                            kind: old.kind(),
                            proposal: "accepted",
                        };
                        super::agenda::insert_agenda_item!(
                            tx,
                            workspace_id,
                            next_id,
                            item,
                            start.0 + offset as i64,
                            old.created_by,
                            old.roll_count + 1,
                            Some(old.id),
                            now
                        );
                    }
                    carry.agenda_items = unfinished.len() as u64;
                    carry.action_items = sqlx::query(
                        "UPDATE action_items SET roll_count = roll_count + 1 WHERE series_id = $1 AND status = 'open'",
                    )
                    .bind(series_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                }
            }
            carry
        }))
    }
}
