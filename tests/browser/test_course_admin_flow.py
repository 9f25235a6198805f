"""An administrator sets up a course run in Wagtail's admin at 1280 px: the run
gets the course's sessions, one of them is moved; axe-core on every admin page
of the way, and the dashboard asks no other site and breaks no security policy."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import CourseRun
from lms.accounts import services as accounts
from lms.accounts.roles import Role

from ..accounts.factories import TEST_PASSWORD, UserFactory
from ..courses import factories
from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Records what the page's security policy refused, before any script runs.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def record_requests(page, own_host):
    others = []
    page.on(
        "request",
        lambda request: (
            others.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != own_host
            else None
        ),
    )
    return others


def log_in_to_admin(page, email):
    """The site's login form, sent on to Wagtail's dashboard."""
    page.goto(f"/accounts/login/?next={reverse('wagtailadmin_home')}")
    page.get_by_label("E-postadresse").fill(email)
    page.get_by_label("Passord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"**{reverse('wagtailadmin_home')}")


def test_administrator_creates_a_run_with_its_sessions(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.add_init_script(CSP_RECORDER)
    other_requests = record_requests(page, urlsplit(live_server.url).netloc)
    administrator = UserFactory()
    accounts.role_grant(user=administrator, role=Role.ADMINISTRATOR)
    course = factories.course(sessions=3)
    leader = factories.leader()
    log_in_to_admin(page, administrator.email)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == []
    assert other_requests == []
    assert_accessible(page)

    # The menu group leads to the runs.
    page.get_by_role("button", name="Kursadministrasjon").or_(
        page.get_by_role("button", name="Course administration")
    ).click()
    page.locator(f"a[href='{reverse('admin_course_runs:index')}']").first.click()
    page.wait_for_url(f"**{reverse('admin_course_runs:index')}")
    assert_accessible(page)

    page.goto(reverse("admin_course_runs:add"))
    assert_accessible(page)
    start = timezone.localtime() + timedelta(days=40)
    page.locator("[name=course]").select_option(str(course.pk))
    page.locator("[name=title]").fill("Sosial Profil Lier høst")
    page.locator("[name=municipality]").fill("Lier")
    page.locator(f"[name=leaders][value='{leader.pk}']").check()
    page.locator("[name=capacity]").fill("8")
    page.locator("[name=enrolment_deadline]").fill(
        (timezone.localdate() + timedelta(days=30)).isoformat()
    )
    page.locator("[name=first_session_starts_at]").fill(
        start.strftime("%Y-%m-%d 09:00")
    )
    page.locator("[name=place]").fill("Lier rådhus")
    # Enter sends the form, as a keyboard user would (the date picker, still
    # open over the footer, would take a mouse click).
    page.locator("[name=place]").press("Enter")
    page.wait_for_url(f"**{reverse('admin_course_runs:index')}")
    assert page.get_by_text("Sosial Profil Lier høst").first.is_visible()

    run = CourseRun.objects.get(title="Sosial Profil Lier høst")
    assert list(run.leaders.all()) == [leader]
    assert run.sessions.count() == 3
    page.goto(reverse("admin_course_runs:edit", args=[run.pk]))
    assert_accessible(page)
    second = run.sessions.get(position=2)
    page.locator(
        f"a[href='{reverse('admin_sessions:edit', args=[second.pk])}']"
    ).click()
    page.wait_for_url(f"**{reverse('admin_sessions:edit', args=[second.pk])}")
    assert_accessible(page)
    page.locator("[name=place]").fill("Lier bibliotek")
    page.locator("[name=agenda]").fill("Målgrupper og tiltak")
    page.locator("footer button[type=submit].button-longrunning").first.click()
    page.wait_for_url(f"**{reverse('admin_sessions:index')}")
    second.refresh_from_db()
    assert (second.place, second.agenda) == ("Lier bibliotek", "Målgrupper og tiltak")
    assert page.evaluate("window.__cspViolations") == []
    assert other_requests == []
