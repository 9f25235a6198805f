#!/bin/sh
# Restore a backup made by ops/backup.sh into an empty database and empty media
# folders (those of the current settings, as the app reads them).
#
#   ops/restore.sh BACKUP          (or `make restore BACKUP=backups/sosialprofil-…`)
#   FORCE=1 ops/restore.sh BACKUP  replaces what the database and folders hold
#
# Refuses, changing nothing, when the checksums do not match, when the backup is
# of another kind of database, or (without FORCE=1) when the database has any
# table or a media folder any file. For PostgreSQL, create the empty database
# first (`createdb -O lms lms`); the restore runs in one transaction.
set -eu
BACKUP=${1:?Usage: ops/restore.sh BACKUP (a folder made by ops/backup.sh)}
BACKUP=$(cd "$BACKUP" && pwd)
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
FORCE=${FORCE:-0}
eval "$("$PYTHON" ops/settings_env.py --tables)"

(cd "$BACKUP" && sha256sum --check --quiet SHA256SUMS) || {
    echo "The backup in $BACKUP is damaged (checksums differ): nothing restored." >&2
    exit 1
}
if [ "$(cat "$BACKUP/ENGINE")" != "$DB_ENGINE" ]; then
    echo "The backup is of a $(cat "$BACKUP/ENGINE") database, this is $DB_ENGINE." >&2
    exit 1
fi
if [ "$FORCE" != "1" ]; then
    if [ "$DB_TABLES" != "0" ]; then
        echo "The database $DB_NAME is not empty ($DB_TABLES tables): nothing" \
            "restored. Restore into an empty database, or set FORCE=1 to replace it." >&2
        exit 1
    fi
    for folder in "$MEDIA_ROOT" "$PRIVATE_MEDIA_ROOT"; do
        if [ -d "$folder" ] && [ -n "$(find "$folder" -type f -print -quit)" ]; then
            echo "$folder holds files: nothing restored. Set FORCE=1 to replace them." >&2
            exit 1
        fi
    done
fi

case "$DB_ENGINE" in
postgresql)
    clean=""
    [ "$FORCE" = "1" ] && clean="--clean --if-exists"
    # shellcheck disable=SC2086
    PGPASSWORD="$DB_PASSWORD" pg_restore --no-owner --no-privileges --exit-on-error \
        --single-transaction $clean \
        ${DB_HOST:+--host="$DB_HOST"} ${DB_PORT:+--port="$DB_PORT"} \
        ${DB_USER:+--username="$DB_USER"} --dbname="$DB_NAME" "$BACKUP/database.dump"
    ;;
sqlite3)
    "$PYTHON" - "$BACKUP/database.sqlite3" "$DB_NAME" <<'PY'
import sqlite3, sys
copy, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with target:
    copy.backup(target)
PY
    ;;
esac

for pair in "media:$MEDIA_ROOT" "private_media:$PRIVATE_MEDIA_ROOT"; do
    name=${pair%%:*}
    folder=${pair#*:}
    if [ "$FORCE" = "1" ] && [ -d "$folder" ]; then
        find "$folder" -mindepth 1 -delete
    fi
    mkdir -p "$folder"
    tar --extract --gzip --no-same-owner --file="$BACKUP/$name.tar.gz" --directory="$folder"
done
echo "Restored $BACKUP into $DB_ENGINE database $DB_NAME, $MEDIA_ROOT and $PRIVATE_MEDIA_ROOT."
