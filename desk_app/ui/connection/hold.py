"""Holding actions disabled, with the reason in their tooltips, and giving them back.

While held, an action or button that its owner enables (a new selection, a
verification) stays disabled: the hold notes what the owner wanted and puts
it back on release, with the tooltip the owner set last. So the owners'
rules need not know about the hold.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

Target = QAction | QWidget


class _Held:
    def __init__(self, target: Target) -> None:
        self.target = target
        self.enabled = target.isEnabled()
        self.tooltip = target.toolTip()


class ActionHold(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets: list[Target] = []
        self._held: dict[int, _Held] = {}
        self._reason: str | None = None
        self._busy = False

    def add(self, target: Target) -> None:
        self._targets.append(target)
        if isinstance(target, QAction):
            target.changed.connect(lambda t=target: self._owner_changed(t))
        else:
            target.installEventFilter(self)

    @property
    def held(self) -> bool:
        return self._reason is not None

    def hold(self, reason: str) -> None:
        """Disable every target; ``reason`` is its tooltip until :meth:`release`."""
        self._reason = reason
        for target in self._targets:
            if id(target) not in self._held:
                self._held[id(target)] = _Held(target)
            self._apply(target)

    def release(self) -> None:
        self._reason = None
        held, self._held = self._held, {}
        self._busy = True
        try:
            for entry in held.values():
                entry.target.setEnabled(entry.enabled)
                entry.target.setToolTip(entry.tooltip)
                if isinstance(entry.target, QAction):
                    entry.target.setStatusTip(entry.tooltip)
        finally:
            self._busy = False

    def _apply(self, target: Target) -> None:
        assert self._reason is not None
        self._busy = True
        try:
            target.setEnabled(False)
            target.setToolTip(self._reason)
            if isinstance(target, QAction):
                target.setStatusTip(self._reason)
        finally:
            self._busy = False

    def _owner_changed(self, target: Target) -> None:
        """The owner set its state while held: remember it, keep the hold."""
        if self._busy or self._reason is None:
            return
        entry = self._held.get(id(target))
        if entry is None:
            return
        if target.isEnabled():
            entry.enabled = True
        if target.toolTip() != self._reason:
            entry.tooltip = target.toolTip()
        if target.isEnabled() or target.toolTip() != self._reason:
            self._apply(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange) and isinstance(
            watched, QWidget
        ):
            self._owner_changed(watched)
        return False
