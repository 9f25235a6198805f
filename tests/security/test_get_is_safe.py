"""No state change over GET anywhere.

Every URL pattern is requested with GET by the actors the matrix lets in (the
table's 200s and the signed-in 302s; the admin sites as an editor), and the
database must be the same afterwards: the row count of every
model and a checksum of every row of every model, every field included.

Left out, on purpose (each is bookkeeping of who is signed in, not a record of
the platform):
- `sessions.Session` and `accounts.UserSession` (the project's session store):
  a request may touch the session (messages, the chosen language, the last
  activity behind the inactivity timeout); the visitor's, not the site's state.
- `axes.*`: sign-in attempts, written by logins, never by a page.
- `User.last_login`: written by signing in (the clients sign in before the
  first snapshot; the field is excluded so that holds if that ever moves).
- `wagtailusers.UserProfile`: Wagtail keeps each admin user's preferences in a
  row it creates on the first admin page the person opens.
"""

import hashlib
from http import HTTPStatus

from django.apps import apps
from django.db import connection

import pytest

from .conftest import ACTORS
from .test_url_matrix import clients
from .url_table import PrefixRule, entry_for, path_of, patterns, sample_path

pytestmark = pytest.mark.django_db

EXCLUDED_MODELS = {
    "sessions.session",
    "accounts.usersession",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accesslog",
    "axes.accessfailurelog",
    "wagtailusers.userprofile",
}
EXCLUDED_FIELDS = {"accounts.user": {"last_login"}}
ADMIN_ACTORS = ("editor",)


def _models():
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in EXCLUDED_MODELS or model._meta.proxy or not model._meta.managed:
            continue
        yield label, model


def snapshot(only=None) -> dict:
    """label -> (row count, checksum of every row's concrete fields); `only`:
    these labels only."""
    tables = set(connection.introspection.table_names())
    result = {}
    for label, model in _models():
        if model._meta.db_table not in tables or (only and label not in only):
            continue
        skip = EXCLUDED_FIELDS.get(label, set())
        quote = connection.ops.quote_name
        columns = ", ".join(
            quote(field.column)
            # A child page's table holds its own fields; the parent's its own.
            for field in model._meta.local_concrete_fields
            if field.name not in skip
        )
        # Raw rows: a StreamField's Python value has no stable repr.
        digest = hashlib.sha256()
        count = 0
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {quote(model._meta.db_table)} "  # noqa: S608
                f"ORDER BY {quote(model._meta.pk.column)}"
            )
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
                count += 1
        result[label] = (count, digest.hexdigest())
    return result


def changes(before: dict, after: dict) -> list[str]:
    found = []
    for label in sorted(before.keys() | after.keys()):
        old, new = before.get(label), after.get(label)
        if old == new:
            continue
        if old is None or new is None or old[0] != new[0]:
            found.append(f"{label}: rows {old and old[0]} -> {new and new[0]}")
        else:
            found.append(f"{label}: a row changed")
    return found


def _lets_in(actor, wanted) -> bool:
    if actor == "anonymous":
        return wanted == HTTPStatus.OK
    return wanted in (HTTPStatus.OK, HTTPStatus.FOUND)


def get_requests(world):
    """(url, actor) for every pattern, as the actors it lets in."""
    seen = set()
    for pattern in patterns():
        entry = entry_for(pattern)
        if isinstance(entry, PrefixRule):
            url = sample_path(pattern.route)
            pairs = [(url, actor) for actor in ADMIN_ACTORS]
        else:
            pairs = []
            for row in entry:
                url = path_of(pattern, row, world.objects)
                pairs += [
                    (url, actor)
                    for actor in ACTORS
                    if _lets_in(actor, row.expect[actor])
                ]
        for pair in pairs:
            if pair not in seen:
                seen.add(pair)
                yield pair


@pytest.mark.timeout(900)
def test_no_get_changes_the_database(world):
    by_actor = clients(world)
    requests = list(get_requests(world))
    assert len(requests) > 500
    before = snapshot()
    for url, actor in requests:
        by_actor[actor].get(url)
    after = snapshot()
    found = changes(before, after)
    if found:
        # Find the requests to blame: replay them one at a time, watching only
        # the models that changed (only on failure).
        changed = {label for label in after if before.get(label) != after[label]}
        blamed = []
        for url, actor in requests:
            start = snapshot(changed)
            by_actor[actor].get(url)
            step = changes(start, snapshot(changed))
            if step:
                blamed.append(f"GET {url} as {actor}: {'; '.join(step)}")
        pytest.fail("GET changed the database:\n" + "\n".join(found + blamed))


def test_the_snapshot_sees_a_changed_field(world):
    """The check itself: one changed field of one row is a difference."""
    before = snapshot()
    plan = world.objects.plan_a
    type(plan).objects.filter(pk=plan.pk).update(status="approved")
    assert changes(before, snapshot()) == ["courses.inclusionplan: a row changed"]
