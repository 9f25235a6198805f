"""Password reset requests are limited per address and per client, with the same
answer whether or not the address has an account."""

import re
from http import HTTPStatus

from django.core import mail
from django.urls import reverse

import pytest

from lms.accounts.views import PASSWORD_RESET_TOO_MANY_MESSAGE

from ..helpers import assert_shows_message

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password_reset")


@pytest.fixture(autouse=True)
def rates(settings):
    settings.PASSWORD_RESET_EMAIL_RATE = "2/h"
    settings.PASSWORD_RESET_CLIENT_RATE = "4/h"


def ask(client, email, address="127.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


@pytest.mark.parametrize("exists", [True, False])
def test_an_address_asked_for_too_often_is_refused_with_a_clear_message(
    client, user, exists
):
    email = user.email if exists else "ingen@example.no"
    for n in range(2):
        # A different client each time: the address alone is counted.
        response = ask(client, email, address=f"192.0.2.{n}")
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("accounts:password_reset_done")
    response = ask(client, email.upper(), address="192.0.2.50")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert_shows_message(response, PASSWORD_RESET_TOO_MANY_MESSAGE)
    assert len(mail.outbox) == (2 if exists else 0)


def _without_token(page: str, email: str) -> str:
    page = page.replace(email, "X")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_the_refusal_is_the_same_for_known_and_unknown_addresses(client, user):
    answers = {}
    for email in (user.email, "ingen@example.no"):
        for n in range(2):
            ask(client, email, address=f"198.51.100.{n}")
        refused = ask(client, email, address="198.51.100.9")
        assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
        answers[email] = _without_token(refused.content.decode(), email)
    assert answers[user.email] == answers["ingen@example.no"]


def test_one_client_asking_for_many_addresses_is_refused(client, user):
    for n in range(4):
        assert ask(client, f"person{n}@example.no").status_code == HTTPStatus.FOUND
    response = ask(client, user.email)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert_shows_message(response, PASSWORD_RESET_TOO_MANY_MESSAGE)
    assert mail.outbox == []
    # Another client may still ask.
    assert ask(client, user.email, address="203.0.113.5").status_code == (
        HTTPStatus.FOUND
    )
    assert len(mail.outbox) == 1
