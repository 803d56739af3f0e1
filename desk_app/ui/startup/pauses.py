"""Keeping the window's pauses short while workers run Python.

The desk runs every search, load and PDF on workers, but a worker running
Python holds Python's lock, and the GUI thread needs it for every Python call
Qt makes (a cell's text, an event filter, a slot). Two things made the GUI
thread wait for it far longer than the work it then did
(``bench/desk_bench.py`` tells the waits apart):

- **the cyclic collector**: a full pass walks every object the process holds
  (the desk's modules, services and window: some 200,000), holding the lock
  throughout; run on a worker it froze the window for 0.2 s. The objects that
  exist once the desk is open live as long as it does, so
  :func:`keep_out_of_the_collector` moves them out of the collector's way
  (``gc.freeze``): later passes walk only what is new. It also gives back
  Python's own thresholds (:data:`DESK_THRESHOLDS`), which the entry point
  raised for a fast start: a young pass over 50,000 objects took 30 ms on the
  GUI thread, one over 700 takes a fraction of a millisecond.
- **the switch interval**: a thread waiting for the lock gets it after at most
  this long; Python's 5 ms, paid again for each call Qt makes into Python
  while a worker computes, became tens of milliseconds. The window asks for
  :data:`SWITCH_INTERVAL_S`.
"""

from __future__ import annotations

import gc
import sys

#: how long a thread that wants Python's lock waits for another to let it go, s
SWITCH_INTERVAL_S = 0.001
#: the collector's thresholds once the desk is open: Python's own (short, frequent passes)
DESK_THRESHOLDS = (700, 10, 10)


def shorten_lock_waits() -> None:
    """The window's process: the GUI thread gets Python's lock back within 1 ms."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def keep_out_of_the_collector() -> None:
    """What exists now (modules, services, the window) is never walked again by the
    cyclic collector, whose passes are short again; cheap, and safe to call again as more
    long-lived objects appear."""
    gc.freeze()
    gc.set_threshold(*DESK_THRESHOLDS)
