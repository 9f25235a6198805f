"""Logging out, changing the password and deleting the account end sessions in
the database every app server reads, not in one process's memory."""

import re
from http import HTTPStatus

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pytest

from lms.accounts import services
from lms.accounts.models import UserSession

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"
NEW_PASSWORD = "nytt-sterkt-passord-9"


def logged_in(user) -> Client:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND
    return client


def opens_profile(client) -> bool:
    return client.get(PROFILE).status_code == HTTPStatus.OK


def replay(cookie: str) -> Client:
    """A new client (another browser, another app server) with an old cookie."""
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = cookie
    return other


def test_sessions_are_stored_in_the_database_with_their_person(user):
    client = logged_in(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert UserSession.objects.get(session_key=key).user == user
    assert settings.SESSION_ENGINE == "lms.accounts.sessions.db"


def test_after_logout_the_old_cookie_opens_nothing(user):
    client = logged_in(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert opens_profile(replay(cookie))
    client.post(reverse("accounts:logout"))
    # No process memory to fall back on: even an emptied cache changes nothing.
    cache.clear()
    assert not UserSession.objects.filter(session_key=cookie).exists()
    assert not opens_profile(replay(cookie))


def test_changing_the_password_ends_the_other_sessions_but_not_this_one(user):
    here, elsewhere = logged_in(user), logged_in(user)
    other_person = logged_in(UserFactory())
    response = here.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert opens_profile(here)
    assert not opens_profile(elsewhere)
    assert UserSession.objects.filter(user=user).count() == 1
    assert opens_profile(other_person)


def test_a_new_password_through_a_reset_link_ends_every_session(user):
    elsewhere = logged_in(user)
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    path = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not opens_profile(elsewhere)
    assert not UserSession.objects.filter(user=user).exists()


def test_deleting_the_account_deletes_all_its_sessions(user):
    here, elsewhere = logged_in(user), logged_in(user)
    other_person = logged_in(UserFactory())
    assert UserSession.objects.filter(user=user).count() == 2
    response = here.post(
        reverse("accounts:account_delete"), {"password": TEST_PASSWORD, "confirm": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:500]
    assert not UserSession.objects.filter(user=user).exists()
    assert not opens_profile(elsewhere)
    assert not opens_profile(here)
    assert opens_profile(other_person)


def test_erasure_through_the_service_ends_sessions_too(user):
    elsewhere = logged_in(user)
    services.user_anonymise(user=user)
    assert not UserSession.objects.filter(user=user).exists()
    assert not opens_profile(elsewhere)
