"""Revision 0015_paper_score_key: a paper score is keyed by its result and paper.

The scores survive the upgrade and the downgrade on both databases; the
downgrade gives each an id again and the pair its unique constraint back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, inspect, text

from desk_app import schema
from tests.support.factories import make_candidate, make_services


def shape(url: str) -> tuple[list[str], list[str], list[Any], list[tuple[int, int, int]]]:
    """``paper_score``'s columns, primary key, unique constraints and rows, read now."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found = inspect(connection)
            columns = [c["name"] for c in found.get_columns("paper_score")]
            key = found.get_pk_constraint("paper_score")["constrained_columns"]
            unique = [u["column_names"] for u in found.get_unique_constraints("paper_score")]
            rows = connection.execute(
                text("SELECT result_id, paper_id, score FROM paper_score ORDER BY 1, 2")
            ).all()
            return columns, key, unique, [tuple(r) for r in rows]
    finally:
        engine.dispose()


def test_the_scores_survive_down_and_up(database_url: str) -> None:
    services = make_services(database_url)
    try:
        make_candidate(services, "SMR000011")
        make_candidate(services, "SMR000012", name_en="WONG Siu Ming")
    finally:
        services.db.dispose()
    columns, key, unique, rows = shape(database_url)
    assert "id" not in columns and key == ["result_id", "paper_id"] and unique == []
    assert len(rows) == 8
    schema.migrate(database_url, "0014_import_speed", down=True)
    old_columns, old_key, old_unique, old_rows = shape(database_url)
    assert "id" in old_columns and old_key == ["id"]
    assert old_unique == [["result_id", "paper_id"]] and old_rows == rows
    schema.migrate(database_url, "head")
    assert shape(database_url) == (columns, key, unique, rows)
