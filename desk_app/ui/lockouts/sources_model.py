"""Source addresses with lockouts on many accounts: likely attacks highlighted."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.services.accounts.lockouts import SuspiciousSource
from desk_app.ui.common.formatting import show_moment
from desk_app.ui.common.row_table_model import LocalTimeTableModel

# answers the whole ``SuspiciousSource`` of a row
ROW_ROLE = Qt.ItemDataRole.UserRole
ATTACK_BACKGROUND = QColor("#fbe3e1")
ATTACK_COLOUR = QColor("#8c1d18")


class SourceColumn(IntEnum):
    SOURCE = 0
    ACCOUNTS = 1
    LOCKOUTS = 2
    FIRST = 3
    LAST = 4
    VERDICT = 5


class SourcesModel(LocalTimeTableModel[SuspiciousSource, SourceColumn]):
    columns = SourceColumn
    row_role = ROW_ROLE

    def attack_sources(self) -> set[str]:
        return {row.source for row in self._rows if row.likely_attack}

    def _headers(self) -> dict[SourceColumn, str]:
        return {
            SourceColumn.SOURCE: self.tr("Source"),
            SourceColumn.ACCOUNTS: self.tr("Accounts"),
            SourceColumn.LOCKOUTS: self.tr("Lockouts"),
            SourceColumn.FIRST: self.tr("First"),
            SourceColumn.LAST: self.tr("Last"),
            SourceColumn.VERDICT: self.tr("Verdict"),
        }

    def _cell_data(self, row: SuspiciousSource, column: SourceColumn, role: int) -> Any:
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
