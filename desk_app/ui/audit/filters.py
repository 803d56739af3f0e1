"""The audit view's filters: who, what kind, which candidate, which days.

Days are the office's: "from" starts at its midnight, "to" takes in the
whole of its last day. The staff list is filled once the view has it; a
name typed into the Who box that is not in the list (``cli:root``) filters
by that actor as written. **Show** (or Enter) applies the filters,
**Clear** shows everything again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desk_app.services.audit.browse import OTHER_ACTORS, ActorChoice, AuditFilter
from desk_app.services.audit.wording import ACTION_NAMES
from desk_app.ui.audit.words import action_name, actor_name
from desk_app.ui.common.labels import role_name


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class AuditFilterBar(QWidget):
    # the filters to show, when Show (or Enter) is pressed, or Clear
    applied = Signal(object)

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditFilters")
        self._zone = ZoneInfo(timezone)
        self._actors: tuple[ActorChoice, ...] = tuple(ActorChoice(n, n) for n in OTHER_ACTORS)
        self.who = QComboBox(editable=True)
        self.who.setObjectName("auditWho")
        self.who.setMinimumContentsLength(18)
        editor = self.who.lineEdit()
        assert editor is not None  # an editable combo box has one
        editor.returnPressed.connect(self.apply)
        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.kind.addItem("", None)
        for action in ACTION_NAMES:
            self.kind.addItem("", action)
        self.id_number = QLineEdit(clearButtonEnabled=True)
        self.id_number.setObjectName("auditIdNumber")
        self.id_number.setMaxLength(20)
        self.id_number.returnPressed.connect(self.apply)
        today = QDate.currentDate()
        self.use_from, self.use_to = QCheckBox(), QCheckBox()
        self.from_day, self.to_day = QDateEdit(today.addDays(-7)), QDateEdit(today)
        for check, edit in ((self.use_from, self.from_day), (self.use_to, self.to_day)):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.show_button = QPushButton()
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.apply)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        self.who_label, self.kind_label, self.id_label = QLabel(), QLabel(), QLabel()
        self._build()
        self.retranslate()

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (label, field) in enumerate(
            (
                (self.who_label, self.who),
                (self.kind_label, self.kind),
                (self.id_label, self.id_number),
            )
        ):
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        days = QHBoxLayout()
        for widget in (self.use_from, self.from_day, self.use_to, self.to_day):
            days.addWidget(widget)
        grid.addLayout(days, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.clear_button)
        grid.addLayout(buttons, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)

    def retranslate(self) -> None:
        self.who_label.setText(self.tr("&Who"))
        self.kind_label.setText(self.tr("Ki&nd"))
        self.id_label.setText(self.tr("&ID Number"))
        self.id_number.setPlaceholderText(self.tr("any candidate"))
        self.use_from.setText(self.tr("Fro&m"))
        self.use_to.setText(self.tr("T&o"))
        self.show_button.setText(self.tr("Show"))  # the default button: Enter
        self.clear_button.setText(self.tr("&Clear"))
        self.kind.setItemText(0, self.tr("Any kind"))
        for index in range(1, self.kind.count()):
            self.kind.setItemText(index, action_name(str(self.kind.itemData(index))))
        self._fill_who()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the staff list ------------------------------------------------------------------------
    def set_actors(self, actors: Sequence[ActorChoice]) -> None:
        self._actors = tuple(actors)
        self._fill_who()

    def _fill_who(self) -> None:
        chosen = self.actor()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("Anyone"), None)
        for choice in self._actors:
            if choice.role is None:
                self.who.addItem(actor_name(choice.name), choice.name)
                continue
            text = f"{choice.display_name} ({choice.name}, {role_name(choice.role)})"
            if not choice.active:
                text += " · " + self.tr("no longer active")
            self.who.addItem(text, choice.name)
        found = self.who.findData(chosen) if chosen else 0
        if found >= 0:
            self.who.setCurrentIndex(found)
        else:
            self.who.setEditText(chosen or "")
        self.who.blockSignals(False)

    # -- the filters ---------------------------------------------------------------------------
    def actor(self) -> str | None:
        index = self.who.currentIndex()
        if index >= 0 and self.who.currentText() == self.who.itemText(index):
            value = self.who.itemData(index)
            return str(value) if value else None
        typed = self.who.currentText().strip()
        return typed or None

    def filters(self) -> AuditFilter:
        kind = self.kind.currentData()
        since = until = None
        if self.use_from.isChecked():
            since = datetime.combine(_day(self.from_day), datetime.min.time(), self._zone)
        if self.use_to.isChecked():
            last = _day(self.to_day) + timedelta(days=1)
            until = datetime.combine(last, datetime.min.time(), self._zone)
        return AuditFilter(
            actor=self.actor(),
            action=str(kind) if kind else None,
            id_number=self.id_number.text().strip() or None,
            since=since,
            until=until,
        )

    def apply(self) -> None:
        self.applied.emit(self.filters())

    def clear(self) -> None:
        self.who.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.id_number.clear()
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.apply()
