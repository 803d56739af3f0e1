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
    QHBoxLayout,
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
#: the left column (the window's keys for everyone) and the right one (keys inside boxes and
#: dialogs, then the supervisors'), each as tall as the other
COLUMNS = (
    (Group.WINDOW, Group.CALL),
    (Group.SEARCH, Group.DIALOG, Group.PREVIEW, Group.SUPERVISOR),
)


class ShortcutsSheet(QDialog):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self._role = role
        self.heading = named(QLabel(), "dialogHeading")
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        # the window's keys on the left, the keys inside boxes and dialogs on the right
        self.tables = [self._table("shortcutsTable"), self._table("shortcutsTableWidgets")]
        self.table = self.tables[0]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        columns = QHBoxLayout()
        for table in self.tables:
            columns.addWidget(table, 1)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        close.setDefault(True)  # now that it is in the dialog: Enter closes, as Esc does
        self.resize(1060, 740)
        self.retranslate()

    @staticmethod
    def _table(name: str) -> QTableWidget:
        table = QTableWidget(0, 2)
        table.setObjectName(name)
        table.verticalHeader().hide()
        # a long description wraps onto a second line rather than ending in "…"
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        return table

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.heading.setText(self.tr("Keyboard shortcuts"))
        self.intro.setText(
            self.tr(
                "These keys work wherever the cursor is, also in the search box and in a "
                "call note. A key whose action is off says why on the status line."
            )
        )
        bold = QFont(self.font())
        bold.setBold(True)
        for table in self.tables:
            table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
            table.setRowCount(0)
        for column, group in ((c, g) for c, groups in enumerate(COLUMNS) for g in groups):
            rows = [s for s in TABLE if s.group is group and s.shown()]
            if not rows:
                continue
            table = self.tables[column]
            title = QTableWidgetItem(QCoreApplication.translate(CONTEXT, GROUP_TITLES[group]))
            title.setFont(bold)
            self._add_row(table, title, None)
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
                self._add_row(table, key, what)

    @staticmethod
    def _add_row(
        table: QTableWidget, first: QTableWidgetItem, second: QTableWidgetItem | None
    ) -> None:
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, first)
        if second is None:
            table.setSpan(row, 0, 1, 2)
        else:
            table.setItem(row, 1, second)

    def rows(self) -> list[tuple[str, str]]:
        """What the sheet lists: (keys, what they do), group titles as (title, "")."""
        texts = []
        for table in self.tables:
            for row in range(table.rowCount()):
                first, second = table.item(row, 0), table.item(row, 1)
                texts.append((first.text() if first else "", second.text() if second else ""))
        return texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
