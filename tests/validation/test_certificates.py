"""Validation certificates: what the PDF says, the transcript's credits, who may
download them, the public verify page and the Open Badge."""

import io
import json
import subprocess
from dataclasses import replace
from http import HTTPStatus

from django.urls import reverse
from django.utils import translation

import pytest
from pypdf import PdfReader

from courses.codes import format_code
from courses.documents import CertificateKind
from courses.services.certification import certificate_revoke
from lms.accounts.roles import Role
from tests.courses.test_open_badges import VALIDATOR
from validation.documents import (
    certificate_of_case,
    transcript_document,
    validation_certificate_document,
)
from validation.models import CaseStatus, Level, Pathway, ValidationCertificate
from validation.pdf import render_transcript, render_validation_certificate

from .factories import certified_case, open_case, person, unit_approved

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> str:
    """All pages' text, with every run of white space made one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def full_name(user) -> str:
    return user.get_full_name()


@pytest.fixture
def sampled_settings(settings):
    """Every case of a new assessor is sampled for internal verification."""
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 5
    return settings


@pytest.fixture
def unsampled_settings(settings):
    """Internal verification samples nothing."""
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 0
    settings.VALIDATION_IV_SHARE = 0
    return settings


@pytest.fixture
def case(sampled_settings):
    unit = unit_approved(code="AM-01", level="2", credits=3, outcomes=3, criteria=2)
    return certified_case(unit=unit)


def english_document(case):
    return validation_certificate_document(
        certificate=certificate_of_case(case=case), language="en"
    )


# The certificate ---------------------------------------------------------------


def test_certificate_names_candidate_unit_level_credits_outcomes_and_people(case):
    document = english_document(case)
    text = pdf_text(render_validation_certificate(document=document))

    certificate = ValidationCertificate.objects.get(case=case)
    assert document.kind == CertificateKind.VALIDATION
    assert full_name(case.candidate) in text
    assert "AM-01 Ta imot en ny kollega med behov for tilrettelegging" in text
    assert "Level 2 (EQF level 3)" in text
    assert "3 credits (30 hours of notional learning)" in text
    assert "version 1" in text
    for number in (1, 2, 3):
        assert f"{number}. Kandidaten kan AM-01 utfall {number}" in text
    assert "ASSESSOR" in text and full_name(case.assessor) in text
    assert "INTERNAL VERIFIER" in text and full_name(case.verifier) in text
    assert "Not sampled" not in text
    assert certificate.formatted_code in text
    assert f"/verify/{certificate.formatted_code}/" in text
    assert "SOSIAL PROFIL" in text


def test_a_case_not_sampled_for_verification_says_so_and_names_no_verifier(
    unsampled_settings,
):
    case = certified_case(unit=unit_approved(code="AM-02"))
    assert case.iv_selected is False and case.verifier is None

    document = english_document(case)
    text = pdf_text(render_validation_certificate(document=document))

    assert document.internally_verified is False
    assert document.verifier_name == ""
    assert "Not sampled: internal verification checks a share of each" in text
    assert full_name(case.assessor) in text


def test_norwegian_is_the_default_language(case):
    document = validation_certificate_document(
        certificate=certificate_of_case(case=case)
    )
    assert document.language == "nb"
    with translation.override("nb"):
        label = str(Level.TWO.label)
    assert document.level_label == label


def test_qr_code_decodes_to_exactly_the_verify_url(case, tmp_path):
    document = english_document(case)
    (tmp_path / "certificate.pdf").write_bytes(
        render_validation_certificate(document=document)
    )
    subprocess.run(  # noqa: S603 (a fixed tool on our own file)
        ["/usr/bin/pdftoppm", "-png", "-r", "150", "-singlefile", "-f", "1"]
        + ["certificate.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    decoded = subprocess.run(  # noqa: S603 (a fixed tool on our own file)
        ["/usr/bin/zbarimg", "--raw", "-q", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert decoded.stdout.splitlines() == [document.verify_url]
    assert document.verify_url.endswith(
        reverse("verify:detail", kwargs={"code": document.code})
    )


def test_many_long_outcomes_continue_on_a_second_page_and_none_is_lost(case):
    long = "Kandidaten kan forklare, vise og begrunne " + "tilrettelegging " * 22
    outcomes = tuple(f"{long}({number})" for number in range(1, 9))
    document = replace(english_document(case), outcomes=outcomes)

    pdf = render_validation_certificate(document=document)
    text = pdf_text(pdf)

    assert page_count(pdf) == 2
    assert "The learning outcomes continue on the next page." in text
    for number in range(1, 9):
        assert f"({number})" in text


# The transcript ------------------------------------------------------------------


@pytest.fixture
def candidate_with_units(sampled_settings):
    """A candidate with AM-01 (3 credits) and AM-02 (2 credits) certified, AM-03
    (4 credits) submitted with every criterion evidenced but not certified; a
    pathway of all three needing 6 credits."""
    candidate = person(Role.CANDIDATE)
    am01 = unit_approved(code="AM-01", credits=3)
    am02 = unit_approved(
        code="AM-02", title="Følge opp og gi tilbakemelding", credits=2
    )
    am03 = unit_approved(code="AM-03", title="Samarbeide med NAV", credits=4)
    certified_case(candidate=candidate, unit=am01)
    certified_case(candidate=candidate, unit=am02)
    open_case(candidate=candidate, unit=am03, status=CaseStatus.SUBMITTED)
    pathway = Pathway.objects.create(
        name="Arbeidsplassmentor", slug="arbeidsplassmentor", credits_required=6
    )
    pathway.units.set([am01, am02, am03])
    pathway.save()  # a ParentalManyToManyField writes when its parent is saved
    return candidate


def test_transcript_counts_only_certified_units_never_part_of_a_unit(
    candidate_with_units,
):
    document = transcript_document(candidate=candidate_with_units, language="en")

    assert [unit.code for unit in document.units] == ["AM-01", "AM-02"]
    assert document.total_credits == 5
    [pathway] = document.pathways
    assert (pathway.name, pathway.credits_achieved, pathway.credits_required) == (
        "Arbeidsplassmentor",
        5,
        6,
    )
    assert pathway.achieved is False
    [in_progress] = document.in_progress
    assert (in_progress.code, in_progress.status_label) == (
        "AM-03",
        "Submitted for assessment",
    )

    text = pdf_text(render_transcript(document=document))
    assert "Transcript of validated units" in text
    assert full_name(candidate_with_units) in text
    assert "Total credits: 5" in text
    assert "Units in progress (not credit)" in text
    assert "AM-03" in text and "Samarbeide med NAV" in text
    assert "no credit for part of a unit" in text
    for certificate in ValidationCertificate.objects.filter(
        case__candidate=candidate_with_units
    ):
        assert certificate.formatted_code in text


def test_a_revoked_certificate_gives_no_credit(candidate_with_units):
    certificate = ValidationCertificate.objects.get(
        case__candidate=candidate_with_units, case__unit__code="AM-02"
    )
    certificate_revoke(
        certificate=certificate, by=person(Role.ADMINISTRATOR), reason="Feil i saken."
    )

    document = transcript_document(candidate=candidate_with_units, language="en")

    assert [unit.code for unit in document.units] == ["AM-01"]
    assert document.total_credits == 3
    assert document.pathways[0].credits_achieved == 3
    assert {(unit.code, unit.status_label) for unit in document.in_progress} == {
        ("AM-02", "Certificate revoked"),
        ("AM-03", "Submitted for assessment"),
    }


def test_a_pathway_reached_says_achieved(candidate_with_units):
    Pathway.objects.update(credits_required=5)
    document = transcript_document(candidate=candidate_with_units, language="en")
    assert document.pathways[0].achieved is True
    text = pdf_text(render_transcript(document=document))
    assert "Achieved" in text


def test_transcript_of_someone_with_nothing_says_so(db):
    document = transcript_document(candidate=person(), language="en")
    assert document.total_credits == 0
    text = pdf_text(render_transcript(document=document))
    assert "No units achieved yet." in text


# Who may download ----------------------------------------------------------------


def login(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def certificate_url(case):
    return reverse("validation:certificate_pdf", kwargs={"pk": case.pk})


def test_the_people_of_the_case_and_administrators_get_the_pdf(client, case):
    for user in (case.candidate, case.assessor, case.verifier):
        response = login(client, user).get(certificate_url(case))
        assert response.status_code == HTTPStatus.OK, user
        assert response["Content-Type"] == "application/pdf"
        body = b"".join(response.streaming_content)
        assert full_name(case.candidate) in pdf_text(body)
        assert "inline" in response["Content-Disposition"]
        client.logout()
    admin = person(Role.ADMINISTRATOR)
    response = login(client, admin).get(certificate_url(case) + "?lang=en")
    body = b"".join(response.streaming_content)
    assert "VALIDATION CERTIFICATE" in pdf_text(body)


def test_other_people_get_not_found_and_anonymous_is_sent_to_log_in(client, case):
    other_candidate = certified_case(unit=case.unit).candidate
    unrelated_assessor = person(Role.ASSESSOR)
    other_verifier = person(Role.INTERNAL_VERIFIER)
    programme_owner = person(Role.PROGRAMME_OWNER)
    for user in (other_candidate, unrelated_assessor, other_verifier, programme_owner):
        response = login(client, user).get(certificate_url(case))
        assert response.status_code == HTTPStatus.NOT_FOUND, user
        client.logout()
    response = client.get(certificate_url(case))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_case_not_yet_certified_has_no_certificate(client, sampled_settings):
    case = open_case(status=CaseStatus.SUBMITTED)
    response = login(client, case.candidate).get(certificate_url(case))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_transcript_is_always_ones_own(client, candidate_with_units):
    response = login(client, candidate_with_units).get(reverse("validation:transcript"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content))
    assert full_name(candidate_with_units) in text and "AM-01" in text
    client.logout()

    stranger = person(Role.CANDIDATE)
    response = login(client, stranger).get(reverse("validation:transcript"))
    text = pdf_text(b"".join(response.streaming_content))
    assert full_name(stranger) in text
    assert full_name(candidate_with_units) not in text and "AM-01" not in text
    client.logout()

    response = client.get(reverse("validation:transcript"))
    assert response.status_code == HTTPStatus.FOUND


# Public verification and the Open Badge -----------------------------------------


def verify_url(certificate):
    return reverse("verify:detail", kwargs={"code": certificate.formatted_code})


def test_verify_page_shows_a_validation_certificate_by_its_code(client, case):
    certificate = certificate_of_case(case=case)
    client.cookies["django_language"] = "en"

    response = client.get(verify_url(certificate))

    assert response.status_code == HTTPStatus.OK
    verified = response.context["verified"]
    assert str(verified.kind) == "Validation certificate"
    assert verified.status == "active"
    assert verified.holder == full_name(case.candidate)
    assert verified.what == (
        "AM-01 Ta imot en ny kollega med behov for tilrettelegging (Level 2, 3 credits)"
    )
    details = {str(label): value for label, value in verified.details}
    assert details == {
        "Level": "Level 2 (EQF level 3)",
        "Credits": "3 credits",
        "Learning outcomes achieved": "3",
    }
    content = response.content.decode()
    assert "Validation certificate" in content and "Valid" in content
    # The public page names the holder, not the people who judged the case.
    assert full_name(case.assessor) not in content
    assert full_name(case.verifier) not in content


def test_a_code_typed_without_dashes_finds_it_too(client, case):
    certificate = certificate_of_case(case=case)
    response = client.get(
        reverse("verify:detail", kwargs={"code": certificate.code.lower()})
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == verify_url(certificate)


def test_a_revoked_certificate_shows_as_revoked_and_its_badge_is_gone(client, case):
    certificate = certificate_of_case(case=case)
    certificate_revoke(
        certificate=certificate, by=person(Role.ADMINISTRATOR), reason="Feil."
    )
    client.cookies["django_language"] = "en"

    response = client.get(verify_url(certificate))

    assert response.status_code == HTTPStatus.OK
    assert response.context["verified"].status == "revoked"
    assert "This certificate was revoked on" in response.content.decode()
    badge = client.get(
        reverse("verify:badge", kwargs={"code": certificate.formatted_code})
    )
    assert badge.status_code == HTTPStatus.GONE


def test_open_badge_is_a_valid_competency_credential_with_credits(client, case):
    certificate = certificate_of_case(case=case)
    client.cookies["django_language"] = "en"

    response = client.get(
        reverse("verify:badge", kwargs={"code": certificate.formatted_code})
    )

    assert response.status_code == HTTPStatus.OK
    credential = json.loads(response.content)
    assert sorted(e.message for e in VALIDATOR.iter_errors(credential)) == []
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]
    assert achievement["achievementType"] == "Competency"
    assert achievement["humanCode"] == "AM-01"
    assert achievement["creditsAvailable"] == 3.0
    assert subject["creditsEarned"] == 3.0
    assert subject["identifier"][0]["identityHash"] == full_name(case.candidate)
    assert credential["name"] == (
        "Validation certificate: AM-01 Ta imot en ny kollega med behov for "
        "tilrettelegging"
    )
    assert "1. Kandidaten kan AM-01 utfall 1" in achievement["criteria"]["narrative"]
    assert credential["id"].endswith(f"/verify/{certificate.formatted_code}/badge.json")


def test_everyone_certified_on_one_unit_version_shares_the_achievement_id(case):
    other = certified_case(unit=case.unit)
    first = english_document(case)
    second = english_document(other)
    assert first.achievement_url == second.achievement_url
    assert first.achievement_url.startswith("urn:uuid:")


def test_certificate_codes_are_in_the_shared_code_space(case):
    certificate = certificate_of_case(case=case)
    assert certificate.formatted_code == format_code(certificate.code)


@pytest.mark.filterwarnings("ignore:EdDSA is deprecated via RFC 9864")
def test_the_signed_badge_verifies_offline_with_the_published_keys(client, case):
    from joserfc import jwt
    from joserfc.jwk import KeySet

    certificate = certificate_of_case(case=case)
    token = client.get(
        reverse("verify:badge_signed", kwargs={"code": certificate.formatted_code})
    )
    keys = client.get("/.well-known/jwks.json")

    assert token.status_code == HTTPStatus.OK
    verified = jwt.decode(
        token.content.decode(),
        KeySet.import_key_set(json.loads(keys.content)),
        algorithms=["EdDSA"],
    )
    achievement = verified.claims["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Competency"
    assert verified.claims["credentialSubject"]["identifier"][0]["identityHash"] == (
        full_name(case.candidate)
    )
