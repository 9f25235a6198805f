"""Open Badges 3.0 credentials: one ``OpenBadgeCredential`` per certificate.

Pure functions of a :class:`CertificateDocument`, like the PDF renderer. The
credential is unsigned (no ``proof``); it follows the 1EdTech OB 3.0 schema
for ``AchievementCredential`` on the VC Data Model 2.0, which
``tests/courses/test_open_badges.py`` validates it against.
"""

import json
from datetime import date, datetime, time

from django.utils import translation
from django.utils.translation import pgettext

from . import CertificateDocument, CertificateKind

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
OB_SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019"
# 1EdTech Revocation List Status Method: the status URL serves a JSON revocation
# list, not a web page.
REVOCATION_LIST_TYPE = "1EdTechRevocationList"
BADGE_FILE_NAME = "badge.json"

# Values from the schema's AchievementType enumeration. A firm is certified for a
# limited period; a participant's course certificate records completion.
ACHIEVEMENT_TYPES = {
    CertificateKind.FIRM: "Certification",
    CertificateKind.COURSE: "CertificateOfCompletion",
    # One OCN unit validated: a demonstrated competence, with credits.
    CertificateKind.VALIDATION: "Competency",
}

ACHIEVEMENT_URL_MISSING_MESSAGE = (
    "An Open Badge needs document.achievement_url: the achievement's id is shared "
    "by every holder of the same achievement."
)
# The credential is served fresh from beside the verify page, so fetching it
# again is how a verifier learns of a revocation or an expiry.
REFRESH_SERVICE_TYPE = "1EdTechCredentialRefresh"
UNKNOWN_KIND_MESSAGE = "Unknown certificate kind: %(kind)r."


def open_badge_credential(
    *, document: CertificateDocument, status_url: str | None = None
) -> dict:
    """The unsigned OpenBadgeCredential for ``document``, in its language.

    ``credentialStatus`` is included only with a ``status_url``, which must serve
    a 1EdTech Revocation List. The verify page is HTML, so it cannot be that URL.
    Revocation is checked instead through ``refreshService``: the credential's
    own URL beside the verify page, which always serves the current state.
    """
    if document.kind not in ACHIEVEMENT_TYPES:
        raise ValueError(UNKNOWN_KIND_MESSAGE % {"kind": document.kind})
    if not document.achievement_url:
        raise ValueError(ACHIEVEMENT_URL_MISSING_MESSAGE)
    with translation.override(document.language):
        name = _credential_name(document)
        credential = {
            "@context": [VC_CONTEXT, OB_CONTEXT],
            "id": credential_url(verify_url=document.verify_url),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": name,
            "description": _credential_description(document),
            "issuer": {
                "id": document.issuer_url,
                "type": ["Profile"],
                "name": document.issuer_name,
                "url": document.issuer_url,
            },
            "validFrom": _timestamp(document.issued_on, time.min),
        }
        if document.valid_until is not None:
            # "Valid until" a date includes that day.
            credential["validUntil"] = _timestamp(
                document.valid_until, time(23, 59, 59)
            )
        credential["credentialSubject"] = _subject(document, achievement_name=name)
        credential["credentialSchema"] = [{"id": OB_SCHEMA, "type": OB_SCHEMA_TYPE}]
        credential["refreshService"] = {
            "id": credential_url(verify_url=document.verify_url),
            "type": REFRESH_SERVICE_TYPE,
        }
        if status_url:
            credential["credentialStatus"] = {
                "id": status_url,
                "type": REVOCATION_LIST_TYPE,
            }
    return credential


def credential_json(
    *, document: CertificateDocument, status_url: str | None = None
) -> str:
    """The credential as JSON text: keys in the order written, UTF-8 kept as is."""
    credential = open_badge_credential(document=document, status_url=status_url)
    return json.dumps(credential, ensure_ascii=False, indent=2)


def credential_url(*, verify_url: str) -> str:
    """Where the credential is served: ``badge.json`` under the verify page."""
    return verify_url.rstrip("/") + "/" + BADGE_FILE_NAME


def _subject(document: CertificateDocument, *, achievement_name: str) -> dict:
    # Holders have no URI of their own, so they are named by identity objects
    # (plain text, as on the public verify page).
    identifiers = [_identity(document.holder_name, identity_type="name")]
    if document.kind == CertificateKind.FIRM and document.holder_org_number:
        identifiers.append(
            _identity(document.holder_org_number, identity_type="identifier")
        )
    subject: dict = {"type": ["AchievementSubject"], "identifier": identifiers}
    if document.session_dates:
        subject["activityStartDate"] = _timestamp(min(document.session_dates), time.min)
        subject["activityEndDate"] = _timestamp(
            max(document.session_dates), time(23, 59, 59)
        )
    if document.kind == CertificateKind.VALIDATION:
        subject["creditsEarned"] = float(document.credits)
    subject["achievement"] = _achievement(document, name=achievement_name)
    return subject


def _identity(value: str, *, identity_type: str) -> dict:
    return {
        "type": "IdentityObject",
        "identityHash": value,
        "identityType": identity_type,
        "hashed": False,
    }


def _achievement(document: CertificateDocument, *, name: str) -> dict:
    criteria = (
        {"narrative": document.criteria}
        if document.criteria
        else {"id": document.achievement_url}
    )
    achievement = {
        "id": document.achievement_url,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES[document.kind],
        "name": name,
        "description": _achievement_description(document),
        "criteria": criteria,
        "inLanguage": document.language,
    }
    if document.kind == CertificateKind.VALIDATION:
        achievement["humanCode"] = document.unit_code
        achievement["version"] = str(document.unit_version)
        achievement["creditsAvailable"] = float(document.credits)
    return achievement


def _credential_name(document: CertificateDocument) -> str:
    if document.kind == CertificateKind.VALIDATION:
        text = pgettext("open badge", "Validation certificate: %(course)s")
        return text % {"course": f"{document.unit_code} {document.course_title}"}
    if document.kind == CertificateKind.FIRM:
        text = pgettext("open badge", "Certification: %(course)s")
    else:
        text = pgettext("open badge", "Course certificate: %(course)s")
    return text % {"course": document.course_title}


def _credential_description(document: CertificateDocument) -> str:
    if document.kind == CertificateKind.VALIDATION:
        text = pgettext(
            "open badge",
            "%(holder)s has shown, on evidence, every assessment criterion of the "
            "unit %(unit)s (%(level)s, EQF level %(eqf)s, %(credits)s credits).",
        )
        return text % {
            "holder": document.holder_name,
            "unit": f"{document.unit_code} {document.course_title}",
            "level": document.level_label,
            "eqf": document.eqf_level,
            "credits": document.credits,
        }
    if document.kind == CertificateKind.FIRM:
        text = pgettext(
            "open badge",
            "%(holder)s is certified after completing the course %(course)s (%(run)s).",
        )
    else:
        text = pgettext(
            "open badge", "%(holder)s has completed the course %(course)s (%(run)s)."
        )
    run = ", ".join(
        part for part in (document.run_title, document.municipality) if part
    )
    holder = document.holder_name
    if document.holder_name_now:
        # The subject stays the name as issued; the new one is only mentioned.
        holder = pgettext("open badge", "%(holder)s (now: %(now)s)") % {
            "holder": holder,
            "now": document.holder_name_now,
        }
    return text % {"holder": holder, "course": document.course_title, "run": run}


def _achievement_description(document: CertificateDocument) -> str:
    if document.kind == CertificateKind.VALIDATION:
        text = pgettext(
            "open badge",
            "Awarded to people whose evidence an assessor judged against every "
            "assessment criterion of the unit %(unit)s and found all of them met.",
        )
        return text % {"unit": f"{document.unit_code} {document.course_title}"}
    if document.kind == CertificateKind.FIRM:
        text = pgettext(
            "open badge",
            "Awarded to firms that have completed the course %(course)s and met "
            "the requirements for certification.",
        )
    else:
        text = pgettext(
            "open badge",
            "Awarded to participants who have completed the course %(course)s.",
        )
    return text % {"course": document.course_title}


def _timestamp(day: date, at: time) -> str:
    """An XML Schema dateTime in UTC, e.g. ``2026-03-14T00:00:00Z``."""
    return datetime.combine(day, at).isoformat() + "Z"
