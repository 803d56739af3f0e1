"""What an open dialog needs to know of its window's database watch.

:class:`~desk_app.ui.connection.watch.DatabaseWatch` is an :class:`AwayState`;
the dialogs (:mod:`desk_app.ui.connection.away`) look for this class among
their window's children, so they need not import the watch, which knows the
whole window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AwayState(QObject):
    """Whether the database is away, told when it changes, and why a button waits."""

    # True: the database went away (actions held); False: it answers again.
    awayChanged = Signal(bool)

    @property
    def down(self) -> bool:
        raise NotImplementedError

    def reason(self) -> str:
        """The tooltip of every held action and button."""
        raise NotImplementedError
