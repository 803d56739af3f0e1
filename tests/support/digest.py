"""A digest of every table, to show that a refused command changed nothing."""

from __future__ import annotations

import hashlib

from sqlalchemy import create_engine, select

from desk_app.models import load_all


def table_digests(url: str) -> dict[str, str]:
    """Each table's name and a SHA-256 of its rows in primary-key order."""
    engine = create_engine(url)
    try:
        digests: dict[str, str] = {}
        with engine.connect() as connection:
            for table in load_all().metadata.sorted_tables:
                rows = connection.execute(select(table).order_by(*table.primary_key.columns))
                digest = hashlib.sha256()
                for row in rows:
                    digest.update(repr(tuple(row)).encode("utf-8", "backslashreplace"))
                digests[table.name] = digest.hexdigest()
        return digests
    finally:
        engine.dispose()


def changed_tables(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
