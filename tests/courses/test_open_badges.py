"""Open Badges 3.0 credentials, validated against 1EdTech's schema (offline copy)."""

import json
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from django.utils import translation

import polib
import pytest
from jsonschema import Draft201909Validator, FormatChecker
from jsonschema.validators import validator_for

from courses.documents import CertificateDocument, CertificateKind
from courses.documents.badges import (
    ACHIEVEMENT_URL_MISSING_MESSAGE,
    credential_json,
    open_badge_credential,
)

SCHEMA_PATH = (
    Path(__file__).resolve().parents[1]
    / "data"
    / ("ob_v3p0_achievementcredential_schema.json")
)
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR_CLASS = validator_for(SCHEMA)

# jsonschema checks "date-time" only with the optional rfc3339-validator package,
# which this project does not install; RFC 3339 section 5.6 is checked here instead.
RFC3339_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)
FORMAT_CHECKER = FormatChecker(formats=())
FORMAT_CHECKER.checkers.update(VALIDATOR_CLASS.FORMAT_CHECKER.checkers)


@FORMAT_CHECKER.checks("date-time", raises=ValueError)
def _is_rfc3339_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not RFC3339_DATE_TIME.match(value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))  # real month, day, hour
    return True


VALIDATOR = VALIDATOR_CLASS(SCHEMA, format_checker=FORMAT_CHECKER)

VERIFY_URL = "https://sosialprofil.example/verify/K7M2-QX9P-4RTW/"
FIRM = CertificateDocument(
    kind=CertificateKind.FIRM,
    code="K7M2-QX9P-4RTW",
    verify_url=VERIFY_URL,
    holder_name="Fjordbakst AS",
    holder_org_number="987654321",
    course_title="Sosial bærekraft – inkludering i arbeidslivet",
    run_title="Våren 2026",
    municipality="Bodø",
    session_dates=(date(2026, 2, 3), date(2026, 2, 17), date(2026, 3, 3)),
    issued_on=date(2026, 3, 14),
    valid_until=date(2029, 3, 14),
    issuer_name="Sosial Profil",
    issuer_url="https://sosialprofil.example/",
    signed_by="Kari Nordmann",
    criteria="Attended all sessions, passed the quizzes and filed an action plan.",
    achievement_url="https://sosialprofil.example/kurs/sosial-baerekraft/",
    language="nb",
)
COURSE = replace(
    FIRM,
    kind=CertificateKind.COURSE,
    code="P3HX-8WQM-2KLD",
    verify_url="https://sosialprofil.example/verify/P3HX-8WQM-2KLD/",
    holder_name="Ola Åsheim",
    holder_org_number="",
    valid_until=None,
    criteria="Attended at least 80 % of the sessions.",
    achievement_url="https://sosialprofil.example/kurs/sosial-baerekraft/kursbevis/",
)

# Until the lead engineer translates the badge texts in lms/locale, this test
# catalogue gives Norwegian its own wording for the credential names.
NORWEGIAN = {
    ("open badge", "Certification: %(course)s"): "Sertifisering: %(course)s",
    ("open badge", "Course certificate: %(course)s"): "Kursbevis: %(course)s",
}


def _errors(credential: dict) -> list[str]:
    return sorted(error.message for error in VALIDATOR.iter_errors(credential))


@pytest.fixture
def norwegian_catalogue(tmp_path, settings):
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for (context, msgid), msgstr in NORWEGIAN.items():
        catalogue.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr))
    messages = tmp_path / "nb" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalogue.save_as_mofile(str(messages / "django.mo"))
    # Changing LOCALE_PATHS makes Django reload its catalogues; the first wins.
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]


def test_vendored_schema_is_1edtechs_draft_2019_09_schema():
    assert SCHEMA["$id"] == (
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
        "ob_v3p0_achievementcredential_schema.json"
    )
    assert VALIDATOR_CLASS is Draft201909Validator
    assert SCHEMA["required"] == [
        "@context",
        "id",
        "type",
        "credentialSubject",
        "issuer",
        "validFrom",
    ]


def test_firm_certification_is_a_valid_open_badge_credential():
    credential = open_badge_credential(document=FIRM)

    assert _errors(credential) == []
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["id"] == (
        "https://sosialprofil.example/verify/K7M2-QX9P-4RTW/badge.json"
    )
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"] == {
        "id": "https://sosialprofil.example/",
        "type": ["Profile"],
        "name": "Sosial Profil",
        "url": "https://sosialprofil.example/",
    }
    assert credential["validFrom"] == "2026-03-14T00:00:00Z"
    assert credential["validUntil"] == "2029-03-14T23:59:59Z"
    assert credential["credentialSchema"] == [
        {
            "id": SCHEMA["$id"],
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]
    # Revocation is checked by fetching the credential again beside the verify page.
    assert credential["refreshService"] == {
        "id": "https://sosialprofil.example/verify/K7M2-QX9P-4RTW/badge.json",
        "type": "1EdTechCredentialRefresh",
    }


def test_firm_is_identified_by_name_and_organisation_number():
    subject = open_badge_credential(document=FIRM)["credentialSubject"]

    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": "Fjordbakst AS",
            "identityType": "name",
            "hashed": False,
        },
        {
            "type": "IdentityObject",
            "identityHash": "987654321",
            "identityType": "identifier",
            "hashed": False,
        },
    ]
    assert subject["activityStartDate"] == "2026-02-03T00:00:00Z"
    assert subject["activityEndDate"] == "2026-03-03T23:59:59Z"


def test_firm_achievement_is_a_certification_with_the_course_criteria():
    achievement = open_badge_credential(document=FIRM)["credentialSubject"][
        "achievement"
    ]

    assert achievement["id"] == "https://sosialprofil.example/kurs/sosial-baerekraft/"
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Certification"
    assert achievement["criteria"] == {
        "narrative": (
            "Attended all sessions, passed the quizzes and filed an action plan."
        )
    }
    assert achievement["inLanguage"] == "nb"


def test_course_certificate_is_valid_and_does_not_expire():
    credential = open_badge_credential(document=COURSE)

    assert _errors(credential) == []
    assert "validUntil" not in credential
    assert credential["validFrom"] == "2026-03-14T00:00:00Z"
    subject = credential["credentialSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": "Ola Åsheim",
            "identityType": "name",
            "hashed": False,
        }
    ]
    assert subject["achievement"]["achievementType"] == "CertificateOfCompletion"
    assert subject["achievement"]["criteria"] == {
        "narrative": "Attended at least 80 % of the sessions."
    }


def test_credential_without_issuer_fails_the_schema():
    credential = open_badge_credential(document=FIRM)
    del credential["issuer"]

    assert _errors(credential) == ["'issuer' is a required property"]


def test_achievement_type_outside_the_vocabulary_fails_the_schema():
    credential = open_badge_credential(document=COURSE)
    credential["credentialSubject"]["achievement"]["achievementType"] = (
        "CourseCompletion"
    )

    assert _errors(credential) == [
        "'CourseCompletion' is not valid under any of the given schemas"
    ]


def test_date_without_time_fails_the_date_time_format():
    credential = open_badge_credential(document=FIRM)
    credential["validFrom"] = "2026-03-14"

    assert _errors(credential) == ["'2026-03-14' is not a 'date-time'"]


def test_status_url_adds_a_revocation_list_status():
    status_url = "https://sosialprofil.example/verify/revocations.json"

    with_status = open_badge_credential(document=FIRM, status_url=status_url)
    without_status = open_badge_credential(document=FIRM)

    assert with_status["credentialStatus"] == {
        "id": "https://sosialprofil.example/verify/revocations.json",
        "type": "1EdTechRevocationList",
    }
    assert _errors(with_status) == []
    assert "credentialStatus" not in without_status


def test_credential_json_keeps_key_order_and_unescaped_letters():
    text = credential_json(document=FIRM)

    assert text.splitlines()[:3] == [
        "{",
        '  "@context": [',
        '    "https://www.w3.org/ns/credentials/v2",',
    ]
    assert "Sosial bærekraft – inkludering i arbeidslivet" in text
    assert list(json.loads(text)) == [
        "@context",
        "id",
        "type",
        "name",
        "description",
        "issuer",
        "validFrom",
        "validUntil",
        "credentialSubject",
        "credentialSchema",
        "refreshService",
    ]
    assert json.loads(text) == open_badge_credential(document=FIRM)


def test_norwegian_and_english_render_different_names(norwegian_catalogue):
    # The document's language decides, not the language active in the request.
    with translation.override("en"):
        norwegian = open_badge_credential(document=FIRM)
    with translation.override("nb"):
        english = open_badge_credential(document=replace(FIRM, language="en"))

    course = "Sosial bærekraft – inkludering i arbeidslivet"
    assert norwegian["name"] == f"Sertifisering: {course}"
    assert english["name"] == f"Certification: {course}"
    assert norwegian["credentialSubject"]["achievement"]["name"] == (
        f"Sertifisering: {course}"
    )
    assert english["credentialSubject"]["achievement"]["inLanguage"] == "en"
    assert _errors(norwegian) == []
    assert _errors(english) == []


def test_course_certificate_name_in_english():
    credential = open_badge_credential(document=replace(COURSE, language="en"))

    assert credential["name"] == (
        "Course certificate: Sosial bærekraft – inkludering i arbeidslivet"
    )
    assert credential["description"] == (
        "Ola Åsheim has completed the course Sosial bærekraft – inkludering i "
        "arbeidslivet (Våren 2026, Bodø)."
    )


def test_document_without_achievement_url_is_refused():
    with pytest.raises(ValueError, match=re.escape(ACHIEVEMENT_URL_MISSING_MESSAGE)):
        open_badge_credential(document=replace(FIRM, achievement_url=""))
