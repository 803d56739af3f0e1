"""Revision 0014_import_speed: search tokens follow their candidate by a trigger.

The foreign key from ``search_token`` to ``candidate`` is gone (PostgreSQL
checked it once per token an import wrote); deleting candidates, one or
several in one statement, still removes their tokens, and the downgrade
puts the key back.
"""

from __future__ import annotations

from sqlalchemy import create_engine, delete, func, inspect, select
from sqlalchemy.engine.interfaces import ReflectedForeignKeyConstraint

from desk_app import schema
from desk_app.models import Candidate, SearchToken
from desk_app.services.registry import Services
from tests.support.factories import make_candidate, make_services


def tokens_of(services: Services, candidate_ids: list[int]) -> int:
    with services.db.read() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(SearchToken)
                .where(SearchToken.candidate_id.in_(candidate_ids))
            )
            or 0
        )


def foreign_keys(url: str) -> list[ReflectedForeignKeyConstraint]:
    """The foreign keys of ``search_token``, read by a connection made now."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return inspect(connection).get_foreign_keys("search_token")
    finally:
        engine.dispose()


def test_deleting_candidates_removes_their_tokens(database_url: str) -> None:
    services = make_services(database_url)
    try:
        ids = [
            make_candidate(services, f"SMR00000{n}", name_en=f"CHAN Tai Man {n}", letter=False)
            for n in range(1, 4)
        ]
        assert tokens_of(services, ids) > 0
        with services.db.write() as session:
            session.execute(delete(Candidate).where(Candidate.id.in_(ids[:2])))
        assert tokens_of(services, ids[:2]) == 0
        assert tokens_of(services, ids[2:]) > 0
    finally:
        services.db.dispose()


def test_the_downgrade_puts_the_foreign_key_back(database_url: str) -> None:
    services = make_services(database_url)
    try:
        made = make_candidate(services, "SMR000009", name_en="YIP Suk Ling")
        services.db.dispose()
        schema.migrate(database_url, "0013_login_attempt_function", down=True)
        keys = foreign_keys(database_url)
        assert [(k["referred_table"], k["options"].get("ondelete")) for k in keys] == [
            ("candidate", "CASCADE")
        ]
        schema.migrate(database_url, "head")
        assert foreign_keys(database_url) == []
        assert tokens_of(services, [made]) > 0
    finally:
        services.db.dispose()
