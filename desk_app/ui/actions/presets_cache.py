"""The reason presets this desk offers, read once and kept at hand.

The reason dialog opens at once on a key press, so it cannot wait for the
database: the window reads every action's presets on a worker when it
starts (:meth:`ReasonPresetsCache.load`) and again after a supervisor
changed them. Until the first answer, a dialog offers free text only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desk_app.services.actions.reason_presets import PresetTable, ReasonPresetService
from desk_app.services.actor import StaffIdentity
from desk_app.ui.common.workers import LatestOnly


class ReasonPresetsCache(QObject):
    # the presets were read (again)
    loaded = Signal()
    # they could not be read (the error): the dialogs offer free text only
    failed = Signal(object)

    def __init__(
        self,
        service: ReasonPresetService,
        staff: StaffIdentity,
        language: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._staff = staff
        self._language = language
        self._table: PresetTable = {}
        self._requests = LatestOnly(self)
        self._requests.finished.connect(self._loaded)
        self._requests.failed.connect(self.failed)

    @property
    def busy(self) -> bool:
        return self._requests.busy

    def load(self) -> None:
        service, staff = self._service, self._staff
        self._requests.submit(lambda: service.all(staff))

    def table(self) -> PresetTable:
        return self._table

    def texts(self, action: str) -> list[str]:
        """The reasons of ``action`` in the desk's language, numbered from 1 in this order."""
        language = self._language()
        return [preset.text(language) for preset in self._table.get(action, ())]

    def _loaded(self, table: PresetTable) -> None:
        self._table = table
        self.loaded.emit()
