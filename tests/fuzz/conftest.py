"""Fuzz fixtures: the demo world built once per module, a rollback per example,
and a recorder of every write that reaches the database."""

import os
import re
from contextlib import contextmanager

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction

import pytest
from hypothesis import settings

# Examples per form (FUZZ_EXAMPLES) and per POST view (FUZZ_VIEW_EXAMPLES). In
# `make test`: 200 per form, 25 per view, because a view example is a whole
# request and Hypothesis's larger examples make 200 per view take well over an
# hour for the 80 views; `make fuzz` runs 2,000 of each.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ_VIEW_EXAMPLES = int(os.environ.get("FUZZ_VIEW_EXAMPLES", "25"))


def fuzz_settings(examples: int = FUZZ_EXAMPLES):
    """Hypothesis settings for one form or view. The same examples on every run
    (derandomize, no example database): CI stays reproducible, and a failure
    prints the input that broke it. No deadline: the machine is shared."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=False,
    )


# Tables a refused request may still write, each for a reason of its own.
BOOKKEEPING_TABLES = {
    # The signed-in session is saved on every request that touches it.
    "accounts_usersession": "session of the test client's user",
    "django_session": "session of the test client's user",
    # Failed logins are counted and logged: the throttle needs them.
    "axes_accessattempt": "failed-login counter (django-axes)",
    "axes_accessfailurelog": "failed-login log (django-axes)",
    "axes_accesslog": "login log (django-axes)",
    # Rate limits count refused attempts too.
    "ratelimit_cache": "rate-limit counters (CACHES['ratelimit'])",
}

WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE
)


class WriteRecorder:
    """Collects the tables written by the SQL run while it is installed."""

    def __init__(self):
        self.tables: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        match = WRITE.match(sql)
        if match:
            self.tables.append(match.group(1).lower())
        return execute(sql, params, many, context)

    def outside_bookkeeping(self) -> list[str]:
        return sorted({t for t in self.tables if t not in BOOKKEEPING_TABLES})


@contextmanager
def one_example():
    """Run one example in a savepoint that is always rolled back, with empty
    caches (a rate limit hit by the previous example must not hide this one),
    and yield the recorder of its writes."""
    for alias in caches:
        if alias != "ratelimit":  # a table: rolled back below
            caches[alias].clear()
    recorder = WriteRecorder()
    with transaction.atomic():
        with connection.execute_wrapper(recorder):
            yield recorder
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo data (`seed_demo`: one person per role, firms, runs, cases,
    placements, follow-up reports), built once per module inside a transaction
    that is rolled back when the module is done."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=open(os.devnull, "w"))
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
