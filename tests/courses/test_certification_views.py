"""Certification pages: who may certify, revoke, renew, follow up and download."""

import io
import zipfile
from datetime import date, timedelta
from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone, translation

import pytest
from pypdf import PdfReader

from courses.documents.pdf import format_long_date
from courses.models import (
    AttendanceStatus,
    CertificateStatus,
    Certification,
    CertificationEventKind,
    CourseCertificate,
    FollowUpReport,
)
from courses.services import attendance
from courses.services import certification as services
from results.services import COUNT_FIELDS

from ..accounts.factories import UserFactory
from ..helpers import assert_shows_message
from . import certification_factories as cf
from . import factories

pytestmark = pytest.mark.django_db

SESSIONS = 2


def attend_all(run, person):
    for session in run.sessions.all():
        attendance.attendance_record(
            session=session,
            user=person,
            status=AttendanceStatus.PRESENT,
            by=run.leaders.get(),
        )


def pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(content)).pages
    )


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def run():
    return factories.run(course_=factories.course(sessions=SESSIONS))


@pytest.fixture
def run_leader(run):
    return run.leaders.get()


@pytest.fixture
def other_leader():
    """Leads another run of the same kind."""
    return factories.run().leaders.get()


@pytest.fixture
def enrolment(run):
    """A firm that meets every rule: attended every session, plan approved."""
    item = factories.enrolment(run_=run, participants=2)
    attend_all(run, item.contact)
    cf.plan(enrolment=item)
    return item


@pytest.fixture
def firm_contact(enrolment):
    return enrolment.contact


@pytest.fixture
def firm_member(enrolment):
    return enrolment.participants.exclude(pk=enrolment.contact.pk).get()


@pytest.fixture
def other_firm(run):
    """Another firm in the same run."""
    return factories.enrolment(run_=run, participants=2)


@pytest.fixture
def other_contact(other_firm):
    return other_firm.contact


@pytest.fixture
def other_member(other_firm):
    return other_firm.participants.exclude(pk=other_firm.contact.pk).get()


@pytest.fixture
def certification(enrolment, run_leader):
    return services.certification_create(enrolment=enrolment, by=run_leader)


def firm_url(enrolment):
    return reverse("courses:certification_firm", args=[enrolment.pk])


def follow_up_url(certification):
    return reverse("results:follow_up_file", args=[certification.pk])


def follow_up_data(narrative):
    """The yearly follow-up form with its figures (results.forms)."""
    counts = dict.fromkeys(COUNT_FIELDS, "0")
    return {**counts, "apprenticeship": "2", "narrative": narrative}


# --- Certifying -------------------------------------------------------------------


def test_the_run_leader_certifies_a_firm_that_meets_the_rules(
    client, enrolment, run_leader
):
    client.force_login(run_leader)
    page = client.get(firm_url(enrolment))
    assert page.status_code == HTTPStatus.OK
    assert 'id="certify"' in page.content.decode()
    assert "Every rule holds: the firm can be certified." in page.content.decode()

    response = client.post(reverse("courses:certify", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == firm_url(enrolment)
    certification = Certification.objects.get(enrolment=enrolment)
    assert certification.issued_by == run_leader
    assert certification.issued_on == timezone.localdate()
    assert certification.override_reason == ""
    assert certification.events.get().kind == CertificationEventKind.CERTIFIED

    page = client.get(firm_url(enrolment)).content.decode()
    assert f"{enrolment.firm.name} is now certified." in page
    assert '<span id="certification-status" class="badge text-bg-success">Valid' in (
        page
    )
    assert certification.formatted_code in page


def test_certify_when_the_rules_do_not_hold_needs_a_reason(
    client, run, run_leader, other_firm
):
    client.force_login(run_leader)
    url = reverse("courses:certify", args=[other_firm.pk])
    response = client.post(url, {"override_reason": ""})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.CERTIFY_RULES_NOT_MET_MESSAGE)
    assert not Certification.objects.exists()

    response = client.post(url, {"override_reason": "Tok samlingene med neste kull."})
    assert response.status_code == HTTPStatus.FOUND
    certification = Certification.objects.get(enrolment=other_firm)
    assert certification.override_reason == "Tok samlingene med neste kull."
    assert certification.events.get().kind == (
        CertificationEventKind.CERTIFIED_OVERRIDE
    )


def test_certifying_twice_shows_already_certified(
    client, enrolment, run_leader, certification
):
    client.force_login(run_leader)
    response = client.post(reverse("courses:certify", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.ALREADY_CERTIFIED_MESSAGE)
    assert Certification.objects.count() == 1


@pytest.mark.parametrize(
    "who", ["other_leader", "firm_contact", "firm_member", "other_contact"]
)
def test_only_the_run_leader_can_certify(client, request, enrolment, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("courses:certify", args=[enrolment.pk]),
        {"override_reason": "Jeg vil"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Certification.objects.exists()


def test_an_administrator_can_certify(client, enrolment, administrator):
    client.force_login(administrator)
    response = client.post(reverse("courses:certify", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert Certification.objects.get().issued_by == administrator


def test_anonymous_visitors_are_sent_to_log_in(client, enrolment, certification):
    for url in [
        firm_url(enrolment),
        reverse("courses:certification_pdf", args=[certification.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert "next=" in response["Location"]
    response = client.post(reverse("courses:certify", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert Certification.objects.count() == 1


# --- The firm's page --------------------------------------------------------------


@pytest.mark.parametrize("who", ["firm_contact", "firm_member", "run_leader"])
def test_the_firm_and_the_run_leader_see_the_certification(
    client, request, enrolment, certification, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(firm_url(enrolment))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert certification.formatted_code in page
    assert reverse("courses:certification_pdf", args=[certification.pk]) in page


def test_the_firm_sees_the_rules_but_cannot_certify(client, enrolment, firm_contact):
    client.force_login(firm_contact)
    response = client.get(firm_url(enrolment))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "The firm was represented at 2 of 2 sessions (2 required)." in page
    assert "The inclusion plan is approved." in page
    assert 'id="certify-form"' not in page
    assert "The course leader certifies the firm when the rules above hold." in page


@pytest.mark.parametrize("who", ["other_leader", "other_contact", "other_member"])
def test_others_cannot_see_the_firms_certification(
    client, request, enrolment, certification, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(firm_url(enrolment))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert certification.formatted_code not in response.content.decode()


# --- Revoking ---------------------------------------------------------------------


def test_the_run_leader_revokes_with_a_reason(client, certification, run_leader):
    client.force_login(run_leader)
    response = client.post(
        reverse("courses:certification_revoke", args=[certification.pk]),
        {"reason": "Bedriften har brutt vilkårene."},
    )
    assert response.status_code == HTTPStatus.FOUND
    certification.refresh_from_db()
    assert certification.status == CertificateStatus.REVOKED
    assert certification.revoked_by == run_leader
    assert certification.revoked_reason == "Bedriften har brutt vilkårene."
    assert certification.events.last().kind == CertificationEventKind.REVOKED
    page = client.get(response["Location"]).content.decode()
    assert "The certification has been revoked." in page
    assert 'class="badge text-bg-danger">Revoked' in page


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoking_without_a_reason_is_refused(
    client, certification, run_leader, reason
):
    client.force_login(run_leader)
    response = client.post(
        reverse("courses:certification_revoke", args=[certification.pk]),
        {"reason": reason},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.REVOKE_REASON_REQUIRED_MESSAGE)
    certification.refresh_from_db()
    assert certification.revoked_at is None
    assert certification.events.count() == 1


def test_revoking_an_expired_certification_shows_why_not(client, run_leader, run):
    certification = cf.expired(enrolment=factories.enrolment(run_=run))
    client.force_login(run_leader)
    response = client.post(
        reverse("courses:certification_revoke", args=[certification.pk]),
        {"reason": "For sent"},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.REVOKE_EXPIRED_MESSAGE)
    certification.refresh_from_db()
    assert certification.revoked_at is None


def test_revoking_twice_shows_already_revoked(client, certification, run_leader):
    client.force_login(run_leader)
    url = reverse("courses:certification_revoke", args=[certification.pk])
    client.post(url, {"reason": "Først"})
    response = client.post(url, {"reason": "Fra en gammel fane"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.ALREADY_REVOKED_MESSAGE)
    certification.refresh_from_db()
    assert certification.revoked_reason == "Først"
    assert certification.events.count() == 2


@pytest.mark.parametrize(
    "who", ["other_leader", "firm_contact", "firm_member", "other_contact"]
)
def test_only_the_run_leader_can_revoke(client, request, certification, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("courses:certification_revoke", args=[certification.pk]),
        {"reason": "Jeg vil"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    certification.refresh_from_db()
    assert certification.revoked_at is None
    assert certification.events.count() == 1


def test_unknown_certification_is_404(client, run_leader):
    client.force_login(run_leader)
    response = client.post(
        reverse("courses:certification_revoke", args=[999999]), {"reason": "x"}
    )
    assert response.status_code == HTTPStatus.NOT_FOUND


# --- Follow-up and renewal --------------------------------------------------------


@pytest.fixture
def expiring(certification):
    """The certification, thirty days before it expires."""
    today = timezone.localdate()
    Certification.objects.filter(pk=certification.pk).update(
        issued_on=today - timedelta(days=335), valid_until=today + timedelta(days=30)
    )
    certification.refresh_from_db()
    return certification


def test_the_contact_files_the_follow_up_and_the_leader_renews(
    client, expiring, firm_contact, run_leader
):
    old_valid_until = expiring.valid_until
    client.force_login(firm_contact)
    response = client.post(
        follow_up_url(expiring), follow_up_data("Vi har ansatt to lærlinger.")
    )
    assert response.status_code == HTTPStatus.FOUND
    report = FollowUpReport.objects.get()
    assert report.period_ends == old_valid_until
    assert report.filed_by == firm_contact

    client.force_login(run_leader)
    response = client.post(reverse("courses:certification_renew", args=[expiring.pk]))
    assert response.status_code == HTTPStatus.FOUND
    expiring.refresh_from_db()
    assert expiring.valid_until == services.add_months(old_valid_until, 12)
    page = client.get(response["Location"]).content.decode()
    assert (
        "The certification has been renewed until "
        f"{expiring.valid_until.strftime('%m/%d/%Y')}." in page
    )
    assert list(expiring.events.values_list("kind", flat=True)) == [
        CertificationEventKind.CERTIFIED,
        CertificationEventKind.FOLLOW_UP_FILED,
        CertificationEventKind.RENEWED,
    ]


def test_renewing_without_the_follow_up_shows_why_and_changes_nothing(
    client, expiring, run_leader
):
    client.force_login(run_leader)
    response = client.post(
        reverse("courses:certification_renew", args=[expiring.pk]), follow=True
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, services.RENEW_NEEDS_FOLLOW_UP_MESSAGE)
    valid_until = expiring.valid_until
    expiring.refresh_from_db()
    assert expiring.valid_until == valid_until
    assert expiring.events.count() == 1


@pytest.mark.parametrize(
    "who", ["other_leader", "firm_contact", "firm_member", "other_contact"]
)
def test_only_the_run_leader_can_renew(client, request, expiring, firm_contact, who):
    services.follow_up_file(certification=expiring, by=firm_contact, narrative="Ok")
    valid_until = expiring.valid_until
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("courses:certification_renew", args=[expiring.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    expiring.refresh_from_db()
    assert expiring.valid_until == valid_until


def test_follow_up_with_empty_text_is_refused(client, expiring, firm_contact):
    client.force_login(firm_contact)
    response = client.post(follow_up_url(expiring), follow_up_data("  "))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.FOLLOW_UP_EMPTY_MESSAGE)
    assert not FollowUpReport.objects.exists()


def test_filing_the_follow_up_twice_shows_already_filed(client, expiring, firm_contact):
    client.force_login(firm_contact)
    url = follow_up_url(expiring)
    client.post(url, follow_up_data("Første"))
    response = client.post(url, follow_up_data("Andre"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.FOLLOW_UP_ALREADY_FILED_MESSAGE)
    assert list(FollowUpReport.objects.values_list("narrative", flat=True)) == [
        "Første"
    ]


def test_follow_up_too_early_is_refused_with_the_date(
    client, certification, firm_contact
):
    client.force_login(firm_contact)
    response = client.post(follow_up_url(certification), follow_up_data("For tidlig."))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(
        response,
        services.FOLLOW_UP_TOO_EARLY_MESSAGE,
        date=services.renewal_opens_on(certification).strftime("%m/%d/%Y"),
    )
    assert not FollowUpReport.objects.exists()


@pytest.mark.parametrize("who", ["firm_member", "run_leader", "other_contact"])
def test_only_the_firms_contact_files_the_follow_up(client, request, expiring, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(follow_up_url(expiring), follow_up_data("Tekst"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not FollowUpReport.objects.exists()


# --- The firm's certificate PDF ---------------------------------------------------


@pytest.fixture
def may_certification(enrolment, run_leader):
    """Issued on 17 May, so the month's name differs between the languages."""
    return services.certification_create(
        enrolment=enrolment, by=run_leader, today=date(2026, 5, 17)
    )


@pytest.mark.parametrize("who", ["firm_contact", "firm_member", "run_leader"])
def test_the_firm_and_the_leader_download_the_certificate(
    client, request, may_certification, enrolment, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(
        reverse("courses:certification_pdf", args=[may_certification.pk])
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert enrolment.firm.name in text
    assert may_certification.formatted_code in text


@pytest.mark.parametrize("who", ["other_leader", "other_contact", "other_member"])
def test_others_cannot_download_the_firms_certificate(
    client, request, may_certification, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(
        reverse("courses:certification_pdf", args=[may_certification.pk])
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not response.content.startswith(b"%PDF")


def test_lang_en_gives_an_english_certificate(client, may_certification, firm_member):
    client.force_login(firm_member)
    url = reverse("courses:certification_pdf", args=[may_certification.pk])
    english = pdf_text(client.get(url, {"lang": "en"}).content)
    norwegian = pdf_text(client.get(url).content)
    with translation.override("en"):
        english_date = format_long_date(date(2026, 5, 17))
    with translation.override("nb"):
        norwegian_date = format_long_date(date(2026, 5, 17))
    assert english_date == "17 May 2026"
    assert norwegian_date == "17. mai 2026"
    assert english_date in english
    assert "This is to certify that" in english
    assert norwegian_date in norwegian
    assert english_date not in norwegian
    assert english != norwegian


def test_an_unknown_language_falls_back_to_norwegian(
    client, may_certification, firm_member
):
    client.force_login(firm_member)
    url = reverse("courses:certification_pdf", args=[may_certification.pk])
    text = pdf_text(client.get(url, {"lang": "xx"}).content)
    assert "17. mai 2026" in text


# --- Course certificates (kursbevis) ----------------------------------------------


def course_certificate(*, run, user, revoked=False):
    return CourseCertificate.objects.create(
        run=run,
        user=user,
        holder_name=str(user),
        code=cf.code(),
        issued_on=date(2026, 11, 23),
        revoked_at=timezone.now() if revoked else None,
        revoked_reason=cf.REVOKED_REASON if revoked else "",
    )


@pytest.fixture
def kursbevis(run, firm_member):
    return course_certificate(run=run, user=firm_member)


@pytest.mark.parametrize("who", ["firm_member", "run_leader"])
def test_the_holder_and_the_run_leader_download_the_kursbevis(
    client, request, kursbevis, firm_member, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(
        reverse("courses:course_certificate_pdf", args=[kursbevis.pk])
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert str(firm_member) in pdf_text(response.content)


@pytest.mark.parametrize("who", ["firm_contact", "other_leader", "other_member"])
def test_others_cannot_download_the_kursbevis(client, request, kursbevis, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(
        reverse("courses:course_certificate_pdf", args=[kursbevis.pk])
    )
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_zip_has_one_pdf_per_certificate_not_revoked(client, run, run_leader):
    people = [UserFactory(first_name=name) for name in ("Anne", "Bjørn", "Cato")]
    kept = [course_certificate(run=run, user=person) for person in people[:2]]
    course_certificate(run=run, user=people[2], revoked=True)
    course_certificate(run=factories.run(), user=people[0])  # another run
    client.force_login(run_leader)
    zip_url = reverse("courses:course_certificates_zip", args=[run.pk])
    page = reverse("courses:course_certificates", args=[run.pk])
    # Not prepared yet: the page, which prepares it (tests run tasks at once).
    assert client.get(zip_url)["Location"] == f"{page}#zip"
    client.post(page, {"action": "zip", "lang": "nb"})
    response = client.get(zip_url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kursbevis-{run.pk}.zip"'
    )
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        names = archive.namelist()
        assert len(names) == 2
        texts = [pdf_text(archive.read(name)) for name in names]
    for name in names:
        assert name.endswith(".pdf")
    assert all(text for text in texts)
    for certificate in kept:
        assert sum(certificate.formatted_code in text for text in texts) == 1
    assert not any("Cato" in text for text in texts)


@pytest.mark.parametrize("who", ["other_leader", "firm_contact"])
def test_only_the_run_leader_gets_the_zip(client, request, run, kursbevis, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("courses:course_certificates_zip", args=[run.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_leader_issues_course_certificates_from_the_page(
    client, run, run_leader, enrolment, firm_member
):
    client.force_login(run_leader)
    url = reverse("courses:course_certificates", args=[run.pk])
    assert client.get(url).status_code == HTTPStatus.OK
    response = client.post(url, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert "1 course certificate was issued." in response.content.decode()
    certificate = CourseCertificate.objects.get()
    assert certificate.user == enrolment.contact
    assert certificate.issued_by == run_leader
    response = client.post(url, follow=True)
    assert "Everyone who qualifies already has a course certificate." in (
        response.content.decode()
    )
    assert CourseCertificate.objects.count() == 1


def test_issuing_when_nobody_qualifies_shows_the_message(client, run, run_leader):
    client.force_login(run_leader)
    response = client.post(
        reverse("courses:course_certificates", args=[run.pk]), follow=True
    )
    assert_shows_message(response, services.NO_ELIGIBLE_PARTICIPANTS_MESSAGE)
    assert not CourseCertificate.objects.exists()


@pytest.mark.parametrize("who", ["other_leader", "firm_contact"])
def test_others_cannot_issue_course_certificates(client, request, run, enrolment, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("courses:course_certificates", args=[run.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not CourseCertificate.objects.exists()


def test_the_run_leader_revokes_a_kursbevis_with_a_reason(
    client, kursbevis, run_leader
):
    client.force_login(run_leader)
    url = reverse("courses:course_certificate_revoke", args=[kursbevis.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert_shows_message(response, services.REVOKE_REASON_REQUIRED_MESSAGE)
    kursbevis.refresh_from_db()
    assert kursbevis.revoked_at is None
    client.post(url, {"reason": "Utstedt ved en feil."})
    kursbevis.refresh_from_db()
    assert kursbevis.status == CertificateStatus.REVOKED
    assert kursbevis.revoked_reason == "Utstedt ved en feil."


@pytest.mark.parametrize("who", ["other_leader", "firm_member"])
def test_others_cannot_revoke_a_kursbevis(client, request, kursbevis, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("courses:course_certificate_revoke", args=[kursbevis.pk]),
        {"reason": "Jeg vil"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    kursbevis.refresh_from_db()
    assert kursbevis.revoked_at is None
