import csv
import io
from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import Attendance, AttendanceStatus, LessonProgress
from courses.services import attendance as services

from ..accounts.factories import UserFactory
from ..cms import factories as cms_factories
from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_with_firms():
    # The first session has started: attendance needs no confirmation.
    run = factories.run(starts_in_days=-1)
    enrolments = [factories.enrolment(run_=run, participants=2) for _ in range(2)]
    return run, enrolments


def test_leader_records_attendance_with_one_post_and_can_correct_it(
    client, run_with_firms
):
    run, enrolments = run_with_firms
    session = run.sessions.get(position=1)
    person = enrolments[0].contact
    client.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])
    response = client.post(url, {"person": person.pk, "status": "present"})
    assert response.status_code == HTTPStatus.FOUND
    response = client.post(
        url, {"person": person.pk, "status": "late"}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["status"] == "late"
    assert Attendance.objects.get(session=session, user=person).status == "late"
    page = client.get(url).content.decode()
    assert f'id="p-{person.pk}"' in page
    assert page.count('aria-pressed="true"') == 1


def test_attendance_for_someone_not_in_the_run_is_refused(client, run_with_firms):
    run, _ = run_with_firms
    session = run.sessions.first()
    outsider = UserFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.attendance_record(
            session=session, user=outsider, status="present", by=run.leaders.get()
        )
    assert excinfo.value.code == "not_in_run"
    client.force_login(run.leaders.get())
    response = client.post(
        reverse("courses:attendance", args=[session.pk]),
        {"person": outsider.pk, "status": "present"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Attendance.objects.exists()


def test_unknown_status_is_refused(client, run_with_firms):
    run, enrolments = run_with_firms
    session = run.sessions.first()
    client.force_login(run.leaders.get())
    response = client.post(
        reverse("courses:attendance", args=[session.pk]),
        {"person": enrolments[0].contact.pk, "status": "sleeping"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Attendance.objects.exists()


def test_leader_of_another_run_cannot_take_attendance(client, run_with_firms):
    run, enrolments = run_with_firms
    client.force_login(factories.leader())
    session = run.sessions.first()
    url = reverse("courses:attendance", args=[session.pk])
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        url, {"person": enrolments[0].contact.pk, "status": "present"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Attendance.objects.exists()


def test_participant_cannot_see_the_run_overview(client, run_with_firms):
    run, enrolments = run_with_firms
    client.force_login(enrolments[0].contact)
    response = client.get(reverse("courses:run_overview", args=[run.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert enrolments[1].firm.name not in response.content.decode()


def test_overview_and_csv_show_attendance_preparation_and_plan(client):
    lesson = cms_factories.lesson()
    run = factories.run(lessons=[lesson])
    enrolment = factories.enrolment(run_=run, participants=2)
    first = run.sessions.get(position=1)
    leader = run.leaders.get()
    services.attendance_record(
        session=first,
        user=enrolment.contact,
        status=AttendanceStatus.PRESENT,
        by=leader,
    )
    LessonProgress.objects.create(
        user=enrolment.contact, lesson=lesson, completed_at=timezone.now()
    )
    client.force_login(leader)
    response = client.get(reverse("courses:run_overview", args=[run.pk]))
    row = response.context["overview"].rows[0]
    assert [(c.present, c.total) for c in row.sessions] == [(1, 2), (0, 2), (0, 2)]
    # One lesson, before all three sessions, counted once per person: 1 of 2.
    assert (row.preparation_done, row.preparation_total) == (1, 2)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("courses:run_overview_csv", args=[run.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[1] == [
        enrolment.firm.name,
        enrolment.firm.org_number_display,
        "2",
        "1/2",
        "0/2",
        "0/2",
        "50",
        "",
        "",
        "The firm was represented at 1 of 3 sessions (3 required). "
        "The firm has not written an inclusion plan yet.",
    ]


def _overview_queries(client, run):
    client.force_login(run.leaders.get())
    client.get(reverse("courses:run_overview", args=[run.pk]))
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("courses:run_overview", args=[run.pk]))
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries), response


def _populated_run(firms, people, lessons):
    lesson_pages = [cms_factories.lesson() for _ in range(lessons)]
    run = factories.run(lessons=lesson_pages)
    leader = run.leaders.get()
    for _ in range(firms):
        enrolment = factories.enrolment(run_=run, participants=people)
        for session in run.sessions.all():
            for person in enrolment.participants.all():
                services.attendance_record(
                    session=session, user=person, status="present", by=leader
                )
    return run


def test_overview_query_count_does_not_depend_on_the_size_of_the_run(client):
    small_count, small = _overview_queries(client, _populated_run(2, 1, 2))
    large_count, large = _overview_queries(client, _populated_run(8, 3, 6))
    assert len(large.context["overview"].rows) == 8
    assert large_count == small_count
    assert small_count <= 15


def test_overview_escapes_names_it_builds_into_rows(client):
    run = factories.run()
    hostile = '<script>alert("x")</script> & Co AS'
    enrolment = factories.enrolment(run_=run, participants=1)
    enrolment.firm.name = hostile
    enrolment.firm.save()
    client.force_login(run.leaders.get())

    page = client.get(reverse("courses:run_overview", args=[run.pk])).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co AS" in page
