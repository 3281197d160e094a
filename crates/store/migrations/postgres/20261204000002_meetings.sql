-- Meetings: series, occurrences, agenda, outcomes and templates.
CREATE TABLE series (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    rrule TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    created_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX series_workspace ON series (workspace_id, created_at);

CREATE TABLE meetings (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    series_id UUID REFERENCES series(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    duration_minutes BIGINT NOT NULL,
    location TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'in_progress', 'ended', 'cancelled')),
    created_by UUID NOT NULL REFERENCES users(id),
    facilitator_id UUID REFERENCES users(id) ON DELETE SET NULL,
    note_taker_id UUID REFERENCES users(id) ON DELETE SET NULL,
    timekeeper_id UUID REFERENCES users(id) ON DELETE SET NULL,
    started_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    current_item_id UUID,
    current_item_started_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX meetings_workspace_start ON meetings (workspace_id, starts_at, id);
CREATE INDEX meetings_series_start ON meetings (series_id, starts_at);

CREATE TABLE meeting_attendees (
    meeting_id UUID NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_attendees_user ON meeting_attendees (user_id, meeting_id);

CREATE TABLE agenda_items (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    meeting_id UUID NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    notes TEXT NOT NULL,
    presenter_id UUID REFERENCES users(id) ON DELETE SET NULL,
    timebox_minutes BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('discussion', 'decision', 'information', 'update', 'check-in')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'discussed', 'deferred')),
    proposal TEXT NOT NULL CHECK (proposal IN ('accepted', 'proposed', 'parked')),
    position BIGINT NOT NULL,
    roll_count BIGINT NOT NULL DEFAULT 0,
    carried_from UUID,
    used_seconds BIGINT NOT NULL DEFAULT 0,
    created_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (meeting_id, carried_from)
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

CREATE TABLE action_items (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    assignee_id UUID REFERENCES users(id) ON DELETE SET NULL,
    due_on DATE,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    meeting_id UUID REFERENCES meetings(id) ON DELETE SET NULL,
    agenda_item_id UUID REFERENCES agenda_items(id) ON DELETE SET NULL,
    series_id UUID REFERENCES series(id) ON DELETE SET NULL,
    roll_count BIGINT NOT NULL DEFAULT 0,
    created_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
-- Lists are read newest-first or by due date, always within one workspace.
CREATE INDEX action_items_workspace ON action_items (workspace_id, id);
CREATE INDEX action_items_assignee ON action_items (workspace_id, assignee_id, status, due_on, id);
CREATE INDEX action_items_status_due ON action_items (workspace_id, status, due_on);
CREATE INDEX action_items_meeting ON action_items (meeting_id, id);
CREATE INDEX action_items_series ON action_items (series_id, status);

-- How an action item was reviewed in a later meeting of its series.
CREATE TABLE action_reviews (
    meeting_id UUID NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    action_item_id UUID NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('done', 'not_done', 'dropped')),
    reviewed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (meeting_id, action_item_id)
);

CREATE TABLE decisions (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    statement TEXT NOT NULL,
    context TEXT NOT NULL,
    rationale TEXT NOT NULL,
    decided_by UUID REFERENCES users(id) ON DELETE SET NULL,
    decided_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'decided', 'superseded')),
    superseded_by UUID REFERENCES decisions(id) ON DELETE SET NULL,
    revisit_on DATE,
    meeting_id UUID REFERENCES meetings(id) ON DELETE SET NULL,
    agenda_item_id UUID REFERENCES agenda_items(id) ON DELETE SET NULL,
    created_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX decisions_workspace ON decisions (workspace_id, id);
CREATE INDEX decisions_meeting ON decisions (meeting_id, id);

CREATE TABLE templates (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    purpose TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    created_by UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX templates_workspace ON templates (workspace_id, name);

CREATE TABLE template_items (
    template_id UUID NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    timebox_minutes BIGINT NOT NULL,
    notes TEXT NOT NULL,
    PRIMARY KEY (template_id, position)
);
