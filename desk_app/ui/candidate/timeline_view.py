"""The lock timeline as a compact, read-only table (newest first, rows wrap)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desk_app.services.accounts.lockouts import TimelineEvent
from desk_app.ui.candidate.timeline_model import TimelineColumn, TimelineModel


class TimelineView(QTableView):
    def __init__(
        self,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.timeline_model = TimelineModel(now, language, timezone, self)
        self.setModel(self.timeline_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        heading = self.horizontalHeader()
        heading.setHighlightSections(False)
        heading.setSectionResizeMode(TimelineColumn.EVENT, QHeaderView.ResizeMode.Stretch)
        for column in (TimelineColumn.WHEN, TimelineColumn.WHO):
            heading.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # the rows wrap to the width the event column gets, known only once laid out
        heading.sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == TimelineColumn.EVENT:
            self.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.resizeRowsToContents()  # rows measured while hidden have the wrong height

    def set_events(self, events: Sequence[TimelineEvent]) -> None:
        self.timeline_model.set_events(events)
        self.resizeRowsToContents()

    def refresh(self) -> None:
        """The language changed."""
        self.timeline_model.refresh()
        self.resizeRowsToContents()
