"""One page of the audit trail as a Qt table: when, who, what happened, for whom, why."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from desk_app.services.audit.browse import AuditRecord
from desk_app.ui.audit.words import action_name, actor_name, event_sentence
from desk_app.ui.common.formatting import show_moment
from desk_app.ui.common.row_table_model import LocalTimeTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class AuditColumn(IntEnum):
    ID = 0
    WHEN = 1
    WHO = 2
    KIND = 3
    WHAT = 4
    ID_NUMBER = 5
    REASON = 6


class AuditTableModel(LocalTimeTableModel[AuditRecord, AuditColumn]):
    columns = AuditColumn
    row_role = ROW_ROLE

    def __init__(
        self,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(now, language, timezone, parent)
        #: staff usernames → display names, for the Who column
        self._names: Mapping[str, str] = {}

    def set_names(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)
        self.refresh()

    def _headers(self) -> dict[AuditColumn, str]:
        return {
            AuditColumn.ID: self.tr("No."),
            AuditColumn.WHEN: self.tr("When"),
            AuditColumn.WHO: self.tr("Who"),
            AuditColumn.KIND: self.tr("Kind"),
            AuditColumn.WHAT: self.tr("What happened"),
            AuditColumn.ID_NUMBER: self.tr("ID Number"),
            AuditColumn.REASON: self.tr("Reason"),
        }

    def _text(self, row: AuditRecord, column: AuditColumn) -> str:
        if column is AuditColumn.ID:
            return str(row.id)
        if column is AuditColumn.WHEN:
            return show_moment(row.at, self._language(), self._timezone, self._now())
        if column is AuditColumn.WHO:
            return actor_name(row.actor, dict(self._names))
        if column is AuditColumn.KIND:
            return action_name(row.action)
        if column is AuditColumn.WHAT:
            return event_sentence(row, self._language(), self._timezone)
        if column is AuditColumn.ID_NUMBER:
            return row.id_number or ""
        return (row.reason or "").replace("\n", " ")

    def _cell_data(self, row: AuditRecord, column: AuditColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (AuditColumn.WHAT, AuditColumn.REASON):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is AuditColumn.ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
