"""GET /api/certifications/<org number>/: certification status for procurement."""

from datetime import timedelta
from http import HTTPStatus

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from courses.selectors.registry import _api_cache_key, firm_certifications
from courses.services.certification import certificate_revoke
from lms.accounts.validators import (
    ORG_NUMBER_CHECKSUM_MESSAGE,
    ORG_NUMBER_FORMAT_MESSAGE,
)

from ..accounts.factories import FirmFactory
from ..helpers import message_text
from . import certification_factories as certs
from . import factories

pytestmark = pytest.mark.django_db

ORG_NUMBER = "987654325"


def url(org_number: str = ORG_NUMBER) -> str:
    return f"/api/certifications/{org_number}/"


@pytest.fixture
def firm():
    return FirmFactory(name="Askerbakeriet AS", org_number=ORG_NUMBER)


@pytest.fixture
def run():
    return factories.run()


def test_a_certified_firm(client, firm, run):
    certification = certs.certification(firm=firm, run_=run)
    response = client.get(url())
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "org_number": ORG_NUMBER,
        "name": "Askerbakeriet AS",
        "certified": True,
        "certifications": [
            {
                "code": certification.formatted_code,
                "issued_to": "Askerbakeriet AS",
                "status": "active",
                "issued_on": certification.issued_on.isoformat(),
                "valid_until": certification.valid_until.isoformat(),
                "revoked_on": None,
                "course": run.course.title,
                "run": run.title,
                "verify_url": (
                    f"http://testserver/verify/{certification.formatted_code}/"
                ),
            }
        ],
    }


def test_every_certification_most_recent_first_with_its_status(client, firm, run):
    today = timezone.localdate()
    old = certs.certification(
        firm=firm,
        run_=run,
        issued_on=today - timedelta(days=800),
        valid_until=today - timedelta(days=435),
    )
    revoked = certs.revoked(
        firm=firm, run_=factories.run(), issued_on=today - timedelta(days=400)
    )
    current = certs.certification(
        firm=firm, run_=factories.run(), issued_on=today - timedelta(days=20)
    )
    data = client.get(url()).json()
    assert data["certified"] is True
    assert [(c["code"], c["status"]) for c in data["certifications"]] == [
        (current.formatted_code, "active"),
        (revoked.formatted_code, "revoked"),
        (old.formatted_code, "expired"),
    ]
    assert data["certifications"][1]["revoked_on"] == (
        timezone.localdate(revoked.revoked_at).isoformat()
    )
    assert data["certifications"][2]["revoked_on"] is None


def test_a_firm_whose_certifications_all_ended_is_not_certified(client, firm, run):
    certs.expired(firm=firm, run_=run)
    certs.revoked(firm=firm, run_=factories.run())
    response = client.get(url())
    assert response.status_code == HTTPStatus.OK
    data = response.json()
    assert data["certified"] is False
    assert sorted(c["status"] for c in data["certifications"]) == [
        "expired",
        "revoked",
    ]


def test_a_certification_is_active_through_its_last_day():
    certification = certs.certification()
    org_number = certification.enrolment.firm.org_number
    last_day = certification.valid_until
    on_last_day = firm_certifications(org_number=org_number, today=last_day)
    day_after = firm_certifications(
        org_number=org_number, today=last_day + timedelta(days=1)
    )
    assert on_last_day["certifications"][0]["status"] == "active"
    assert on_last_day["certified"] is True
    assert day_after["certifications"][0]["status"] == "expired"
    assert day_after["certified"] is False


def test_unknown_firm_is_404(client):
    response = client.get(url())
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"error": "not_found"}


def test_a_firm_that_was_never_certified_is_404_like_an_unknown_one(client, firm, run):
    # Known to the platform (even enrolled), but that is not public.
    factories.enrolment(run_=run, firm=firm)
    response = client.get(url())
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"error": "not_found"}


@pytest.mark.parametrize(
    ("org_number", "message"),
    [
        ("12345678", ORG_NUMBER_FORMAT_MESSAGE),
        ("1234567890", ORG_NUMBER_FORMAT_MESSAGE),
        ("91234567x", ORG_NUMBER_FORMAT_MESSAGE),
        ("987654324", ORG_NUMBER_CHECKSUM_MESSAGE),
        ("123456789", ORG_NUMBER_CHECKSUM_MESSAGE),
    ],
)
def test_malformed_org_number_is_400_with_a_message(client, org_number, message):
    response = client.get(url(org_number))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {
        "error": "invalid_org_number",
        "message": message_text(response, message),
    }


def test_message_follows_the_chosen_language(client):
    client.cookies["django_language"] = "en"
    response = client.get(url("12345678"))
    assert response.json()["message"] == "An organisation number has exactly 9 digits."


@pytest.mark.parametrize("typed", ["987 654 325", "987%20654%20325", "987.654.325"])
def test_spaces_and_dots_in_the_number_are_ignored(client, firm, run, typed):
    certs.certification(firm=firm, run_=run)
    response = client.get(url(typed))
    assert response.status_code == HTTPStatus.OK
    assert response.json()["org_number"] == ORG_NUMBER


@pytest.mark.parametrize("org_number", [ORG_NUMBER, "999999999", "12345"])
def test_every_answer_is_public_and_cacheable(client, firm, run, org_number):
    certs.certification(firm=firm, run_=run)
    response = client.get(url(org_number))
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_only_get(client, firm, run):
    certs.certification(firm=firm, run_=run)
    assert client.post(url()).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_answers_come_from_the_cache_after_the_first(
    client, firm, run, django_assert_num_queries
):
    certs.certification(firm=firm, run_=run)
    with django_assert_num_queries(1):
        first = client.get(url()).json()
    with django_assert_num_queries(0):
        second = client.get(url()).json()
    assert first == second


def test_numbers_of_firms_never_certified_leave_nothing_in_the_cache(client, firm, run):
    """Anonymous traffic for made-up or uncertified numbers must not create a
    cache key per number: only certified firms' answers are kept."""
    numbers = ("999999999", "914035171", ORG_NUMBER)
    for number in numbers:
        assert client.get(url(number)).status_code == HTTPStatus.NOT_FOUND
    assert [key for key in map(_api_key, numbers) if key in cache] == []
    with CaptureQueriesContext(connection) as queries:
        client.get(url(numbers[0]))
    # Asked again, it is asked of the database again (one query).
    assert len([q for q in queries.captured_queries if "courses_" in q["sql"]]) == 1

    certs.certification(firm=firm, run_=run)
    assert client.get(url()).status_code == HTTPStatus.OK
    assert _api_key(ORG_NUMBER) in cache


def _api_key(org_number: str) -> str:
    return _api_cache_key(org_number, timezone.localdate())


def test_revoking_shows_at_once(client, firm, run, course_leader):
    certification = certs.certification(firm=firm, run_=run)
    assert client.get(url()).json()["certified"] is True
    certificate_revoke(
        certificate=certification, by=course_leader, reason="Vilkårene er brutt."
    )
    data = client.get(url()).json()
    assert data["certified"] is False
    assert data["certifications"][0]["status"] == "revoked"


def test_a_new_certification_shows_at_once(client, firm, run):
    assert client.get(url()).status_code == HTTPStatus.NOT_FOUND  # cached
    certs.certification(firm=firm, run_=run)
    assert client.get(url()).json()["certified"] is True


def test_renewal_and_deletion_show_at_once(client, firm, run):
    certification = certs.expired(firm=firm, run_=run)
    assert client.get(url()).json()["certified"] is False
    certification.valid_until = timezone.localdate() + timedelta(days=300)
    certification.save()
    assert client.get(url()).json()["certified"] is True
    certification.delete()
    assert client.get(url()).status_code == HTTPStatus.NOT_FOUND


def test_a_renamed_firm_shows_at_once(client, firm, run):
    certs.certification(firm=firm, run_=run)
    assert client.get(url()).json()["name"] == "Askerbakeriet AS"
    firm.name = "Asker Bakeri og Konditori AS"
    firm.save()
    assert client.get(url()).json()["name"] == "Asker Bakeri og Konditori AS"


def test_another_firms_change_keeps_this_firms_cache(
    client, firm, run, django_assert_num_queries
):
    certs.certification(firm=firm, run_=run)
    client.get(url())
    certs.certification(run_=run)
    with django_assert_num_queries(0):
        client.get(url())
