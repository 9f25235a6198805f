"""A task for the worker tests that does nothing but leave a trace of each run.

Unlike the application's tasks, it has no guard against running twice: a line
per run in a file, so a task run twice by the worker pool shows as two lines.
"""

import os
import time

from django_tasks import task


@task()
def record_run(path: str, number: int, pause: float = 0.0) -> int:
    """Append "<number> <pid>" to the file at `path`, after `pause` seconds."""
    time.sleep(pause)
    # One short write with O_APPEND: lines from several processes never mix.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, f"{number} {os.getpid()}\n".encode())
    finally:
        os.close(descriptor)
    return number


@task()
def always_fails(number: int) -> None:
    """Raise, so the worker records a failed task."""
    raise RuntimeError(f"probe task {number} fails on purpose")
