"""Personal responses are never stored by a browser or shared cache."""

from datetime import date
from http import HTTPStatus

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

import pytest

from courses.models import CourseCertificate
from lms.middleware import PrivateResponseMiddleware

from ..accounts.factories import UserFactory
from ..courses import certification_factories as cf
from ..courses import factories

pytestmark = pytest.mark.django_db


def assert_private(response):
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert not directives & {"public"}
    assert not any(d.startswith(("max-age", "s-maxage")) for d in directives)
    assert "Cookie" in response["Vary"]


@pytest.fixture
def enrolment():
    return factories.enrolment(run_=factories.run(), participants=1)


def test_my_data_download_is_private(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_profile_page_is_private(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_plan_page_is_private(client, enrolment):
    client.force_login(enrolment.contact)
    response = client.get(reverse("courses:plan_detail", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_course_certificate_pdf_is_private(client, enrolment):
    person = enrolment.contact
    certificate = CourseCertificate.objects.create(
        run=enrolment.run,
        user=person,
        holder_name=str(person),
        code=cf.code(),
        issued_on=date(2026, 11, 23),
    )
    client.force_login(person)
    response = client.get(
        reverse("courses:course_certificate_pdf", args=[certificate.pk])
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert_private(response)


def test_firm_certificate_pdf_is_private(client, enrolment):
    certification = cf.certification(enrolment=enrolment)
    client.force_login(enrolment.contact)
    response = client.get(reverse("courses:certification_pdf", args=[certification.pk]))
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_a_public_looking_page_is_private_to_a_logged_in_person(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    assert_private(response)


def test_anonymous_public_page_is_left_alone(client, settings):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    cache_control = response.get("Cache-Control", "")
    assert "private" not in cache_control
    assert "no-store" not in cache_control
    assert "sessionid" not in response.cookies
    # Exactly the headers the page had without the middleware.
    settings.MIDDLEWARE = [
        name
        for name in settings.MIDDLEWARE
        if name != "lms.middleware.PrivateResponseMiddleware"
    ]
    without = client.get("/")
    for header in ("Cache-Control", "Vary", "Expires"):
        assert response.get(header) == without.get(header)


def _middleware_response(request, **headers):
    def view(request):
        response = HttpResponse("hello")
        for name, value in headers.items():
            response[name] = value
        return response

    return PrivateResponseMiddleware(view)(request)


class _Session(dict):
    session_key = "abc"


def test_a_view_cannot_make_a_personal_response_shareable():
    request = RequestFactory().get("/")
    request.session = _Session()
    request.user = UserFactory.build()
    response = _middleware_response(
        request, **{"Cache-Control": "public, max-age=3600, s-maxage=60"}
    )
    assert_private(response)


def test_a_stricter_directive_from_the_view_is_kept():
    request = RequestFactory().get("/")
    request.session = _Session()
    request.user = UserFactory.build()
    response = _middleware_response(request, **{"Cache-Control": "no-cache"})
    assert_private(response)
    assert "no-cache" in response["Cache-Control"]


def test_an_anonymous_request_keeps_the_views_caching_headers():
    request = RequestFactory().get("/")
    request.session = _Session()
    request.user = AnonymousUser()
    response = _middleware_response(request, **{"Cache-Control": "max-age=60"})
    assert response["Cache-Control"] == "max-age=60"
