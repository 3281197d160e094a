//! The members page: people, roles, invitations.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use goalmeet_core::Role;
use goalmeet_store::PageRequest;
use serde::Deserialize;
use uuid::Uuid;

use super::{
    FormErrors, Shell, UiResult, WorkspaceCtx, format_date, is_form_error, redirect_with_flash,
    render_with,
};
use crate::service;
use crate::{AppError, AppState};

const PER_PAGE: i64 = 50;

pub struct MemberRow {
    pub user_id: Uuid,
    pub name: String,
    pub initials: String,
    pub email: String,
    pub role: Role,
    pub joined: String,
    pub is_me: bool,
    /// Whether the viewer may change this member's role or remove them.
    pub manageable: bool,
}

pub struct InvitationRow {
    pub id: Uuid,
    pub email: String,
    pub role_label: &'static str,
    pub expires: String,
    pub expired: bool,
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    shell: Shell,
    slug: String,
    can_admin: bool,
    members: Vec<MemberRow>,
    total: i64,
    page: i64,
    pages: i64,
    invitations: Vec<InvitationRow>,
    grantable: Vec<Role>,
    errors: FormErrors,
    invite_email: String,
    invite_role: String,
    new_invite_link: Option<String>,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

async fn members_page(
    state: &AppState,
    ctx: WorkspaceCtx,
    page: i64,
    errors: FormErrors,
    invite_email: String,
    invite_role: String,
    new_invite_link: Option<String>,
) -> Result<MembersPage, AppError> {
    let ctx = ctx.with_nav("members");
    let page = page.max(1);
    let tz = ctx.me.user.time_zone.clone();
    let listed = state
        .db
        .list_members(
            ctx.workspace.id,
            PageRequest::new(Some(PER_PAGE), Some((page - 1) * PER_PAGE)),
        )
        .await?;
    let can_admin = ctx.role.can_administer();
    let members = listed
        .items
        .iter()
        .map(|m| MemberRow {
            user_id: m.user_id,
            name: m.name.clone(),
            initials: goalmeet_core::account::initials(&m.name),
            email: m.email.clone(),
            role: m.role(),
            joined: format_date(m.joined_at, &tz),
            is_me: m.user_id == ctx.me.user.id,
            manageable: can_admin && ctx.role.can_grant(m.role()),
        })
        .collect();
    let now = goalmeet_core::clock::now();
    let invitations = if can_admin {
        state
            .db
            .pending_invitations(ctx.workspace.id)
            .await?
            .iter()
            .map(|i| InvitationRow {
                id: i.id,
                email: i.email.clone(),
                role_label: i.role().label(),
                expires: format_date(i.expires_at, &tz),
                expired: !i.is_open(now),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(MembersPage {
        slug: ctx.workspace.slug.clone(),
        can_admin,
        members,
        total: listed.total,
        page,
        pages: (listed.total + PER_PAGE - 1) / PER_PAGE,
        invitations,
        grantable: Role::ALL
            .into_iter()
            .filter(|r| ctx.role.can_grant(*r))
            .collect(),
        errors,
        invite_email,
        invite_role: if invite_role.is_empty() {
            "member".into()
        } else {
            invite_role
        },
        new_invite_link,
        shell: ctx.shell,
    })
}

pub async fn page(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Query(q): Query<PageQuery>,
) -> UiResult {
    let template = members_page(
        &state,
        ctx,
        q.page.unwrap_or(1),
        FormErrors::default(),
        String::new(),
        String::new(),
        None,
    )
    .await?;
    Ok(super::render(&template))
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// Creates an invitation and shows its link once, on the members page.
pub async fn invite(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Form(form): Form<InviteForm>,
) -> UiResult {
    ctx.require_admin()?;
    let result = service::invite(
        &state,
        &ctx.workspace,
        &ctx.me.user,
        ctx.role,
        &form.email,
        &form.role,
    )
    .await;
    let (status, template) = match result {
        Ok((invitation, link)) => {
            let mut template = members_page(
                &state,
                ctx,
                1,
                FormErrors::default(),
                String::new(),
                String::new(),
                Some(link),
            )
            .await?;
            template.shell.flash = Some(format!("Invitation for {} created.", invitation.email));
            (axum::http::StatusCode::CREATED, template)
        }
        Err(err) if is_form_error(&err) => {
            let errors = FormErrors::from_error(&err, &["email", "role"]);
            (
                err.status(),
                members_page(&state, ctx, 1, errors, form.email, form.role, None).await?,
            )
        }
        Err(err) => return Err(err.into()),
    };
    Ok(render_with(status, &template))
}

pub async fn revoke_invitation(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, id)): Path<(String, Uuid)>,
) -> UiResult {
    ctx.require_admin()?;
    state.db.revoke_invitation(ctx.workspace.id, id).await?;
    Ok(redirect_with_flash(
        &format!("/w/{}/members", ctx.workspace.slug),
        "Invitation revoked.",
    ))
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, user_id)): Path<(String, Uuid)>,
    Form(form): Form<RoleForm>,
) -> UiResult {
    service::change_role(&state, &ctx.workspace, ctx.role, user_id, &form.role).await?;
    Ok(redirect_with_flash(
        &format!("/w/{}/members", ctx.workspace.slug),
        "Role changed.",
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: WorkspaceCtx,
    Path((_, user_id)): Path<(String, Uuid)>,
) -> Result<Response, super::UiError> {
    service::remove_member(&state, &ctx.workspace, &ctx.me.user, ctx.role, user_id).await?;
    if user_id == ctx.me.user.id {
        return Ok(redirect_with_flash(
            "/",
            &format!("You left {}.", ctx.workspace.name),
        ));
    }
    Ok(redirect_with_flash(
        &format!("/w/{}/members", ctx.workspace.slug),
        "Member removed.",
    ))
}
