"""Schema revisions through Alembic, run from inside the package.

A desk refuses a database whose schema is newer than it knows (another desk
was upgraded first) and, on PostgreSQL, does not migrate on its own: the
administrator runs ``desk-app db upgrade``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from desk_app.database import make_engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str | URL | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
        config.attributes["url"] = rendered
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    #: the database's revision is one this program does not know: newer
    newer_than_program: bool

    @property
    def empty(self) -> bool:
        return self.current is None

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def status(engine: Engine) -> SchemaStatus:
    current = current_revision(engine)
    return SchemaStatus(
        current=current,
        head=head_revision(),
        newer_than_program=current is not None and current not in known_revisions(),
    )


def upgrade(url: str | URL) -> None:
    """Migrate the database at ``url`` to the newest revision."""
    migrate(url, "head")


def migrate(url: str | URL, revision: str, *, down: bool = False) -> None:
    """Move the database at ``url`` up (or ``down``) to ``revision``, in one transaction.

    On SQLite a batch migration rebuilds a table (copy, drop, rename). With
    foreign keys enforced, dropping a table that other rows point at fails,
    and deferring the check does not help (the rows land in the copy, which
    SQLite does not count back). So foreign keys are off while the revisions
    run, which SQLite allows only outside a transaction, and
    ``PRAGMA foreign_key_check`` must find nothing before the commit.
    """
    engine = make_engine(url)
    try:
        config = alembic_config(url)
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            raw = connection.connection.driver_connection
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")  # not in a transaction yet
            try:
                with connection.begin():
                    config.attributes["connection"] = connection
                    (command.downgrade if down else command.upgrade)(config, revision)
                    if sqlite:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                        if broken:
                            raise RuntimeError(f"foreign keys broken by the migration: {broken}")
            finally:
                if sqlite and raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
    finally:
        engine.dispose()
