"""A website attempt's writes in one round trip to PostgreSQL.

A login or a registration's Secret Number ends with a few small writes: the
account's changed columns, one or two timeline events and, for the attempt
that locks, the audit entry and the chain's head. A flush sends one
statement per table and waits for each answer; on PostgreSQL every wait is a
round trip to the server, which costs more than the statement itself (four
of them were most of the 2–3 ms the locking attempt spent beyond its hash).

:func:`write_together` sends them as one statement instead: the main
``UPDATE`` carries the other writes as data-modifying ``WITH`` clauses, which
PostgreSQL runs with it, in the caller's transaction, all or nothing. The
parts share one snapshot and cannot see each other's rows, which is fine
here: each row is written once, and the rows they refer to (the account,
the candidate, the staff member) exist already. Elsewhere (SQLite, in the
same process, where a statement costs microseconds) it is an ordinary flush.

:func:`append_audit` chains an entry as
:func:`desk_app.services.audit.trail.record` does (both through
:func:`~desk_app.services.audit.trail.chain_next`), but leaves it to
:func:`write_together` instead of flushing it at once (which would send the
entry and the head as two more statements, each with its wait).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, insert, inspect, literal, select, union_all, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import BindParameter

from desk_app.models import AccountEvent, AuditEvent, AuditHead, ResultsAccount
from desk_app.services.actor import AuditActor
from desk_app.services.audit.trail import chain_next
from desk_app.services.clock import Clock

#: what a website attempt writes; anything else in the unit of work is flushed as usual
_TOGETHER = (AccountEvent, AuditEvent, AuditHead, ResultsAccount)


def append_audit(
    session: Session,
    clock: Clock,
    actor: AuditActor,
    action: str,
    *,
    candidate_id: int | None,
    subject: str | None,
    detail: Mapping[str, Any],
) -> int:
    """Append one audit entry to the caller's unit of work, unwritten; its id.

    The head is locked here, after the account row (every writer locks in
    that order, so two of them never wait for each other); the account's
    changes wait for :func:`write_together`.
    """
    event = chain_next(
        session, clock, actor, action, candidate_id=candidate_id, subject=subject, detail=detail
    )
    return event.id


def write_together(session: Session) -> None:
    """Write what the unit of work holds: one statement on PostgreSQL, a flush elsewhere.

    The new rows' ids are not read back (nobody needs a timeline event's id),
    and the objects written are taken out of the session, so the commit
    that follows writes nothing twice.
    """
    new = sorted(session.new, key=lambda obj: inspect(obj).insert_order)
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    written = [*new, *dirty]
    ours = all(isinstance(obj, _TOGETHER) for obj in written) and not session.deleted
    inserts = _inserts_of(new) if ours else None
    if session.get_bind().dialect.name != "postgresql" or inserts is None:
        session.flush()
        return
    statements: list[Insert | Update] = [*inserts]
    statements += [s for s in (_update_of(obj) for obj in dirty) if s is not None]
    if not statements:
        return
    # an UPDATE goes last, as the main statement (any will do); the others go before it
    *before, main = sorted(statements, key=lambda s: isinstance(s, Update))
    if before:
        main = main.add_cte(*(s.cte(f"write_{n}") for n, s in enumerate(before)))
    session.connection().execute(main)
    for obj in written:
        session.expunge(obj)


def _table(obj: object) -> Table:
    table = inspect(obj).mapper.local_table
    assert isinstance(table, Table)
    return table


def _inserts_of(new: Sequence[object]) -> list[Insert] | None:
    """The INSERTs of new objects, one per table, each with its rows in the order they came.

    A table's rows go in one statement so that they get their ids in order
    (the timeline shows two events of the same moment by id): the parts of a
    ``WITH`` run in no promised order. Each row has the columns it was
    given, the others take their defaults; None when the rows of a table
    were not given the same columns (one statement cannot insert them).
    """
    rows_of: dict[Table, list[dict[str, Any]]] = {}
    for obj in new:
        state = inspect(obj)
        row = {
            prop.columns[0].name: state.dict[prop.key]
            for prop in state.mapper.column_attrs
            if prop.key in state.dict
        }
        rows = rows_of.setdefault(_table(obj), [])
        if rows and rows[0].keys() != row.keys():
            return None
        rows.append(row)
    return [_insert_rows(table, rows) for table, rows in rows_of.items()]


def _bound(table: Table, name: str, column: str, value: Any) -> BindParameter[Any]:
    """A value as a named, typed parameter: the statement's shape stays the same whatever
    the values, so SQLAlchemy compiles it once and reuses it (it cannot cache an INSERT of
    several literal rows, and compiling this statement costs more than a round trip)."""
    return bindparam(f"{table.name}_{name}_{column}", value, type_=table.c[column].type)


def _insert_rows(table: Table, rows: list[dict[str, Any]]) -> Insert:
    """One INSERT of a table's rows, their ids given in the order of ``rows``.

    Several rows go as ``INSERT … SELECT … ORDER BY`` their place, so that
    the ids follow it.
    """
    if len(rows) == 1:
        return insert(table).values({c: _bound(table, "0", c, v) for c, v in rows[0].items()})
    columns = list(rows[0])
    places = [
        select(
            literal(n).label("place"),
            *(_bound(table, str(n), c, row[c]).label(c) for c in columns),
        )
        for n, row in enumerate(rows)
    ]
    given = union_all(*places).subquery()
    ordered = select(*(given.c[c] for c in columns)).order_by(given.c.place)
    return insert(table).from_select(columns, ordered)


def _update_of(obj: object) -> Update | None:
    """The UPDATE of a loaded object's changed columns, by its primary key; None if none changed."""
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for prop in state.mapper.column_attrs:
        history = state.attrs[prop.key].history
        if history.added and (not history.deleted or history.deleted[0] != history.added[0]):
            changed[prop.columns[0].name] = history.added[0]
    if not changed:
        return None
    table = _table(obj)
    identity = state.identity
    assert identity is not None
    where = [
        column == _bound(table, "key", column.name, value)
        for column, value in zip(table.primary_key, identity, strict=True)
    ]
    return (
        update(table)
        .where(*where)
        .values({c: _bound(table, "set", c, v) for c, v in changed.items()})
    )
