use chrono::{DateTime, NaiveDate, Utc};
use goalmeet_core::decision::DecisionStatus;
use uuid::Uuid;

use crate::{Db, Decision, Page, PageRequest, Result, StoreError, found, in_tx, on_read, on_write};

macro_rules! decision_select {
    () => {
        "SELECT d.id, d.workspace_id, d.statement, d.context, d.rationale, d.decided_by, d.decided_on, d.status, \
         d.superseded_by, d.revisit_on, d.meeting_id, d.agenda_item_id, d.created_by, d.created_at, \
         u.name AS decided_by_name, m.title AS meeting_title \
         FROM decisions d LEFT JOIN users u ON u.id = d.decided_by LEFT JOIN meetings m ON m.id = d.meeting_id "
    };
}

#[derive(Debug, Clone)]
pub struct NewDecision {
    pub workspace_id: Uuid,
    pub statement: String,
    pub context: String,
    pub rationale: String,
    pub decided_by: Option<Uuid>,
    pub decided_on: NaiveDate,
    pub status: DecisionStatus,
    pub revisit_on: Option<NaiveDate>,
    pub meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    /// An earlier decision this one replaces; it becomes `superseded`.
    pub supersedes: Option<Uuid>,
    pub created_by: Uuid,
}

#[derive(Debug, Clone, Default)]
pub struct DecisionFilter {
    /// Words to find in the statement, context or rationale.
    pub text: Option<String>,
    pub status: Option<DecisionStatus>,
    pub meeting_id: Option<Uuid>,
}

/// `%text%` for LIKE, with LIKE's own wildcards taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Db {
    pub async fn create_decision(&self, new: &NewDecision, now: DateTime<Utc>) -> Result<Uuid> {
        let id = Uuid::now_v7();
        in_tx!(self, |tx| {
            sqlx::query(
                "INSERT INTO decisions (id, workspace_id, statement, context, rationale, decided_by, decided_on, status, \
                 revisit_on, meeting_id, agenda_item_id, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            )
            .bind(id).bind(new.workspace_id).bind(&new.statement).bind(&new.context).bind(&new.rationale)
            .bind(new.decided_by).bind(new.decided_on).bind(new.status.as_str()).bind(new.revisit_on)
            .bind(new.meeting_id).bind(new.agenda_item_id).bind(new.created_by).bind(now)
            .execute(&mut *tx).await?;
            if let Some(old) = new.supersedes {
                let done = sqlx::query(
                    "UPDATE decisions SET status = 'superseded', superseded_by = $1 WHERE workspace_id = $2 AND id = $3",
                )
                .bind(id).bind(new.workspace_id).bind(old)
                .execute(&mut *tx).await?.rows_affected();
                if done == 0 {
                    return Err(StoreError::NotFound);
                }
            }
        });
        Ok(id)
    }

    pub async fn decision(&self, workspace_id: Uuid, id: Uuid) -> Result<Option<Decision>> {
        let sql = concat!(
            decision_select!(),
            "WHERE d.workspace_id = $1 AND d.id = $2"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    /// The decisions recorded in one meeting, in order.
    pub async fn meeting_decisions(
        &self,
        workspace_id: Uuid,
        meeting_id: Uuid,
    ) -> Result<Vec<Decision>> {
        let sql = concat!(
            decision_select!(),
            "WHERE d.meeting_id = $2 AND d.workspace_id = $1 ORDER BY d.id LIMIT 500"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(meeting_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn set_decision_status(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        status: DecisionStatus,
    ) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "UPDATE decisions SET status = $1 WHERE workspace_id = $2 AND id = $3"
        )
        .bind(status.as_str())
        .bind(workspace_id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }

    /// The decision log, newest first, filtered and searched.
    pub async fn list_decisions(
        &self,
        workspace_id: Uuid,
        filter: &DecisionFilter,
        page: PageRequest,
    ) -> Result<Page<Decision>> {
        let pattern = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(like_pattern);
        let status = filter.status.map(|s| s.as_str());
        let (items, total) = on_read!(self, |pool| {
            let items = sqlx::query_as(concat!(
                decision_select!(),
                "WHERE d.workspace_id = $1 AND ($2 IS NULL OR d.status = $2) AND ($3 IS NULL OR d.meeting_id = $3) \
                 AND ($4 IS NULL OR LOWER(d.statement) LIKE $4 ESCAPE '\\' OR LOWER(d.context) LIKE $4 ESCAPE '\\' \
                      OR LOWER(d.rationale) LIKE $4 ESCAPE '\\') \
                 ORDER BY d.id DESC LIMIT $5 OFFSET $6"
            ))
            .bind(workspace_id).bind(status).bind(filter.meeting_id).bind(&pattern).bind(page.limit).bind(page.offset)
            .fetch_all(pool).await?;
            let total: (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM (SELECT 1 FROM decisions d WHERE d.workspace_id = $1 AND ($2 IS NULL OR d.status = $2) \
                 AND ($3 IS NULL OR d.meeting_id = $3) \
                 AND ($4 IS NULL OR LOWER(d.statement) LIKE $4 ESCAPE '\\' OR LOWER(d.context) LIKE $4 ESCAPE '\\' \
                      OR LOWER(d.rationale) LIKE $4 ESCAPE '\\') LIMIT $5) capped",
            )
            .bind(workspace_id).bind(status).bind(filter.meeting_id).bind(&pattern).bind(super::action::COUNT_CAP)
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
}
