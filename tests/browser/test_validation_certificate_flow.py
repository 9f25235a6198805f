"""A visitor checks a validation certificate by the code printed on it; a
programme owner reads the register of validated mentors. Both pages pass axe."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from lms.accounts.roles import Role

from ..accounts.factories import TEST_PASSWORD
from ..validation.factories import certified_case, person
from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_visitor_verifies_a_validation_certificate_by_its_code(page, settings):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 5
    case = certified_case()
    certificate = case.certificate

    page.goto(reverse("verify:form"))
    page.get_by_label("Verifiseringskode").fill(certificate.code.lower())
    page.locator("#verify-submit").click()

    page.wait_for_url(f"**/verify/{certificate.formatted_code}/")
    result = page.locator("#verification-result")
    expect(result).to_contain_text(case.candidate.get_full_name())
    expect(result).to_contain_text(case.unit.code)
    expect(page.locator("#verification-status")).to_be_visible()
    assert_accessible(page)


def test_a_programme_owner_reads_the_register(page, settings):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 5
    certified_case()
    owner = person(Role.PROGRAMME_OWNER)

    page.goto("/accounts/login/")
    page.get_by_label("E-postadresse").fill(owner.email)
    page.get_by_label("Passord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state()
    page.goto(reverse("validation:register"))

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#register-years tbody tr")).to_have_count(1)
    assert_accessible(page)
