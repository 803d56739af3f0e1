"""The desk's answers in the database: the seeds' text, search in both languages, supervisors'
edits audited with the old and new text, an answer emailed through the outbox."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent, OutboxMessage
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.errors import BadInput, NotFound, PermissionDenied, Refused
from desk_app.services.knowledge.answers import AnswerTexts, fill_answer
from desk_app.services.knowledge.facts import facts_of, read_facts
from desk_app.services.knowledge.placeholders import PLACEHOLDERS, placeholders_in
from desk_app.services.registry import Services
from tests.support.desk_window import lock, register
from tests.support.factories import add_staff, make_candidate

SEED_KEYS = {
    "locked", "secret_locked", "how_to_register", "password_rule", "id_and_secret",
    "lost_letter", "cannot_log_in", "forgotten_password", "release_date", "read_results",
    "certificate", "no_breakdown", "name_wrong", "registration_emails", "contact_office",
}  # fmt: skip


def texts_of(services: Services, key: str) -> AnswerTexts:
    staff = add_staff(services, "operator")
    answer = next(a for a in services.knowledge.answers(staff) if a.key == key)
    return AnswerTexts(answer.title_en, answer.title_zh, answer.body_en, answer.body_zh)


def audit_events(services: Services, action: str) -> list[AuditEvent]:
    with services.db.read() as session:
        rows = list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))
        session.expunge_all()
        return rows


def test_the_seeds_are_the_first_answers(services: Services) -> None:
    staff = add_staff(services, "operator")
    answers = services.knowledge.answers(staff)
    assert {a.key for a in answers} == SEED_KEYS
    assert [a.position for a in answers] == sorted(a.position for a in answers)
    for answer in answers:
        assert answer.version == 1 and answer.updated_by is None
        for text in (answer.title_en, answer.title_zh, answer.body_en, answer.body_zh):
            assert text.strip()
            assert set(placeholders_in(text)) <= set(PLACEHOLDERS), (answer.key, text)
        # no office number is written into an answer: the settings give it
        assert "2913" not in answer.body_en + answer.body_zh
        assert "examinations@" not in answer.body_en + answer.body_zh
    locked = next(a for a in answers if a.key == "locked")
    assert "{time_left}" in locked.body_en and "{time_left}" in locked.body_zh


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("certificate", "certificate"),
        ("證書", "certificate"),
        ("封鎖", "locked"),
        ("LOCKED", "locked"),
        ("compatibility view", "cannot_log_in"),
        ("相容性", "cannot_log_in"),
        ("自訂密碼", "how_to_register"),
        ("breakdown", "no_breakdown"),
    ],
)
def test_a_word_in_either_language_finds_the_answer(
    services: Services, query: str, expected: str
) -> None:
    staff = add_staff(services, "counter")
    found = [a.key for a in services.knowledge.search(staff, query)]
    assert expected in found
    assert len(found) < len(SEED_KEYS)


def test_search_edge_cases(services: Services) -> None:
    staff = add_staff(services, "operator")
    assert len(services.knowledge.search(staff, "  ")) == len(SEED_KEYS)
    assert services.knowledge.search(staff, "no-such-word-here") == ()
    # LIKE's wildcards are plain characters
    assert services.knowledge.search(staff, "%") == ()
    assert services.knowledge.search(staff, "密碼信 lost") != ()


def test_a_supervisor_edits_an_answer_audited_with_old_and_new(services: Services) -> None:
    supervisor = add_staff(services, "supervisor", "chan.sv")
    old = texts_of(services, "certificate")
    new = replace(old, body_en=old.body_en + " Ask your centre first.")
    saved = services.knowledge.save(
        supervisor, "certificate", new, version=1, reason="centres asked for it"
    )
    assert saved.version == 2 and saved.updated_by == "chan.sv"
    assert saved.body_en.endswith("Ask your centre first.")
    (event,) = audit_events(services, "answer_edited")
    assert event.actor == "chan.sv" and event.subject == "certificate"
    assert event.reason == "centres asked for it"
    detail = json.loads(event.detail)
    assert detail["old"] == {"body_en": old.body_en}
    assert detail["new"] == {"body_en": new.body_en}
    # the editor opened version 1: a second save of it is refused, nothing changes
    with pytest.raises(Refused) as stale:
        services.knowledge.save(supervisor, "certificate", old, version=1, reason="undo")
    assert stale.value.code == "answer_changed"
    with pytest.raises(Refused) as same:
        services.knowledge.save(supervisor, "certificate", new, version=2, reason="again")
    assert same.value.code == "answer_unchanged"
    assert len(audit_events(services, "answer_edited")) == 1


def test_only_supervisors_edit_and_bad_text_is_refused(services: Services) -> None:
    texts = texts_of(services, "locked")
    for role in ("operator", "counter", "admin"):
        with pytest.raises(PermissionDenied):
            services.knowledge.save(
                add_staff(services, role), "locked", texts, version=1, reason="x"
            )
    supervisor = add_staff(services, "supervisor")
    bad = replace(texts, body_zh=texts.body_zh + "{phone}")
    with pytest.raises(BadInput) as unknown:
        services.knowledge.save(supervisor, "locked", bad, version=1, reason="typo")
    assert unknown.value.code == "answer_placeholder"
    with pytest.raises(BadInput) as empty:
        services.knowledge.save(
            supervisor, "locked", replace(texts, title_zh=" "), version=1, reason="x"
        )
    assert (empty.value.code, empty.value.params) == ("required", {"field": "answer_title"})
    with pytest.raises(BadInput) as no_reason:
        services.knowledge.save(supervisor, "locked", texts, version=1, reason="")
    assert no_reason.value.code == "reason_required"
    with pytest.raises(NotFound):
        services.knowledge.save(supervisor, "nothing", texts, version=1, reason="x")
    assert audit_events(services, "answer_edited") == []


def test_an_answer_is_emailed_to_the_candidate_filled_in_and_audited(services: Services) -> None:
    make_candidate(services)
    register(services)
    lock(services)
    operator = add_staff(services, "operator", "wong.op")
    sent = services.knowledge.email(operator, "smr 123456", "locked", to="on_file")
    assert sent.to_address == "taiman.chan@example.com" and sent.language == "en"
    with services.db.read() as session:
        message = session.get(OutboxMessage, sent.outbox_id)
        assert message is not None
        body, subject, kind = message.body, message.subject, message.kind
    assert kind == "answer"
    assert subject == "Account locked: wait, or reset the password"
    assert "unlocks by itself in 30 minutes" in body
    assert "帳戶將於30分鐘後" in body  # the Chinese below the English
    assert "{" not in body and "2913 5100" in body
    (event,) = audit_events(services, "answer_emailed")
    assert event.actor == "wong.op" and event.subject == "SMR123456"
    assert json.loads(event.detail)["answer"] == "locked"


def test_no_address_no_email_and_roles(services: Services) -> None:
    make_candidate(services, email=None)
    operator = add_staff(services, "operator")
    for to in ("on_file", "registered"):
        with pytest.raises(Refused) as refused:
            services.knowledge.email(operator, "SMR123456", "certificate", to=to)  # type: ignore[arg-type]
        assert refused.value.code == "answer_no_address"
    with pytest.raises(PermissionDenied):
        services.knowledge.email(
            add_staff(services, "admin"), "SMR123456", "certificate", to="on_file"
        )
    assert audit_events(services, "answer_emailed") == []


def test_the_screen_and_the_email_see_the_same_facts(services: Services) -> None:
    make_candidate(services)
    make_candidate(services, "SMR000777", exam="DELTA1", released=False)
    register(services)
    lock(services)
    staff = add_staff(services, "supervisor")
    for id_number in ("SMR123456", "SMR000777"):
        detail = services.candidates.show(staff, id_number)
        now = services.clock.now()
        with services.db.read() as session:
            candidate = find_candidate(session, id_number, services.settings)
            assert read_facts(session, candidate, now) == facts_of(detail)


def test_the_pane_fills_the_answer_for_the_candidate_on_screen(services: Services) -> None:
    make_candidate(services, exam="DELTA1")
    staff = add_staff(services, "operator")
    detail = services.candidates.show(staff, "SMR123456")
    found = services.knowledge.situation(detail)
    assert "no_breakdown" in [s.key for s in found.suggestions]
    answer = next(a for a in services.knowledge.answers(staff) if a.key == "no_breakdown")
    filled = fill_answer(answer, found.values)
    assert "Delta Module One" in filled.text[0] and "Delta 單元一" in filled.text[1]
