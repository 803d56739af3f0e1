"""The dependency locks in requirements/ match pyproject.toml (``make lock`` writes them).

Read offline: every declared dependency is pinned within its bounds, with
hashes; the runtime lock has no development tool in it; the dev lock keeps
every runtime pin as it is.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)\s*\\?$")
HASH = re.compile(r"^\s+--hash=sha256:([0-9a-f]{64})\s*\\?$")

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
DEV = [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]]
BUILD = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]


def read_lock(name: str) -> dict[str, tuple[Version, frozenset[str]]]:
    """``requirements/NAME.lock`` as {canonical name: (version, sha256 hashes)}."""
    pins: dict[str, tuple[Version, frozenset[str]]] = {}
    current = ""
    for line in (ROOT / "requirements" / f"{name}.lock").read_text(encoding="utf-8").splitlines():
        if pin := PIN.match(line):
            current = canonicalize_name(pin.group(1))
            assert current not in pins, f"{name}.lock pins {current} twice"
            pins[current] = (Version(pin.group(2)), frozenset())
        elif digest := HASH.match(line):
            version, hashes = pins[current]
            pins[current] = (version, hashes | {digest.group(1)})
        else:
            assert not line.strip() or line.lstrip().startswith("#"), f"{name}.lock: {line!r}"
    assert pins, f"{name}.lock pins nothing"
    return pins


@pytest.mark.parametrize("name", ["bootstrap", "runtime", "dev"])
def test_every_pin_has_its_hashes(name: str) -> None:
    unhashed = [package for package, (_, hashes) in read_lock(name).items() if not hashes]
    assert unhashed == [], f"{name}.lock: no hashes for {unhashed}"


@pytest.mark.parametrize(
    ("name", "declared"),
    [("bootstrap", BUILD), ("runtime", RUNTIME), ("dev", RUNTIME + DEV)],
    ids=["bootstrap", "runtime", "dev"],
)
def test_every_declared_dependency_is_pinned_within_its_bounds(
    name: str, declared: list[Requirement]
) -> None:
    pins = read_lock(name)
    for requirement in declared:
        package = canonicalize_name(requirement.name)
        assert package in pins, f"{package} is not in {name}.lock: run `make lock`"
        version = pins[package][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{name}.lock pins {package}=={version}, pyproject.toml asks {requirement}: "
            "run `make lock`"
        )
        for extra in requirement.extras:  # psycopg[binary] brings psycopg-binary
            assert f"{package}-{extra}" in pins, f"{package}[{extra}] is not in {name}.lock"


def test_the_runtime_lock_has_no_development_tool() -> None:
    runtime = read_lock("runtime")
    tools = {canonicalize_name(r.name) for r in DEV} - {canonicalize_name(r.name) for r in RUNTIME}
    assert sorted(tools & runtime.keys()) == []


def test_the_dev_lock_keeps_every_runtime_pin() -> None:
    dev = read_lock("dev")
    for package, (version, hashes) in read_lock("runtime").items():
        assert package in dev, f"{package} is in runtime.lock, not in dev.lock: run `make lock`"
        assert dev[package] == (version, hashes), (
            f"{package}: runtime.lock pins {version}, dev.lock {dev[package][0]} "
            "(or other hashes): run `make lock`"
        )


def test_the_bootstrap_lock_pins_the_installer() -> None:
    assert {"pip", "setuptools"} <= read_lock("bootstrap").keys()
