"""Demo data on both databases: deterministic, complete, consistent, and only into an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desk_app.database import Database
from desk_app.demo.catalogue import EXAM_BY_CODE
from desk_app.demo.generate import DEMO_STAFF, DemoReport, make_demo
from desk_app.demo.secrets import demo_password, demo_secret_number
from desk_app.models import (
    AccountEvent,
    AuditEvent,
    Candidate,
    Centre,
    Entry,
    Exam,
    Letter,
    Paper,
    PaperScore,
    Result,
    ResultsAccount,
    SearchToken,
    Staff,
)
from desk_app.schema import upgrade
from desk_app.services.actor import TerminalUser
from desk_app.services.errors import BadInput, Refused
from desk_app.services.registry import Services
from desk_app.services.search.keys import email_key, phone_key_of, token_rows
from tests.support.clock import ManualClock
from tests.support.factories import make_candidate, make_services

COUNT = 300
SEED = 7


def _demo(services: Services, count: int = COUNT, seed: int = SEED) -> DemoReport:
    return make_demo(
        services.db,
        services.settings,
        services.clock,
        services.hasher,
        candidates=count,
        seed=seed,
    )


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    made = make_services(database_url, ManualClock())
    try:
        yield made
    finally:
        made.db.dispose()


@pytest.fixture
def demo(services: Services) -> DemoReport:
    return _demo(services)


def _count(services: Services, model: Any) -> int:
    with services.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _snapshot(db: Database) -> list[tuple[Any, ...]]:
    """Everything a candidate is, in plain values, to compare two databases."""
    with db.read() as session:
        rows: list[tuple[Any, ...]] = []
        for c in session.scalars(select(Candidate).order_by(Candidate.id)):
            rows.append(
                (c.id_number, c.name_en, c.name_zh, c.date_of_birth, c.email, c.phone,
                 c.centre.code, c.language)
            )  # fmt: skip
        query = (
            select(Candidate.id_number, Exam.code, Result.grade, Result.cefr, Result.score,
                   Result.release_at)
            .join(Entry, Entry.candidate_id == Candidate.id)
            .join(Exam, Exam.id == Entry.exam_id)
            .join(Result, Result.entry_id == Entry.id)
            .order_by(Entry.id)
        )  # fmt: skip
        rows += [tuple(row) for row in session.execute(query)]
        accounts = select(
            ResultsAccount.registered_at, ResultsAccount.failed_attempts,
            ResultsAccount.locked_until, ResultsAccount.lock_source,
        ).order_by(ResultsAccount.id)  # fmt: skip
        rows += [tuple(row) for row in session.execute(accounts)]
        return rows


def test_the_counts_add_up(services: Services, demo: DemoReport) -> None:
    assert demo.candidates == _count(services, Candidate) == COUNT
    assert demo.entries == demo.results == _count(services, Result) == _count(services, Entry)
    assert COUNT <= demo.entries <= 3 * COUNT
    assert _count(services, Letter) == COUNT + demo.reissued
    assert _count(services, ResultsAccount) == COUNT
    assert _count(services, SearchToken) == demo.search_tokens
    assert 0.25 * COUNT < demo.registered < 0.55 * COUNT
    assert demo.locked >= 1 and demo.unreleased >= 1 and demo.reissued >= 1


def test_the_seeds_sample_candidate_is_there(services: Services, demo: DemoReport) -> None:
    with services.db.read() as session:
        known = session.scalars(select(Candidate).where(Candidate.id_number == "SMR123456")).one()
        assert (known.name_en, known.name_zh) == ("CHAN Tai Man", "陳大文")
        letter = session.scalars(select(Letter).where(Letter.candidate_id == known.id)).one()
        assert services.hasher.verify(letter.secret_hash, "4821")
    assert demo.examples[0].id_number == "SMR123456"
    assert demo.examples[0].secret_number == "4821"


def test_the_same_seed_makes_the_same_data(
    services: Services, demo: DemoReport, tmp_path: Path
) -> None:
    other_url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    upgrade(other_url)
    other = make_services(other_url, ManualClock())
    try:
        again = _demo(other)
        assert _snapshot(other.db) == _snapshot(services.db)
        assert again.examples == demo.examples
    finally:
        other.db.dispose()


def test_another_seed_makes_other_data(tmp_path: Path, services: Services) -> None:
    _demo(services, count=20, seed=1)
    other_url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    upgrade(other_url)
    other = make_services(other_url, ManualClock())
    try:
        _demo(other, count=20, seed=2)
        assert _snapshot(other.db)[1:20] != _snapshot(services.db)[1:20]
    finally:
        other.db.dispose()


def test_a_database_with_candidates_is_refused_and_left_alone(
    services: Services, demo: DemoReport
) -> None:
    staff_before, audit_before = _count(services, Staff), _count(services, AuditEvent)
    with pytest.raises(Refused) as refused:
        _demo(services, seed=99)
    assert refused.value.code == "demo_not_empty"
    assert _count(services, Candidate) == COUNT
    assert (_count(services, Staff), _count(services, AuditEvent)) == (staff_before, audit_before)


def test_existing_staff_refuse_the_demo_and_nothing_is_written(services: Services) -> None:
    # the demo's published logins must never sit beside real staff
    services.staff.add(TerminalUser("test"), "chan.admin", "admin", "some-password-1")
    with pytest.raises(Refused) as refused:
        _demo(services)
    assert refused.value.code == "demo_not_empty"
    assert _count(services, Candidate) == 0 and _count(services, Staff) == 1


def test_a_silly_count_is_bad_input(services: Services) -> None:
    for count in (0, -5, 10**9):
        with pytest.raises(BadInput):
            _demo(services, count=count)


def test_every_demo_staff_member_can_sign_in(services: Services, demo: DemoReport) -> None:
    assert [(s.username, s.role, s.password) for s in demo.staff] == [
        (username, role, password) for username, role, password, *_ in DEMO_STAFF
    ]
    for login in demo.staff:
        identity = services.staff.authenticate(login.username, login.password)
        assert identity.role == login.role


def test_some_accounts_are_locked_now_with_their_timeline(
    services: Services, demo: DemoReport
) -> None:
    now = services.clock.now()
    with services.db.read() as session:
        locked = session.scalars(
            select(ResultsAccount).where(ResultsAccount.locked_until > now)
        ).all()
        assert len(locked) == demo.locked
        for account in locked:
            assert account.registered_at is not None and account.failed_attempts == 3
            assert account.locked_until is not None and account.locked_at is not None
            assert 0 < (account.locked_until - now).total_seconds() <= 30 * 60
            kinds = session.scalars(
                select(AccountEvent.kind)
                .where(AccountEvent.account_id == account.id)
                .order_by(AccountEvent.at, AccountEvent.id)
            ).all()
            assert kinds[-4:] == ["login_failed", "login_failed", "login_failed", "locked"]
        example = demo.examples[2]
        assert example.locked and example.password == demo_password(example.id_number, SEED)
        account = session.scalars(
            select(ResultsAccount)
            .join(Candidate, Candidate.id == ResultsAccount.candidate_id)
            .where(Candidate.id_number == example.id_number)
        ).one()
        assert services.hasher.verify(account.password_hash, example.password)


def test_results_are_consistent_with_their_papers_and_bands(
    services: Services, demo: DemoReport
) -> None:
    now = services.clock.now()
    with services.db.read() as session:
        query = (
            select(Exam.code, Result.id, Result.grade, Result.cefr, Result.score, Result.release_at)
            .join(Entry, Entry.exam_id == Exam.id)
            .join(Result, Result.entry_id == Entry.id)
        )
        papers: dict[int, list[int]] = {}
        for result_id, score in session.execute(select(PaperScore.result_id, PaperScore.score)):
            papers.setdefault(result_id, []).append(score)
        grades: set[str] = set()
        unreleased = 0
        for code, result_id, grade, cefr, score, release_at in session.execute(query):
            exam = EXAM_BY_CODE[code]
            assert exam.score_min <= score <= exam.score_max
            assert (grade, cefr) == exam.grade_of(score)
            scores = papers.get(result_id, [])
            assert len(scores) == len(exam.papers)
            if exam.scoring == "shields":
                assert score == sum(scores)
            elif scores:
                assert score == round(sum(scores) / len(scores))
            grades.add(grade)
            unreleased += release_at > now
        assert unreleased == demo.unreleased
        assert {"PASS WITH MERIT", "PASS"} <= grades
        delta = session.scalars(select(Exam).where(Exam.code == "DELTA1")).one()
        assert not delta.has_paper_breakdown
        assert (
            session.scalar(select(func.count()).select_from(Paper).where(Paper.exam_id == delta.id))
            == 0
        )
        regions = set(session.scalars(select(Centre.region)))
        assert regions == {"HK", "TW"}


def test_search_keys_are_stored_for_every_candidate(services: Services, demo: DemoReport) -> None:
    with services.db.read() as session:
        tokens: dict[int, set[tuple[str, str]]] = {}
        for kind, token, candidate_id in session.execute(
            select(SearchToken.kind, SearchToken.token, SearchToken.candidate_id)
        ):
            tokens.setdefault(candidate_id, set()).add((kind, token))
        for c in session.scalars(select(Candidate)):
            assert tokens[c.id] == set(token_rows(c.name_en, c.name_zh))
            assert c.email_key == email_key(c.email)
            assert c.phone_key == phone_key_of(c.phone)
            assert isinstance(c.date_of_birth, date)


def test_reissued_letters_replace_the_old_one(services: Services, demo: DemoReport) -> None:
    with services.db.read() as session:
        reissued = session.scalars(select(Letter).where(Letter.number == 1)).all()
        assert len(reissued) == demo.reissued
        for letter in reissued:
            first = session.scalars(
                select(Letter).where(Letter.candidate_id == letter.candidate_id, Letter.number == 0)
            ).one()
            assert letter.active and not first.active
            assert letter.issued_by_id is not None and letter.reason
            assert letter.issued_at >= first.issued_at
            id_number = session.get(Candidate, letter.candidate_id).id_number  # type: ignore[union-attr]
            if letter.secret_hash is not None:
                assert services.hasher.verify(
                    letter.secret_hash, demo_secret_number(id_number, SEED)
                )


def test_one_audit_event_records_the_demo(services: Services, demo: DemoReport) -> None:
    with services.db.read() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.actor)).all()
    assert [tuple(e) for e in events] == [("demo_data_created", "system")]
    assert services.audit.verify().ok


def test_new_rows_after_the_demo_get_fresh_ids(services: Services, demo: DemoReport) -> None:
    candidate_id = make_candidate(services, "ZZ999999", name_en="NEW Person")
    assert candidate_id > COUNT
    assert isinstance(services.clock.now(), datetime)
