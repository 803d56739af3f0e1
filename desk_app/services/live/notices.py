"""The notice a change sends to the other desks, in the change's own transaction.

On PostgreSQL :func:`announce` calls ``pg_notify`` inside the unit of work
that writes the audit entry, so the notice is delivered when — and only if —
the change commits. It carries the kind of change, the candidates' ids and
the audit entry's id: small, and never a name, an email or a number a
person could read anything from. A change of many candidates at once (an
import) sends one notice, and the desks reload what they show.

On SQLite there is no server to send through: desks find the same changes
in the audit trail (``listening.SqliteWatcher``), so :func:`announce` does
nothing there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.services.live.kinds import CHANNEL, MANY, kind_of

#: a notice names at most this many candidates; beyond, desks reload what they show
MAX_IDS = 50


@dataclass(frozen=True)
class Change:
    """What another desk (or the website) changed."""

    kind: str
    candidate_ids: frozenset[int]
    #: the newest audit entry behind the change (0 when not known)
    audit_id: int = 0
    #: reload everything on screen: many candidates changed, or notices may have been missed
    everything: bool = False

    def touches(self, candidate_id: int) -> bool:
        return self.everything or candidate_id in self.candidate_ids


#: what a desk assumes after its listening connection was lost and made again
MISSED = Change("missed", frozenset(), 0, everything=True)


def change_of(kind: str, candidate_ids: Iterable[int], audit_id: int) -> Change:
    ids = frozenset(candidate_ids)
    everything = kind in MANY or not ids or len(ids) > MAX_IDS
    return Change(kind, frozenset() if everything else ids, audit_id, everything)


def payload(change: Change) -> str:
    body: dict[str, object] = {"k": change.kind, "a": change.audit_id}
    if change.everything:
        body["all"] = True
    else:
        body["c"] = sorted(change.candidate_ids)
    return json.dumps(body, separators=(",", ":"))


def parse(text: str) -> Change:
    """A notice read back; anything unreadable means "reload what you show"."""
    try:
        body = json.loads(text)
        kind = str(body["k"])
        audit_id = int(body.get("a", 0))
        if body.get("all"):
            return Change(kind, frozenset(), audit_id, everything=True)
        return change_of(kind, (int(i) for i in body["c"]), audit_id)
    except (ValueError, TypeError, KeyError, AttributeError):
        return MISSED


def announce(session: Session, actions: Iterable[tuple[str, int | None]], audit_id: int) -> None:
    """Tell the other desks, on commit, of these audited ``(action, candidate id)``.

    Looks and office matters (:func:`~desk_app.services.live.kinds.kind_of`
    says None) send nothing; several actions send one notice, of the first
    kind that touches many candidates, else of the first kind.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    kinds: list[str] = []
    ids: set[int] = set()
    for action, candidate_id in actions:
        kind = kind_of(action)
        if kind is None:
            continue
        kinds.append(kind)
        if candidate_id is not None:
            ids.add(candidate_id)
    if not kinds:
        return
    kind = next((k for k in kinds if k in MANY), kinds[0])
    text = payload(change_of(kind, ids, audit_id))
    session.execute(select(func.pg_notify(CHANNEL, text)))
