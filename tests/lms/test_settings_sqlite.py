"""SQLite writers wait for each other instead of failing "database is locked"."""

import threading

from django.conf import settings
from django.db import connections, transaction

import pytest

THREADS = 6
INCREMENTS = 15


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """A file SQLite database under its own alias, with the project's options."""
    alias = "concurrent_sqlite"
    connections.settings[alias] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "concurrent.sqlite3"),
        "OPTIONS": dict(settings.SQLITE_OPTIONS),
        "TEST": {},
    }
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)")
            cursor.execute("INSERT INTO counter VALUES (1, 0)")
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def test_the_demo_database_uses_immediate_transactions_and_waits():
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert settings.SQLITE_OPTIONS["timeout"] >= 5
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        options = settings.DATABASES["default"]["OPTIONS"]
        assert options["transaction_mode"] == "IMMEDIATE"


def test_concurrent_writers_on_a_file_database_all_succeed(sqlite_file):
    errors = []
    start = threading.Barrier(THREADS)

    def writer():
        try:
            start.wait()
            for _ in range(INCREMENTS):
                # Read, then write, in one transaction: the pattern that fails
                # at once ("database is locked") when the lock is taken late.
                with transaction.atomic(using=sqlite_file):
                    with connections[sqlite_file].cursor() as cursor:
                        cursor.execute("SELECT n FROM counter WHERE id = 1")
                        (n,) = cursor.fetchone()
                        cursor.execute(
                            "UPDATE counter SET n = %s WHERE id = 1", [n + 1]
                        )
        except Exception as error:  # collected for the assertion
            errors.append(repr(error))
        finally:
            connections[sqlite_file].close()

    threads = [threading.Thread(target=writer) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("SELECT n FROM counter WHERE id = 1")
        assert cursor.fetchone() == (THREADS * INCREMENTS,)
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
