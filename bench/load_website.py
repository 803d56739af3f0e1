"""Website clients of the load benchmark: threads logging in with wrong passwords.

    .venv/bin/python -m bench.load_website --url URL --plan PLAN --index N --seconds S
        --out OUT --threads T

Started by ``load_bench.py``. Each thread is one client hammering the
website's login, through the real ``AccountService``, with a wrong password
on a randomly chosen account of the plan's hammered set, again and again
without pause; every answer is counted per account (``wrong_password``,
``account_locked``), for the check that the locks are exactly what the
rules say.

The account passwords these clients try were hashed with the cheapest
argon2 policy (the demo data was made with it): the default policy would
spend the two cores on hashing, not on the database; the desks hash with
the default.
"""

from __future__ import annotations

import random
import threading
import time

from sqlalchemy import text

from bench.load_common import Tally, load_plan, people, wait_for_start, worker_arguments
from desk_app.database import Database, make_engine
from desk_app.services.accounts.website import AccountService
from desk_app.services.clock import SystemClock
from desk_app.services.errors import DeskError
from desk_app.services.hashing import Hasher
from desk_app.settings import HashingPolicy, Settings

CHEAPEST = HashingPolicy(time_cost=1, memory_kib=8, parallelism=1)
ACTION = "website login"


def client(
    accounts: AccountService, ids: list[str], name: str, deadline: float, tally: Tally
) -> None:
    rng = random.Random(name)
    source = f"10.{sum(map(ord, name)) % 250}.{rng.randrange(250)}.{rng.randrange(1, 250)}"
    n = 0
    while time.time() < deadline:
        id_number = rng.choice(ids)
        n += 1
        start = time.perf_counter()
        try:
            accounts.login(id_number, f"Wrong-{name}-{n}", source=source)
            code = "logged_in"  # a wrong password let in: counted, and the check fails
        except DeskError as error:
            code = error.code
        except Exception as error:  # counted and named in the report: the run fails
            tally.failed(ACTION, error)
            continue
        tally.answered(ACTION, (time.perf_counter() - start) * 1000)
        answers = tally.answers.setdefault(id_number, {})
        answers[code] = answers.get(code, 0) + 1
        if code not in ("wrong_password", "account_locked"):
            tally.failed(ACTION, RuntimeError(f"unexpected answer {code}"))


def main() -> None:
    parser = worker_arguments(__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--threads", type=int, default=50)
    args = parser.parse_args()
    plan = load_plan(args.plan)
    ids = [person.id_number for person in people(plan["hammered"])]
    settings = Settings(hashing=CHEAPEST)
    # a connection for each client, as a web server's pool would give them
    db = Database(args.url, engine=make_engine(args.url, pool_size=args.threads, max_overflow=0))
    accounts = AccountService(db, settings, SystemClock(), Hasher(CHEAPEST))
    tallies = [Tally() for _ in range(args.threads)]
    # the pool filled before the start, as a web server's would be: every thread holds a
    # connection at the same moment, so the pool keeps one for each
    connected = threading.Barrier(args.threads + 1)
    go = threading.Event()
    deadline = [0.0]

    def run(t: int) -> None:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            connected.wait()
        go.wait()
        client(accounts, ids, f"w{args.index}-{t}", deadline[0], tallies[t])

    threads = [threading.Thread(target=run, args=(t,)) for t in range(args.threads)]
    for thread in threads:
        thread.start()
    connected.wait()
    deadline[0] = wait_for_start() + args.seconds
    go.set()
    for thread in threads:
        thread.join()
    db.dispose()
    total = Tally()
    for tally in tallies:
        total.merge(tally)
    total.save(args.out)
    print("done", flush=True)


if __name__ == "__main__":
    main()
