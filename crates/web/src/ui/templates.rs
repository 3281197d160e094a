//! The template gallery: built-in meeting shapes and the workspace's own.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use goalmeet_core::template::BUILTIN_TEMPLATES;
use serde::Deserialize;
use uuid::Uuid;

use super::{Shell, UiResult, WorkspaceCtx, redirect_with_flash, render};
use crate::service::meeting as meetings;
use crate::{AppError, AppState};

pub struct Card {
    pub id: String,
    pub name: String,
    pub description: String,
    pub minutes: i64,
    pub items: Vec<(String, &'static str, i64)>,
}

#[derive(Template)]
#[template(path = "templates.html")]
struct GalleryPage {
    shell: Shell,
    slug: String,
    builtin: Vec<Card>,
    own: Vec<Card>,
    can_edit: bool,
}

pub async fn gallery(State(state): State<AppState>, ctx: WorkspaceCtx) -> UiResult {
    let ctx = ctx.with_nav("templates");
    let builtin = BUILTIN_TEMPLATES
        .iter()
        .map(|t| Card {
            id: format!("builtin:{}", t.key),
            name: t.name.into(),
            description: t.description.into(),
            minutes: t.duration_minutes,
            items: t
                .items
                .iter()
                .map(|i| (i.title.to_string(), i.kind.label(), i.timebox_minutes))
                .collect(),
        })
        .collect();
    let own = state
        .db
        .templates(ctx.workspace.id)
        .await?
        .into_iter()
        .map(|t| Card {
            id: t.id.to_string(),
            name: t.name,
            description: t.description,
            minutes: t.duration_minutes,
            items: Vec::new(),
        })
        .collect();
    Ok(render(&GalleryPage {
        slug: ctx.workspace.slug.clone(),
        builtin,
        own,
        can_edit: ctx.role.can_contribute(),
        shell: ctx.shell,
    }))
}

#[derive(Deserialize)]
pub struct TemplateForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    duration_minutes: String,
}

pub async fn update(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
    Form(form): Form<TemplateForm>,
) -> UiResult {
    let back = format!("/w/{}/templates", ctx.workspace.slug);
    let duration = match form.duration_minutes.trim() {
        "" => None,
        text => match goalmeet_core::agenda::parse_minutes_text("duration_minutes", text) {
            Ok(n) => Some(n),
            Err(v) => return Ok(redirect_with_flash(&back, &v.message)),
        },
    };
    match meetings::update_template(
        &state,
        ctx.actor(),
        id,
        Some(&form.name),
        Some(&form.description),
        None,
        duration,
    )
    .await
    {
        Ok(()) => Ok(redirect_with_flash(&back, "Template saved.")),
        Err(AppError::Invalid(v)) => Ok(redirect_with_flash(&back, &v.message)),
        Err(err) => Err(err.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    meetings::delete_template(&state, ctx.actor(), id).await?;
    Ok(redirect_with_flash(
        &format!("/w/{}/templates", ctx.workspace.slug),
        "Template deleted.",
    ))
}
