"""Reason presets: seeded in both languages, read by every desk, changed by supervisors."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actions.reason_presets import MAX_PRESETS, PRESET_ACTIONS
from desk_app.services.errors import BadInput, PermissionDenied
from desk_app.services.registry import Services
from tests.support.factories import add_staff


def changes(services: Services) -> list[dict[str, object]]:
    with services.db.read() as session:
        rows = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "reason_presets_changed")
        )
        return [json.loads(detail) for detail in rows]


def test_every_action_is_seeded_in_both_languages(services: Services) -> None:
    table = services.reason_presets.all(add_staff(services, "operator"))
    assert set(table) == set(PRESET_ACTIONS)
    for action, presets in table.items():
        assert 2 <= len(presets) <= MAX_PRESETS, action
        assert [p.number for p in presets] == list(range(1, len(presets) + 1))
        for preset in presets:
            assert preset.text_en.isascii() and preset.text_zh and not preset.text_zh.isascii()
            assert preset.text("en") == preset.text_en
            assert preset.text("zh_HK") == preset.text_zh
    assert table["reissue_letter"][0].text("zh_HK") == "遺失密碼信"


def test_a_supervisor_replaces_an_actions_list_audited(services: Services) -> None:
    supervisor = add_staff(services, "supervisor", "sup.ho")
    before = services.reason_presets.all(supervisor)["unlock"]
    after = services.reason_presets.replace(
        supervisor,
        "unlock",
        [
            ("  Interview today: cannot wait  ", " 今日面試，未能等候 "),
            ("Called twice today", None),
        ],
    )
    assert [(p.number, p.text_en, p.text_zh) for p in after] == [
        (1, "Interview today: cannot wait", "今日面試，未能等候"),
        (2, "Called twice today", None),
    ]
    assert after[1].text("zh_HK") == "Called twice today"  # English where no Chinese was given
    table = services.reason_presets.all(add_staff(services, "operator"))
    assert table["unlock"] == after
    assert table["send_reset"][0].text_en.startswith("Forgotten password")  # others unchanged
    (change,) = changes(services)
    assert change["action"] == "unlock"
    assert change["before"] == [[p.text_en, p.text_zh] for p in before]
    assert change["after"] == [
        ["Interview today: cannot wait", "今日面試，未能等候"],
        ["Called twice today", None],
    ]
    # the same list again changes nothing and writes nothing
    assert (
        services.reason_presets.replace(
            supervisor, "unlock", [(p.text_en, p.text_zh) for p in after]
        )
        == after
    )
    assert len(changes(services)) == 1
    # an empty list is allowed: the action then asks for a free text only
    assert services.reason_presets.replace(supervisor, "unlock", []) == ()
    assert services.audit.verify().ok


@pytest.mark.parametrize("role", ["operator", "counter", "admin"])
def test_only_supervisors_change_the_presets(services: Services, role: str) -> None:
    staff = add_staff(services, role)
    with pytest.raises(PermissionDenied):
        services.reason_presets.replace(staff, "unlock", [("Anything", None)])
    assert changes(services) == []


@pytest.mark.parametrize(
    ("action", "texts", "code"),
    [
        ("unlock", [("", "空白")], "required"),
        ("unlock", [("x" * 201, None)], "text_too_long"),
        ("unlock", [("bad\x00text", None)], "invalid_text"),
        ("unlock", [(f"reason {n}", None) for n in range(10)], "too_many_presets"),
        ("delete_everything", [("why", None)], "unknown_preset_action"),
    ],
)
def test_bad_presets_are_refused_and_nothing_changes(
    services: Services, action: str, texts: list[tuple[str, str | None]], code: str
) -> None:
    supervisor = add_staff(services, "supervisor")
    before = services.reason_presets.all(supervisor)
    with pytest.raises(BadInput) as refused:
        services.reason_presets.replace(supervisor, action, texts)
    assert refused.value.code == code
    assert services.reason_presets.all(supervisor) == before
    assert changes(services) == []
