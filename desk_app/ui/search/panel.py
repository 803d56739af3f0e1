"""The search box and its results: the first thing a desk uses on every call.

Typing searches after a short pause, Enter searches at once; the service
runs on a worker and only the newest search's results are shown. Down moves
from the box into the results, Enter on a row opens it, Escape goes back.
A new search (or an empty box) lets go of the candidate shown at once
(``currentCandidateChanged(None)``), so no action is taken on a candidate
the list no longer holds; :meth:`refresh` runs the search again and keeps
the same candidate selected when it is still listed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.workers import LatestOnly
from desk_app.ui.search.table_model import (
    CandidateSortProxy,
    CandidateTableModel,
    row_as_loaded,
)
from desk_app.ui.search.table_view import CandidateTableView

if TYPE_CHECKING:
    from desk_app.services.search.service import SearchPage, SearchService

#: typing searches this long after the last key: enough to take a burst (a paste, an
#: input method's commit) as one search, short enough that results follow the keys
#: (the search itself takes a few ms at 1,000,000 candidates; docs/PERFORMANCE.md)
DEBOUNCE_MS = 30


class SearchPanel(QWidget):
    # a candidate row (or None) became the current one
    currentCandidateChanged = Signal(object)
    # Enter or a double click on a row
    candidateOpened = Signal(object)
    # rows shown, whether more can be loaded
    resultsShown = Signal(int, bool)
    searchFailed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        search: SearchService,
        staff: StaffIdentity,
        now: Callable[[], datetime],
        language: Callable[[], str],
        parent: QWidget | None = None,
        *,
        birth_shown: Callable[[int], bool] = lambda _candidate_id: True,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._staff = staff
        self._query = ""
        self._page = 0
        self._has_more = False
        self._error: BaseException | None = None
        # the candidate to keep selected when the results come (refresh)
        self._keep: int | None = None
        # while the rows are swapped for the same candidate's: the selection moves, not the pane
        self._quiet = False
        self._requests = LatestOnly(self)
        self._requests.finished.connect(self._show_page)
        self._requests.failed.connect(self._show_failure)
        self._requests.busyChanged.connect(self._busy_changed)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.search_now(force=False))
        self.model = CandidateTableModel(now, language, self, birth_shown=birth_shown)
        self.proxy = CandidateSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.retranslate()

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.search_box = QLineEdit(clearButtonEnabled=True)
        self.search_box.setObjectName("searchBox")
        self.search_box.setMinimumHeight(36)
        self.search_box.installEventFilter(self)
        self.search_box.textEdited.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(lambda: self.search_now(force=True))
        self.search_button = QPushButton()
        self.search_button.setMinimumHeight(36)
        self.search_button.clicked.connect(lambda: self.search_now(force=True))
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatus")
        self.status_label.setWordWrap(True)
        self.table = CandidateTableView(self.proxy)
        self.table.currentCandidateChanged.connect(self._current_changed)
        self.table.candidateOpened.connect(self.candidateOpened)
        self.table.escapePressed.connect(self.focus_search)
        self.load_more_button = QPushButton()
        self.load_more_button.setVisible(False)
        self.load_more_button.clicked.connect(self.load_more)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.load_more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.search_box, self.search_button)
        QWidget.setTabOrder(self.search_button, self.table)
        QWidget.setTabOrder(self.table, self.load_more_button)

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("ID Number, name, 中文姓名, email or phone (Ctrl+F)")
        )
        self.search_box.setAccessibleName(self.tr("Search candidates"))
        self.search_button.setText(self.tr("Search"))
        self.load_more_button.setText(self.tr("Load more"))
        self.table.setAccessibleName(self.tr("Candidates found"))
        self.model.refresh()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def query(self) -> str:
        """The text the listed results were found by (not what is being typed)."""
        return self._query

    # -- searching ----------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search_now(self, *, force: bool = True) -> None:
        """Search for what the box holds (again, when ``force``)."""
        self._debounce.stop()
        text = self.search_box.text().strip()
        if not force and text == self._query:
            return
        self._query = text
        self._page = 0
        self._has_more = False
        self._error = None
        self._keep = None
        self.table.clearSelection()
        self.currentCandidateChanged.emit(None)
        if not text:
            self._requests.cancel()
            self.model.set_rows([])
            self._update_status()
            self.resultsShown.emit(0, False)
            return
        self._submit(text, 0)

    def refresh(self) -> None:
        """The same search again; the candidate selected stays selected if still listed."""
        if not self._query:
            return
        current = self.table.current_candidate()
        self._keep = getattr(current, "candidate_id", None)
        self._page = 0
        self._has_more = False
        self._error = None
        self._submit(self._query, 0)

    def lists(self, id_number: str) -> bool:
        return any(row.id_number == id_number for row in self.model.rows())

    def candidate_loaded(self, snapshot: CandidateSnapshot | None) -> None:
        """A candidate loaded (again, e.g. after an action): its row shows it as it is now."""
        if snapshot is None:
            return
        for row in self.model.rows():
            if row.candidate_id == snapshot.candidate_id:
                self.model.update_row(row_as_loaded(row, snapshot.detail))
                return

    def load_more(self) -> None:
        if self._query and self._has_more and not self._requests.busy:
            self._submit(self._query, self._page + 1)

    def _submit(self, text: str, page: int) -> None:
        search, staff = self._search, self._staff
        self._requests.submit(lambda: search.search(staff, text, page=page))

    def _show_page(self, result: SearchPage) -> None:
        self._page = result.page
        self._has_more = result.has_more
        self._error = None
        if result.page == 0:
            keep, self._keep = self._keep, None
            kept = [n for n, row in enumerate(result.items) if row.candidate_id == keep]
            self._quiet = bool(kept)
            try:
                self.table.unsort()
                self.model.set_rows(result.items)
                if result.items:
                    self.table.select_row(kept[0] if kept else 0, move_focus=False)
                else:
                    self.currentCandidateChanged.emit(None)
            finally:
                self._quiet = False
        else:
            self.model.append_rows(result.items)
        self._update_status()
        self.resultsShown.emit(self.model.rowCount(), self._has_more)

    def _current_changed(self, row: object) -> None:
        if not self._quiet:
            self.currentCandidateChanged.emit(row)

    def _show_failure(self, error: BaseException) -> None:
        self._has_more = False
        self._error = error
        self.model.set_rows([])
        self.currentCandidateChanged.emit(None)
        self._update_status()
        self.searchFailed.emit(error_text(error))

    def _busy_changed(self, busy: bool) -> None:
        self._update_status()
        self.busyChanged.emit(busy)

    def _update_status(self) -> None:
        self.status_label.setProperty("error", self._error is not None)
        self.status_label.style().polish(self.status_label)
        busy = self._requests.busy
        count = self.model.rowCount()
        self.load_more_button.setVisible(self._has_more)
        self.load_more_button.setEnabled(self._has_more and not busy)
        if self._error is not None:
            self.status_label.setText(error_text(self._error))
        elif busy:
            self.status_label.setText(self.tr("Searching…"))
        elif not self._query:
            self.status_label.setText(
                self.tr("Type an ID Number, a name, an email address or a phone number.")
            )
        elif count == 0:
            text = self.tr("No candidate matches “{query}”.")
            self.status_label.setText(text.format(query=self._query))
        elif self._has_more:
            text = self.tr("Showing the first {count} matches: Load more for the next page.")
            self.status_label.setText(text.format(count=count))
        else:
            text = self.tr("Candidates matching “{query}”: {count}")
            self.status_label.setText(text.format(query=self._query, count=count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_box and key == Qt.Key.Key_Down and self.proxy.rowCount():
                current = self.table.currentIndex()
                self.table.select_row(current.row() if current.isValid() else 0, move_focus=True)
                return True
            if watched is self.search_box and key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                self.search_now(force=True)
                return True
        return super().eventFilter(watched, event)
