#!/usr/bin/env bash
# Run the checks CI runs: set-up, ruff, then the whole pytest suite offscreen.
#
#   bash scripts/test.sh [pytest arguments...]
#
# Exits non-zero on any failure, and also when pytest collected no test.
# PostgreSQL tests start their own throw-away cluster (see tests/support/postgres.py);
# set DESK_APP_TEST_POSTGRES_URL to use an existing server instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh --dev

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

echo "test: ruff check ."
.venv/bin/ruff check .

echo "test: pytest $*"
status=0
.venv/bin/pytest "$@" </dev/null || status=$?
if [ "$status" -eq 5 ]; then
    echo "test: pytest collected no tests; that counts as a failure" >&2
    exit 1
fi
exit "$status"
