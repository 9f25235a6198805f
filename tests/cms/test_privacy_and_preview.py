"""Lists show a lesson only to those who may open it, and an editor's preview never
reaches a cache (defects 14 and 2 of issue 10)."""

from http import HTTPStatus
from unittest import mock

from django.contrib.auth.models import Group
from django.core.cache import caches

from wagtail.models import PageViewRestriction

import pytest

from cms.models import HomePage

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def area_with_private_lesson():
    area = factories.area(title="Holdninger")
    first = factories.lesson(parent=area, title="Åpen leksjon én")
    private = factories.lesson(parent=area, title="Hemmelig leksjon")
    last = factories.lesson(parent=area, title="Åpen leksjon to")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    return area, first, private, last


def test_an_anonymous_visitor_does_not_see_a_private_lesson_in_the_area(
    client, area_with_private_lesson
):
    area, first, private, last = area_with_private_lesson
    html = client.get(area.url).content.decode()
    assert first.title in html and last.title in html
    assert private.title not in html
    assert private.url not in html


def test_previous_and_next_skip_a_private_lesson_for_a_visitor(
    client, area_with_private_lesson
):
    _area, first, private, last = area_with_private_lesson
    response = client.get(first.url)
    html = response.content.decode()
    assert private.title not in html and private.url not in html
    assert response.context["next_lesson"]["url"] == last.url
    assert response.context["lesson_count"] == 2
    response = client.get(last.url)
    assert response.context["previous_lesson"]["url"] == first.url
    assert private.title not in response.content.decode()


def test_a_logged_in_reader_sees_a_lesson_restricted_to_logged_in_readers(
    client, user, area_with_private_lesson
):
    area, first, private, _last = area_with_private_lesson
    client.force_login(user)
    assert private.title in client.get(area.url).content.decode()
    response = client.get(first.url)
    assert response.context["next_lesson"]["url"] == private.url
    assert client.get(private.url).status_code == HTTPStatus.OK


def test_a_group_restricted_lesson_is_listed_only_for_the_group(client, user):
    area = factories.area()
    factories.lesson(parent=area, title="For alle")
    private = factories.lesson(parent=area, title="Bare for gruppen")
    group = Group.objects.create(name="Utvalgte")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    client.force_login(user)
    assert private.title not in client.get(area.url).content.decode()
    user.groups.add(group)
    assert private.title in client.get(area.url).content.decode()


def test_home_figures_count_only_public_lessons(client, area_with_private_lesson):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    assert response.context["home"]["figures"]["lessons"] == 2


def test_a_lesson_made_private_leaves_the_warm_area_page(client):
    area = factories.area()
    lesson = factories.lesson(parent=area, title="Snart privat")
    other = factories.lesson(parent=area)
    assert lesson.title in client.get(area.url).content.decode()
    assert lesson.title in client.get(other.url).content.decode()

    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )

    assert lesson.title not in client.get(area.url).content.decode()
    assert lesson.title not in client.get(other.url).content.decode()
    assert client.get(lesson.url).status_code == HTTPStatus.FOUND


def test_a_home_page_preview_never_reaches_the_shared_fragment(client, user):
    """Defect 2: previewing a draft stored it in the home fragment for everyone."""
    home = HomePage.objects.get()
    client.get("/")  # the published front page, cached
    home.lead = "UTKAST SOM IKKE ER PUBLISERT"
    home.save_revision()
    draft = home.get_latest_revision_as_object()

    preview = draft.make_preview_request()
    assert "UTKAST SOM IKKE ER PUBLISERT" in preview.content.decode()

    assert "UTKAST" not in client.get("/").content.decode()
    client.force_login(user)
    assert "UTKAST" not in client.get("/").content.decode()


def test_a_lesson_preview_never_reaches_the_shared_article(client):
    lesson = factories.lesson(
        body=[{"type": "paragraph", "value": "<p>Publisert tekst.</p>"}]
    )
    lesson.body = [{"type": "paragraph", "value": "<p>Utkast til tekst.</p>"}]
    lesson.save_revision()
    draft = lesson.get_latest_revision_as_object()

    group = factories.target_group(name="Bare i utkastet")
    draft.target_groups.set([group])

    preview = draft.make_preview_request().content.decode()
    assert "Utkast til tekst" in preview and "Bare i utkastet" in preview

    html = client.get(lesson.url).content.decode()
    assert "Publisert tekst" in html and "Utkast til tekst" not in html
    assert "Bare i utkastet" not in html


def test_a_preview_sets_nothing_in_the_cache():
    home = HomePage.objects.get()
    home.save_revision()
    draft = home.get_latest_revision_as_object()
    default = caches["default"]
    with mock.patch.object(default, "set", wraps=default.set) as cache_set:
        draft.make_preview_request()
    fragments = [c.args[0] for c in cache_set.call_args_list if "template" in c.args[0]]
    assert fragments == []
