use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{Db, Result, Template, TemplateItemRow, found, in_tx, on_read, on_write};

macro_rules! template_columns {
    () => {
        "id, workspace_id, name, description, purpose, duration_minutes, created_by, created_at"
    };
}

#[derive(Debug, Clone)]
pub struct NewTemplate {
    pub workspace_id: Uuid,
    pub name: String,
    pub description: String,
    pub purpose: String,
    pub duration_minutes: i64,
    pub items: Vec<TemplateItemRow>,
    pub created_by: Uuid,
}

impl Db {
    pub async fn create_template(&self, new: &NewTemplate, now: DateTime<Utc>) -> Result<Uuid> {
        let id = Uuid::now_v7();
        in_tx!(self, |tx| {
            sqlx::query(
                "INSERT INTO templates (id, workspace_id, name, description, purpose, duration_minutes, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id).bind(new.workspace_id).bind(&new.name).bind(&new.description).bind(&new.purpose)
            .bind(new.duration_minutes).bind(new.created_by).bind(now)
            .execute(&mut *tx).await?;
            for (position, item) in new.items.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO template_items (template_id, position, title, kind, timebox_minutes, notes) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id).bind(position as i64).bind(&item.title).bind(&item.kind).bind(item.timebox_minutes).bind(&item.notes)
                .execute(&mut *tx).await?;
            }
        });
        Ok(id)
    }

    pub async fn templates(&self, workspace_id: Uuid) -> Result<Vec<Template>> {
        let sql = concat!(
            "SELECT ",
            template_columns!(),
            " FROM templates WHERE workspace_id = $1 ORDER BY name, id LIMIT 500"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn template(
        &self,
        workspace_id: Uuid,
        id: Uuid,
    ) -> Result<Option<(Template, Vec<TemplateItemRow>)>> {
        let sql = concat!(
            "SELECT ",
            template_columns!(),
            " FROM templates WHERE workspace_id = $1 AND id = $2"
        );
        let found: Option<Template> = on_read!(self, |pool| sqlx::query_as(sql)
            .bind(workspace_id)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        let Some(template) = found else {
            return Ok(None);
        };
        let items = on_read!(self, |pool| {
            sqlx::query_as(
            "SELECT position, title, kind, timebox_minutes, notes FROM template_items WHERE template_id = $1 ORDER BY position"
        )
        .bind(id).fetch_all(pool).await?
        });
        Ok(Some((template, items)))
    }

    /// The items of all the workspace's templates, as (template id, item), in order.
    pub async fn workspace_template_items(
        &self,
        workspace_id: Uuid,
    ) -> Result<Vec<(Uuid, TemplateItemRow)>> {
        type Row = (Uuid, i64, String, String, i64, String);
        let rows: Vec<Row> = on_read!(self, |pool| {
            sqlx::query_as(
            "SELECT i.template_id, i.position, i.title, i.kind, i.timebox_minutes, i.notes FROM template_items i \
             JOIN templates t ON t.id = i.template_id WHERE t.workspace_id = $1 ORDER BY i.template_id, i.position LIMIT 20000"
        )
        .bind(workspace_id).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, position, title, kind, timebox_minutes, notes)| {
                (
                    id,
                    TemplateItemRow {
                        position,
                        title,
                        kind,
                        timebox_minutes,
                        notes,
                    },
                )
            })
            .collect())
    }

    pub async fn update_template(
        &self,
        workspace_id: Uuid,
        id: Uuid,
        name: &str,
        description: &str,
        purpose: &str,
        duration_minutes: i64,
    ) -> Result<()> {
        let done = on_write!(self, |pool| {
            sqlx::query(
            "UPDATE templates SET name = $1, description = $2, purpose = $3, duration_minutes = $4 WHERE workspace_id = $5 AND id = $6"
        )
        .bind(name).bind(description).bind(purpose).bind(duration_minutes).bind(workspace_id).bind(id)
        .execute(pool).await?.rows_affected()
        });
        found(done)
    }

    pub async fn delete_template(&self, workspace_id: Uuid, id: Uuid) -> Result<()> {
        let done = on_write!(self, |pool| sqlx::query(
            "DELETE FROM templates WHERE workspace_id = $1 AND id = $2"
        )
        .bind(workspace_id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected());
        found(done)
    }
}
