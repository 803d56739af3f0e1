#!/usr/bin/env bash
# Refresh the dependency locks: `make lock` (the same as `bash scripts/lock.sh`).
#
#   bash scripts/lock.sh            keep every pin that still fits, resolve what changed
#   bash scripts/lock.sh --upgrade  move every pin to the newest release that fits
#
# Writes, each with the sha256 of every file of every pinned release:
#   requirements/bootstrap.lock  pip and setuptools (from requirements/bootstrap.in)
#   requirements/runtime.lock    pyproject.toml [project] dependencies: what run.sh installs
#   requirements/dev.lock        runtime + the [dev] extra, the runtime pins kept as they
#                                are (-c runtime.lock): what test.sh installs
#
# The tool is uv (`uv pip compile --generate-hashes`), not pip-tools: pip-compile
# resolves for the interpreter and platform it happens to run on, while uv
# resolves for the target named below whatever machine runs the refresh, so
# the locks come out the same for everyone; uv is also one static binary in a
# wheel with no dependencies of its own. It is installed here, pinned, into
# .lock-tools/ (git-ignored) for the refresh only: the app, its tests and
# scripts/setup.sh never need it, so it is in neither lock.
#
# Existing pins are kept by passing each lock's package==version lines (its
# hashes dropped, so every hash is fetched anew from the index) to uv as the
# versions to prefer. Git conflict markers are dropped too: after a merge that
# conflicts in a lock, run this and the newer of the two pins wins.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

UV_VERSION=0.13.9
# The machines the desk and CI run on: Debian 12, Python 3.11, glibc 2.36, x86_64.
# (PySide6 6.11 and later ship manylinux_2_34-or-newer wheels: an older glibc target finds none.)
TARGET=(--python-version 3.11 --python-platform x86_64-manylinux_2_36)

say() { printf 'lock: %s\n' "$*"; }

upgrade=0
case "${1:-}" in
    "") ;;
    --upgrade) upgrade=1 ;;
    *)
        echo "usage: bash scripts/lock.sh [--upgrade]" >&2
        exit 2
        ;;
esac

TOOLS="$ROOT/.lock-tools"
UV="$TOOLS/bin/uv"
if [ ! -x "$UV" ] || [ "$("$UV" --version 2>/dev/null | awk '{print $2}')" != "$UV_VERSION" ]; then
    say "installing uv $UV_VERSION into .lock-tools/ (for the refresh only)"
    rm -rf "$TOOLS"
    "${PYTHON:-python3}" -m venv "$TOOLS"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$TOOLS/bin/python" -m pip install -q "uv==$UV_VERSION" </dev/null
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# lock NAME INPUT... : compile requirements/NAME.lock from the inputs (uv arguments).
lock() {
    local name="$1" out="requirements/$1.lock" seed="$WORK/$1.lock"
    shift
    : >"$seed"
    if [ "$upgrade" -eq 0 ] && [ -f "$out" ]; then
        # package==version lines only: no hashes, comments or conflict markers
        sed -n 's/^\([A-Za-z0-9][A-Za-z0-9._-]*==[^ ;\\]*\).*/\1/p' "$out" >"$seed"
    fi
    say "$out"
    "$UV" pip compile "$@" "${TARGET[@]}" --generate-hashes --quiet --no-config \
        --custom-compile-command "make lock" --output-file "$seed"
    mv "$seed" "$out"
}

lock bootstrap requirements/bootstrap.in
lock runtime pyproject.toml
lock dev pyproject.toml --extra dev --constraint requirements/runtime.lock
say "done; commit requirements/*.lock"
