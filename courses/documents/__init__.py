"""Certificate documents: what a PDF or an Open Badge says, as plain data.

Selectors build a :class:`CertificateDocument` from the models; the renderers in
this package (``pdf.py``, ``badges.py``) are pure functions of it, so they can be
tested and benchmarked without a database.
"""

from dataclasses import dataclass, field
from datetime import date


class CertificateKind:
    FIRM = "firm"  # a firm's certification (sertifisering)
    COURSE = "course"  # a participant's course certificate (kursbevis)
    VALIDATION = "validation"  # one validated unit (kompetansebevis)


@dataclass(frozen=True, kw_only=True)
class CertificateDocument:
    kind: str  # a CertificateKind value
    code: str  # verification code as printed, e.g. "K7M2-QX9P-4RTW"
    verify_url: str  # absolute URL of /verify/<code>/
    holder_name: str  # the name it was issued to: the firm's, or the person's
    # A firm's name now, when it has been renamed since; empty otherwise.
    holder_name_now: str = ""
    holder_org_number: str = ""  # firms only: nine digits, unformatted
    course_title: str
    run_title: str
    municipality: str
    session_dates: tuple[date, ...] = field(default_factory=tuple)
    issued_on: date
    valid_until: date | None = None  # course certificates do not expire
    issuer_name: str
    issuer_url: str  # absolute URL of the issuing site
    signed_by: str = ""  # the course leader who issued it
    criteria: str = ""  # what was required, in plain words (for the badge)
    achievement_url: str = ""  # absolute URL describing the achievement
    language: str = "nb"  # "nb" or "en"
    # Validation certificates only (course_title is then the unit's title; the
    # labels are in the document's language, built by validation.documents).
    unit_code: str = ""  # e.g. "AM-01"
    unit_version: int = 0
    level_label: str = ""  # e.g. "Level 2"
    eqf_level: int = 0  # the European Qualifications Framework level
    credits: int = 0
    notional_hours: int = 0
    outcomes: tuple[str, ...] = field(default_factory=tuple)  # numbered 1, 2, …
    assessor_name: str = ""
    # False when internal verification did not sample the case (then no name).
    internally_verified: bool = False
    verifier_name: str = ""
