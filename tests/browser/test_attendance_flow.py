"""A course leader takes attendance on a phone-sized screen."""

import pytest
from playwright.sync_api import expect

from courses.models import Attendance

from ..courses import factories
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_takes_attendance_on_a_390_px_phone(browser, live_server):
    run = factories.run(starts_in_days=-1)  # the first session has started
    enrolment = factories.enrolment(run_=run, participants=3)
    people = list(enrolment.participants.all())
    session = run.sessions.get(position=1)
    leader = run.leaders.get()

    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="nb-NO"
    )
    page = context.new_page()
    try:
        log_in(page, leader.email)
        page.goto(f"/kurs/ledelse/{run.pk}/")
        assert_accessible(page)
        page.locator(f"a[href='/kurs/ledelse/samling/{session.pk}/oppmote/']").click()
        rows = page.locator(".attendance-row")
        expect(rows).to_have_count(3)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0
        assert_accessible(page)

        # One tap per person: present, late, absent. Saved without a reload.
        for person, status in zip(people, ["present", "late", "absent"], strict=True):
            button = page.locator(f"#p-{person.pk} button[value={status}]")
            button.click()
            expect(button).to_have_attribute("aria-pressed", "true")
        expect(page.locator("#attendance-status")).not_to_be_empty()

        # By keyboard: focus the first person's "excused" and press Enter.
        excused = page.locator(f"#p-{people[0].pk} button[value=excused]")
        excused.focus()
        page.keyboard.press("Enter")
        expect(excused).to_have_attribute("aria-pressed", "true")

        page.reload()
        expect(
            page.locator(f"#p-{people[0].pk} button[value=excused]")
        ).to_have_attribute("aria-pressed", "true")
        expect(page.locator(f"#p-{people[1].pk} button[value=late]")).to_have_attribute(
            "aria-pressed", "true"
        )
        saved = dict(
            Attendance.objects.filter(session=session).values_list("user_id", "status")
        )
        assert saved == {
            people[0].pk: "excused",
            people[1].pk: "late",
            people[2].pk: "absent",
        }
        assert_accessible(page)
    finally:
        context.close()
