"""English-name search by each of its ways, on both databases: every way gives the same page.

SQLite splits the keys between FTS5 and a check of each candidate found
(``services/search/sqlite_names.py``); PostgreSQL merges key lists or lets GIN
intersect them (``postgres_names.py``). Which way is taken depends only on
estimates, so each is forced here and compared with the rule by brute force.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import combinations
from typing import Any

import pytest
from sqlalchemy import event, select, update

from desk_app.models import Candidate
from desk_app.models.search_index import name_has_keys
from desk_app.services.search import postgres_names, rules, sqlite_names
from desk_app.services.search.name_statistics import KeyStatistics
from desk_app.services.search.query import typed_words
from tests.support.factories import make_services
from tests.test_search_keys import Desk, add_named, desk, each_begins_a_different_word

__all__ = ["desk"]

#: a rare name word among many that start with "ch" or share common syllables
SURNAMES = ("CHAN", "CHEUNG", "CHOW", "CHU", "WONG", "NG")
GIVEN = ("Ka", "Man", "Wai", "Sze", "Chi", "Ho", "Kai")
NAMES: dict[int, str] = {}
_rng = random.Random(11)
for _i in range(300):
    NAMES[3 + _i * 1013] = " ".join(
        [_rng.choice(SURNAMES), *_rng.sample(GIVEN, _rng.choice((1, 2, 2, 3)))]
    )
NAMES.update({5: "WEI-NO Chun", 8_000: "CHAN Wei-no", 200_000: "WEI-NO Ka Chi", 300_001: "NO Wei"})

QUERIES = ("wei-no ch", "ch wei-no", "wei no c", "ka man chan", "ka man wai", "chi ho ka",
           "ch ka", "c c", "ka k", "ng wai sze", "wei-no", "zebra ch")  # fmt: skip


def expected(typed: str) -> list[int]:
    words = typed_words(typed)
    return sorted(i for i, name in NAMES.items() if each_begins_a_different_word(words, name))


def every_split(keys: Sequence[str]) -> list[tuple[list[str], list[str]]]:
    return [
        (list(chosen), [key for key in keys if key not in chosen])
        for size in range(1, len(keys) + 1)
        for chosen in combinations(keys, size)
    ]


def test_every_split_of_the_keys_gives_the_first_matches_in_id_order(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_named(desk.services, NAMES)
    for typed in QUERIES:
        keys = rules.name_query_keys(typed_words(typed))
        ways = every_split(keys)
        assert ways[-1] == (keys, [])  # the plain intersection is one of them
        for chosen, rest in ways:
            # SQLite: FTS5 on ``chosen``, ``rest`` checked; PostgreSQL: its own ways
            monkeypatch.setattr(sqlite_names, "split", lambda *_, c=chosen, r=rest: (c, r))
            for page_size in (1, 4, 50):
                assert desk.find(typed, page_size) == expected(typed)[:page_size], (
                    typed,
                    chosen,
                    page_size,
                )


def test_a_common_key_beside_rare_ones_is_checked_not_read() -> None:
    # shares as in the benchmark's million names ("wei-no ch" read all of "ch")
    stats = KeyStatistics(
        candidates=1_000_000,
        shares={"wei": 0.017, "no": 0.0038, "ch": 0.43, "ka": 0.11, "chan": 0.094, "ma#2": 0.0066,
                "man": 0.1},
        rare=0.0002,
    )  # fmt: skip
    assert sqlite_names.split(stats, ["wei", "no", "ch"], 51) == (["wei", "no"], ["ch"])
    # common keys that meet often: the first page is near in every list
    assert sqlite_names.split(stats, ["ka", "chan"], 51) == (["ka", "chan"], [])
    # a rare key beside a common one: its few entries skip through the other list
    assert sqlite_names.split(stats, ["natalie", "ch"], 51) == (["natalie", "ch"], [])
    # a key held by fewer names is read, not checked: names share words by origin
    # (feng ya-chih), so the other keys' matches can be many more than estimated
    origin = KeyStatistics(1_000_000, {"feng": 0.01, "chih": 0.02, "ya": 0.05}, rare=0.0002)
    assert sqlite_names.split(origin, ["feng", "chih", "ya"], 51) == (["feng", "chih", "ya"], [])
    # "ma#2" and "man" go together: most names with two words in ma- have a man
    assert stats.matching(["man", "ma#2"]) == pytest.approx(6_600)
    assert stats.matching(["wei", "no"]) == pytest.approx(64.6)


def test_sqlite_estimates_how_often_keys_occur_from_a_sample_of_names(
    database_url: str,
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's sample of names")
    services = make_services(database_url)
    try:
        names = {i: ("CHAN Tai Man" if i % 2 else "WONG Ka Yan") for i in range(1, 201)}
        add_named(services, names)
        with services.db.read() as session:
            stats = sqlite_names.statistics(session)
        assert stats.candidates == 200
        assert stats.share("chan") == pytest.approx(0.5) == stats.share("ka")
        assert stats.share("c") == pytest.approx(0.5)
        assert stats.share("natalie") < 0.01
    finally:
        services.db.dispose()


def test_a_name_holds_keys_as_the_index_has_them() -> None:
    assert name_has_keys("CHAN Ka Ka", "ch ka")
    assert name_has_keys("LAU Kai Ka", "k#2 ka#2")
    assert not name_has_keys("LAU Kai Ka", "k#3")
    assert not name_has_keys("", "ka")
    assert not name_has_keys(None, "ka")


def test_postgresql_merges_keys_that_go_together() -> None:
    stats = KeyStatistics(candidates=1_000_000, shares={"man": 0.1, "ma#2": 0.0066}, rare=0.0002)
    # 6,600 names hold both, not 660: the first page is near in both lists
    assert postgres_names.merge_is_cheaper(stats, ["man", "ma#2"], 51)


def test_a_search_on_postgresql_holds_no_transaction_open(desk: Desk) -> None:
    """Each statement reads what is committed: no BEGIN and ROLLBACK round trips."""
    add_named(desk.services, {1: "CHAN Tai Man", 2: "WONG Ka Yan"})
    engine = desk.services.db.engine
    states: list[str] = []

    def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        info = getattr(conn.connection.driver_connection, "info", None)
        states.append(info.transaction_status.name if info is not None else "sqlite")

    event.listen(engine, "after_cursor_execute", after)
    try:
        assert desk.find("chan man") == [1]
        assert desk.find("ZZZ") == [1, 2]
    finally:
        event.remove(engine, "after_cursor_execute", after)
    assert states
    if engine.dialect.name == "postgresql":
        assert set(states) == {"IDLE"}


def test_after_a_search_the_same_connection_writes_in_a_transaction_again(desk: Desk) -> None:
    add_named(desk.services, {1: "CHAN Tai Man"})
    assert desk.find("chan") == [1]
    with pytest.raises(RuntimeError), desk.services.db.write() as session:
        session.execute(update(Candidate).where(Candidate.id == 1).values(name_en="LEE Ka"))
        session.flush()
        raise RuntimeError("undone")
    with desk.services.db.read() as session:
        assert session.scalar(select(Candidate.name_en).where(Candidate.id == 1)) == "CHAN Tai Man"
