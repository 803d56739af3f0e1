"""The keys search looks up, on both databases: email prefixes as callers say them,
English-name keys and the indexes that hold them, and each way PostgreSQL finds a page."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text

from desk_app.models import Candidate, SearchToken
from desk_app.models.search_index import name_keys
from desk_app.services.actor import StaffIdentity
from desk_app.services.registry import Services
from desk_app.services.search import postgres_names, rules
from desk_app.services.search.keys import candidate_tokens, name_words
from desk_app.services.search.query import prefix_upper, typed_words
from desk_app.services.search.service import SearchService
from desk_app.services.validation import normalise_id_number
from tests.support.factories import add_staff, make_candidate, make_services, seed_catalogue
from tests.support.name_index import (
    expected_pair_keys,
    pair_words,
    stored_name_keys,
    stored_pair_keys,
)


@dataclass
class Desk:
    services: Services
    staff: StaffIdentity
    search: SearchService

    def find(self, typed: str, page_size: int = 50) -> list[int]:
        page = self.search.search(self.staff, typed, page_size=page_size)
        return [row.candidate_id for row in page.items]


@pytest.fixture
def desk(database_url: str) -> Iterator[Desk]:
    services = make_services(database_url)
    try:
        staff = add_staff(services, "operator")
        yield Desk(services, staff, SearchService(services.db, services.settings, services.clock))
    finally:
        services.db.dispose()


def add_named(services: Services, names: dict[int, str]) -> None:
    """Bare candidates with the given ids and English names, and their search tokens."""
    seed_catalogue(services.db)
    with services.db.write() as session:
        for candidate_id, name in names.items():
            session.add(
                Candidate(
                    id=candidate_id, id_number=f"ZZZ{candidate_id:09d}", name_en=name,
                    date_of_birth=date(2000, 1, 1), centre_id=1, language="en",
                    created_at=services.clock.now(),
                )
            )  # fmt: skip
        session.flush()
        for candidate_id, name in names.items():
            session.add_all(candidate_tokens(name, None, candidate_id))


def each_begins_a_different_word(typed: Sequence[str], name: str) -> bool:
    """The rule itself, by brute force: some different name word for each typed word."""
    words = name_words(name)
    if len(typed) > len(words):
        return False
    return any(
        all(word.startswith(t) for t, word in zip(typed, chosen, strict=False))
        for chosen in permutations(words, len(typed))
    )


# -- email prefixes ---------------------------------------------------------------------------

#: addresses of the email test, each of a candidate named CHAN Tai Man
ADDRESSES = ("chan.taiman2@gmail.example", "chantm88@example.com", "tm2.chan@example.com",
             "20240101@qq.example", "ho.k12@school.example", "chan.taiman@example.net")  # fmt: skip


@pytest.mark.parametrize(
    "typed",
    ["chan.tai", "chan.taiman2", "CHAN.TAIMAN2", "chan.taiman2@", "chan.taiman2@gm",
     "chan.taiman2 @ gm", "chantm", "chantm88", "tm2", "20240", "2024010", "ho.k12@sch"],
)  # fmt: skip
def test_any_beginning_of_an_email_address_finds_it(desk: Desk, typed: str) -> None:
    # with or without the @, with digits and dots, also read as an ID or a
    # phone number ("tm2", "2024010"), or as a name no one has ("chantm")
    for number, address in enumerate(ADDRESSES):
        make_candidate(desk.services, f"SMR10000{number}", email=address, phone=None)
    page = desk.search.search(desk.staff, typed)
    wanted = typed.replace(" ", "").lower()
    assert [(r.email, r.match) for r in page.items] == [
        (address, "email") for address in sorted(ADDRESSES) if address.startswith(wanted)
    ]
    assert page.items


def test_prefix_upper_bounds_exactly_the_strings_with_the_prefix() -> None:
    assert prefix_upper("abc") == "abd"
    assert prefix_upper("a\U0010ffff") == "b"
    assert prefix_upper("\U0010ffff") is None
    assert prefix_upper("a\ud7ff") == "a\ue000"
    assert normalise_id_number("smr 123") == "SMR123"


# -- English-name keys ------------------------------------------------------------------------


def test_a_name_holds_each_prefix_and_how_many_of_its_words_start_with_it() -> None:
    assert sorted(name_keys("LAU Kai Ka")) == sorted(
        ["l", "la", "lau", "k", "k#2", "ka", "ka#2", "kai"]
    )
    assert name_keys("CHAN Ka Ka") == name_keys("Chan KA")  # a repeated word counts once
    assert {"chan", "tai"} <= set(name_keys("Chân TÀI"))  # folded as typed words are


_WORDS = st.text(alphabet="abk", min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(name=st.lists(_WORDS, min_size=1, max_size=4), typed=st.lists(_WORDS, max_size=4))
def test_the_keys_of_typed_words_are_in_a_name_exactly_when_each_begins_a_different_word(
    name: list[str], typed: list[str]
) -> None:
    full_name = " ".join(name)
    words = typed_words(" ".join(typed))
    held = set(rules.name_query_keys(words)) <= set(name_keys(full_name))
    assert held == each_begins_a_different_word(words, full_name)


def test_accents_and_case_do_not_matter_on_either_database(desk: Desk) -> None:
    add_named(desk.services, {1: "NGUYỄN Thị Ánh", 2: "CHÂN Tài Mẫn"})
    assert desk.find("nguyen anh") == [1]
    assert desk.find("MAN chan TAI") == [2]
    assert desk.find("Chân") == [2]


def test_a_renamed_or_removed_candidate_is_found_as_it_is_now(desk: Desk) -> None:
    add_named(desk.services, {1: "LAM Siu Ming", 2: "LEE Man Tai"})
    with desk.services.db.write() as session:
        candidate = session.get(Candidate, 1)
        assert candidate is not None
        candidate.name_en = "LAM Siu Fung"
        # a writer of names stores their search tokens too (keys.py)
        session.execute(delete(SearchToken).where(SearchToken.candidate_id == 1))
        session.add_all(candidate_tokens(candidate.name_en, None, 1))
    assert desk.find("siu fung") == [1]
    assert desk.find("siu ming") == []
    with desk.services.db.write() as session:
        session.delete(session.get(Candidate, 2))
    assert desk.find("lee man") == []


def stored_keys(desk: Desk, names: dict[int, str] | None = None) -> Counter[str]:
    """The word keys stored; with ``names``, first that the pair keys are theirs."""
    with desk.services.db.read() as session:
        if names is not None:
            expected = expected_pair_keys(pair_words(session), names.values())
            assert stored_pair_keys(session) == expected
        return stored_name_keys(session)


def test_the_name_index_holds_exactly_the_keys_python_computes(desk: Desk) -> None:
    names = {7: "LAU Kai Ka", 70_000: "Peter CHAN Tai Wai", 300_000: "O'BRIEN Mary-Ann"}
    add_named(desk.services, names)
    assert stored_keys(desk, names) == Counter(
        key for name in names.values() for key in name_keys(name)
    )
    with desk.services.db.write() as session:
        candidate = session.get(Candidate, 7)
        assert candidate is not None
        candidate.name_en = "LAU Ka Man"
        session.execute(delete(SearchToken).where(SearchToken.candidate_id == 7))
        session.add_all(candidate_tokens(candidate.name_en, None, 7))
        session.delete(session.get(Candidate, 300_000))
    names = {7: "LAU Ka Man", 70_000: "Peter CHAN Tai Wai"}
    assert stored_keys(desk, names) == Counter(
        key for name in names.values() for key in name_keys(name)
    )


# -- every way to a page gives the first matches in id order ----------------------------------

SURNAMES = ("CHAN", "CHEUNG", "WONG", "LEE")
GIVEN = ("Tai", "Man", "Ka", "Kai", "Wing", "Wai", "Ming")
QUERIES = ("chan", "ka", "ka kai", "wing chan", "k ka", "ch tai man", "lee wai ming",
           "cheung ka kai", "w wa", "zebra", "m", "chan cheung")  # fmt: skip


@pytest.mark.parametrize("merge", [True, False], ids=["merge", "gin"])
def test_each_way_to_a_page_gives_the_first_matches_in_id_order(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, merge: bool
) -> None:
    rng = random.Random(7)
    names = {
        1 + i * 997: " ".join([rng.choice(SURNAMES), *rng.sample(GIVEN, rng.choice((1, 2, 2)))])
        for i in range(320)
    }
    add_named(desk.services, names)
    # PostgreSQL: each of its two ways, whatever the statistics say
    monkeypatch.setattr(postgres_names, "merge_is_cheaper", lambda *_: merge)
    for typed in QUERIES:
        words = typed_words(typed)
        expected = sorted(
            i for i, name in names.items() if each_begins_a_different_word(words, name)
        )
        for page_size in (1, 3, 10, 50):
            assert desk.find(typed, page_size) == expected[:page_size], (typed, page_size)


# -- pair keys: common words two by two (PostgreSQL, revision 0012) ------------------------------

PAIR_SURNAMES = ("CHAN", "WONG", "CHEUNG", "LEE", "HO")
PAIR_GIVEN = ("Wai", "Sze", "Ka", "Man", "Chi", "Chia", "Hoi", "Ting", "Tin", "Ming", "Peter")
PAIR_QUERIES = (
    "wai sze chan", "chan wai sze", "SZE Chan Wai", "wai sze ch", "sze chan w", "wai wai chan",
    "ka ka man", "ka man cheung", "chi chia wong", "chi chia ch", "ho hoi ting", "ho ho tin",
    "ting tin lee", "peter wai sze", "man ming ka ho",
)  # fmt: skip


@pytest.mark.parametrize("merge", [True, False], ids=["merge", "gin"])
def test_common_words_typed_together_find_what_each_word_finds(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, merge: bool
) -> None:
    # in any order, the last cut short, words repeated in the name or typed
    # twice, words of which one begins the other (chi chia, ho hoi, tin ting)
    rng = random.Random(12)
    names = {
        1 + i * 613: " ".join(
            [rng.choice(PAIR_SURNAMES), *rng.choices(PAIR_GIVEN, k=rng.randint(1, 3))]
        )
        for i in range(400)
    }
    add_named(desk.services, names)
    monkeypatch.setattr(postgres_names, "merge_is_cheaper", lambda *_: merge)
    for typed in PAIR_QUERIES:
        words = typed_words(typed)
        expected = sorted(
            i for i, name in names.items() if each_begins_a_different_word(words, name)
        )
        for page_size in (1, 7, 50):
            assert desk.find(typed, page_size) == expected[:page_size], (typed, page_size)
    with desk.services.db.read() as session:
        if desk.services.db.dialect == "postgresql":  # read by pairs there
            keys = rules.name_query_keys(typed_words("wai sze chan"))
            lists = postgres_names.paired(postgres_names.statistics(session), keys)
            assert lists == ["sze+wai", "chan+wai"]
        assert stored_pair_keys(session) == expected_pair_keys(pair_words(session), names.values())


def test_postgresql_reads_a_pair_of_listed_words_in_place_of_both() -> None:
    stats = postgres_names.KeyStatistics(
        candidates=1_000_000,
        shares={"sze+wai": 0.003, "chan+sze": 0.006, "chan+wai": 0.009},
        rare=0.0001,
        pair_words=frozenset({"chan", "sze", "wai", "chi", "chia", "ka"}),
    )
    paired = postgres_names.paired
    assert paired(stats, ["wai", "sze", "chan"]) == ["sze+wai", "chan+sze"]  # rarest first
    assert paired(stats, ["chan", "wai"]) == ["chan+wai"]
    assert paired(stats, ["chi", "chia"]) == ["chi", "chia"]  # "chi" begins "chia"
    assert paired(stats, ["ka#2", "chan", "natalie"]) == ["ka#2", "chan", "natalie"]
    assert paired(stats, ["chi#2", "chia", "wai"]) == ["chia+wai", "chi#2"]
    assert paired(postgres_names.KeyStatistics(candidates=9), ["chan", "wai"]) == ["chan", "wai"]


def test_postgresql_merges_common_keys_and_leaves_rare_ones_to_gin() -> None:
    stats = postgres_names.KeyStatistics(
        candidates=1_000_000, shares={"chan": 0.09, "tai": 0.03, "ka": 0.15, "ho": 0.1}, rare=0.002
    )
    merge_is_cheaper = postgres_names.merge_is_cheaper
    assert merge_is_cheaper(stats, ["chan", "ka"], 51)  # 13,500 matches: the first page is near
    assert not merge_is_cheaper(stats, ["chan", "natalie"], 51)  # 180: GIN led by natalie
    assert not merge_is_cheaper(stats, ["chan", "tai", "ho"], 51)  # 270, all lists long
    assert merge_is_cheaper(stats, ["chan", "tai"], 51)  # 2,700


def test_postgresql_reads_how_often_keys_occur(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the statistics of PostgreSQL's key table")
    services = make_services(database_url)
    try:
        add_named(
            services, {i: ("CHAN Tai Man" if i % 2 else "WONG Ka Yan") for i in range(1, 201)}
        )
        with services.db.write() as session:
            session.execute(text("ANALYZE candidate_name_key"))
        with services.db.read() as session:
            stats = postgres_names.statistics(session)
        assert stats.candidates == 200
        assert stats.share("chan") == pytest.approx(0.5) == stats.share("ka")
        assert stats.share("natalie") < 0.5
    finally:
        services.db.dispose()


# -- the migration ----------------------------------------------------------------------------


def test_the_pair_key_migration_goes_down_and_up_again_with_candidates(database_url: str) -> None:
    from desk_app.schema import migrate

    names = {1: "CHAN Wai Sze", 2: "WONG Ka Ka Man", 3: "HO Hoi Ting"}
    services = make_services(database_url)
    try:
        add_named(services, names)
        staff = add_staff(services, "counter")
        word_keys = Counter(key for name in names.values() for key in name_keys(name))
        migrate(database_url, "0011_import_name_keys", down=True)  # no pair keys
        with services.db.read() as session:
            assert (stored_name_keys(session), stored_pair_keys(session)) == (word_keys, Counter())
        migrate(database_url, "head")  # and all of them again
        with services.db.read() as session:
            assert stored_name_keys(session) == word_keys
            expected = expected_pair_keys(pair_words(session), names.values())
            assert stored_pair_keys(session) == expected
        if services.db.dialect == "postgresql":
            assert expected
        search = SearchService(services.db, services.settings, services.clock)
        assert [r.candidate_id for r in search.search(staff, "sze chan wai").items] == [1]
        assert [r.candidate_id for r in search.search(staff, "man ka wong").items] == [2]
    finally:
        services.db.dispose()


def test_the_search_key_migration_goes_down_and_up_again_with_candidates(
    database_url: str,
) -> None:
    from desk_app.schema import migrate

    services = make_services(database_url)
    try:
        staff = add_staff(services, "counter")
        make_candidate(services, "SMR000001", name_en="YIP Suk Ling", name_zh="葉淑玲")
        # down: revision 0002's word-prefix index again, built from the data
        migrate(database_url, "0008_audit_guard", down=True)
        with services.db.read() as session:
            if services.db.dialect == "sqlite":
                found = "SELECT rowid FROM candidate_name_fts WHERE candidate_name_fts MATCH 'suk'"
            else:
                found = (
                    "SELECT id FROM candidate WHERE desk_name_prefixes(name_en) @@ 'su'::tsquery"
                )
            assert len(session.execute(text(found)).all()) == 1
        migrate(database_url, "head")  # and the keys, built from the data again
        search = SearchService(services.db, services.settings, services.clock)
        assert [r.id_number for r in search.search(staff, "suk yip").items] == ["SMR000001"]
        assert [r.id_number for r in search.search(staff, "ling s").items] == ["SMR000001"]
        with services.db.read() as session:
            assert session.scalar(select(Candidate.id_number)) == "SMR000001"
    finally:
        services.db.dispose()
