"""The load benchmark's section of docs/PERFORMANCE.md."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from bench.load_common import desk_logins

if TYPE_CHECKING:
    from bench.load_bench import Options, RunResult

ORDER = (
    "search", "open", "verification", "unlock", "reset email", "letter reissue",
    "letter reissue with PDF", "note", "lockouts list", "website login",
)  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the value below which ``share`` of the values lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def _table(result: RunResult, seconds: float) -> list[str]:
    lines = [
        "| action | calls | per second | p50 ms | p95 ms | p99 ms | expected refusals |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    latencies = result.total.latencies
    actions = [a for a in ORDER if a in latencies] + sorted(set(latencies) - set(ORDER))
    for action in actions:
        values = latencies[action]
        refusals = result.total.refusals.get(action, {})
        said = ", ".join(f"{code} {n:,}" for code, n in sorted(refusals.items())) or "—"
        lines.append(
            f"| {action} | {len(values):,} | {len(values) / seconds:.1f} "
            f"| {percentile(values, 0.50):.1f} | {percentile(values, 0.95):.1f} "
            f"| {percentile(values, 0.99):.1f} | {said} |"
        )
    return lines


#: what "lockout counts exact" means here (the check is ``load_checks.py``)
LOCK_CHECK = [
    "The lock check, for each hammered account: its timeline since the start, in the order",
    "the database wrote it (each attempt holds the account's row lock while it writes), is",
    "replayed through the rules: a wrong password counts only while unlocked; the 3rd in a",
    "row locks, and its `locked` event comes straight after it; an attempt while locked is",
    "refused and recorded as such; a desk's unlock ends the lock and the count. It passes",
    "when the `locked` events are exactly those the replay predicts; when the clients' own",
    'answers agree ("wrong password" for each counted wrong password but the one that',
    'locked, "locked" for that one and for each attempt while locked); when each lock has',
    "its one `account_locked` audit entry; and when each unlock a desk was told of is in",
    "the timeline. Nothing lost: every audited success a desk was told of (staff member,",
    "action, candidate) is in the audit trail, and the trail holds nothing more.",
]


def _locks(result: RunResult) -> list[str]:
    accounts = result.checks.accounts
    answers = result.total.answers
    wrong = sum(a.get("wrong_password", 0) for a in answers.values())
    locked = sum(a.get("account_locked", 0) for a in answers.values())
    locks = sum(a.locks for a in accounts)
    predicted = sum(a.predicted_locks for a in accounts)
    unlocks = sum(a.unlocks for a in accounts)
    exact = sum(1 for a in accounts if not a.problems)
    busiest = max(accounts, key=lambda a: a.locks, default=None)
    return [
        f'Locks: the {len(accounts)} hammered accounts were told "wrong password" {wrong:,}'
        f' times and "locked" {locked:,} times; their timelines hold {locks:,} locks'
        f" (the rules predict {predicted:,} from the attempts made) and {unlocks:,} unlocks"
        " by the desks. The replay agrees exactly for"
        f" {exact} of {len(accounts)} accounts"
        + (
            f" (the busiest, {busiest.id_number}, locked {busiest.locks} times)."
            if busiest
            else "."
        ),
    ]


def section(result: RunResult, options: Options, machine: str, reset_base: str) -> list[str]:
    total, checks = result.total, result.checks
    errors = sum(total.errors.values())
    problems = [*checks.problems]
    if errors:
        problems.append(f"{errors:,} errors (see below)")
    if result.crashed:
        problems += [f"a worker stopped: {c}" for c in result.crashed]
    if not result.verified:
        problems.append(f"`desk-app audit verify` failed: {result.verify_said}")
    loads = result.loads
    load_text = (
        f"{sum(loads) / len(loads):.1f} on average, {max(loads):.1f} at most"
        if loads
        else "not sampled"
    )
    roles = Counter(login["role"] for login in desk_logins(options.desks))
    staffed = ", ".join(f"{n} {role}{'s' if n > 1 else ''}" for role, n in sorted(roles.items()))
    lines = [
        "## Many desks on one PostgreSQL (load)",
        "",
        f"Measured by `bench/load_bench.py` ({machine}). One PostgreSQL cluster of the",
        "bench's own, durable commits (fsync and synchronous_commit on, as a centre runs",
        "it), holding the demo data (`desk-app demo --candidates "
        f"{options.candidates:,} --seed 2026`), copied fresh for the run.",
        f"For {options.seconds:.0f} s, at the same moment:",
        "",
        f"- {options.desks} desk processes, each a staff member of its own ({staffed}),",
        "  taking calls through the real services one after another without",
        "  pause: a search as an operator types it, the candidate opened, the caller",
        "  verified (one caller in 20 gets the date of birth wrong), then for half the",
        "  calls nothing more, for one in five an unlock (of an account the website",
        "  clients hammer), for 15 % a reset email, for 15 % a reissued letter (one in ten",
        "  printed as a PDF); every call ends with a note, and a supervisor looks at the",
        f"  lockouts list every fifth call. Reset links go to `{reset_base}`",
        "  (`[office] reset_link_base`). The desks hash with the default argon2 policy.",
        f"- {options.clients} website clients ({options.website_processes} processes of"
        f" threads, a connection each) logging in with wrong passwords, without pause,",
        f"  on {options.hammered} registered accounts chosen at random. **Their hashes use",
        "  the cheapest argon2 policy** (t=1, 8 KiB, p=1: the demo data was made with",
        "  it): with the default policy, hashing alone would take the two cores.",
        "",
        "The machine is shared with other work: the 1-minute load average was"
        f" {result.load_before:.1f} just before the workers started (that work, and the",
        "copy of the data the run starts from),",
        f"{load_text} during the run (sampled every 5 s, the run's own processes included);",
        "the times below are what a desk saw, waiting for the CPU included.",
        "",
        *_table(result, options.seconds),
        "",
        "Times are of every call answered (a success or an expected refusal), from the",
        "service call to its answer. Before the start each desk has signed in and taken one",
        "enquiry, and each website client has its connection open (not counted): the",
        "figures are of desks and a website that have been up a while.",
        "",
        "Errors: "
        + (
            "none."
            if not errors
            else "; ".join(f"{kind}: {n:,}" for kind, n in sorted(total.errors.items()))
        ),
        *[
            f"- e.g. {kind}: {example}"
            for kind, examples in sorted(total.error_examples.items())
            for example in examples[:1]
        ],
        "",
        *_locks(result),
        "",
        *LOCK_CHECK,
        "",
        f"Audit trail: `desk-app audit verify` after the run: {result.verify_said}",
        f"Nothing lost: {checks.audited:,} audited successes (the desks' actions and the"
        f" website's locks), {checks.found:,} of them in the audit trail"
        + (", nothing extra." if not checks.extra else f", {sum(checks.extra.values())} extra."),
        "",
    ]
    if problems:
        lines += ["**The run failed:**", *[f"- {p}" for p in problems[:30]]]
    else:
        lines.append(
            "No error; every lock exactly as the rules predict; the chain verifies; nothing lost."
        )
    return lines
