"""How an audit event's hash is made: the definition every writer and checker shares.

Each row's hash is SHA-256 over its canonical content (sorted-key JSON of
id, time, actor, staff id, action, candidate id, subject, reason, details)
and the previous row's hash; the first row follows :data:`GENESIS_HASH`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

#: one encoder for every event (``json.dumps`` with options builds a new one per call,
#: which is a quarter of the cost of checking a million events)
_CANONICAL = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
)


def canonical_json(value: Mapping[str, Any]) -> str:
    """Sorted keys, no spaces, UTF-8 as is: the same text for the same content, always."""
    return _CANONICAL.encode(value)


def stamp(at: datetime) -> str:
    """The time as the hash and the exports write it (microseconds, with the offset)."""
    return at.isoformat(timespec="microseconds")


#: what each event's hash covers, in the canonical content's names ("prev": the previous hash)
HASHED_FIELDS = (
    "id", "at", "actor", "staff_id", "action", "candidate_id", "subject", "reason", "detail",
    "prev",
)  # fmt: skip


def hashed_content(
    *,
    id: int,
    at: datetime,
    actor: str,
    staff_id: int | None,
    action: str,
    candidate_id: int | None,
    subject: str | None,
    reason: str | None,
    detail: str,
    prev_hash: str,
) -> dict[str, Any]:
    """The values an event's hash covers (:data:`HASHED_FIELDS`), the time as text."""
    return {
        "id": id,
        "at": stamp(at),
        "actor": actor,
        "staff_id": staff_id,
        "action": action,
        "candidate_id": candidate_id,
        "subject": subject,
        "reason": reason,
        "detail": detail,
        "prev": prev_hash,
    }


def content_digest(content: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of :func:`hashed_content` (or the same read from a file)."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def row_digest(
    *,
    id: int,
    at: datetime,
    actor: str,
    staff_id: int | None,
    action: str,
    candidate_id: int | None,
    subject: str | None,
    reason: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    return content_digest(
        hashed_content(
            id=id, at=at, actor=actor, staff_id=staff_id, action=action,
            candidate_id=candidate_id, subject=subject, reason=reason, detail=detail,
            prev_hash=prev_hash,
        )
    )  # fmt: skip
