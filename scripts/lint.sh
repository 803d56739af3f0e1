#!/usr/bin/env bash
# The static checks: `make lint`, and the first part of scripts/test.sh (so of CI).
#
#   bash scripts/lint.sh [--summary FILE]
#
# Runs every check even after one fails, then prints one line per failure and
# exits 1. With --summary, those lines are also appended to FILE (test.sh
# prints them again after the tests, where a reader of the log looks).
# Expects the dev tools in .venv (bash scripts/setup.sh --dev).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

summary=/dev/null
if [ "${1:-}" = "--summary" ] && [ -n "${2:-}" ]; then
    summary="$2"
elif [ -n "${1:-}" ]; then
    echo "usage: bash scripts/lint.sh [--summary FILE]" >&2
    exit 2
fi

VENV=.venv/bin
failures=()

# check REASON COMMAND...: run COMMAND; on failure remember REASON (one line).
check() {
    local reason="$1"
    shift
    echo "lint: $*"
    if ! "$@"; then
        failures+=("$reason")
    fi
}

check "ruff check . found problems (make format fixes some)" \
    "$VENV/ruff" check .
check "ruff format --check . : files are not formatted as ruff formats them (run make format)" \
    "$VENV/ruff" format --check .
check "mypy desk_app found type errors" \
    "$VENV/mypy" desk_app
# the benchmarks and scripts import the package too: a stale import path fails here, not
# the next time someone runs them
check "mypy found type errors in bench/" "$VENV/mypy" -p bench
check "mypy found type errors in scripts/" "$VENV/mypy" scripts
check "translations: unfinished or obsolete entries in the .ts (translate them, then make tr-release)" \
    bash scripts/translations.sh unfinished
check "translations: the .ts is not up to date with the sources (run make tr-update, translate, make tr-release)" \
    bash scripts/translations.sh sources
check "translations: the shipped .qm is not compiled from the .ts (run make tr-release)" \
    bash scripts/translations.sh qm

if [ "${#failures[@]}" -eq 0 ]; then
    echo "lint: all checks passed"
    exit 0
fi
for reason in "${failures[@]}"; do
    echo "lint: FAILED: $reason" | tee -a "$summary" >&2
done
exit 1
