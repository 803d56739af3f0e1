"""A Qt table over a tuple of frozen rows, one column per member of an ``IntEnum``.

A subclass says only what is particular to it: its column enum
(:attr:`RowTableModel.columns`), the header labels (:meth:`_headers`, asked
again every time, so :meth:`refresh` after a language change shows the new
words), the text of a cell (:meth:`_text`) and any other roles it answers
(:meth:`_cell_data`). The custom roles stay the subclass's own numbers: set
:attr:`row_role` to answer the whole row, :attr:`sort_role` to answer
:meth:`_sort_key` and :attr:`raw_role` to answer :meth:`_raw`. A model that
names the other roles it answers in :attr:`cell_roles` is not asked for the
rest: a view asks about ten roles of every cell it paints, each a call into
Python, and the results table is painted after every keystroke.

:class:`LocalTimeTableModel` adds what the lockout tables share: the clock,
the language asked for when a text is made, and the office time zone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

RowT = TypeVar("RowT")
ColumnT = TypeVar("ColumnT", bound=IntEnum)
_Index = QModelIndex | QPersistentModelIndex
#: roles no model here answers (the editing ones): not worth a call into Python
_NOT_ASKED = frozenset({Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole})


class RowTableModel(QAbstractTableModel, Generic[RowT, ColumnT]):
    columns: type[ColumnT]
    row_role: ClassVar[int | None] = None
    sort_role: ClassVar[int | None] = None
    raw_role: ClassVar[int | None] = None
    #: the roles :meth:`_cell_data` answers (None: ask it about every role)
    cell_roles: ClassVar[frozenset[int] | None] = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowT, ...] = ()
        # Qt asks these on the GUI thread thousands of times per page painted (the view
        # and the sort proxy alike): a tuple looked up by position, not the enum called
        # (``Column(3)`` is a Python-level lookup, several times dearer)
        self._column_list: tuple[ColumnT, ...] = tuple(self.columns)
        self._column_count = len(self._column_list)
        self._answered: frozenset[int | None] | None = (
            None
            if self.cell_roles is None
            else self.cell_roles
            | {Qt.ItemDataRole.DisplayRole, self.row_role, self.sort_role, self.raw_role}
        )

    # -- the rows --------------------------------------------------------------------
    def rows(self) -> tuple[RowT, ...]:
        return self._rows

    def set_rows(self, rows: Iterable[RowT]) -> None:
        with self._resetting():
            self._rows = tuple(rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    @contextmanager
    def _resetting(self) -> Iterator[None]:
        """Change the rows (and whatever goes with them) inside one model reset."""
        self.beginResetModel()
        try:
            yield
        finally:
            self.endResetModel()

    def refresh(self) -> None:
        """The language or the clock moved on: every text and header may differ."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- what a subclass says --------------------------------------------------------
    def _headers(self) -> Mapping[ColumnT, str]:
        raise NotImplementedError

    def _text(self, row: RowT, column: ColumnT) -> str:
        raise NotImplementedError

    def _sort_key(self, row: RowT, column: ColumnT) -> Any:
        return self._text(row, column).casefold()

    def _raw(self, row: RowT, column: ColumnT) -> Any:
        return None

    def _cell_data(self, row: RowT, column: ColumnT, role: int) -> Any:
        """Any other role (colours, fonts, tool tips, alignment); None by default."""
        return None

    # -- the model interface ---------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[self.columns(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        answered = self._answered
        if role in _NOT_ASKED or (answered is not None and role not in answered):
            return None
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.row_role:
            return row
        column = self._column_list[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == self.sort_role:
            return self._sort_key(row, column)
        if role == self.raw_role:
            return self._raw(row, column)
        return self._cell_data(row, column, role)


class LocalTimeTableModel(RowTableModel[RowT, ColumnT]):
    """Texts made against the clock, in the current language and the office time zone."""

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
