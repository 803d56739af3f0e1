"""Alembic environment: runs on the connection handed over by desk_app.schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from desk_app.database import make_engine
from desk_app.models import load_all
from desk_app.models.search_index import include_object

config = context.config
target_metadata = load_all().metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.attributes["url"])
    try:
        with engine.begin() as new_connection:
            _run(new_connection)
    finally:
        engine.dispose()


run_migrations_online()
