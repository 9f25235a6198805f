"""A visitor reads the open material: home → area → lesson → measure → search."""

import re

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_material():
    call_command("seed_demo", verbosity=0)
    call_command("update_index", verbosity=0)


def test_visitor_reads_an_area_a_lesson_a_measure_and_searches(page, demo_material):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sosial Profil")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("^Opplæring")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opplæring")
    lessons = page.locator(".lesson-list a")
    expect(lessons).to_have_count(3)
    assert_accessible(page)

    first_title = lessons.first.inner_text()
    lessons.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_title)
    expect(page.get_by_role("navigation", name="Brødsmulesti")).to_be_visible()
    expect(page.locator(".block-checklist")).to_have_count(1)
    expect(page.locator("a[rel=next]")).to_be_visible()
    assert_accessible(page)

    measure_link = page.locator(".block-measure a").first
    measure_name = measure_link.inner_text()
    measure_link.click()
    expect(page).to_have_url(re.compile(r"/tiltak/[a-z0-9-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(measure_name)
    assert_accessible(page)

    page.get_by_role("navigation", name="Brødsmulesti").get_by_role(
        "link", name="Inkluderingstiltak"
    ).click()
    expect(page.locator(".measure-card").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Søk", exact=True).click()
    page.get_by_label("Søk etter").fill("arbeidstrening")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_role("heading", name="Leksjoner", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Tiltak", exact=True)).to_be_visible()
    assert page.locator(".area-badge").count() >= 1
    assert_accessible(page)


def test_catalogue_filters_work_without_javascript(browser, live_server, demo_material):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto("/tiltak/")
        total = tab.locator(".measure-card").count()
        assert total >= 15
        tab.get_by_label("Målgruppe").select_option(
            label="Innvandrere utenfor arbeidslivet"
        )
        tab.get_by_role("button", name="Vis tiltak").click()
        expect(tab).to_have_url(
            re.compile(r"target_group=innvandrere-utenfor-arbeidslivet")
        )
        filtered = tab.locator(".measure-card").count()
        assert 0 < filtered < total
    finally:
        context.close()
