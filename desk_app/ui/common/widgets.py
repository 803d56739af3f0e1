"""Small helpers for building widgets in code."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Q = TypeVar("_Q", bound=QObject)


def named(item: _Q, name: str) -> _Q:
    """``item`` with its object name set (for the style sheet and for tests)."""
    item.setObjectName(name)
    return item
