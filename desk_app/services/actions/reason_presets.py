"""The reasons each desk action offers, numbered 1–9: one key chooses one.

Every staff action is done with a reason (audited with it). Most calls give
one of a few reasons, so each action keeps a short list of them in English
and Chinese (Hong Kong); the desk shows the list in the staff member's
language (English where no Chinese was given) and a free text is still
possible. Supervisors change an action's list as a whole
(:meth:`ReasonPresetService.replace`, audited as ``reason_presets_changed``
with the list before and after); everyone reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import ReasonPreset as PresetRow
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.permissions import Action
from desk_app.services.validation import clean_text
from desk_app.settings import Settings

#: the desk actions that ask for a reason, in the order the desk lists them
PRESET_ACTIONS = (
    "unlock",
    "send_reset",
    "temp_password",
    "change_email",
    "reissue_letter",
    "print_statement",
)
#: keys 1–9 choose a reason
MAX_PRESETS = 9
MAX_PRESET_TEXT = 200


@dataclass(frozen=True)
class ReasonPreset:
    action: str
    #: 1–9: the key that chooses it
    number: int
    text_en: str
    text_zh: str | None

    def text(self, language: str) -> str:
        """The reason in ``language`` ("en" or "zh_HK"); English where no Chinese was given."""
        if language.startswith("zh") and self.text_zh:
            return self.text_zh
        return self.text_en


#: each action's reasons, numbered from 1
PresetTable = Mapping[str, tuple[ReasonPreset, ...]]


def _read(session: Session, action: str | None = None) -> dict[str, tuple[ReasonPreset, ...]]:
    query = select(PresetRow).order_by(PresetRow.action, PresetRow.position)
    if action is not None:
        query = query.where(PresetRow.action == action)
    table: dict[str, list[ReasonPreset]] = {name: [] for name in PRESET_ACTIONS}
    for row in session.scalars(query):
        if row.action in table:
            table[row.action].append(
                ReasonPreset(row.action, len(table[row.action]) + 1, row.text_en, row.text_zh)
            )
    return {name: tuple(presets) for name, presets in table.items()}


def _cleaned(
    action: str, texts: Sequence[tuple[str, str | None]]
) -> tuple[tuple[str, str | None], ...]:
    if action not in PRESET_ACTIONS:
        raise BadInput("unknown_preset_action", value=action[:40])
    if len(texts) > MAX_PRESETS:
        raise BadInput("too_many_presets", limit=MAX_PRESETS)
    cleaned = []
    for english, chinese in texts:
        text_en = clean_text(english, "reason_preset", MAX_PRESET_TEXT)
        text_zh = clean_text(chinese or "", "reason_preset", MAX_PRESET_TEXT, required=False)
        cleaned.append((text_en, text_zh or None))
    return tuple(cleaned)


class ReasonPresetService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def all(self, staff: StaffIdentity) -> PresetTable:
        """Every action's reasons (read by every desk; not audited: no one's data)."""
        with self._db.read() as session:
            authorise(session, staff, Action.VIEW_CANDIDATE)
            return _read(session)

    def replace(
        self, staff: StaffIdentity, action: str, texts: Sequence[tuple[str, str | None]]
    ) -> tuple[ReasonPreset, ...]:
        """Make ``texts`` ((English, Chinese or None), in order) the reasons of ``action``.

        The whole list changes in one transaction and is audited with the
        list before and after; an unchanged list writes nothing.
        """
        wanted = _cleaned(action, texts)
        with self._db.write() as session:
            authorise(session, staff, Action.EDIT_REASON_PRESETS)
            before = _read(session, action)[action]
            if tuple((p.text_en, p.text_zh) for p in before) == wanted:
                return before
            session.execute(delete(PresetRow).where(PresetRow.action == action))
            now = self._clock.now()
            for position, (text_en, text_zh) in enumerate(wanted, start=1):
                session.add(
                    PresetRow(
                        action=action,
                        position=position,
                        text_en=text_en,
                        text_zh=text_zh,
                        updated_at=now,
                        updated_by_id=staff.id,
                    )
                )
            session.flush()
            after = _read(session, action)[action]
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "reason_presets_changed",
                detail={
                    "action": action,
                    "before": [[p.text_en, p.text_zh] for p in before],
                    "after": [[p.text_en, p.text_zh] for p in after],
                },
            )
            return after
