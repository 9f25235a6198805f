from http import HTTPStatus

from django.test import override_settings
from django.urls import path

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_wagtail_homepage_in_norwegian_by_default(client):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert '<html lang="nb">' in page
    assert 'href="#main"' in page and 'id="main"' in page
    assert "<header" in page and "<footer" in page and "<nav" in page
    assert "Gå til hovedinnholdet" in page


def test_language_switch_sets_english_and_remembers_it_for_the_user(client, member):
    client.force_login(member)
    response = client.post(
        "/accounts/language/", {"language": "en", "next": "/accounts/profile/"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/profile/"
    page = client.get("/accounts/profile/").content.decode()
    assert '<html lang="en">' in page
    assert "My profile" in page
    member.refresh_from_db()
    assert member.language == "en"


def test_language_switch_refuses_unsafe_next(client):
    response = client.post(
        "/accounts/language/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize(
    ("language", "text"),
    [("nb", "Vi fant ikke denne siden"), ("en", "We could not find this page")],
)
def test_404_page_in_both_languages(client, language, text):
    client.cookies["django_language"] = language
    response = client.get("/finnes-ikke/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert text in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [("nb", "Du har ikke tilgang til denne siden"), ("en", "You do not have access")],
)
def test_403_page_in_both_languages(client, firm, user, language, text):
    client.force_login(user)
    client.cookies["django_language"] = language
    response = client.get(firm.get_absolute_url())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert text in response.content.decode()


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom)]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(
    ("language", "text"),
    [("nb", "Noe gikk galt"), ("en", "Something went wrong")],
)
def test_500_page_in_both_languages(client, language, text):
    client.raise_request_exception = False
    client.cookies["django_language"] = language
    response = client.get("/boom/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert text in response.content.decode()


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script(client, member):
    client.force_login(member)
    for url in ["/", "/accounts/login/", "/accounts/profile/"]:
        page = client.get(url).content.decode()
        for chunk in page.split("<script")[1:]:
            assert chunk.lstrip().startswith("src="), url


def test_bootstrap_is_served_by_the_app(client):
    response = client.get("/static/vendor/bootstrap/bootstrap.min.css")
    assert response.status_code == HTTPStatus.OK
    body = b"".join(response.streaming_content)
    assert b"Bootstrap" in body[:200]


def test_wagtail_admin_is_at_admin(client):
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


def test_sitemap_lists_the_home_page(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    assert b"<loc>" in response.content


def test_english_browser_still_gets_norwegian_by_default(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nb">' in response.content.decode()


def test_logged_in_person_gets_their_saved_language(client, member):
    member.language = "en"
    member.save()
    client.force_login(member)
    response = client.get("/accounts/profile/")
    assert '<html lang="en">' in response.content.decode()
