"""``python -m bench`` (``make bench``): run every benchmark found here, in turn.

The protocol is in bench/README.md: a module ``bench.<name>`` that defines
``run(report: list[str]) -> None`` is run with the shared report, adds its
Markdown lines to it and updates its own section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import time

#: in this order; a name that is missing or has no ``run`` is skipped with a note
BENCHES = (
    "bench.search_bench",
    "bench.accounts_bench",
    "bench.bench_documents",
    "bench.import_bench",
    "bench.audit_export_bench",
)


def main() -> int:
    report: list[str] = []
    failed = 0
    for name in BENCHES:
        if importlib.util.find_spec(name) is None:
            print(f"{name}: not here, skipped", file=sys.stderr)
            continue
        module = importlib.import_module(name)
        run = getattr(module, "run", None)
        if not callable(run):
            print(f"{name}: has no run(report), skipped", file=sys.stderr)
            continue
        print(f"{name}: running …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            run(report)
        except Exception as error:  # one bench failing must not hide the others' results
            failed += 1
            print(f"{name}: FAILED: {error!r}", file=sys.stderr)
            continue
        print(f"{name}: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        report.append("")
    print("\n".join(report))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
