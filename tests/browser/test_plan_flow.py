"""A firm contact writes and submits the inclusion plan; the course leader asks for
changes; the contact revises and submits again. Every page passes axe-core.

The plan's own strings have no Norwegian translation yet, so elements are found by
id and role, and only the login and header use Norwegian text.
"""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from courses.models import InclusionPlan, PlanEventKind, PlanStatus

from ..courses import factories
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_out(page):
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("link", name="Logg inn").first).to_be_visible()


def test_contact_submits_leader_requests_changes_contact_resubmits(page):
    run = factories.run()
    enrolment = factories.enrolment(run_=run)
    contact = enrolment.contact
    leader = run.leaders.get()
    plan_url = reverse("courses:plan_detail", kwargs={"enrolment_pk": enrolment.pk})
    review_url = reverse("courses:plan_review", kwargs={"enrolment_pk": enrolment.pk})
    due = (timezone.localdate() + timedelta(days=60)).isoformat()

    # The contact opens the plan (created as a draft) and writes a commitment.
    log_in(page, contact.email)
    page.goto(plan_url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#plan-status")).to_be_visible()
    assert_accessible(page)

    page.locator("#plan-edit-link").click()
    expect(page.locator("#plan-form")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_commitments-0-area").select_option("attitudes")
    page.locator("#id_commitments-0-what").fill("Vi tar inn to lærlinger fra NAV.")
    page.locator("#id_commitments-0-responsible").fill("Daglig leder")
    page.locator("#id_commitments-0-due_date").fill(due)
    page.locator("#plan-save").click()

    expect(page).to_have_url(re.compile(re.escape(plan_url) + "$"))
    expect(page.locator(".commitment")).to_have_text(
        re.compile("Vi tar inn to lærlinger fra NAV.")
    )
    page.locator("#plan-submit").click()
    expect(page.locator("#plan-submit")).to_have_count(0)
    expect(page.locator("#plan-edit-link")).to_have_count(0)
    assert InclusionPlan.objects.get().status == PlanStatus.SUBMITTED
    assert_accessible(page)
    log_out(page)

    # The course leader asks for changes, with a comment.
    log_in(page, leader.email)
    page.goto(review_url)
    expect(page.locator(".commitment")).to_have_text(
        re.compile("Vi tar inn to lærlinger fra NAV.")
    )
    assert_accessible(page)
    # Without a comment: refused, with an error summary that is itself accessible.
    page.locator("#plan-request-changes").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_comment").fill("Skriv hvem som skal være mentor.")
    page.locator("#plan-request-changes").click()
    expect(page.locator("#not-waiting")).to_be_visible()
    assert InclusionPlan.objects.get().status == PlanStatus.CHANGES_REQUESTED
    log_out(page)

    # The contact sees the comment, edits and submits again.
    log_in(page, contact.email)
    page.goto(plan_url)
    expect(page.locator("#review-comment")).to_contain_text(
        "Skriv hvem som skal være mentor."
    )
    assert_accessible(page)
    page.locator("#plan-edit-link").click()
    what = page.locator("#id_commitments-0-what")
    expect(what).to_have_value("Vi tar inn to lærlinger fra NAV.")
    what.fill("Vi tar inn to lærlinger fra NAV, med Kari som mentor.")
    page.locator("#plan-save").click()
    expect(page.locator(".commitment")).to_have_text(re.compile("Kari som mentor"))
    page.locator("#plan-submit").click()
    expect(page.locator("#plan-submit")).to_have_count(0)

    plan = InclusionPlan.objects.get()
    assert plan.status == PlanStatus.SUBMITTED
    assert list(plan.events.values_list("kind", "version")) == [
        (PlanEventKind.SUBMITTED, 2),
        (PlanEventKind.CHANGES_REQUESTED, 2),
        (PlanEventKind.SUBMITTED, 3),
    ]
    assert_accessible(page)


def test_edit_page_with_errors_is_accessible(page):
    enrolment = factories.enrolment(run_=factories.run())
    log_in(page, enrolment.contact.email)
    page.goto(reverse("courses:plan_edit", kwargs={"enrolment_pk": enrolment.pk}))
    page.locator("#id_commitments-0-area").select_option("training")
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    page.locator("#id_commitments-0-due_date").fill(yesterday)
    page.locator("#plan-save").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(3)  # what, responsible, date
    assert_accessible(page)
