"""The English-name keys search looks up, and the indexes that hold them.

A name's *keys* say exactly which typed words it matches: every prefix of
every word of the name (folded: lower case, accents and width removed), and
``prefix#n`` when ``n`` different words of the name start with that prefix.
Typed words match a name when each begins a *different* word of it; by
Hall's condition on nested prefixes that is: for each distinct typed word w,
the name has at least as many words starting with w as there are typed words
starting with w. So a query is one key per distinct typed word
(:func:`name_key`), and a name matches when it holds all of them — an exact
intersection, with nothing left to check afterwards.

Revision 0009 keeps the keys beside the candidates (see that migration for
the DDL):

* SQLite: ``candidate_name_keys``, a contentless FTS5 table (``detail=none``,
  one exact term per key, no prefix queries), filled by triggers on
  ``candidate`` through :func:`name_key_text`, which :func:`register_sqlite`
  adds to every connection as ``desk_name_keys``. Its ``rowid`` is the
  candidate's id: FTS5 intersects the keys' doclists in id order, skipping
  ahead, and stops at the page.
* PostgreSQL: ``candidate_name_key`` (candidate id, keys as a tsvector)
  with a GIN index, and ``name_key_list`` (key, candidate id), each key's
  candidates in id order; both kept by statement triggers on
  ``search_token`` from the candidate's English-name words there (already
  folded by Python), so their keys are the same as :func:`name_keys`. Which
  one a search reads: ``services/search/postgres_names.py``. An import
  writes its candidates' keys itself, once, and the triggers skip it
  (revision 0011; ``services/importing/name_index.py``).

PostgreSQL's names also hold *pair keys* (revision 0012): ``a+b``
(:func:`name_pair_key`) when the name holds the keys ``a`` and ``b`` of two
common words (a fixed list the database keeps, ``desk_name_pair_words()``)
of which neither begins the other. Two such prefixes cannot begin the same
word, so holding ``a+b`` is exactly holding ``a`` and ``b``: a search may read
the pair's list, much shorter, in place of both. The database computes them
(``desk_name_pair_keys()``) for the triggers and for an import alike.

Changing what :func:`name_keys` returns needs a migration that fills both
again: SQLite's contentless table removes a row by the keys the function
gives now, and they must be the ones it was given then.

Alembic's autogenerate would report these objects as not in the models;
:func:`include_object` tells it to leave them alone (``migrations/env.py``
and the schema test pass it to Alembic).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable
from itertools import combinations
from typing import Any

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
#: name words are stored and typed up to this many characters
MAX_TOKEN = 64
#: joins a prefix and a count in a key: "ka#2" (never part of a word)
COUNT_MARK = "#"
#: joins the two words of a pair key: "chan+wai" (never part of a word or a key)
PAIR_MARK = "+"

SQLITE_FTS = "candidate_name_keys"
SQLITE_FUNCTION = "desk_name_keys"
#: whether a name holds every key of a space-separated list (a search's check)
SQLITE_HAS_KEYS = "desk_name_has_keys"
#: the trigger that adds a new candidate's keys to the index (a bulk import
#: fills the index itself instead: services/importing/name_index.py)
SQLITE_INSERT_TRIGGER = "candidate_name_keys_insert"
#: the FTS5 shadow tables SQLite keeps beside the virtual table
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")
PG_TABLES = ("candidate_name_key", "name_key_list")
PG_INDEX = "ix_candidate_name_key_keys"

NOT_MODELLED_TABLES = frozenset(
    {SQLITE_FTS, *(SQLITE_FTS + suffix for suffix in FTS_SHADOW_SUFFIXES), *PG_TABLES}
)


def fold(text: str) -> str:
    """Lower case without accents, full-width folded: ``Chân`` → ``chan``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_words(name: str) -> list[str]:
    """The searchable words of an English name, folded, in order, without repeats."""
    seen: list[str] = []
    for word in _WORD.findall(fold(name)):
        token = word[:MAX_TOKEN]
        if token not in seen:
            seen.append(token)
    return seen


def name_key(prefix: str, words: int = 1) -> str:
    """The key of "``words`` different words of the name start with ``prefix``"."""
    return prefix if words == 1 else f"{prefix}{COUNT_MARK}{words}"


def name_pair_key(first: str, second: str) -> str:
    """The key of "the name holds the keys ``first`` and ``second``" (PostgreSQL, for
    two listed words of which neither begins the other): the two in code point
    order, as the database's ``COLLATE "C"`` orders them (revision 0012)."""
    return PAIR_MARK.join(sorted((first, second)))


def name_pair_keys(keys: Iterable[str], listed: Collection[str]) -> list[str]:
    """The pair keys a name holding ``keys`` holds: one per two of them that are
    ``listed`` words (``desk_name_pair_words()``) of which neither begins the other;
    the database's ``desk_name_pair_keys`` (revision 0012) says the same."""
    words = [key for key in keys if key in listed]  # in the order given: search's ties
    return [
        name_pair_key(a, b)
        for a, b in combinations(words, 2)
        if not (a.startswith(b) or b.startswith(a))
    ]


def name_keys(name: str) -> list[str]:
    """Every key a name holds (see the module's docstring), each once."""
    starting: dict[str, int] = {}
    for word in name_words(name):
        for end in range(1, len(word) + 1):
            starting[word[:end]] = starting.get(word[:end], 0) + 1
    return [name_key(prefix, n) for prefix, count in starting.items() for n in range(1, count + 1)]


def name_key_text(name: str | None) -> str:
    """The keys as one FTS5 document: separated by spaces (keys hold none)."""
    return " ".join(name_keys(name)) if name else ""


def name_has_keys(name: str | None, keys: str) -> bool:
    """Whether ``name`` holds every key of ``keys`` (separated by spaces), as
    :func:`name_keys` would say, without computing them all."""
    if not name:
        return False
    words = name_words(name)
    for key in keys.split():
        prefix, _, count = key.partition(COUNT_MARK)
        if sum(1 for word in words if word.startswith(prefix)) < (int(count) if count else 1):
            return False
    return True


def register_sqlite(connection: sqlite3.Connection) -> None:
    """Give a SQLite connection the functions of the name-key triggers and of search."""
    connection.create_function(SQLITE_FUNCTION, 1, name_key_text, deterministic=True)
    connection.create_function(SQLITE_HAS_KEYS, 2, name_has_keys, deterministic=True)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic hook: skip the name-key objects that revision 0009 manages by hand (and the
    audit trail's partial index, ``audit.REQUEST_INDEX``)."""
    from desk_app.models.audit import REQUEST_INDEX

    if type_ == "table" and name in NOT_MODELLED_TABLES:
        return False
    return not (type_ == "index" and name in (PG_INDEX, REQUEST_INDEX))
