"""Sessions end after SESSION_IDLE_TIMEOUT without a request and
SESSION_ABSOLUTE_LIFETIME after the login, on every app server (the clocks are in
the session, in the database), and are not written on every request."""

from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from lms.accounts.models import UserSession
from lms.accounts.sessions import timeouts
from lms.accounts.sessions.db import SessionStore

from .factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"
LOGIN = reverse("accounts:login")


class Clock:
    """`timezone.now`, moved by hand."""

    def __init__(self):
        self.now = timezone.now()

    def __call__(self):
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    moved = Clock()
    monkeypatch.setattr(timezone, "now", moved)
    return moved


@pytest.fixture
def client_in(user, clock):
    """`user` logged in through the login form, pages in English."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(LOGIN, {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    return client


def stored_session(client) -> dict:
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    return UserSession.objects.get(session_key=key).get_decoded()


def idle_message() -> str:
    with translation.override("en"):
        return timeouts.IDLE_MESSAGE % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60}


def lifetime_message() -> str:
    with translation.override("en"):
        return timeouts.LIFETIME_MESSAGE % {
            "hours": settings.SESSION_ABSOLUTE_LIFETIME // 3600
        }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_defaults_are_two_hours_idle_and_twelve_hours_in_all():
    assert settings.SESSION_IDLE_TIMEOUT == 2 * 60 * 60
    assert settings.SESSION_ABSOLUTE_LIFETIME == 12 * 60 * 60
    # The cookie and the database row go with the lifetime (clearsessions).
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_LIFETIME


def test_login_starts_both_clocks(client_in, clock):
    data = stored_session(client_in)
    assert data[timeouts.SIGNED_IN_AT] == clock.now.timestamp()
    assert data[timeouts.LAST_SEEN_AT] == clock.now.timestamp()


def test_idle_longer_than_the_timeout_logs_out_to_the_login_page(client_in, clock):
    cookie = client_in.cookies[settings.SESSION_COOKIE_NAME].value
    clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT + 1)

    response = client_in.get(PROFILE + "?tab=1")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{LOGIN}?next=/accounts/profile/%3Ftab%3D1"
    assert messages_of(response) == [idle_message()]
    assert idle_message() == (
        "You were logged out after 120 minutes without activity. Log in again to go on."
    )
    # Gone from the database every app server reads: the cookie opens nothing.
    assert not UserSession.objects.filter(session_key=cookie).exists()
    assert client_in.get(PROFILE)["Location"].startswith(LOGIN)


def test_the_login_page_shows_why(client_in, clock):
    clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT + 1)
    response = client_in.get(PROFILE, follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert idle_message() in response.content.decode()


def test_activity_within_the_timeout_keeps_the_session(client_in, clock):
    for _round in range(5):  # ten hours, never two without a request
        clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT - 60)
        assert client_in.get(PROFILE).status_code == HTTPStatus.OK


def test_the_lifetime_ends_even_an_active_session(client_in, clock):
    hours = settings.SESSION_ABSOLUTE_LIFETIME // 3600
    for _hour in range(hours):
        clock.advance(hours=1)
        assert client_in.get(PROFILE).status_code == HTTPStatus.OK

    clock.advance(minutes=1)
    response = client_in.get(PROFILE)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{LOGIN}?next=/accounts/profile/"
    assert messages_of(response) == [lifetime_message()]
    assert lifetime_message() == (
        "You were logged out because you logged in more than 12 hours ago. "
        "Log in again to go on."
    )


def test_logging_in_again_restarts_the_lifetime(client_in, user, clock):
    clock.advance(hours=11)
    client_in.get(PROFILE)
    client_in.post(LOGIN, {"username": user.email, "password": TEST_PASSWORD})
    assert stored_session(client_in)[timeouts.SIGNED_IN_AT] == clock.now.timestamp()
    clock.advance(hours=2, seconds=-60)
    assert client_in.get(PROFILE).status_code == HTTPStatus.OK


def test_last_activity_is_written_at_most_once_a_minute(client_in, clock):
    signed_in = clock.now.timestamp()
    clock.advance(seconds=timeouts.ACTIVITY_WRITE_SECONDS - 1)
    client_in.get(PROFILE)
    assert stored_session(client_in)[timeouts.LAST_SEEN_AT] == signed_in

    clock.advance(seconds=1)
    client_in.get(PROFILE)
    assert stored_session(client_in)[timeouts.LAST_SEEN_AT] == clock.now.timestamp()


def test_a_request_that_writes_nothing_does_not_save_the_session(
    client_in, clock, django_assert_num_queries
):
    client_in.get(PROFILE)  # warm: any first-request writes happen here
    clock.advance(seconds=30)
    before = UserSession.objects.get(
        session_key=client_in.cookies[settings.SESSION_COOKIE_NAME].value
    )
    response = client_in.get(PROFILE)
    after = UserSession.objects.get(session_key=before.session_key)
    assert response.status_code == HTTPStatus.OK
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # not re-sent
    assert after.expire_date == before.expire_date


def test_a_form_posted_after_the_timeout_leads_back_to_its_page(client_in, clock):
    clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT + 1)
    response = client_in.post(
        PROFILE,
        {"first_name": "Ny"},
        HTTP_REFERER="http://testserver/accounts/profile/",
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{LOGIN}?next=/accounts/profile/"


def test_a_foreign_referer_is_not_a_way_back(client_in, clock):
    clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT + 1)
    response = client_in.post(
        PROFILE, {"first_name": "Ny"}, HTTP_REFERER="https://evil.example/x"
    )
    assert response["Location"] == LOGIN


@pytest.mark.parametrize("path", [PROFILE, "/api/certifications/914035171/"])
def test_background_requests_get_a_403_with_the_message_not_a_redirect(
    client_in, clock, path
):
    clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT + 1)
    response = client_in.get(path, HTTP_ACCEPT="application/json")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json() == {
        "ok": False,
        "logged_out": True,
        "message": idle_message(),
        "login_url": LOGIN,
    }
    assert not UserSession.objects.exists()


def test_anonymous_visitors_are_left_alone(client, clock):
    response = client.get(LOGIN)
    clock.advance(hours=24)
    again = client.get(LOGIN)
    assert response.status_code == again.status_code == HTTPStatus.OK
    assert settings.SESSION_COOKIE_NAME not in again.cookies


def test_an_anonymous_session_is_never_timed_out(client, clock):
    session = client.session
    session["kept"] = "yes"
    session.save()
    clock.advance(seconds=settings.SESSION_IDLE_TIMEOUT + 60)
    assert client.get(LOGIN).status_code == HTTPStatus.OK
    assert client.session["kept"] == "yes"


def test_the_timeout_follows_the_setting(client_in, clock, settings):
    settings.SESSION_IDLE_TIMEOUT = 10 * 60
    clock.advance(minutes=11)
    response = client_in.get(PROFILE)
    with translation.override("en"):
        expected = timeouts.IDLE_MESSAGE % {"minutes": 10}
    assert messages_of(response) == [expected]


def test_a_session_from_before_the_clocks_gets_them_on_its_next_request(user, clock):
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    row = UserSession.objects.get(session_key=key)
    data = row.get_decoded()
    del data[timeouts.SIGNED_IN_AT], data[timeouts.LAST_SEEN_AT]
    row.session_data = SessionStore().encode(data)
    row.save()

    assert client.get(PROFILE).status_code == HTTPStatus.OK
    assert stored_session(client)[timeouts.SIGNED_IN_AT] == clock.now.timestamp()
