"""One audit event in full: the sentence, then every recorded field, one per line.

Readable for people (no JSON): each detail is a name and a value; a list
is joined with commas, a nested table is written ``name: value``. The
chain's hashes close the list, for whoever compares them with an export.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.audit.browse import AuditRecord
from desk_app.ui.audit.words import action_name, actor_name, event_sentence
from desk_app.ui.common.formatting import show_date_time
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named

translate = QCoreApplication.translate


def detail_value(value: Any) -> str:
    """A recorded value as plain text."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        if value:
            return translate("AuditDetailsDialog", "yes")
        return translate("AuditDetailsDialog", "no")
    if isinstance(value, list | tuple):
        return ", ".join(detail_value(item) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {detail_value(item)}" for key, item in value.items())
    return str(value)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _hash_field(digest: str) -> QLineEdit:
    """A hash in full, in a fixed-width font, to select and compare (it does not wrap)."""
    field = QLineEdit(digest)
    field.setReadOnly(True)
    field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    field.setCursorPosition(0)
    return field


class AuditDetailsDialog(RetranslatedDialog):
    def __init__(
        self,
        record: AuditRecord,
        names: Mapping[str, str],
        language: Callable[[], str],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditDetails")
        self.setMinimumWidth(560)
        self._record, self._names, self._language, self._timezone = (
            record, dict(names), language, timezone,
        )  # fmt: skip
        self.heading = named(_selectable(""), "dialogHeading")
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # (label, value) per row: the first six and the hashes are said again on a switch
        self._rows: list[tuple[QLabel, QLabel | QLineEdit]] = []
        for _ in range(6):
            self._add_row(_selectable(""))
        for name, value in sorted(record.detail.items()):
            self._form.addRow(name, _selectable(detail_value(value)))
        for digest in (record.row_hash, record.prev_hash):
            self._add_row(_hash_field(digest))
        body = QWidget()
        body.setLayout(self._form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
        self.retranslate()

    def _add_row(self, field: QLabel | QLineEdit) -> None:
        label = QLabel()
        self._form.addRow(label, field)
        self._rows.append((label, field))

    def retranslate(self) -> None:
        record, language, timezone = self._record, self._language(), self._timezone
        self.setWindowTitle(self.tr("Audit event {number}").format(number=record.id))
        self.heading.setText(event_sentence(record, language, timezone))
        said = [
            (self.tr("When"), show_date_time(record.at, language, timezone)),
            (self.tr("Who"), f"{actor_name(record.actor, self._names)} ({record.actor})"),
            (self.tr("Kind"), f"{action_name(record.action)} ({record.action})"),
            (self.tr("ID Number"), record.id_number or "—"),
            (self.tr("About"), record.subject or "—"),
            (self.tr("Reason"), record.reason or "—"),
        ]
        for (label, field), (name, value) in zip(self._rows[: len(said)], said, strict=True):
            label.setText(name)
            if isinstance(field, QLabel):
                field.setText(value)
        for (label, _field), name in zip(
            self._rows[6:], (self.tr("Hash"), self.tr("Previous hash")), strict=True
        ):
            label.setText(name)
