#!/usr/bin/env bash
# Run what CI runs (`bash .ci/run` is this script): set-up with the dev tools,
# the static checks of scripts/lint.sh (ruff check, ruff format --check, mypy
# desk_app, translations current), then the whole pytest suite offscreen.
#
#   bash scripts/test.sh [pytest arguments...]
#
# The tests run even when a static check failed; the checks' one-line reasons
# are printed again at the end. Exits non-zero on any failure, and also when
# pytest collected no test.
# PostgreSQL tests start their own throw-away cluster (see tests/support/postgres.py);
# set DESK_APP_TEST_POSTGRES_URL to use an existing server instead.
# The tests run on every core (pytest-xdist), each worker with its own cluster;
# DESK_APP_TEST_WORKERS sets how many (0: all in this one process).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh --dev

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

summary="$(mktemp)"
trap 'rm -f "$summary"' EXIT
lint_status=0
bash scripts/lint.sh --summary "$summary" || lint_status=$?

echo "test: pytest $*"
status=0
.venv/bin/pytest -n "${DESK_APP_TEST_WORKERS:-auto}" --durations=15 "$@" </dev/null || status=$?
if [ "$status" -eq 5 ]; then
    echo "test: pytest collected no tests; that counts as a failure" >&2
    status=1
fi
if [ "$lint_status" -ne 0 ]; then
    cat "$summary" >&2
    [ "$status" -ne 0 ] || status=1
fi
exit "$status"
