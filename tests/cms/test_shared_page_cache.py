"""Whole public pages kept for anonymous visitors (cms.page_cache): served without a
query when warm, never for or from a logged-in person, never per unknown query
string, and never a page holding a CSRF token."""

from http import HTTPStatus

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cms.models import Provider
from lms.accounts.models import Firm

from . import factories

pytestmark = pytest.mark.django_db


def queries_for(client, url, **kwargs):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    return len(context.captured_queries), response


def test_a_visitor_gets_a_public_page_from_the_shared_cache(client):
    lesson = factories.lesson(title="Mottak av ny kollega")
    first_count, first = queries_for(client, lesson.url)
    count, again = queries_for(client, lesson.url)

    assert first_count > 5
    assert count == 0
    assert again.status_code == HTTPStatus.OK
    assert again.content == first.content
    assert "Mottak av ny kollega" in again.content.decode()


def test_a_logged_in_person_never_gets_or_makes_the_visitors_copy(client, member):
    lesson = factories.lesson()
    client.get(lesson.url)  # a visitor's copy is now kept

    client.force_login(member)
    count, response = queries_for(client, lesson.url)
    assert count > 0
    logout = reverse("accounts:logout")
    assert f'action="{logout}"' in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"

    client.logout()
    count, response = queries_for(client, lesson.url)
    assert count == 0  # the visitor's copy, not the member's
    assert f'action="{logout}"' not in response.content.decode()


def test_an_unknown_query_string_is_served_but_never_kept(client):
    lesson = factories.lesson()
    url = f"{lesson.url}?utm_source=x&n=1"
    client.get(url)
    count, response = queries_for(client, url)
    assert response.status_code == HTTPStatus.OK
    assert count > 0


def test_the_catalogue_is_kept_per_known_filter_only(client):
    page = factories.catalogue()
    group = factories.target_group(name="Unge utenfor arbeid")
    factories.measure(name="Lønnstilskudd", target_groups=[group])
    known = f"{page.url}?target_group={group.slug}&kind="
    unknown = f"{page.url}?target_group=finnes-ikke"
    extra = f"{page.url}?target_group={group.slug}&x=1"

    client.get(known)
    count, response = queries_for(client, known)
    assert count == 0
    assert "Lønnstilskudd" in response.content.decode()

    for url in (unknown, extra):
        client.get(url)
        count, _response = queries_for(client, url)
        assert count > 0, url


def test_a_visitor_with_a_session_or_a_message_is_served_fresh(client):
    lesson = factories.lesson()
    client.get(lesson.url)
    for cookie in (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name):
        client.cookies.clear()
        client.cookies[cookie] = "x"
        count, response = queries_for(client, lesson.url)
        assert response.status_code == HTTPStatus.OK
        assert count > 0, cookie


def test_public_pages_carry_no_csrf_token_for_visitors(client):
    lesson = factories.lesson()
    response = client.get(lesson.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert settings.CSRF_COOKIE_NAME not in response.cookies


def test_a_visitor_can_still_switch_language_from_a_kept_page(client):
    lesson = factories.lesson()
    client.get(lesson.url)
    client.get(lesson.url)  # from the shared cache
    response = client.post(
        "/accounts/language/", {"language": "en", "next": lesson.url}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert 'lang="en"' in client.get(lesson.url).content.decode()


def test_a_logged_in_persons_language_switch_still_needs_the_token(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/accounts/language/", {"language": "en", "next": "/"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    member.refresh_from_db()
    assert member.language != "en"


def test_a_snippet_or_firm_change_drops_kept_pages(client):
    page = factories.catalogue()
    item = factories.measure(name="Arbeidstrening")
    client.get(page.url)
    assert queries_for(client, page.url)[0] == 0

    item.name = "Arbeidstrening i bedrift"
    item.save()
    assert "Arbeidstrening i bedrift" in client.get(page.url).content.decode()

    Provider.objects.update()  # a bulk update sends no signal: nothing to drop
    assert queries_for(client, page.url)[0] == 0

    Firm.objects.create(name="Ny bedrift AS", org_number="974760673")
    assert queries_for(client, page.url)[0] > 0
