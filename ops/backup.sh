#!/bin/sh
# A backup of Sosial Profil: the database and both media folders, with checksums.
#
#   ops/backup.sh            (or `make backup`; BACKUP_DIR, default backups/)
#
# Writes BACKUP_DIR/sosialprofil-<UTC timestamp>/ holding
#   database.dump          PostgreSQL: pg_dump --format=custom (pg_restore reads it)
#   database.sqlite3       SQLite: a consistent copy made with SQLite's backup API
#   media.tar.gz           MEDIA_ROOT (images and documents of the site)
#   private_media.tar.gz   PRIVATE_MEDIA_ROOT (validation evidence: personal data)
#   ENGINE, SHA256SUMS     what the database is; the checksums ops/restore.sh checks
# and prints its path. The connection and folders are read from the Django
# settings (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT),
# exactly as the app reads them. The backup holds personal data: it is written
# readable by its owner only; keep it as safely as the database itself.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
BACKUP_DIR=${BACKUP_DIR:-backups}
eval "$("$PYTHON" ops/settings_env.py)"

umask 077
target="$BACKUP_DIR/sosialprofil-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$BACKUP_DIR"
mkdir "$target"
echo "$DB_ENGINE" > "$target/ENGINE"

case "$DB_ENGINE" in
postgresql)
    PGPASSWORD="$DB_PASSWORD" pg_dump --format=custom --no-owner --no-privileges \
        ${DB_HOST:+--host="$DB_HOST"} ${DB_PORT:+--port="$DB_PORT"} \
        ${DB_USER:+--username="$DB_USER"} --file="$target/database.dump" "$DB_NAME"
    ;;
sqlite3)
    "$PYTHON" - "$DB_NAME" "$target/database.sqlite3" <<'PY'
import sqlite3, sys
source, copy = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with copy:
    source.backup(copy)
PY
    ;;
*)
    echo "Cannot back up a $DB_ENGINE database." >&2
    exit 1
    ;;
esac

# Each folder as an archive of its contents (an absent folder: an empty one).
for pair in "media:$MEDIA_ROOT" "private_media:$PRIVATE_MEDIA_ROOT"; do
    name=${pair%%:*}
    folder=${pair#*:}
    if [ -d "$folder" ]; then
        tar --create --gzip --file="$target/$name.tar.gz" --directory="$folder" .
    else
        tar --create --gzip --file="$target/$name.tar.gz" --files-from=/dev/null
    fi
done

(cd "$target" && sha256sum ENGINE database.* media.tar.gz private_media.tar.gz > SHA256SUMS)
echo "$target"
