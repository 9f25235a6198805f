"""The trainee's journey in a browser: the mentor creates a placement and invites
the trainee; the trainee makes an account from the mailed link and ticks the
introduction on a phone; the mentor writes a goal and records an evaluation;
the trainee confirms it on the phone. axe-core passes on every page."""

import io
import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from lms.accounts import services as accounts
from placements.demo import ensure_default_introduction
from placements.models import (
    Evaluation,
    IntroductionTemplate,
    Placement,
    PlacementStatus,
)
from placements.services.work_plan import work_plan_update
from results.categories import Arrangement

from ..accounts.factories import FirmFactory, UserFactory
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
TRAINEE_EMAIL = "mina.trainee@example.no"
TRAINEE_PASSWORD = "Praksis-Plass-2026"
LINK = re.compile(r"https?://[^/\s]+(/praksis/invitasjon/[^/\s]+/)")


def _default_checklist():
    """The default introduction: the data migration's rows do not survive the
    flush of an earlier browser test, so it is put back the way the demo does."""
    ensure_default_introduction()
    return IntroductionTemplate.objects.get(is_default=True)


def _printed_pages(page) -> int:
    """How many A4 pages the current page prints on (Chromium's print to PDF,
    with the print stylesheet)."""
    return len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)


def _fits_phone(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_mentor_invites_trainee_ticks_on_phone_mentor_evaluates(
    page, browser, live_server
):
    template = _default_checklist()
    firm = FirmFactory(name="Bakeriet på hjørnet AS")
    mentor = UserFactory(first_name="Sara", last_name="Haugen")
    accounts.membership_add(firm=firm, user=mentor)
    today = timezone.localdate()

    # The mentor creates the placement and sends the invitation.
    log_in(page, mentor.email)
    page.goto("/praksis/")
    assert_accessible(page)
    page.locator("#placement-new").click()
    page.wait_for_url("**/praksis/ny/**")
    page.locator("[name=invited_name]").fill("Mina")
    page.locator("[name=invited_email]").fill(TRAINEE_EMAIL)
    page.locator("[name=mentor_in_training]").check()
    page.locator("[name=arrangement]").select_option(Arrangement.WORK_TRIAL.value)
    page.locator("[name=starts_on]").fill(today.isoformat())
    page.locator("[name=planned_end_on]").fill(
        (today + timedelta(weeks=12)).isoformat()
    )
    page.locator("[name=supporting_organisation]").fill("NAV Asker")
    assert_accessible(page)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r".*/praksis/\d+/$"))
    placement = Placement.objects.get(invited_email=TRAINEE_EMAIL)
    assert placement.status == PlacementStatus.INVITED
    assert placement.mentor == mentor
    expect(page.locator("#placement-status")).to_be_visible()
    assert_accessible(page)

    # The trainee opens the mailed link on a phone and makes an account.
    (message,) = [m for m in mail.outbox if TRAINEE_EMAIL in m.to]
    link = LINK.search(message.body).group(1)
    phone_context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, locale="nb-NO"
    )
    phone = phone_context.new_page()
    phone.goto(link)
    assert_accessible(phone)
    phone.locator("[name=first_name]").fill("Mina")
    phone.locator("[name=last_name]").fill("Johansen")
    phone.locator("[name=password1]").fill(TRAINEE_PASSWORD)
    phone.locator("[name=password2]").fill(TRAINEE_PASSWORD)
    phone.locator("form button[type=submit]").last.click()
    phone.wait_for_load_state()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE
    assert placement.trainee.email == TRAINEE_EMAIL

    # … lands on a placement page that fits the phone …
    phone.goto(placement.get_absolute_url())
    expect(phone.locator("#placement-status")).to_be_visible()
    assert _fits_phone(phone)
    assert_accessible(phone)

    # … and ticks two lines of the introduction.
    phone.goto(f"/praksis/{placement.pk}/introduksjon/")
    assert _fits_phone(phone)
    assert_accessible(phone)
    items = list(placement.introduction_items.order_by("position", "pk"))
    assert len(items) == template.items.count()
    for item in items[:2]:
        phone.locator(f"#item-{item.pk} input[type=checkbox]").check()
    phone.locator("#introduction-save").click()
    phone.wait_for_url(f"**/praksis/{placement.pk}/introduksjon/")
    ticked = [
        item.pk
        for item in placement.introduction_items.all()
        if item.trainee_done_at is not None
    ]
    assert ticked == [items[0].pk, items[1].pk]
    assert all(i.mentor_done_at is None for i in placement.introduction_items.all())
    expect(phone.locator(f"#item-{items[0].pk} input[type=checkbox]")).to_be_checked()
    assert_accessible(phone)

    # The mentor writes a goal into the work plan …
    page.goto(f"/praksis/{placement.pk}/arbeidsplan/endre/")
    page.locator("[name=goals-0-text]").fill("Ta imot kunder ved disken.")
    page.locator("[name=tasks-0-week]").fill("1")
    page.locator("[name=tasks-0-text]").fill("Fylle på i disken om morgenen.")
    assert_accessible(page)
    page.locator("#plan-save").click()
    page.wait_for_url(f"**/praksis/{placement.pk}/arbeidsplan/")
    (goal,) = placement.goals.all()
    assert_accessible(page)

    # … and records an evaluation with progress on it.
    page.goto(f"/praksis/{placement.pk}/evalueringer/ny/")
    page.locator("[name=went_well]").fill("Mina er blid med kundene.")
    page.locator("[name=to_change]").fill("Spør når noe er uklart.")
    page.locator(f"[name=goal-{goal.pk}-progress][value=under_way]").check()
    assert_accessible(page)
    page.locator("#evaluation-save").click()
    page.wait_for_url(re.compile(r".*/praksis/evalueringer/\d+/$"))
    evaluation = Evaluation.objects.get(placement=placement)
    assert evaluation.written_by == mentor
    assert evaluation.progress.get().progress == "under_way"
    assert_accessible(page)
    assert _printed_pages(page) == 1

    # The trainee agrees to the plan on the phone …
    phone.goto(f"/praksis/{placement.pk}/arbeidsplan/")
    assert _fits_phone(phone)
    assert_accessible(phone)
    phone.locator("#plan-agree-form button[type=submit]").click()
    expect(phone.locator("#plan-agreed")).to_be_visible()
    placement.refresh_from_db()
    assert placement.plan_agreed_at is not None

    # … reads the evaluation and confirms it.
    phone.goto(f"/praksis/evalueringer/{evaluation.pk}/")
    assert _fits_phone(phone)
    assert_accessible(phone)
    phone.locator("#confirm-form button[type=submit]").click()
    phone.wait_for_load_state()
    evaluation.refresh_from_db()
    assert evaluation.trainee_response == "confirmed"
    assert evaluation.responded_at is not None
    assert_accessible(phone)
    phone_context.close()

    # A full plan (eight goals, four weeks of tasks) still prints on one page.
    work_plan_update(
        placement=placement,
        goals=[{"pk": goal.pk, "text": goal.text, "criteria": []}]
        + [
            {
                "pk": None,
                "text": f"Mål {n}: lære en ny oppgave i bakeriet godt.",
                "criteria": [],
            }
            for n in range(2, 9)
        ],
        tasks=[
            {"week": week, "text": f"Oppgave {n} i uke {week}: fylle på og rydde."}
            for week in range(1, 5)
            for n in range(1, 4)
        ],
        support_agreed="Sara er fast veileder. Kortere dager de første to ukene. " * 3,
        by=mentor,
    )
    page.goto(f"/praksis/{placement.pk}/arbeidsplan/")
    expect(page.locator("#plan-goals > ol > li")).to_have_count(8)
    assert _printed_pages(page) == 1
