"""The two ways ``desk-app show`` looks a candidate up, for the tests that break one.

The terminal user's look-up takes the plain path (``quick_show.py``: the
driver itself, no SQLAlchemy) unless it is not sure; ``--as`` and every case
the plain path leaves alone take the full path (``CandidateService.show``).
A test that makes the look-up fail midway runs on both: :func:`fail_within`
puts its failure where both read the candidate, inside their unit of work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from desk_app.services.candidates import detail, quick_show

#: ``plain``: the driver itself; ``full``: SQLAlchemy and the desk's services
SHOW_PATHS = ("plain", "full")


def full_path_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain path is never sure: every look-up takes the full path."""
    monkeypatch.setattr(quick_show, "open_plain", lambda *args, **kwargs: None)


def fail_within(monkeypatch: pytest.MonkeyPatch, path: str, failure: Callable[..., Any]) -> None:
    """The look-up on ``path`` calls ``failure`` (with the read's own arguments) where it
    would read the candidate, inside its unit of work."""
    if path == "full":
        full_path_only(monkeypatch)
        monkeypatch.setattr(detail, "read_detail", failure)
    else:
        monkeypatch.setattr(quick_show, "read_detail", failure)


def driver_of(url: str) -> ModuleType:
    if url.startswith("sqlite"):
        return sqlite3
    import psycopg

    return psycopg


def driver_failure(path: str, url: str, kind: str, text: str) -> Exception:
    """The error the driver raises (``kind``: a DB-API class name such as
    ``OperationalError``), as it reaches the desk on ``path``: itself on the plain path,
    wrapped by SQLAlchemy on the full one."""
    error: Exception = getattr(driver_of(url), kind)(text)
    if path == "plain":
        return error
    return DBAPIError.instance("SELECT 1", {}, error, driver_of(url).Error)
