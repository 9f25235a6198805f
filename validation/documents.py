"""What a validation certificate and a transcript say, built from the models.

A validation certificate is one more kind of the platform's certificates: its
document is a `courses.documents.CertificateDocument` of kind VALIDATION, so the
verify page, the Open Badge and the signed credential treat it as they treat
the others. The transcript is the candidate's own summary of every unit, its
document a `TranscriptDocument`. The renderers (`validation.pdf`,
`courses.documents.badges`) are pure functions of these.

Credit is given only for a certified case whose certificate is not revoked; a
unit in progress is never credit, whatever share of its criteria is met.
"""

from dataclasses import dataclass, field
from datetime import date
from uuid import NAMESPACE_URL, uuid5

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.codes import format_code
from courses.documents import CertificateDocument, CertificateKind
from courses.selectors.certificates import verify_path
from lms.links import absolute_url

from .models import Case, CaseStatus, Level, Pathway, Unit, ValidationCertificate

NAME_REMOVED = "(name removed at the holder's request)"


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email


def level_label(unit: Unit) -> str:
    """ "Level 2", in the active language."""
    return str(Level(unit.level).label)


def level_text(item) -> str:
    """ "Level 2 (EQF level 3)", for anything with level_label and eqf_level."""
    return _("%(level)s (EQF level %(eqf)s)") % {
        "level": item.level_label,
        "eqf": item.eqf_level,
    }


def credits_text(credits: int) -> str:
    """ "3 credits", in the active language."""
    return ngettext("%(count)s credit", "%(count)s credits", credits) % {
        "count": credits
    }


def unit_achievement_id(unit: Unit) -> str:
    """The Open Badge achievement's id, shared by everyone certified on this
    unit version: a name-based UUID (there is no public page per unit)."""
    name = absolute_url(f"/validering/enheter/{unit.code}/v{unit.version}/")
    return f"urn:uuid:{uuid5(NAMESPACE_URL, name)}"


def _badge_criteria(unit: Unit, outcomes: tuple[str, ...]) -> str:
    listed = " ".join(
        f"{number}. {text}" for number, text in enumerate(outcomes, start=1)
    )
    return _(
        "The candidate's evidence was judged against every assessment criterion "
        "of the unit %(code)s, and every criterion was met. Learning outcomes: "
        "%(outcomes)s"
    ) % {"code": unit.code, "outcomes": listed}


def certificate_queryset():
    return ValidationCertificate.objects.select_related(
        "case__unit", "case__assessor", "case__verifier", "case__candidate", "issued_by"
    )


def validation_certificate_document(
    *, certificate: ValidationCertificate, language: str = "nb"
) -> CertificateDocument:
    """What one validation certificate says (PDF and Open Badge), in `language`."""
    case = certificate.case
    unit = case.unit
    outcomes = tuple(unit.outcomes.order_by("number").values_list("text", flat=True))
    with translation.override(language):
        return CertificateDocument(
            kind=CertificateKind.VALIDATION,
            code=certificate.formatted_code,
            verify_url=absolute_url(verify_path(certificate.code)),
            holder_name=certificate.holder_name or _(NAME_REMOVED),
            course_title=unit.title,
            run_title="",
            municipality="",
            issued_on=certificate.issued_on,
            issuer_name=settings.WAGTAIL_SITE_NAME,
            issuer_url=absolute_url("/"),
            signed_by=_person(certificate.issued_by),
            criteria=_badge_criteria(unit, outcomes),
            achievement_url=unit_achievement_id(unit),
            language=language,
            unit_code=unit.code,
            unit_version=unit.version,
            level_label=level_label(unit),
            eqf_level=unit.eqf_level,
            credits=unit.credits,
            notional_hours=unit.notional_hours,
            outcomes=outcomes,
            assessor_name=_person(case.assessor),
            internally_verified=bool(case.iv_selected),
            verifier_name=_person(case.verifier) if case.iv_selected else "",
        )


def certificate_of_case(*, case: Case) -> ValidationCertificate | None:
    """The certificate of a certified case, or None."""
    if case.status != CaseStatus.CERTIFIED:
        return None
    return certificate_queryset().filter(case=case).first()


# The transcript ---------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TranscriptUnit:
    code: str
    title: str
    version: int
    level_label: str
    eqf_level: int
    credits: int
    issued_on: date
    certificate_code: str  # formatted, as printed


@dataclass(frozen=True, kw_only=True)
class UnitInProgress:
    code: str
    title: str
    credits: int
    status_label: str


@dataclass(frozen=True, kw_only=True)
class PathwayProgress:
    name: str
    credits_achieved: int
    credits_required: int

    @property
    def achieved(self) -> bool:
        return self.credits_achieved >= self.credits_required


@dataclass(frozen=True, kw_only=True)
class TranscriptDocument:
    holder_name: str
    produced_on: date
    units: tuple[TranscriptUnit, ...] = field(default_factory=tuple)
    pathways: tuple[PathwayProgress, ...] = field(default_factory=tuple)
    in_progress: tuple[UnitInProgress, ...] = field(default_factory=tuple)
    issuer_name: str
    verify_url: str  # absolute URL of the verify form
    language: str = "nb"

    @property
    def total_credits(self) -> int:
        return sum(unit.credits for unit in self.units)


def credited_cases(*, candidate) -> list[Case]:
    """The candidate's certified cases whose certificates stand, one per unit
    code (the latest certificate if two versions of a unit were certified)."""
    cases = (
        Case.objects.filter(
            candidate=candidate,
            status=CaseStatus.CERTIFIED,
            certificate__isnull=False,
            certificate__revoked_at__isnull=True,
        )
        .select_related("unit", "certificate")
        .order_by("unit__code", "certificate__issued_on", "pk")
    )
    by_code: dict[str, Case] = {}
    for case in cases:
        by_code[case.unit.code] = case
    return list(by_code.values())


def _status_label(case: Case) -> str:
    if case.status == CaseStatus.CERTIFIED:
        # Certified, but its certificate was revoked: no credit.
        return _("Certificate revoked")
    return str(CaseStatus(case.status).label)


def transcript_document(*, candidate, language: str = "nb") -> TranscriptDocument:
    """Every unit the candidate has achieved, with the credits, the pathways'
    progress and the units still in progress (never counted as credit)."""
    credited = credited_cases(candidate=candidate)
    credited_codes = {case.unit.code for case in credited}
    open_cases = (
        Case.objects.filter(candidate=candidate)
        .exclude(
            Q(status=CaseStatus.CERTIFIED)
            & Q(certificate__isnull=False)
            & Q(certificate__revoked_at__isnull=True)
        )
        .exclude(unit__code__in=credited_codes)
        .select_related("unit")
        .order_by("unit__code", "pk")
    )
    open_cases = list(open_cases)
    codes = credited_codes | {case.unit.code for case in open_cases}
    credits_by_code = {case.unit.code: case.unit.credits for case in credited}
    pathway_codes: dict[int, set[str]] = {}
    for pathway_id, code in Pathway.units.through.objects.filter(
        pathway__units__code__in=codes
    ).values_list("pathway_id", "unit__code"):
        pathway_codes.setdefault(pathway_id, set()).add(code)
    pathways = Pathway.objects.filter(pk__in=pathway_codes).order_by("name")
    with translation.override(language):
        return TranscriptDocument(
            holder_name=_person(candidate) or _(NAME_REMOVED),
            produced_on=timezone.localdate(),
            units=tuple(
                TranscriptUnit(
                    code=case.unit.code,
                    title=case.unit.title,
                    version=case.unit.version,
                    level_label=level_label(case.unit),
                    eqf_level=case.unit.eqf_level,
                    credits=case.unit.credits,
                    issued_on=case.certificate.issued_on,
                    certificate_code=format_code(case.certificate.code),
                )
                for case in credited
            ),
            pathways=tuple(
                PathwayProgress(
                    name=pathway.name,
                    credits_achieved=sum(
                        credits_by_code.get(code, 0)
                        for code in pathway_codes[pathway.pk]
                    ),
                    credits_required=pathway.credits_required,
                )
                for pathway in pathways
            ),
            in_progress=tuple(
                UnitInProgress(
                    code=case.unit.code,
                    title=case.unit.title,
                    credits=case.unit.credits,
                    status_label=_status_label(case),
                )
                for case in open_cases
            ),
            issuer_name=settings.WAGTAIL_SITE_NAME,
            verify_url=absolute_url(reverse("verify:form")),
            language=language,
        )
