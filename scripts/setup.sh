#!/usr/bin/env bash
# Set up everything Results Desk needs on a Debian machine, then its virtualenv.
#
#   bash scripts/setup.sh
#
# Idempotent and quick to run again: the apt step is skipped when every Debian
# package is installed already, and `pip install -e ".[dev]"` is skipped while
# .venv/.desk-app-installed is newer than pyproject.toml.
#
# Debian packages: Python venv/pip, PostgreSQL server + contrib (the tests
# start their own throw-away cluster; the system cluster is left alone), Xvfb
# and the X/GL libraries Qt needs for a real window, CJK fonts for the UI and
# the PDFs, poppler-utils (pdftoppm/pdftotext).
#
# Environment: PYTHON (default python3) picks the interpreter for a new .venv;
# DESK_APP_SKIP_APT=1 skips the Debian step.
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
    local candidate
    for candidate in "${PYTHON:-python3}" python3 /usr/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

set_up_venv() {
    local venv="$ROOT/.venv" marker="$ROOT/.venv/.desk-app-installed" python
    if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
        say "the existing .venv is broken; recreating it"
        rm -rf "$venv"
    fi
    if [ ! -x "$venv/bin/python" ]; then
        if ! python="$(pick_python)"; then
            say "error: Python 3.11 or newer is needed (set PYTHON=/path/to/python3)" >&2
            exit 1
        fi
        say "creating .venv with $python ($("$python" --version 2>&1))"
        "$python" -m venv "$venv"
        rm -f "$marker"
    fi
    if [ -f "$marker" ] && [ "$marker" -nt "$ROOT/pyproject.toml" ] && [ -x "$venv/bin/desk-app" ]; then
        say ".venv: up to date"
        return 0
    fi
    say "installing desk-app and its dev tools into .venv (pip install -e \".[dev]\")"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    "$venv/bin/python" -m pip install -q -e ".[dev]" </dev/null
    touch "$marker"
}

install_debian_packages
set_up_venv
say "done"
