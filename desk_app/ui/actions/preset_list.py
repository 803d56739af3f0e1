"""The numbered reasons of the reason dialog: one key (1–9) chooses one.

The list has the focus when the dialog opens. A digit chooses that reason
(``chosen(text)``); so do the arrow keys and a click. Any other character
typed goes to the free-text field (``typed(event)``), so an operator who
starts writing their own reason does not have to move there first. Enter is
left to the dialog (its main button); the Qt list never chooses a reason by
itself when it takes the focus.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class PresetList(QListWidget):
    # the reason chosen (its text)
    chosen = Signal(str)
    # a key that is not for the list: the dialog sends it to the free-text field
    typed = Signal(QKeyEvent)

    def __init__(self, texts: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonPresets")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, text in enumerate(texts, start=1):
            item = QListWidgetItem(f"{number}   {text}")
            item.setData(_TEXT_ROLE, text)
            item.setToolTip(text)
            self.addItem(item)
        self._fit()
        # a selection (key, click) chooses; the current row Qt sets on focus does not
        self.itemSelectionChanged.connect(self._selection_changed)

    def _fit(self) -> None:
        """As tall as its rows: every reason in sight, none scrolled away."""
        rows = max(self.count(), 1)
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the row height is known once the style sheet has been applied

    def retext(self, texts: Sequence[str]) -> None:
        """The same reasons said again (in the new language after a switch)."""
        if len(texts) != self.count():
            return
        for row, text in enumerate(texts):
            item = self.item(row)
            item.setText(f"{row + 1}   {text}")
            item.setData(_TEXT_ROLE, text)
            item.setToolTip(text)

    def texts(self) -> list[str]:
        return [str(self.item(row).data(_TEXT_ROLE)) for row in range(self.count())]

    def choose(self, number: int) -> bool:
        """Choose reason ``number`` (from 1); False if there is none."""
        if not 1 <= number <= self.count():
            return False
        self.setCurrentRow(number - 1)
        # choosing the reason already selected (e.g. after editing the text) chooses it again
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        items = self.selectedItems()
        if items:
            self.chosen.emit(str(items[0].data(_TEXT_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if plain and len(text) == 1 and text.isdigit() and text != "0":
            self.choose(int(text))
            return
        if plain and text and text.isprintable():
            self.typed.emit(event)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's main button
            return
        super().keyPressEvent(event)
