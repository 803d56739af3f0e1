"""A centre's exam-day letters, printed as one batch PDF (one letter a page).

A candidate with no letter row at all is new (the importer makes candidates,
never letters) and awaits its exam-day letter (number 0). One call gives
each of a centre's new candidates a Secret Number, stored only as an argon2
hash on the new letter, and renders the batch; the letters, the batch row,
the PDF and the audit entry (centre, counts, serials: never the numbers)
succeed or fail together, so a number is never stored that nobody printed.
The plain numbers live only in this call's memory while the PDF is drawn.

Printing the same letters twice would put two live numbers on paper. So a
second batch for a centre whose letters were all printed is refused
(``letters_already_printed``) unless it is a *reissue*: every letter of the
centre still live from a batch, for a candidate not yet registered, is
printed again with a new number, and the old letter stops working at once
(as a reissue at the desk does). New candidates are printed in the same
run. Batch reissues send no email: the letters are handed out at the centre.

Hashing is slow on purpose (argon2) and drawing a page takes a while, so
both happen before the write transaction, with progress (serials are known
in advance: the candidate's id and the letter's number). The transaction
then locks the centre's row (two desks printing the same centre wait for
each other), looks again, and only if something changed meanwhile (a letter
printed, a candidate added) makes the PDF again inside it. So the write lock
is held for the inserts, not for minutes of hashing and drawing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, exists, func, select, update
from sqlalchemy.orm import Session, selectinload

from desk_app.database import Database
from desk_app.models import Candidate, Centre, Entry, Letter, LetterBatch, ResultsAccount
from desk_app.services.accounts.locks import (
    SECRET_LOCK,
    account_for_update,
    add_event,
)
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.documents.rendering import fonts_for, letter_content, render_letters_pdf
from desk_app.services.errors import NotFound, Refused
from desk_app.services.hashing import Hasher
from desk_app.services.permissions import Action
from desk_app.services.validation import clean_text, require_reason
from desk_app.settings import Settings

SECRET_DIGITS = 4
MAX_CENTRE_CODE = 16

#: progress(step, done, total): step "numbers" (hashing) then "pages" (drawing)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class CentreLetters:
    """A centre and its letters, for choosing what to print."""

    code: str
    name_en: str
    name_zh: str | None
    #: new candidates awaiting their exam-day letter
    waiting: int
    #: letters printed in a batch, still live, for candidates not yet registered
    printed: int


@dataclass(frozen=True)
class LetterBatchPrinted:
    """A batch just printed: what it holds, never the Secret Numbers."""

    batch_id: int
    centre: str
    printed_at: datetime
    new_letters: int
    reissued: int
    serials: tuple[str, ...]
    pdf: bytes = field(repr=False)

    @property
    def count(self) -> int:
        return self.new_letters + self.reissued


def new_secret_number() -> str:
    return f"{secrets.randbelow(10**SECRET_DIGITS):0{SECRET_DIGITS}d}"


def _no_letter() -> Select[int]:
    """Candidates without any letter row: the new ones."""
    return select(Candidate.id).where(~exists().where(Letter.candidate_id == Candidate.id))


def _live_batch_letters() -> Select[int]:
    """Candidates whose live letter came from a batch and who have not registered."""
    return (
        select(Candidate.id)
        .join(Letter, Letter.candidate_id == Candidate.id)
        .outerjoin(ResultsAccount, ResultsAccount.candidate_id == Candidate.id)
        .where(
            Letter.active.is_(True),
            Letter.batch_id.is_not(None),
            ResultsAccount.registered_at.is_(None),
        )
    )


def _ids(session: Session, query: Select[int], centre_id: int) -> list[int]:
    return list(
        session.scalars(
            query.where(Candidate.centre_id == centre_id).order_by(Candidate.id_number)
        ).unique()
    )


def letter_serial(candidate_id: int, number: int) -> str:
    """As every letter's (desk reissues too): L, the candidate's id, the letter's number."""
    return f"L{candidate_id:08d}-{number}"


def _centre_code(raw: str) -> str:
    return clean_text(raw, "centre", MAX_CENTRE_CODE).upper()


class LetterBatchService:
    def __init__(self, db: Database, settings: Settings, clock: Clock, hasher: Hasher) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._hasher = hasher

    def centres(self, staff: StaffIdentity) -> list[CentreLetters]:
        """Every centre with what it has to print (role: print_letters)."""
        with self._db.read() as session:
            authorise(session, staff, Action.PRINT_LETTERS)
            waiting: dict[int, int] = {
                centre_id: count
                for centre_id, count in session.execute(
                    _no_letter()
                    .with_only_columns(Candidate.centre_id, func.count())
                    .group_by(Candidate.centre_id)
                )
            }
            printed: dict[int, int] = {
                centre_id: count
                for centre_id, count in session.execute(
                    _live_batch_letters()
                    .with_only_columns(Candidate.centre_id, func.count(func.distinct(Candidate.id)))
                    .group_by(Candidate.centre_id)
                )
            }
            return [
                CentreLetters(
                    c.code, c.name_en, c.name_zh, waiting.get(c.id, 0), printed.get(c.id, 0)
                )
                for c in session.scalars(select(Centre).order_by(Centre.code))
            ]

    def print_batch(
        self,
        staff: StaffIdentity,
        centre: str,
        *,
        reason: str | None = None,
        reissue: bool = False,
        progress: Progress | None = None,
    ) -> LetterBatchPrinted:
        """Print the centre's awaiting exam-day letters (and, with ``reissue``, its
        printed ones again with new numbers); see the module's docstring."""
        code = _centre_code(centre)
        why = require_reason(reason) if reissue else (reason or "").strip() or None
        if why is not None:
            why = clean_text(why, "reason", 500)
        fonts_for(self._settings)  # a missing font is reported before anything is done
        with self._db.read() as session:
            authorise(session, staff, Action.PRINT_LETTERS)
            centre_id = self._centre_id(session, code)
            plan = self._plan(session, centre_id, code, reissue)
        numbers = self._numbers([cid for cid, _number in plan], progress)
        now = self._clock.now()
        with self._db.read() as session:
            pdf, serials = self._render(session, plan, numbers, now, progress)
        with self._db.write() as session:
            staff_row = authorise(session, staff, Action.PRINT_LETTERS)
            session.scalar(select(Centre).where(Centre.id == centre_id).with_for_update())
            fresh = self._plan(session, centre_id, code, reissue)
            if fresh != plan:  # letters printed or candidates added since: make it again
                missing = [cid for cid, _number in fresh if cid not in numbers]
                numbers.update(self._numbers(missing, None))
                plan = fresh
                pdf, serials = self._render(session, plan, numbers, now, None)
            new = sum(1 for _cid, number in plan if number == 0)
            batch = LetterBatch(
                centre_id=centre_id,
                printed_at=now,
                printed_by_id=staff_row.id,
                new_letters=new,
                reissued=len(plan) - new,
                reason=why,
            )
            session.add(batch)
            session.flush()
            for cid, number in plan:
                self._issue(session, cid, number, numbers[cid][1], now, batch)
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "letters_batch_printed",
                subject=code,
                reason=why,
                detail={
                    "centre": code,
                    "batch": batch.id,
                    "count": len(serials),
                    "new": new,
                    "reissued": len(plan) - new,
                    "serials": list(serials),
                    "bytes": len(pdf),
                },
            )
            return LetterBatchPrinted(batch.id, code, now, new, len(plan) - new, serials, pdf)

    # -- the steps ------------------------------------------------------------------------
    @staticmethod
    def _centre_id(session: Session, code: str) -> int:
        centre_id = session.scalar(select(Centre.id).where(Centre.code == code))
        if centre_id is None:
            raise NotFound("centre_not_found", centre=code)
        return centre_id

    @staticmethod
    def _plan(session: Session, centre_id: int, code: str, reissue: bool) -> list[tuple[int, int]]:
        """(candidate id, letter number) to print, by ID Number: 0 for a new candidate's
        exam-day letter, the next number for a reissue. Refused when there is nothing."""
        new_ids = _ids(session, _no_letter(), centre_id)
        printed = _ids(session, _live_batch_letters(), centre_id)
        again = printed if reissue else []
        if not new_ids and not again:
            if printed:
                raise Refused("letters_already_printed", centre=code, count=len(printed))
            raise NotFound("no_letters_waiting", centre=code)
        newest = (
            dict(
                session.execute(
                    select(Letter.candidate_id, func.max(Letter.number))
                    .where(Letter.candidate_id.in_(again))
                    .group_by(Letter.candidate_id)
                ).all()
            )
            if again
            else {}
        )
        planned = {cid: 0 for cid in new_ids} | {cid: newest[cid] + 1 for cid in again}
        id_numbers = dict(
            session.execute(
                select(Candidate.id, Candidate.id_number).where(Candidate.id.in_(list(planned)))
            ).all()
        )
        return sorted(planned.items(), key=lambda item: id_numbers[item[0]])

    def _numbers(
        self, candidate_ids: Sequence[int], progress: Progress | None
    ) -> dict[int, tuple[str, str]]:
        """A new Secret Number and its hash for each candidate (the slow part)."""
        made: dict[int, tuple[str, str]] = {}
        for done, cid in enumerate(candidate_ids, start=1):
            plain = new_secret_number()
            made[cid] = (plain, self._hasher.hash(plain))
            if progress is not None:
                progress("numbers", done, len(candidate_ids))
        return made

    @staticmethod
    def _issue(
        session: Session, cid: int, number: int, hashed: str, now: datetime, batch: LetterBatch
    ) -> None:
        """The letter row. A reissue (number > 0) is as one at the desk: older letters stop
        working at once, a Secret Number lock ends (the new number was never guessed at)."""
        staff_id, why = batch.printed_by_id, batch.reason
        if number > 0:
            account = account_for_update(session, cid)
            session.execute(
                update(Letter)
                .where(Letter.candidate_id == cid, Letter.active.is_(True))
                .values(active=False)
                .execution_options(synchronize_session=False)
            )
            if SECRET_LOCK.locked(account, now):
                add_event(session, account, "unlocked", now, staff_id=staff_id, reason=why,
                          detail={"locks": ["secret"], "via": "letter_batch"})  # fmt: skip
            SECRET_LOCK.clear(account)
            add_event(session, account, "letter_reissued", now, staff_id=staff_id, reason=why,
                      detail={"batch": batch.id})  # fmt: skip
        session.add(
            Letter(
                candidate_id=cid,
                number=number,
                secret_hash=hashed,
                active=True,
                issued_at=now,
                issued_by_id=staff_id,
                reason=why,
                serial=letter_serial(cid, number),
                batch_id=batch.id,
            )
        )

    def _render(
        self,
        session: Session,
        plan: Sequence[tuple[int, int]],
        numbers: dict[int, tuple[str, str]],
        now: datetime,
        progress: Progress | None,
    ) -> tuple[bytes, tuple[str, ...]]:
        """The batch PDF (one letter a page, in ``plan``'s order) and its serials."""
        ids = [cid for cid, _number in plan]
        candidates = {
            c.id: c
            for c in session.scalars(
                select(Candidate)
                .where(Candidate.id.in_(ids))
                .options(
                    selectinload(Candidate.entries).selectinload(Entry.exam),
                    selectinload(Candidate.entries).selectinload(Entry.session),
                    # only the release date is read: when results go online
                    selectinload(Candidate.entries).selectinload(Entry.result),
                )
            )
        }
        contents = [
            letter_content(
                self._settings,
                candidate=candidates[cid],
                entries=candidates[cid].entries,
                secret_number=numbers[cid][0],
                reissue_count=number,
                serial=letter_serial(cid, number),
                issued_at=now,
            )
            for cid, number in plan
        ]
        pdf = render_letters_pdf(
            self._settings,
            contents,
            None if progress is None else lambda page, total: progress("pages", page, total),
        )
        return pdf, tuple(content.serial for content in contents)
