"""The right-hand side of the desk: the candidate on the call.

Selecting a row shows its name at once and loads the full candidate after a
short pause (opening it with Enter loads at once): details and account,
results, letters, the lock timeline, the call notes and this staff member's
open verification of the caller. The header counts
down to the automatic unlock and shows this desk's verification of the
caller; when the lock runs out on screen, the candidate is loaded again so
the timeline and the actions follow, and so when a result's release moment
passes (the services hold a result back until then, so the pane never
knows it early). The buttons are the window's actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.candidates.detail import EntryDetail
from desk_app.ui.actions.call_state import CallVerifications
from desk_app.ui.candidate.header import CandidateHeader, Who
from desk_app.ui.candidate.loader import CandidateLoader, CandidateSnapshot
from desk_app.ui.candidate.notes_box import NotesSection
from desk_app.ui.candidate.tabs import CandidateTabs
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import named

if TYPE_CHECKING:
    from desk_app.services.search.service import CandidateRow

_BUTTON_COLUMNS = 4
# Enter on the candidate shown loads it again once it is older than this
FRESH_FOR = timedelta(seconds=30)


class CandidatePane(QFrame):
    # the loaded candidate (CandidateSnapshot), or None while none is (or another is loading)
    snapshotChanged = Signal(object)
    # the entry selected in the results (EntryDetail or None)
    entryChanged = Signal(object)

    def __init__(
        self,
        loader: CandidateLoader,
        notes: NotesSection,
        verifications: CallVerifications,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        *,
        can_verify: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("candidateDetails")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._loader = loader
        self._verifications = verifications
        self._now = now
        self._language = language
        self._can_verify = can_verify
        self._id_number: str | None = None
        # who the header shows (from the search row, then from the loaded candidate)
        self._who: tuple[int, Who] | None = None
        self._snapshot: CandidateSnapshot | None = None
        # the last candidate read: the same row selected again a moment later (a search typed
        # on, or searched again) is shown from it, not read (and audited) once more
        self._last: CandidateSnapshot | None = None
        self._was_locked = False
        self._reloaded_for_release: CandidateSnapshot | None = None
        self._error: BaseException | None = None
        self.notes = notes
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        loader.loaded.connect(self._loaded)
        loader.failed.connect(self._failed)
        loader.busyChanged.connect(lambda _busy: self._show_status())
        verifications.changed.connect(self._verification_changed)
        self._build(language, timezone)
        self.tabs.show_snapshot(None)  # nothing loaded yet
        self.retranslate()

    # -- layout -------------------------------------------------------------
    def _build(self, language: Callable[[], str], timezone: str) -> None:
        self.placeholder = named(QLabel(), "detailsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.header = CandidateHeader(language, timezone)
        self.buttons = QGridLayout()
        self.buttons.setSpacing(6)
        self.status = named(QLabel(), "paneStatus")
        self.status.setWordWrap(True)
        self.tabs = CandidateTabs(self.notes, self._now, language, timezone)
        self.tabs.entryChanged.connect(self.entryChanged)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(body)

    def set_action_buttons(self, actions: Sequence[QAction]) -> None:
        """Show these (the window's) actions as buttons under the header."""
        for number, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.buttons.addWidget(button, number // _BUTTON_COLUMNS, number % _BUTTON_COLUMNS)

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr("Select a candidate in the list to see their details here.")
            + "\n\n"
            + self.tr("Ctrl+F: search · ↓: into the list · Enter: open · Esc: back to the search")
            + "\n"
            + self.tr("F1: every key of the desk")
        )
        self.tabs.retranslate()
        if self._snapshot is not None:
            self._show_snapshot(self._snapshot)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what is shown -------------------------------------------------------
    @property
    def snapshot(self) -> CandidateSnapshot | None:
        return self._snapshot

    @property
    def loading(self) -> bool:
        """A load is on its way (or waits for the selection to rest)."""
        return self._loader.busy

    def selected_entry(self) -> EntryDetail | None:
        return self.tabs.selected_entry()

    def set_candidate(self, row: CandidateRow | None) -> None:
        """The selection moved: show who it is now, load the rest after a pause."""
        if row is None:
            self._id_number = None
            self._who = None
            self._error = None
            # a read under way goes on (its answer kept, not shown): the same candidate
            # listed again in a moment is shown from it rather than read twice
            self._loader.drop_pending()
            self._set_snapshot(None)
            self._stack.setCurrentIndex(0)
            return
        if row.id_number == self._id_number:
            return
        self._begin(row)
        last = self._last
        if last is not None and last.id_number == row.id_number and self._fresh(last):
            if not self._loader.loading(row.id_number):  # (a reload under way goes on)
                self._loader.cancel()
            self._loaded(last)
            return
        if not self._loader.loading(row.id_number):  # else its answer is on the way
            self._loader.load_soon(row.id_number)

    def open_candidate(self, row: CandidateRow) -> None:
        """Enter or a double click: load at once (unless it was read a moment ago)."""
        if row.id_number != self._id_number:
            self._begin(row)
        read = self._snapshot or self._last
        if read is not None and read.id_number == row.id_number and self._fresh(read):
            if self._snapshot is None:  # the list was searched again meanwhile: shown again
                self._loaded(read)
        elif not self._loader.loading(row.id_number):
            # (Enter while the selection's read is under way: that one look is the opening)
            self._loader.load_now(row.id_number)
        self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fresh(self, snapshot: CandidateSnapshot) -> bool:
        return self._now() - snapshot.loaded_at < FRESH_FOR

    def reload(self) -> None:
        """Load the same candidate again (after an action, or a lock ran out)."""
        if self._id_number is not None:
            self._loader.load_now(self._id_number)

    def focus_notes(self) -> None:
        self.tabs.setCurrentWidget(self.notes)
        self.notes.focus_box()

    def offer_note(self, id_number: str, text: str) -> None:
        """After an action: ``text`` in the note box, one key (Ctrl+Enter) from saved."""
        if id_number == self._id_number and self.notes.offer(id_number, text):
            self.tabs.setCurrentWidget(self.notes)
            self.notes.focus_box()

    def _begin(self, row: CandidateRow) -> None:
        self._id_number = row.id_number
        self._error = None
        self._set_snapshot(None)
        self._stack.setCurrentIndex(1)
        self._show_who(
            row.candidate_id,
            Who(row.id_number, row.name_en, row.name_zh, row.date_of_birth, row.centre),
        )
        self.header.show_lock(row.locked_until, self._now())
        self.header.show_verification(
            self._verifications.result(row.candidate_id), self._now(), can_verify=self._can_verify
        )
        self._show_status()

    def _loaded(self, snapshot: CandidateSnapshot) -> None:
        self._last = snapshot
        if snapshot.id_number != self._id_number:
            return
        self._error = None
        if snapshot.verification is not None:
            # a pass made before this desk was started counts as one made here
            self._verifications.restore(snapshot.candidate_id, snapshot.verification)
        self._set_snapshot(snapshot)
        self._show_status()

    def _failed(self, error: BaseException) -> None:
        self._error = error
        self._show_status()

    def _set_snapshot(self, snapshot: CandidateSnapshot | None) -> None:
        if snapshot is None and self._snapshot is None:
            # nothing shown already, and everyone following the pane was told so: a new
            # search lets go of the candidate, then selects its first row, and each
            # clearing again filled the knowledge pane and the actions on the GUI thread
            return
        self._snapshot = snapshot
        if snapshot is not None:
            # before showing it: the first tick must not take a lock ended by an action
            # for one that ran out on screen (and load the candidate a second time)
            self._was_locked = snapshot.locked_until(self._now()) is not None
            self._show_snapshot(snapshot)
            self._tick.start()
        else:
            self._tick.stop()
            self.tabs.show_snapshot(None)
        self.snapshotChanged.emit(snapshot)

    def _show_snapshot(self, snapshot: CandidateSnapshot) -> None:
        detail = snapshot.detail
        self._show_who(
            detail.candidate_id,
            Who(
                detail.id_number,
                detail.name_en,
                detail.name_zh,
                detail.date_of_birth,
                detail.centre,
            ),
        )
        self.tabs.show_snapshot(snapshot)
        self._on_tick()

    def birth_shown(self, candidate_id: int) -> bool:
        """Whether the date of birth may show: the caller's pass counts now (or the
        role takes no calls, so it reads nothing back to anyone)."""
        return not self._can_verify or self._verifications.open_until(candidate_id) is not None

    def _show_who(self, candidate_id: int, who: Who) -> None:
        self._who = (candidate_id, who)
        self.header.show_who(who, birth_shown=self.birth_shown(candidate_id))

    def _show_status(self) -> None:
        if self._error is not None:
            self.status.setText(error_text(self._error))
            self.status.setProperty("error", True)
        elif self._id_number is not None and self._snapshot is None:
            self.status.setText(self.tr("Loading the candidate…"))
            self.status.setProperty("error", False)
        else:
            self.status.clear()
            self.status.setProperty("error", False)
        self.status.setVisible(bool(self.status.text()))
        self.status.style().polish(self.status)

    # -- the clock -----------------------------------------------------------
    def _on_tick(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        now = self._now()
        locked_until = snapshot.locked_until(now)
        self.header.show_lock(locked_until, now)
        self.header.show_verification(
            self._verifications.result(snapshot.candidate_id), now, can_verify=self._can_verify
        )
        if self._was_locked and locked_until is None:
            self._was_locked = False
            self.reload()  # the lock ran out: the timeline and the actions change
        elif snapshot is not self._reloaded_for_release and released_since(snapshot, now):
            self._reloaded_for_release = snapshot  # once: the load may take a while
            self.reload()  # a result's release moment passed on screen: show it

    def _verification_changed(self, candidate_id: int) -> None:
        if self._who is not None and self._who[0] == candidate_id:
            self._show_who(*self._who)
        if self._snapshot is not None and self._snapshot.candidate_id == candidate_id:
            self._on_tick()


def released_since(snapshot: CandidateSnapshot, now: datetime) -> bool:
    """A result held back when the snapshot was loaded is out by ``now``."""
    return any(
        entry.result is None
        and entry.release_at is not None
        and snapshot.loaded_at < entry.release_at <= now
        for entry in snapshot.detail.entries
    )
