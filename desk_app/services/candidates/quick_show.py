"""``desk-app show ID`` for the terminal user, without SQLAlchemy: the plain read path.

A command-line look-up may take half a second as a whole process, and
importing SQLAlchemy and building the models alone takes about that. So the
look-up a terminal user makes (no ``--as``: the common scripted one) talks
to the database driver itself (``services/plain_db.py``) and does what
:meth:`CandidateService.show <desk_app.services.candidates.detail.CandidateService.show>`
does, in one unit of work: the terminal user's right checked
(``actor.authorise_terminal``), the ID Number read by the same rule, the
candidate read by the one read both paths share (``detail_read.py``: the
same release-date rule, the same locks, letters and version), and the look
written to the audit trail as ``candidate_viewed`` by ``cli:<login>``
(``audit/plain_chain.py``). Its failures say what the full path says.

Whenever the plain path is not sure it can do all that (``plain_db.open_plain``
says None), :func:`quick_show` answers None and the command takes the full
path, which knows every case.
"""

from __future__ import annotations

from collections.abc import Callable

from desk_app.services.actor import TerminalUser, authorise_terminal
from desk_app.services.audit.plain_chain import append_look
from desk_app.services.candidates.detail_read import candidate_id_of, read_detail
from desk_app.services.candidates.detail_types import CandidateDetail
from desk_app.services.clock import Clock, SystemClock
from desk_app.services.errors import NotFound
from desk_app.services.permissions import Action
from desk_app.services.plain_db import PlainDb, open_plain
from desk_app.services.validation import parse_id_number
from desk_app.settings import Settings


class QuickShowService:
    """The terminal user's audited look-up of one candidate, through the driver."""

    def __init__(self, db: PlainDb, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def show(self, caller: TerminalUser, id_number: str) -> CandidateDetail:
        """Everything the desk shows about one candidate; the look-up is audited."""
        with self._db.write() as db:
            actor = authorise_terminal(caller, Action.VIEW_CANDIDATE)
            key = parse_id_number(id_number, self._settings.id_format)
            candidate_id = candidate_id_of(db, key)
            if candidate_id is None:
                raise NotFound("candidate_not_found", id_number=key)
            detail = read_detail(db, candidate_id, self._clock.now())
            append_look(
                db,
                self._clock,
                actor,
                "candidate_viewed",
                candidate_id=candidate_id,
                subject=detail.id_number,
            )
            return detail


def quick_show(
    url: str,
    settings: Callable[[], Settings],
    caller: TerminalUser,
    id_number: str,
    clock: Clock | None = None,
) -> CandidateDetail | None:
    """The look-up on the plain path, or None when the full path must make it.

    ``settings`` is asked for once the database is open, as the full path
    reads them (a broken config file says so after a database that cannot
    be reached, on both paths).
    """
    db = open_plain(url)
    if db is None:
        return None
    try:
        return QuickShowService(db, settings(), clock or SystemClock()).show(caller, id_number)
    finally:
        db.close()
