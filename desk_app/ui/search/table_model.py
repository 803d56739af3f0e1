"""The search results as a Qt table: one row per candidate the search found.

Columns are :class:`Column`; besides the text shown, every cell answers
:data:`RAW_ROLE` (the value as the service gave it), :data:`SORT_ROLE` (a key
that sorts the way people expect) and :data:`ROW_ROLE` (the whole
``CandidateRow``). The account state is worked out against the clock, so a
lock that runs out while the list is on screen shows as over; a candidate
loaded again (after an action) updates its row at once (:meth:`update_row`).
The date of birth is masked until the caller passed verification
(``birth_shown``), so that it cannot be read back to a caller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.ui.common.formatting import MASKED_DATE, show_date
from desk_app.ui.common.row_table_model import RowTableModel

if TYPE_CHECKING:
    from desk_app.services.candidates.detail import CandidateDetail
    from desk_app.services.search.service import CandidateRow

RAW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

LOCKED_COLOUR = QColor("#b3261e")


class Column(IntEnum):
    ID_NUMBER = 0
    NAME_EN = 1
    NAME_ZH = 2
    DATE_OF_BIRTH = 3
    CENTRE = 4
    ACCOUNT = 5


class AccountState(IntEnum):
    """Sorted in this order: the accounts a caller needs help with first."""

    LOCKED = 0
    REGISTERED = 1
    NOT_REGISTERED = 2


def account_state(row: CandidateRow, now: datetime) -> AccountState:
    if row.locked_until is not None:
        if row.locked_until > now:
            return AccountState.LOCKED
    elif row.locked:
        return AccountState.LOCKED
    return AccountState.REGISTERED if row.registered else AccountState.NOT_REGISTERED


def row_as_loaded(row: CandidateRow, detail: CandidateDetail) -> CandidateRow:
    """``row`` as the candidate loaded in full says it is now (after an action, say)."""
    locked_until = detail.account.locked_until  # the password lock, as the search reports it
    return replace(
        row,
        name_en=detail.name_en,
        name_zh=detail.name_zh,
        date_of_birth=detail.date_of_birth,
        centre=detail.centre,
        email=detail.email,
        phone=detail.phone,
        registered=detail.account.registered,
        locked=locked_until is not None,
        locked_until=locked_until,
    )


def account_text(state: AccountState) -> str:
    if state is AccountState.LOCKED:
        return QCoreApplication.translate("CandidateTableModel", "Locked")
    if state is AccountState.REGISTERED:
        return QCoreApplication.translate("CandidateTableModel", "Registered")
    return QCoreApplication.translate("CandidateTableModel", "Not registered")


class CandidateTableModel(RowTableModel["CandidateRow", Column]):
    cell_roles = frozenset(
        {Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole}
    )

    columns = Column
    raw_role = RAW_ROLE
    sort_role = SORT_ROLE
    row_role = ROW_ROLE

    def __init__(
        self,
        now: Callable[[], datetime],
        language: Callable[[], str],
        parent: QObject | None = None,
        *,
        birth_shown: Callable[[int], bool] = lambda _candidate_id: True,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._language = language
        self._birth_shown = birth_shown

    def update_row(self, row: CandidateRow) -> bool:
        """Show ``row`` in place of the listed row of the same candidate; False if not listed."""
        for number, listed in enumerate(self._rows):
            if listed.candidate_id == row.candidate_id:
                self._rows = (*self._rows[:number], row, *self._rows[number + 1 :])
                self.dataChanged.emit(
                    self.index(number, 0), self.index(number, len(self.columns) - 1)
                )
                return True
        return False

    def append_rows(self, rows: Sequence[CandidateRow]) -> None:
        known = {row.candidate_id for row in self._rows}
        new = [row for row in rows if row.candidate_id not in known]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows = (*self._rows, *new)
        self.endInsertRows()

    def update_rows(self, rows: Sequence[CandidateRow]) -> None:
        """These candidates as they are now (another desk changed them), in their places."""
        fresh = {row.candidate_id: row for row in rows}
        places = [i for i, row in enumerate(self._rows) if row.candidate_id in fresh]
        if not places:
            return
        self._rows = tuple(fresh.get(row.candidate_id, row) for row in self._rows)
        last = len(self.columns) - 1
        for place in places:
            self.dataChanged.emit(self.index(place, 0), self.index(place, last))

    def _headers(self) -> dict[Column, str]:
        return {
            Column.ID_NUMBER: self.tr("ID Number"),
            Column.NAME_EN: self.tr("Name"),
            Column.NAME_ZH: self.tr("中文姓名"),
            Column.DATE_OF_BIRTH: self.tr("Date of birth"),
            Column.CENTRE: self.tr("Centre"),
            Column.ACCOUNT: self.tr("Account"),
        }

    def _cell_data(self, row: CandidateRow, column: Column, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column is Column.ACCOUNT
            and account_state(row, self._now()) is AccountState.LOCKED
        ):
            return QBrush(LOCKED_COLOUR)
        if (
            role == Qt.ItemDataRole.FontRole
            and column is Column.ACCOUNT
            and account_state(row, self._now()) is AccountState.LOCKED
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NAME_EN:
            return " · ".join(part for part in (row.email, row.phone) if part)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column is Column.DATE_OF_BIRTH
            and not self._birth_shown(row.candidate_id)
        ):
            return self.tr("Shown once the caller passed verification")
        return None

    def _raw(self, row: CandidateRow, column: Column) -> Any:
        if column is Column.ACCOUNT:
            return account_state(row, self._now()).name.lower()
        if column is Column.DATE_OF_BIRTH and not self._birth_shown(row.candidate_id):
            return None
        return {
            Column.ID_NUMBER: row.id_number,
            Column.NAME_EN: row.name_en,
            Column.NAME_ZH: row.name_zh,
            Column.DATE_OF_BIRTH: row.date_of_birth,
            Column.CENTRE: row.centre,
        }[column]

    def _text(self, row: CandidateRow, column: Column) -> str:
        if column is Column.ACCOUNT:
            return account_text(account_state(row, self._now()))
        if column is Column.DATE_OF_BIRTH:
            if not self._birth_shown(row.candidate_id):
                return MASKED_DATE
            return show_date(row.date_of_birth, self._language())
        return str(self._raw(row, column) or "")

    def _sort_key(self, row: CandidateRow, column: Column) -> Any:
        if column is Column.ACCOUNT:
            return int(account_state(row, self._now()))
        if column is Column.DATE_OF_BIRTH:
            # masked dates sort together, so the order does not tell them either
            return row.date_of_birth.isoformat() if self._birth_shown(row.candidate_id) else ""
        return str(self._raw(row, column) or "").casefold()


class CandidateSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; unsorted, it keeps the search's ranking."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
