"""A dialog that says every text again when the language is switched while it is open.

Qt sends ``LanguageChange`` to a dialog before its children; a
``QDialogButtonBox`` then puts its standard buttons' own texts back ("OK",
"Close"), undoing a dialog that named its OK button "Send". So the dialog
retranslates *after* Qt has passed the event to the children: the
``retranslate()`` each subclass writes has the last word.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog


class RetranslatedDialog(QDialog):
    def retranslate(self) -> None:
        """Set every text in the current language (subclasses say theirs)."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return handled
