"""Caller verification: before the desk discloses or changes anything for a caller.

An operator types what the caller says: the name (English or Chinese), the
date of birth, and at least one of ID Number, email and phone. The answer is
pass or fail; it never says which field was wrong, and the audit trail keeps
which identifiers were *offered*, never the values typed.

Rules:
- English name: the folded words (no accents, any case) in any order
  ("Tai Man CHAN" = "CHAN Tai Man"). Chinese name: exact after NFKC, spaces
  ignored. A name with any Chinese character is compared with the Chinese name.
- Email: case-insensitive; either the account's registered email or the
  candidate's email on file passes (the candidate who lost access to the
  registered address still knows the one they gave the centre).
- Phone: compared by :func:`phone_key` (digits, no 852/886 country code).
- ID Number: normalised as everywhere else.
- Every identifier given must match; at least one must be given.

A pass opens a verification for ``DeskPolicy.verification_minutes``, for that
candidate and that staff member only; the newest verification counts, so a
later failure by the same staff member on the same candidate ends an open
pass. Counter staff record the identity document they saw instead
(:meth:`VerificationService.record_document`). :meth:`VerificationService.current`
answers the open pass, for a desk started after it was made. ``verification_failures_flag``
failures on one candidate within 24 hours flag it (in the result, the audit
trail and the account's timeline).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import CallerVerification, Candidate, ResultsAccount, Staff
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput, NotFound, PermissionDenied, Refused
from desk_app.services.permissions import (
    NEEDS_VERIFICATION,
    OVERRIDE_ROLES,
    Action,
    Role,
    allowed,
)
from desk_app.services.search.keys import is_cjk, name_words
from desk_app.services.validation import (
    clean_text,
    normalise_id_number,
    parse_date,
    phone_key,
)
from desk_app.settings import Settings

CALLER = "caller"
DOCUMENT = "document"
OVERRIDE = "override"
#: roles that may vouch for a caller by an identity document seen at the counter
DOCUMENT_ROLES = frozenset({Role.COUNTER, Role.SUPERVISOR})
FLAG_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class VerificationResult:
    passed: bool
    verification_id: int
    #: when a pass stops counting (a failure: the moment it was recorded)
    expires_at: datetime
    method: str
    #: failed verifications on this candidate in the last 24 hours, this one included
    recent_failures: int
    #: True once ``recent_failures`` reaches ``DeskPolicy.verification_failures_flag``
    flagged: bool
    #: the audit entry that recorded it (0: not known; not part of the answer's equality)
    audit_id: int = field(default=0, compare=False)


def _fold_zh(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def name_matches(given: str, name_en: str, name_zh: str | None) -> bool:
    text = unicodedata.normalize("NFKC", given)
    if any(is_cjk(ch) for ch in text):
        return name_zh is not None and _fold_zh(text) == _fold_zh(name_zh)
    words = sorted(name_words(text))
    return bool(words) and words == sorted(name_words(name_en))


def _identifiers_match(
    candidate: Candidate,
    registered_email: str | None,
    *,
    id_number: str | None,
    email: str | None,
    phone: str | None,
) -> bool:
    checks: list[bool] = []
    if id_number is not None:
        checks.append(normalise_id_number(id_number[:64]) == candidate.id_number)
    if email is not None:
        typed = email.strip().casefold()
        known = {e.strip().casefold() for e in (registered_email, candidate.email) if e}
        checks.append(bool(typed) and typed in known)
    if phone is not None:
        typed_key = phone_key(phone[:64])
        on_file = phone_key(candidate.phone) if candidate.phone else ""
        checks.append(bool(typed_key) and typed_key == on_file)
    return bool(checks) and all(checks)


def _present(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def open_verification(
    session: Session, staff_id: int, candidate_id: int, *, now: datetime
) -> CallerVerification | None:
    """The staff member's newest caller/document verification of the candidate, if it
    passed and is still open at ``now`` (a later failure ends an earlier pass;
    overrides are not verifications and do not count)."""
    newest = session.scalar(
        select(CallerVerification)
        .where(
            CallerVerification.staff_id == staff_id,
            CallerVerification.candidate_id == candidate_id,
            CallerVerification.method.in_((CALLER, DOCUMENT)),
        )
        .order_by(CallerVerification.created_at.desc(), CallerVerification.id.desc())
        .limit(1)
    )
    if newest is not None and newest.passed and newest.expires_at > now:
        return newest
    return None


def _recent_failures(session: Session, candidate_id: int, now: datetime) -> int:
    """Failed verifications of the candidate (by anyone) in the 24 hours up to ``now``."""
    return (
        session.scalar(
            select(func.count())
            .select_from(CallerVerification)
            .where(
                CallerVerification.candidate_id == candidate_id,
                CallerVerification.passed.is_(False),
                CallerVerification.created_at > now - FLAG_WINDOW,
            )
        )
        or 0
    )


def require_verification(
    session: Session,
    staff: Staff,
    candidate_id: int,
    action: Action,
    override_reason: str | None,
    *,
    now: datetime,
) -> str:
    """How ``staff`` may act on the candidate now: "caller", "document" or "override".

    Raises Refused("verification_required") unless the staff member's newest
    verification of this candidate passed and is still open, or the role may
    override and a reason is given (then a caller_verification row with
    method "override" records it). Actions that need no verification
    answer "not_needed".
    """
    if action not in NEEDS_VERIFICATION:
        return "not_needed"
    newest = open_verification(session, staff.id, candidate_id, now=now)
    if newest is not None:
        return newest.method
    reason = override_reason.strip() if override_reason else ""
    if staff.role in OVERRIDE_ROLES and reason:
        session.add(
            CallerVerification(
                candidate_id=candidate_id,
                staff_id=staff.id,
                method=OVERRIDE,
                passed=True,
                created_at=now,
                expires_at=now,
                reason=clean_text(reason, "reason", 500, multiline=True),
            )
        )
        session.flush()
        return OVERRIDE
    raise Refused("verification_required")


def open_result(
    session: Session, staff_id: int, candidate_id: int, settings: Settings, now: datetime
) -> VerificationResult | None:
    """The staff member's open pass on the candidate as a result (see :func:`open_verification`);
    ``recent_failures`` and ``flagged`` as of ``now``."""
    found = open_verification(session, staff_id, candidate_id, now=now)
    if found is None:
        return None
    failures = _recent_failures(session, candidate_id, now)
    return VerificationResult(
        True,
        found.id,
        found.expires_at,
        found.method,
        failures,
        failures >= settings.desk.verification_failures_flag,
    )


class VerificationService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def verify_caller(
        self,
        staff: StaffIdentity,
        candidate: int | str,
        *,
        name: str,
        date_of_birth: date | str,
        id_number: str | None = None,
        email: str | None = None,
        phone: str | None = None,
    ) -> VerificationResult:
        """Check what the caller says; a failure is recorded and returned, not raised."""
        given_name = clean_text(name, "caller_name", 200)
        born = date_of_birth if isinstance(date_of_birth, date) else parse_date(date_of_birth)
        id_number, email, phone = _present(id_number), _present(email), _present(phone)
        offered = [
            label
            for label, value in (("id_number", id_number), ("email", email), ("phone", phone))
            if value is not None
        ]
        if not offered:
            raise BadInput("verification_identifier_required")
        with self._db.write() as session:
            authorise(session, staff, Action.VERIFY_CALLER)
            person = self._candidate(session, candidate)
            registered_email = session.scalar(
                select(ResultsAccount.email).where(ResultsAccount.candidate_id == person.id)
            )
            passed = (
                name_matches(given_name, person.name_en, person.name_zh)
                and born == person.date_of_birth
                and _identifiers_match(
                    person, registered_email, id_number=id_number, email=email, phone=phone
                )
            )
            return self._record(
                session, staff, person, method=CALLER, passed=passed, offered=offered
            )

    def record_document(
        self, staff: StaffIdentity, candidate: int | str, document: str
    ) -> VerificationResult:
        """Counter staff (or a supervisor) saw the candidate's identity document."""
        what = clean_text(document, "identity_document", 64)
        with self._db.write() as session:
            row = authorise(session, staff, Action.VERIFY_CALLER)
            if row.role not in DOCUMENT_ROLES:
                raise PermissionDenied("permission_denied", role=row.role, action="record_document")
            person = self._candidate(session, candidate)
            return self._record(session, staff, person, method=DOCUMENT, passed=True, document=what)

    def current(self, staff: StaffIdentity, candidate: int | str) -> VerificationResult | None:
        """This staff member's open verification of the candidate, or None.

        The same rule as :func:`require_verification`: the newest caller or
        document verification by this staff member, if it passed and has not
        run out (overrides do not count). It lets a desk show a pass made
        before it was started. Read-only and not audited: it tells the staff
        member only what they did. A role that may open the candidate may ask;
        one that may not verify callers has no verification open.
        ``recent_failures`` and ``flagged`` are as of now.
        """
        with self._db.read() as session:
            row = authorise(session, staff, Action.VIEW_CANDIDATE)
            person = self._candidate(session, candidate)
            if not allowed(row.role, Action.VERIFY_CALLER):
                return None
            return open_result(session, staff.id, person.id, self._settings, self._clock.now())

    def _candidate(self, session: Session, candidate: int | str) -> Candidate:
        if isinstance(candidate, str):
            return find_candidate(session, candidate, self._settings)
        found = session.get(Candidate, candidate)
        if found is None:
            raise NotFound("candidate_not_found", id_number=str(candidate))
        return found

    def _record(
        self,
        session: Session,
        staff: StaffIdentity,
        person: Candidate,
        *,
        method: str,
        passed: bool,
        offered: list[str] | None = None,
        document: str | None = None,
    ) -> VerificationResult:
        now = self._clock.now()
        policy = self._settings.desk
        expires = now + timedelta(minutes=policy.verification_minutes) if passed else now
        row = CallerVerification(
            candidate_id=person.id,
            staff_id=staff.id,
            method=method,
            passed=passed,
            created_at=now,
            expires_at=expires,
            document=document,
        )
        session.add(row)
        session.flush()
        failures = _recent_failures(session, person.id, now)
        flagged = failures >= policy.verification_failures_flag
        detail: dict[str, object] = {"method": method, "verification": row.id}
        if offered is not None:
            detail["identifiers"] = offered
        if document is not None:
            detail["document"] = document
        if not passed:
            detail["failures_24h"] = failures
            detail["flagged"] = flagged
        audit_id = audit.record(
            session,
            self._clock,
            as_actor(staff),
            "caller_verified" if passed else "caller_verification_failed",
            candidate_id=person.id,
            subject=person.id_number,
            detail=detail,
        )
        return VerificationResult(passed, row.id, expires, method, failures, flagged, audit_id)
