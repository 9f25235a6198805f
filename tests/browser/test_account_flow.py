"""A person logs in, switches language and logs out; every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from lms.accounts import services

from ..accounts.factories import TEST_PASSWORD
from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def person(firm):
    from ..accounts.factories import UserFactory

    user = UserFactory(first_name="Sara", last_name="Haugen")
    services.membership_add(firm=firm, user=user, is_contact=True)
    return user


def test_log_in_switch_language_log_out(page, person, firm):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sosial Profil")
    assert_accessible(page)

    page.get_by_role("link", name="Logg inn").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    assert_accessible(page)

    # A wrong password first: a clear message, still on the login page.
    page.get_by_label("E-postadresse").fill(person.email)
    page.get_by_label("Passord").fill("feil-passord")
    page.get_by_role("button", name="Logg inn").click()
    expect(
        page.get_by_text("E-postadressen eller passordet er ikke riktig")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Passord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    # The home first (tests/browser/test_home_flow.py), then the profile.
    expect(page).to_have_url(re.compile(r"/hjem/$"))
    expect(page.get_by_role("heading", level=2, name=firm.name)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Min profil").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")
    expect(page.get_by_role("link", name=firm.name)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My profile")
    assert_accessible(page)

    page.get_by_role("link", name=firm.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(firm.name)
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("link", name="Log in").first).to_be_visible()
    assert_accessible(page)


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    expect(page.locator("a.skip-link")).to_be_visible()


# 320 px is WCAG's reflow width; 640 px is a 1280 px screen at 200 % zoom.
@pytest.mark.parametrize("width", [320, 640])
def test_pages_reflow_without_horizontal_scrolling(browser, live_server, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 640}
    )
    tab = context.new_page()
    try:
        for url in ["/", "/accounts/login/"]:
            tab.goto(url)
            overflow = tab.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, url
            assert_accessible(tab)
    finally:
        context.close()


# The most links the header can have; on laptop widths they wrap onto a second
# line instead of pushing the page sideways.
@pytest.mark.parametrize("width", [992, 1100, 1200, 1280])
def test_the_full_header_never_scrolls_sideways(page, site_tree, width):
    from lms.accounts.roles import Role

    from ..accounts.factories import UserFactory
    from .conftest import log_in

    person = UserFactory()
    for role in (Role.ADMINISTRATOR, Role.COURSE_LEADER, Role.EDITOR):
        services.role_grant(user=person, role=role)
    log_in(page, person.email)
    page.set_viewport_size({"width": width, "height": 700})
    page.goto("/")

    assert (
        page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    )
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
