"""An account's lock timeline as a compact table: when, what (and why), who or where from.

Newest first (the service gives oldest first), since the desk asks about
what just happened. Failed attempts and locks are red, the end of a lock
and a login green. :data:`EVENT_ROLE` answers the whole ``TimelineEvent``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desk_app.services.accounts.lockouts import TimelineEvent
from desk_app.ui.candidate.timeline_text import GOOD_KINDS, WARNING_KINDS, event_actor, event_text
from desk_app.ui.common.formatting import show_date_time, show_moment
from desk_app.ui.common.row_table_model import LocalTimeTableModel

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_COLOUR = QColor("#b3261e")
GOOD_COLOUR = QColor("#1b6e3a")


class TimelineColumn(IntEnum):
    WHEN = 0
    EVENT = 1
    WHO = 2


class TimelineModel(LocalTimeTableModel[TimelineEvent, TimelineColumn]):
    columns = TimelineColumn
    row_role = EVENT_ROLE

    def set_events(self, events: Sequence[TimelineEvent]) -> None:
        self.set_rows(reversed(events))

    def _headers(self) -> dict[TimelineColumn, str]:
        return {
            TimelineColumn.WHEN: self.tr("When"),
            TimelineColumn.EVENT: self.tr("What happened"),
            TimelineColumn.WHO: self.tr("By / from"),
        }

    def _cell_data(self, event: TimelineEvent, column: TimelineColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(event)
        if role == Qt.ItemDataRole.ForegroundRole and column is TimelineColumn.EVENT:
            if event.kind in WARNING_KINDS:
                return QBrush(WARNING_COLOUR)
            if event.kind in GOOD_KINDS:
                return QBrush(GOOD_COLOUR)
        return None

    def _text(self, event: TimelineEvent, column: TimelineColumn) -> str:
        if column is TimelineColumn.WHEN:
            return show_moment(event.at, self._language(), self._timezone, self._now())
        if column is TimelineColumn.EVENT:
            if event.reason:
                return self.tr("{event}: “{reason}”").format(
                    event=event_text(event), reason=event.reason
                )
            return event_text(event)
        return event_actor(event)

    def _tooltip(self, event: TimelineEvent) -> str:
        lines = [
            show_date_time(event.at, self._language(), self._timezone),
            event_text(event),
        ]
        if event.staff:
            lines.append(self.tr("By: {staff}").format(staff=event.staff))
        if event.source:
            lines.append(self.tr("From: {source}").format(source=event.source))
        if event.reason:
            lines.append(self.tr("Reason: {reason}").format(reason=event.reason))
        return "\n".join(lines)
