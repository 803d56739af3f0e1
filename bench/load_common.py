"""What the load benchmark's processes share: the plan, the tally, the start signal.

The orchestrator (``load_bench.py``) writes a plan (JSON) and starts each
worker (``load_desk.py``, ``load_website.py``) as a process of its own. A
worker prepares (imports, signs in, connects), prints ``ready``, waits for
one line on stdin with the moment to start (``time.time()``), works until
that moment plus the run's seconds, and writes its :class:`Tally` as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from desk_app.services.errors import DeskError

T = TypeVar("T")

#: refusals that are answers, not errors: the rules said no, as they should
EXPECTED: dict[str, frozenset[str]] = {
    "unlock": frozenset({"not_locked"}),
    "website login": frozenset({"wrong_password", "account_locked"}),
}
#: the office's page that takes a reset token (``[office] reset_link_base``)
RESET_LINK_BASE = "https://results.example.org/reset"
#: (role, how many of the first desks have it); the rest are operators
ROLES = (("supervisor", 2), ("counter", 3))
#: how many examples of each unexpected error a worker keeps, to say what went wrong
ERROR_EXAMPLES = 3


@dataclass
class Person:
    """A candidate as a caller knows themselves (from the plan)."""

    candidate_id: int
    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: str
    email: str | None
    phone: str | None
    registered: bool


@dataclass
class Tally:
    """What one worker did: times, refusals, errors, and what should be in the audit trail."""

    #: action -> ms of every call answered (a success or an expected refusal)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    #: action -> code -> count of expected refusals
    refusals: dict[str, dict[str, int]] = field(default_factory=dict)
    #: "action: error" -> count of everything else (any is a failure of the run)
    errors: dict[str, int] = field(default_factory=dict)
    error_examples: dict[str, list[str]] = field(default_factory=dict)
    #: (staff id, audit action, candidate id) of every audited success
    audited: list[tuple[int, str, int]] = field(default_factory=list)
    #: website: ID Number -> answer code -> count
    answers: dict[str, dict[str, int]] = field(default_factory=dict)

    def answered(self, action: str, ms: float) -> None:
        self.latencies.setdefault(action, []).append(ms)

    def refused(self, action: str, code: str) -> None:
        codes = self.refusals.setdefault(action, {})
        codes[code] = codes.get(code, 0) + 1

    def failed(self, action: str, error: BaseException) -> None:
        code = getattr(error, "code", "")
        kind = f"{action}: {type(error).__name__}{f' {code}' if code else ''}"
        self.errors[kind] = self.errors.get(kind, 0) + 1
        examples = self.error_examples.setdefault(kind, [])
        if len(examples) < ERROR_EXAMPLES:
            examples.append("".join(traceback.format_exception_only(error)).strip()[:300])

    def merge(self, other: Tally) -> None:
        for action, values in other.latencies.items():
            self.latencies.setdefault(action, []).extend(values)
        for action, codes in other.refusals.items():
            for code, n in codes.items():
                self.refused_many(action, code, n)
        for kind, n in other.errors.items():
            self.errors[kind] = self.errors.get(kind, 0) + n
        for kind, examples in other.error_examples.items():
            mine = self.error_examples.setdefault(kind, [])
            mine.extend(examples[: ERROR_EXAMPLES - len(mine)])
        self.audited.extend(tuple(item) for item in other.audited)  # type: ignore[misc]
        for id_number, codes in other.answers.items():
            mine_codes = self.answers.setdefault(id_number, {})
            for code, n in codes.items():
                mine_codes[code] = mine_codes.get(code, 0) + n

    def refused_many(self, action: str, code: str, n: int) -> None:
        codes = self.refusals.setdefault(action, {})
        codes[code] = codes.get(code, 0) + n

    def call(self, action: str, work: Callable[[], T]) -> T | None:
        """Run one action, timed; an expected refusal is an answer, anything else an error."""
        start = time.perf_counter()
        try:
            result = work()
        except DeskError as error:
            if error.code in EXPECTED.get(action, ()):
                self.answered(action, (time.perf_counter() - start) * 1000)
                self.refused(action, error.code)
            else:
                self.failed(action, error)
            return None
        except Exception as error:  # counted and named in the report: the run fails
            self.failed(action, error)
            return None
        self.answered(action, (time.perf_counter() - start) * 1000)
        return result

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Tally:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        tally = cls(**data)
        tally.audited = [tuple(item) for item in tally.audited]  # type: ignore[misc]
        return tally


def desk_logins(count: int) -> list[dict[str, str]]:
    """The desks' staff: username, password (load tests only) and role."""
    roles = [role for role, n in ROLES for _ in range(n)]
    return [
        {
            "username": f"load_desk_{n:02d}",
            "password": f"load-desk-{n:02d}-passphrase",
            "role": roles[n] if n < len(roles) else "operator",
        }
        for n in range(count)
    ]


def load_plan(path: Path) -> dict[str, Any]:
    plan: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return plan


def people(rows: list[dict[str, Any]]) -> list[Person]:
    return [Person(**row) for row in rows]


def worker_arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--url", required=True)
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--index", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--out", type=Path, required=True)
    return parser


def wait_for_start() -> float:
    """Say ``ready``; the moment to start, from the orchestrator."""
    print("ready", flush=True)
    line = sys.stdin.readline()
    if not line:
        raise SystemExit("the orchestrator went away before the start")
    start = float(line)
    time.sleep(max(0.0, start - time.time()))
    return start
