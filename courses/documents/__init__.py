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


@dataclass(frozen=True, kw_only=True)
class CertificateDocument:
    kind: str  # CertificateKind.FIRM or CertificateKind.COURSE
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
