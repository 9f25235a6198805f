"""Playwright driving Debian's Chromium against the live test server, with axe-core."""

import contextlib
import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
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


# Every document of the context (each page visited, each frame) reports each
# violation of the content security policy to Python the moment it happens, so a
# violation on a page the test left a moment later is not lost with the page.
# The record in `window.__cspViolations` is for debugging in the browser.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const violation = {
        page: document.location.href,
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
        disposition: event.disposition,
    };
    window.__cspViolations.push(violation);
    window.__reportCspViolation(violation);
});
"""
# Wait for the browser's queued tasks (violation events are dispatched in one).
SETTLE = "() => new Promise((resolve) => setTimeout(resolve, 0))"


def csp_violations_recorded(context) -> list:
    """A list that fills with every violation of the content security policy on
    any page or frame of `context` (call before opening a page)."""
    violations = []
    context.expose_function(
        "__reportCspViolation", lambda violation: violations.append(violation)
    )
    context.add_init_script(CSP_LISTENER)
    # What the event does not cover (e.g. a frame refused by frame-ancestors is
    # reported only to the console), on every page of the context. Chromium
    # words it "Refused to …" or "… violates the following Content Security
    # Policy directive …".
    context.on(
        "console",
        lambda message: (
            violations.append(
                {"page": message.page and message.page.url, "console": message.text}
            )
            if "Content Security Policy" in message.text
            or message.text.startswith("Refused to")
            else None
        ),
    )
    return violations


def csp_settle(context) -> None:
    """Let every open page dispatch the violation events it has queued."""
    for open_page in context.pages:
        with contextlib.suppress(PlaywrightError):
            open_page.evaluate(SETTLE)


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live server; fails the test on console errors
    and on any violation of the content security policy on any page it visited."""
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    violations = csp_violations_recorded(context)
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
    csp_settle(context)
    context.close()
    assert violations == [], "Content security policy violated:\n" + "\n".join(
        map(str, violations)
    )
    # Script errors show up here.
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
