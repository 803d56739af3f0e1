"""The desk's main window: search on the left, the candidate on the right.

The window is the composition root of its panels: it receives the services
the desk uses (:class:`WindowServices`, no database among them) and hands
each panel the ones it uses; it owns the menus and the status bar. Ctrl+F or F3 goes to the search
box from anywhere; the Actions menu holds every step of a call, with its
shortcut; the Language menu switches every text at once. Roles that watch
lockouts get a second tab (Ctrl+Shift+L) with the supervisor's view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from desk_app.services.accounts.lockouts import LockoutService
from desk_app.services.actions.desk_actions import DeskActionService
from desk_app.services.actions.reason_presets import ReasonPresetService
from desk_app.services.actions.verification import VerificationService
from desk_app.services.actor import StaffIdentity
from desk_app.services.audit.browse import AuditBrowseService
from desk_app.services.candidates.desk_view import CandidateViewService
from desk_app.services.candidates.notes import NoteService
from desk_app.services.clock import Clock
from desk_app.services.documents.letter_batch import LetterBatchService
from desk_app.services.documents.statements import StatementService
from desk_app.services.importing.service import ImportService
from desk_app.services.knowledge.answers import KnowledgeService
from desk_app.services.live.service import LiveService
from desk_app.services.permissions import Action, allowed
from desk_app.services.search.service import SearchService
from desk_app.services.staff import StaffService
from desk_app.ui.actions.call_actions import PANE_ACTIONS, CallActions
from desk_app.ui.actions.call_state import CallVerifications
from desk_app.ui.actions.desk_keys import DeskKeys
from desk_app.ui.actions.launcher import ActionLauncher
from desk_app.ui.actions.plans import ActionPlans
from desk_app.ui.actions.rules import role_may
from desk_app.ui.actions.shortcuts import keys_of
from desk_app.ui.audit.view import audit_tab
from desk_app.ui.candidate.loader import CandidateLoader
from desk_app.ui.candidate.notes_box import NotesSection
from desk_app.ui.candidate.pane import CandidatePane
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.i18n import LANGUAGE_NAMES, LANGUAGES, Translations
from desk_app.ui.common.labels import database_kind, role_name
from desk_app.ui.common.message_box import show_about
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.exports.menu import ExportMenu, ExportServices
from desk_app.ui.importing.dialog import ImportDialog
from desk_app.ui.knowledge.column import desk_columns, first_layout, unfold
from desk_app.ui.knowledge.pane import KnowledgePane
from desk_app.ui.letters.batch_dialog import LetterBatchDialog
from desk_app.ui.live.desk import follow_other_desks
from desk_app.ui.lockouts.view import LockoutsView
from desk_app.ui.search.panel import SearchPanel

if TYPE_CHECKING:
    from desk_app.services.importing.report import ImportReport
    from desk_app.services.search.service import CandidateRow


@dataclass(frozen=True)
class WindowServices:
    """What the desk window and its panels use, and nothing more."""

    search: SearchService
    candidate_views: CandidateViewService
    notes: NoteService
    verification: VerificationService
    lockouts: LockoutService
    desk_actions: DeskActionService
    reason_presets: ReasonPresetService  # the reasons each action offers (1–9)
    statements: StatementService
    letters: LetterBatchService
    importer: ImportService
    exports: ExportServices
    #: the desk's answers (the seeds' FAQ) beside the candidate
    knowledge: KnowledgeService
    #: the staff member's language choice is kept here
    staff: StaffService
    clock: Clock
    #: the office's time zone (IANA name): every time on screen is in it
    timezone: str
    #: the database's kind (SQLAlchemy dialect name: sqlite, postgresql) for the status bar
    database_dialect: str
    audit_browse: AuditBrowseService  # the audit view's pages and the chain's check
    live: LiveService | None = None  # other desks' changes, followed while open (None: not)


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: WindowServices,
        staff: StaffIdentity,
        translations: Translations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._services = services
        self._staff = staff
        self._translations = translations
        clock = services.clock

        def language() -> str:
            return translations.language

        self.verifications = CallVerifications(clock.now, self)
        self.pane = self._build_pane(language)
        self.search_panel = SearchPanel(
            services.search, staff, clock.now, language, birth_shown=self.pane.birth_shown
        )
        self.knowledge = KnowledgePane(
            services.knowledge,
            staff,
            language,
            can_email=allowed(staff.role, Action.EMAIL_ANSWER),
            can_edit=allowed(staff.role, Action.EDIT_ANSWERS),
        )
        splitter = desk_columns(self.search_panel, self.pane, self.knowledge)
        self.splitter = splitter
        self.tabs = QTabWidget()
        self.tabs.setObjectName("windowTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)
        self.tabs.addTab(splitter, "")
        self.lockouts: LockoutsView | None = None
        if allowed(staff.role, Action.VIEW_LOCKOUTS):
            self.lockouts = LockoutsView(
                services.lockouts,
                services.desk_actions,
                staff,
                clock.now,
                language,
                services.timezone,
                can_unlock=allowed(staff.role, Action.UNLOCK),
            )
            self.lockouts.candidateOpened.connect(self._open_id_number)
            self.lockouts.unlocked.connect(self._acted)
            self.tabs.addTab(self.lockouts, "")
        self.audit = audit_tab(self.tabs, services, staff, language)
        self.setCentralWidget(self.tabs)
        self.call_actions = CallActions(staff, self.verifications, clock.now, self)
        plans = ActionPlans(services.desk_actions, services.statements, staff, self, language)
        self.desk_keys = DeskKeys(
            self, staff, self.call_actions, services.reason_presets, language,
            reload=(self.search_panel.refresh, self.pane.reload),
        )  # fmt: skip
        self.launcher = ActionLauncher(
            plans,
            services.verification,
            services.statements,
            staff,
            self.call_actions,
            self.verifications,
            self.desk_keys.presets,
            self,
        )
        self.launcher.noteOffered.connect(self.pane.offer_note)
        self.launcher.acted.connect(self._acted)
        self.launcher.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.launcher.noteRequested.connect(self._focus_notes)
        self.launcher.lockoutsRequested.connect(self.show_lockouts)
        self.pane.set_action_buttons(
            [self.call_actions.actions[k] for k in PANE_ACTIONS if role_may(k, staff.role)]
        )
        self.pane.snapshotChanged.connect(self.call_actions.set_snapshot)
        self.pane.snapshotChanged.connect(self.search_panel.candidate_loaded)
        self.verifications.changed.connect(lambda _candidate: self.search_panel.model.refresh())
        self.pane.entryChanged.connect(self.call_actions.set_entry)
        self.pane.snapshotChanged.connect(self.knowledge.set_snapshot)
        self.pane.entryChanged.connect(self.knowledge.set_entry)
        self.knowledge.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.search_panel.currentCandidateChanged.connect(self.pane.set_candidate)
        self.search_panel.candidateOpened.connect(self._open_candidate)
        self.search_panel.resultsShown.connect(self._results_shown)
        self.search_panel.busyChanged.connect(self._busy_changed)
        self._build_menus()
        self._build_status_bar()
        size, widths = first_layout(self.screen().availableGeometry())
        self.resize(*size)
        splitter.setSizes(widths)
        self.retranslate()
        self.search_panel.focus_search()
        self.live = follow_other_desks(services.live, services.search, staff, self)

    def focus_answers(self) -> None:
        """The answers' search box (Shift+F3), unfolding the answers if folded away."""
        self.tabs.setCurrentIndex(0)
        unfold(self.splitter, 2)
        self.knowledge.focus_search()

    def _build_pane(self, language: Callable[[], str]) -> CandidatePane:
        services, staff, clock = self._services, self._staff, self._services.clock
        timezone = services.timezone
        loader = CandidateLoader(services.candidate_views, staff, self)
        notes = NotesSection(
            services.notes, staff, clock.now, language, timezone,
            can_add=allowed(staff.role, Action.ADD_NOTE),
            channel="counter" if staff.role == "counter" else "phone",
        )  # fmt: skip
        return CandidatePane(
            loader, notes, self.verifications, clock.now, language, timezone,
            can_verify=allowed(staff.role, Action.VERIFY_CALLER),
        )  # fmt: skip

    # -- menus and status bar -----------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.letters_action = QAction(self)
        self.letters_action.triggered.connect(lambda _checked=False: self.print_letters())
        self.letters_action.setVisible(allowed(self._staff.role, Action.PRINT_LETTERS))
        self.file_menu.addAction(self.letters_action)
        self.import_action: QAction | None = None
        if allowed(self._staff.role, Action.IMPORT_DATA):
            self.import_action = QAction(self)
            self.import_action.triggered.connect(self.open_import)
            self.file_menu.addAction(self.import_action)
        panel = self.search_panel
        self.export_menu = ExportMenu(
            self._services.exports, self._staff, lambda: (panel.query, panel.model.rowCount()),
            self._services.clock.now, self._services.timezone, self,
        )  # fmt: skip
        self.file_menu.addMenu(self.export_menu)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcuts(keys_of("quit"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.search_menu = bar.addMenu("")
        self.find_action = QAction(self)
        self.find_action.setShortcuts(keys_of("find"))
        self.find_action.triggered.connect(self.focus_search)
        self.search_menu.addAction(self.find_action)
        self.answers_action = QAction(self)
        self.answers_action.setShortcuts(keys_of("answers"))
        self.answers_action.triggered.connect(self.focus_answers)
        self.search_menu.addAction(self.answers_action)
        self.actions_menu = bar.addMenu("")
        self.call_actions.fill_menu(self.actions_menu)
        self.language_menu = bar.addMenu("")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code in LANGUAGES:
            # each language is named in itself, so it is never translated
            action = QAction(LANGUAGE_NAMES[code], self, checkable=True)
            action.setChecked(code == self._translations.language)
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        self.desk_keys.fill(self.search_menu, self.actions_menu, self.help_menu, self.export_menu)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.staff_label = named(QLabel(), "staffLabel")
        self.database_label = named(QLabel(), "databaseLabel")
        self.count_label = named(QLabel(), "countLabel")
        for label in (self.count_label, self.staff_label, self.database_label):
            status.addPermanentWidget(label)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Results Desk"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.letters_action.setText(self.tr("&Print exam-day letters…"))
        if self.import_action is not None:
            self.import_action.setText(self.tr("&Import…"))
        self.search_menu.setTitle(self.tr("&Search"))
        self.find_action.setText(self.tr("&Find candidate"))
        self.answers_action.setText(self.tr("Search the &answers"))
        self.actions_menu.setTitle(self.tr("&Actions"))
        self.call_actions.retranslate()
        self.desk_keys.retranslate()
        self.tabs.setTabText(0, self.tr("&Desk"))
        if self.lockouts is not None:
            self.tabs.setTabText(1, self.tr("Loc&kouts"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Results Desk"))
        self.staff_label.setText(
            self.tr("Signed in: {name} ({role})").format(
                name=self._staff.display_name, role=role_name(self._staff.role)
            )
        )
        self.database_label.setText(database_kind(self._services.database_dialect))
        self._results_shown(self.search_panel.model.rowCount(), False)
        for code, action in self.language_actions.items():
            action.setChecked(code == self._translations.language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reactions ------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        """Switch every text now and keep the choice for this staff member's next sign-in."""
        if language == self._translations.language:
            return
        self._translations.switch(language)
        staff_service, staff = self._services.staff, self._staff
        run_in_background(
            lambda: staff_service.set_language(staff, language),
            lambda _identity: None,
            lambda error: self.statusBar().showMessage(error_text(error), 8000),
        )

    def _results_shown(self, count: int, _has_more: bool) -> None:
        self.count_label.setText(self.tr("Candidates listed: {count}").format(count=count))

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(self.tr("Searching…"))
        else:
            self.statusBar().clearMessage()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_panel.focus_search()

    def show_lockouts(self) -> None:
        if self.lockouts is not None:
            self.tabs.setCurrentWidget(self.lockouts)
            self.lockouts.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open_candidate(self, row: CandidateRow) -> None:
        self.pane.open_candidate(row)

    def _open_id_number(self, id_number: str) -> None:
        """From the lockouts view: find this candidate on the desk."""
        self.tabs.setCurrentIndex(0)
        self.search_panel.search_box.setText(id_number)
        self.search_panel.search_now(force=True)

    def _focus_notes(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.pane.focus_notes()

    def _acted(self, id_number: str) -> None:
        """An action changed this candidate: show it as it is now."""
        snapshot = self.pane.snapshot
        if snapshot is not None and snapshot.id_number == id_number:
            self.pane.reload()  # its row follows the candidate loaded
        elif self.search_panel.lists(id_number):
            self.search_panel.refresh()  # listed, not shown (unlocked from the lockouts)
        if self.lockouts is not None and self.lockouts.isVisible():
            self.lockouts.fetch()

    def print_letters(self, centres: Sequence[str] = ()) -> LetterBatchDialog:
        """File → Print exam-day letters… (``centres``: those to offer first)."""
        dialog = LetterBatchDialog(self._services.letters, self._staff, self, first=centres)
        dialog.open()
        return dialog

    def open_import(self) -> ImportDialog:
        """File › Import…: the exam board's file (administrators)."""
        dialog = ImportDialog(self._services.importer, self._staff, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_run.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, report: ImportReport) -> None:
        if report.applied:
            self.statusBar().showMessage(
                self.tr("Imported {name}: {count} new candidates.").format(
                    name=report.file.name, count=report.counts.new_candidates
                ),
                10_000,
            )

    def _about(self) -> None:
        show_about(
            self,
            self.tr("About Results Desk"),
            self.tr(
                "Results Desk helps the customer-service centre answer candidates "
                "about the results website: find, verify, unlock, reissue, reprint."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.pane.set_candidate(None)
        super().closeEvent(event)
