"""A course leader accepts a firm's application on a phone; the firm's contact is
e-mailed in the contact's own language, and can choose which e-mails to get.

Every page visited passes axe-core at 390 px.
"""

import re

from django.core import mail
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment, EnrolmentStatus
from lms.notifications.kinds import Kind
from lms.notifications.models import Notification, NotificationPreference

from ..courses import factories
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_out(page):
    # The header's menu is collapsed at 390 px; the session simply ends.
    page.context.clear_cookies()


def test_leader_accepts_and_the_contact_is_mailed_in_english(page):
    page.set_viewport_size({"width": 390, "height": 844})
    run = factories.run()
    applied = factories.enrolment(run_=run, status=EnrolmentStatus.APPLIED)
    contact = applied.contact
    contact.first_name = "Kari"
    contact.language = "en"
    contact.save()
    leader = run.leaders.get()
    accept_url = reverse("courses:enrolment_accept", kwargs={"pk": applied.pk})
    mail.outbox.clear()

    log_in(page, leader.email)
    page.goto(reverse("courses:run_overview", kwargs={"pk": run.pk}))
    assert_accessible(page)
    page.locator(f'form[action="{accept_url}"] button[type="submit"]').click()
    expect(page.locator(f'form[action="{accept_url}"]')).to_have_count(0)
    assert_accessible(page)
    assert Enrolment.objects.get(pk=applied.pk).status == EnrolmentStatus.ACCEPTED

    # One mail, to the contact, in English (the leader's pages are Norwegian).
    [message] = mail.outbox
    assert message.to == [contact.email]
    assert message.subject == f"{applied.firm.name} has a place in {run.title}"
    assert message.body.startswith("Hello Kari,")
    detail = reverse("courses:enrolment_detail", kwargs={"pk": applied.pk})
    assert re.search(rf"http://[^/\s]+{re.escape(detail)}", message.body)
    [(html, _mimetype)] = message.alternatives
    assert '<html lang="en">' in html
    assert Notification.objects.get(kind=Kind.APPLICATION_ACCEPTED).recipient == contact
    log_out(page)

    # The contact turns one kind of e-mail off; required ones stay on.
    log_in(page, contact.email)
    page.goto(reverse("notifications:preferences"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    expect(page.locator("#required-certification_expiring")).to_be_disabled()
    page.locator('input[name="on"][value="session_reminder"]').uncheck()
    page.locator("#preferences-save").click()
    expect(
        page.locator('input[name="on"][value="session_reminder"]')
    ).not_to_be_checked()
    assert_accessible(page)
    assert list(
        NotificationPreference.objects.filter(user=contact).values_list(
            "kind", flat=True
        )
    ) == [Kind.SESSION_REMINDER]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
