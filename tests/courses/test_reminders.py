"""Reminder e-mails before a session: to the right people, once, in their language."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import formats, timezone, translation

import pytest

from courses.models import EnrolmentStatus, RunStatus, SessionReminder
from courses.services import reminders
from courses.tasks import send_session_reminder

from ..cms import factories as cms
from . import factories

pytestmark = pytest.mark.django_db


def send(days=None):
    out = StringIO()
    args = [] if days is None else ["--days", str(days)]
    call_command("send_session_reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def lesson():
    return cms.lesson(title="Hva er inkludering?")


@pytest.fixture
def soon_run(lesson):
    """First session in one day (inside the default window of two days)."""
    return factories.run(starts_in_days=1, lessons=[lesson])


def test_each_participant_gets_one_reminder_even_when_run_twice(soon_run):
    accepted = factories.enrolment(run_=soon_run, participants=3)
    first = send()
    assert "Queued 3 session reminder(s)." in first
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.email for p in accepted.participants.all()
    )
    assert SessionReminder.objects.count() == 3

    second = send()
    assert "Queued 0 session reminder(s)." in second
    assert len(mail.outbox) == 3


def test_the_task_itself_refuses_to_send_twice(soon_run):
    person = factories.enrolment(run_=soon_run).contact
    session = soon_run.sessions.get(position=1)
    assert send_session_reminder.call(session_id=session.pk, user_id=person.pk)
    assert not send_session_reminder.call(session_id=session.pk, user_id=person.pk)
    assert len(mail.outbox) == 1


def test_no_reminders_for_withdrawn_or_applied_enrolments(soon_run):
    factories.enrolment(run_=soon_run, status=EnrolmentStatus.WITHDRAWN)
    factories.enrolment(run_=soon_run, status=EnrolmentStatus.APPLIED, participants=2)
    send()
    assert mail.outbox == []
    assert not SessionReminder.objects.exists()


def test_no_reminders_for_cancelled_runs(soon_run):
    factories.enrolment(run_=soon_run)
    soon_run.status = RunStatus.CANCELLED
    soon_run.save()
    send()
    assert mail.outbox == []


def test_no_reminders_for_sessions_outside_the_window(db):
    later = factories.run(starts_in_days=5)
    factories.enrolment(run_=later)
    past = factories.run(starts_in_days=-3)
    factories.enrolment(run_=past)
    send()
    assert mail.outbox == []

    # A wider window reaches the session five days away, and only its first one.
    send(days=7)
    assert len(mail.outbox) == 1
    assert SessionReminder.objects.get().session == later.sessions.get(position=1)


def test_the_reminder_says_when_where_and_what_to_study(soon_run, lesson):
    person = factories.enrolment(run_=soon_run).contact
    person.language = "en"
    person.save()
    session = soon_run.sessions.get(position=1)
    send()
    message = mail.outbox[0]
    local = timezone.localtime(session.starts_at)
    with translation.override("en"):
        day = formats.date_format(local, "DATE_FORMAT")
        hour = formats.time_format(local, "TIME_FORMAT")
    assert message.subject.startswith("Reminder: Samling 1 on ")
    assert "\n" not in message.subject
    assert "Asker rådhus" in message.body
    assert "Agenda for samling 1" in message.body
    assert f"When: {day}, {hour}" in message.body
    assert f"- Hva er inkludering?: http://testserver{lesson.url}" in message.body
    assert "http://testserver/kurs/mitt-kurs/" in message.body
    assert "&amp;" not in message.body


def test_the_reminder_is_written_in_the_participants_language(soon_run):
    person = factories.enrolment(run_=soon_run).contact
    person.language = "nb"
    person.save()
    english = factories.enrolment(run_=soon_run).contact
    english.language = "en"
    english.save()
    send()
    by_person = {m.to[0]: m for m in mail.outbox}
    assert by_person[english.email].subject.startswith("Reminder:")
    # Norwegian dates even before the Norwegian text is translated.
    month = timezone.localtime(soon_run.sessions.first().starts_at).month
    norwegian_months = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli",
        "august", "september", "oktober", "november", "desember",
    ]  # fmt: skip
    assert norwegian_months[month - 1] in by_person[person.email].subject


def test_a_person_in_two_enrolments_of_the_run_gets_one_reminder(soon_run):
    person = factories.enrolment(run_=soon_run).contact
    other = factories.enrolment(run_=soon_run)
    other.participants.add(person)
    send()
    assert [m.to[0] for m in mail.outbox].count(person.email) == 1


def test_a_failed_send_is_tried_again_next_time(soon_run, monkeypatch):
    factories.enrolment(run_=soon_run)

    def broken(*args, **kwargs):
        raise ConnectionError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    send()  # the immediate backend records the failure on the task result
    assert not SessionReminder.objects.exists()
    monkeypatch.undo()
    send()
    assert len(mail.outbox) == 1


def test_deactivated_people_get_no_reminder(soon_run):
    person = factories.enrolment(run_=soon_run).contact
    person.is_active = False
    person.save()
    assert reminders.session_reminders_enqueue(days=2) == 0
    assert mail.outbox == []


def test_days_must_be_positive(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        send(days=0)


def test_window_is_measured_from_now(soon_run):
    factories.enrolment(run_=soon_run)
    session = soon_run.sessions.get(position=1)
    just_before = session.starts_at - timedelta(days=2, minutes=1)
    assert reminders.session_reminders_enqueue(days=2, now=just_before) == 0
    assert mail.outbox == []
