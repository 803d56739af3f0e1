"""login attempt function: a website login's bookkeeping in one call on PostgreSQL

``desk_login_attempt`` does, in the caller's one statement (its own
transaction when the connection is in autocommit), what step 3 of a login
(``services/accounts/attempts.py``) does in Python: lock the account row,
decide (a success resets the count; a wrong password counts, and the one
that reaches the threshold locks; an attempt while locked is refused and
recorded), write the account, its timeline and, for the attempt that locks,
the audit entry chained to the head, the head, and the notice the open
desks listen for. Python verifies the password first, outside any
transaction, and passes the outcome, with the moment, the lock's end and
its texts (``services/accounts/login_call.py`` says why each is Python's).

What the function does not decide it leaves alone and answers ``python``,
having written nothing: an account not registered, a lock that ran out and
must be settled, a password hash that changed since Python verified it.
Python then takes its own path, as before this revision.

The audit entry's hash is computed here as ``services/audit/chain.py``
computes it: SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8)
of the entry's content and the previous hash. PostgreSQL's ``to_json`` of a
text escapes exactly as Python's ``json`` does with ``ensure_ascii=False``
(``"``, ``\\``, the control characters, nothing else); the tests compare
the rows with the Python path's and verify the chain.

SECURITY INVOKER: the function may do only what its caller may; the desks'
group role (revision 0008) has every right it uses (the account and its
timeline, an audit INSERT, the head's UPDATE) and gets EXECUTE. SQLite:
nothing (its login keeps the Python path, in process).

Revision ID: 0013_login_attempt_function
Revises: 0012_name_pair_keys
Create Date: 2026-12-02 08:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013_login_attempt_function"
down_revision: str | None = "0012_name_pair_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DESK_ROLE = "desk_app_desk"
SIGNATURE = (
    "desk_login_attempt(integer, text, boolean, timestamptz, text, integer, timestamptz,"
    " boolean, text, text, text, text, text, integer, text, text, text, text)"
)

_FUNCTION = r"""
CREATE OR REPLACE FUNCTION desk_login_attempt(
    p_account_id integer,
    -- the stored hash the password was verified against, and the outcome (NULL: not
    -- verified, because the look saw a lock)
    p_verified_hash text,
    p_matched boolean,
    p_now timestamptz,
    p_source text,
    p_threshold integer,
    -- p_now + the lock's minutes: the end of a new lock, or of an extended one
    p_until timestamptz,
    p_extend boolean,
    -- the texts Python writes: the lock's end as isoformat(), the moment as the hash
    -- stamps it, the detail of an attempt while locked
    p_until_text text,
    p_at_stamp text,
    p_locked_detail text,
    -- the audit entry of the lock: the subject (the ID Number), actor, action, request id
    p_subject text,
    p_actor text,
    p_staff_id integer,
    p_action text,
    p_request_id text,
    -- the notice to the open desks: channel and kind (NULL: none)
    p_channel text,
    p_notice_kind text,
    OUT o_outcome text,
    OUT o_until timestamptz,
    OUT o_must_change boolean
) RETURNS record
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    acc results_account%ROWTYPE;
    n integer;
    head_id integer;
    head_hash text;
    entry_id integer;
    entry_detail text;
    content text;
    digest text;
BEGIN
    SELECT * INTO acc FROM results_account WHERE id = p_account_id FOR UPDATE;
    IF NOT FOUND OR acc.registered_at IS NULL
       OR acc.locked_until <= p_now OR acc.secret_locked_until <= p_now
       OR (p_matched IS NOT NULL AND acc.password_hash IS DISTINCT FROM p_verified_hash) THEN
        o_outcome := 'python';  -- nothing written: Python's own path decides
        RETURN;
    END IF;
    o_must_change := acc.must_change_password;
    IF acc.locked_until > p_now THEN
        o_until := CASE WHEN p_extend THEN p_until ELSE acc.locked_until END;
        IF p_extend THEN
            UPDATE results_account SET locked_until = p_until WHERE id = p_account_id;
        END IF;
        INSERT INTO account_event (account_id, at, kind, source, detail)
        VALUES (p_account_id, p_now, 'locked_attempt', p_source, p_locked_detail);
        o_outcome := 'still_locked';
        RETURN;
    END IF;
    IF p_matched IS NULL THEN
        o_outcome := 'verify';  -- the lock is gone: Python verifies and calls again
        RETURN;
    END IF;
    IF p_matched THEN
        UPDATE results_account SET failed_attempts = 0, last_login_at = p_now
        WHERE id = p_account_id;
        INSERT INTO account_event (account_id, at, kind, source)
        VALUES (p_account_id, p_now, 'login', p_source);
        o_outcome := 'ok';
        RETURN;
    END IF;
    n := acc.failed_attempts + 1;
    -- json.dumps(sort_keys=True): ", " and ": " between items (locks.add_event)
    INSERT INTO account_event (account_id, at, kind, source, detail)
    VALUES (p_account_id, p_now, 'login_failed', p_source, '{"attempt": ' || n || '}');
    IF n < p_threshold THEN
        UPDATE results_account SET failed_attempts = n, last_failure_at = p_now
        WHERE id = p_account_id;
        o_outcome := 'wrong';
        RETURN;
    END IF;
    UPDATE results_account
    SET failed_attempts = n, last_failure_at = p_now,
        locked_at = p_now, locked_until = p_until, lock_source = p_source
    WHERE id = p_account_id;
    INSERT INTO account_event (account_id, at, kind, source, detail)
    VALUES (p_account_id, p_now, 'locked', p_source,
            '{"failed_attempts": ' || n || ', "until": ' || to_json(p_until_text)::text || '}');
    -- the chain's head, locked after the account row (the order every writer keeps)
    SELECT last_id, last_hash INTO head_id, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
    entry_id := head_id + 1;
    -- audit/chain.canonical_json: sorted keys, no spaces
    entry_detail := '{"failed_attempts":' || n
        || ',"source":' || coalesce(to_json(p_source)::text, 'null')
        || ',"until":' || to_json(p_until_text)::text || '}';
    content := '{"action":' || to_json(p_action)::text
        || ',"actor":' || to_json(p_actor)::text
        || ',"at":' || to_json(p_at_stamp)::text
        || ',"candidate_id":' || acc.candidate_id
        || ',"detail":' || to_json(entry_detail)::text
        || ',"id":' || entry_id
        || ',"prev":' || to_json(head_hash)::text
        || ',"reason"\:null'  -- (the backslash keeps SQLAlchemy from reading a parameter)
        || ',"staff_id":' || coalesce(p_staff_id::text, 'null')
        || ',"subject":' || coalesce(to_json(p_subject)::text, 'null') || '}';
    digest := encode(sha256(convert_to(content, 'UTF8')), 'hex');
    INSERT INTO audit_event (id, at, actor, staff_id, action, candidate_id, subject, reason,
                             detail, prev_hash, row_hash, request_id)
    VALUES (entry_id, p_now, p_actor, p_staff_id, p_action, acc.candidate_id, p_subject, NULL,
            entry_detail, head_hash, digest, p_request_id);
    UPDATE audit_head SET last_id = entry_id, last_hash = digest WHERE id = 1;
    IF p_notice_kind IS NOT NULL THEN
        -- live/notices.payload: {"k": kind, "a": audit id, "c": [candidate ids]}
        PERFORM pg_notify(p_channel, '{"k":' || to_json(p_notice_kind)::text
            || ',"a":' || entry_id || ',"c":[' || acc.candidate_id || ']}');
    END IF;
    o_outcome := 'locked';
    o_until := p_until;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    # EXECUTE is PUBLIC's by default; only the owner and the desks' group keep it
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {DESK_ROLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP FUNCTION IF EXISTS {SIGNATURE}")
