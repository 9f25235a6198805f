"""Every URL pattern of the project × every actor: the status the table names.

The patterns come from the resolver, so a view added without a row in
`url_table.py` fails `test_every_pattern_is_in_the_table`. The records belong to
someone else for most actors (IDOR). All mismatches are collected and reported
at once: pattern, actor, expected, got.
"""

import os
import time
from http import HTTPStatus

from django.test import Client

import pytest

from .conftest import ACTORS
from .url_table import (
    TABLE,
    MissingFromTable,
    Pattern,
    PrefixRule,
    Row,
    entry_for,
    expect,
    path_of,
    patterns,
    sample_path,
)

pytestmark = pytest.mark.django_db


def clients(world) -> dict:
    """A signed-in client per actor; server errors come back as 500s."""
    result = {}
    for actor in ACTORS:
        client = Client(raise_request_exception=False)
        if world.actors[actor] is not None:
            client.force_login(world.actors[actor])
        result[actor] = client
    return result


def _allowed(wanted, status) -> bool:
    if wanted is None:
        return status < HTTPStatus.INTERNAL_SERVER_ERROR
    if isinstance(wanted, (set, frozenset, tuple)):
        return status in wanted
    return status == wanted


def _show(wanted) -> str:
    if wanted is None:
        return "not 5xx"
    if isinstance(wanted, (set, frozenset, tuple)):
        return "/".join(str(int(item)) for item in sorted(wanted))
    return str(int(wanted))


def requests_of(world):
    """(pattern, label, url, actor, expected) for every request of the matrix."""
    for pattern in patterns():
        entry = entry_for(pattern)
        if isinstance(entry, PrefixRule):
            url = sample_path(pattern.route)
            for actor in entry.allowed:
                yield pattern, "", url, actor, entry.wanted(pattern, actor)
            continue
        for row in entry:
            url = path_of(pattern, row, world.objects)
            for actor in ACTORS:
                yield pattern, row.label, url, actor, row.expect[actor]


def test_every_pattern_is_in_the_table():
    missing = []
    for pattern in patterns():
        try:
            entry_for(pattern)
        except MissingFromTable as error:
            missing.append(str(error))
    assert not missing, "\n".join(missing)


def test_a_pattern_missing_from_the_table_is_named_in_the_failure():
    pattern = Pattern(route="kurs/ny-side/<id:pk>/", name="courses:new_page")
    with pytest.raises(MissingFromTable) as error:
        entry_for(pattern, table={}, rules=())
    assert str(error.value) == (
        "URL pattern 'kurs/ny-side/<id:pk>/' (name 'courses:new_page') is not in "
        "tests/security/url_table.py: add a row with the status of every actor"
    )
    # The same check over the real resolver, with one of our rows left out.
    table = {key: row for key, row in TABLE.items() if key != "validation:case"}
    missing = []
    for item in patterns():
        try:
            entry_for(item, table=table)
        except MissingFromTable as failure:
            missing.append(str(failure))
    assert missing == [
        "URL pattern 'validering/saker/<id:pk>/' (name 'validation:case') is not in "
        "tests/security/url_table.py: add a row with the status of every actor"
    ]


def test_every_row_names_every_actor():
    for key, entry in TABLE.items():
        for row in entry if isinstance(entry, tuple) else (entry,):
            assert isinstance(row, Row), key
            assert set(row.expect) == set(ACTORS), key
    assert expect(HTTPStatus.OK)["anonymous"] == HTTPStatus.OK


@pytest.mark.timeout(900)
def test_every_url_answers_every_actor_as_the_table_says(world):
    by_actor = clients(world)
    mismatches = []
    count = 0
    started = time.monotonic()
    dump = os.environ.get("URL_MATRIX_DUMP")
    observed = {}
    for pattern, label, url, actor, wanted in requests_of(world):
        response = by_actor[actor].get(url)
        count += 1
        status = response.status_code
        if dump:
            observed.setdefault((pattern.key, label, url), {})[actor] = status
        if not _allowed(wanted, status):
            where = response.get("Location", "")
            mismatches.append(
                f"{pattern.key}{' [' + label + ']' if label else ''} {url} "
                f"as {actor}: expected {_show(wanted)}, got {status}"
                + (f" -> {where}" if where else "")
            )
    elapsed = time.monotonic() - started
    if dump:
        with open(dump, "w") as out:
            for (key, label, url), statuses in observed.items():
                out.write(f"{key}\t{label}\t{url}\t{statuses}\n")
    print(f"\nURL matrix: {count} requests in {elapsed:.1f} s")  # noqa: T201
    assert not mismatches, f"{len(mismatches)} of {count} requests:\n" + "\n".join(
        mismatches
    )
