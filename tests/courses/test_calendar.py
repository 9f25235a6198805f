"""The participant's sessions as an iCalendar file, read back with icalendar."""

from datetime import UTC
from http import HTTPStatus

from django.urls import reverse

import pytest
from icalendar import Calendar

from courses.models import EnrolmentStatus, RunStatus
from courses.services import runs

from . import factories

pytestmark = pytest.mark.django_db

URL = reverse("courses:my_course_calendar")


def events(response):
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def course_run():
    return factories.run(starts_in_days=10)


@pytest.fixture
def participant(course_run):
    return factories.enrolment(run_=course_run).contact


def test_calendar_has_one_event_per_session_in_utc(client, participant, course_run):
    first = course_run.sessions.get(position=1)
    runs.session_update(
        session=first,
        title=first.title,
        starts_at=first.starts_at,
        ends_at=first.ends_at,
        place="Asker rådhus, møterom 2",
        agenda="Velkommen\nHoldninger og tiltak",
    )
    client.force_login(participant)

    response = client.get(URL)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="sosialprofil-kurs.ics"' in response["Content-Disposition"]
    found = events(response)
    sessions = list(course_run.sessions.order_by("starts_at"))
    assert len(found) == len(sessions) == 3
    for event, session in zip(found, sessions, strict=True):
        assert str(event["UID"]) == f"session-{session.pk}@sosialprofil.no"
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.tzinfo is not None and start.utcoffset().total_seconds() == 0
        assert start == session.starts_at.astimezone(UTC)
        assert end == session.ends_at.astimezone(UTC)
        assert str(event["SUMMARY"]) == (
            f"{course_run.title}: {session.position}. {session.title}"
        )
        assert str(event["LOCATION"]) == session.place
    assert str(found[0]["LOCATION"]) == "Asker rådhus, møterom 2"
    assert str(found[0]["DESCRIPTION"]) == "Velkommen\nHoldninger og tiltak"
    assert str(found[1]["DESCRIPTION"]) == "Agenda for samling 2"
    assert b"DTSTART:" in response.content  # UTC form, no TZID
    assert b"Z\r\n" in response.content


def test_uids_stay_the_same_when_a_session_moves(client, participant, course_run):
    client.force_login(participant)
    before = [str(e["UID"]) for e in events(client.get(URL))]
    session = course_run.sessions.get(position=3)
    runs.session_update(
        session=session,
        title="Flyttet",
        starts_at=session.starts_at.replace(hour=12),
        ends_at=session.ends_at.replace(hour=15),
        place=session.place,
        agenda=session.agenda,
    )
    after = events(client.get(URL))
    assert [str(e["UID"]) for e in after] == before
    assert str(after[2]["SUMMARY"]).endswith("3. Flyttet")


def test_calendar_holds_only_my_runs(client, participant, course_run):
    other_run = factories.run(starts_in_days=60)
    factories.enrolment(run_=other_run)
    cancelled = factories.run(starts_in_days=90)
    cancelled_enrolment = factories.enrolment(run_=cancelled)
    cancelled_enrolment.participants.add(participant)
    cancelled.status = RunStatus.CANCELLED
    cancelled.save()
    applied = factories.enrolment(
        run_=factories.run(starts_in_days=120), status=EnrolmentStatus.APPLIED
    )
    applied.participants.add(participant)

    client.force_login(participant)
    found = events(client.get(URL))
    assert {str(e["UID"]) for e in found} == {
        f"session-{pk}@sosialprofil.no"
        for pk in course_run.sessions.values_list("pk", flat=True)
    }


def test_someone_in_no_run_gets_an_empty_calendar(client, course_run):
    outsider = factories.enrolment(
        run_=course_run, status=EnrolmentStatus.WITHDRAWN
    ).contact
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    assert events(response) == []


def test_calendar_needs_login(client, db):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))
