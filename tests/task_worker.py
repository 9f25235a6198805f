"""Production's task backend in a test, and one worker run in the test's process."""

import signal
from io import StringIO

from django.core.management import call_command

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def work() -> None:
    """Run a worker in this process until the queue is empty (`--batch`)."""
    # The worker installs its own handlers for a graceful stop; give pytest's back.
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    try:
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--verbosity",
            "0",
            stdout=StringIO(),
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
