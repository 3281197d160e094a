use chrono::{DateTime, Utc};
use goalmeet_core::agenda::AgendaState;
use uuid::Uuid;

use crate::{AgendaItem, Db, Result, StoreError, found, in_tx, on_read, on_write};

macro_rules! agenda_columns {
    () => {
        "id, meeting_id, title, notes, presenter_id, timebox_minutes, kind, state, proposal, position, \
         roll_count, carried_from, used_seconds, created_by, created_at"
    };
}
pub(crate) use agenda_columns;

/// Inserts one agenda item inside a transaction.
macro_rules! insert_agenda_item {
    ($tx:ident, $workspace_id:expr, $meeting_id:expr, $item:expr, $position:expr, $created_by:expr, $roll_count:expr, $carried_from:expr, $now:expr) => {{
        let id = ::uuid::Uuid::now_v7();
        sqlx::query(
            "INSERT INTO agenda_items (id, workspace_id, meeting_id, title, notes, presenter_id, timebox_minutes, kind, \
             state, proposal, position, roll_count, carried_from, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13, $14) \
             ON CONFLICT (meeting_id, carried_from) DO NOTHING",
        )
        .bind(id)
        .bind($workspace_id)
        .bind($meeting_id)
        .bind(&$item.title)
        .bind(&$item.notes)
        .bind($item.presenter_id)
        .bind($item.timebox_minutes)
        .bind($item.kind.as_str())
        .bind($item.proposal)
        .bind($position)
        .bind($roll_count)
        .bind($carried_from)
        .bind($created_by)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        id
    }};
}
pub(crate) use insert_agenda_item;

/// The editable part of an agenda item.
#[derive(Debug, Clone)]
pub struct AgendaFields {
    pub title: String,
    pub notes: String,
    pub presenter_id: Option<Uuid>,
    pub timebox_minutes: i64,
    pub kind: goalmeet_core::agenda::AgendaKind,
}

impl Db {
    /// A meeting's agenda in order (accepted, proposed and parked items alike).
    pub async fn agenda(&self, meeting_id: Uuid) -> Result<Vec<AgendaItem>> {
        let sql = concat!(
            "SELECT ",
            agenda_columns!(),
            " FROM agenda_items WHERE meeting_id = $1 ORDER BY position, id"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(meeting_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn agenda_item(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        id: Uuid,
    ) -> Result<Option<AgendaItem>> {
        let sql = concat!(
            "SELECT ",
            agenda_columns!(),
            " FROM agenda_items WHERE workspace_id = $1 AND meeting_id = $2 AND id = $3"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(meeting_id)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    /// Appends an item at the end of the agenda.
    pub async fn add_agenda_item(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        item: &super::meeting::NewAgendaItem,
        created_by: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Uuid> {
        Ok(in_tx!(self, |tx| {
            let next: (i64,) = sqlx::query_as(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM agenda_items WHERE meeting_id = $1",
            )
            .bind(meeting_id)
            .fetch_one(&mut *tx)
            .await?;
            insert_agenda_item!(
                tx,
                workspace_id,
                meeting_id,
                item,
                next.0,
                created_by,
                0i64,
                None::<Uuid>,
                now
            )
        }))
    }

    pub async fn update_agenda_item(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        id: Uuid,
        f: &AgendaFields,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE agenda_items SET title = $1, notes = $2, presenter_id = $3, timebox_minutes = $4, kind = $5 \
             WHERE workspace_id = $6 AND meeting_id = $7 AND id = $8"
        )
        .bind(&f.title).bind(&f.notes).bind(f.presenter_id).bind(f.timebox_minutes).bind(f.kind.as_str())
        .bind(workspace_id).bind(meeting_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn set_agenda_notes(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        id: Uuid,
        notes: &str,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE agenda_items SET notes = $1 WHERE workspace_id = $2 AND meeting_id = $3 AND id = $4"
        )
        .bind(notes).bind(workspace_id).bind(meeting_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn set_agenda_state(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        id: Uuid,
        state: AgendaState,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE agenda_items SET state = $1 WHERE workspace_id = $2 AND meeting_id = $3 AND id = $4"
        )
        .bind(state.as_str()).bind(workspace_id).bind(meeting_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    /// Accepts a proposed item onto the agenda, or parks it (the parking lot).
    pub async fn set_agenda_proposal(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        id: Uuid,
        proposal: &'static str,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE agenda_items SET proposal = $1 WHERE workspace_id = $2 AND meeting_id = $3 AND id = $4"
        )
        .bind(proposal).bind(workspace_id).bind(meeting_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn delete_agenda_item(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        id: Uuid,
    ) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "DELETE FROM agenda_items WHERE workspace_id = $1 AND meeting_id = $2 AND id = $3"
        )
        .bind(workspace_id)
        .bind(meeting_id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }

    /// Puts the agenda in the given order. `ids` must be exactly the meeting's
    /// items; anything else (an item of another meeting, one missing) is refused.
    pub async fn reorder_agenda(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        ids: &[Uuid],
    ) -> Result<()> {
        in_tx!(self, |tx| {
            let current: Vec<(Uuid,)> = sqlx::query_as(
                "SELECT id FROM agenda_items WHERE workspace_id = $1 AND meeting_id = $2",
            )
            .bind(workspace_id)
            .bind(meeting_id)
            .fetch_all(&mut *tx)
            .await?;
            let mut have: Vec<Uuid> = current.into_iter().map(|r| r.0).collect();
            let mut want = ids.to_vec();
            have.sort();
            want.sort();
            if have != want {
                return Err(StoreError::NotFound);
            }
            for (position, id) in ids.iter().enumerate() {
                sqlx::query(
                    "UPDATE agenda_items SET position = $1 WHERE meeting_id = $2 AND id = $3",
                )
                .bind(position as i64)
                .bind(meeting_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        });
        Ok(())
    }
}
