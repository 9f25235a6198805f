#!/usr/bin/env bash
# `make load`: Locust, headless, against the production setup on loopback.
#
# Starts PostgreSQL 15 (Debian's cluster, as .ci/run does) if it is not running,
# creates a fresh database `lms_load` (migrate, the bench's data of LOAD_SIZE with
# the demo, bench/load/prepare.py's
# participants, cases, certified firms and placements), starts a private Redis (bench/with-redis.sh runs this script) and
# gunicorn with 3 workers on lms.settings.production, runs Locust twice (30 users,
# then 100, LOAD_TIME each) and prints one line per endpoint and run. Stops and
# drops all of it afterwards (PostgreSQL only if this script started it).
#
# LOAD_WORKER_CLASS (gthread) and LOAD_THREADS (4) choose gunicorn's workers, as
# the README's deploy steps run them;
# LOAD_USERS ("30 100"), LOAD_TIME (2m) and LOAD_SPAWN_RATE (10 per second) the load;
# LOAD_SIZE (L) the database's size: bench/data.py's S, M or L, built first.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
PORT=${LOAD_PORT:-8089}
USERS=${LOAD_USERS:-30 100}
TIME=${LOAD_TIME:-2m}
SPAWN_RATE=${LOAD_SPAWN_RATE:-10}
SIZE=${LOAD_SIZE:-L}
WORKER_CLASS=${LOAD_WORKER_CLASS:-gthread}
THREADS=${LOAD_THREADS:-4}
DB=lms_load
work=$(mktemp -d)

if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
    if [ "$(id -u)" != "0" ]; then
        echo "PostgreSQL 15 is missing: sudo apt-get install -y postgresql-15" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15
fi
pg_lsclusters -h | grep -q '^15 main' || pg_createcluster 15 main
started_pg=""
if ! pg_lsclusters -h | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster 15 main start
    started_pg=1
fi
PGPORT=$(pg_lsclusters -h | awk '$1=="15" && $2=="main" {print $3}')
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break
    sleep 1
done
psql_admin() { su postgres -c "psql -p $PGPORT -q $*"; }

cleanup() {
    if [ -f "$work/gunicorn.pid" ]; then
        kill "$(cat "$work/gunicorn.pid")" 2>/dev/null || true
        for _ in $(seq 1 30); do
            [ -f "$work/gunicorn.pid" ] || break
            sleep 0.5
        done
    fi
    psql_admin -c "'DROP DATABASE IF EXISTS $DB WITH (FORCE)'" || true
    if [ -n "$started_pg" ]; then pg_ctlcluster 15 main stop; fi
    rm -rf "$work"
}
trap cleanup EXIT

psql_admin <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lms') THEN
        CREATE ROLE lms LOGIN PASSWORD 'lms' CREATEDB;
    END IF;
END $$;
SQL
psql_admin -c "'DROP DATABASE IF EXISTS $DB WITH (FORCE)'"
su postgres -c "createdb -p $PGPORT -O lms $DB"

export DJANGO_SETTINGS_MODULE=lms.settings.production
export DATABASE_URL="postgres://lms:lms@127.0.0.1:$PGPORT/$DB"
export SECRET_KEY
SECRET_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
export ALLOWED_HOSTS=127.0.0.1
# One signing key for every worker (a throwaway, made before production settings load).
export CREDENTIAL_SIGNING_KEYS
CREDENTIAL_SIGNING_KEYS="[$($BIN/python manage.py credential_signing_key --settings=lms.settings.dev 2>/dev/null)]"
# Plain HTTP on loopback (no TLS proxy in front): no redirect, no Secure cookies.
export SECURE_SSL_REDIRECT=0
export STATIC_ROOT="$work/static"
# The demo's evidence files (seed_demo) and the load's uploads go with the rest
# of the run's files.
export PRIVATE_MEDIA_ROOT="$work/private_media"
export LOG_LEVEL=WARNING
# Assessors log in with a password only: the load measures the pages, not the
# second factor (production requires it of assessors, verifiers and admins).
export REQUIRE_2FA=0

echo "== load: database $DB, demo data, participants"
$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py createcachetable
# The set-up mails placement invitations at once: kept in memory
# (bench/load/settings.py); gunicorn serves on the production settings.
echo "== load: size $SIZE (bench/data.py; the demo included)"
DJANGO_SETTINGS_MODULE=bench.load.settings $BIN/python -m bench.load.build "$SIZE"
DJANGO_SETTINGS_MODULE=bench.load.settings $BIN/python -m bench.load.prepare \
    "$work/data.json"
$BIN/python manage.py collectstatic --noinput -v0

echo "== load: gunicorn, 3 $WORKER_CLASS workers × $THREADS threads, on 127.0.0.1:$PORT"
$BIN/gunicorn lms.wsgi:application --bind "127.0.0.1:$PORT" --workers 3 \
    --worker-class "$WORKER_CLASS" --threads "$THREADS" --keep-alive 5 \
    --daemon --pid "$work/gunicorn.pid" --error-logfile "$work/gunicorn.log" \
    --capture-output
for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done

offset=0
for users in $USERS; do
    echo "== load: $users users for $TIME (starting $SPAWN_RATE a second, each participant logs in)"
    LOAD_DATA="$work/data.json" LOAD_ACCOUNT_OFFSET=$offset \
        $BIN/locust -f bench/load/locustfile.py --headless --only-summary \
        --users "$users" --spawn-rate "$SPAWN_RATE" --run-time "$TIME" \
        --host "http://127.0.0.1:$PORT" --csv "$work/u$users" --csv-full-history \
        --loglevel WARNING >"$work/locust-$users.log" 2>&1 || true
    $BIN/python -m bench.load.report "$work/u${users}_stats.csv" "$users"
    offset=$((offset + users))
done
if grep -q -E "Traceback|ERROR|CRITICAL" "$work/gunicorn.log"; then
    echo "== load: gunicorn's log has errors:"
    grep -E -A3 "Traceback|ERROR|CRITICAL" "$work/gunicorn.log" | tail -40
fi
