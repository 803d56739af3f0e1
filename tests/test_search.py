"""The search box on both databases: what each kind of text finds, ranking, paging, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from desk_app.models import AuditEvent, Candidate, ResultsAccount
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import BadInput, Refused
from desk_app.services.registry import Services
from desk_app.services.search.keys import name_words
from desk_app.services.search.query import Query, classify
from desk_app.services.search.service import CandidateRow, SearchPage, SearchService
from desk_app.services.validation import phone_key
from tests.support.clock import ManualClock
from tests.support.factories import add_staff, make_candidate, make_services

#: (ID Number, English name, Chinese name, email, phone)
PEOPLE = (
    ("SMR123456", "CHAN Tai Man", "陳大文", "taiman.chan@example.com", "9123 4567"),
    ("SMR1234567", "Peter CHAN Tai Wai", "陳大偉", "peter.chan@example.net", "+852 6123 0000"),
    ("SMR125000", "WONG Ka Yan", "黃家欣", "kayan.wong@example.org", "+852 5555 1212"),
    ("KLT000001", "LEE Man Tai", "李文大", "man.tai.lee@example.com", "+886 955 123 456"),
    ("KA123456", "CHEUNG Wing Sze", "張詠思", "wingsze@example.com", "+852 9000 0001"),
    ("123456", "CHEN Ta-Wen", "陳大文", "tawen.chen@example.com", "+886 988 777 666"),
    ("IEC000777", "CHAN Ka Ka", "陳家嘉", "kaka@example.com", "+852 6666 7777"),
    ("IEC000778", "O'BRIEN Mary", None, "mary_o%brien@example.com", None),
    ("IEC000779", "LAM Siu Ming", "林小明", "maryxo@example.com", "+852 9876 5432"),
    ("IEC000780", "LAU Kai Ka", "劉啟家", "kai.lau@example.com", "+852 6000 1234"),
)


@dataclass
class Desk:
    services: Services
    staff: StaffIdentity
    search: SearchService
    clock: ManualClock

    def find(self, text: str, **kwargs: int) -> SearchPage:
        return self.search.search(self.staff, text, **kwargs)

    def ids(self, text: str) -> list[str]:
        return [row.id_number for row in self.find(text).items]


@pytest.fixture
def desk(database_url: str) -> Iterator[Desk]:
    clock = ManualClock()
    services = make_services(database_url, clock)
    staff = add_staff(services, "operator")
    for id_number, name_en, name_zh, email, phone in PEOPLE:
        make_candidate(
            services, id_number, name_en=name_en, name_zh=name_zh, email=email, phone=phone
        )
    try:
        yield Desk(services, staff, SearchService(services.db, services.settings, clock), clock)
    finally:
        services.db.dispose()


# -- ID Numbers -------------------------------------------------------------------------------


def test_the_exact_id_comes_first_then_ids_that_start_with_it(desk: Desk) -> None:
    page = desk.find("SMR123456")
    assert [(r.id_number, r.match) for r in page.items] == [
        ("SMR123456", "id_exact"),
        ("SMR1234567", "id_prefix"),
    ]
    assert page.query_kind == "id"


@pytest.mark.parametrize(
    "typed", ["smr123456", " SMR 123 456 ", "smr-123-456", "ＳＭＲ１２３４５６"]
)
def test_an_id_ignores_case_spaces_and_punctuation(desk: Desk, typed: str) -> None:
    assert desk.ids(typed)[0] == "SMR123456"


def test_an_id_prefix_lists_ids_in_order(desk: Desk) -> None:
    assert desk.ids("SMR12") == ["SMR123456", "SMR1234567", "SMR125000"]
    assert all(r.match == "id_prefix" for r in desk.find("smr 12").items)


def test_letters_alone_are_an_id_prefix_ranked_before_names(desk: Desk) -> None:
    page = desk.find("ka")
    assert [(r.id_number, r.match) for r in page.items[:1]] == [("KA123456", "id_prefix")]
    named = [r.id_number for r in page.items if r.match == "name"]
    assert named == ["SMR125000", "IEC000777", "IEC000780"]  # in the order they were added


# -- names ------------------------------------------------------------------------------------


def test_name_words_match_in_any_order(desk: Desk) -> None:
    assert set(desk.ids("tai chan")) == {"SMR123456", "SMR1234567"}
    assert set(desk.ids("CHAN TAI")) == {"SMR123456", "SMR1234567"}
    assert set(desk.ids("man tai")) == {"SMR123456", "KLT000001"}
    assert all(r.match == "name" for r in desk.find("tai chan").items)


@pytest.mark.parametrize("typed", ["tai man chan", "chan man", "Man TAI chan", "man ch", "m t ch"])
def test_two_or_three_name_words_in_any_order(desk: Desk, typed: str) -> None:
    # CHAN Tai Man only: LEE Man Tai has no chan-word, Peter CHAN Tai Wai no man-word
    assert desk.ids(typed) == ["SMR123456"]


def test_each_word_may_be_the_start_of_a_name_word(desk: Desk) -> None:
    assert desk.ids("pet ch ta") == ["SMR1234567"]
    assert desk.ids("ch ta-we") == ["123456"]  # CHEN Ta-Wen: the hyphen parts are words
    assert desk.ids("ch ta-w") == ["SMR1234567", "123456"]  # and Peter CHAN Tai Wai
    assert desk.ids("brien") == ["IEC000778"]


def test_every_typed_word_needs_a_different_name_word(desk: Desk) -> None:
    assert desk.ids("ka kai") == ["IEC000780"]  # LAU Kai Ka; WONG Ka Yan has one ka-word
    assert desk.ids("kai ka") == ["IEC000780"]
    assert desk.ids("ka kay") == []
    assert desk.ids("k ka kai") == []  # three k-words needed, LAU Kai Ka has two


def test_a_word_typed_twice_counts_once(desk: Desk) -> None:
    # stored names keep each word once: CHAN Ka Ka is chan + ka
    assert desk.ids("ka ka") == desk.ids("ka ka ka") == ["SMR125000", "IEC000777", "IEC000780"]


def test_a_word_no_name_has_finds_nothing(desk: Desk) -> None:
    page = desk.find("chan zebra")
    assert page.items == () and not page.has_more


# -- Chinese names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("陳", {"SMR123456", "SMR1234567", "123456", "IEC000777"}),
        ("大文", {"SMR123456", "123456"}),
        ("陳大文", {"SMR123456", "123456"}),
        ("文大", {"KLT000001"}),
        ("家嘉", {"IEC000777"}),
        ("陳 大文", {"SMR123456", "123456"}),
        ("陳大文大", set()),
    ],
)
def test_any_part_of_a_chinese_name_finds_it(desk: Desk, typed: str, expected: set[str]) -> None:
    page = desk.find(typed)
    assert set(r.id_number for r in page.items) == expected
    assert page.query_kind == "chinese"
    assert all(r.match == "chinese" for r in page.items)


def test_chinese_results_come_in_the_order_candidates_were_added(desk: Desk) -> None:
    assert desk.ids("陳") == ["SMR123456", "SMR1234567", "123456", "IEC000777"]


def test_chinese_and_english_words_together_must_both_match(desk: Desk) -> None:
    assert desk.ids("陳 peter") == ["SMR1234567"]


# -- email and phone --------------------------------------------------------------------------


def test_an_email_prefix_ignores_case(desk: Desk) -> None:
    page = desk.find("TaiMan.Chan@EX")
    assert [(r.id_number, r.match) for r in page.items] == [("SMR123456", "email")]
    assert page.query_kind == "email"


def test_one_word_is_also_an_email_prefix(desk: Desk) -> None:
    page = desk.find("wingsze")
    assert [(r.id_number, r.match) for r in page.items] == [("KA123456", "email")]


def test_a_dot_or_underscore_in_one_word_reads_as_an_email_only(desk: Desk) -> None:
    # "chan.tai" is how a caller spells an address, not a name: CHAN Tai Man
    # and Peter CHAN Tai Wai are not listed by name before the address
    page = desk.find("taiman.ch")
    assert page.query_kind == "email"
    assert [(r.id_number, r.match) for r in page.items] == [("SMR123456", "email")]
    assert desk.find("chan.tai").items == ()


@pytest.mark.parametrize(
    "typed", ["+852 9123-4567", "91234567", "9123 4567", "(852) 9123 4567", "852-9123-4567"]
)
def test_a_phone_number_in_any_format(desk: Desk, typed: str) -> None:
    page = desk.find(typed)
    assert [(r.id_number, r.match) for r in page.items] == [("SMR123456", "phone")]


def test_phone_digits_are_a_prefix_and_taiwan_numbers_work(desk: Desk) -> None:
    assert desk.ids("9123") == ["SMR123456"]
    assert desk.ids("+886 955 123 456") == ["KLT000001"]
    assert desk.ids("886 955 12") == ["KLT000001"]  # a Taiwan number typed half way


def test_digits_are_an_id_first_and_a_phone_after(desk: Desk) -> None:
    page = desk.find("1234")
    assert [r.match for r in page.items] == ["id_prefix"]
    page = desk.find("9876")
    assert [(r.id_number, r.match) for r in page.items] == [("IEC000779", "phone")]


# -- the rows ---------------------------------------------------------------------------------


def test_rows_carry_what_the_desk_shows(desk: Desk) -> None:
    with desk.services.db.write() as session:
        candidate_id = session.scalar(
            select(Candidate.id).where(Candidate.id_number == "SMR123456")
        )
        session.execute(
            update(ResultsAccount)
            .where(ResultsAccount.candidate_id == candidate_id)
            .values(
                registered_at=desk.clock.now() - timedelta(days=3),
                locked_until=desk.clock.now() + timedelta(minutes=12),
                failed_attempts=3,
            )
        )
        session.execute(
            update(ResultsAccount)
            .where(ResultsAccount.candidate_id != candidate_id)
            .values(locked_until=desk.clock.now() - timedelta(minutes=1))
        )
    row = desk.find("SMR123456").items[0]
    assert row == CandidateRow(
        candidate_id=row.candidate_id,
        id_number="SMR123456",
        name_en="CHAN Tai Man",
        name_zh="陳大文",
        date_of_birth=row.date_of_birth,
        centre="TW056",
        email="taiman.chan@example.com",
        phone="9123 4567",
        registered=True,
        locked=True,
        locked_until=desk.clock.now() + timedelta(minutes=12),
        match="id_exact",
    )
    other = desk.find("KLT000001").items[0]
    assert (other.registered, other.locked, other.locked_until) == (False, False, None)
    desk.clock.advance(minutes=13)
    assert desk.find("SMR123456").items[0].locked is False


# -- paging -----------------------------------------------------------------------------------


def test_pages_continue_each_other_without_repeats(desk: Desk) -> None:
    everything = desk.find("c", page_size=50)
    assert not everything.has_more
    seen: list[str] = []
    page_number = 0
    while True:
        page = desk.find("c", page=page_number, page_size=2)
        seen += [r.id_number for r in page.items]
        if not page.has_more:
            break
        assert len(page.items) == 2
        page_number += 1
    assert seen == [r.id_number for r in everything.items]
    assert len(seen) == len(set(seen)) > 4


def test_bad_page_numbers_are_refused(desk: Desk) -> None:
    for kwargs in ({"page": -1}, {"page_size": 0}, {"page_size": 501}, {"page": 10_000}):
        with pytest.raises(BadInput):
            desk.find("chan", **kwargs)


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["", "   ", "%", "_", "%%", "' OR 1=1 --", "😀", "*", '"', "\\", "NULL", "%a%"]
)
def test_odd_text_finds_nothing_and_does_not_fail(desk: Desk, typed: str) -> None:
    page = desk.find(typed)
    assert page.items == ()
    assert not page.has_more


def test_sql_wildcards_are_plain_characters(desk: Desk) -> None:
    # "mary_" must not match "maryxo@…": the underscore is a character, not "any character"
    assert "IEC000779" not in desk.ids("mary_")
    assert desk.ids("mary_o%") == ["IEC000778"]
    assert desk.ids("mary_o%brien@") == ["IEC000778"]


def test_emoji_are_ignored_around_real_words(desk: Desk) -> None:
    assert set(desk.ids("陳😀大文")) == {"SMR123456", "123456"}
    assert desk.ids("👨‍👩‍👧 peter") == ["SMR1234567"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("x" * 10_000, "text_too_long"), ("a" * 201, "text_too_long"), ("chan\x00", "invalid_text"),
     ("\x1b[2J", "invalid_text"), ("tai\nchan", "invalid_text"), ("a\udc80b", "invalid_text")],
)  # fmt: skip
def test_overlong_text_and_control_characters_are_bad_input(
    desk: Desk, typed: str, code: str
) -> None:
    with pytest.raises(BadInput) as error:
        desk.find(typed)
    assert error.value.code == code


def test_searching_is_not_audited_and_needs_an_active_staff_member(desk: Desk) -> None:
    with desk.services.db.read() as session:
        before = session.scalar(select(func.count()).select_from(AuditEvent))
    desk.find("chan")
    with desk.services.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == before
    admin = add_staff(desk.services, "admin")
    desk.services.staff.deactivate(admin, desk.staff.username, "left the centre")
    with pytest.raises(Refused):
        desk.find("chan")


# -- the rules hold for any text --------------------------------------------------------------


def _truly_matches(row: CandidateRow, query: Query, phone_of: dict[str, str | None]) -> bool:
    """An independent reading of each rule, on the row's own fields."""
    if row.match == "id_exact":
        return row.id_number == query.id_number
    if row.match == "id_prefix":
        return query.id_number is not None and row.id_number.startswith(query.id_number)
    if row.match == "email":
        return query.email is not None and (row.email or "").lower().startswith(query.email)
    if row.match == "phone":
        key = phone_key(phone_of[row.id_number] or "")
        return any(key.startswith(digits) for digits in query.phones)
    name = list(name_words(row.name_en))
    for word in sorted(query.words, key=len, reverse=True):
        taken = next((w for w in name if w.startswith(word)), None)
        if taken is None:
            return False
        name.remove(taken)
    if row.match == "chinese":
        return query.chinese is not None and query.chinese in (row.name_zh or "")
    return row.match == "name" and bool(query.words)


_TEXT = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="chantimwkyeo 陳大文%_@+-'9123456SMR", max_size=30),
    st.sampled_from([p[0] for p in PEOPLE] + [p[1] for p in PEOPLE] + [p[3] for p in PEOPLE]),
)


def test_any_text_either_is_bad_input_or_finds_only_true_matches(desk: Desk) -> None:
    phone_of = {p[0]: p[4] for p in PEOPLE}
    outcomes: set[str] = set()

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=_TEXT)
    def check(text: str) -> None:
        try:
            page = desk.find(text)
        except BadInput:
            outcomes.add("refused")
            return
        query = classify(text)
        ids = [row.id_number for row in page.items]
        assert len(ids) == len(set(ids))
        for row in page.items:
            assert _truly_matches(row, query, phone_of), (text, row)
        outcomes.add("found" if page.items else "nothing")

    check()
    # the matches were checked, not only refusals (the names of PEOPLE are among the texts)
    assert "found" in outcomes, outcomes
