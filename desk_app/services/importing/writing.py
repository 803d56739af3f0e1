"""Writing one chunk of an import: corrections as updates, new rows in bulk.

New rows are tuples in the form :class:`~desk_app.bulk.BulkWriter` takes
(COPY on PostgreSQL, ``executemany`` on SQLite), with ids drawn by
:meth:`~desk_app.bulk.BulkWriter.take_ids`; the thread that builds a chunk
also makes them ready to send (:func:`prepare_chunk`: on PostgreSQL, COPY's
text), and the import's worker only sends them (:func:`write_chunk`).
Corrections are UPDATEs by id, one statement executed for all the chunk's
rows; a corrected name gets new search tokens, corrected paper scores are
replaced, a withdrawn result is deleted with its scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, update
from sqlalchemy.orm import Session

from desk_app.bulk import BulkWriter, Prepared
from desk_app.models import Candidate, PaperScore, Result, SearchToken, load_all
from desk_app.services.importing.name_index import NameIndexLoader, PreparedNames

TABLES: dict[str, Table] = {
    name: load_all().metadata.tables[name]
    for name in ("candidate", "search_token", "results_account", "entry", "result", "paper_score")
}
COLUMNS: dict[str, tuple[str, ...]] = {
    "candidate": (
        "id", "id_number", "name_en", "name_zh", "date_of_birth", "email", "phone",
        "centre_id", "language", "email_key", "phone_key", "created_at",
    ),
    "search_token": ("kind", "token", "candidate_id"),
    # every candidate has an account row from the start (models/account.py)
    "results_account": (
        "candidate_id", "updates_opt_in", "must_change_password", "failed_attempts",
        "secret_failures",
    ),
    "entry": ("id", "candidate_id", "exam_id", "session_id"),
    "result": ("id", "entry_id", "grade", "cefr", "score", "release_at"),
    # nothing refers to a paper score: its id is the column's default
    "paper_score": ("result_id", "paper_id", "score"),
}  # fmt: skip


@dataclass
class ChunkWrites:
    """What one chunk writes."""

    rows: dict[str, list[tuple[Any, ...]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )
    #: {"cid": id, column: value, …} per corrected candidate
    candidate_updates: list[dict[str, Any]] = field(default_factory=list)
    #: candidates whose search tokens are replaced (their names were corrected)
    retokened: list[int] = field(default_factory=list)
    #: {"rid": id, column: value, …} per corrected result
    result_updates: list[dict[str, Any]] = field(default_factory=list)
    #: results whose paper scores are replaced
    repapered: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class PreparedChunk:
    """A chunk's writes with its new rows made ready to send (:func:`prepare_chunk`)."""

    writes: ChunkWrites
    tables: list[Prepared]
    names: PreparedNames


def prepare_chunk(writer: BulkWriter, writes: ChunkWrites, names: NameIndexLoader) -> PreparedChunk:
    """In the thread that built the chunk: its new rows formatted, its name keys made."""
    rows = writes.rows
    rows["search_token"].sort()  # in the key's order: each insert finds its page near the last
    return PreparedChunk(
        writes,
        [writer.prepare(TABLES[name], COLUMNS[name], rows[name]) for name in COLUMNS],
        names.prepare([(row[0], row[2]) for row in rows["candidate"]]),  # (id, name_en)
    )


def write_chunk(
    session: Session, writer: BulkWriter, prepared: PreparedChunk, names: NameIndexLoader
) -> None:
    writes = prepared.writes
    if writes.candidate_updates:
        session.execute(*_update(Candidate, "cid", writes.candidate_updates))
    if writes.retokened:
        session.execute(delete(SearchToken).where(SearchToken.candidate_id.in_(writes.retokened)))
    stale = writes.repapered + writes.withdrawn
    if stale:
        session.execute(delete(PaperScore).where(PaperScore.result_id.in_(stale)))
    if writes.withdrawn:
        session.execute(delete(Result).where(Result.id.in_(writes.withdrawn)))
    if writes.result_updates:
        session.execute(*_update(Result, "rid", writes.result_updates))
    for table in prepared.tables:
        writer.send(table)
    names.add(prepared.names)
    names.renamed(writes.retokened)


def _update(
    model: type[Candidate] | type[Result], key: str, rows: list[dict[str, Any]]
) -> tuple[Any, list[dict[str, Any]]]:
    """An UPDATE by id of the columns the rows name, and its parameters (one set per row).

    The parameters are renamed ``new_<column>``: a bound parameter may not
    share its column's name in an UPDATE's SET clause.
    """
    table = load_all().metadata.tables[model.__tablename__]
    names = [name for name in rows[0] if name != key]
    statement = (
        update(table)
        .where(table.c.id == bindparam(key))
        .values({name: bindparam(f"new_{name}") for name in names})
    )
    return statement, [{(k if k == key else f"new_{k}"): v for k, v in row.items()} for row in rows]
