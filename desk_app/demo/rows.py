"""Demo candidates as rows: one pass of a seeded random generator per candidate.

Everything a candidate has is made together (entries, results, paper
scores, account and its timeline, letters, search keys), so the n-th
candidate of a seed is the same whatever the total. Rows are tuples for
:class:`~desk_app.bulk.BulkWriter`; ids are explicit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table

from desk_app.bulk import BulkWriter
from desk_app.demo.catalogue import (
    AGES,
    CENTRES,
    EXAM_BY_CODE,
    REISSUE_REASONS,
    SESSIONS,
    TRACK_WEIGHTS,
    TRACKS,
    DemoSession,
    StandardExam,
)
from desk_app.demo.people import Person, make_person
from desk_app.demo.secrets import KNOWN_ID_NUMBER, HashedPools
from desk_app.models import load_all
from desk_app.services.search.keys import email_key, phone_key_of, token_rows
from desk_app.settings import LockoutPolicy

Row = tuple[Any, ...]

COLUMNS: dict[str, tuple[str, ...]] = {
    "candidate": (
        "id", "id_number", "name_en", "name_zh", "date_of_birth", "email", "phone",
        "centre_id", "language", "email_key", "phone_key", "created_at",
    ),
    "search_token": ("kind", "token", "candidate_id"),
    "entry": ("id", "candidate_id", "exam_id", "session_id"),
    "result": ("id", "entry_id", "grade", "cefr", "score", "release_at"),
    "paper_score": ("result_id", "paper_id", "score"),
    "results_account": (
        "id", "candidate_id", "email", "password_hash", "registered_at", "terms_accepted_at",
        "updates_opt_in", "must_change_password", "failed_attempts", "last_failure_at",
        "locked_at", "locked_until", "lock_source", "secret_failures", "last_login_at",
    ),
    "account_event": ("id", "account_id", "at", "kind", "source", "staff_id", "reason"),
    "letter": (
        "id", "candidate_id", "number", "secret_hash", "active", "issued_at", "issued_by_id",
        "reason", "serial",
    ),
    # results out before the demo was made: no "results available" emails for them
    "release_notice": ("entry_id", "candidate_id", "release_at", "decided_at", "outcome"),
}  # fmt: skip

TABLES: dict[str, Table] = {name: load_all().metadata.tables[name] for name in COLUMNS}

#: share of candidates: registered accounts, locked now, 1–2 recent failures,
#: a result not yet released, a reissued letter
REGISTERED = 0.40
LOCKED = 0.005
RECENT_FAILURES = 0.02
UNRELEASED = 0.05
REISSUED = 0.01
#: the first candidates, made to order: the seeds' sample, then one of each state
FORCED = {0: "known", 1: "registered", 2: "locked", 3: "unreleased", 4: "reissued"}
#: one address behind half of the lockouts: what an attack looks like
ATTACK_SOURCE = "198.51.100.23"
#: exam day letters are handed out at 09:00 Hong Kong time
_MORNING = time(1, 0, tzinfo=UTC)
_RELEASE = time(2, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Catalogue:
    """Database ids of what the demo catalogue became."""

    centre_ids: dict[str, int]
    exam_ids: dict[str, int]
    paper_ids: dict[str, tuple[int, ...]]
    session_ids: dict[str, int]


@dataclass
class Counts:
    candidates: int = 0
    entries: int = 0
    results: int = 0
    unreleased: int = 0
    registered: int = 0
    locked: int = 0
    reissued: int = 0
    tokens: int = 0
    by_grade: dict[str, int] = field(default_factory=dict)


@dataclass
class Batch:
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in COLUMNS})


def _id_number(prefix: str, k: int) -> str:
    """The k-th ID Number of a prefix: unique, scattered-looking digits."""
    if k < 10**6:
        return f"{prefix}{(k * 742_891 + 104_729) % 10**6:06d}"
    return f"{prefix}{((k - 10**6) * 7_654_321 + 1_234_567) % 10**7:07d}"


class CandidateMaker:
    def __init__(
        self,
        *,
        seed: int,
        now: datetime,
        writer: BulkWriter,
        catalogue: Catalogue,
        pools: HashedPools,
        staff_ids: dict[str, int],
        lockout: LockoutPolicy,
        first_ids: dict[str, int],
    ) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.w = writer
        self.cat = catalogue
        self.pools = pools
        self.staff_ids = staff_ids
        self.lockout = lockout
        self.next_ids = dict(first_ids)
        self.counts = Counts()
        self._id_counters: dict[str, int] = {}
        self._centre_weights = [c.weight for c in CENTRES]
        self._stamp_now = writer.stamp(now)
        today = now.date()
        self._released = [s for s in SESSIONS if s.release_on < today]
        held = [s for s in SESSIONS if s.held_on <= today] or [SESSIONS[0]]
        self._current = held[-1]
        if not self._released:
            self._released = [SESSIONS[0]]
        self._session_index = {s.code: i for i, s in enumerate(SESSIONS)}

    # -- ids --------------------------------------------------------------------------------
    def _take(self, table: str) -> int:
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def _new_id_number(self, prefix: str) -> str:
        while True:
            k = self._id_counters.get(prefix, 0)
            self._id_counters[prefix] = k + 1
            value = _id_number(prefix, k)
            if value != KNOWN_ID_NUMBER:
                return value

    # -- one candidate ------------------------------------------------------------------------
    def make(self, batch: Batch, index: int) -> tuple[str, str, str | None]:
        """Add the ``index``-th candidate's rows to ``batch``; returns its ID Number and names.

        The first few are made to order (see :data:`FORCED`), so that even a
        small demo has one of each thing to try.
        """
        rng = self.rng
        force = FORCED.get(index)
        known = force == "known"
        if known:
            centre = CENTRES[0]
            person = Person("CHAN Tai Man", "陳大文", "taiman.chan@example.com",
                            "+852 9123 4567", "zh_HK")  # fmt: skip
            id_number = KNOWN_ID_NUMBER
            sittings, unreleased = [(EXAM_BY_CODE["KETFS"], SESSIONS[2])], False
            dob = date(2001, 5, 17)
        else:
            centre = rng.choices(CENTRES, weights=self._centre_weights)[0]
            person = make_person(rng, centre.region)
            id_number = self._new_id_number(centre.id_prefix)
            track = rng.choices([t for t, _ in TRACK_WEIGHTS], [w for _, w in TRACK_WEIGHTS])[0]
            sittings, unreleased = self._sittings(track, unreleased=force == "unreleased")
            youngest, oldest = AGES[track]
            first_day = sittings[0][1].held_on
            dob = date(first_day.year - rng.randint(youngest, oldest), 1, 1) + timedelta(
                days=rng.randrange(365)
            )
        cid = self._take("candidate")
        rows = batch.rows
        rows["candidate"].append(
            (
                cid, id_number, person.name_en, person.name_zh, self.w.day(dob), person.email,
                person.phone, self.cat.centre_ids[centre.code], person.language,
                email_key(person.email), phone_key_of(person.phone), self._stamp_now,
            )
        )  # fmt: skip
        tokens = token_rows(person.name_en, person.name_zh)
        rows["search_token"].extend((kind, token, cid) for kind, token in tokens)
        self.counts.tokens += len(tokens)
        released_dates = self._entries(batch, cid, sittings, known=known, unreleased=unreleased)
        self._account_and_letters(batch, cid, id_number, person, sittings, released_dates, force)
        self.counts.candidates += 1
        return id_number, person.name_en, person.name_zh

    def _sittings(
        self, track: str, *, unreleased: bool
    ) -> tuple[list[tuple[StandardExam, DemoSession]], bool]:
        """1–3 exams of the track, in order, in sessions months apart.

        Also whether the last one's result is still to come (about one in 20).
        """
        rng = self.rng
        exams = TRACKS[track]
        count = min(rng.choices((1, 2, 3), (70, 22, 8))[0], len(exams))
        start = rng.randrange(len(exams) - count + 1)
        unreleased = rng.random() < UNRELEASED or unreleased
        last = self._current if unreleased else rng.choice(self._released)
        indexes = [self._session_index[last.code]]
        while len(indexes) < count and indexes[-1] - 2 >= 0:
            indexes.append(indexes[-1] - rng.randint(2, 6))
        indexes = [i for i in indexes if i >= 0]
        indexes.reverse()
        chosen = exams[start : start + len(indexes)]
        sittings = [
            (EXAM_BY_CODE[code], SESSIONS[i]) for code, i in zip(chosen, indexes, strict=True)
        ]
        return sittings, unreleased

    def _entries(
        self,
        batch: Batch,
        cid: int,
        sittings: list[tuple[StandardExam, DemoSession]],
        *,
        known: bool,
        unreleased: bool,
    ) -> list[datetime]:
        """Entries with results; returns the release times of the released ones."""
        rng = self.rng
        ability = rng.gauss(0.0, 1.0)
        released: list[datetime] = []
        for position, (exam, sitting) in enumerate(sittings, start=1):
            entry_id = self._take("entry")
            batch.rows["entry"].append(
                (entry_id, cid, self.cat.exam_ids[exam.code], self.cat.session_ids[sitting.code])
            )
            papers, overall = ((148, 130, 134, 137), 137) if known else self._scores(exam, ability)
            grade, cefr = exam.grade_of(overall)
            release = datetime.combine(sitting.release_on, _RELEASE)
            if (unreleased and position == len(sittings)) or release > self.now - timedelta(days=1):
                release = self.now + timedelta(days=rng.randint(1, 28), hours=rng.randrange(24))
                self.counts.unreleased += 1
            else:
                released.append(release)
                batch.rows["release_notice"].append(
                    (entry_id, cid, self.w.stamp(release), self._stamp_now, "untracked")
                )
            result_id = self._take("result")
            batch.rows["result"].append(
                (result_id, entry_id, grade, cefr, overall, self.w.stamp(release))
            )
            for paper_id, score in zip(self.cat.paper_ids[exam.code], papers, strict=False):
                batch.rows["paper_score"].append((result_id, paper_id, score))
            self.counts.entries += 1
            self.counts.results += 1
            self.counts.by_grade[grade] = self.counts.by_grade.get(grade, 0) + 1
            ability += rng.gauss(0.1, 0.5)  # a later exam is a step up: some do better
        return released

    def _scores(self, exam: StandardExam, ability: float) -> tuple[tuple[int, ...], int]:
        """Paper scores and the overall score (their rounded mean) for one result."""
        rng = self.rng
        if exam.scoring == "shields":
            papers = tuple(
                max(1, min(5, round(3.6 + ability + rng.gauss(0, 0.8)))) for _ in exam.papers
            )
            return papers, sum(papers)
        if exam.scoring == "marks":
            centre, spread = 62.0 + 12 * ability, 8.0
        else:
            centre, spread = exam.bands[2].low + 10 + 12 * ability, 7.0
        if not exam.papers:
            return (), max(exam.score_min, min(exam.score_max, round(centre)))
        papers = tuple(
            max(exam.score_min, min(exam.score_max, round(centre + rng.gauss(0, spread))))
            for _ in exam.papers
        )
        return papers, round(sum(papers) / len(papers))

    def _account_and_letters(
        self,
        batch: Batch,
        cid: int,
        id_number: str,
        person: Person,
        sittings: list[tuple[StandardExam, DemoSession]],
        released: list[datetime],
        force: str | None,
    ) -> None:
        rng = self.rng
        w = self.w
        account_id = self._take("results_account")
        first_day = datetime.combine(sittings[0][1].held_on, _MORNING)
        registered_at: datetime | None = None
        registers = rng.random() < REGISTERED
        if force in ("registered", "locked") or (registers and force != "known"):
            base = released[0] if released else first_day + timedelta(days=2)
            registered_at = min(
                base + timedelta(days=rng.randrange(21), minutes=rng.randrange(1440)),
                self.now - timedelta(hours=1),
            )
        failures, last_failure, locked_at, locked_until, source = 0, None, None, None, None
        last_login = None
        events = batch.rows["account_event"]
        if registered_at is not None:
            self.counts.registered += 1
            events.append(
                (self._take("account_event"), account_id, w.stamp(registered_at), "registered",
                 None, None, None)
            )  # fmt: skip
            if rng.random() < 0.7:
                last_login = min(registered_at + timedelta(days=rng.randrange(60)), self.now)
            roll = rng.random() * REGISTERED  # so that the shares are of all candidates
            roll = {"locked": 0.0, "registered": 1.0}.get(force or "", roll)
            if roll < LOCKED:
                failures = self.lockout.threshold
                locked_at = self.now - timedelta(seconds=rng.randrange(29 * 60))
                locked_until = locked_at + timedelta(minutes=self.lockout.lock_minutes)
                last_failure = locked_at
                source = ATTACK_SOURCE if rng.random() < 0.5 else f"203.0.113.{rng.randrange(256)}"
                for step in range(failures):
                    at = locked_at - timedelta(seconds=40 * (failures - 1 - step))
                    events.append(
                        (self._take("account_event"), account_id, w.stamp(at), "login_failed",
                         source, None, None)
                    )  # fmt: skip
                events.append(
                    (self._take("account_event"), account_id, w.stamp(locked_at), "locked",
                     source, None, None)
                )  # fmt: skip
                self.counts.locked += 1
            elif roll < LOCKED + RECENT_FAILURES:
                failures = rng.randint(1, self.lockout.threshold - 1)
                source = f"192.0.2.{rng.randrange(256)}"
                last_failure = self.now - timedelta(minutes=rng.randint(1, 120))
                for step in range(failures):
                    at = last_failure - timedelta(seconds=50 * (failures - 1 - step))
                    events.append(
                        (self._take("account_event"), account_id, w.stamp(at), "login_failed",
                         source, None, None)
                    )  # fmt: skip
            if last_login is not None and last_failure is not None:
                last_login = min(last_login, last_failure - timedelta(hours=1))
        email = (person.email or f"{id_number.lower()}@mail.example") if registered_at else None
        batch.rows["results_account"].append(
            (
                account_id, cid, email,
                self.pools.password_hash(id_number) if registered_at else None,
                w.stamp(registered_at), w.stamp(registered_at),
                w.flag(registered_at is not None and rng.random() < 0.3), w.flag(False),
                failures, w.stamp(last_failure), w.stamp(locked_at), w.stamp(locked_until),
                source, 0, w.stamp(last_login),
            )
        )  # fmt: skip
        reissued = force == "reissued" or (force != "known" and rng.random() < REISSUED)
        letters = batch.rows["letter"]
        letters.append(
            (
                self._take("letter"), cid, 0,
                self.pools.secret_hash(id_number, letter="replaced" if reissued else "active"),
                w.flag(not reissued), w.stamp(first_day), None, None, f"L{cid:08d}-0",
            )
        )  # fmt: skip
        if reissued:
            self.counts.reissued += 1
            if registered_at is not None:
                at = min(registered_at + timedelta(days=rng.randint(1, 300)), self.now)
                secret = None
            else:
                at = min(first_day + timedelta(days=rng.randint(1, 40)), self.now)
                secret = self.pools.secret_hash(id_number)
            staff_id = self.staff_ids["counter" if rng.random() < 0.4 else "operator"]
            reason = rng.choice(REISSUE_REASONS)
            letters.append(
                (self._take("letter"), cid, 1, secret, w.flag(True), w.stamp(at), staff_id,
                 reason, f"L{cid:08d}-1")
            )  # fmt: skip
            events.append(
                (self._take("account_event"), account_id, w.stamp(at), "letter_reissued", None,
                 staff_id, reason)
            )  # fmt: skip
