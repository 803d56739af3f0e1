"""The candidate pane's tabs: overview (details, account, results), the lock
timeline, letters and call notes, each titled with how many it holds.

Alt+O, Alt+T, Alt+E and Alt+N go to them; each fills itself from a
:class:`CandidateSnapshot`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desk_app.services.candidates.detail import EntryDetail
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.candidate.notes_box import NotesSection
from desk_app.ui.candidate.sections import LettersList, OverviewSection, ResultsTree
from desk_app.ui.candidate.timeline_view import TimelineView


class CandidateTabs(QTabWidget):
    # the entry selected in the results (EntryDetail or None)
    entryChanged = Signal(object)

    def __init__(
        self,
        notes: NotesSection,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._snapshot: CandidateSnapshot | None = None
        self.overview = OverviewSection(language, timezone)
        self.results = ResultsTree(language, timezone)
        self.results.entryChanged.connect(self.entryChanged)
        first = QWidget()
        column = QVBoxLayout(first)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.overview)
        column.addWidget(self.results, 1)
        self.timeline = TimelineView(now, language, timezone)
        self.letters = LettersList(language, timezone)
        self.notes = notes
        for page in (first, self.timeline, self.letters, self.notes):
            self.addTab(page, "")
        self.notes.noteAdded.connect(lambda _note: self._retitle())
        self.retranslate()

    def retranslate(self) -> None:
        self.overview.retranslate()
        self.results.retranslate()
        self.letters.retranslate()
        self.timeline.refresh()
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        self._retitle()

    def _retitle(self) -> None:
        snapshot = self._snapshot
        events = len(snapshot.timeline) if snapshot is not None else 0
        letters = len(snapshot.detail.letters) if snapshot is not None else 0
        self.setTabText(0, self.tr("&Overview"))
        self.setTabText(1, self.tr("&Timeline ({count})").format(count=events))
        self.setTabText(2, self.tr("L&etters ({count})").format(count=letters))
        self.setTabText(3, self.tr("&Notes ({count})").format(count=self.notes.count()))

    def selected_entry(self) -> EntryDetail | None:
        return self.results.selected_entry() if self._snapshot is not None else None

    def show_snapshot(self, snapshot: CandidateSnapshot | None) -> None:
        self._snapshot = snapshot
        self.setEnabled(snapshot is not None)
        if snapshot is None:
            self.notes.show_notes(None, ())
            self._retitle()
            return
        self.overview.show_snapshot(snapshot)
        self.results.show_snapshot(snapshot)
        self.letters.show_snapshot(snapshot)
        self.timeline.set_events(snapshot.timeline)
        self.notes.show_notes(snapshot.id_number, snapshot.notes)
        self._retitle()
