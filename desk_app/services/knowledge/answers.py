"""The desk's answers: read and searched by every desk, emailed to a candidate,
edited by supervisors.

The answers are the seeds' FAQ and registration guide (revision
``0006_knowledge`` wrote them) in English and Chinese, with placeholders
the desk fills (``placeholders.py``) for the candidate on screen
(``situation.py``). An edit is audited with the old and the new text of
what changed; an emailed answer goes through the outbox to the address the
candidate registered or the one on file, and is audited too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import KnowledgeAnswer, Staff
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import CandidateDetail, find_candidate
from desk_app.services.clock import Clock
from desk_app.services.errors import NotFound, Refused
from desk_app.services.knowledge.facts import facts_of, read_facts
from desk_app.services.knowledge.placeholders import Pair, check_placeholders, fill
from desk_app.services.knowledge.situation import Situation, situation
from desk_app.services.mail import templates
from desk_app.services.permissions import Action
from desk_app.services.validation import clean_text, require_reason
from desk_app.settings import Settings

MAX_TITLE = 200
MAX_TEXT = 4000
MAX_SEARCH = 100
#: the candidate's addresses an answer may go to: the registered one, the one on file
AddressKind = Literal["registered", "on_file"]
TEXT_FIELDS = ("title_en", "title_zh", "body_en", "body_zh")


@dataclass(frozen=True)
class Answer:
    key: str
    position: int
    title_en: str
    title_zh: str
    body_en: str
    body_zh: str
    version: int
    #: None while the answer is the migration's first text
    updated_at: datetime | None = None
    updated_by: str | None = None


@dataclass(frozen=True)
class AnswerTexts:
    """What a supervisor edits."""

    title_en: str
    title_zh: str
    body_en: str
    body_zh: str


@dataclass(frozen=True)
class FilledAnswer:
    """An answer with its placeholders filled: (English, Chinese) each."""

    key: str
    title: Pair
    text: Pair


@dataclass(frozen=True)
class AnswerEmailed:
    id_number: str
    key: str
    to_address: str
    #: the email's first language (the candidate's)
    language: str
    outbox_id: int


def fill_answer(answer: Answer, values: dict[str, Pair]) -> FilledAnswer:
    return FilledAnswer(
        answer.key,
        (fill(answer.title_en, values, "en"), fill(answer.title_zh, values, "zh_HK")),
        (fill(answer.body_en, values, "en"), fill(answer.body_zh, values, "zh_HK")),
    )


def listing(
    answers: Sequence[Answer], found: Situation, matches: Collection[str] | None = None
) -> list[tuple[Answer, str | None]]:
    """What the pane lists: the answers that fit the candidate first (in the
    situation's order, each with why), then the others in the desk's order;
    only those in ``matches`` while a search is on."""
    shown = [a for a in answers if matches is None or a.key in matches]
    by_key = {a.key: a for a in shown}
    first = [(by_key[s.key], s.why) for s in found.suggestions if s.key in by_key]
    offered = {answer.key for answer, _why in first}
    return first + [(a, None) for a in shown if a.key not in offered]


def _answer(row: KnowledgeAnswer, editor: str | None) -> Answer:
    return Answer(
        row.key,
        row.position,
        row.title_en,
        row.title_zh,
        row.body_en,
        row.body_zh,
        row.version,
        row.updated_at,
        editor,
    )


def _listed(session: Session, *where: ColumnElement[bool]) -> tuple[Answer, ...]:
    rows = session.execute(
        select(KnowledgeAnswer, Staff.username)
        .outerjoin(Staff, Staff.id == KnowledgeAnswer.updated_by_id)
        .where(*where)
        .order_by(KnowledgeAnswer.position, KnowledgeAnswer.id)
    )
    return tuple(_answer(row, editor) for row, editor in rows)


def _clean(texts: AnswerTexts) -> AnswerTexts:
    cleaned = AnswerTexts(
        clean_text(texts.title_en, "answer_title", MAX_TITLE),
        clean_text(texts.title_zh, "answer_title", MAX_TITLE),
        clean_text(texts.body_en, "answer_text", MAX_TEXT, multiline=True),
        clean_text(texts.body_zh, "answer_text", MAX_TEXT, multiline=True),
    )
    for name in TEXT_FIELDS:
        check_placeholders(
            getattr(cleaned, name), "answer_title" if "title" in name else "answer_text"
        )
    return cleaned


class KnowledgeService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    # -- reading ----------------------------------------------------------------------
    def answers(self, staff: StaffIdentity) -> tuple[Answer, ...]:
        """Every answer, in the desk's order."""
        with self._db.read() as session:
            authorise(session, staff, Action.READ_ANSWERS)
            return _listed(session)

    def search(self, staff: StaffIdentity, text: str) -> tuple[Answer, ...]:
        """The answers with every word of ``text`` in a title or a text, in either language.

        A word is matched anywhere (Chinese has no spaces between words:
        封鎖 finds 帳戶將被封鎖), without regard to case; an empty search
        lists every answer.
        """
        words = clean_text(text, "search_text", MAX_SEARCH, required=False).casefold().split()
        columns = [getattr(KnowledgeAnswer, name) for name in TEXT_FIELDS]
        conditions = [
            or_(*(func.lower(column).contains(word, autoescape=True) for column in columns))
            for word in words
        ]
        with self._db.read() as session:
            authorise(session, staff, Action.READ_ANSWERS)
            return _listed(session, and_(*conditions)) if conditions else _listed(session)

    def situation(self, detail: CandidateDetail | None, entry_id: int | None = None) -> Situation:
        """The answers that fit the candidate on screen now, and the placeholders' values."""
        facts = facts_of(detail) if detail is not None else None
        return situation(self._settings, facts, self._clock.now(), entry_id)

    # -- editing (supervisors) --------------------------------------------------------
    def save(
        self, staff: StaffIdentity, key: str, texts: AnswerTexts, *, version: int, reason: str
    ) -> Answer:
        """Change an answer's texts; ``version`` is the one the editor opened.

        Refused("answer_changed") when someone saved it since, and
        ("answer_unchanged") when nothing differs. The audit entry holds the
        old and the new text of each field that changed.
        """
        why = require_reason(reason)
        new = _clean(texts)
        with self._db.write() as session:
            editor = authorise(session, staff, Action.EDIT_ANSWERS)
            row = session.scalar(
                select(KnowledgeAnswer).where(KnowledgeAnswer.key == key).with_for_update()
            )
            if row is None:
                raise NotFound("answer_not_found", key=key[:40])
            if row.version != version:
                raise Refused("answer_changed")
            changed = [name for name in TEXT_FIELDS if getattr(row, name) != getattr(new, name)]
            if not changed:
                raise Refused("answer_unchanged")
            old = {name: getattr(row, name) for name in changed}
            for name in changed:
                setattr(row, name, getattr(new, name))
            row.version += 1
            row.updated_at = self._clock.now()
            row.updated_by_id = editor.id
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "answer_edited",
                subject=row.key,
                reason=why,
                detail={
                    "key": row.key,
                    "version": row.version,
                    "old": old,
                    "new": {name: getattr(new, name) for name in changed},
                },
            )
            session.flush()
            return _answer(row, editor.username)

    # -- emailing an answer to the candidate --------------------------------------------
    def email(
        self,
        staff: StaffIdentity,
        id_number: str,
        key: str,
        *,
        to: AddressKind,
        entry_id: int | None = None,
    ) -> AnswerEmailed:
        """Queue the answer, filled for this candidate now, to their registered address
        (``to="registered"``) or the one on file; Refused("answer_no_address") when the
        candidate has no such address."""
        with self._db.write() as session:
            authorise(session, staff, Action.EMAIL_ANSWER)
            candidate = find_candidate(session, id_number, self._settings)
            row = session.scalar(select(KnowledgeAnswer).where(KnowledgeAnswer.key == key))
            if row is None:
                raise NotFound("answer_not_found", key=key[:40])
            now = self._clock.now()
            facts = read_facts(session, candidate, now)
            address = facts.registered_email if to == "registered" else facts.email_on_file
            if to not in ("registered", "on_file") or not address:
                raise Refused("answer_no_address")
            found = situation(self._settings, facts, now, entry_id)
            filled = fill_answer(_answer(row, None), found.values)
            mail = templates.desk_answer(
                candidate.language, self._settings.office, title=filled.title, text=filled.text
            )
            outbox_id = templates.queue(
                session, self._clock, mail, candidate_id=candidate.id, to_address=address
            )
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "answer_emailed",
                candidate_id=candidate.id,
                subject=candidate.id_number,
                detail={
                    "answer": row.key,
                    "version": row.version,
                    "address": to,
                    "to": address,
                    "outbox": outbox_id,
                },
            )
            return AnswerEmailed(candidate.id_number, row.key, address, mail.language, outbox_id)
