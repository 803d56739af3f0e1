"""One audit event in full: the sentence, then every recorded field, one per line.

Readable for people (no JSON): each detail is a name and a value; a list
is joined with commas, a nested table is written ``name: value``. The
chain's hashes close the list, for whoever compares them with an export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
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


class AuditDetailsDialog(QDialog):
    def __init__(
        self,
        record: AuditRecord,
        names: Mapping[str, str],
        language: str,
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditDetails")
        self.setWindowTitle(self.tr("Audit event {number}").format(number=record.id))
        self.setMinimumWidth(560)
        heading = named(_selectable(event_sentence(record, language, timezone)), "dialogHeading")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            (self.tr("When"), show_date_time(record.at, language, timezone)),
            (self.tr("Who"), f"{actor_name(record.actor, dict(names))} ({record.actor})"),
            (self.tr("Kind"), f"{action_name(record.action)} ({record.action})"),
            (self.tr("ID Number"), record.id_number or "—"),
            (self.tr("About"), record.subject or "—"),
            (self.tr("Reason"), record.reason or "—"),
        ]
        rows += [(name, detail_value(value)) for name, value in sorted(record.detail.items())]
        for name, value in rows:
            form.addRow(name, _selectable(value))
        for name, digest in ((self.tr("Hash"), record.row_hash),
                             (self.tr("Previous hash"), record.prev_hash)):  # fmt: skip
            form.addRow(name, _hash_field(digest))
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
