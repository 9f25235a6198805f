"""Public pages behind a CDN or reverse proxy: every change that drops the app's
page cache purges them there (cms.frontend_cache), only public pages are sent as
shareable, and everything personal says so (cms.page_cache).

The CDN is a local purge endpoint: an HTTP server on 127.0.0.1 that records each
request Wagtail's HTTPBackend sends it.
"""

import logging
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from cms.models import FirmRegistryPage
from cms.page_cache import BROWSER_MAX_AGE_SECONDS
from cms.site import ensure_home_page
from courses.services.certification import certification_create

from ..accounts.factories import UserFactory
from ..cms import factories
from ..courses import factories as course_factories

pytestmark = pytest.mark.django_db

HOST = "localhost"  # the Site's hostname (cms.site.ensure_home_page)
HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


class PurgeEndpoint:
    """What the local purge endpoint was sent: (method, path, Host) per request."""

    def __init__(self):
        self.requests: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()

    def record(self, method, path, host):
        with self._lock:
            self.requests.append((method, path, host))

    def paths(self) -> set[str]:
        with self._lock:
            return {path for _method, path, _host in self.requests}

    def clear(self):
        with self._lock:
            self.requests.clear()


def _handler(endpoint):
    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            endpoint.record(self.command, self.path, self.headers.get("Host"))
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_PURGE = do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def purge_endpoint():
    """A running purge endpoint, and its address."""
    endpoint = PurgeEndpoint()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(endpoint))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield endpoint, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def purges(settings, purge_endpoint):
    """The purge endpoint, with the frontend cache pointed at it."""
    endpoint, location = purge_endpoint
    settings.WAGTAILFRONTENDCACHE = {
        "local": {"BACKEND": HTTP_BACKEND, "LOCATION": location}
    }
    return endpoint


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the test's transaction to commit, as production would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def editor():
    return UserFactory(is_staff=True, is_superuser=True, language="en")


@pytest.fixture
def registry():
    return factories.publish(
        ensure_home_page(),
        FirmRegistryPage(title="Sertifiserte bedrifter", slug="sertifiserte-bedrifter"),
    )


def directives(response) -> set[str]:
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d}


def assert_shared(response):
    assert response.status_code == HTTPStatus.OK
    assert directives(response) == {
        "public",
        f"max-age={BROWSER_MAX_AGE_SECONDS}",
        f"s-maxage={settings.FRONTEND_CACHE_SECONDS}",
    }
    assert "Cookie" in response["Vary"]


def assert_private(response):
    found = directives(response)
    assert {"private", "no-store"} <= found, found
    assert "public" not in found
    assert not any(d.startswith("s-maxage") for d in found)
    assert "Cookie" in response["Vary"]


# Purging


def test_publishing_a_revision_purges_the_page_and_the_pages_listing_it(
    purges, committed, editor
):
    lesson = factories.lesson(title="Første tittel")
    area = lesson.get_parent()
    purges.clear()

    lesson.title = "Ny tittel"
    with committed():
        lesson.save_revision(user=editor).publish(user=editor)

    assert ("PURGE", lesson.url, HOST) in purges.requests
    # Menus and lists show the title: the area and the front page go too.
    assert {area.url, "/"} <= purges.paths()
    assert {method for method, _path, _host in purges.requests} == {"PURGE"}


def test_a_draft_purges_nothing(purges, committed, editor):
    lesson = factories.lesson()
    purges.clear()

    lesson.title = "Bare et utkast"
    with committed():
        lesson.save_revision(user=editor)

    assert purges.requests == []


def test_unpublishing_purges_the_page(purges, committed, editor):
    lesson = factories.lesson()
    url = lesson.url
    purges.clear()

    with committed():
        lesson.unpublish(user=editor)

    assert ("PURGE", url, HOST) in purges.requests
    assert lesson.get_parent().url in purges.paths()


def test_moving_purges_the_old_and_the_new_addresses(purges, committed, editor):
    lesson = factories.lesson()
    old_area = lesson.get_parent()
    new_area = factories.area()
    old_url = lesson.url
    purges.clear()

    with committed():
        lesson.move(new_area, pos="last-child", user=editor)
    lesson.refresh_from_db()

    assert old_url != lesson.url
    assert {old_url, lesson.url, old_area.url, new_area.url} <= purges.paths()


def test_renaming_a_section_purges_the_old_addresses_below_it(purges, committed):
    area = factories.area()
    lesson = factories.lesson(parent=area)
    old_lesson_url = lesson.url
    purges.clear()

    area.slug = "nytt-navn"
    with committed():
        area.save_revision().publish()
    lesson.refresh_from_db()

    assert old_lesson_url != lesson.url
    assert {old_lesson_url, lesson.url} <= purges.paths()


def test_deleting_purges_the_page_and_its_descendants(purges, committed):
    area = factories.area()
    lesson = factories.lesson(parent=area)
    urls = {area.url, lesson.url}
    purges.clear()

    with committed():
        area.delete()

    assert urls <= purges.paths()


def test_a_new_restriction_purges_the_public_copy(purges, committed):
    lesson = factories.lesson()
    purges.clear()

    with committed():
        PageViewRestriction.objects.create(
            page=lesson, restriction_type=PageViewRestriction.LOGIN
        )

    assert lesson.url in purges.paths()


def test_a_certification_purges_the_registry(purges, committed, registry):
    run = course_factories.run()
    enrolment = course_factories.enrolment(run_=run)
    purges.clear()

    with committed():
        certification_create(
            enrolment=enrolment, by=run.leaders.get(), override_reason="Test."
        )

    assert ("PURGE", registry.url, HOST) in purges.requests
    assert "/" in purges.paths()


def test_an_edited_measure_purges_the_catalogue_and_its_own_page(purges, committed):
    catalogue = factories.catalogue()
    item = factories.measure(name="Arbeidstrening")
    other = factories.measure(name="Lønnstilskudd")
    purges.clear()

    item.name = "Arbeidstrening i bedrift"
    with committed():
        item.save()

    assert {
        catalogue.url,
        catalogue.measure_url(item),
        catalogue.measure_url(other),
    } <= purges.paths()
    # One purge per address, even though a save sends several signals.
    assert len(purges.requests) == len(set(purges.requests))


def test_a_change_rolled_back_purges_nothing(purges, committed):
    factories.catalogue()
    item = factories.measure()
    purges.clear()

    with committed():
        with pytest.raises(RuntimeError), transaction.atomic():
            item.name = "Aldri lagret"
            item.save()
            raise RuntimeError

    assert purges.requests == []


def test_without_a_frontend_cache_nothing_is_purged(purge_endpoint, committed, editor):
    endpoint, _location = purge_endpoint  # running, but not configured
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    lesson = factories.lesson()
    lesson.title = "Ny tittel"
    with committed():
        lesson.save_revision(user=editor).publish(user=editor)
        factories.measure().save()
    lesson.refresh_from_db()
    assert lesson.title == "Ny tittel"
    assert endpoint.requests == []


def test_a_purge_endpoint_that_is_down_does_not_stop_publishing(
    settings, committed, editor, client, caplog
):
    with socket.socket() as probe:  # a free port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.WAGTAILFRONTENDCACHE = {
        "local": {"BACKEND": HTTP_BACKEND, "LOCATION": f"http://127.0.0.1:{port}"}
    }
    lesson = factories.lesson(title="Første tittel")

    lesson.title = "Ny tittel"
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        with committed():
            lesson.save_revision(user=editor).publish(user=editor)

    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Ny tittel"
    assert "Ny tittel" in client.get(lesson.url).content.decode()
    refused = [r for r in caplog.records if "Couldn't purge" in r.getMessage()]
    assert any(lesson.full_url in r.getMessage() for r in refused)


# What a CDN may keep


def test_a_visitor_gets_a_public_page_a_cdn_may_keep(client):
    lesson = factories.lesson()
    first = client.get(lesson.url)
    again = client.get(lesson.url)  # from the app's own cache
    assert_shared(first)
    assert_shared(again)
    assert not first.cookies
    assert_shared(client.get("/"))


def test_the_catalogue_and_a_measure_page_are_public(client):
    catalogue = factories.catalogue()
    item = factories.measure()
    assert_shared(client.get(catalogue.url))
    assert_shared(client.get(catalogue.measure_url(item)))


def test_addresses_no_purge_names_are_not_kept_by_a_cdn(client, registry):
    """A filtered catalogue or a firm's profile stays in the app's own cache
    (dropped at once) and never in a CDN (which only a purge by name empties)."""
    catalogue = factories.catalogue()
    group = factories.target_group()
    firm = course_factories.enrolment(run_=course_factories.run()).firm
    from ..courses import certification_factories as certs

    certs.certification(firm=firm, enrolment=firm.enrolments.get())
    for url in (
        f"{catalogue.url}?target_group={group.slug}",
        f"{registry.url}{firm.org_number}/",
        f"{factories.lesson().url}?utm_source=x",
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_private(response)


def test_a_logged_in_person_gets_the_same_page_private(client, member):
    lesson = factories.lesson()
    assert_shared(client.get(lesson.url))
    client.force_login(member)
    assert_private(client.get(lesson.url))
    assert_private(client.get("/"))


def test_a_visitor_with_a_session_gets_it_private(client):
    lesson = factories.lesson()
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    assert_private(client.get(lesson.url))


def test_a_form_with_a_csrf_token_is_private(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == HTTPStatus.OK
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert_private(response)


def test_a_participants_course_page_is_private(client):
    enrolment = course_factories.enrolment(run_=course_factories.run())
    client.force_login(enrolment.contact)
    response = client.get(reverse("courses:my_course"))
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_the_admin_is_private(client, editor):
    assert_private(client.get("/admin/"))  # to the login page
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_a_private_page_is_never_public(client, member):
    lesson = factories.lesson()
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(lesson.url)
    assert response.status_code == HTTPStatus.FOUND
    assert_private(response)
    client.force_login(member)
    response = client.get(lesson.url)
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_a_password_protected_page_is_never_public(client):
    lesson = factories.lesson()
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    response = client.get(lesson.url)
    assert response.status_code == HTTPStatus.OK
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert_private(response)


def test_a_post_is_private(client):
    lesson = factories.lesson()
    response = client.post(lesson.url)
    assert_private(response)
