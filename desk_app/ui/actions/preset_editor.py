"""Supervisors: the reasons each desk action offers (1–9), in English and Chinese.

One action at a time: its reasons in a table of nine rows (a row without
English is left out, so clearing a row removes it). Save (Enter) replaces
the action's list through the service, which checks the role and audits the
change; the desks read the new lists at once. While there are unsaved
changes, the action cannot be switched (Save, or Undo changes, first).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actions.reason_presets import (
    MAX_PRESETS,
    PRESET_ACTIONS,
    ReasonPreset,
    ReasonPresetService,
)
from desk_app.services.actor import StaffIdentity
from desk_app.services.message_labels import ACTIONS, ACTIONS_CONTEXT
from desk_app.ui.actions.presets_cache import ReasonPresetsCache
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import resolved_text, run_as_request, unknown_text


class PresetEditor(QDialog):
    def __init__(
        self,
        service: ReasonPresetService,
        staff: StaffIdentity,
        presets: ReasonPresetsCache,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presetEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._service = service
        self._staff = staff
        self._presets = presets
        self._busy = False
        self._dirty = False
        self._filling = False
        self.heading = named(QLabel(), "dialogHeading")
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.action = named(QComboBox(), "presetAction")
        for action in PRESET_ACTIONS:
            self.action.addItem("", action)
        self.action.currentIndexChanged.connect(lambda _index: self.fill())
        self.table = QTableWidget(MAX_PRESETS, 2)
        self.table.setObjectName("presetTable")
        self.table.setVerticalHeaderLabels([str(n) for n in range(1, MAX_PRESETS + 1)])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.itemChanged.connect(self._edited)
        self.form = QFormLayout()
        self.action_caption = QLabel()
        self.action_caption.setBuddy(self.action)
        self.form.addRow(self.action_caption, self.action)
        self.message = named(QLabel(), "dialogMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # our own buttons: a language switch resets standard ones to Qt's words
        role = QDialogButtonBox.ButtonRole
        self.save_button = self.buttons.addButton("", role.ApplyRole)
        self.save_button.clicked.connect(self.save)
        self.undo_button = self.buttons.addButton("", role.ResetRole)
        self.undo_button.clicked.connect(self.fill)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # now that it is in the dialog: Enter saves
        self.resize(900, 520)
        presets.loaded.connect(self._reloaded)
        self.retranslate()
        self.fill()
        hold_while_away(self, self.save_button, refresh=self._update)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reasons offered"))
        self.heading.setText(self.tr("Reasons offered by each desk action"))
        self.intro.setText(
            self.tr(
                "The desk lists these reasons with a number: one key chooses one. Up to "
                "{count} per action; a row without English is left out. Changes are audited."
            ).format(count=MAX_PRESETS)
        )
        self.action_caption.setText(self.tr("&Action:"))
        for index in range(self.action.count()):
            key = str(self.action.itemData(index))
            label = QCoreApplication.translate(ACTIONS_CONTEXT, ACTIONS.get(key, key))
            self.action.setItemText(index, label[:1].upper() + label[1:])
        self.table.setHorizontalHeaderLabels([self.tr("English"), self.tr("中文")])
        self.save_button.setText(self.tr("Save"))
        self.undo_button.setText(self.tr("Undo changes"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_action(self) -> str:
        return str(self.action.currentData())

    def fill(self) -> None:
        """The table from the presets the desk has now (unsaved edits are dropped)."""
        presets: tuple[ReasonPreset, ...] = self._presets.table().get(self.current_action(), ())
        self._filling = True
        for row in range(MAX_PRESETS):
            preset = presets[row] if row < len(presets) else None
            texts = (preset.text_en, preset.text_zh or "") if preset else ("", "")
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._filling = False
        self._dirty = False
        self._update()

    def texts(self) -> list[tuple[str, str | None]]:
        """The rows with English, in order, as (English, Chinese or None)."""
        found = []
        for row in range(MAX_PRESETS):
            cells = [self.table.item(row, column) for column in (0, 1)]
            english, chinese = (cell.text().strip() if cell else "" for cell in cells)
            if english:
                found.append((english, chinese or None))
        return found

    def save(self) -> None:
        if self._busy or not self._dirty:
            return
        service, staff, action, texts = (
            self._service,
            self._staff,
            self.current_action(),
            self.texts(),
        )
        self._set_busy(True)
        run_as_request(
            lambda: service.replace(staff, action, texts), self._saved, self._failed,
            on_unknown=self._unknown, on_resolved=self._resolved,
        )  # fmt: skip

    def _unknown(self) -> None:  # stays busy: no second save until the database says
        self._say(unknown_text(), error=True)

    def _resolved(self, done: bool) -> None:
        self._set_busy(False)
        if done:
            self._dirty = False
            self._presets.load()
        self._say(resolved_text(done), error=not done)
        self._update()

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)

    def _saved(self, _presets: object) -> None:
        self._set_busy(False)
        self._dirty = False
        self.message.setText(self.tr("Saved. Every desk offers the new reasons."))
        self.message.setProperty("error", False)
        self._presets.load()  # the table is filled again when they are read
        self._update()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(error_text(error))
        self.message.setProperty("error", True)
        self.message.style().polish(self.message)

    def _reloaded(self) -> None:
        if not self._dirty and not self._busy:
            self.fill()

    def _edited(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self._dirty = True
            self.message.clear()
            self._update()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.table.setEnabled(not busy)
        self._update()

    def _update(self) -> None:
        why = ""
        if self._busy:
            why = self.tr("Saving…")
        elif not self._dirty:
            why = self.tr("Nothing changed yet.")
        self.save_button.setEnabled(not why)
        self.save_button.setToolTip(why)
        self.undo_button.setEnabled(self._dirty and not self._busy)
        self.action.setEnabled(not self._dirty and not self._busy)
        self.action.setToolTip(self.tr("Save or undo the changes first.") if self._dirty else "")

    def reject(self) -> None:
        if not self._busy:
            super().reject()
