"""Migrations from empty on both databases, in step with the models; the schema check."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desk_app import schema
from desk_app.database import Database
from desk_app.models import load_all
from desk_app.models.search_index import include_object
from desk_app.schema_revision import (
    KNOWN_FILES,
    KNOWN_HEAD,
    head_from_files,
    is_current,
    migration_files,
)
from desk_app.services.errors import Refused
from desk_app.services.schema_check import open_checked


def test_upgrade_from_empty_creates_every_table(empty_database_url: str) -> None:
    db = Database(empty_database_url)
    try:
        assert schema.status(db.engine).empty
        schema.upgrade(empty_database_url)
        state = schema.status(db.engine)
        assert state.up_to_date and not state.newer_than_program
        tables = set(inspect(db.engine).get_table_names())
        assert set(load_all().metadata.tables) <= tables
        with db.read() as session:
            head = session.execute(text("select last_id, last_hash from audit_head")).one()
        assert head == (0, "0" * 64)
        # a second upgrade is a no-op
        schema.upgrade(empty_database_url)
    finally:
        db.dispose()


def test_migrations_match_the_models(database_url: str) -> None:
    db = Database(database_url)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": include_object}
            )
            differences = compare_metadata(context, load_all().metadata)
        assert differences == []
    finally:
        db.dispose()


def test_a_newer_schema_is_refused(database_url: str) -> None:
    db = Database(database_url)
    try:
        with db.write() as session:
            session.execute(text("update alembic_version set version_num = '9999_future'"))
    finally:
        db.dispose()
    with pytest.raises(Refused) as refused:
        open_checked(database_url)
    assert refused.value.code == "schema_newer"


def test_sqlite_is_migrated_on_open_postgresql_is_not(empty_database_url: str) -> None:
    if empty_database_url.startswith("sqlite"):
        db = open_checked(empty_database_url)
        try:
            assert schema.status(db.engine).up_to_date
        finally:
            db.dispose()
    else:
        with pytest.raises(Refused) as refused:
            open_checked(empty_database_url)
        assert refused.value.code == "schema_missing"


def test_the_newest_revision_read_from_the_files_is_alembics() -> None:
    assert head_from_files() == schema.head_revision()


def test_the_newest_revision_written_down_is_alembics() -> None:
    """When this fails, a migration was added or re-chained: write its head and count in
    ``schema_revision.KNOWN_HEAD`` / ``KNOWN_FILES`` (a start then reads no migration file)."""
    assert (schema.head_revision(), migration_files()) == (KNOWN_HEAD, KNOWN_FILES)


def test_the_plain_reading_gives_up_on_what_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('revision = "b"\ndown_revision = "a"\n', encoding="utf-8")
    assert head_from_files(tmp_path) == "b"
    # two heads (parallel branches not yet merged): Alembic decides
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = "a"\n', encoding="utf-8")
    assert head_from_files(tmp_path) is None
    (tmp_path / "c.py").write_text("revision = make_id()\ndown_revision = 'b'\n", encoding="utf-8")
    assert head_from_files(tmp_path) is None


def test_a_current_schema_is_known_without_alembic(database_url: str) -> None:
    db = Database(database_url)
    try:
        assert is_current(db.engine)
    finally:
        db.dispose()


def test_an_empty_database_is_left_to_alembic(empty_database_url: str) -> None:
    db = Database(empty_database_url)
    try:
        assert not is_current(db.engine)
    finally:
        db.dispose()


def test_every_model_name_is_found_where_the_package_says() -> None:
    """``desk_app.models`` imports a model with the first name asked of it (models/__init__.py)."""
    from desk_app import models

    assert sorted(models.__all__) == sorted(models._WHERE)
    for name in models.__all__:
        assert getattr(models, name) is getattr(models._module(models._WHERE[name]), name)
    assert {t.name for t in load_all().metadata.sorted_tables} >= {"candidate", "audit_event"}
