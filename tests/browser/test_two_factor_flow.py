"""A mentor turns on two-step sign-in from the profile, logs out, and logs in
with the password and a code from the app (computed here, as the phone would);
every page passes axe-core."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from lms.accounts import services

from ..accounts.factories import TEST_PASSWORD, UserFactory
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def app_code(secret: str, steps_ahead: int = 0) -> str:
    key = b32decode(secret.replace(" ", ""))
    return f"{totp(key, t0=-30 * steps_ahead):06d}"


def test_turn_on_two_step_sign_in_then_log_in_with_a_code(page, firm):
    person = UserFactory(first_name="Sara", last_name="Haugen")
    services.membership_add(firm=firm, user=person, is_contact=True)
    log_in(page, person.email)

    page.goto("/accounts/profile/")
    page.locator('a[href="/accounts/two-step/setup/"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/two-step/setup/"))
    expect(page.locator("figure svg")).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#two-factor-secret").inner_text()

    page.locator("#id_code").fill(app_code(secret))
    page.locator("#id_code").press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/two-step/backup-codes/"))
    expect(page.locator("#backup-codes li")).to_have_count(10)
    assert_accessible(page)

    page.get_by_role("button", name="Logg ut").click()
    page.goto("/accounts/login/")
    page.get_by_label("E-postadresse").fill(person.email)
    page.get_by_label("Passord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/code/"))
    expect(page.locator("#id_code")).to_have_attribute("autocomplete", "one-time-code")
    expect(page.locator("#id_code")).to_have_attribute("inputmode", "numeric")
    assert_accessible(page)

    # The code that confirmed the setup is spent: the app's next one.
    page.locator("#id_code").fill(app_code(secret, steps_ahead=1))
    page.locator("#id_code").press("Enter")
    expect(page).to_have_url(re.compile(r"/hjem/$"))
    expect(page.get_by_role("heading", level=2, name=firm.name)).to_be_visible()
    assert_accessible(page)
