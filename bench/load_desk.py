"""One desk of the load benchmark: a staff member taking calls, through the real services.

    .venv/bin/python -m bench.load_desk --url URL --plan PLAN --index N --seconds S --out OUT

Started by ``load_bench.py``. Each call, one after another without pause:
the caller is looked up (a search as the operator would type it: part of
the name, the ID Number, the phone, the email, the Chinese name) and opened,
verified (an operator checks name, date of birth and one identifier, one
caller in 20 gets the date of birth wrong; a counter sees an identity
document), then, by the kind of call:

- enquiry (half the calls): nothing more;
- locked out (one in five): an unlock, on one of the accounts the website
  clients are hammering (refused as "not locked" when nothing is locked);
- forgotten password (15 %): a reset email, to a registered account;
- lost letter (15 %): a reissued letter, one in ten printed as a PDF;

and every call ends with a note. A supervisor looks at the lockouts list
every fifth call. Every audited success is listed in the tally, to be
found in the audit trail afterwards.
"""

from __future__ import annotations

import random
import time
from datetime import date

from bench.load_common import (
    RESET_LINK_BASE,
    Person,
    Tally,
    load_plan,
    people,
    wait_for_start,
    worker_arguments,
)
from desk_app.config import load_settings
from desk_app.database import Database
from desk_app.services.actor import StaffIdentity
from desk_app.services.clock import SystemClock
from desk_app.services.registry import Services, build_services

CALLS = ("enquiry", "locked out", "forgotten password", "lost letter")
WEIGHTS = (50, 20, 15, 15)


def search_text(rng: random.Random, person: Person) -> str:
    """What the operator types to find the caller."""
    kinds = ["id", "id prefix", "name"]
    kinds += ["chinese"] if person.name_zh else []
    kinds += ["phone"] if person.phone else []
    kinds += ["email"] if person.email else []
    kind = rng.choice(kinds)
    if kind == "id":
        return person.id_number
    if kind == "id prefix":
        return person.id_number[: rng.randint(4, len(person.id_number) - 1)]
    if kind == "chinese" and person.name_zh:
        return person.name_zh[rng.randrange(len(person.name_zh)) :][:2]
    if kind == "phone" and person.phone:
        return "".join(ch for ch in person.phone if ch.isdigit())[-8:]
    if kind == "email" and person.email:
        return person.email.split("@")[0]
    words = person.name_en.split()
    return " ".join(rng.sample(words, min(2, len(words)))).lower()


class Desk:
    def __init__(self, services: Services, staff: StaffIdentity, plan: dict[str, object]) -> None:
        self.s = services
        self.staff = staff
        self.tally = Tally()
        self.callers = people(plan["callers"])  # type: ignore[arg-type]
        self.registered = [p for p in self.callers if p.registered]
        self.hammered = people(plan["hammered"])  # type: ignore[arg-type]
        self.calls = 0

    def _audited(self, action: str, person: Person) -> None:
        self.tally.audited.append((self.staff.id, action, person.candidate_id))

    def take_call(self, rng: random.Random, kind: str | None = None) -> None:
        s, staff, tally = self.s, self.staff, self.tally
        kind = kind or rng.choices(CALLS, WEIGHTS)[0]
        pool = {"locked out": self.hammered, "forgotten password": self.registered}
        person = rng.choice(pool.get(kind, self.callers))
        self.calls += 1
        tally.call("search", lambda: s.search.search(staff, search_text(rng, person)))
        if tally.call("open", lambda: s.candidates.show(staff, person.id_number)):
            self._audited("candidate_viewed", person)
        if not self._verify(rng, person):
            kind = "enquiry"
        reason = f"{kind}: load test call {self.calls}"
        act, who = s.desk_actions, person.id_number
        if kind == "locked out":
            if tally.call("unlock", lambda: act.unlock(staff, who, reason=reason)):
                self._audited("account_unlocked", person)
        elif kind == "forgotten password":
            if tally.call("reset email", lambda: act.send_reset(staff, who, reason=reason)):
                self._audited("reset_sent", person)
        elif kind == "lost letter":
            pdf = rng.random() < 0.1
            action = "letter reissue with PDF" if pdf else "letter reissue"
            if tally.call(action, lambda: act.reissue_letter(staff, who, reason=reason, pdf=pdf)):
                self._audited("letter_reissued", person)
        text = f"{kind}; load test call {self.calls}"
        if tally.call("note", lambda: s.notes.add(staff, person.id_number, text)):
            self._audited("note_added", person)
        if staff.role == "supervisor" and self.calls % 5 == 0:
            tally.call("lockouts list", lambda: s.lockouts.current(staff))

    def _verify(self, rng: random.Random, person: Person) -> bool:
        s, staff = self.s, self.staff
        if staff.role == "counter":
            seen = self.tally.call(
                "verification",
                lambda: s.verification.record_document(staff, person.id_number, "HKID card"),
            )
            if seen:
                self._audited("caller_verified", person)
            return seen is not None
        born = date.fromisoformat(person.date_of_birth)
        if rng.random() < 0.05:  # the caller gets it wrong
            born = born.replace(year=born.year - 1)
        identifier = {"phone": person.phone} if person.phone else {"id_number": person.id_number}
        result = self.tally.call(
            "verification",
            lambda: s.verification.verify_caller(
                staff, person.id_number, name=person.name_en, date_of_birth=born, **identifier
            ),
        )
        if result is None:
            return False
        self._audited("caller_verified" if result.passed else "caller_verification_failed", person)
        return result.passed


def main() -> None:
    args = worker_arguments(__doc__.splitlines()[0] if __doc__ else "").parse_args()
    plan = load_plan(args.plan)
    me = plan["desks"][args.index]
    # the desk's own settings: the default argon2 policy; reset links need the office's page
    settings = load_settings({"office": {"reset_link_base": RESET_LINK_BASE}})
    db = Database(args.url)
    services = build_services(db, settings, SystemClock())
    staff = services.staff.authenticate(me["username"], me["password"])
    rng = random.Random(f"desk-{args.index}-{plan['seed']}")
    # one enquiry before the start, not counted: a desk that has been open a while has its
    # connection and SQLAlchemy's compiled statements (its audit entries precede the run's)
    Desk(services, staff, plan).take_call(rng, "enquiry")
    desk = Desk(services, staff, plan)
    start = wait_for_start()
    deadline = start + args.seconds
    while time.time() < deadline:
        desk.take_call(rng)
    db.dispose()
    desk.tally.save(args.out)
    print("done", flush=True)


if __name__ == "__main__":
    main()
