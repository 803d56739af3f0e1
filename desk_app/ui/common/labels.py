"""Names people read for values the services hold as codes (roles, databases)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(role: str) -> str:
    names = {
        "operator": QCoreApplication.translate("Labels", "Hotline operator"),
        "counter": QCoreApplication.translate("Labels", "Counter staff"),
        "supervisor": QCoreApplication.translate("Labels", "Supervisor"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
    }
    return names.get(role, role)


def database_kind(dialect: str) -> str:
    if dialect == "sqlite":
        return QCoreApplication.translate("Labels", "Local database (SQLite)")
    if dialect == "postgresql":
        return QCoreApplication.translate("Labels", "Shared database (PostgreSQL)")
    return dialect
