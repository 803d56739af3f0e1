"""File › Export: the search results listed, the audit log, the lockout history.

Each entry shows only for a role that may (``services/permissions.py``:
export_search, view_audit, view_lockouts; the services check again) and
opens an :class:`~desk_app.ui.exports.dialog.ExportDialog` for its kind.
Search results is enabled while the search lists candidates: the file holds
those rows (the pages loaded so far), searched again as they are now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desk_app.services.actor import StaffIdentity
from desk_app.services.exports.audit_log import AuditExportService
from desk_app.services.exports.files import ExportReport
from desk_app.services.exports.lockout_history import LockoutHistoryService
from desk_app.services.exports.search_results import SearchExportService
from desk_app.services.permissions import Action, allowed
from desk_app.ui.exports.dialog import ExportDialog, ExportKind, ExportRequest

#: what the search panel lists now: the text searched and the number of rows
SearchShown = Callable[[], tuple[str, int]]


@dataclass(frozen=True)
class ExportServices:
    search: SearchExportService
    audit: AuditExportService
    lockouts: LockoutHistoryService


class ExportMenu(QMenu):
    def __init__(
        self,
        services: ExportServices,
        staff: StaffIdentity,
        search_shown: SearchShown,
        now: Callable[[], datetime],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportMenu")
        self._services = services
        self._staff = staff
        self._search_shown = search_shown
        self._now = now
        self._zone = ZoneInfo(timezone)
        self.search_action = self._entry(Action.EXPORT_SEARCH, self.export_search)
        self.audit_action = self._entry(Action.VIEW_AUDIT, self.export_audit)
        self.lockouts_action = self._entry(Action.VIEW_LOCKOUTS, self.export_lockouts)
        self.aboutToShow.connect(self.update_entries)
        self.retranslate()
        self.update_entries()

    def _entry(self, action: Action, opens: Callable[[], object]) -> QAction:
        entry = QAction(self)
        entry.setVisible(allowed(self._staff.role, action))
        entry.triggered.connect(lambda _checked=False: opens())
        self.addAction(entry)
        return entry

    def retranslate(self) -> None:
        self.setTitle(self.tr("E&xport"))
        self.search_action.setText(self.tr("&Search results…"))
        self.audit_action.setText(self.tr("&Audit log…"))
        self.lockouts_action.setText(self.tr("&Lockout history…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_entries(self) -> None:
        """Search results only while the search lists candidates."""
        query, rows = self._search_shown()
        self.search_action.setEnabled(bool(query) and rows > 0)

    # -- the kinds ---------------------------------------------------------------------------
    def export_search(self) -> ExportDialog | None:
        query, rows = self._search_shown()
        if not query or rows <= 0:
            return None
        search, staff = self._services.search, self._staff

        def run(request: ExportRequest) -> ExportReport:
            return search.export(
                staff, query, request.path, limit=rows, progress=request.progress,
                should_stop=request.should_stop,
            )  # fmt: skip

        return self._open(ExportKind("search", run, "search-results", query=query, rows=rows))

    def export_audit(self) -> ExportDialog:
        audit, staff = self._services.audit, self._staff

        def run(request: ExportRequest) -> ExportReport:
            return audit.export(
                staff, request.path, format=request.format, days=request.days,
                progress=request.progress, should_stop=request.should_stop,
            )  # fmt: skip

        today = self._today()
        kind = ExportKind(
            "audit", run, f"audit-log-{today.isoformat()}", ("csv", "jsonl"), "optional", today
        )
        return self._open(kind)

    def export_lockouts(self) -> ExportDialog:
        lockouts, staff = self._services.lockouts, self._staff

        def run(request: ExportRequest) -> ExportReport:
            first, last = request.days.first, request.days.last
            assert first is not None and last is not None  # the dialog always gives both
            return lockouts.export(
                staff, request.path, first_day=first, last_day=last, progress=request.progress,
                should_stop=request.should_stop,
            )  # fmt: skip

        today = self._today()
        kind = ExportKind("lockouts", run, f"lockouts-{today.isoformat()}", days="required",
                          today=today)  # fmt: skip
        return self._open(kind)

    def _today(self) -> date:
        return self._now().astimezone(self._zone).date()

    def _open(self, kind: ExportKind) -> ExportDialog:
        dialog = ExportDialog(kind, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
