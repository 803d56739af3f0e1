"""The English-name keys an import writes itself, on both databases.

An import fills the name index itself instead of leaving it to the triggers
(``services/importing/name_index.py``; on PostgreSQL the trigger function
skips while ``desk.defer_name_keys`` is on: revision 0011). What it writes
must be exactly what the triggers write: on PostgreSQL both key tables are
compared row by row with a refresh of every candidate from scratch.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk_app.models import Candidate
from desk_app.models.search_index import name_keys
from desk_app.services.registry import Services
from tests.support.factories import add_staff, an_admin, make_candidate, make_services
from tests.support.import_files import row, write_csv
from tests.support.name_index import (
    expected_pair_keys,
    pair_words,
    stored_name_keys,
    stored_pair_keys,
)

#: names the keys must get right: repeated words, shared prefixes, accents, digits, none
ODD_NAMES = ("HO Ho Ka Ka Kai", "O'BRIEN Mary-Ann Chân", "NG 2nd Kaka Ka", "—", "LAU Kai Ka Kai")


def _import(services: Services, path: Path) -> None:
    report = services.importer.run(an_admin(services), path, reason="board file")
    assert report.applied, report.problems


def _key_tables(session: Session) -> tuple[dict[int, list[str]], set[tuple[str, int]]]:
    """PostgreSQL's two key tables, whole: keys by candidate, and (key, candidate) pairs."""
    by_candidate = {
        candidate_id: sorted(keys)
        for candidate_id, keys in session.execute(
            text("SELECT candidate_id, tsvector_to_array(keys) FROM candidate_name_key")
        )
    }
    pairs = session.execute(text("SELECT key, candidate_id FROM name_key_list"))
    listed = {(key, candidate_id) for key, candidate_id in pairs}
    return by_candidate, listed


def _from_scratch(session: Session) -> None:
    """What the triggers write for every candidate (revision 0009's own refresh)."""
    session.execute(text("TRUNCATE name_key_list, candidate_name_key"))
    session.execute(text("SELECT desk_refresh_name_keys(ARRAY(SELECT id FROM candidate))"))


def test_an_import_writes_exactly_the_keys_the_triggers_write(
    services: Services, tmp_path: Path
) -> None:
    make_candidate(services, "SMR000001", name_en="YIP Suk Ling")  # by the triggers
    rows = [row(n) for n in range(1, 2_400)]  # more than one chunk of 2,000
    rows += [row(3_000 + i, name_en=name) for i, name in enumerate(ODD_NAMES)]
    _import(services, write_csv(tmp_path / "first.csv", rows))
    # a correction renames two candidates, one of them in a later chunk
    renamed = [row(5, name_en="CHAN Wing Sze"), row(2_100, name_en="CHAN Tai Tai Man")]
    _import(services, write_csv(tmp_path / "renamed.csv", renamed))

    with services.db.read() as session:
        names = {c: n for c, n in session.execute(select(Candidate.id, Candidate.name_en))}
        stored = stored_name_keys(session)
        # PostgreSQL's pair keys of common words too (CHAN Wing Sze: chan+sze, ...)
        pairs = (stored_pair_keys(session), expected_pair_keys(pair_words(session), names.values()))
    assert stored == Counter(key for name in names.values() for key in name_keys(name))
    assert pairs[0] == pairs[1]
    assert bool(pairs[0]) == (services.db.dialect == "postgresql")
    if services.db.dialect != "postgresql":
        return
    with services.db.write() as session:
        imported = _key_tables(session)
        _from_scratch(session)
        assert _key_tables(session) == imported
        session.rollback()
    assert {c for c, _ in imported[0].items()} == {c for c, n in names.items() if name_keys(n)}


def test_two_english_name_words_find_an_imported_and_a_renamed_candidate(
    services: Services, tmp_path: Path
) -> None:
    rows = [row(1, name_en="LEUNG Ka Yan Kaia"), row(2, name_en="WONG Siu Ming")]
    _import(services, write_csv(tmp_path / "first.csv", rows))
    _import(services, write_csv(tmp_path / "fix.csv", [row(2, name_en="WONG Hoi Ting")]))
    operator = add_staff(services, "operator")

    def found(typed: str) -> list[str]:
        return [c.id_number for c in services.search.search(operator, typed).items]

    assert found("leung kaia") == ["KT0000001"]
    assert found("ka ka") == ["KT0000001"]  # two words starting "ka"
    assert found("hoi wong") == ["KT0000002"]
    assert found("siu ming") == []  # the old name's keys went with it
    # a candidate made afterwards by anything else gets its keys from the triggers
    make_candidate(services, "SMR000002", name_en="PARKER Zelda Kaia")
    assert found("kaia") == ["KT0000001", "SMR000002"]


def test_the_deferral_lasts_only_for_the_transaction_that_set_it(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's name-key triggers")
    services = make_services(database_url)
    try:
        with services.db.write() as session:
            session.execute(text("SET LOCAL desk.defer_name_keys = 'on'"))
        make_candidate(services, "SMR000003", name_en="TAM Hoi Ting")
        with services.db.read() as session:
            assert stored_name_keys(session) == Counter(name_keys("TAM Hoi Ting"))
    finally:
        services.db.dispose()


def test_the_migration_goes_down_and_up_again(database_url: str) -> None:
    """Down: the triggers write the keys whatever the setting says; up: they skip again."""
    from desk_app.schema import migrate

    services = make_services(database_url)
    try:
        migrate(database_url, "0010_reason_presets", down=True)
        make_candidate(services, "SMR000004", name_en="YEUNG Pui Shan")
        with services.db.write() as session:
            if services.db.dialect == "postgresql":
                session.execute(text("SET LOCAL desk.defer_name_keys = 'on'"))
            candidate = session.scalars(select(Candidate)).one()
            candidate.name_en = "YEUNG Wing"
            session.execute(text("DELETE FROM search_token WHERE kind = 'n'"))
            session.execute(
                text("INSERT INTO search_token (kind, token, candidate_id)"
                     " VALUES ('n', 'yeung', :c), ('n', 'wing', :c)"), {"c": candidate.id},
            )  # fmt: skip
        with services.db.read() as session:
            assert stored_name_keys(session) == Counter(name_keys("YEUNG Wing"))
        migrate(database_url, "head")
        if services.db.dialect == "postgresql":
            with services.db.write() as session:
                session.execute(text("SET LOCAL desk.defer_name_keys = 'on'"))
                session.execute(text("DELETE FROM search_token WHERE kind = 'n'"))
            with services.db.read() as session:  # skipped: the keys are still there
                assert stored_name_keys(session) == Counter(name_keys("YEUNG Wing"))
    finally:
        services.db.dispose()
