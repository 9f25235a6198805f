"""The header every page shows: its links, where the person is, the language switch."""

import re

from django.urls import reverse

import pytest

from lms.accounts import services
from lms.accounts.roles import Role
from lms.context_processors import section_current
from tests.cms import factories as cms

pytestmark = pytest.mark.django_db


def header(response) -> str:
    html = response.content.decode()
    return html[html.index("<header") : html.index("</header>")]


LINK = re.compile(
    r'<a class="nav-link text-nowrap" href="([^"]*)"'
    r'(?: aria-current="([^"]*)")?>([^<]*)</a>'
)


def links(html: str) -> list[tuple[str, str, str]]:
    """(href, aria-current or "", text) of every menu link, in order."""
    return LINK.findall(html)


def test_a_visitor_on_the_front_page_sees_the_sections_and_log_in(client):
    toolbox = cms.toolbox()
    catalogue = cms.catalogue()

    html = header(client.get("/"))

    assert links(html) == [
        ("/", "page", "Hjem"),
        (toolbox.url, "", toolbox.title),
        (catalogue.url, "", catalogue.title),
        (reverse("courses:run_catalogue"), "", "Kurs"),
        (reverse("search"), "", "Søk"),
        (reverse("accounts:login"), "", "Logg inn"),
    ]
    assert "Logg ut" not in html


def test_a_page_inside_a_section_marks_the_section(client):
    lesson = cms.lesson()
    toolbox = cms.toolbox()

    html = header(client.get(lesson.url))

    assert (toolbox.url, "true", toolbox.title) in links(html)
    assert ("/", "", "Hjem") in links(html)


def test_a_path_that_only_contains_a_sections_address_does_not_mark_it(client):
    toolbox = cms.toolbox()

    response = client.get("/finnes-ikke" + toolbox.url)

    assert response.status_code == 404
    assert (toolbox.url, "", toolbox.title) in links(header(response))


@pytest.mark.parametrize(
    ("path", "url", "current"),
    [
        ("/verktoykasse/", "/verktoykasse/", "page"),
        ("/verktoykasse/omrade/leksjon/", "/verktoykasse/", "true"),
        ("/annet/verktoykasse/", "/verktoykasse/", ""),
        ("/verktoykassen/", "/verktoykasse", ""),
        ("/verktoykasse/leksjon/", "/verktoykasse", "true"),
        ("/verktoykasse/", "/", ""),
        ("/", "/", "page"),
    ],
)
def test_a_section_is_current_by_path_prefix_not_substring(path, url, current):
    assert section_current(path, url) == current


def test_the_search_page_is_marked_as_the_current_page(client):
    html = header(client.get(reverse("search")))
    assert (reverse("search"), "page", "Søk") in links(html)


def test_a_member_sees_their_own_links_and_no_leader_links(client, member, firm):
    """A member whose firm takes no course: their page and firm, not "my course"
    (tests/home/test_header.py has each role's entries)."""
    client.force_login(member)

    html = header(client.get(reverse("accounts:profile")))

    assert [href for href, _current, _text in links(html)[-3:]] == [
        reverse("home"),
        firm.get_absolute_url(),
        reverse("accounts:profile"),
    ]
    assert links(html)[-1] == (reverse("accounts:profile"), "page", "Min profil")
    assert reverse("courses:my_course") not in html
    assert f'action="{reverse("accounts:logout")}"' in html
    assert "Logg ut" in html
    assert reverse("courses:run_list") not in html
    assert reverse("wagtailadmin_home") not in html


@pytest.mark.parametrize(
    ("role", "url_name", "text"),
    [
        (Role.COURSE_LEADER, "courses:run_list", "Kursledelse"),
        (Role.EDITOR, "wagtailadmin_home", "Redigering"),
    ],
)
def test_roles_add_their_links(client, user, role, url_name, text):
    services.role_grant(user=user, role=role)
    client.force_login(user)

    html = header(client.get(reverse("accounts:profile")))

    assert (reverse(url_name), "", text) in links(html)
    assert (reverse("accounts:profile"), "page", "Min profil") in links(html)


def test_an_administrator_gets_both_leader_and_editor_links(client, administrator):
    client.force_login(administrator)
    hrefs = [href for href, _, _ in links(header(client.get("/")))]
    assert reverse("courses:run_list") in hrefs
    assert reverse("wagtailadmin_home") in hrefs


def test_the_language_switch_offers_the_other_language_and_comes_back(client):
    html = header(client.get(reverse("search") + "?q=a&b=<c>"))
    assert '<input type="hidden" name="next" value="/sok/?q=a&amp;b=%3Cc%3E">' in html
    assert 'name="language" value="en" lang="en"' in html
    assert ">English</button>" in html
    assert 'value="nb"' not in html

    client.cookies["django_language"] = "en"
    html = header(client.get("/"))
    assert 'name="language" value="nb" lang="nb"' in html
    assert ">Norsk (bokmål)</button>" in html
    assert ("/", "page", "Home") in links(html)
