"""A participant studies for the next session and sees the progress rise."""

import re

import pytest
from playwright.sync_api import expect

from ..accounts.factories import TEST_PASSWORD
from ..cms import factories as cms
from ..courses import factories
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def participant():
    area = cms.area(title="Holdninger")
    first = cms.lesson(
        parent=area,
        title="Hva er inkludering?",
        body=[
            {"type": "paragraph", "value": "<p>Om inkludering i arbeidslivet.</p>"},
            {
                "type": "reflection",
                "id": "0d6f1c1e-8a57-4bde-9a0e-2f3c4b5a6d7e",
                "value": {"question": "Hva betyr inkludering for dere?"},
            },
        ],
    )
    second = cms.lesson(parent=area, title="Fordommer og forventninger")
    run = factories.run(lessons=[first, second], starts_in_days=10)
    enrolment = factories.enrolment(run_=run, participants=2)
    return enrolment.participants.exclude(pk=enrolment.contact.pk).get()


def test_participant_marks_a_preparation_lesson_done(page, participant):
    page.goto("/kurs/mitt-kurs/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("E-postadresse").fill(participant.email)
    page.get_by_label("Passord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()

    expect(page).to_have_url(re.compile(r"/kurs/mitt-kurs/$"))
    # The new texts are checked in English, whatever Norwegian they get later.
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My course")
    expect(page.locator("#next-session")).to_contain_text("1. Samling 1")
    expect(page.locator("#next-session")).to_contain_text("Asker rådhus")
    expect(page.locator("#progress-text")).to_contain_text("0 of 2")
    expect(page.locator("#progress-bar")).to_have_attribute("value", "0")
    expect(page.locator("#all-sessions li.session-plan")).to_have_count(3)
    assert_accessible(page)

    page.locator("#study-before").get_by_role(
        "link", name="Hva er inkludering?"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva er inkludering?")
    expect(page.locator("#lesson-done-button")).to_have_text("Mark as done")
    assert_accessible(page)

    # A private answer to the reflection question is kept on reload.
    note = page.locator("#reflection-0d6f1c1e-8a57-4bde-9a0e-2f3c4b5a6d7e")
    note.get_by_role("textbox").fill("Vi gir folk en sjanse.")
    note.get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text("Only you can see it.")
    expect(note.get_by_role("textbox")).to_have_value("Vi gir folk en sjanse.")
    assert_accessible(page)

    page.locator("#lesson-done-button").click()
    expect(page.locator(".messages")).to_contain_text("The lesson is marked as done.")
    expect(page.locator("#lesson-done-button")).to_have_text("Done ✓ (undo)")
    assert_accessible(page)

    page.locator("#back-to-my-course").click()
    expect(page).to_have_url(re.compile(r"/kurs/mitt-kurs/$"))
    expect(page.locator("#progress-text")).to_contain_text("1 of 2")
    expect(page.locator("#progress-bar")).to_have_attribute("value", "1")
    expect(page.locator("#study-before li").first).to_contain_text("Done")
    assert_accessible(page)


def test_someone_outside_any_run_gets_a_friendly_page(page, participant):
    from ..accounts.factories import UserFactory

    log_in(page, UserFactory().email)
    page.goto("/kurs/mitt-kurs/")
    expect(page.locator("#not-in-run")).to_be_visible()
    assert_accessible(page)
