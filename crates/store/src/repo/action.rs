use chrono::{DateTime, NaiveDate, Utc};
use goalmeet_core::action::ActionStatus;
use uuid::Uuid;

use crate::{
    ActionItem, Db, Page, PageRequest, Result, StoreError, found, in_tx, on_read, on_write,
};

macro_rules! action_select {
    () => {
        "SELECT a.id, a.workspace_id, a.title, a.assignee_id, a.due_on, a.status, a.meeting_id, a.agenda_item_id, \
         a.series_id, a.roll_count, a.created_by, a.created_at, a.completed_at, \
         u.name AS assignee_name, m.title AS meeting_title \
         FROM action_items a LEFT JOIN users u ON u.id = a.assignee_id LEFT JOIN meetings m ON m.id = a.meeting_id "
    };
}

/// Counting stops here, so a huge workspace's list costs the same as a big one's.
pub const COUNT_CAP: i64 = 1_000;

#[derive(Debug, Clone)]
pub struct NewAction {
    pub workspace_id: Uuid,
    pub title: String,
    pub assignee_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    pub created_by: Uuid,
}

#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    pub assignee_id: Option<Uuid>,
    pub status: Option<ActionStatus>,
    /// Only open items due before this day.
    pub overdue_before: Option<NaiveDate>,
    pub meeting_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
}

macro_rules! action_filter {
    () => {
        "WHERE a.workspace_id = $1 AND ($2 IS NULL OR a.assignee_id = $2) AND ($3 IS NULL OR a.status = $3) \
         AND ($4 IS NULL OR (a.status = 'open' AND a.due_on < $4)) AND ($5 IS NULL OR a.meeting_id = $5) \
         AND ($6 IS NULL OR a.series_id = $6) AND ($7 IS NULL OR a.due_on >= $7) AND ($8 IS NULL OR a.due_on <= $8) "
    };
}

impl Db {
    pub async fn create_action(&self, new: &NewAction, now: DateTime<Utc>) -> Result<Uuid> {
        let id = Uuid::now_v7();
        on_write!(self, |pool| {
            sqlx::query(
            "INSERT INTO action_items (id, workspace_id, title, assignee_id, due_on, status, meeting_id, agenda_item_id, \
             series_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10)"
        )
        .bind(id).bind(new.workspace_id).bind(&new.title).bind(new.assignee_id).bind(new.due_on)
        .bind(new.meeting_id).bind(new.agenda_item_id).bind(new.series_id).bind(new.created_by).bind(now)
        .execute(pool).await?.rows_affected()
        });
        Ok(id)
    }

    pub async fn action(&self, workspace_id: Uuid, id: Uuid) -> Result<Option<ActionItem>> {
        let sql = concat!(action_select!(), "WHERE a.workspace_id = $1 AND a.id = $2");
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    pub async fn update_action(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        title: &str,
        assignee_id: Option<Uuid>,
        due_on: Option<NaiveDate>,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE action_items SET title = $1, assignee_id = $2, due_on = $3 WHERE workspace_id = $4 AND id = $5"
        )
        .bind(title).bind(assignee_id).bind(due_on).bind(workspace_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn set_action_status(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        status: ActionStatus,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let completed = (status != ActionStatus::Open).then_some(now);
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE action_items SET status = $1, completed_at = $2 WHERE workspace_id = $3 AND id = $4"
        )
        .bind(status.as_str()).bind(completed).bind(workspace_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn delete_action(&self, workspace_id: Uuid, id: Uuid) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "DELETE FROM action_items WHERE workspace_id = $1 AND id = $2"
        )
        .bind(workspace_id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }

    /// Action items matching `filter`, newest first; `total` is capped at [`COUNT_CAP`].
    pub async fn list_actions(
        &self,
        workspace_id: Uuid,
        filter: &ActionFilter,
        page: PageRequest,
    ) -> Result<Page<ActionItem>> {
        let status = filter.status.map(|s| s.as_str());
        let (items, total) = on_read!(self, |pool| {
            let items = sqlx::query_as(concat!(
                action_select!(),
                action_filter!(),
                "ORDER BY a.id DESC LIMIT $9 OFFSET $10"
            ))
            .bind(workspace_id)
            .bind(filter.assignee_id)
            .bind(status)
            .bind(filter.overdue_before)
            .bind(filter.meeting_id)
            .bind(filter.series_id)
            .bind(filter.due_from)
            .bind(filter.due_to)
            .bind(page.limit)
            .bind(page.offset)
            .fetch_all(pool)
            .await?;
            let total: (i64,) = sqlx::query_as(concat!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM action_items a ",
                action_filter!(),
                "LIMIT $9) capped"
            ))
            .bind(workspace_id)
            .bind(filter.assignee_id)
            .bind(status)
            .bind(filter.overdue_before)
            .bind(filter.meeting_id)
            .bind(filter.series_id)
            .bind(filter.due_from)
            .bind(filter.due_to)
            .bind(COUNT_CAP)
            .fetch_one(pool)
            .await?;
            (items, total.0)
        });
        Ok(Page {
            items,
            total,
            limit: page.limit,
            offset: page.offset,
        })
    }

    /// A person's open action items, overdue and soonest due first, undated
    /// last. Two index walks (dated, then undated) rather than one sort, so the
    /// cost follows `limit`, not how many items the person has.
    pub async fn my_open_actions(
        &self,
        workspace_id: Uuid,
        user_id: Uuid,
        limit: i64,
    ) -> Result<Vec<ActionItem>> {
        let dated_sql = concat!(
            action_select!(),
            "WHERE a.workspace_id = $1 AND a.assignee_id = $2 AND a.status = 'open' AND a.due_on IS NOT NULL \
             ORDER BY a.due_on, a.id LIMIT $3"
        );
        let undated_sql = concat!(
            action_select!(),
            "WHERE a.workspace_id = $1 AND a.assignee_id = $2 AND a.status = 'open' AND a.due_on IS NULL \
             ORDER BY a.id LIMIT $3"
        );
        let mut items: Vec<ActionItem> = on_read!(self, |pool| sqlx::query_as(dated_sql)
            .bind(workspace_id)
            .bind(user_id)
            .bind(limit)
            .fetch_all(pool)
            .await?);
        let room = limit - items.len() as i64;
        if room > 0 {
            let undated: Vec<ActionItem> = on_read!(self, |pool| sqlx::query_as(undated_sql)
                .bind(workspace_id)
                .bind(user_id)
                .bind(room)
                .fetch_all(pool)
                .await?);
            items.extend(undated);
        }
        Ok(items)
    }

    /// How many open action items a person has, and how many of them are
    /// overdue on `today`; each count stops at [`COUNT_CAP`].
    pub async fn count_my_open_actions(
        &self,
        workspace_id: Uuid,
        user_id: Uuid,
        today: NaiveDate,
    ) -> Result<(i64, i64)> {
        Ok(on_read!(self, |pool| {
            let open: (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM (SELECT 1 FROM action_items WHERE workspace_id = $1 AND assignee_id = $2 \
                 AND status = 'open' LIMIT $3) capped",
            )
            .bind(workspace_id).bind(user_id).bind(COUNT_CAP)
            .fetch_one(pool).await?;
            let overdue: (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM (SELECT 1 FROM action_items WHERE workspace_id = $1 AND assignee_id = $2 \
                 AND status = 'open' AND due_on < $3 LIMIT $4) capped",
            )
            .bind(workspace_id).bind(user_id).bind(today).bind(COUNT_CAP)
            .fetch_one(pool).await?;
            (open.0, overdue.0)
        }))
    }

    /// Action items recorded in one meeting.
    pub async fn meeting_actions(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
    ) -> Result<Vec<ActionItem>> {
        let sql = concat!(
            action_select!(),
            "WHERE a.workspace_id = $1 AND a.meeting_id = $2 ORDER BY a.id LIMIT 500"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(meeting_id)
            .fetch_all(pool)
            .await?))
    }

    /// What a meeting of a series reviews: action items from its earlier
    /// meetings that were open when it began, or that it has reviewed already.
    pub async fn actions_to_review(
        &self,
        workspace_id: Uuid,
        series_id: Uuid,
        meeting_id: Uuid,
        starts_at: DateTime<Utc>,
    ) -> Result<Vec<(ActionItem, Option<String>)>> {
        let sql = concat!(
            action_select!(),
            "WHERE a.workspace_id = $1 AND a.series_id = $2 AND m.starts_at < $3 \
             AND (a.status = 'open' OR EXISTS (SELECT 1 FROM action_reviews r WHERE r.meeting_id = $4 AND r.action_item_id = a.id)) \
             ORDER BY a.id LIMIT 500"
        );
        let (items, reviews): (Vec<ActionItem>, Vec<(Uuid, String)>) = on_read!(self, |pool| {
            let items = sqlx::query_as(sql)
                .bind(workspace_id)
                .bind(series_id)
                .bind(starts_at)
                .bind(meeting_id)
                .fetch_all(pool)
                .await?;
            let reviews = sqlx::query_as(
                "SELECT action_item_id, outcome FROM action_reviews WHERE meeting_id = $1",
            )
            .bind(meeting_id)
            .fetch_all(pool)
            .await?;
            (items, reviews)
        });
        Ok(items
            .into_iter()
            .map(|a| {
                let outcome = reviews
                    .iter()
                    .find(|(id, _)| *id == a.id)
                    .map(|(_, o)| o.clone());
                (a, outcome)
            })
            .collect())
    }

    /// Records a review outcome in `meeting_id`: done, not done (stays open) or dropped (cancelled).
    pub async fn review_action(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
        action_id: Uuid,
        outcome: &'static str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (status, completed) = match outcome {
            "done" => ("done", Some(now)),
            "dropped" => ("cancelled", Some(now)),
            _ => ("open", None),
        };
        in_tx!(self, |tx| {
            let done = sqlx::query("UPDATE action_items SET status = $1, completed_at = $2 WHERE workspace_id = $3 AND id = $4")
                .bind(status).bind(completed).bind(workspace_id).bind(action_id)
                .execute(&mut *tx).await?.rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query(
                "INSERT INTO action_reviews (meeting_id, action_item_id, outcome, reviewed_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (meeting_id, action_item_id) DO UPDATE SET outcome = $3, reviewed_at = $4",
            )
            .bind(meeting_id).bind(action_id).bind(outcome).bind(now)
            .execute(&mut *tx).await?;
        });
        Ok(())
    }
}
