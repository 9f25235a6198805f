"""The privacy notice and the accessibility statement: public, in the visitor's
language, with the figures the code uses, and linked from every page's footer."""

from http import HTTPStatus

from django.conf import settings
from django.urls import reverse

import pytest
from pytest_django.asserts import assertContains, assertTemplateUsed

from lms import pages

pytestmark = pytest.mark.django_db

PAGES = ["privacy", "accessibility"]
# A heading only the Norwegian text has, and its English counterpart.
MARKERS = {
    ("privacy", "nb"): "<h2>Behandlingsansvarlig</h2>",
    ("privacy", "en"): "<h2>Controller</h2>",
    ("accessibility", "nb"): "<h2>Kjente avvik</h2>",
    ("accessibility", "en"): "<h2>Known deviations</h2>",
}


def test_urls_are_norwegian_paths():
    assert reverse("privacy") == "/personvern/"
    assert reverse("accessibility") == "/tilgjengelighet/"


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitor_reads_the_norwegian_page_by_default(client, name):
    response = client.get(reverse(name))
    assert response.status_code == HTTPStatus.OK
    assertTemplateUsed(response, f"pages/{name}_nb.html")
    assertContains(response, '<html lang="nb">')
    assertContains(response, MARKERS[name, "nb"], html=False)
    assert MARKERS[name, "en"] not in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_english_visitor_reads_the_english_page(client, name):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse(name))
    assert response.status_code == HTTPStatus.OK
    assertTemplateUsed(response, f"pages/{name}_en.html")
    assertContains(response, '<html lang="en">')
    assertContains(response, MARKERS[name, "en"])
    assert MARKERS[name, "nb"] not in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_language_switch_turns_the_page_english(client, name):
    url = reverse(name)
    response = client.post(
        reverse("accounts:language"), {"language": "en", "next": url}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url
    response = client.get(url)
    assertTemplateUsed(response, f"pages/{name}_en.html")
    assertContains(response, MARKERS[name, "en"])


@pytest.mark.parametrize("name", PAGES)
def test_logged_in_person_reads_it_in_their_language(client, user, name):
    user.language = "en"
    user.save(update_fields=["language"])
    client.force_login(user)
    response = client.get(reverse(name))
    assert response.status_code == HTTPStatus.OK
    assertTemplateUsed(response, f"pages/{name}_en.html")


@pytest.mark.parametrize("name", PAGES)
def test_pages_only_answer_get_and_head(client, name):
    assert client.head(reverse(name)).status_code == HTTPStatus.OK
    response = client.post(reverse(name))
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize("url", ["/", "/personvern/", "/tilgjengelighet/", "/sok/"])
def test_every_page_links_both_statements_from_the_footer(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    footer = response.content.decode().split("<footer", 1)[1]
    assert f'href="{reverse("privacy")}"' in footer
    assert f'href="{reverse("accessibility")}"' in footer


def test_footer_links_are_labelled_in_the_visitors_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    assert '<a href="/personvern/">Privacy notice</a>' in footer
    assert '<a href="/tilgjengelighet/">Accessibility statement</a>' in footer


@pytest.mark.parametrize("language", ["nb", "en"])
def test_privacy_notice_states_the_retention_the_code_uses(client, settings, language):
    settings.SESSION_COOKIE_AGE = 30 * 3600
    settings.SESSION_IDLE_TIMEOUT = 5 * 3600
    settings.AXES_FAILURE_LIMIT = 7
    settings.SIGNUP_VALID_HOURS = 36
    settings.INVITATION_VALID_DAYS = 9
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    text = client.get(reverse("privacy")).content.decode()
    expected = {
        "nb": [
            "høyst 30 timer",
            "etter 5 timer uten aktivitet",
            "etter 7 feil på rad",
            "virker i 36 timer",
            "virker i 9 dager",
        ],
        "en": [
            "at most 30 hours",
            "after 5 hours without activity",
            "after 7 failures in a row",
            "works for 36 hours",
            "works for 9 days",
        ],
    }[language]
    for phrase in expected:
        assert phrase in text, phrase
    # The cookies it lists are the ones the site sets.
    for cookie in (
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
    ):
        assert f"<code>{cookie}</code>" in text


@pytest.mark.parametrize("name", PAGES)
def test_operator_is_a_placeholder_until_the_setting_names_it(client, settings, name):
    response = client.get(reverse(name))
    assertContains(response, pages.OPERATOR_PLACEHOLDER["name"])
    settings.SITE_OPERATOR = {
        "name": "Næringsforeningen i Asker",
        "address": "Torget 1, 1383 Asker",
        "email": "personvern@example.no",
    }
    response = client.get(reverse(name))
    assertContains(response, "Næringsforeningen i Asker")
    assertContains(response, 'href="mailto:personvern@example.no"')
    assert pages.OPERATOR_PLACEHOLDER["name"] not in response.content.decode()


def test_privacy_notice_points_to_the_rights_the_site_offers(client):
    response = client.get(reverse("privacy"))
    assertContains(response, f'href="{reverse("accounts:profile")}"')
    assertContains(response, f'href="{reverse("verify:form")}"')
    assertContains(response, 'href="https://www.datatilsynet.no/"')


def test_pages_load_nothing_from_another_site(client):
    for name in PAGES:
        text = client.get(reverse(name)).content.decode()
        for attribute in ("src=", "<link "):
            for chunk in text.split(attribute)[1:]:
                assert not chunk.lstrip("\"' ").startswith(("http", "//")), chunk[:80]
