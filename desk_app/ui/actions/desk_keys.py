"""The window's keys beyond the Actions menu, and what a key says when its action is off.

:class:`DeskKeys` owns Search › Reload (F5: the list and the candidate read
again), Help › Keyboard shortcuts (F1: the sheet made from the table of
keys), the key of File › Export (Ctrl+Shift+S: the export menu opens under
the File menu, its first entry the window may use chosen, so Enter opens
it) and, for supervisors, Actions › Reasons offered… (the reason presets
editor, with the presets cache the reason dialogs read). A key whose action
is off reaches the window as a plain key press: the window's event filter
puts the action's reason on the status line (the same words as its
tooltip), so a key pressed at the wrong moment is never silent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desk_app.services.actions.reason_presets import ReasonPresetService
from desk_app.services.actor import StaffIdentity
from desk_app.services.permissions import Action, allowed
from desk_app.ui.actions.call_actions import CallActions
from desk_app.ui.actions.preset_editor import PresetEditor
from desk_app.ui.actions.presets_cache import ReasonPresetsCache
from desk_app.ui.actions.shortcuts import keys_of
from desk_app.ui.actions.shortcuts_sheet import ShortcutsSheet


class DeskKeys(QObject):
    def __init__(
        self,
        window: QMainWindow,
        staff: StaffIdentity,
        actions: CallActions,
        preset_service: ReasonPresetService,
        language: Callable[[], str],
        *,
        reload: Sequence[Callable[[], None]],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._staff = staff
        self._actions = actions
        self._preset_service = preset_service
        self.presets = ReasonPresetsCache(preset_service, staff, language, self)
        self.presets.load()
        self.reload_action = QAction(window)
        self.reload_action.setShortcuts(keys_of("reload"))
        for part in reload:  # the list, then the candidate shown
            self.reload_action.triggered.connect(lambda _checked=False, p=part: p())
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.setShortcuts(keys_of("shortcuts"))
        self.shortcuts_action.triggered.connect(lambda _checked=False: self.show_shortcuts())
        # File › Export is a menu: its key opens it (added in :meth:`fill`)
        self.export_action = QAction(window)
        self.export_action.setShortcuts(keys_of("export"))
        self.export_action.triggered.connect(lambda _checked=False: self.open_export())
        window.addAction(self.export_action)
        self._export_menu: QMenu | None = None
        self.presets_action: QAction | None = None
        if allowed(staff.role, Action.EDIT_REASON_PRESETS):
            self.presets_action = QAction(window)
            self.presets_action.triggered.connect(lambda _checked=False: self.edit_presets())
        window.installEventFilter(self)
        self.retranslate()

    def fill(
        self, search_menu: QMenu, actions_menu: QMenu, help_menu: QMenu, export_menu: QMenu
    ) -> None:
        search_menu.addAction(self.reload_action)
        if self.presets_action is not None:
            actions_menu.addSeparator()
            actions_menu.addAction(self.presets_action)
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.shortcuts_action)  # type: ignore[arg-type]
        self._export_menu = export_menu

    def retranslate(self) -> None:
        self.reload_action.setText(self.tr("&Reload the candidate and the list"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.export_action.setText(self.tr("Export"))
        if self.presets_action is not None:
            self.presets_action.setText(self.tr("Reasons &offered…"))

    def open_export(self) -> QMenu | None:
        """The export menu under the File menu, its first entry open to this window chosen."""
        menu = self._export_menu
        if menu is None:
            return None
        menu.aboutToShow.emit()  # the entries as they are now (search results only if listed)
        usable = [a for a in menu.actions() if a.isVisible() and a.isEnabled()]
        if not usable:
            self._window.statusBar().showMessage(
                self.tr("Nothing to export yet: search for candidates first."), 8000
            )
            return None
        bar = self._window.menuBar()
        menu.popup(bar.mapToGlobal(bar.rect().bottomLeft()))
        menu.setActiveAction(usable[0])
        return menu

    def show_shortcuts(self) -> ShortcutsSheet:
        sheet = self._window.findChild(ShortcutsSheet)
        if sheet is None:
            sheet = ShortcutsSheet(self._staff.role, self._window)
        sheet.show()
        sheet.raise_()
        sheet.activateWindow()
        return sheet

    def edit_presets(self) -> PresetEditor:
        editor = PresetEditor(self._preset_service, self._staff, self.presets, self._window)
        editor.open()
        return editor

    def say_why(self, event: QKeyEvent) -> bool:
        """If ``event`` is the key of an action that is off: its reason on the status line."""
        why = self._actions.why_not_for(QKeySequence(event.keyCombination()))
        if not why:
            return False
        self._window.statusBar().showMessage(why, 8000)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # a key no widget took reaches the window: if it is the key of an action that is off
        if watched is self._window and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self.say_why(event)
        return super().eventFilter(watched, event)
