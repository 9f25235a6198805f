"""A candidate uploads a photo and a reflective account, maps them to every
criterion and submits; the assessor marks every criterion met; the internal
verifier agrees and issues the certificate; a visitor verifies it by its code.
Every page of the flow passes axe-core, the case page also at 390 px."""

import io
import re

from django.urls import reverse

import pytest
from PIL import Image
from playwright.sync_api import expect

from lms.accounts import services as accounts
from lms.accounts.roles import Role
from validation.models import AssessmentCriterion, Case, CaseStatus, Evidence, Level
from validation.services import cases as cases_services
from validation.services.units import unit_approve, unit_create_draft

from ..accounts.factories import TEST_PASSWORD, UserFactory
from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def person(*roles):
    someone = UserFactory()
    for role in roles:
        accounts.role_grant(user=someone, role=role)
    return someone


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def english(page, live_server):
    """New strings may not be translated yet: read the pages in English."""
    page.context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url}]
    )


def log_in(page, live_server, email):
    page.context.clear_cookies()
    english(page, live_server)
    page.goto(live_server.url + reverse("accounts:login"))
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_case_from_evidence_to_a_publicly_verified_certificate(page, live_server):
    owner = person(Role.PROGRAMME_OWNER)
    unit = unit_approve(
        unit=unit_create_draft(
            code="AM-80",
            title="Ta imot en ny kollega",
            level=Level.TWO,
            credits=3,
            outcomes=[
                (
                    1,
                    "Forberede mottaket",
                    [(1, "Lager en plan"), (2, "Avklarer behov")],
                ),
                (2, "Følge opp", [(1, "Gir tilbakemelding"), (2, "Justerer planen")]),
            ],
        ),
        by=owner,
    )
    candidate = person(Role.CANDIDATE)
    assessor = person(Role.ASSESSOR)
    verifier = person(Role.INTERNAL_VERIFIER)
    case = cases_services.case_create(
        candidate=candidate, unit=unit, assessor=assessor, by=assessor
    )
    criteria = list(
        AssessmentCriterion.objects.filter(outcome__unit=unit).order_by(
            "outcome__number", "number"
        )
    )
    case_url = live_server.url + reverse("validation:case", kwargs={"pk": case.pk})

    # The candidate lands on their cases and opens this one.
    log_in(page, live_server, candidate.email)
    page.goto(live_server.url + reverse("validation:my_cases"))
    expect(page.locator(f"#case-{case.pk}")).to_contain_text(
        "0 of 4 criteria covered by evidence, 0 of 4 met"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Open the case AM-80").click()
    expect(page.locator("#case-grid")).to_be_visible()
    expect(page.locator(".criterion-missing")).to_have_count(4)
    assert_accessible(page)

    # A photo of the training plan, shown for 1.1 and 1.2.
    page.locator("#add-evidence-link").click()
    page.locator("input[name=kind][value=file]").check()
    # Only the fields a file needs are shown once the kind is chosen.
    expect(page.locator("#id_text")).to_be_hidden()
    expect(page.locator("#id_file")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_title").fill("Opplæringsplan")
    page.locator("#id_file").set_input_files(
        files=[{"name": "plan.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    for criterion in criteria[:2]:
        page.locator(f"input[name=criteria][value='{criterion.pk}']").check()
    page.get_by_role("button", name="Add the evidence").click()
    expect(page).to_have_url(re.compile(re.escape(case_url)))
    expect(page.locator(".criterion-missing")).to_have_count(2)

    # A reflective account for outcome 2. (Refused input answers 400, which the
    # page fixture counts as a console error; the unit tests cover it.)
    page.locator("#add-evidence-link").click()
    page.locator("input[name=kind][value=reflection]").check()
    expect(page.locator("#id_file")).to_be_hidden()
    page.locator("#id_title").fill("Oppfølgingssamtaler")
    for criterion in criteria[2:]:
        page.locator(f"input[name=criteria][value='{criterion.pk}']").check()
    page.locator("#id_text").fill(
        "Jeg har hatt ukentlige samtaler og justert planen to ganger."
    )
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.locator(".criterion-missing")).to_have_count(0)
    expect(page.locator("#case-grid caption")).to_contain_text(
        "4 of 4 criteria covered by evidence"
    )
    assert Evidence.objects.filter(case=case).count() == 2

    # The case page on a phone: no serious problem, nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Submit for assessment").click()
    expect(page.locator("#case-status")).to_contain_text("Submitted for assessment")
    assert_accessible(page)

    # The assessor marks every criterion met, citing the evidence mapped to it.
    log_in(page, live_server, assessor.email)
    page.goto(case_url)
    page.locator("#assess-link").click()
    expect(page.locator("#decisions-form")).to_be_visible()
    assert_accessible(page)
    for criterion in criteria:
        prefix = f"criterion-{criterion.pk}"
        page.locator(f"input[name='{prefix}-outcome'][value=met]").check()
        page.locator(f"#id_{prefix}-reason").fill("Vist i beviset.")
        page.locator(f"input[name='{prefix}-evidence']").first.check()
    page.locator("#decisions-save").click()
    expect(page.locator(".messages")).to_contain_text("4 decisions recorded.")
    page.locator("#confirm-form button").click()
    expect(page.locator("#case-status")).to_contain_text("Assessed")
    assert_accessible(page)

    # A new assessor's case is sampled: the verifier agrees and certifies.
    case.refresh_from_db()
    assert case.verifier == verifier
    log_in(page, live_server, verifier.email)
    page.goto(case_url)
    expect(page.locator("#case-grid")).to_contain_text("Met")
    assert_accessible(page)
    page.get_by_role("button", name="Agree with the assessment").click()
    expect(page.locator("#case-status")).to_contain_text("Verified")
    page.get_by_role("button", name="Issue the certificate").click()
    expect(page.locator("#case-status")).to_contain_text("Certified")
    expect(page.locator("#certificate-link")).to_be_visible()
    assert_accessible(page)
    code = page.locator("#verification-code").inner_text()
    case.refresh_from_db()
    assert case.status == CaseStatus.CERTIFIED
    assert Case.objects.get(pk=case.pk).certificate.formatted_code == code

    # The candidate sees the unit achieved and its credits.
    log_in(page, live_server, candidate.email)
    page.goto(live_server.url + reverse("validation:my_cases"))
    expect(page.locator("#credits-achieved")).to_contain_text("3 credits")
    assert_accessible(page)

    # Anyone can verify the certificate by its code.
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("verify:detail", kwargs={"code": code}))
    expect(page.locator("#verification-status")).to_have_text(
        re.compile("Gyldig|Valid")
    )
    expect(page.locator("#verification-result")).to_contain_text("AM-80")
    assert_accessible(page)
