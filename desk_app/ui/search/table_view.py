"""The results table: whole-row selection, sensible widths, ranking order by default.

Clicking a header sorts by that column; a new search goes back to the
search's own ranking (exact ID first). Escape asks to go back to the box.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desk_app.ui.search.table_model import ROW_ROLE, Column

_WIDTHS = {
    Column.ID_NUMBER: 120,
    Column.NAME_ZH: 100,
    Column.DATE_OF_BIRTH: 125,
    Column.CENTRE: 80,
    Column.ACCOUNT: 125,
}


class CandidateTableView(QTableView):
    # the current row's candidate (or None)
    currentCandidateChanged = Signal(object)
    # Enter or a double click on a row
    candidateOpened = Signal(object)
    escapePressed = Signal()

    def __init__(self, proxy: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setSortingEnabled(True)
        self.unsort()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Column.NAME_EN, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.activated.connect(
            lambda index: (
                self.candidateOpened.emit(index.data(ROW_ROLE)) if index.isValid() else None
            )
        )
        self.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.currentCandidateChanged.emit(
                current.data(ROW_ROLE) if current.isValid() else None
            )
        )

    def fit_headers(self) -> None:
        """Widen a column whose heading (e.g. after a language switch) would be clipped."""
        header = self.horizontalHeader()
        for column, width in _WIDTHS.items():
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_headers()  # the style sheet's header font is known once shown

    def unsort(self) -> None:
        """Back to the order the search gave."""
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model().sort(-1)

    def select_row(self, row: int, *, move_focus: bool) -> None:
        index = self.model().index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)
        if move_focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_candidate(self) -> object:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.candidateOpened.emit(index.data(ROW_ROLE))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentCandidateChanged.emit(current.data(ROW_ROLE) if current.isValid() else None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return
        super().keyPressEvent(event)
