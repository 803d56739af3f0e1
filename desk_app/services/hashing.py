"""argon2id hashes for passwords and Secret Numbers; SHA-256 for random tokens."""

from __future__ import annotations

import hashlib

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desk_app.settings import HashingPolicy


class Hasher:
    """Hashes and checks secrets typed by people (passwords, Secret Numbers)."""

    def __init__(self, policy: HashingPolicy) -> None:
        self._hasher = PasswordHasher(
            time_cost=policy.time_cost,
            memory_cost=policy.memory_kib,
            parallelism=policy.parallelism,
        )
        # a hash to check against when there is nothing to check, so a
        # missing account takes as long to refuse as a wrong password
        self._decoy = self._hasher.hash("decoy-password-00")

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, stored: str | None, secret: str) -> bool:
        """Whether ``secret`` matches ``stored``; ``None`` is checked against a decoy.

        Text that is not valid Unicode (bytes smuggled in as surrogate escapes)
        is checked as what it is, and so never matches: no exception.
        """
        typed = secret.encode("utf-8", "surrogatepass")
        try:
            return self._hasher.verify(stored if stored else self._decoy, typed) and bool(stored)
        except (VerificationError, InvalidHashError):
            return False


def token_digest(token: str) -> str:
    """SHA-256 of a high-entropy random token (reset tokens, verification codes)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
