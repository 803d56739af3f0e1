"""The window's keys beyond the Actions menu, and what a key says when its action is off.

:class:`DeskKeys` owns Search › Reload (F5: the list and the candidate read
again), Help › Keyboard shortcuts (F1: the sheet made from the table of
keys) and, for supervisors, Actions › Reasons offered… (the reason presets
editor). A key whose action is off reaches the window as a plain key press;
:meth:`say_why` puts the action's reason on the status line (the same words
as its tooltip), so a key pressed at the wrong moment is never silent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
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
        presets: ReasonPresetsCache,
        preset_service: ReasonPresetService,
        reload: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._staff = staff
        self._actions = actions
        self._presets = presets
        self._preset_service = preset_service
        self.reload_action = QAction(window)
        self.reload_action.setShortcuts(keys_of("reload"))
        self.reload_action.triggered.connect(lambda _checked=False: reload())
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.setShortcuts(keys_of("shortcuts"))
        self.shortcuts_action.triggered.connect(lambda _checked=False: self.show_shortcuts())
        self.presets_action: QAction | None = None
        if allowed(staff.role, Action.EDIT_REASON_PRESETS):
            self.presets_action = QAction(window)
            self.presets_action.triggered.connect(lambda _checked=False: self.edit_presets())
        self.retranslate()

    def fill(self, search_menu: QMenu, actions_menu: QMenu, help_menu: QMenu) -> None:
        search_menu.addAction(self.reload_action)
        if self.presets_action is not None:
            actions_menu.addSeparator()
            actions_menu.addAction(self.presets_action)
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.shortcuts_action)  # type: ignore[arg-type]

    def retranslate(self) -> None:
        self.reload_action.setText(self.tr("&Reload the candidate and the list"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        if self.presets_action is not None:
            self.presets_action.setText(self.tr("Reasons &offered…"))

    def show_shortcuts(self) -> ShortcutsSheet:
        sheet = self._window.findChild(ShortcutsSheet)
        if sheet is None:
            sheet = ShortcutsSheet(self._staff.role, self._window)
        sheet.show()
        sheet.raise_()
        sheet.activateWindow()
        return sheet

    def edit_presets(self) -> PresetEditor:
        editor = PresetEditor(self._preset_service, self._staff, self._presets, self._window)
        editor.open()
        return editor

    def say_why(self, event: QKeyEvent) -> bool:
        """If ``event`` is the key of an action that is off: its reason on the status line."""
        why = self._actions.why_not_for(QKeySequence(event.keyCombination()))
        if not why:
            return False
        self._window.statusBar().showMessage(why, 8000)
        return True
