from datetime import timedelta
from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import CourseRun, Session
from courses.services import runs as run_services

from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db


def test_run_is_created_with_sessions_from_the_templates():
    run = factories.run()
    sessions = list(run.sessions.order_by("position"))
    assert [s.title for s in sessions] == ["Samling 1", "Samling 2", "Samling 3"]
    assert sessions[1].starts_at - sessions[0].starts_at == timedelta(days=14)
    assert all(s.ends_at - s.starts_at == timedelta(hours=3) for s in sessions)
    assert all(s.place == "Asker rådhus" for s in sessions)


def test_leader_creates_a_run_through_the_site(client):
    leader = factories.leader()
    course = factories.course()
    client.force_login(leader)
    start = (timezone.localtime() + timedelta(days=20)).replace(hour=9, minute=0)
    response = client.post(
        reverse("courses:run_create"),
        {
            "course": course.pk,
            "title": "Vårkurset i Asker",
            "municipality": "Asker",
            "capacity": 12,
            "enrolment_deadline": (
                timezone.localdate() + timedelta(days=10)
            ).isoformat(),
            "first_session_starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "place": "Asker rådhus",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    run = CourseRun.objects.get(title="Vårkurset i Asker")
    assert list(run.leaders.all()) == [leader]
    assert run.sessions.count() == 3


def test_run_with_deadline_in_the_past_is_refused(client):
    from courses.forms.leader import DEADLINE_IN_PAST_MESSAGE

    leader = factories.leader()
    course = factories.course()
    client.force_login(leader)
    response = client.post(
        reverse("courses:run_create"),
        {
            "course": course.pk,
            "title": "For sent",
            "municipality": "Asker",
            "capacity": 12,
            "enrolment_deadline": "2020-01-01",
            "first_session_starts_at": "2030-01-01T09:00",
            "place": "Asker",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, DEADLINE_IN_PAST_MESSAGE)
    assert not CourseRun.objects.exists()


def test_participant_cannot_create_runs(client, member):
    client.force_login(member)
    assert client.get(reverse("courses:run_create")).status_code == HTTPStatus.FORBIDDEN
    assert client.get(reverse("courses:run_list")).status_code == HTTPStatus.FORBIDDEN


def test_session_that_ends_before_it_starts_is_refused():
    run = factories.run()
    session = run.sessions.get(position=1)
    before = (session.starts_at, session.ends_at)
    with pytest.raises(ValidationError) as excinfo:
        run_services.session_update(
            session=session,
            title=session.title,
            starts_at=session.starts_at,
            ends_at=session.starts_at - timedelta(hours=1),
            place=session.place,
            agenda="",
        )
    assert excinfo.value.message_dict["ends_at"] == [
        str(run_services.SESSION_ENDS_BEFORE_START_MESSAGE)
    ]
    session.refresh_from_db()
    assert (session.starts_at, session.ends_at) == before


def test_session_that_overlaps_another_is_refused_with_clear_message(client):
    run = factories.run()
    first, second = run.sessions.order_by("position")[:2]
    leader = run.leaders.get()
    client.force_login(leader)
    moved = timezone.localtime(first.starts_at + timedelta(hours=1))
    response = client.post(
        reverse("courses:session_edit", args=[second.pk]),
        {
            "title": second.title,
            "starts_at": moved.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (moved + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": second.place,
            "agenda": "",
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    start = timezone.localtime(first.starts_at)
    assert_shows_message(
        response,
        run_services.SESSION_OVERLAP_MESSAGE,
        number=1,
        start=start.strftime("%d.%m.%Y %H:%M"),
        end=timezone.localtime(first.ends_at).strftime("%H:%M"),
    )
    second.refresh_from_db()
    assert second.starts_at > first.ends_at


def test_leader_adjusts_a_session(client):
    run = factories.run()
    session = run.sessions.get(position=3)
    client.force_login(run.leaders.get())
    start = timezone.localtime(session.starts_at + timedelta(days=1))
    response = client.post(
        reverse("courses:session_edit", args=[session.pk]),
        {
            "title": "Avslutning og sertifisering",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Asker kulturhus",
            "agenda": "Presentasjon av planene.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    session.refresh_from_db()
    assert session.title == "Avslutning og sertifisering"
    assert session.place == "Asker kulturhus"


def test_leader_of_another_run_cannot_edit_sessions(client):
    run = factories.run()
    other_leader = factories.leader()
    factories.run(leaders=[other_leader])
    client.force_login(other_leader)
    session = run.sessions.first()
    response = client.get(reverse("courses:session_edit", args=[session.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert run.title not in response.content.decode()
    assert Session.objects.get(pk=session.pk).title == session.title
