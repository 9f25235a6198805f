"""The browser tests notice a violation of the content security policy, even on
a page the test has already left (tests/browser/conftest.py)."""

import pytest

from .conftest import csp_settle, csp_violations_recorded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INLINE_SCRIPT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.ran = true";
    document.body.appendChild(script);
    return window.ran === true;
}"""


def test_a_violation_is_recorded_with_its_page_after_the_test_moved_on(
    browser, live_server
):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    violations = csp_violations_recorded(context)
    tab = context.new_page()
    tab.goto("/accounts/login/")

    ran = tab.evaluate(INLINE_SCRIPT)
    tab.goto("/verify/")
    csp_settle(context)
    context.close()

    assert ran is False  # the policy blocked it
    events = [v for v in violations if "directive" in v]
    assert [(v["page"], v["directive"], v["blocked"]) for v in events] == [
        (f"{live_server.url}/accounts/login/", "script-src-elem", "inline")
    ]
    assert any("Content Security Policy" in v.get("console", "") for v in violations)


def test_a_clean_page_records_nothing(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    violations = csp_violations_recorded(context)
    tab = context.new_page()
    tab.goto("/accounts/login/")
    tab.goto("/verify/")
    csp_settle(context)
    context.close()
    assert violations == []
