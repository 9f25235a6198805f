"""Login throttling counts the e-mail the way logging in reads it: every spelling
of one address shares one counter, on our login page and on Wagtail's."""

from http import HTTPStatus

import pytest
from axes.models import AccessAttempt

from lms.accounts.throttling import login_identity

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def lockme():
    return UserFactory(email="lockme@test.no", is_staff=True)


def attempt(client, url, email, password):
    return client.post(url, {"username": email, "password": password})


def test_the_identity_is_the_address_without_case_or_surrounding_space(rf):
    request = rf.post(LOGIN, {"username": "  LockMe@Test.NO "})
    assert login_identity(request, {"username": "  LockMe@Test.NO "}) == (
        "lockme@test.no"
    )
    assert login_identity(request) == "lockme@test.no"


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_a_locked_address_is_refused_in_any_letter_case(client, lockme, url):
    for _ in range(5):
        attempt(client, url, "lockme@test.no", "wrong")
    response = attempt(client, url, "LOCKME@TEST.NO", TEST_PASSWORD)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session
    response = attempt(client, url, "Lockme@Test.No", TEST_PASSWORD)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_case_variants_share_one_counter(client, lockme, url):
    spellings = [
        "lockme@test.no",
        "LOCKME@TEST.NO",
        "LockMe@test.no",
        "lockme@TEST.no",
    ]
    for email in spellings:
        assert attempt(client, url, email, "wrong").status_code == HTTPStatus.OK
    counted = AccessAttempt.objects.values_list("username", "failures_since_start")
    assert list(counted) == [("lockme@test.no", 4)]
    # The fifth failure, in yet another spelling, locks the address.
    response = attempt(client, url, " lOcKmE@tEsT.nO ", "wrong")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    response = attempt(client, LOGIN, "lockme@test.no", TEST_PASSWORD)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_behind_a_trusted_proxy_lockout_counts_the_forwarded_client(
    client, lockme, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": "lockme@test.no", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **balancer,
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    refused = client.post(
        LOGIN,
        {"username": "lockme@test.no", "password": TEST_PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7",
        **balancer,
    )
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    # Another person behind the same load balancer is not locked out with them.
    other = client.post(
        LOGIN,
        {"username": "lockme@test.no", "password": TEST_PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
        **balancer,
    )
    assert other.status_code == HTTPStatus.FOUND


def test_failures_are_counted_in_the_database():
    from django.conf import settings

    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
