import re
from http import HTTPStatus

from django.core import mail
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_password_reset_by_email_link(client, user):
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    link = re.search(
        r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body

    # Django swaps the token for a session marker on the first visit.
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == HTTPStatus.OK
    response = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "nytt-sterkt-passord-9",
            "new_password2": "nytt-sterkt-passord-9",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    user.refresh_from_db()
    assert user.check_password("nytt-sterkt-passord-9")


def test_password_reset_for_unknown_address_reveals_nothing(client, db):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "ukjent@example.no"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_used_reset_link_shows_clear_message(client, user):
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    path = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    user.set_password("endret-passord-123")
    user.save()
    response = client.get(path, follow=True)
    assert response.context["validlink"] is False
