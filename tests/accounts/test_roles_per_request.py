"""Roles are read from the database once per request and never cached beyond it:
a role taken away holds on the very next request, whichever process serves it."""

from contextlib import ExitStack
from http import HTTPStatus
from unittest import mock

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from lms.accounts import rules as predicates
from lms.accounts.models import User
from lms.accounts.roles import Role

pytestmark = pytest.mark.django_db

RUN_LIST = reverse("courses:run_list")


def test_a_role_removed_behind_the_apps_back_holds_on_the_next_request(
    client, course_leader
):
    client.force_login(course_leader)
    assert client.get(RUN_LIST).status_code == HTTPStatus.OK
    # As another process would: straight in the table, no signal to this one.
    User.groups.through.objects.filter(
        user=course_leader, group__name=Role.COURSE_LEADER.value
    ).delete()
    assert client.get(RUN_LIST).status_code == HTTPStatus.FORBIDDEN


def test_a_role_granted_holds_on_the_next_request(client, user):
    client.force_login(user)
    assert client.get(RUN_LIST).status_code == HTTPStatus.FORBIDDEN
    User.groups.through.objects.create(
        user=user, group=Group.objects.get(name=Role.COURSE_LEADER.value)
    )
    assert client.get(RUN_LIST).status_code == HTTPStatus.OK


def test_roles_are_never_put_in_the_cache(course_leader):
    fresh = User.objects.get(pk=course_leader.pk)
    writes = ("set", "add", "set_many", "get_or_set", "incr")
    backend = caches["default"]
    with ExitStack() as stack:
        spies = [
            stack.enter_context(
                mock.patch.object(backend, name, wraps=getattr(backend, name))
            )
            for name in writes
        ]
        assert predicates.is_course_leader(fresh)
        assert not predicates.is_editor(fresh)
    assert [spy.call_count for spy in spies] == [0] * len(writes)  # nothing written


def test_groups_are_read_once_per_user_object(course_leader):
    fresh = User.objects.get(pk=course_leader.pk)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            predicates.is_course_leader(fresh)
            predicates.is_editor(fresh)
            predicates.is_administrator(fresh)
    assert len(queries) == 1
    # A new request (a new user object) reads them again.
    with CaptureQueriesContext(connection) as queries:
        predicates.is_course_leader(User.objects.get(pk=course_leader.pk))
    assert len(queries) == 2
