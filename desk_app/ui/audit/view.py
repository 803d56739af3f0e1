"""The supervisor's audit view: the trail filtered, a page at a time, in the reader's words.

Newest first, 100 events a page: **Older** and **Newer** move by keyset (the
services never count or skip rows, so a page deep in a million events comes
as fast as the first); **Newest** goes back to the top and looks again for
what happened since, as does coming back to the tab on the newest page.
Each row says when, who, what kind and, in one sentence built from the
event's details, what happened; Enter or a double click opens every
recorded field. **Verify the chain…** checks the whole trail on a worker
with progress and Cancel; **Export to CSV…** writes what the filters show
(oldest first) through File › Export's own dialog and the audit log's
export (``AuditExportService.export_view``: the same columns, then the ID
Number and the sentence), with progress and Cancel, itself audited. Every
database call runs on the thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.audit.browse import (
    ActorChoice,
    AuditBrowseService,
    AuditFilter,
    AuditPage,
    AuditRecord,
)
from desk_app.services.clock import Clock
from desk_app.services.exports.audit_log import AuditExportService
from desk_app.services.exports.files import ExportReport
from desk_app.services.permissions import Action, allowed
from desk_app.ui.audit.check_runner import ChainCheck
from desk_app.ui.audit.details_dialog import AuditDetailsDialog
from desk_app.ui.audit.filters import AuditFilterBar
from desk_app.ui.audit.model import ROW_ROLE, AuditColumn, AuditTableModel
from desk_app.ui.audit.words import event_sentence, filter_summary
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import LatestOnly, run_in_background
from desk_app.ui.exports.dialog import ExportDialog, ExportKind, ExportRequest
from desk_app.ui.exports.menu import ExportServices

_WIDTHS = {
    AuditColumn.ID: 70, AuditColumn.WHEN: 120, AuditColumn.WHO: 200, AuditColumn.KIND: 160,
    AuditColumn.ID_NUMBER: 100, AuditColumn.REASON: 160,
}  # fmt: skip


class AuditViewServices(Protocol):
    """What the view takes from the window's services (``ui/main_window.WindowServices``)."""

    @property
    def audit_browse(self) -> AuditBrowseService: ...
    @property
    def exports(self) -> ExportServices: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def timezone(self) -> str: ...


def audit_tab(
    tabs: QTabWidget,
    services: AuditViewServices,
    staff: StaffIdentity,
    language: Callable[[], str],
) -> AuditView | None:
    """The audit view as the window's last tab, for a role that may see the trail."""
    if not allowed(staff.role, Action.VIEW_AUDIT):
        return None
    view = AuditView(
        services.audit_browse, services.exports.audit, staff, services.clock.now, language,
        services.timezone,
    )  # fmt: skip
    tabs.addTab(view, "")
    view.retranslate()  # now with its tab
    return view


class AuditView(QWidget):
    # a page was shown (tests wait for it)
    pageShown = Signal(object)
    # the CSV was written: the export's report
    exported = Signal(object)

    def __init__(
        self,
        browse: AuditBrowseService,
        export: AuditExportService,
        staff: StaffIdentity,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self._browse = browse
        self._export = export
        self._now = now
        self._staff = staff
        self._language = language
        self._timezone = timezone
        self._filters = AuditFilter()
        self._page: AuditPage | None = None
        self._error: BaseException | None = None
        self._names: dict[str, str] = {}
        self._loaded_once = False
        #: the export dialog open, and the filters it writes
        self._export_dialog: ExportDialog | None = None
        self._export_filters = AuditFilter()
        self.model = AuditTableModel(now, language, timezone, self)
        self._requests = LatestOnly(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self._failed)
        self._requests.busyChanged.connect(lambda _busy: self._update())
        self.check = ChainCheck(browse, staff, self)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.filter_bar = AuditFilterBar(self._timezone)
        self.filter_bar.applied.connect(self.show_filtered)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(AuditColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _index: self.open_details())
        self.newest_button, self.newer_button, self.older_button = (
            QPushButton(), QPushButton(), QPushButton(),
        )  # fmt: skip
        self.newest_button.setShortcut(QKeySequence("Ctrl+Home"))
        self.newer_button.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.older_button.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.newest_button.clicked.connect(lambda: self.load())
        self.newer_button.clicked.connect(self.newer)
        self.older_button.clicked.connect(self.older)
        self.details_button = QPushButton()
        self.details_button.clicked.connect(lambda: self.open_details())
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.check.start)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.open_export)
        self.status = named(QLabel(), "auditStatus")
        bottom = QHBoxLayout()
        for button in (self.newest_button, self.newer_button, self.older_button):
            bottom.addWidget(button)
        bottom.addWidget(self.status, 1)
        for button in (self.details_button, self.verify_button, self.export_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.newest_button.setText(self.tr("Newest"))
        self.newer_button.setText(self.tr("◀ Newer"))
        self.older_button.setText(self.tr("Older ▶"))
        for button, keys in (
            (self.newest_button, "Ctrl+Home"),
            (self.newer_button, "Ctrl+PgUp"),
            (self.older_button, "Ctrl+PgDown"),
        ):
            button.setToolTip(
                self.tr("{action} ({keys})").format(
                    action=button.text(),
                    keys=QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
        self.details_button.setText(self.tr("D&etails…"))
        self.verify_button.setText(self.tr("&Verify the chain…"))
        self.export_button.setText(self.tr("E&xport to CSV…"))
        self.verify_button.setToolTip(
            self.tr("Check that no event was changed, removed or added since it was written.")
        )
        self.export_button.setToolTip(self.tr("Write the events the filters show to a CSV file."))
        stack = self.parentWidget()  # in a tab: the tab widget's stack
        tabs = stack.parentWidget() if stack is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.tr("Audit &trail"))
        dialog = self._export_dialog
        if dialog is not None:  # its filters in words, in the new language
            summary = filter_summary(self._export_filters, self._names, self._timezone)
            dialog.kind = replace(dialog.kind, query=summary)
            dialog.retranslate()
        self.model.refresh()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self._load_actors()
            self.load()
        elif self._page is not None and not self._page.has_newer:
            self.load()  # back on the tab: the newest page again, with what happened since

    # -- pages ---------------------------------------------------------------------------------
    def show_filtered(self, filters: AuditFilter) -> None:
        self._filters = filters
        self.load()

    def load(self, *, before: int | None = None, after: int | None = None) -> None:
        browse, staff, filters = self._browse, self._staff, self._filters
        self._requests.submit(lambda: browse.page(staff, filters, before=before, after=after))

    def older(self) -> None:
        if self._page is not None and self._page.has_older and self._page.records:
            self.load(before=self._page.records[-1].id)

    def newer(self) -> None:
        if self._page is not None and self._page.has_newer and self._page.records:
            self.load(after=self._page.records[0].id)

    def _show(self, page: AuditPage) -> None:
        self._page = page
        self._error = None
        self.model.set_rows(page.records)
        if page.records:
            self.table.selectRow(0)
        self._update()
        self.pageShown.emit(page)

    def _failed(self, error: BaseException) -> None:
        self._error = error
        self._update()

    def _load_actors(self) -> None:
        browse, staff = self._browse, self._staff
        run_in_background(lambda: browse.actors(staff), self._actors_loaded, self._failed)

    def _actors_loaded(self, actors: tuple[ActorChoice, ...]) -> None:
        self._names = {a.name: a.display_name for a in actors if a.role is not None}
        self.model.set_names(self._names)
        self.filter_bar.set_actors(actors)

    def _update(self) -> None:
        page = self._page
        has_rows = page is not None and bool(page.records)
        self.newest_button.setEnabled(page is not None)  # also: look again for new events
        self.newer_button.setEnabled(page is not None and page.has_newer)
        self.older_button.setEnabled(page is not None and page.has_older)
        self.details_button.setEnabled(has_rows)
        self.export_button.setEnabled(page is not None)
        if self._error is not None:
            text = error_text(self._error)
        elif self._requests.busy:
            text = self.tr("Loading…")
        elif page is None:
            text = ""
        elif not page.records:
            text = self.tr("No event matches these filters.")
        else:
            text = self.tr("Events {newest}–{oldest}, newest first").format(
                newest=page.records[0].id, oldest=page.records[-1].id
            )
        self.status.setText(text)
        self.status.setProperty("error", self._error is not None)
        self.status.style().polish(self.status)

    # -- one event, the CSV ----------------------------------------------------------------------
    def selected_record(self) -> AuditRecord | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        record = index.data(ROW_ROLE)
        return record if isinstance(record, AuditRecord) else None

    def open_details(self) -> AuditDetailsDialog | None:
        record = self.selected_record()
        if record is None:
            return None
        dialog = AuditDetailsDialog(record, self._names, self._language, self._timezone, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export(self) -> ExportDialog:
        """File › Export's dialog for what the filters show (progress, Cancel, audited)."""
        dialog = ExportDialog(self.export_kind(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_run.connect(self._exported)
        dialog.destroyed.connect(lambda: setattr(self, "_export_dialog", None))
        self._export_dialog, self._export_filters = dialog, self._filters
        dialog.open()
        return dialog

    def export_kind(self) -> ExportKind:
        """The export of the filtered view: sentences in the window's language."""
        export, staff, filters = self._export, self._staff, self._filters
        language, zone = self._language(), self._timezone

        def sentence(record: AuditRecord) -> str:
            return event_sentence(record, language, zone)

        def run(request: ExportRequest) -> ExportReport:
            return export.export_view(
                staff, filters, request.path, describe_as=sentence,
                progress=request.progress, should_stop=request.should_stop,
            )  # fmt: skip

        today = self._now().astimezone(ZoneInfo(zone)).date()
        summary = filter_summary(filters, self._names, zone)
        return ExportKind("view", run, f"audit-view-{today.isoformat()}", query=summary)

    def _exported(self, done: ExportReport) -> None:
        self.exported.emit(done)  # the export's own event shows on the next page loaded
