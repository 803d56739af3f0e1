"""The listener of other desks' changes on a thread of its own, reporting by signals.

The listener (``services/live/listening.py``) blocks on its own connection,
so it runs on a plain thread rather than the pool the workers share. It
emits from that thread; Qt queues the signals to the GUI thread, where the
receivers live. The signals object is kept alive by the thread itself, so a
window closing while a notice arrives cannot make it emit into a deleted
object. :meth:`LiveUpdates.stop` returns once the thread has ended (the
listener looks at its stop flag at least twice a second).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from desk_app.services.live.listening import Listener

log = logging.getLogger("desk_app.ui")

# how long stop() waits for the listening thread to end
_STOP_WAIT_S = 3.0


class _Signals(QObject):
    changed = Signal(object)
    connectedChanged = Signal(bool)


class LiveUpdates(QObject):
    # a Change (services/live/notices.py), on the GUI thread
    changed = Signal(object)
    # the listening connection was lost (False) or made again (True)
    connectedChanged = Signal(bool)

    def __init__(self, listener: Listener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener = listener
        self._signals = _Signals()
        self._signals.changed.connect(self.changed)
        self._signals.connectedChanged.connect(self.connectedChanged)
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stopping.clear()
        listener, signals, stopping = self._listener, self._signals, self._stopping

        def listen() -> None:
            try:
                listener.run(signals.changed.emit, stopping, signals.connectedChanged.emit)
            except Exception:  # a fault in the program: the desk works on without it
                log.exception("the listener of other desks' changes stopped")

        self._thread = threading.Thread(target=listen, name="desk-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(_STOP_WAIT_S)
