"""A renamed firm's certificates (defect 16): every certificate names the firm as
it was certified, and the name now beside it, labelled as such."""

import io
import unicodedata
from http import HTTPStatus

from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

import pytest
from pypdf import PdfReader

from courses.models import Certification
from courses.services import certification as services
from lms.accounts import services as accounts

from . import certification_factories as cf
from . import factories

pytestmark = pytest.mark.django_db

OLD_NAME = "Askerbakeriet AS"
NEW_NAME = "Asker Bakeri og Konditori AS"


@pytest.fixture
def certification():
    """Certified through the service under the old name, then renamed by the
    firm's contact (their profile form calls `firm_update`)."""
    run = factories.run()
    enrolment = factories.enrolment(run_=run, firm=factories.FirmFactory(name=OLD_NAME))
    made = services.certification_create(
        enrolment=enrolment, by=run.leaders.get(), override_reason="Papirskjema."
    )
    accounts.firm_update(firm=enrolment.firm, name=NEW_NAME)
    return made


def test_certifying_stores_the_name_the_firm_has_then(certification):
    certification.refresh_from_db()
    assert certification.holder_name == OLD_NAME
    assert certification.enrolment.firm.name == NEW_NAME
    assert str(certification).startswith(OLD_NAME)


def test_a_certification_without_a_name_is_refused_by_the_database():
    certification = cf.certification()
    with pytest.raises(IntegrityError):
        Certification.objects.filter(pk=certification.pk).update(holder_name="")


def test_verify_page_names_the_firm_as_certified_and_labels_the_name_now(
    client, certification
):
    client.cookies["django_language"] = "en"
    response = client.get(
        reverse("verify:detail", kwargs={"code": certification.formatted_code})
    )
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert f"This certificate is genuine and valid: {OLD_NAME}" in page
    assert (
        '<dt class="col-sm-4">Issued to</dt><dd class="col-sm-8">'
        f"{OLD_NAME}</dd>" in page
    )
    assert (
        '<dt class="col-sm-4">The firm\'s name now</dt>'
        f'<dd class="col-sm-8">{NEW_NAME}</dd>'
    ) in page.replace("&#x27;", "'")


def test_verify_page_of_a_firm_not_renamed_has_no_name_now(client):
    certification = cf.certification()
    client.cookies["django_language"] = "en"
    page = client.get(
        reverse("verify:detail", kwargs={"code": certification.formatted_code})
    ).content.decode()
    assert certification.holder_name in page
    assert "name now" not in page


def test_badge_names_the_firm_as_certified_and_mentions_the_name_now(
    client, certification
):
    client.cookies["django_language"] = "en"
    response = client.get(
        reverse("verify:badge", kwargs={"code": certification.formatted_code})
    )
    assert response.status_code == HTTPStatus.OK
    credential = response.json()
    names = [
        identity["identityHash"]
        for identity in credential["credentialSubject"]["identifier"]
        if identity["identityType"] == "name"
    ]
    assert names == [OLD_NAME]
    assert credential["description"].startswith(f"{OLD_NAME} (now: {NEW_NAME}) ")


def test_api_gives_the_name_now_and_each_certifications_name_as_issued(
    client, certification
):
    org_number = certification.enrolment.firm.org_number
    data = client.get(
        reverse("courses_api:firm_certifications", kwargs={"org_number": org_number})
    ).json()
    assert data["name"] == NEW_NAME
    assert [row["issued_to"] for row in data["certifications"]] == [OLD_NAME]


def test_pdf_prints_the_name_as_certified_and_the_name_now(client, certification):
    client.force_login(certification.enrolment.run.leaders.get())
    response = client.get(
        reverse("courses:certification_pdf", args=[certification.pk]) + "?lang=en"
    )
    assert response.status_code == HTTPStatus.OK
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines()]
    assert OLD_NAME in lines
    assert f"Now: {NEW_NAME}" in lines


def test_the_firms_page_shows_the_name_on_the_certificate(client, certification):
    client.force_login(certification.enrolment.run.leaders.get())
    client.cookies["django_language"] = "en"
    page = client.get(
        reverse("courses:certification_firm", args=[certification.enrolment_id])
    ).content.decode()
    assert "Name on the certificate" in page
    assert f"{OLD_NAME} <span" in page
    assert f"(now: {NEW_NAME})" in page


def test_course_certificate_keeps_the_persons_name_as_issued(client):
    """The kursbevis printed the name at issue already; the person's name now is
    personal and never shown on the public page."""
    from courses.models import CourseCertificate

    from ..accounts.factories import UserFactory

    run = factories.run()
    person = UserFactory(first_name="Ayşe", last_name="Yılmaz")
    certificate = CourseCertificate.objects.create(
        run=run,
        user=person,
        holder_name=str(person),
        code=cf.code(),
        issued_on=run.sessions.first().starts_at.date(),
    )
    person.last_name = "Nordmann"
    person.save()
    page = client.get(
        reverse("verify:detail", kwargs={"code": certificate.formatted_code})
    ).content.decode()
    assert "Ayşe Yılmaz" in page
    assert "Ayşe Nordmann" not in page


@pytest.mark.django_db(transaction=True)
def test_migration_fills_the_name_of_existing_certifications_from_the_firm():
    executor = MigrationExecutor(connection)
    before = [("courses", "0003_certification")]
    after = [("courses", "0005_certification_has_holder_name")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    Firm = old_apps.get_model("accounts", "Firm")
    Course = old_apps.get_model("courses", "Course")
    CourseRun = old_apps.get_model("courses", "CourseRun")
    Enrolment = old_apps.get_model("courses", "Enrolment")
    OldCertification = old_apps.get_model("courses", "Certification")
    firm = Firm.objects.create(
        name="Đorđe Rør AS",
        org_number="914035171",
        municipality="Asker",
        industry="F",
        size_band="1-4",
    )
    course = Course.objects.create(title="Kurs", slug="kurs")
    run = CourseRun.objects.create(
        course=course,
        title="Kurs – Asker",
        municipality="Asker",
        capacity=12,
        enrolment_deadline="2026-01-01",
    )
    enrolment = Enrolment.objects.create(run=run, firm=firm, status="accepted")
    OldCertification.objects.create(
        enrolment=enrolment,
        code="ABCDEFGHJKLM",
        issued_on="2026-01-10",
        valid_until="2027-01-10",
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    new_apps = executor.loader.project_state(after).apps
    names = list(
        new_apps.get_model("courses", "Certification").objects.values_list(
            "holder_name", flat=True
        )
    )
    assert names == [unicodedata.normalize("NFC", "Đorđe Rør AS")]
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
