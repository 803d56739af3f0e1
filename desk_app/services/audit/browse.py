"""The supervisor's audit view: the trail filtered, a page at a time; the chain's check.

Filters: who acted (a staff member's username, or ``website``, ``system``,
``verification``, ``cli:…``), the kind of event, the candidate (ID Number)
and a period. Events are listed by time, newest first, the id breaking
ties. Pages are found by keyset (the events before the oldest one shown,
or after the newest one going back, named by their ids), never by
OFFSET, and each filter has an index that starts with it and ends with
the time and the id (revision 0009): so any page, in any period, is one
index range read, and page 5,000 costs what page 1 does. The chain's own
order is the id; desks' clocks can differ by a second or two, so the two
orders may differ by as much. Who may: ``view_audit`` (supervisors and
administrators).

The CSV of the filtered view is written by the audit log's export
(:meth:`~desk_app.services.exports.audit_log.AuditExportService.export_view`),
with the columns of File › Export › Audit log, through :func:`filter_events`
and :func:`record_of` here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, literal, select, tuple_
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AuditEvent, Candidate, Staff
from desk_app.services.actor import StaffIdentity, authorise
from desk_app.services.audit.chain import stamp
from desk_app.services.audit.describe import describe, english
from desk_app.services.audit.verify import AuditReport, StopAsked, VerifyProgress, verify_chain
from desk_app.services.audit.wording import ACTION_NAMES
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput, NotFound
from desk_app.services.permissions import Action
from desk_app.settings import Settings

#: events on one page of the view
PAGE_SIZE = 100
#: the actors that are not staff members (the website, the desk itself, a statement check)
OTHER_ACTORS = ("website", "system", "verification")
_ACTION = re.compile(r"[a-z][a-z0-9_]{0,47}")
#: the view's order, time then id (the id breaks ties and is the page's key)
_ORDER_DESC = (AuditEvent.at.desc(), AuditEvent.id.desc())
ORDER_ASC = (AuditEvent.at.asc(), AuditEvent.id.asc())


@dataclass(frozen=True)
class AuditFilter:
    """What the view shows; an empty field does not filter. ``until`` is exclusive."""

    actor: str | None = None
    action: str | None = None
    id_number: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def as_detail(self) -> dict[str, str]:
        """The filter as an audit entry records it."""
        values = {"actor": self.actor, "action": self.action, "id_number": self.id_number}
        shown = {k: v for k, v in values.items() if v}
        for name, moment in (("since", self.since), ("until", self.until)):
            if moment is not None:
                shown[name] = stamp(moment)
        return shown


@dataclass(frozen=True)
class AuditRecord:
    """One event as the view shows it (``id_number``: the candidate's, if any)."""

    id: int
    at: datetime
    actor: str
    action: str
    id_number: str | None
    subject: str | None
    reason: str | None
    detail: Mapping[str, Any]
    row_hash: str
    prev_hash: str


@dataclass(frozen=True)
class AuditPage:
    records: tuple[AuditRecord, ...]
    has_newer: bool
    has_older: bool


@dataclass(frozen=True)
class ActorChoice:
    """Someone the filter offers: a staff member (``role`` set) or another actor."""

    name: str
    display_name: str
    role: str | None = None
    active: bool = True


_QUERY_COLUMNS = (
    AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.action, Candidate.id_number,
    AuditEvent.subject, AuditEvent.reason, AuditEvent.detail, AuditEvent.row_hash,
    AuditEvent.prev_hash,
)  # fmt: skip


def record_of(row: Any) -> AuditRecord:
    """A row with the event's columns and the candidate's ``id_number``, as the view shows it."""
    try:
        detail = json.loads(row.detail)
    except ValueError:
        detail = {}
    return AuditRecord(
        row.id, row.at, row.actor, row.action, row.id_number, row.subject, row.reason,
        detail if isinstance(detail, dict) else {}, row.row_hash, row.prev_hash,
    )  # fmt: skip


class AuditBrowseService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    # -- what the filter offers -----------------------------------------------------------
    def actors(self, staff: StaffIdentity) -> tuple[ActorChoice, ...]:
        """Every staff member (active or not), then the actors that are not staff."""
        with self._db.read() as session:
            authorise(session, staff, Action.VIEW_AUDIT)
            rows = session.execute(
                select(Staff.username, Staff.display_name, Staff.role, Staff.active).order_by(
                    Staff.username
                )
            )
            people = [ActorChoice(u, d, r, a) for u, d, r, a in rows]
        return (*people, *(ActorChoice(name, name) for name in OTHER_ACTORS))

    # -- pages ------------------------------------------------------------------------------
    def page(
        self,
        staff: StaffIdentity,
        filters: AuditFilter,
        *,
        before: int | None = None,
        after: int | None = None,
        size: int = PAGE_SIZE,
    ) -> AuditPage:
        """Up to ``size`` events, newest first: the newest, those just older than the
        event ``before``, or those just newer than the event ``after`` (event ids)."""
        size = max(1, min(size, 1000))
        with self._db.read() as session:
            authorise(session, staff, Action.VIEW_AUDIT)
            base = self._filtered(session, filters)
            after_key = _key_of(session, after)
            if after_key is not None:
                found = _fetch(session, base.where(_after(after_key)), ORDER_ASC, size)
                rows = list(reversed(found[:size]))
                has_newer = len(found) > size
                has_older = bool(rows) and _exists(
                    session, base, _before(_key(rows[-1])), _ORDER_DESC
                )
            else:
                before_key = _key_of(session, before)
                query = base if before_key is None else base.where(_before(before_key))
                found = _fetch(session, query, _ORDER_DESC, size)
                rows = found[:size]
                has_older = len(found) > size
                # a newer page exists only when we came from one (the newest page has none)
                has_newer = (
                    before_key is not None
                    and bool(rows)
                    and _exists(session, base, _after(_key(rows[0])), ORDER_ASC)
                )
            return AuditPage(tuple(record_of(r) for r in rows), has_newer, has_older)

    def _filtered(self, session: Session, filters: AuditFilter) -> Select[*tuple[Any, ...]]:
        query: Select[*tuple[Any, ...]] = select(*_QUERY_COLUMNS).outerjoin(
            Candidate, Candidate.id == AuditEvent.candidate_id
        )
        return filter_events(session, query, filters, self._settings)

    # -- the chain's check, from the window -------------------------------------------------
    def verify(
        self,
        staff: StaffIdentity,
        *,
        progress: VerifyProgress | None = None,
        should_stop: StopAsked | None = None,
    ) -> AuditReport:
        """The whole chain checked for a supervisor (role checked), with progress and stop."""
        with self._db.read() as session:
            authorise(session, staff, Action.VIEW_AUDIT)
            return verify_chain(session, progress=progress, should_stop=should_stop)


def filter_events(
    session: Session, query: Select[*tuple[Any, ...]], filters: AuditFilter, settings: Settings
) -> Select[*tuple[Any, ...]]:
    """``query`` (over ``AuditEvent``, the candidate joined) narrowed to what ``filters``
    lets through; BadInput for a kind of event the desk does not write, NotFound for an
    unknown ID Number. (An unknown name lets nothing through: see :func:`check_actor`.)"""
    if filters.actor:
        query = query.where(AuditEvent.actor == filters.actor.strip()[:64])
    if filters.action:
        action = filters.action.strip()
        if not _ACTION.fullmatch(action) or action not in ACTION_NAMES:
            raise BadInput("audit_action_unknown", value=action[:48])
        query = query.where(AuditEvent.action == action)
    if filters.id_number:
        candidate = find_candidate(session, filters.id_number, settings)
        query = query.where(AuditEvent.candidate_id == candidate.id)
    if filters.since and filters.until and filters.since >= filters.until:
        raise BadInput("audit_dates_reversed")
    if filters.since is not None:
        query = query.where(AuditEvent.at >= filters.since)
    if filters.until is not None:
        query = query.where(AuditEvent.at < filters.until)
    return query


def check_actor(session: Session, actor: str) -> None:
    """NotFound for a name that is no staff member's, nor the website's, the desk's, a
    statement check's or a terminal's (``cli:…``): a name typed where none is offered."""
    actor = actor.strip()[:64]
    if actor in OTHER_ACTORS or actor.startswith("cli:"):
        return
    if session.scalar(select(Staff.id).where(Staff.username == actor)) is None:
        raise NotFound("staff_not_found", username=actor)


def english_sentence(record: AuditRecord, timezone: str) -> str:
    """The view's sentence for ``record`` in English (a CSV written without a window)."""
    description = describe(
        record.action, id_number=record.id_number, subject=record.subject, detail=record.detail
    )
    return english(description, timezone)


def _key_of(session: Session, event_id: int | None) -> Any:
    """The place of event ``event_id`` in the view's order (time, then id), or None."""
    if event_id is None:
        return None
    at = session.scalar(select(AuditEvent.at).where(AuditEvent.id == event_id))
    return None if at is None else _key_values(at, event_id)


def _before(key: Any) -> Any:
    """Events before ``key`` in the view's order (time, then id): one index range."""
    return tuple_(AuditEvent.at, AuditEvent.id) < key


def _after(key: Any) -> Any:
    return tuple_(AuditEvent.at, AuditEvent.id) > key


def _key(row: Any) -> Any:
    return _key_values(row.at, row.id)


def _key_values(at: datetime, event_id: int) -> Any:
    return tuple_(literal(at, AuditEvent.at.type), literal(event_id, AuditEvent.id.type))


def _fetch(session: Session, query: Select[*tuple[Any, ...]], order: Any, size: int) -> list[Any]:
    return list(session.execute(query.order_by(*order).limit(size + 1)))


def _exists(session: Session, query: Select[*tuple[Any, ...]], condition: Any, order: Any) -> bool:
    """Whether an event lies beyond ``condition``: ordered away from the page, so the
    first is read from the filter's index where the range starts. Without an order,
    "any one" let PostgreSQL (and SQLite) scan the table from its oldest event: 0.3–0.7 s
    at 1,000,000 events for a page in the middle (docs/PERFORMANCE.md, the audit view)."""
    return session.execute(query.where(condition).order_by(*order).limit(1)).first() is not None
