"""Keeping what one window shows in step with the other desks' changes.

A change arrives (``updates.py``); within :data:`GATHER_MS` the changes
that came together are handled at once, and only what they touch is asked
for again, through the services, on workers:

- the rows of the search results that show a changed candidate
  (``SearchService.rows``), replaced in place: the selection, the order and
  the scroll position stay;
- the open candidate, loaded again as usual, unless what is shown is
  already as new as the change (the candidate's version, an audit id: this
  desk's own action has reloaded it already) or a load is on its way (then
  once more after it, if it is still older);
- in the lockouts view, while it is shown, the rows of the changed
  candidates (``LiveService.lockouts_of``).

An import, a release or a listening connection made again (notices may be
lost) touch everything: every row shown, the candidate and the whole
lockouts view are asked for again. One refresh of a kind runs at a time;
what comes meanwhile waits for the next.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from desk_app.services.actor import StaffIdentity
from desk_app.services.live.kinds import LOCKING
from desk_app.services.live.notices import Change
from desk_app.services.live.service import LiveService, LockoutsOf
from desk_app.services.search.service import CandidateRow, SearchService
from desk_app.ui.actions.call_state import CallVerifications
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.candidate.pane import CandidatePane
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.live.updates import LiveUpdates
from desk_app.ui.lockouts.view import LockoutsView
from desk_app.ui.search.panel import SearchPanel

log = logging.getLogger("desk_app.ui")

# changes arriving within this time are handled together
GATHER_MS = 10


class _Wanted:
    """Candidates to ask for again (or all of those shown)."""

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.everything = False

    def add(self, change: Change) -> None:
        self.ids |= change.candidate_ids
        self.everything = self.everything or change.everything

    def take(self) -> tuple[set[int], bool]:
        taken = (self.ids, self.everything)
        self.ids, self.everything = set(), False
        return taken

    def __bool__(self) -> bool:
        return self.everything or bool(self.ids)


class LiveDesk(QObject):
    """Follows the other desks for one window: its search rows, its candidate, its lockouts.

    :attr:`connectedChanged` and :attr:`connected` say whether the desk hears the
    others: False once the listening connection is lost (or the SQLite file is gone),
    True when it is made (the first time, and again after a loss; the listener then
    reloads what is shown by itself). For whatever tells the user the database is gone.
    """

    #: the listening connection is up (True) or lost (False), on the GUI thread
    connectedChanged = Signal(bool)

    def __init__(
        self,
        updates: LiveUpdates,
        live: LiveService,
        search: SearchService,
        staff: StaffIdentity,
        panel: SearchPanel,
        pane: CandidatePane,
        lockouts: LockoutsView | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.updates = updates
        self._live = live
        self._search = search
        self._staff = staff
        self._panel = panel
        self._pane = pane
        self._lockouts = lockouts
        self._rows = _Wanted()
        self._locks = _Wanted()
        self._rows_busy = False
        self._locks_busy = False
        # the open candidate: the changes to show (audit ids), whether one touched
        # everything, and whether to look again after a load
        self._pane_due: set[int] = set()
        # audit entries this desk wrote and shows already (its caller verifications):
        # hearing of them is no reason to read the candidate again
        self._own: deque[int] = deque(maxlen=64)
        self._pane_everything = False
        self._pane_after_load: int | None = None
        # after stop() (the window closes), answers still on their way are dropped
        self._stopped = False
        self._connected: bool | None = None  # None: not yet connected
        self._timer = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._timer.timeout.connect(self._flush)
        updates.changed.connect(self.take)
        updates.connectedChanged.connect(self._connection)
        pane.snapshotChanged.connect(self._pane_loaded)

    def start(self) -> None:
        self.updates.start()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self.updates.stop()

    def own(self, audit_id: int) -> None:
        """An audit entry this desk wrote and already shows (a caller verification)."""
        if audit_id:
            self._own.append(audit_id)

    @property
    def connected(self) -> bool | None:
        """Whether this desk hears the others now (None: not connected yet)."""
        return self._connected

    def _connection(self, up: bool) -> None:
        if self._stopped or up == self._connected:
            return
        self._connected = up
        self.connectedChanged.emit(up)

    # -- what came in ---------------------------------------------------------
    def take(self, change: Change) -> None:
        if self._stopped:
            return
        self._rows.add(change)
        if change.everything or change.kind in LOCKING:
            self._locks.add(change)
        shown = self._pane.snapshot
        if shown is not None and change.touches(shown.candidate_id):
            self._pane_due.add(change.audit_id)
            self._pane_everything = self._pane_everything or change.everything
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if not self._rows_busy and self._rows:
            self._refresh_rows()
        if not self._locks_busy and self._locks:
            self._refresh_lockouts()
        self._refresh_pane()

    # -- the open candidate ----------------------------------------------------
    def _refresh_pane(self) -> None:
        others = self._pane_due.difference(self._own)
        due, everything = max(others, default=None), self._pane_everything
        self._pane_due, self._pane_everything = set(), False
        shown = self._pane.snapshot
        if due is None or shown is None:
            return
        if not everything and shown.detail.version >= due:
            return  # shown already (this desk's own action loaded it again)
        if self._pane.loading:
            self._pane_after_load = 0 if everything else due
            return
        self._pane.reload()

    def _pane_loaded(self, snapshot: CandidateSnapshot | None) -> None:
        due, self._pane_after_load = self._pane_after_load, None
        if due is None or snapshot is None or self._stopped:
            return
        if due == 0 or snapshot.detail.version < due:
            self._pane.reload()  # the load began before the change: once more

    # -- the search rows ---------------------------------------------------------
    def _refresh_rows(self) -> None:
        ids, everything = self._rows.take()
        found = [
            (row.candidate_id, row.match)
            for row in self._panel.model.rows()
            if everything or row.candidate_id in ids
        ]
        if not found:
            return
        search, staff = self._search, self._staff
        self._rows_busy = True
        run_in_background(lambda: search.rows(staff, found), self._rows_done, self._rows_failed)

    def _rows_done(self, rows: tuple[CandidateRow, ...]) -> None:
        self._rows_busy = False
        if self._stopped:
            return
        self._panel.model.update_rows(rows)
        if self._rows:
            self._timer.start()

    def _rows_failed(self, error: BaseException) -> None:
        self._rows_busy = False
        log.info("rows changed at another desk not shown: %s", type(error).__name__)

    # -- the lockouts view --------------------------------------------------------
    def _refresh_lockouts(self) -> None:
        view = self._lockouts
        ids, everything = self._locks.take()
        if view is None or not view.isVisible():
            return  # it fetches everything when it is shown
        if everything:
            view.fetch()
            return
        live, staff = self._live, self._staff
        self._locks_busy = True
        run_in_background(
            lambda: live.lockouts_of(staff, ids), self._lockouts_done, self._lockouts_failed
        )

    def _lockouts_done(self, update: LockoutsOf) -> None:
        self._locks_busy = False
        if self._stopped:
            return
        if self._lockouts is not None:
            self._lockouts.update_rows(update.id_numbers, update.rows)
        if self._locks:
            self._timer.start()

    def _lockouts_failed(self, error: BaseException) -> None:
        self._locks_busy = False
        log.info("lockouts changed at another desk not shown: %s", type(error).__name__)


class _Window(Protocol):
    """What :func:`follow_other_desks` uses of the window (``ui/main_window.py``)."""

    search_panel: SearchPanel
    pane: CandidatePane
    lockouts: LockoutsView | None
    verifications: CallVerifications


class _StopOnClose(QObject):
    """Stops the desk following the others when its window closes."""

    def __init__(self, desk: LiveDesk, window: QObject) -> None:
        super().__init__(window)
        self._desk = desk
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._desk.stop()
        return False


def follow_other_desks(
    live: LiveService | None,
    search: SearchService,
    staff: StaffIdentity,
    window: _Window,
) -> LiveDesk | None:
    """Follow the other desks until ``window`` closes; None when nobody else can change
    this database (or ``live`` is None)."""
    listener = live.listener() if live is not None else None
    if live is None or listener is None:
        return None
    assert isinstance(window, QObject)
    desk = LiveDesk(
        LiveUpdates(listener, window), live, search, staff, window.search_panel, window.pane,
        window.lockouts, window,
    )  # fmt: skip
    _StopOnClose(desk, window)
    verifications = window.verifications

    def verified_here(candidate_id: int) -> None:  # shown at once: no reload when heard
        result = verifications.result(candidate_id)
        if result is not None:
            desk.own(result.audit_id)

    verifications.changed.connect(verified_here)
    desk.start()
    return desk
