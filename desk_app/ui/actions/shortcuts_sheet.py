"""Help › Keyboard shortcuts (F1): every key of the desk, from the table the actions use.

The sheet is made from :data:`desk_app.ui.actions.shortcuts.TABLE`, so it
cannot list a key the desk does not have or miss one it has. Keys of actions
the staff member's role may not do are listed greyed, with the reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.actions.rules import DeskAction, role_may
from desk_app.ui.actions.shortcuts import CONTEXT, GROUP_TITLES, TABLE, Group
from desk_app.ui.common.widgets import named

_DESK_ACTIONS = {action.value for action in DeskAction}


class ShortcutsSheet(QDialog):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self._role = role
        self.heading = named(QLabel(), "dialogHeading")
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcutsTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        close.setDefault(True)  # now that it is in the dialog: Enter closes, as Esc does
        self.resize(640, 720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.heading.setText(self.tr("Keyboard shortcuts"))
        self.intro.setText(
            self.tr(
                "These keys work wherever the cursor is, also in the search box and in a "
                "call note. A key whose action is off says why on the status line."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        self.table.setRowCount(0)
        bold = QFont(self.font())
        bold.setBold(True)
        for group in Group:
            rows = [s for s in TABLE if s.group is group and s.shown()]
            if not rows:
                continue
            title = QTableWidgetItem(QCoreApplication.translate(CONTEXT, GROUP_TITLES[group]))
            title.setFont(bold)
            self._add_row(title, None)
            for shortcut in rows:
                key = QTableWidgetItem(shortcut.shown())
                key.setFont(bold)
                what = QTableWidgetItem(shortcut.description())
                name = shortcut.name
                if name in _DESK_ACTIONS and not role_may(DeskAction(name), self._role):
                    why = self.tr("Your role may not do this.")
                    for item in (key, what):
                        item.setFlags(Qt.ItemFlag.NoItemFlags)
                        item.setToolTip(why)
                self._add_row(key, what)
        self.table.resizeRowsToContents()

    def _add_row(self, first: QTableWidgetItem, second: QTableWidgetItem | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, first)
        if second is None:
            self.table.setSpan(row, 0, 1, 2)
        else:
            self.table.setItem(row, 1, second)

    def rows(self) -> list[tuple[str, str]]:
        """What the sheet lists: (keys, what they do), group titles as (title, "")."""
        texts = []
        for row in range(self.table.rowCount()):
            first, second = self.table.item(row, 0), self.table.item(row, 1)
            texts.append((first.text() if first else "", second.text() if second else ""))
        return texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
