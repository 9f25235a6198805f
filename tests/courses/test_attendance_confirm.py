"""Attendance for a session that has not started asks for confirmation first,
and the server refuses a tap that comes without it."""

from http import HTTPStatus

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from courses.models import Attendance
from courses.services.attendance import SESSION_NOT_STARTED_MESSAGE

from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def upcoming():
    """A run whose first session starts in ten days, with one firm of two people."""
    run = factories.run(starts_in_days=10)
    enrolment = factories.enrolment(run_=run, participants=2)
    return run, run.sessions.get(position=1), enrolment.contact


def test_an_upcoming_session_first_asks_for_confirmation(client, upcoming):
    run, session, _person = upcoming
    client.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert [t.name for t in response.templates][0] == (
        "courses/leader/attendance_confirm.html"
    )
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find(id="attendance-confirm") is not None
    assert soup.select(".attendance-row") == []
    form = soup.find(id="attendance-confirm").find("form")
    assert form["action"] == url
    assert form.find("input", attrs={"name": "confirm", "value": "1"})

    confirmed = client.get(url, {"confirm": "1"})
    soup = BeautifulSoup(confirmed.content.decode(), "html.parser")
    rows = soup.select(".attendance-row")
    assert len(rows) == 2
    for row in rows:
        assert row.find("input", attrs={"name": "confirm_early", "value": "1"})


def test_a_tap_without_confirmation_is_refused_and_nothing_saved(client, upcoming):
    run, session, person = upcoming
    client.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])

    response = client.post(
        url, {"person": person.pk, "status": "present"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"ok": False, "message": str(SESSION_NOT_STARTED_MESSAGE)}

    response = client.post(url, {"person": person.pk, "status": "present"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url
    page = client.get(response["Location"])
    assert_shows_message(page, SESSION_NOT_STARTED_MESSAGE)
    assert not Attendance.objects.exists()


def test_a_confirmed_tap_is_saved_and_the_page_stays_confirmed(client, upcoming):
    run, session, person = upcoming
    client.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])
    response = client.post(
        url, {"person": person.pk, "status": "late", "confirm_early": "1"}
    )
    assert response["Location"] == f"{url}?confirm=1#p-{person.pk}"
    assert Attendance.objects.get(session=session, user=person).status == "late"

    response = client.post(
        url,
        {"person": person.pk, "status": "present", "confirm_early": "1"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["ok"] is True
    assert Attendance.objects.get(session=session, user=person).status == "present"


def test_a_started_session_needs_no_confirmation(client):
    run = factories.run(starts_in_days=-1)
    person = factories.enrolment(run_=run).contact
    session = run.sessions.get(position=1)
    client.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])
    response = client.get(url)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find(id="attendance-confirm") is None
    assert len(soup.select(".attendance-row")) == 1
    assert soup.find("input", attrs={"name": "confirm_early"}) is None
    client.post(url, {"person": person.pk, "status": "present"})
    assert Attendance.objects.get(session=session, user=person).status == "present"


def test_someone_who_does_not_lead_the_run_gets_403(client, upcoming, user):
    _run, session, person = upcoming
    client.force_login(user)
    url = reverse("courses:attendance", args=[session.pk])
    assert client.get(url, {"confirm": "1"}).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        url, {"person": person.pk, "status": "present", "confirm_early": "1"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Attendance.objects.exists()
