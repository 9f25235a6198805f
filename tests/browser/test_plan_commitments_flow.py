"""On a 390 px phone, the firm contact adds four commitments with "Add a
commitment" and saves them all at once; the page passes axe-core."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from courses.models import Commitment

from ..courses import factories
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = [
    ("attitudes", "Alle ledere tar leksjonen om holdninger."),
    ("measures", "Vi tilbyr to plasser for arbeidstrening."),
    ("training", "To ansatte tar mentorkurset."),
    ("support", "Mentor og deltaker møtes hver fredag."),
]


def test_contact_adds_four_commitments_and_saves_once(page):
    enrolment = factories.enrolment(run_=factories.run())
    due = (timezone.localdate() + timedelta(days=60)).isoformat()
    plan_url = reverse("courses:plan_detail", kwargs={"enrolment_pk": enrolment.pk})
    edit_url = reverse("courses:plan_edit", kwargs={"enrolment_pk": enrolment.pk})
    page.set_viewport_size({"width": 390, "height": 844})

    log_in(page, enrolment.contact.email)
    page.goto(edit_url)
    expect(page.locator("#plan-form")).to_be_visible()
    expect(page.locator("#commitment-rows .commitment-row")).to_have_count(1)
    assert_accessible(page)

    posts = []
    page.on(
        "request",
        lambda request: posts.append(request.url) if request.method == "POST" else None,
    )
    for index, (area, what) in enumerate(ROWS):
        if index:
            page.locator("#add-commitment").click()
            expect(page.locator("#commitment-rows .commitment-row")).to_have_count(
                index + 1
            )
            # The new row has the focus, so typing goes on there.
            expect(page.locator(f"#id_commitments-{index}-area")).to_be_focused()
        page.locator(f"#id_commitments-{index}-area").select_option(area)
        page.locator(f"#id_commitments-{index}-what").fill(what)
        page.locator(f"#id_commitments-{index}-responsible").fill("Daglig leder")
        page.locator(f"#id_commitments-{index}-due_date").fill(due)
    page.locator("#id_commitments-1-is_public").check()
    # Adding rows happened in the browser: nothing was posted yet.
    assert posts == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)

    page.locator("#plan-save").click()
    expect(page).to_have_url(re.compile(re.escape(plan_url) + "$"))
    assert len(posts) == 1
    saved = list(Commitment.objects.order_by("pk").values_list("area", "what"))
    assert saved == ROWS
    assert list(
        Commitment.objects.filter(is_public=True).values_list("what", flat=True)
    ) == [ROWS[1][1]]
    expect(page.locator(".commitment")).to_have_count(4)
    assert_accessible(page)
