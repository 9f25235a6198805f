"""A new firm signs up on a phone: from the course page to a pending application,
through the link in the confirmation e-mail; every page passes axe-core."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment, EnrolmentStatus
from lms.accounts.models import Firm, User

from ..courses import factories as courses
from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 390, "height": 844}
PASSWORD = "Lang-og-trygg-2026"


def assert_no_sideways_scrolling(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], page.url


def test_a_new_firm_signs_up_confirms_and_has_applied(page):
    run = courses.run()
    other_run = courses.run()
    page.set_viewport_size(PHONE)

    page.goto("/kurs/")
    assert_accessible(page)
    page.locator(f'a[href="/accounts/signup/?run={run.pk}"]').click()

    expect(page).to_have_url(re.compile(r"/accounts/signup/\?run="))
    expect(page.locator("#id_run")).to_have_value(str(run.pk))
    expect(page.locator(f'#id_run option[value="{other_run.pk}"]')).to_have_count(1)
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    page.locator("#id_org_number").fill("914 035 171")
    page.locator("#id_firm_name").fill("Askerbakeriet AS")
    page.locator("#id_municipality").fill("Asker")
    page.locator("#id_industry").select_option("C")
    page.locator("#id_size_band").select_option("10-19")
    page.locator("#id_first_name").fill("Kari")
    page.locator("#id_last_name").fill("Nordmann")
    page.locator("#id_email").fill("kari@askerbakeriet.no")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()

    expect(page).to_have_url(re.compile(r"/accounts/signup/sent/"))
    expect(page.get_by_text("kari@askerbakeriet.no")).to_be_visible()
    assert_accessible(page)
    assert User.objects.filter(email="kari@askerbakeriet.no").count() == 0
    assert Firm.objects.count() == 0

    (message,) = mail.outbox
    path = re.search(
        r"https?://[^/\s]+(/accounts/signup/confirm/[^/\s]+/)", message.body
    )[1]
    page.goto(path)
    expect(page.get_by_text("914 035 171")).to_be_visible()
    expect(page.get_by_text(run.title)).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)
    # Opening the link made nothing.
    assert Firm.objects.count() == 0
    page.locator("main form button[type=submit]").click()

    page.wait_for_url("**/hjem/")
    expect(page.get_by_text("Askerbakeriet AS").first).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    user = User.objects.get(email="kari@askerbakeriet.no")
    firm = Firm.objects.get(org_number="914035171")
    assert firm.memberships.get().user == user
    assert firm.memberships.get().is_contact
    enrolment = Enrolment.objects.get(firm=firm)
    assert (enrolment.run, enrolment.status) == (run, EnrolmentStatus.APPLIED)

    # Logged in: the firm's own page opens and shows the number as people write it.
    page.goto(firm.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Askerbakeriet AS")
    expect(page.get_by_text("914 035 171")).to_be_visible()
    assert_accessible(page)


def test_the_contact_approves_a_request_to_join_on_the_firm_page(page):
    from lms.accounts.models import ClaimStatus, FirmClaim
    from lms.accounts.signup.services import claim_create

    from ..accounts.factories import UserFactory
    from .conftest import log_in

    enrolment = courses.enrolment(run_=courses.run())
    claimant = UserFactory(email="lars@example.no")
    claim = claim_create(firm=enrolment.firm, person=claimant, message="Hei!")
    page.set_viewport_size(PHONE)
    log_in(page, enrolment.contact.email)

    page.goto(enrolment.firm.get_absolute_url())
    requests = page.locator("#requests-to-join")
    expect(requests.get_by_text("lars@example.no").first).to_be_visible()
    expect(requests.get_by_text("Hei!")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    requests.locator('button[value="approve"]').click()
    expect(
        page.locator("#requests-to-join").get_by_text("lars@example.no")
    ).to_have_count(0)
    assert_accessible(page)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert enrolment.firm.memberships.get(user=claimant).is_contact
    assert FirmClaim.objects.filter(status=ClaimStatus.PENDING).count() == 0
