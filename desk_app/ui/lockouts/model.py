"""Accounts locked now, as a Qt table with a live countdown.

The time left is worked out against the clock whenever it is asked for, so
:meth:`LockoutTableModel.tick` (once a second) only has to say that the
column changed. A row whose lock ran out stays, shown as over, until the
view fetches the list again. Rows from a source flagged as a likely attack
show that source in bold red.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.services.accounts.lockouts import LockoutRow
from desk_app.ui.common.formatting import show_clock_time, show_countdown, show_moment
from desk_app.ui.common.row_table_model import LocalTimeTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
ATTACK_COLOUR = QColor("#b3261e")
OVER_COLOUR = QColor("#777777")
_Index = QModelIndex | QPersistentModelIndex


class LockoutColumn(IntEnum):
    ID_NUMBER = 0
    NAME = 1
    LOCK = 2
    LOCKED_UNTIL = 3
    TIME_LEFT = 4
    FAILED = 5
    LAST_FAILURE = 6
    SOURCE = 7


class LockoutTableModel(LocalTimeTableModel[LockoutRow, LockoutColumn]):
    columns = LockoutColumn
    sort_role = SORT_ROLE
    row_role = ROW_ROLE

    _attack_sources: frozenset[str] = frozenset()

    def set_rows(self, rows: Iterable[LockoutRow], attack_sources: Collection[str] = ()) -> None:
        with self._resetting():
            self._rows = tuple(rows)
            self._attack_sources = frozenset(attack_sources)

    def tick(self) -> bool:
        """The clock moved on: the time left changed; True when a lock has run out."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, LockoutColumn.TIME_LEFT),
                self.index(len(self._rows) - 1, LockoutColumn.TIME_LEFT),
            )
        now = self._now()
        return any(row.locked_until <= now for row in self._rows)

    def _headers(self) -> dict[LockoutColumn, str]:
        return {
            LockoutColumn.ID_NUMBER: self.tr("ID Number"),
            LockoutColumn.NAME: self.tr("Name"),
            LockoutColumn.LOCK: self.tr("Lock"),
            LockoutColumn.LOCKED_UNTIL: self.tr("Until"),
            LockoutColumn.TIME_LEFT: self.tr("Time left"),
            LockoutColumn.FAILED: self.tr("Failures"),
            LockoutColumn.LAST_FAILURE: self.tr("Last failure"),
            LockoutColumn.SOURCE: self.tr("Source"),
        }

    def _cell_data(self, row: LockoutRow, column: LockoutColumn, role: int) -> Any:
        attack = row.source is not None and row.source in self._attack_sources
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.locked_until <= self._now():
                return QBrush(OVER_COLOUR)
            if attack and column is LockoutColumn.SOURCE:
                return QBrush(ATTACK_COLOUR)
        if role == Qt.ItemDataRole.FontRole and attack and column is LockoutColumn.SOURCE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and attack and column is LockoutColumn.SOURCE:
            return self.tr("Likely attack: this source locked many accounts")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LockoutColumn.TIME_LEFT,
            LockoutColumn.FAILED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: LockoutRow, column: LockoutColumn) -> str:
        language, now = self._language(), self._now()
        if column is LockoutColumn.LOCK:
            return self.tr("Secret Number") if row.lock == "secret" else self.tr("Password")
        if column is LockoutColumn.LOCKED_UNTIL:
            return show_clock_time(row.locked_until, language, self._timezone)
        if column is LockoutColumn.TIME_LEFT:
            if row.locked_until <= now:
                return self.tr("over")
            return show_countdown(row.locked_until - now)
        if column is LockoutColumn.LAST_FAILURE:
            if row.last_failure_at is None:
                return ""
            return show_moment(row.last_failure_at, language, self._timezone, now)
        return {
            LockoutColumn.ID_NUMBER: row.id_number,
            LockoutColumn.NAME: row.name_en,
            LockoutColumn.FAILED: str(row.failed_attempts),
            LockoutColumn.SOURCE: row.source or "",
        }[column]

    def _sort_key(self, row: LockoutRow, column: LockoutColumn) -> Any:
        if column in (LockoutColumn.LOCKED_UNTIL, LockoutColumn.TIME_LEFT):
            return row.locked_until.timestamp()
        if column is LockoutColumn.FAILED:
            return row.failed_attempts
        if column is LockoutColumn.LAST_FAILURE:
            return row.last_failure_at.timestamp() if row.last_failure_at else 0.0
        return self._text(row, column).casefold()


class LockoutFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; the filter matches the ID Number, name or source."""

    _SEARCHED = (LockoutColumn.ID_NUMBER, LockoutColumn.NAME, LockoutColumn.SOURCE)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return any(
            self._needle
            in str(model.index(source_row, column, source_parent).data() or "").casefold()
            for column in self._SEARCHED
        )

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
