"""Which answers fit the candidate on screen, state by state, and what their placeholders say."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from desk_app.services.errors import BadInput
from desk_app.services.knowledge.answers import Answer, listing
from desk_app.services.knowledge.facts import CandidateFacts, EntryFacts
from desk_app.services.knowledge.placeholders import PLACEHOLDERS, check_placeholders, fill
from desk_app.services.knowledge.situation import focus_entry, situation
from desk_app.settings import LockoutPolicy, OfficeInfo, PasswordPolicy, Settings

NOW = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)  # 10:00 in Hong Kong
KET = EntryFacts(1, ("A2 Key for Schools", "劍橋英語 KET（青少年版）"), ("July 2014", "2014年7月"),
                 True, NOW - timedelta(days=10))  # fmt: skip
DELTA = EntryFacts(2, ("Delta Module One", "Delta 單元一"), ("June 2026", "2026年6月"),
                   False, NOW - timedelta(days=3))  # fmt: skip
CANDIDATE = CandidateFacts(
    candidate_id=7,
    id_number="SMR123456",
    name=("CHAN Tai Man", "陳大文"),
    centre=("TW056 Prestige English Centre", "TW056 倫敦英語中心"),
    language="zh_HK",
    registered=True,
    registered_email="taiman.chan@example.com",
    email_on_file="taiman.chan@example.com",
    locked_until=None,
    secret_locked_until=None,
    entries=(KET,),
)


def keys(facts: CandidateFacts | None, settings: Settings | None = None, **kw: object) -> list[str]:
    found = situation(settings or Settings(), facts, NOW, **kw)  # type: ignore[arg-type]
    return [s.key for s in found.suggestions]


def test_no_candidate_offers_nothing_but_fills_the_office() -> None:
    found = situation(Settings(), None, NOW)
    assert found.suggestions == ()
    assert found.values["hotline"] == ("2913 5100", "2913 5100")
    assert "time_left" not in found.values


def test_a_locked_caller_gets_the_time_left_and_what_to_do() -> None:
    facts = replace(CANDIDATE, locked_until=NOW + timedelta(minutes=23, seconds=20))
    found = situation(Settings(), facts, NOW)
    assert [s.key for s in found.suggestions][:2] == ["locked", "forgotten_password"]
    assert found.why("locked") == "locked"
    # what a failed log-in means is not offered while the account is locked
    assert "cannot_log_in" not in [s.key for s in found.suggestions]
    assert found.values["time_left"] == ("23 minutes", "23分鐘")  # as the pane's countdown says
    assert found.values["locked_until"] == (
        "21 November 2026, 10:23 (Hong Kong time)",
        "2026年11月21日 10:23（香港時間）",
    )


def test_the_lock_rule_comes_from_the_settings() -> None:
    settings = Settings(lockout=LockoutPolicy(threshold=5, lock_minutes=60))
    values = situation(settings, CANDIDATE, NOW).values
    assert values["lock_attempts"] == ("5", "五")
    assert values["lock_minutes"] == ("1 hour", "1小時")


def test_a_secret_number_block_offers_the_lost_letter() -> None:
    facts = replace(CANDIDATE, registered=False, secret_locked_until=NOW + timedelta(minutes=5))
    assert keys(facts)[:4] == ["secret_locked", "lost_letter", "how_to_register", "password_rule"]


def test_not_registered_gets_the_steps_and_the_password_rule_from_the_settings() -> None:
    settings = Settings(password=PasswordPolicy(min_length=10, min_digits=3))
    facts = replace(CANDIDATE, registered=False, registered_email=None)
    found = situation(settings, facts, NOW)
    assert [s.key for s in found.suggestions][:2] == ["how_to_register", "password_rule"]
    rule_en, rule_zh = found.values["password_rule"]
    assert "at least 10 characters" in rule_en and "at least 3 numbers" in rule_en
    assert "最少10個字元" in rule_zh and "最少3個數字" in rule_zh


def test_results_not_released_give_the_release_date() -> None:
    waiting = replace(KET, release_at=datetime(2026, 12, 4, 16, 0, tzinfo=UTC))  # 5 Dec in HK
    found = situation(Settings(), replace(CANDIDATE, entries=(waiting,)), NOW)
    assert "release_date" in [s.key for s in found.suggestions]
    assert "certificate" not in [s.key for s in found.suggestions]
    assert found.values["release_date"] == ("5 December 2026", "2026年12月5日")
    assert found.values["exam"] == KET.exam


def test_released_results_give_the_certificate_window_as_dates() -> None:
    released = replace(KET, release_at=datetime(2026, 8, 4, 16, 0, tzinfo=UTC))  # 5 Aug in HK
    found = situation(Settings(), replace(CANDIDATE, entries=(released,)), NOW)
    listed = [s.key for s in found.suggestions]
    assert {"certificate", "name_wrong", "read_results"} <= set(listed)
    assert "release_date" not in listed and "no_breakdown" not in listed
    assert found.why("certificate") == "released"
    # 4–8 weeks after release (the seeds), as days
    assert found.values["certificate_from"] == ("2 September 2026", "2026年9月2日")
    assert found.values["certificate_to"] == ("30 September 2026", "2026年9月30日")
    assert found.values["certificate_weeks"] == ("4–8 weeks", "4至8星期")


def test_an_exam_without_a_breakdown_says_so() -> None:
    found = situation(Settings(), replace(CANDIDATE, entries=(KET, DELTA)), NOW, entry_id=2)
    assert found.entry == DELTA
    assert "no_breakdown" in [s.key for s in found.suggestions]
    assert found.values["exam"] == ("Delta Module One", "Delta 單元一")


def test_the_exam_in_question_is_the_selected_else_the_awaited_else_the_latest() -> None:
    awaited = replace(KET, entry_id=3, release_at=NOW + timedelta(days=4))
    entries = (KET, DELTA, awaited)
    assert focus_entry(entries, 1, NOW) == KET
    assert focus_entry(entries, None, NOW) == awaited
    assert focus_entry((KET, DELTA), None, NOW) == DELTA
    assert focus_entry((replace(KET, release_at=None),), None, NOW) is not None
    assert focus_entry((), None, NOW) is None


def test_filling_uses_each_language_and_marks_what_is_missing() -> None:
    values = situation(Settings(office=OfficeInfo(hotline="3000 0000")), None, NOW).values
    text = "Call {hotline} before {release_date}."
    assert fill(text, values, "en") == "Call 3000 0000 before [the release date]."
    assert fill("請致電 {hotline}，{release_date}", values, "zh_HK") == (
        "請致電 3000 0000，〔成績公佈日期〕"
    )
    # braces that are not a placeholder stay as they are; nothing is evaluated
    assert fill("{0.__class__} {nope}", values, "en") == "{0.__class__} {nope}"


def test_only_known_placeholders_may_be_saved() -> None:
    check_placeholders("Call {hotline} on {release_date}.", "answer_text")
    with pytest.raises(BadInput) as unknown:
        check_placeholders("Call {phone_number}.", "answer_text")
    assert unknown.value.code == "answer_placeholder"
    assert unknown.value.params == {"name": "phone_number", "field": "answer_text"}
    with pytest.raises(BadInput) as unpaired:
        check_placeholders("Call {hotline.", "answer_text")
    assert unpaired.value.code == "answer_braces"


def test_every_placeholder_has_a_value_for_a_locked_candidate_with_a_result() -> None:
    facts = replace(CANDIDATE, locked_until=NOW + timedelta(minutes=5))
    values = situation(Settings(), facts, NOW).values
    assert set(values) == set(PLACEHOLDERS)


def test_the_list_puts_what_fits_first_and_a_search_narrows_it() -> None:
    answers = [
        Answer(key, number, key, key, "", "", 1)
        for number, key in enumerate(["locked", "how_to_register", "certificate", "name_wrong"])
    ]
    facts = replace(CANDIDATE, locked_until=NOW + timedelta(minutes=5))
    found = situation(Settings(), facts, NOW)
    shown = [(a.key, why) for a, why in listing(answers, found)]
    assert shown == [
        ("locked", "locked"),
        ("certificate", "released"),
        ("name_wrong", "released"),
        ("how_to_register", None),
    ]
    narrowed = [
        (a.key, why) for a, why in listing(answers, found, {"name_wrong", "how_to_register"})
    ]
    assert narrowed == [("name_wrong", "released"), ("how_to_register", None)]
    assert [a.key for a, _ in listing(answers, situation(Settings(), None, NOW))] == [
        a.key for a in answers
    ]
