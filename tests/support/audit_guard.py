"""Taking the database's guard off the audit trail, as the tables' owner still could.

Revision 0008_audit_guard puts triggers on ``audit_event`` and
``audit_head``; an owner (or a superuser) can drop them. The tests of what
``audit verify`` catches drop them first, then tamper.
"""

from __future__ import annotations

from sqlalchemy import text

from desk_app.database import Database

#: (table, trigger) as revision 0009 makes them, per database
GUARD_TRIGGERS = {
    "sqlite": (
        ("audit_event", "audit_event_no_update"),
        ("audit_event", "audit_event_no_delete"),
        ("audit_head", "audit_head_forward_only"),
        ("audit_head", "audit_head_no_delete"),
    ),
    "postgresql": (
        ("audit_event", "audit_event_append_only"),
        ("audit_event", "audit_event_no_truncate"),
        ("audit_head", "audit_head_forward_only"),
        ("audit_head", "audit_head_no_truncate"),
    ),
}


def lift_audit_guard(db: Database) -> None:
    """Drop the audit trail's triggers (what an owner can do, and verify must catch)."""
    with db.write() as session:
        for table, trigger in GUARD_TRIGGERS[db.dialect]:
            on = f" ON {table}" if db.dialect == "postgresql" else ""
            session.execute(text(f"DROP TRIGGER {trigger}{on}"))
