#!/usr/bin/env bash
# Back up a Results Desk database with pg_dump, restore the backup into a new database and
# prove the copy: `desk-app db status` and `desk-app audit verify` on it, and its row counts.
#
#   bash scripts/backup_check.sh [--keep] DATABASE BACKUP_FOLDER
#
# Run it where the PostgreSQL client programs reach the server as a role that may create
# databases and read every table: on the database server, `sudo -u postgres bash
# scripts/backup_check.sh results /var/backups/desk-app`. The libpq variables choose the
# server and the login (PGHOST, PGPORT, PGUSER, PGSSLMODE, PGSSLROOTCERT …; a password comes
# from ~/.pgpass, never from the command line). DESK_APP names the desk-app program (default:
# desk-app on PATH, else this checkout's .venv/bin/desk-app).
#
# 1. pg_dump --format=custom DATABASE into BACKUP_FOLDER/DATABASE-YYYYmmdd-HHMMSS.dump (0600);
# 2. a new database DATABASE_check_YYYYmmddHHMMSS with the same owner, and pg_restore of the
#    file into it (stops at the first error);
# 3. desk-app db status and desk-app audit verify on the copy, then the rows of a few tables
#    in the copy beside the original (the original may have grown since the dump);
# 4. the copy is dropped, unless --keep. The backup file stays.
#
# Exit status: 0 when the backup restored and its audit chain verified; 1 otherwise.
set -euo pipefail

keep=0
if [ "${1:-}" = "--keep" ]; then
    keep=1
    shift
fi
if [ $# -ne 2 ]; then
    echo "usage: bash scripts/backup_check.sh [--keep] DATABASE BACKUP_FOLDER" >&2
    exit 2
fi
database="$1"
folder="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
desk_app="${DESK_APP:-$(command -v desk-app || echo "$here/.venv/bin/desk-app")}"
stamp="$(date +%Y%m%d-%H%M%S)"
copy="${database}_check_${stamp//-/}"
dump="$folder/$database-$stamp.dump"

say() { printf 'backup-check: %s\n' "$*"; }

query() {  # query DATABASE SQL: one value, no decoration
    psql --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

# a database URL for desk-app with no host, user or password in it: libpq takes them from
# the same PG* variables (and ~/.pgpass) as the programs above
url_of() { printf 'postgresql+psycopg:///%s' "$1"; }

mkdir -p "$folder"
umask 077
say "dumping $database to $dump"
pg_dump --format=custom --file="$dump" "$database"
entries="$(pg_restore --list "$dump" | grep -cv '^;')"
say "backup written: $(du -h "$dump" | cut -f1), $entries entries in its table of contents"

owner="$(query postgres "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$database'")"
say "restoring into the new database $copy (owner $owner)"
createdb --owner="$owner" --template=template0 --encoding=UTF8 "$copy"
cleanup() {
    if [ "$keep" -eq 0 ]; then
        dropdb --if-exists "$copy" && say "dropped $copy (the backup file stays)"
    else
        say "kept $copy"
    fi
}
trap cleanup EXIT
pg_restore --exit-on-error --dbname="$copy" "$dump"

status=0
say "desk-app db status on $copy:"
"$desk_app" --db "$(url_of "$copy")" db status || status=1
say "desk-app audit verify on $copy:"
"$desk_app" --db "$(url_of "$copy")" audit verify || status=1

printf '%-14s %12s %12s\n' table "$database" "$copy"
for table in staff candidate result audit_event; do
    printf '%-14s %12s %12s\n' "$table" \
        "$(query "$database" "SELECT count(*) FROM $table")" \
        "$(query "$copy" "SELECT count(*) FROM $table")"
done
head_copy="$(query "$copy" "SELECT last_id FROM audit_head")"
[ "$head_copy" = "$(query "$copy" "SELECT count(*) FROM audit_event")" ] || status=1

if [ "$status" -eq 0 ]; then
    say "OK: $dump restores, and its audit chain verifies ($head_copy events)"
else
    say "FAILED: the restored copy did not check out (see above); keep $dump and investigate"
fi
exit "$status"
