"""the audit trail defended by the database; indexes for the supervisor's audit view

* Triggers on both databases: an audit event can never be changed or
  deleted (nor, on PostgreSQL, truncated), by anyone, and the chain's head
  only moves forward (an append raises ``last_id``) and is never deleted.
  An owner can still drop the triggers: ``desk-app audit verify`` is what
  catches that, as before.
* PostgreSQL privileges: the group role ``desk_app_desk`` (made here when
  the upgrading role may create roles; otherwise the server's
  administrator makes it first, docs/DEPLOYMENT.md) gets what a desk needs
  for its daily work and nothing more on the audit trail and the staff:
  events SELECT and INSERT only; the head SELECT and UPDATE; staff SELECT
  and UPDATE of the sign-in columns (failed attempts, lock, last sign-in,
  language), never INSERT, DELETE or the role, password or active flag;
  the schema revision SELECT only. Everything else: SELECT, INSERT,
  UPDATE, DELETE, and the sequences; tables made by later revisions get
  the same through default privileges. The desks' logins are members of
  the group; the owner (who runs ``db upgrade`` and staff changes) owns the
  tables.
* Indexes for the audit view, which lists events by time and id, newest
  first, a page at a time by keyset: (at, id) in place of (at); each
  filter before the time and id, so that a page in any period is one index
  range read: (actor, at, id), (action, at, id), (actor, action, at, id),
  and (candidate_id, at, id) in place of (candidate_id).

A later revision that rebuilds ``audit_event`` or ``audit_head`` on SQLite
(batch "move and copy") drops their triggers with the old table and must
make them again.

Revision ID: 0008_audit_guard
Revises: 0007_request_ids
Create Date: 2027-01-20 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008_audit_guard"
down_revision: str | None = "0007_request_ids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DESK_ROLE = "desk_app_desk"
#: the columns a desk writes when a staff member signs in or picks a language
STAFF_SIGN_IN_COLUMNS = ("failed_attempts", "locked_until", "last_login_at", "language")

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an event is never changed'); END""",
    """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an event is never deleted'); END""",
    """CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
    WHEN NEW.id <> OLD.id OR NEW.last_id <= OLD.last_id
    BEGIN SELECT RAISE(ABORT, 'the audit chain''s head only moves forward'); END""",
    """CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'the audit chain''s head is never deleted'); END""",
)
_SQLITE_TRIGGER_NAMES = (
    "audit_event_no_update",
    "audit_event_no_delete",
    "audit_head_forward_only",
    "audit_head_no_delete",
)

_PG_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % on audit_event refused', TG_OP
            USING HINT = 'desk-app audit verify names any row changed with the triggers off';
    END $$""",
    """CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.last_id > OLD.last_id THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit chain''s head only moves forward: % on audit_head refused',
            TG_OP;
    END $$""",
)
_PG_TRIGGERS = (
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""",
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()""",
    """CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()""",
    """CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only()""",
)

# made only when missing; a role that may not create roles says what to ask for
_PG_ROLE = f"""DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DESK_ROLE}') THEN
        CREATE ROLE {DESK_ROLE} NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN
        NULL;  -- another upgrade made it a moment ago
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the group role {DESK_ROLE} is missing and % may not create it', current_user
            USING HINT = 'as the server''s administrator: CREATE ROLE {DESK_ROLE} NOLOGIN;'
                         ' (docs/DEPLOYMENT.md), then run desk-app db upgrade again';
END $$"""


def _pg_grants() -> list[str]:
    sign_in = ", ".join(STAFF_SIGN_IN_COLUMNS)
    everything = "SELECT, INSERT, UPDATE, DELETE"
    return [
        # the schema the tables are in (current_schema(): "public" unless set otherwise)
        f"""DO $$ BEGIN
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO {DESK_ROLE}', current_schema());
            EXECUTE format('GRANT {everything} ON ALL TABLES IN SCHEMA %I TO {DESK_ROLE}',
                           current_schema());
            EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {DESK_ROLE}',
                           current_schema());
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                           ' GRANT {everything} ON TABLES TO {DESK_ROLE}', current_schema());
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                           ' GRANT USAGE, SELECT ON SEQUENCES TO {DESK_ROLE}', current_schema());
        END $$""",
        f"REVOKE ALL ON audit_event FROM {DESK_ROLE}",
        f"GRANT SELECT, INSERT ON audit_event TO {DESK_ROLE}",
        f"REVOKE ALL ON audit_head FROM {DESK_ROLE}",
        f"GRANT SELECT, UPDATE ON audit_head TO {DESK_ROLE}",
        f"REVOKE ALL ON staff FROM {DESK_ROLE}",
        f"GRANT SELECT ON staff TO {DESK_ROLE}",
        f"GRANT UPDATE ({sign_in}) ON staff TO {DESK_ROLE}",
        f"REVOKE ALL ON alembic_version FROM {DESK_ROLE}",
        f"GRANT SELECT ON alembic_version TO {DESK_ROLE}",
    ]


_VIEW_INDEXES = {
    "ix_audit_event_at": ["at", "id"],
    "ix_audit_event_candidate": ["candidate_id", "at", "id"],
    "ix_audit_event_actor": ["actor", "at", "id"],
    "ix_audit_event_action": ["action", "at", "id"],
    "ix_audit_event_actor_action": ["actor", "action", "at", "id"],
}


def _indexes_for_the_view() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_at")
        batch_op.drop_index("ix_audit_event_candidate")
        for name, columns in _VIEW_INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def upgrade() -> None:
    _indexes_for_the_view()
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*_PG_FUNCTIONS, *_PG_TRIGGERS, _PG_ROLE, *_pg_grants()):
            op.execute(statement)
    else:
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, trigger in (
            ("audit_event", "audit_event_append_only"),
            ("audit_event", "audit_event_no_truncate"),
            ("audit_head", "audit_head_forward_only"),
            ("audit_head", "audit_head_no_truncate"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
        op.execute("DROP FUNCTION IF EXISTS audit_head_forward_only()")
        # the role may serve other databases on the server: only its rights here go
        op.execute(
            f"""DO $$ BEGIN
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{DESK_ROLE}') THEN
                    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM {DESK_ROLE}',
                                   current_schema());
                    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM {DESK_ROLE}',
                                   current_schema());
                    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                                   ' REVOKE ALL ON TABLES FROM {DESK_ROLE}', current_schema());
                    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                                   ' REVOKE ALL ON SEQUENCES FROM {DESK_ROLE}', current_schema());
                    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM {DESK_ROLE}', current_schema());
                END IF;
            END $$"""
        )
    else:
        for name in _SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        for name in _VIEW_INDEXES:
            batch_op.drop_index(name)
        batch_op.create_index("ix_audit_event_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_event_candidate", ["candidate_id"], unique=False)
