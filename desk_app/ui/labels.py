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


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Labels", "Yes")
        if value
        else QCoreApplication.translate("Labels", "No")
    )


def match_name(match: str) -> str:
    """How the search found a candidate (``CandidateRow.match``)."""
    names = {
        "id_exact": QCoreApplication.translate("Labels", "ID Number (exact)"),
        "id_prefix": QCoreApplication.translate("Labels", "ID Number (beginning)"),
        "name": QCoreApplication.translate("Labels", "English name"),
        "chinese": QCoreApplication.translate("Labels", "Chinese name"),
        "email": QCoreApplication.translate("Labels", "Email"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
    }
    return names.get(match, match)
