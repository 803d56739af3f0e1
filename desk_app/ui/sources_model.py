"""Source addresses with lockouts on many accounts: likely attacks highlighted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.services.lockouts import SuspiciousSource
from desk_app.ui.formatting import show_moment

ATTACK_BACKGROUND = QColor("#fbe3e1")
ATTACK_COLOUR = QColor("#8c1d18")
_Index = QModelIndex | QPersistentModelIndex


class SourceColumn(IntEnum):
    SOURCE = 0
    ACCOUNTS = 1
    LOCKOUTS = 2
    FIRST = 3
    LAST = 4
    VERDICT = 5


class SourcesModel(QAbstractTableModel):
    def __init__(
        self,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._language = language
        self._timezone = timezone
        self._rows: list[SuspiciousSource] = []

    def set_rows(self, rows: Sequence[SuspiciousSource]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def attack_sources(self) -> set[str]:
        return {row.source for row in self._rows if row.likely_attack}

    def refresh(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SourceColumn) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(SourceColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SourceColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(SourceColumn):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            SourceColumn.SOURCE: self.tr("Source"),
            SourceColumn.ACCOUNTS: self.tr("Accounts"),
            SourceColumn.LOCKOUTS: self.tr("Lockouts"),
            SourceColumn.FIRST: self.tr("First"),
            SourceColumn.LAST: self.tr("Last"),
            SourceColumn.VERDICT: self.tr("Verdict"),
        }[SourceColumn(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = SourceColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if not row.likely_attack:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTACK_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTACK_COLOUR)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: SuspiciousSource, column: SourceColumn) -> str:
        language, now = self._language(), self._now()
        if column is SourceColumn.FIRST:
            return show_moment(row.first_at, language, self._timezone, now)
        if column is SourceColumn.LAST:
            return show_moment(row.last_at, language, self._timezone, now)
        if column is SourceColumn.VERDICT:
            return self.tr("Likely attack") if row.likely_attack else self.tr("Watch")
        return {
            SourceColumn.SOURCE: row.source,
            SourceColumn.ACCOUNTS: str(row.accounts),
            SourceColumn.LOCKOUTS: str(row.lockouts),
        }[column]
