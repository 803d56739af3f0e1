#!/usr/bin/env bash
# Set up (if needed) and open the Results Desk window.
#
#   bash scripts/run.sh [desk-app gui arguments, e.g. --db URL]
#
# With no --db and no DESK_APP_DATABASE_URL, the desk uses its own SQLite file
# in the user's data folder; the first time, that database is created and
# filled with demo data (2,000 candidates) and the demo logins are printed.
# On a machine with no display the window opens on a virtual screen (Xvfb).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

DESK_APP="$ROOT/.venv/bin/desk-app"

database_given=0
if [ -n "${DESK_APP_DATABASE_URL:-}" ]; then
    database_given=1
fi
for argument in "$@"; do
    case "$argument" in
        --db | --db=*) database_given=1 ;;
    esac
done

# the demo's office settings (scripts/demo-config.toml), kept beside the demo
# database, stand in while the user has no config file of their own
DEMO_CONFIG="$("$ROOT/.venv/bin/python" -c \
    'from desk_app.config import default_database_path as p; print(p().with_name("demo-config.toml"))')"
USER_CONFIG="$("$ROOT/.venv/bin/python" -c 'from desk_app.config import config_path; print(config_path())')"

use_demo_config() {
    if [ -z "${DESK_APP_CONFIG:-}" ] && [ ! -e "$USER_CONFIG" ] && [ -f "$DEMO_CONFIG" ]; then
        export DESK_APP_CONFIG="$DEMO_CONFIG"
        echo "run: no config file of yours ($USER_CONFIG): using the demo's, $DEMO_CONFIG"
    fi
}

if [ "$database_given" -eq 0 ]; then
    # `desk-app db status`: 0 = schema current, 6 = empty database, 5 = cannot be reached,
    # else (1) it needs an upgrade.
    status=0
    "$DESK_APP" db status >/dev/null 2>&1 </dev/null || status=$?
    case "$status" in
        0) ;;
        5)
            echo "run: the desk database cannot be opened:" >&2
            "$DESK_APP" db status </dev/null >&2 || true
            exit 5
            ;;
        6)
            echo "run: first start: creating the desk database and filling it with demo data"
            "$DESK_APP" db upgrade </dev/null
            "$DESK_APP" demo --candidates 2000 --seed 1 </dev/null
            install -m 0600 "$ROOT/scripts/demo-config.toml" "$DEMO_CONFIG"
            echo "run: the demo logins are printed above"
            ;;
        *)
            echo "run: the desk database needs an upgrade (db status exited $status)"
            "$DESK_APP" db upgrade </dev/null
            ;;
    esac
    use_demo_config
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    if command -v xvfb-run >/dev/null 2>&1; then
        echo "run: no display found (DISPLAY/WAYLAND_DISPLAY unset): opening the desk on a" \
            "virtual X screen with xvfb-run -a (nothing will appear on this machine)"
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$DESK_APP" gui "$@"
    fi
    echo "run: no display and no xvfb-run: opening the desk offscreen (QT_QPA_PLATFORM=offscreen)"
    export QT_QPA_PLATFORM=offscreen
fi
exec "$DESK_APP" gui "$@"
