"""Playwright driving Debian's Chromium against the live test server, with axe-core."""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the live server's
# database access is ordinary synchronous code, so Django's guard is lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def site_tree(transactional_db):
    """Browser tests flush the database after each test; put the page tree back."""
    from cms.site import ensure_home_page

    ensure_home_page()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live server; fails the test on console errors."""
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    tab = context.new_page()
    errors = []
    tab.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    # CSP violations and script errors show up here.
    assert errors == []


_axe = Axe()


def assert_accessible(page):
    """axe-core finds no serious or critical violation on the current page."""
    results = _axe.run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], f"{page.url}\n" + "\n".join(blocking)


def log_in(page, email: str) -> None:
    """Log in through the login form, as a person would, and land on the home."""
    from ..accounts.factories import TEST_PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("E-postadresse").fill(email)
    page.get_by_label("Passord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/hjem/")
