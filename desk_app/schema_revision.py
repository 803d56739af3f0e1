"""Whether a database's schema is current, without loading Alembic.

Alembic takes longer to import than a command such as ``desk-app show`` may
take as a whole, and on almost every start the answer is "current". So the
newest revision is :data:`KNOWN_HEAD` while the migrations folder holds
:data:`KNOWN_FILES` files (one listing, no file read), else it is read from
the migration files' own ``revision`` and ``down_revision`` lines; the
database's comes from its ``alembic_version`` table. Only when they differ,
or when either cannot be read plainly, does :mod:`desk_app.schema` (Alembic)
decide. tests/test_schema.py holds both readings to Alembic's own answer.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")

#: the newest revision, and how many migration files there are with it: written down
#: when a migration is added (tests/test_schema.py says when they are out of date)
KNOWN_HEAD = "0015_paper_score_key"
KNOWN_FILES = 15

#: ``revision: str = "0005"`` and ``down_revision = None`` at the start of a line
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _revisions(path: Path) -> tuple[str, tuple[str, ...]] | None:
    """A migration file's revision and the revisions it follows, or None if unclear."""
    found: dict[str, object] = {}
    for name, value in _ASSIGNMENT.findall(path.read_text(encoding="utf-8")):
        if name in found:
            return None
        try:
            found[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return None
    revision, down = found.get("revision"), found.get("down_revision", ...)
    if not isinstance(revision, str) or down is ...:
        return None
    if down is None:
        return revision, ()
    if isinstance(down, str):
        return revision, (down,)
    if isinstance(down, tuple | list) and all(isinstance(d, str) for d in down):
        return revision, tuple(down)
    return None


def head_from_files(versions: Path | None = None) -> str | None:
    """The one newest revision of the migration files, or None when it is not plain."""
    revisions: dict[str, tuple[str, ...]] = {}
    for path in sorted((versions or MIGRATIONS / "versions").glob("*.py")):
        read = _revisions(path)
        if read is None:
            return None
        revisions[read[0]] = read[1]
    followed = {down for downs in revisions.values() for down in downs}
    heads = [revision for revision in revisions if revision not in followed]
    return heads[0] if len(heads) == 1 else None


def migration_files(versions: Path | None = None) -> int:
    """How many migration files there are (a listing: no file is read)."""
    with os.scandir(versions or MIGRATIONS / "versions") as entries:
        return sum(1 for entry in entries if entry.name.endswith(".py") and entry.is_file())


def newest_revision() -> str | None:
    """:data:`KNOWN_HEAD` while the files are those it was written for, else read from them."""
    if migration_files() == KNOWN_FILES:
        return KNOWN_HEAD
    return head_from_files()


#: the database's revision (one row when the schema is plainly at one revision)
VERSION_QUERY = "SELECT version_num FROM alembic_version"


def is_head(versions: list[str]) -> bool:
    """Whether ``alembic_version`` read ``versions``: surely the newest revision and no other."""
    head = newest_revision()
    return head is not None and versions == [head]


def is_current(engine: Engine) -> bool:
    """True when the database is surely at the newest revision; False means "ask Alembic"."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    if newest_revision() is None:
        return False
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(VERSION_QUERY)).all()
    except SQLAlchemyError:  # no table yet, or no database: Alembic's check says which
        return False
    return is_head([row[0] for row in rows])
