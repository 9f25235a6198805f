from http import HTTPStatus

from django.urls import reverse

import pytest

from lms.accounts.forms import LoginForm

from ..helpers import assert_shows_message
from .factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def attempt(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


def test_wrong_password_shows_clear_message_with_the_limits(client, user):
    response = attempt(client, user.email, "wrong")
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(
        response, LoginForm.error_messages["invalid_login"], limit=5, minutes=15
    )


def test_five_failures_lock_the_login_even_for_the_right_password(client, user):
    for _ in range(4):
        assert attempt(client, user.email, "wrong").status_code == HTTPStatus.OK
    locked = attempt(client, user.email, "wrong")
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    page = locked.content.decode()
    assert "15" in page
    response = attempt(client, user.email, TEST_PASSWORD)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_lockout_lifts_after_the_cooloff(client, user, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(5):
        attempt(client, user.email, "wrong")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    response = attempt(client, user.email, TEST_PASSWORD)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("home")


def test_correct_login_redirects_to_profile_and_logout_works(client, user):
    response = attempt(client, user.email.upper(), TEST_PASSWORD)
    assert response.status_code == HTTPStatus.FOUND
    assert client.get(reverse("accounts:profile")).status_code == HTTPStatus.OK
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == HTTPStatus.FOUND
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))
