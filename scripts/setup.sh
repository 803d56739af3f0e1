#!/usr/bin/env bash
# Set up everything Results Desk needs on a Debian machine, then its virtualenv.
#
#   bash scripts/setup.sh          the desk itself (what scripts/run.sh needs)
#   bash scripts/setup.sh --dev    and the development tools (what scripts/test.sh needs)
#
# The virtualenv is installed from the locks in requirements/ (made by
# `make lock`), every file checked against its sha256 (`pip install
# --require-hashes`): first bootstrap.lock (pip itself, and setuptools to build
# the project), then runtime.lock, and with --dev also dev.lock (runtime + the
# test, lint and type-check tools, the runtime pins unchanged); then the
# project itself with `--no-deps -e .`. The runtime install has no pytest, ruff
# or mypy in it.
#
# Idempotent and quick to run again: the apt step is skipped when every Debian
# package is installed already, and each lock is skipped while its marker in
# .venv (.desk-app-NAME.lock.sha256) holds the lock file's sha256; a changed
# lock is installed again, and a runtime-only .venv gets dev.lock the first
# time the tests run.
#
# Debian packages: Python venv/pip, PostgreSQL server + contrib (the tests
# start their own throw-away cluster; the system cluster is left alone), Xvfb
# and the X/GL libraries Qt needs for a real window, CJK fonts for the UI and
# the PDFs, poppler-utils (pdftoppm/pdftotext).
#
# Environment: PYTHON (default python3.11, else python3) picks the interpreter
# for a new .venv; DESK_APP_SKIP_APT=1 skips the Debian step.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf 'setup: %s\n' "$*"; }

DEBIAN_PACKAGES=(
    python3-venv python3-pip
    postgresql postgresql-contrib
    xvfb xauth
    libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0
    libxcb-render-util0 libxcb-xinerama0 libxcb-shape0
    libegl1 libgl1 libfontconfig1 libdbus-1-3
    fonts-noto-cjk fonts-arphic-uming fonts-wqy-microhei
    poppler-utils
)

is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

has_candidate() {
    local candidate
    candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')"
    [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

install_debian_packages() {
    if [ "${DESK_APP_SKIP_APT:-0}" = "1" ]; then
        say "DESK_APP_SKIP_APT=1: skipping Debian packages"
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "not a Debian-like system (no dpkg/apt): install by hand the equivalents of:"
        say "  ${DEBIAN_PACKAGES[*]}"
        return 0
    fi

    local missing=() pkg
    for pkg in "${DEBIAN_PACKAGES[@]}"; do
        # postgresql is the metapackage; a versioned server is as good.
        if [ "$pkg" = "postgresql" ] && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
            continue
        fi
        is_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "Debian packages: all installed"
        return 0
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo)
        else
            say "missing Debian packages; as an administrator run:"
            printf '  sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n' \
                "${missing[*]}"
            say "continuing without them (PostgreSQL tests skip, the GUI may need a display)"
            return 0
        fi
    fi

    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q

    local available=()
    for pkg in "${missing[@]}"; do
        if has_candidate "$pkg"; then
            available+=("$pkg")
        elif [ "$pkg" = "postgresql" ] && has_candidate postgresql-15; then
            available+=(postgresql-15)
        else
            say "warning: no Debian package named $pkg here; skipping it"
        fi
    done
    if [ "${#available[@]}" -gt 0 ]; then
        "${sudo[@]}" apt-get install -y -q --no-install-recommends "${available[@]}" </dev/null
    fi
}

pick_python() {
    # The locks are resolved for Python 3.11 (scripts/lock.sh): prefer it.
    local candidate
    for candidate in ${PYTHON:+"$PYTHON"} python3.11 python3 /usr/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

VENV="$ROOT/.venv"

sha256_of() {
    "$VENV/bin/python" -c \
        'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"
}

pip_install() {
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install -q "$@" </dev/null
}

# install_lock NAME: requirements/NAME.lock into .venv unless its marker says it is there.
installed_a_lock=0
install_lock() {
    local lock="$ROOT/requirements/$1.lock" marker="$VENV/.desk-app-$1.lock.sha256" digest
    if [ ! -f "$lock" ]; then
        say "error: requirements/$1.lock is missing (make lock writes it)" >&2
        exit 1
    fi
    digest="$(sha256_of "$lock")"
    if [ -f "$marker" ] && [ "$(cat "$marker")" = "$digest" ]; then
        return 0
    fi
    say "installing requirements/$1.lock into .venv (pip install --require-hashes)"
    rm -f "$marker"
    pip_install --require-hashes -r "$lock"
    printf '%s\n' "$digest" >"$marker"
    installed_a_lock=1
}

# prune_unlocked LOCK...: uninstall what no lock names (a dependency dropped since this .venv
# was made, e.g. PySide6-Pdf after the move back to PySide6 6.11); what the locks name
# stays, the dev tools too when only the runtime was asked for.
prune_unlocked() {
    local stale
    stale="$("$VENV/bin/python" - "$ROOT"/requirements/*.lock <<'PY'
import re
import sys
from importlib.metadata import distributions


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


locked = {"desk-app"}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as lock:
        locked.update(norm(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9._-]+)==", lock.read(), re.M))
print(" ".join(sorted({norm(d.metadata["Name"]) for d in distributions()} - locked)))
PY
)"
    if [ -n "$stale" ]; then
        say "removing from .venv what no lock names: $stale"
        # shellcheck disable=SC2086 # one word per package
        PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip uninstall -q -y $stale </dev/null
        # a package removed may have taken files another had installed at the same
        # paths (PySide6-Pdf's QtPdf over PySide6-Addons'): those come back whole
        local lock
        for lock in "$@"; do
            say "installing requirements/$lock.lock again, whole"
            pip_install --require-hashes --force-reinstall --no-deps -r "$ROOT/requirements/$lock.lock"
        done
    fi
}

set_up_venv() {
    local python locks=(bootstrap runtime) lock marker="$VENV/.desk-app-project.sha256"
    if [ "${1:-}" = "--dev" ]; then
        locks+=(dev)
    fi
    if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
        say "the existing .venv is broken; recreating it"
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        if ! python="$(pick_python)"; then
            say "error: Python 3.11 or newer is needed (set PYTHON=/path/to/python3)" >&2
            exit 1
        fi
        say "creating .venv with $python ($("$python" --version 2>&1))"
        "$python" -m venv "$VENV"
    fi
    if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
        say "note: the locks are resolved for Python 3.11; .venv has" \
            "$("$VENV/bin/python" --version 2>&1) (PYTHON=python3.11 and a new .venv fix it)"
    fi
    for lock in "${locks[@]}"; do
        install_lock "$lock"
    done
    if [ "$installed_a_lock" -eq 1 ]; then
        prune_unlocked "${locks[@]}"
    fi
    # The project itself, again when pyproject.toml changed (entry points, package
    # data): its dependencies come from the locks, and setuptools from
    # bootstrap.lock builds it (no build isolation: nothing unpinned is fetched).
    if [ ! -x "$VENV/bin/desk-app" ] ||
        [ "$(cat "$marker" 2>/dev/null)" != "$(sha256_of "$ROOT/pyproject.toml")" ]; then
        say "installing desk-app into .venv (pip install --no-deps -e .)"
        rm -f "$marker"
        # setuptools' note about editable installs is a warning, not news.
        PYTHONWARNINGS=ignore pip_install --no-deps --no-build-isolation -e .
        sha256_of "$ROOT/pyproject.toml" >"$marker"
    elif [ "$installed_a_lock" -eq 0 ]; then
        say ".venv: up to date (requirements/{$(IFS=,; echo "${locks[*]}")}.lock installed)"
    fi
    # The desk's own bytecode, as pip compiles the libraries' when it installs them:
    # an editable install compiles nothing, and the first start would compile some
    # 400 modules of ours (seconds) before the sign-in dialog. Only what changed is
    # compiled again; -q keeps it quiet.
    "$VENV/bin/python" -m compileall -q -j 0 "$ROOT/desk_app" >/dev/null
}

case "${1:-}" in
    "" | --dev) ;;
    *)
        echo "usage: bash scripts/setup.sh [--dev]" >&2
        exit 2
        ;;
esac
install_debian_packages
set_up_venv "$@"
say "done"
