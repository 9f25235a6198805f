"""Bad input gets a clear answer (400/404 or a message), never a 500."""

from http import HTTPStatus

from django.urls import reverse

import pytest

from courses.forms.leader import CHOOSE_PARTICIPANT_MESSAGE
from courses.models import Attendance
from lms.converters import MAX_ID

from ..accounts.factories import UserFactory
from . import factories

pytestmark = pytest.mark.django_db

TOO_BIG = 2**63  # one more than SQLite's largest integer


@pytest.fixture
def run_with_firm():
    run = factories.run()
    return run, factories.enrolment(run_=run, participants=2)


@pytest.mark.parametrize("person", ["abc", "1.5", "", str(TOO_BIG), "-3", "0"])
def test_attendance_with_a_nonsense_person_is_a_clear_400(
    client, run_with_firm, person
):
    run, _enrolment = run_with_firm
    session = run.sessions.first()
    client.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])
    response = client.post(
        url, {"person": person, "status": "present"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"ok": False, "message": str(CHOOSE_PARTICIPANT_MESSAGE)}
    response = client.post(url, {"person": person, "status": "present"}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert str(CHOOSE_PARTICIPANT_MESSAGE) in [
        str(message) for message in response.context["messages"]
    ]
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/kurs/quiz/forsok/{id}/"),
        ("get", "/kurs/quiz/forsok/{id}/resultat/"),
        ("post", "/kurs/quiz/forsok/{id}/lever/"),
        ("post", "/kurs/leksjon/{id}/fullfort/"),
        ("get", "/kurs/ledelse/{id}/"),
        ("get", "/kurs/ledelse/{id}/oversikt.csv"),
        ("get", "/kurs/ledelse/samling/{id}/oppmote/"),
        ("get", "/kurs/plan/{id}/"),
        ("get", "/kurs/pamelding/{id}/"),
        ("get", "/kurs/kursbevis/{id}.pdf"),
        ("get", "/kurs/sertifisering/{id}/sertifikat.pdf"),
    ],
)
@pytest.mark.parametrize("number", [TOO_BIG, 10**30])
def test_ids_beyond_what_a_database_holds_are_not_found(client, method, path, number):
    client.force_login(UserFactory())
    response = getattr(client, method)(path.format(id=number))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_largest_id_still_reaches_the_view(client):
    client.force_login(factories.leader())
    response = client.get(f"/kurs/ledelse/{MAX_ID}/")
    # Resolved, looked up, not there: the view's own 404.
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.resolver_match.url_name == "run_overview"


def test_id_urls_reverse_as_before():
    assert reverse("courses:run_overview", args=[42]) == "/kurs/ledelse/42/"
