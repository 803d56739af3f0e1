"""The two tables of the lockouts view: current locks and suspicious sources."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desk_app.ui.lockouts.model import ROW_ROLE, LockoutColumn
from desk_app.ui.lockouts.sources_model import SourceColumn, SourcesModel

_LOCK_WIDTHS = {
    LockoutColumn.ID_NUMBER: 110,
    LockoutColumn.LOCK: 110,
    LockoutColumn.LOCKED_UNTIL: 70,
    LockoutColumn.TIME_LEFT: 85,
    LockoutColumn.FAILED: 75,
    LockoutColumn.LAST_FAILURE: 120,
    LockoutColumn.SOURCE: 130,
}


def _plain(table: QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setHighlightSections(False)


class LockoutsTable(QTableView):
    # Enter or a double click: the row's ID Number
    rowOpened = Signal(str)

    def __init__(self, proxy: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockoutsTable")
        self.setModel(proxy)
        _plain(self)
        self.setSortingEnabled(True)
        self.sortByColumn(LockoutColumn.TIME_LEFT, Qt.SortOrder.AscendingOrder)
        header = self.horizontalHeader()
        header.setSectionResizeMode(LockoutColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in _LOCK_WIDTHS.items():
            header.resizeSection(column, width)
        self.activated.connect(
            lambda index: (
                self.rowOpened.emit(index.data(ROW_ROLE).id_number) if index.isValid() else None
            )
        )

    def fit_headers(self) -> None:
        header = self.horizontalHeader()
        for column, width in _LOCK_WIDTHS.items():
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    def selected_id_number(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return str(index.data(ROW_ROLE).id_number)

    def select_id_number(self, id_number: str | None) -> None:
        """Select the row of this ID Number again (after the list was fetched anew)."""
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if id_number is not None and index.data(ROW_ROLE).id_number == id_number:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.selectionModel().setCurrentIndex(index, flags)
                return


class SourcesTable(QTableView):
    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesTable")
        self.setModel(model)
        _plain(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(SourceColumn.SOURCE, QHeaderView.ResizeMode.Stretch)
        for column in (SourceColumn.ACCOUNTS, SourceColumn.LOCKOUTS):
            header.resizeSection(column, 80)
        for column in (SourceColumn.FIRST, SourceColumn.LAST, SourceColumn.VERDICT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
