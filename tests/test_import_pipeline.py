"""The second pass's order: look-ups, then the chunk before written, then this chunk built.

On PostgreSQL the writes run on a worker thread (services/importing/
pipeline.py); these hold its promises without a database: a write's error
reaches the caller, nothing held is written once dropped, :meth:`close`
returns only when the worker is idle, and ids drawn ahead are never taken
twice.
"""

from __future__ import annotations

import threading

import pytest

from desk_app.services.importing.pipeline import ChunkPipeline, IdReserve


@pytest.mark.parametrize("threaded", [True, False], ids=["worker", "inline"])
def test_writes_run_in_order_one_chunk_behind(threaded: bool) -> None:
    done: list[int] = []
    pipeline = ChunkPipeline(threaded=threaded)
    try:
        for chunk in range(5):
            pipeline.settle()  # the look-ups of this chunk would run here
            pipeline.release()
            pipeline.hold(lambda chunk=chunk: done.append(chunk))
            assert chunk not in done  # held, not written, until the next chunk's look-ups
        pipeline.flush()
        assert done == [0, 1, 2, 3, 4]
    finally:
        pipeline.close()


@pytest.mark.parametrize("threaded", [True, False], ids=["worker", "inline"])
def test_a_failed_write_reaches_the_caller(threaded: bool) -> None:
    def refused() -> None:
        raise RuntimeError("duplicate key")

    pipeline = ChunkPipeline(threaded=threaded)
    try:
        pipeline.hold(refused)
        with pytest.raises(RuntimeError, match="duplicate key"):
            pipeline.flush()
    finally:
        pipeline.close()


def test_close_waits_for_the_write_in_flight_and_drops_what_is_held() -> None:
    started, finish = threading.Event(), threading.Event()
    done: list[str] = []

    def slow() -> None:
        started.set()
        finish.wait(5)
        done.append("slow")

    pipeline = ChunkPipeline(threaded=True)
    pipeline.hold(slow)
    pipeline.release()
    assert started.wait(5)
    pipeline.hold(lambda: done.append("held"))
    threading.Timer(0.05, finish.set).start()
    pipeline.close()  # as before a rollback: nothing runs on the connection after this
    assert done == ["slow"]


def test_ids_drawn_ahead_are_each_taken_once() -> None:
    drawn: list[int] = []

    def draw(count: int) -> list[int]:
        first = len(drawn) + 1
        drawn.extend(range(first, first + count))
        return list(range(first, first + count))

    reserve = IdReserve(draw)
    reserve.top_up(3)
    assert reserve.take(2) == [1, 2]
    reserve.top_up(3)  # one left over: two more drawn
    assert reserve.take(3) == [3, 4, 5]
    assert drawn == [1, 2, 3, 4, 5]
    with pytest.raises(RuntimeError):
        reserve.take(1)
