"""notify, mail_send and the preferences: what is recorded, what is mailed, and
that a failing mail server never breaks the step that caused the mail."""

import logging

from django.core import mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

import pytest

from lms.notifications import selectors, services
from lms.notifications.kinds import OPTIONAL_KINDS, REQUIRED_KINDS, Kind, MailTemplate
from lms.notifications.models import Notification, NotificationPreference
from lms.notifications.tasks import notification_email

from ..accounts.factories import UserFactory
from .samples import CONTEXTS

pytestmark = pytest.mark.django_db


def broken_send(*args, **kwargs):
    raise ConnectionRefusedError("SMTP server down")


@pytest.fixture
def person():
    return UserFactory(first_name="Kari", language="en")


def tell(person, kind=Kind.APPLICATION_ACCEPTED, **kwargs):
    return services.notify(
        recipient=person, kind=kind, context=CONTEXTS[kind], url="/kurs/", **kwargs
    )


def test_notify_records_and_mails_after_commit(
    person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = tell(person)
        assert mail.outbox == []  # nothing before the commit
    assert len(callbacks) == 1
    assert Notification.objects.get() == notification
    assert notification.context == CONTEXTS[Kind.APPLICATION_ACCEPTED]
    [message] = mail.outbox
    assert message.to == [person.email]
    assert message.subject == "Bakeri & Co AS has a place in Sosial Profil – Asker"
    assert message.body.startswith("Hello Kari,")
    assert "http://testserver/kurs/" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="en">' in html
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_mail_is_written_in_the_recipients_language_not_the_pages(
    person, django_capture_on_commit_callbacks
):
    person.language = "nb"
    person.save()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        tell(person)
    assert mail.outbox[0].body.startswith("Hei Kari,")


def test_nothing_is_mailed_when_the_transaction_rolls_back(
    person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            tell(person)
            raise RuntimeError
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_notification_is_mailed_at_most_once(
    person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(person)
    assert notification_email.call(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_kind_turned_off_is_recorded_but_not_mailed(
    person, django_capture_on_commit_callbacks
):
    services.notification_preferences_save(
        user=person, turned_off=[Kind.APPLICATION_ACCEPTED]
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = tell(person)
    assert callbacks == []
    assert mail.outbox == []
    assert Notification.objects.get() == notification
    assert notification.emailed_at is None
    # Other kinds still come.
    with django_capture_on_commit_callbacks(execute=True):
        tell(person, kind=Kind.PLAN_APPROVED)
    assert len(mail.outbox) == 1


def test_people_who_cannot_log_in_are_not_told(django_capture_on_commit_callbacks):
    inactive = UserFactory(is_active=False)
    anonymised = UserFactory(anonymised_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert tell(inactive) is None
        assert tell(anonymised) is None
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_context_must_be_plain_values(person):
    with pytest.raises(TypeError):
        services.notify(
            recipient=person,
            kind=Kind.APPLICATION_ACCEPTED,
            context={"person": person},
        )
    assert not Notification.objects.exists()


def test_a_failing_mail_server_is_logged_and_the_notification_stays(
    person, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    with (
        caplog.at_level(logging.ERROR, logger="lms.notifications.tasks"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notification = tell(person)
    notification.refresh_from_db()
    assert notification.emailed_at is None
    assert "not e-mailed" in caplog.text
    # The next attempt (a retry, or a worker) can still send it.
    monkeypatch.undo()
    assert notification_email.call(notification_id=notification.pk) is True
    assert len(mail.outbox) == 1


def test_send_now_raises_so_the_caller_can_roll_back(person, monkeypatch):
    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    with pytest.raises(ConnectionRefusedError), transaction.atomic():
        tell(person, send_now=True)
    assert not Notification.objects.exists()


def test_mail_send_queues_a_mail_to_an_address_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_send(
            to_email="ny@example.no",
            language="en",
            template=MailTemplate.SIGNUP_ACCOUNT_EXISTS,
            context=CONTEXTS[MailTemplate.SIGNUP_ACCOUNT_EXISTS],
        )
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == ["ny@example.no"]
    assert message.subject == "You already have an account on Sosial Profil"
    assert not Notification.objects.exists()


def test_mail_send_logs_a_failing_mail_server(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    with (
        caplog.at_level(logging.ERROR, logger="lms.notifications.tasks"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.mail_send(
            to_email="ny@example.no",
            language="nb",
            template=MailTemplate.SIGNUP_ACCOUNT_EXISTS,
            context=CONTEXTS[MailTemplate.SIGNUP_ACCOUNT_EXISTS],
        )
    assert "Mail signup_account_exists not sent" in caplog.text


def test_mail_send_immediately_sends_now_and_raises_on_failure(monkeypatch):
    services.mail_send(
        to_email="ny@example.no",
        language="en",
        template=MailTemplate.INVITATION,
        context=CONTEXTS[MailTemplate.INVITATION],
        url="/accounts/invitation/abc/",
        immediately=True,
    )
    assert "http://testserver/accounts/invitation/abc/" in mail.outbox[0].body
    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    with pytest.raises(ConnectionRefusedError):
        services.mail_send(
            to_email="ny@example.no",
            language="en",
            template=MailTemplate.INVITATION,
            context=CONTEXTS[MailTemplate.INVITATION],
            immediately=True,
        )


# Preferences -------------------------------------------------------------------


def test_preferences_save_turns_off_exactly_the_kinds_given(person):
    services.notification_preferences_save(
        user=person, turned_off=[Kind.PLAN_SUBMITTED, Kind.SESSION_REMINDER]
    )
    services.notification_preferences_save(
        user=person, turned_off=[Kind.SESSION_REMINDER, Kind.FIRM_CERTIFIED]
    )
    assert set(
        NotificationPreference.objects.filter(user=person).values_list(
            "kind", flat=True
        )
    ) == {Kind.SESSION_REMINDER, Kind.FIRM_CERTIFIED}
    shown = {
        item.kind: item.on for item in selectors.notification_preferences(user=person)
    }
    assert shown[Kind.SESSION_REMINDER] is False
    assert shown[Kind.PLAN_SUBMITTED] is True
    assert set(shown) == set(Kind)


@pytest.mark.parametrize("kind", sorted(REQUIRED_KINDS))
def test_a_required_kind_cannot_be_turned_off(person, kind):
    services.notification_preferences_save(user=person, turned_off=[Kind.PLAN_APPROVED])
    with pytest.raises(services.ValidationError) as excinfo:
        services.notification_preferences_save(
            user=person, turned_off=[Kind.PLAN_SUBMITTED, kind]
        )
    assert excinfo.value.code == "required"
    with translation.override("en"):
        assert excinfo.value.messages == [
            str(services.REQUIRED_KIND_MESSAGE) % {"kind": Kind(kind).label}
        ]
    # Nothing changed.
    assert list(
        NotificationPreference.objects.filter(user=person).values_list(
            "kind", flat=True
        )
    ) == [Kind.PLAN_APPROVED]
    assert services.email_wanted(user=person, kind=kind)


def test_the_database_refuses_a_required_kind_turned_off(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationPreference.objects.create(
            user=person, kind=Kind.CERTIFICATION_EXPIRING
        )


def test_an_unknown_kind_is_refused(person):
    with pytest.raises(services.ValidationError) as excinfo:
        services.notification_preferences_save(user=person, turned_off=["nonsense"])
    assert excinfo.value.code == "unknown"


def test_required_and_optional_kinds_cover_every_kind_once():
    assert set(OPTIONAL_KINDS) | REQUIRED_KINDS == set(Kind)
    assert not set(OPTIONAL_KINDS) & REQUIRED_KINDS


# The home page's list -------------------------------------------------------------


def test_recent_notifications_are_the_persons_own_newest_first(person):
    other = UserFactory()
    made = [tell(person, kind=kind) for kind in list(OPTIONAL_KINDS)[:7]]
    tell(other)
    recent = selectors.notifications_recent(user=person)
    assert recent == list(reversed(made))[:5]
    assert selectors.notifications_unread_count(user=person) == 7
    assert services.notifications_mark_read(user=person) == 7
    assert selectors.notifications_unread_count(user=person) == 0
    assert selectors.notifications_unread_count(user=other) == 1


def test_the_recent_list_shows_each_line_in_the_readers_language(person):
    notification = tell(person)
    request = RequestFactory().get("/")
    with translation.override("en"):
        html = render_to_string(
            "notifications/includes/recent.html",
            {"notifications": [notification]},
            request=request,
        )
    assert "Bakeri &amp; Co AS has a place in Sosial Profil – Asker" in html
    assert 'href="/kurs/"' in html
    assert 'href="/accounts/notifications/"' in html
