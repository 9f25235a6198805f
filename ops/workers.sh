#!/bin/sh
# Run N task workers side by side in the foreground: ops/workers.sh N COMMAND...
# (what `make worker WORKERS=N` does). COMMAND is the worker, e.g.
# `.venv/bin/python manage.py db_worker`; each process gets its own
# `--worker-id` (host, this script's pid, its number), which the task table
# records. Ctrl-C or SIGTERM stops them all gracefully: each finishes the task
# it is running, then exits. If one worker exits, the others are stopped too, so
# a process supervisor sees the failure and can restart the set.
set -eu

count=${1:?usage: ops/workers.sh N COMMAND...}
shift
case $count in
    '' | *[!0-9]* | 0) echo "ops/workers.sh: N must be a whole number from 1" >&2; exit 2 ;;
esac

host=$(hostname 2>/dev/null || echo host)
pids=""
stop() {
    trap - INT TERM
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    wait
}
trap 'stop; exit 0' INT TERM

i=1
while [ "$i" -le "$count" ]; do
    "$@" --worker-id "$host-$$-$i" &
    pids="$pids $!"
    i=$((i + 1))
done

# Returns when any worker ends (POSIX sh has no `wait -n`: poll).
while :; do
    for pid in $pids; do
        if ! kill -0 "$pid" 2>/dev/null; then
            status=0
            wait "$pid" || status=$?
            echo "ops/workers.sh: worker $pid exited ($status); stopping the others" >&2
            stop
            exit "$status"
        fi
    done
    sleep 1
done
