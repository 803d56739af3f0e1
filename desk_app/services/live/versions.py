"""Two desks, one candidate: an action prepared on an older view is refused.

A desk shows a candidate with its *version*: the id of the newest audit
entry that changed what desks show of that candidate
(:data:`~desk_app.services.live.kinds.ANNOUNCED`). It passes that version
back with an action; the action, once it holds the account row
(``SELECT … FOR UPDATE``; SQLite's write transaction holds the database),
looks for a change that makes it out of date
(:data:`~desk_app.services.live.kinds.CONFLICTING`) written since, and
refuses with :class:`ChangedMeanwhile`, naming the change, who made it and
when. Audit ids are handed out under the chain head's lock, in commit order,
so "written since" is simply a larger id.

So two desks that reissue the same lost letter at once make one new Secret
Number, and the second desk is told who made it; an unlock another desk just
did is never reported as yours. Notes and verifications of another desk's
own caller count in the version (the desk shows them) but refuse nothing.
The command line passes no version: it acts on what is there now.
"""

from __future__ import annotations

from collections.abc import Collection
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.models import AuditEvent, Staff
from desk_app.services.actor import WEBSITE
from desk_app.services.errors import Refused
from desk_app.services.live.kinds import ANNOUNCED, CONFLICTING


class ChangedMeanwhile(Refused):
    """Another desk (or the website) changed the candidate after this desk looked."""


def candidate_versions(session: Session, candidate_ids: Collection[int]) -> dict[int, int]:
    """The version of several candidates, 500 to a query (absent: 0): the newest audit id
    of a change desks show of each (one candidate's is read with the rest of it:
    ``candidates/detail_read.py``)."""
    ids, found = sorted(candidate_ids), dict[int, int]()
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(AuditEvent.candidate_id, func.max(AuditEvent.id))
            .where(
                AuditEvent.candidate_id.in_(ids[start : start + 500]),
                AuditEvent.action.in_(sorted(ANNOUNCED)),
            )
            .group_by(AuditEvent.candidate_id)
        )
        found.update({int(cid): int(newest or 0) for cid, newest in rows if cid is not None})
    return found


def refuse_if_changed(
    session: Session, candidate_id: int, seen_version: int | None, timezone: str
) -> None:
    """Raise :class:`ChangedMeanwhile` when a conflicting change came after ``seen_version``.

    Call it with the candidate's account row locked, so that a change
    committing meanwhile is either seen here or waits for this action.
    """
    if seen_version is None:
        return
    row = session.execute(
        select(AuditEvent.action, AuditEvent.at, AuditEvent.actor, Staff.display_name)
        .outerjoin(Staff, Staff.id == AuditEvent.staff_id)
        .where(
            AuditEvent.candidate_id == candidate_id,
            AuditEvent.id > seen_version,
            AuditEvent.action.in_(sorted(CONFLICTING)),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return
    action, at, actor, display_name = row
    when = at.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M:%S")
    if actor == WEBSITE.name:  # a registration, wrong passwords, a reset link
        raise ChangedMeanwhile("changed_meanwhile_website", change=action, at=when)
    raise ChangedMeanwhile("changed_meanwhile", change=action, by=display_name or actor, at=when)
