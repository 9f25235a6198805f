#!/usr/bin/env bash
# Usage: bench/with-redis.sh PORT COMMAND...
# Runs COMMAND with REDIS_URL pointing at a private Redis on 127.0.0.1:PORT (no
# persistence, started here from Debian's redis-server and stopped afterwards).
set -euo pipefail
port=$1
shift
# `make bench`, `make load` and `make test` install Debian's redis-server first.
command -v redis-server >/dev/null 2>&1 || {
    echo "redis-server is missing: sudo apt-get install -y redis-server" >&2
    exit 1
}
if redis-cli -p "$port" ping >/dev/null 2>&1; then
    echo "Port $port already answers as Redis; choose another (REDIS_PORT=…)." >&2
    exit 1
fi
dir=$(mktemp -d)
stop() {
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
done
REDIS_URL="redis://127.0.0.1:$port/0" "$@"
