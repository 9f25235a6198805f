"""Course certificates in "download my data" and erasure; certificates are only
looked at in the Django admin, never changed there."""

from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import Certification, CourseCertificate
from lms.accounts import personal_data
from lms.accounts.services import user_anonymise

from . import certification_factories, factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def kursbevis():
    run = factories.run()
    enrolment = factories.enrolment(run_=run)
    return CourseCertificate.objects.create(
        run=run,
        user=enrolment.contact,
        holder_name="Kari Nordmann",
        code=certification_factories.code(),
        issued_on=timezone.localdate(),
    )


def test_my_data_lists_my_course_certificates(kursbevis):
    exported = personal_data.export(kursbevis.user)

    assert exported["course_certificates"] == [
        {
            "course": kursbevis.run.course.title,
            "run": kursbevis.run.title,
            "name_on_certificate": "Kari Nordmann",
            "verification_code": kursbevis.formatted_code,
            "issued_on": kursbevis.issued_on.isoformat(),
            "revoked_at": None,
        }
    ]


def test_erasing_an_account_removes_the_name_but_keeps_the_certificate_verifiable(
    client, kursbevis
):
    user_anonymise(user=kursbevis.user)

    kursbevis.refresh_from_db()
    assert kursbevis.holder_name == ""
    response = client.get(
        reverse("verify:detail", kwargs={"code": kursbevis.formatted_code})
    )
    assert response.status_code == HTTPStatus.OK
    assert "Kari Nordmann" not in response.content.decode()


def test_the_admin_shows_certifications_but_cannot_change_them(admin_client):
    certification = certification_factories.certification()
    change = reverse("admin:courses_certification_change", args=[certification.pk])

    assert admin_client.get(change).status_code == HTTPStatus.OK
    response = admin_client.post(change, {"code": "AAAA"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Certification.objects.get().code == certification.code
    assert (
        admin_client.get(reverse("admin:courses_certification_add")).status_code
        == HTTPStatus.FORBIDDEN
    )


def test_my_course_links_my_own_course_certificate_only(client, kursbevis):
    pdf = reverse("courses:course_certificate_pdf", args=[kursbevis.pk])
    client.force_login(kursbevis.user)

    page = client.get(reverse("courses:my_course")).content.decode()
    assert f'href="{pdf}"' in page
    assert kursbevis.formatted_code in page

    other = factories.enrolment(run_=kursbevis.run).contact
    client.force_login(other)
    page = client.get(reverse("courses:my_course")).content.decode()
    assert pdf not in page
    assert kursbevis.formatted_code not in page
