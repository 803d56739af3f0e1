"""Call notes: what was said and done on a call or at the counter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import CallNote, Staff
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.permissions import Action
from desk_app.services.validation import clean_text
from desk_app.settings import Settings

CHANNELS = ("phone", "counter", "email")
MAX_NOTE = 4000


@dataclass(frozen=True)
class NoteView:
    id: int
    created_at: datetime
    staff: str
    channel: str
    text: str


def notes_of(session: Session, candidate_id: int) -> list[NoteView]:
    """The candidate's call notes, newest first (inside the caller's unit of work)."""
    rows = session.execute(
        select(CallNote, Staff.username)
        .join(Staff, Staff.id == CallNote.staff_id)
        .where(CallNote.candidate_id == candidate_id)
        .order_by(CallNote.created_at.desc(), CallNote.id.desc())
    )
    return [NoteView(n.id, n.created_at, username, n.channel, n.text) for n, username in rows]


class NoteService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def add(
        self, staff: StaffIdentity, id_number: str, text: str, *, channel: str = "phone"
    ) -> NoteView:
        if channel not in CHANNELS:
            raise BadInput("invalid_channel", value=channel[:20])
        body = clean_text(text, "note", MAX_NOTE, multiline=True)
        with self._db.write() as session:
            authorise(session, staff, Action.ADD_NOTE)
            candidate = find_candidate(session, id_number, self._settings)
            note = CallNote(
                candidate_id=candidate.id,
                staff_id=staff.id,
                created_at=self._clock.now(),
                channel=channel,
                text=body,
            )
            session.add(note)
            session.flush()
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "note_added",
                candidate_id=candidate.id,
                subject=candidate.id_number,
                detail={"note_id": note.id, "channel": channel},
            )
            return NoteView(note.id, note.created_at, staff.username, channel, body)

    def list(self, staff: StaffIdentity, id_number: str) -> list[NoteView]:
        with self._db.read() as session:
            authorise(session, staff, Action.VIEW_CANDIDATE)
            candidate = find_candidate(session, id_number, self._settings)
            return notes_of(session, candidate.id)
