"""The search box: one text finds candidates by ID, name, Chinese name, email or phone.

How text is read is in ``query.py``; how each rule finds its candidates
through an index is in ``rules.py``. Here the rules are run in rank order
and their matches merged into pages:

1. ``id_exact``  — the ID Number itself;
2. ``id_prefix`` — ID Numbers that start with the text, by ID Number;
3. ``chinese`` / ``name`` — by candidate id (the order candidates were added);
4. ``email``     — email addresses that start with the text, by email, then id;
5. ``phone``     — phone numbers that start with the digits, by number, then id.

A candidate found by several rules is listed once, under the first. Pages
are cut from that merged order, so page n+1 continues page n exactly.
Searching is not audited (DESIGN.md: every action *except search*).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ARRAY, Integer, any_, bindparam, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate, Centre, ResultsAccount
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.permissions import Action
from desk_app.services.search.query import Query, classify
from desk_app.services.search.rules import RULES
from desk_app.settings import Settings

#: a search shows at most this many matches in all (the rest: type more)
MAX_MATCHES = 10_000
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class CandidateRow:
    candidate_id: int
    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: date
    #: the centre's code, e.g. "TW056"
    centre: str
    email: str | None
    phone: str | None
    registered: bool
    #: locked now (``locked_until`` is in the future)
    locked: bool
    #: when the lock ends; None unless locked now
    locked_until: datetime | None
    #: the rule that found it: id_exact, id_prefix, name, chinese, email or phone
    match: str


@dataclass(frozen=True)
class SearchPage:
    items: tuple[CandidateRow, ...]
    page: int
    has_more: bool
    #: how the text was read: empty, id, phone, email, chinese or name
    query_kind: str


class SearchService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def search(
        self, staff: Caller, text: str, *, page: int = 0, page_size: int | None = None
    ) -> SearchPage:
        """One page of what ``text`` finds (role: search; not audited).

        ``staff`` is a signed-in staff member, or the terminal user of the
        command line (who may search without signing in).
        """
        size = self._settings.desk.search_page_size if page_size is None else page_size
        if isinstance(page, bool) or page < 0 or not 1 <= size <= MAX_PAGE_SIZE:
            raise BadInput("invalid_page", limit=MAX_PAGE_SIZE)
        if (page + 1) * size > MAX_MATCHES:
            raise BadInput("search_too_many", limit=MAX_MATCHES)
        query = classify(text)
        with self._db.read() as session:
            _statements_alone(session)
            authorise_caller(session, staff, Action.SEARCH)
            if query.empty:
                return SearchPage((), page, False, query.kind)
            found = _merge(session, query, need=(page + 1) * size + 1)
            chosen = found[page * size : (page + 1) * size]
            rows = _rows(session, chosen, self._clock.now())
        return SearchPage(rows, page, len(found) > (page + 1) * size, query.kind)

    def rows(self, staff: Caller, found: Sequence[tuple[int, str]]) -> tuple[CandidateRow, ...]:
        """These candidates as they are now, each with the rule that found it.

        What a desk asks when another desk changed candidates it lists
        (``ui/live``); not audited, like the search itself.
        """
        with self._db.read() as session:
            _statements_alone(session)
            authorise_caller(session, staff, Action.SEARCH)
            return _rows(session, list(found), self._clock.now())


def _statements_alone(session: Session) -> None:
    """On PostgreSQL, no transaction around a search's statements: each reads what is
    committed when it starts.

    Two round trips fewer (BEGIN, ROLLBACK) of the five a search makes, and a
    search needs no snapshot: a candidate removed between the rule and its
    row is left out (``_rows``), and one changed shows as it is now. SQLite
    has no round trips; its reads keep their transaction.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def found_rows(
    session: Session, query: Query, *, limit: int, now: datetime, chunk: int = MAX_PAGE_SIZE
) -> tuple[int, Iterator[tuple[CandidateRow, ...]]]:
    """How many of the first ``limit`` matches there are, and those rows in the search's
    order, ``chunk`` at a time (for exporting what the search finds)."""
    found = _merge(session, query, need=limit) if not query.empty else []
    chunks = (_rows(session, found[i : i + chunk], now) for i in range(0, len(found), chunk))
    return len(found), chunks


def _merge(session: Session, query: Query, *, need: int) -> list[tuple[int, str]]:
    """(candidate id, rule) in rank order, each candidate once, at most ``need``."""
    found: list[tuple[int, str]] = []
    seen: set[int] = set()
    for rule in RULES:
        if len(found) >= need:
            break
        # a rule may repeat up to len(seen) candidates found before: ask for enough
        for candidate_id, match in rule(session, query, need):
            if candidate_id not in seen:
                seen.add(candidate_id)
                found.append((candidate_id, match))
                if len(found) >= need:
                    break
    return found


_CANDIDATE = Candidate.__table__.c
_ACCOUNT = ResultsAccount.__table__.c
_CENTRE = Centre.__table__.c
#: what the desk shows of candidates (built once, like the rules' statements) …
_SHOWN = (
    select(
        _CANDIDATE.id,
        _CANDIDATE.id_number,
        _CANDIDATE.name_en,
        _CANDIDATE.name_zh,
        _CANDIDATE.date_of_birth,
        _CENTRE.code,
        _CANDIDATE.email,
        _CANDIDATE.phone,
        _ACCOUNT.registered_at,
        _ACCOUNT.locked_until,
    )
    .join_from(Candidate.__table__, Centre.__table__, _CENTRE.id == _CANDIDATE.centre_id)
    .outerjoin(ResultsAccount.__table__, _ACCOUNT.candidate_id == _CANDIDATE.id)
)
#: … the candidates ``ids``: on SQLite a list of values; on PostgreSQL one
#: array, so that the statement is the same however many there are and is
#: planned once (psycopg prepares it), not at every search
_ROWS = {
    "sqlite": _SHOWN.where(_CANDIDATE.id.in_(bindparam("ids", expanding=True))),
    "postgresql": _SHOWN.where(_CANDIDATE.id == any_(bindparam("ids", type_=ARRAY(Integer)))),
}


def _rows(
    session: Session, chosen: list[tuple[int, str]], now: datetime
) -> tuple[CandidateRow, ...]:
    if not chosen:
        return ()
    ids = [candidate_id for candidate_id, _ in chosen]
    rows = _ROWS[session.get_bind().dialect.name]
    by_id = {row[0]: row for row in session.execute(rows, {"ids": ids})}
    items: list[CandidateRow] = []
    for candidate_id, match in chosen:
        row = by_id.get(candidate_id)
        if row is None:  # removed since the rule found it
            continue
        locked_until = row.locked_until if row.locked_until and row.locked_until > now else None
        items.append(
            CandidateRow(
                candidate_id=row.id,
                id_number=row.id_number,
                name_en=row.name_en,
                name_zh=row.name_zh,
                date_of_birth=row.date_of_birth,
                centre=row.code,
                email=row.email,
                phone=row.phone,
                registered=row.registered_at is not None,
                locked=locked_until is not None,
                locked_until=locked_until,
                match=match,
            )
        )
    return tuple(items)
