"""Full-text indexes on English names, which the models cannot describe.

Revision 0002 creates them (see that migration for the DDL):

* SQLite: ``candidate_name_fts``, a contentless FTS5 table of ``name_en``
  (``unicode61`` tokens, accents removed, prefix indexes for 1–3 letters),
  kept in step with ``candidate`` by three triggers. Its ``rowid`` is the
  candidate's id, so matches come back in id order, and a several-word
  query is a doclist intersection that skips ahead, not a scan.
* PostgreSQL: ``desk_name_prefixes(text) → tsvector``, every prefix (up to
  24 letters) of every lower-cased word of a name, and a GIN index on it,
  ``ix_candidate_name_prefixes``. A typed word is then an exact lexeme, so
  GIN intersects posting lists with its fast skipping scan (a ``:*``
  prefix query would first union every lexeme with that prefix).

``search_token`` stays the reference for what matches: these indexes only
find candidates faster (see ``services/search/rules.py``).

Alembic's autogenerate would report these objects as not in the models;
:func:`include_object` tells it to leave them alone (``migrations/env.py``
and the schema test pass it to Alembic).
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "candidate_name_fts"
#: the trigger that adds a new candidate's name to the index (a bulk import
#: fills the index itself instead: services/importing/name_index.py)
FTS_INSERT_TRIGGER = "candidate_name_fts_insert"
#: the FTS5 shadow tables SQLite keeps beside the virtual table
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")
PG_FUNCTION = "desk_name_prefixes"
PG_INDEX = "ix_candidate_name_prefixes"
#: longest word prefix the PostgreSQL index holds
PG_PREFIX_LIMIT = 24

NOT_MODELLED_TABLES = frozenset({FTS_TABLE, *(FTS_TABLE + s for s in FTS_SHADOW_SUFFIXES)})
NOT_MODELLED_INDEXES = frozenset({PG_INDEX})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic hook: skip the full-text objects that revision 0002 manages by hand."""
    if type_ == "table" and name in NOT_MODELLED_TABLES:
        return False
    return not (type_ == "index" and name in NOT_MODELLED_INDEXES)
