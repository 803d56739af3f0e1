#!/usr/bin/env bash
# The Chinese (Hong Kong) translation: extract, compile, and check both are current.
#
#   bash scripts/translations.sh update       extract the strings into the .ts  (make tr-update)
#   bash scripts/translations.sh release      compile the .ts into the .qm      (make tr-release)
#   bash scripts/translations.sh unfinished   fail if an entry is unfinished or obsolete
#   bash scripts/translations.sh sources      fail if `update` would change more than locations
#   bash scripts/translations.sh qm           fail if the shipped .qm is not compiled from the .ts
#
# The three checks run from scripts/lint.sh (so from make lint, scripts/test.sh
# and CI). They change nothing: lupdate and lrelease write into a temporary
# folder. lrelease's output depends only on the .ts (the same bytes from run to
# run and from any folder), so comparing bytes is a fair test of the .qm.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV=.venv/bin
TS=translations/desk_app_zh_HK.ts
QM=desk_app/translations/desk_app_zh_HK.qm

# Every file with tr() / QT_TRANSLATE_NOOP strings, in a fixed order.
sources() {
    find desk_app/ui -name '*.py' | LC_ALL=C sort
    # the services' sentences (messages.py and the topic tables it gathers)
    grep -rl --include='*.py' 'QT_TRANSLATE_NOOP(' desk_app/services | LC_ALL=C sort
}

lupdate_into() {
    local files
    mapfile -t files < <(sources)
    "$VENV/pyside6-lupdate" "${files[@]}" -target-language zh_HK -no-obsolete "$@"
}

without_locations() {
    grep -v '^[[:space:]]*<location ' "$1"
}

temporary() {
    WORK="$(mktemp -d)"
    trap 'rm -rf "$WORK"' EXIT
}

case "${1:-}" in
    update)
        lupdate_into -ts "$TS"
        ;;
    release)
        mkdir -p "$(dirname "$QM")"
        "$VENV/pyside6-lrelease" "$TS" -qm "$QM"
        ;;
    unfinished)
        count="$(grep -cE 'type="(unfinished|vanished|obsolete)"' "$TS" || true)"
        if [ "$count" -ne 0 ]; then
            grep -nE -B3 'type="(unfinished|vanished|obsolete)"' "$TS" | grep '<source>' >&2 || true
            echo "translations: $count entries of $TS are unfinished or obsolete" >&2
            exit 1
        fi
        ;;
    sources)
        temporary
        cp "$TS" "$WORK/current.ts"
        lupdate_into -silent -ts "$WORK/current.ts"
        if ! diff -u <(without_locations "$TS") <(without_locations "$WORK/current.ts") >&2; then
            echo "translations: $TS is not up to date with the sources" >&2
            exit 1
        fi
        ;;
    qm)
        temporary
        "$VENV/pyside6-lrelease" -silent "$TS" -qm "$WORK/fresh.qm"
        if ! cmp -s "$QM" "$WORK/fresh.qm"; then
            echo "translations: $QM is not compiled from the current $TS" >&2
            exit 1
        fi
        ;;
    *)
        echo "usage: bash scripts/translations.sh update|release|unfinished|sources|qm" >&2
        exit 2
        ;;
esac
