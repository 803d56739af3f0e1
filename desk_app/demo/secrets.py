"""The demo's Secret Numbers and account passwords: small pools, hashed once.

FOR DEMO DATA ONLY. Hashing a million Secret Numbers with argon2 would take
days, so the demo hashes a pool of 32 Secret Numbers and 8 passwords once and
gives every candidate one of them by a formula on the ID Number. That lets
the demo (and its user) tell the plain Secret Number or password of any demo
candidate, and makes many candidates share one hash, which real data must
never do: real Secret Numbers are made and hashed one by one at reissue.
"""

from __future__ import annotations

import random
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from desk_app.services.hashing import Hasher

SECRET_POOL = 32
PASSWORD_POOL = 8
#: the seeds' sample candidate keeps the Secret Number the tests know it by
KNOWN_ID_NUMBER = "SMR123456"
KNOWN_SECRET = "4821"

_WORDS = (
    "harbour", "lantern", "typhoon", "dimsum", "ferry", "tramway",
    "junkboat", "lionrock", "mooncake", "peak", "bauhinia", "egg tart",
)  # fmt: skip


def _slot(id_number: str, size: int, salt: int) -> int:
    return (zlib.crc32(id_number.encode("ascii")) + salt) % size


def secret_pool(seed: int) -> tuple[str, ...]:
    rng = random.Random(f"demo-secrets-{seed}")
    pool = [KNOWN_SECRET]
    while len(pool) < SECRET_POOL:
        secret = f"{rng.randrange(10000):04d}"
        if secret not in pool:
            pool.append(secret)
    return tuple(pool)


def password_pool(seed: int) -> tuple[str, ...]:
    rng = random.Random(f"demo-passwords-{seed}")
    words = rng.sample(_WORDS, PASSWORD_POOL)
    return tuple(f"{word.replace(' ', '')}{rng.randrange(1000, 10000)}" for word in words)


def demo_secret_number(id_number: str, seed: int, *, letter: str = "active") -> str:
    """The plain Secret Number of a demo candidate's active (or ``"replaced"``) letter."""
    if id_number == KNOWN_ID_NUMBER and letter == "active":
        return KNOWN_SECRET
    return secret_pool(seed)[_slot(id_number, SECRET_POOL, 0 if letter == "active" else 1)]


def demo_password(id_number: str, seed: int) -> str:
    """The plain password of a registered demo candidate."""
    return password_pool(seed)[_slot(id_number, PASSWORD_POOL, 0)]


@dataclass(frozen=True)
class HashedPools:
    """The pools' argon2 hashes, indexed like :func:`secret_pool` / :func:`password_pool`."""

    seed: int
    secrets: tuple[str, ...]
    passwords: tuple[str, ...]

    def secret_hash(self, id_number: str, *, letter: str = "active") -> str:
        if id_number == KNOWN_ID_NUMBER and letter == "active":
            return self.secrets[0]
        return self.secrets[_slot(id_number, SECRET_POOL, 0 if letter == "active" else 1)]

    def password_hash(self, id_number: str) -> str:
        return self.passwords[_slot(id_number, PASSWORD_POOL, 0)]


def hash_pools(hasher: Hasher, seed: int) -> HashedPools:
    """Hash both pools once, on a few threads (argon2 releases the GIL)."""
    plain = secret_pool(seed) + password_pool(seed)
    with ThreadPoolExecutor(max_workers=4) as pool:
        hashed = tuple(pool.map(hasher.hash, plain))
    return HashedPools(seed, hashed[:SECRET_POOL], hashed[SECRET_POOL:])
