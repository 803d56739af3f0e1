"""Small helpers for building widgets in code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton

_Q = TypeVar("_Q", bound=QObject)


def named(item: _Q, name: str) -> _Q:
    """``item`` with its object name set (for the style sheet and for tests)."""
    item.setObjectName(name)
    return item


def file_row(name: str, choose: Callable[[], None]) -> tuple[QLineEdit, QPushButton, QHBoxLayout]:
    """A file's path (object name ``name``) beside its Choose… button, which calls ``choose``."""
    path = named(QLineEdit(), name)
    button = QPushButton()
    button.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(path, 1)
    row.addWidget(button)
    return path, button, row
