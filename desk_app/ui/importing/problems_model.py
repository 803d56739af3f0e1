"""The problems of an import file as a table: line, column, and what is wrong."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from desk_app.services.importing.report import Problem
from desk_app.ui.common.errors import translate_error
from desk_app.ui.common.row_table_model import RowTableModel

# answers the whole ``Problem`` of a row
ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemColumn(IntEnum):
    LINE = 0
    COLUMN = 1
    PROBLEM = 2


class ProblemsModel(RowTableModel[Problem, ProblemColumn]):
    columns = ProblemColumn
    row_role = ROW_ROLE
    sort_role = SORT_ROLE

    def _headers(self) -> dict[ProblemColumn, str]:
        return {
            ProblemColumn.LINE: self.tr("Line"),
            ProblemColumn.COLUMN: self.tr("Column"),
            ProblemColumn.PROBLEM: self.tr("Problem"),
        }

    def _text(self, row: Problem, column: ProblemColumn) -> str:
        if column is ProblemColumn.LINE:
            return str(row.line) if row.line else "—"
        if column is ProblemColumn.COLUMN:
            if row.column and row.letter:
                return f"{row.letter} · {row.column}"
            return row.column or row.letter or "—"
        return translate_error(row.code, dict(row.params))

    def _sort_key(self, row: Problem, column: ProblemColumn) -> Any:
        if column is ProblemColumn.LINE:
            return row.line
        return self._text(row, column).casefold()

    def _cell_data(self, row: Problem, column: ProblemColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column is ProblemColumn.PROBLEM:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is ProblemColumn.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
