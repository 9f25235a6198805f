"""Pages served from the cache never outlive an edit, a move or a privacy change."""

from http import HTTPStatus

from wagtail.models import PageViewRestriction

import pytest

from . import factories

pytestmark = pytest.mark.django_db


def test_a_published_change_shows_at_once(client):
    lesson = factories.lesson(title="Første tittel")
    assert "Første tittel" in client.get(lesson.url).content.decode()

    lesson.title = "Ny tittel"
    lesson.save_revision().publish()

    html = client.get(lesson.url).content.decode()
    assert "Ny tittel" in html
    assert "Første tittel" not in html


def test_an_unpublished_or_moved_page_leaves_its_old_address(client):
    lesson = factories.lesson()
    other = factories.lesson()
    url = lesson.url
    assert client.get(url).status_code == HTTPStatus.OK
    assert client.get(other.url).status_code == HTTPStatus.OK

    lesson.unpublish()
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND

    old_url = other.url
    other.move(factories.area(), pos="last-child")
    other.refresh_from_db()
    # Wagtail leaves a redirect at the old address instead of the cached page.
    response = client.get(old_url)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == other.url
    assert client.get(other.url).status_code == HTTPStatus.OK


def test_a_new_restriction_applies_at_once(client):
    lesson = factories.lesson()
    assert client.get(lesson.url).status_code == HTTPStatus.OK

    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(lesson.url)
    assert response.status_code == HTTPStatus.FOUND
    assert "login" in response["Location"]
