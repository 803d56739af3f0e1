"""Dialogs while the database is away: their action buttons wait, what was entered stays.

:func:`hold_while_away` joins a dialog to its window's
:class:`~desk_app.ui.connection.watch.DatabaseWatch` (found among the dialog's
ancestors as an :class:`~desk_app.ui.connection.away_state.AwayState`). While
the watch says the database is away, the dialog's action buttons are held
the way the window's actions are
(:class:`~desk_app.ui.connection.hold.ActionHold`: disabled, the reason in
their tooltip; a button the dialog had disabled for its own reason stays
disabled afterwards) and a notice above the buttons says why. When the
database is back the buttons come back, the dialog's own rule for them is
asked again (``refresh``) and the notice goes. Nothing else in the dialog is
touched: typed text, the chosen file, the chosen rows stay. A dialog whose
window has no watch (a test without one) is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel

from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away_state import AwayState
from desk_app.ui.connection.hold import ActionHold, Target

STYLE = (
    "#databaseAwayNotice { background: #fdecea; border: 1px solid #d93025;"
    " border-radius: 4px; color: #7a1c14; padding: 6px; }"
)


def watch_of(dialog: QObject) -> AwayState | None:
    """The watch of the window ``dialog`` belongs to (None: no watch)."""
    item: QObject | None = dialog
    while item is not None:
        found = item.findChild(AwayState, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(found, AwayState):
            return found
        item = item.parent()
    return None


class AwayNotice(QLabel):
    """The line that says why the dialog's buttons wait (shown only while away)."""

    def __init__(self) -> None:
        super().__init__()
        named(self, "databaseAwayNotice")
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setText(
            self.tr(
                "The database cannot be reached: this waits until it is back. "
                "What you have entered stays here."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DialogHold(QObject):
    """One dialog's buttons held while its window's watch says the database is away."""

    def __init__(
        self,
        watch: AwayState,
        dialog: QDialog,
        targets: Sequence[Target],
        refresh: Callable[[], None] | None,
    ) -> None:
        super().__init__(dialog)
        self._watch = watch
        self._refresh = refresh
        self.hold = ActionHold(self)
        for target in targets:
            self.hold.add(target)
        self.notice = AwayNotice()
        layout = dialog.layout()
        if isinstance(layout, QBoxLayout):  # just above the dialog's buttons
            layout.insertWidget(max(0, layout.count() - 1), self.notice)
        elif layout is not None:
            layout.addWidget(self.notice)
        watch.awayChanged.connect(self._away)
        dialog.installEventFilter(self)  # a language switch: the tooltips in the new one
        if watch.down:
            self._away(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and self.hold.held:
            self.hold.hold(self._watch.reason())
        return False

    def _away(self, away: bool) -> None:
        if away:
            self.hold.hold(self._watch.reason())
            self.notice.show()
            return
        self.notice.hide()
        self.hold.release()
        if self._refresh is not None:
            self._refresh()


def hold_while_away(
    dialog: QDialog, *targets: Target, refresh: Callable[[], None] | None = None
) -> DialogHold | None:
    """Hold ``targets`` (the dialog's action buttons) while the database is away.

    ``refresh`` is the dialog's own rule for its buttons, asked again on return
    (a button it disabled meanwhile stays disabled). None when no watch looks
    after the dialog's window.
    """
    watch = watch_of(dialog)
    if watch is None:
        return None
    return DialogHold(watch, dialog, targets, refresh)
