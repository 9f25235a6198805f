"""The course leader certifies a firm that meets the rules and opens its PDF; an
anonymous visitor types the code from the certificate and sees that it is valid.
Every page passes axe-core."""

import re

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from courses.models import AttendanceStatus, Certification, PlanStatus
from courses.services import attendance, plans

from ..courses import factories
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _firm_meeting_the_rules():
    run = factories.run(starts_in_days=-60)
    enrolment = factories.enrolment(run_=run, participants=2)
    leader = run.leaders.get()
    for session in run.sessions.all():
        attendance.attendance_record(
            session=session,
            user=enrolment.contact,
            status=AttendanceStatus.PRESENT,
            by=leader,
        )
    plan = plans.plan_get_or_create(enrolment=enrolment)
    plan.status = PlanStatus.APPROVED
    plan.save()
    return run, enrolment, leader


def test_leader_certifies_and_visitor_verifies_the_code(page, live_server):
    run, enrolment, leader = _firm_meeting_the_rules()

    log_in(page, leader.email)
    page.goto(live_server.url + reverse("courses:run_overview", args=[run.pk]))
    row = page.get_by_role("row", name=re.compile(re.escape(enrolment.firm.name)))
    row.locator("summary").click()
    assert_accessible(page)
    firm_url = reverse(
        "courses:certification_firm", kwargs={"enrolment_pk": enrolment.pk}
    )
    row.locator(f"a[href='{firm_url}']").click()

    expect(page.locator("#rules li")).to_have_count(2)
    assert_accessible(page)
    page.locator("#certify").click()

    expect(page.locator("#certification-status")).to_be_visible()
    assert_accessible(page)
    certification = Certification.objects.get()
    code = certification.formatted_code
    expect(page.locator("#verification-code")).to_have_text(code)

    # The PDF opens with the session's cookies: a real certificate file.
    href = page.locator("#certificate-pdf").get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # A visitor, not logged in, types the code as it is printed.
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("verify:form"))
    assert_accessible(page)
    page.get_by_label(re.compile("Verifiseringskode|Verification code")).fill(
        code.lower().replace("-", " ")
    )
    page.locator("#verify-submit").click()

    expect(page).to_have_url(
        live_server.url + reverse("verify:detail", kwargs={"code": code})
    )
    expect(page.locator("#verification-status")).to_have_text(
        re.compile("Gyldig|Valid")
    )
    expect(page.locator("#verification-result")).to_contain_text(enrolment.firm.name)
    assert_accessible(page)
