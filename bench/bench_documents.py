"""How fast the letters and statements render, and how big they are.

    .venv/bin/python bench/bench_documents.py [--runs 200] [--batch 1000]

Prints a Markdown table: the first call (font search and registration
included), then median and p95 over ``--runs`` renders of each document, and
``--batch`` statements in a row (each with its own candidate and code, as a
centre's reprint run would be).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from desk_app.documents import (
    ExamLine,
    LetterContent,
    PaperLine,
    StatementContent,
    find_fonts,
    render_letter,
    render_statement,
)
from desk_app.settings import LockoutPolicy, OfficeInfo, PasswordPolicy

ISSUED = datetime(2025, 1, 2, 6, 5, tzinfo=UTC)


def letter(i: int, registered: bool = False) -> LetterContent:
    return LetterContent(
        id_number=f"SMR{123456 + i}",
        name_en="CHAN Tai Man",
        name_zh="陳大文",
        entries=(
            ExamLine(
                "Cambridge English: Key for Schools (KET)",
                "劍橋英語：KET（青少年版）",
                "July 2014",
                "2014年7月",
            ),
        ),
        secret_number=None if registered else f"{(4821 + i * 37) % 10000:04d}",
        reissue_count=1 + i % 3,
        serial=f"L-2025-{i:06d}",
        issued_at=ISSUED + timedelta(minutes=i),
        password=PasswordPolicy(),
        lockout=LockoutPolicy(),
        office=OfficeInfo(),
    )


def statement(i: int, breakdown: bool = True) -> StatementContent:
    papers = (
        (
            PaperLine("Reading and Writing", "閱讀及寫作", 140 + i % 20),
            PaperLine("Listening", "聆聽", 130 + i % 30),
            PaperLine("Speaking", "口試", 150 + i % 10),
        )
        if breakdown
        else ()
    )
    return StatementContent(
        id_number=f"SMR{123456 + i}",
        name_en="CHAN TAI MAN",
        name_zh="陳大文",
        centre_code="TW056",
        centre_name="Prestige English Centre",
        exam_name_en="Cambridge English: Key for Schools (KET)" if breakdown else "Delta One",
        exam_name_zh="劍橋英語：KET（青少年版）" if breakdown else "Delta 第一單元",
        session_en="July 2014",
        session_zh="2014年7月",
        grade="PASS WITH MERIT",
        cefr="A2",
        score=148,
        score_min=82,
        score_max=180,
        papers=papers,
        has_breakdown=breakdown,
        released_on=date(2014, 8, 12),
        reprint_serial=f"R-2025-{i:06d}",
        printed_at=ISSUED + timedelta(minutes=i),
        printed_by="Wong Siu-ming",
        verification_code=f"{i:04X}-M2XD-9RFA",
        office=OfficeInfo(),
    )


def timed(render: Callable[[], bytes]) -> tuple[float, int]:
    start = time.perf_counter()
    size = len(render())
    return (time.perf_counter() - start) * 1000, size


def series(name: str, make: Callable[[int], bytes], runs: int) -> list[str]:
    results = [timed(lambda i=i: make(i)) for i in range(runs)]  # type: ignore[misc]
    times = sorted(t for t, _ in results)
    sizes = [s for _, s in results]
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return [
        name,
        f"{statistics.median(times):.1f}",
        f"{p95:.1f}",
        f"{max(times):.1f}",
        f"{min(sizes) / 1024:.1f}–{max(sizes) / 1024:.1f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    start = time.perf_counter()
    fonts = find_fonts()
    first_fonts = (time.perf_counter() - start) * 1000
    first_letter, _ = timed(lambda: render_letter(letter(0)))
    first_statement, _ = timed(lambda: render_statement(statement(0)))

    rows = [
        series("letter (new Secret Number)", lambda i: render_letter(letter(i)), args.runs),
        series("letter (registered)", lambda i: render_letter(letter(i, True)), args.runs),
        series("statement (3 papers)", lambda i: render_statement(statement(i)), args.runs),
        series(
            "statement (no breakdown)",
            lambda i: render_statement(statement(i, breakdown=False)),
            args.runs,
        ),
    ]
    start = time.perf_counter()
    total = sum(len(render_statement(statement(i))) for i in range(args.batch))
    batch_s = time.perf_counter() - start

    print(f"Fonts: {fonts.describe()}\n")
    print(f"First call: font search {first_fonts:.0f} ms, ", end="")
    print(f"first letter {first_letter:.0f} ms, first statement {first_statement:.0f} ms\n")
    print(f"| document ({args.runs} runs) | median ms | p95 ms | max ms | size KB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(
        f"| {args.batch} statements in a row | {batch_s * 1000 / args.batch:.1f} (mean) | | "
        f"{batch_s:.1f} s total | {total / args.batch / 1024:.1f} (mean) |"
    )


if __name__ == "__main__":
    main()
