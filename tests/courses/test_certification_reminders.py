"""Expiry reminders: 90 and 30 days before, to the firm's contacts, once each."""

from datetime import date, timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import ExpiryReminder
from courses.services import certification as services
from courses.services import reminders
from lms.accounts import services as accounts

from ..accounts.factories import UserFactory
from . import certification_factories as cf
from . import factories

pytestmark = pytest.mark.django_db

VALID_UNTIL = date(2027, 6, 30)
DAY_90 = VALID_UNTIL - timedelta(days=90)
DAY_30 = VALID_UNTIL - timedelta(days=30)


@pytest.fixture
def enrolment():
    """A firm with its contact (who took part) and a participant who is not a
    contact."""
    return factories.enrolment(run_=factories.run(), participants=2)


@pytest.fixture
def certification(enrolment):
    return cf.certification(
        enrolment=enrolment, issued_on=date(2026, 6, 30), valid_until=VALID_UNTIL
    )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def send(today):
    return reminders.expiry_reminders_send(today=today)


def test_ninety_days_before_the_firms_contacts_are_reminded(certification, enrolment):
    second_contact = UserFactory()
    accounts.membership_add(firm=enrolment.firm, user=second_contact, is_contact=True)
    other_firm = factories.enrolment(run_=enrolment.run)
    cf.certification(
        enrolment=other_firm,
        issued_on=date(2026, 6, 30),
        valid_until=VALID_UNTIL + timedelta(days=200),
    )
    assert send(DAY_90) == 1
    assert recipients() == sorted([enrolment.contact.email, second_contact.email])
    assert ExpiryReminder.objects.filter(
        certification=certification, days_before=90, valid_until=VALID_UNTIL
    ).exists()


def test_nothing_is_sent_before_the_ninety_days(certification):
    assert send(DAY_90 - timedelta(days=1)) == 0
    assert mail.outbox == []
    assert not ExpiryReminder.objects.exists()


def test_each_reminder_is_sent_once(certification):
    assert send(DAY_90) == 1
    assert send(DAY_90) == 0
    assert send(DAY_90 + timedelta(days=20)) == 0
    assert len(mail.outbox) == 1
    assert send(DAY_30) == 1
    assert len(mail.outbox) == 2
    assert send(DAY_30) == 0
    assert send(VALID_UNTIL) == 0
    assert len(mail.outbox) == 2
    assert sorted(ExpiryReminder.objects.values_list("days_before", "valid_until")) == [
        (30, VALID_UNTIL),
        (90, VALID_UNTIL),
    ]


def test_a_missed_ninety_day_reminder_is_not_sent_after_the_thirty_day_one(
    certification, enrolment
):
    enrolment.contact.language = "en"
    enrolment.contact.save()
    assert send(DAY_30 + timedelta(days=2)) == 1
    assert " expires in 28 days, " in mail.outbox[0].body
    assert send(DAY_30 + timedelta(days=5)) == 0
    assert len(mail.outbox) == 1


def test_the_reminder_names_the_firm_the_date_and_the_page(certification, enrolment):
    contact = enrolment.contact
    contact.language = "en"
    contact.save()
    send(DAY_30)
    message = mail.outbox[0]
    assert message.to == [contact.email]
    assert message.subject == (
        f"The certification of {enrolment.firm.name} expires on 06/30/2027"
    )
    assert (
        f"The certification of {enrolment.firm.name} in "
        f"“{enrolment.run.course.title}” expires in 30 days, on June 30, 2027."
    ) in message.body
    url = reverse("courses:certification_firm", kwargs={"enrolment_pk": enrolment.pk})
    assert f"http://testserver{url}" in message.body


def test_a_renewed_certification_is_reminded_again_for_the_new_period(
    certification, enrolment
):
    send(DAY_90)
    send(DAY_30)
    services.follow_up_file(
        certification=certification,
        by=enrolment.contact,
        narrative="Fadderordning.",
        today=DAY_30,
    )
    services.certification_renew(
        certification=certification, by=enrolment.run.leaders.get(), today=DAY_30
    )
    certification.refresh_from_db()
    new_valid_until = date(2028, 6, 30)
    assert certification.valid_until == new_valid_until
    assert send(DAY_30 + timedelta(days=1)) == 0
    assert len(mail.outbox) == 2
    assert send(new_valid_until - timedelta(days=90)) == 1
    assert send(new_valid_until - timedelta(days=30)) == 1
    assert len(mail.outbox) == 4
    assert ExpiryReminder.objects.filter(valid_until=new_valid_until).count() == 2


def test_revoked_and_expired_certifications_get_no_reminder(enrolment):
    today = timezone.localdate()
    cf.revoked(
        enrolment=enrolment,
        issued_on=today - timedelta(days=300),
        valid_until=today + timedelta(days=30),
    )
    cf.expired(enrolment=factories.enrolment(run_=enrolment.run))
    assert send(today) == 0
    assert mail.outbox == []
    assert not ExpiryReminder.objects.exists()


def test_inactive_anonymised_and_non_contact_members_get_no_reminder(
    certification, enrolment
):
    member = enrolment.participants.exclude(pk=enrolment.contact.pk).get()
    inactive = UserFactory(is_active=False)
    accounts.membership_add(firm=enrolment.firm, user=inactive, is_contact=True)
    anonymised = UserFactory(anonymised_at=timezone.now())
    accounts.membership_add(firm=enrolment.firm, user=anonymised, is_contact=True)
    send(DAY_90)
    assert recipients() == [enrolment.contact.email]
    assert member.email not in recipients()


def test_a_firm_without_a_contact_is_tried_again_later(certification, enrolment):
    enrolment.firm.memberships.update(is_contact=False)
    assert send(DAY_90) == 0
    assert not ExpiryReminder.objects.exists()
    enrolment.firm.memberships.filter(user=enrolment.contact).update(is_contact=True)
    assert send(DAY_90 + timedelta(days=1)) == 1
    assert recipients() == [enrolment.contact.email]


def test_the_command_sends_the_reminders_due_today(enrolment):
    today = timezone.localdate()
    cf.certification(
        enrolment=enrolment,
        issued_on=today - timedelta(days=275),
        valid_until=today + timedelta(days=90),
    )
    out = StringIO()
    call_command("send_certification_reminders", stdout=out)
    assert out.getvalue() == "Queued reminders about 1 certification(s).\n"
    assert recipients() == [enrolment.contact.email]
    out = StringIO()
    call_command("send_certification_reminders", stdout=out)
    assert out.getvalue() == "Queued reminders about 0 certification(s).\n"
    assert len(mail.outbox) == 1
