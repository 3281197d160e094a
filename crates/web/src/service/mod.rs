//! Operations shared by the web UI and the REST API: the rules and checks
//! live here once, and each front end only translates input and output.

use chrono::Duration;
use goalmeet_core::account::{Email, check_password, parse_person_name};
use goalmeet_core::workspace::{DEFAULT_HOURLY_COST_CENTS, parse_workspace_name, slug_base};
use goalmeet_core::{Role, clock};
use goalmeet_store::{Invitation, NewUser, NewWorkspace, User, Workspace};
use uuid::Uuid;

use crate::auth::{enforce, hash_token, new_token, record_attempt};
use crate::{AppError, AppState};

/// How long an invitation link stays valid.
pub const INVITATION_LIFETIME_DAYS: i64 = 14;

pub struct SignUp<'a> {
    pub workspace_name: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub time_zone: Option<&'a str>,
}

fn time_zone_or_utc(input: Option<&str>) -> Result<String, AppError> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        Some(tz) => Ok(goalmeet_core::clock::parse_time_zone(tz)?
            .name()
            .to_string()),
        None => Ok("UTC".into()),
    }
}

/// Validates the whole form before touching the database, so bad input saves nothing.
pub fn validate_new_account(
    name: &str,
    email: &str,
    password: &str,
    time_zone: Option<&str>,
) -> Result<(String, Email, String), AppError> {
    let name = parse_person_name(name)?;
    let email = Email::parse(email)?;
    check_password(password)?;
    let time_zone = time_zone_or_utc(time_zone)?;
    Ok((name, email, time_zone))
}

/// Self-service sign-up: a new account owning a new workspace.
pub async fn sign_up(
    state: &AppState,
    ip: &str,
    input: SignUp<'_>,
) -> Result<(User, Workspace), AppError> {
    let workspace_name = parse_workspace_name(input.workspace_name)?;
    let (name, email, time_zone) =
        validate_new_account(input.name, input.email, input.password, input.time_zone)?;
    let buckets = [format!("signup:ip:{ip}")];
    enforce(&state.db, &buckets, state.config.signup_limit).await?;
    record_attempt(&state.db, &buckets).await?;
    let password_hash = state.passwords.hash(input.password).await?;
    let user = NewUser {
        email: email.into_inner(),
        name,
        password_hash,
        time_zone: time_zone.clone(),
    };
    let workspace = NewWorkspace {
        slug_base: slug_base(&workspace_name),
        name: workspace_name,
        time_zone,
        meeting_hourly_cost_cents: DEFAULT_HOURLY_COST_CENTS,
    };
    Ok(state
        .db
        .create_account_with_workspace(&user, &workspace, clock::now())
        .await?)
}

/// A logged-in person starts another workspace.
pub async fn create_workspace(
    state: &AppState,
    user: &User,
    name: &str,
) -> Result<Workspace, AppError> {
    let name = parse_workspace_name(name)?;
    let workspace = NewWorkspace {
        slug_base: slug_base(&name),
        name,
        time_zone: user.time_zone.clone(),
        meeting_hourly_cost_cents: DEFAULT_HOURLY_COST_CENTS,
    };
    Ok(state
        .db
        .create_workspace(user.id, &workspace, clock::now())
        .await?)
}

/// Issues an API token for `user` in `workspace`; returns the secret, shown once.
pub async fn issue_api_token(
    state: &AppState,
    user: &User,
    workspace: &Workspace,
    name: &str,
) -> Result<(goalmeet_store::ApiToken, String), AppError> {
    let name = goalmeet_core::account::parse_label(
        "name",
        "Name the token, e.g. “CI” or “laptop”.",
        name,
        80,
    )?;
    let secret = new_token("gm_");
    let token = state
        .db
        .create_api_token(
            user.id,
            workspace.id,
            &name,
            &hash_token(&secret),
            clock::now(),
        )
        .await?;
    Ok((token, secret))
}

/// Creates an invitation; returns it with its link, whose secret exists only there.
pub async fn invite(
    state: &AppState,
    workspace: &Workspace,
    inviter: &User,
    inviter_role: Role,
    email: &str,
    role: &str,
) -> Result<(Invitation, String), AppError> {
    require_admin(inviter_role)?;
    let email = Email::parse(email)?;
    let role = Role::parse(role)?;
    if !inviter_role.can_grant(role) {
        return Err(AppError::Forbidden("Only owners can invite owners."));
    }
    if let Some(existing) = state.db.user_by_email(email.as_str()).await?
        && state.db.member(workspace.id, existing.id).await?.is_some()
    {
        return Err(AppError::conflict(
            "already_member",
            format!("{} is already a member of this workspace.", email.as_str()),
        ));
    }
    let secret = new_token("");
    let now = clock::now();
    let invitation = state
        .db
        .create_invitation(
            workspace.id,
            email.as_str(),
            role,
            &hash_token(&secret),
            inviter.id,
            now,
            now + Duration::days(INVITATION_LIFETIME_DAYS),
        )
        .await?;
    Ok((invitation, state.config.link(&format!("/invite/{secret}"))))
}

pub fn require_admin(role: Role) -> Result<(), AppError> {
    if role.can_administer() {
        Ok(())
    } else {
        Err(AppError::Forbidden("This needs the owner or admin role."))
    }
}

/// Changes `target`'s role as `actor` with `actor_role`.
pub async fn change_role(
    state: &AppState,
    workspace: &Workspace,
    actor_role: Role,
    target: Uuid,
    new_role: &str,
) -> Result<(), AppError> {
    require_admin(actor_role)?;
    let new_role = Role::parse(new_role)?;
    let member = state
        .db
        .member(workspace.id, target)
        .await?
        .ok_or(AppError::NotFound)?;
    if !actor_role.can_grant(new_role) || !actor_role.can_grant(member.role()) {
        return Err(AppError::Forbidden(
            "Only owners can make or change owners.",
        ));
    }
    Ok(state.db.change_role(workspace.id, target, new_role).await?)
}

/// Removes `target`; anyone may leave, admins remove others (owners only by owners).
pub async fn remove_member(
    state: &AppState,
    workspace: &Workspace,
    actor: &User,
    actor_role: Role,
    target: Uuid,
) -> Result<(), AppError> {
    let member = state
        .db
        .member(workspace.id, target)
        .await?
        .ok_or(AppError::NotFound)?;
    if target != actor.id {
        require_admin(actor_role)?;
        if !actor_role.can_grant(member.role()) {
            return Err(AppError::Forbidden("Only owners can remove owners."));
        }
    }
    Ok(state.db.remove_member(workspace.id, target).await?)
}

pub struct WorkspaceSettings<'a> {
    pub name: &'a str,
    pub time_zone: &'a str,
    pub meeting_hourly_cost: &'a str,
}

pub async fn update_workspace_settings(
    state: &AppState,
    workspace: &Workspace,
    actor_role: Role,
    input: WorkspaceSettings<'_>,
) -> Result<Workspace, AppError> {
    require_admin(actor_role)?;
    let name = parse_workspace_name(input.name)?;
    let time_zone = clock::parse_time_zone(input.time_zone)?;
    let cost = goalmeet_core::workspace::parse_hourly_cost(input.meeting_hourly_cost)?;
    Ok(state
        .db
        .update_workspace_settings(workspace.id, &name, time_zone.name(), cost)
        .await?)
}

pub mod meeting;
pub mod outcome;
