"""A visitor finds the privacy notice and the accessibility statement from the
footer, reads them in Norwegian, switches to English, and axe-core finds no
serious or critical violation on either page in either language."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reads_both_statements_in_both_languages(page):
    page.goto("/")
    footer = page.locator("footer")

    footer.locator('a[href="/personvern/"]').click()
    page.wait_for_url("**/personvern/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.get_by_role("heading", name="Behandlingsansvarlig")).to_be_visible()
    assert_accessible(page)

    page.locator("footer").locator('a[href="/tilgjengelighet/"]').click()
    page.wait_for_url("**/tilgjengelighet/")
    expect(page.get_by_role("heading", name="Kjente avvik")).to_be_visible()
    assert_accessible(page)

    # The language switcher keeps the visitor on the page, now in English.
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/tilgjengelighet/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Known deviations")).to_be_visible()
    assert_accessible(page)

    page.locator("footer").locator('a[href="/personvern/"]').click()
    page.wait_for_url("**/personvern/")
    expect(page.get_by_role("heading", name="Controller")).to_be_visible()
    expect(page.get_by_role("heading", name="Cookies")).to_be_visible()
    assert_accessible(page)

    # Keyboard: the skip link leads into the text.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
