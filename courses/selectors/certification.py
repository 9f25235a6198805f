"""Reads for certification: which rules hold, certificates, and what they say.

`certification_rules` is the one place the course's certification rules are
evaluated; the run overview, the certify page and `certification_create` all
use it.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.verification import Verified

from ..codes import format_code
from ..documents import CertificateDocument, CertificateKind
from ..models import (
    Attendance,
    Certification,
    CourseCertificate,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    PlanStatus,
)
from .runs import PRESENT, FirmRow, run_overview


@dataclass(frozen=True)
class RuleCheck:
    holds: bool
    text: str


@dataclass(frozen=True)
class CertificationCheck:
    rules: tuple[RuleCheck, ...]

    @property
    def holds(self) -> bool:
        return all(rule.holds for rule in self.rules)

    @property
    def failing(self) -> list[RuleCheck]:
        return [rule for rule in self.rules if not rule.holds]


def sessions_required(*, run: CourseRun, session_count: int) -> int:
    """How many sessions a firm (or a person, for the kursbevis) must attend."""
    required = run.course.sessions_required
    if required is None:
        return session_count
    return min(required, session_count)


@lru_cache(maxsize=8)
def _rule_texts(language: str) -> dict[str, str]:
    """The rules' sentences in one language, translated once per process: the
    overview evaluates them for every firm."""
    return {
        "sessions": _(
            "The firm was represented at %(present)d of %(total)d sessions "
            "(%(required)d required)."
        ),
        "quiz_passed": _("The quiz “%(quiz)s” was passed by a representative."),
        "quiz_missing": _("Nobody from the firm has passed the quiz “%(quiz)s” yet."),
        "plan_approved": _("The inclusion plan is approved."),
        "plan_pending": _("The inclusion plan is not approved yet (now: %(status)s)."),
        "plan_missing": _("The firm has not written an inclusion plan yet."),
        **{f"status:{status}": str(status.label).lower() for status in PlanStatus},
    }


def certification_rules(*, run: CourseRun, row: FirmRow) -> CertificationCheck:
    """The course's rules for one firm's row of the run overview, in plain words."""
    texts = _rule_texts(translation.get_language() or settings.LANGUAGE_CODE)
    course = run.course
    required = sessions_required(run=run, session_count=len(row.sessions))
    represented = sum(1 for cell in row.sessions if cell.represented)
    rules = [
        RuleCheck(
            holds=represented >= required,
            text=texts["sessions"]
            % {
                "present": represented,
                "total": len(row.sessions),
                "required": required,
            },
        )
    ]
    for cell in row.quizzes:
        text = texts["quiz_passed" if cell.passed else "quiz_missing"]
        rules.append(RuleCheck(holds=cell.passed, text=text % {"quiz": cell.quiz}))
    if course.plan_approval_required:
        approved = row.plan_status == PlanStatus.APPROVED
        if approved:
            text = texts["plan_approved"]
        elif row.plan_status:
            text = texts["plan_pending"] % {
                "status": texts[f"status:{row.plan_status}"]
            }
        else:
            text = texts["plan_missing"]
        rules.append(RuleCheck(holds=approved, text=text))
    return CertificationCheck(rules=tuple(rules))


def enrolment_certification_check(*, enrolment: Enrolment) -> CertificationCheck:
    """The rules for one accepted firm; none hold for a firm not accepted."""
    overview = run_overview(run=enrolment.run)
    row = next((r for r in overview.rows if r.enrolment.pk == enrolment.pk), None)
    if row is None:
        return CertificationCheck(
            rules=(
                RuleCheck(
                    holds=False,
                    text=_("The firm's enrolment in this run has not been accepted."),
                ),
            )
        )
    return certification_rules(run=enrolment.run, row=row)


def run_certifications(*, run: CourseRun) -> dict[int, Certification]:
    """{enrolment id: certification} for the run; one query."""
    return {
        certification.enrolment_id: certification
        for certification in Certification.objects.filter(enrolment__run=run)
    }


def certification_detail(*, pk: int) -> Certification | None:
    return (
        Certification.objects.select_related(
            "enrolment__firm", "enrolment__run__course", "issued_by", "revoked_by"
        )
        .prefetch_related("events__by", "follow_ups__filed_by")
        .filter(pk=pk)
        .first()
    )


def certifications_for_firms(*, firm_ids) -> QuerySet[Certification]:
    return (
        Certification.objects.filter(enrolment__firm_id__in=firm_ids)
        .select_related("enrolment__firm", "enrolment__run__course")
        .order_by("-issued_on", "-pk")
    )


def course_certificate_eligible_ids(*, run: CourseRun) -> list[int]:
    """The participants of accepted firms who attended the sessions required."""
    session_count = run.sessions.count()
    required = sessions_required(run=run, session_count=session_count)
    if required == 0:
        return []
    attended: dict[int, int] = {}
    # Distinct: the join repeats a session for someone in two firms of the run.
    for user_id, _session_id in (
        Attendance.objects.filter(
            session__run=run,
            status__in=PRESENT,
            user__enrolments__run=run,
            user__enrolments__status=EnrolmentStatus.ACCEPTED,
        )
        .values_list("user_id", "session_id")
        .distinct()
    ):
        attended[user_id] = attended.get(user_id, 0) + 1
    return sorted(user_id for user_id, count in attended.items() if count >= required)


def run_course_certificates(*, run: CourseRun) -> list[CourseCertificate]:
    return list(
        CourseCertificate.objects.filter(run=run)
        .select_related("run__course", "issued_by")
        .order_by("holder_name", "pk")
    )


def course_certificates_for_user(*, user) -> list[CourseCertificate]:
    return list(
        CourseCertificate.objects.filter(user=user)
        .select_related("run__course")
        .order_by("-issued_on")
    )


# --- What a certificate says: documents and public verification -----------------


def absolute_url(path: str) -> str:
    """An absolute URL on the site (documents are read far from any request)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verify_path(code: str) -> str:
    return reverse("verify:detail", kwargs={"code": format_code(code)})


def _session_dates(run: CourseRun) -> tuple[date, ...]:
    return tuple(
        timezone.localtime(starts_at).date()
        for starts_at in run.sessions.order_by("starts_at").values_list(
            "starts_at", flat=True
        )
    )


def _criteria(run: CourseRun, kind: str) -> str:
    course = run.course
    if kind == CertificateKind.COURSE:
        return _(
            "Took part in the course “%(course)s” and attended the sessions the "
            "course requires."
        ) % {"course": course.title}
    parts = [
        _("The firm took part in the course “%(course)s”.") % {"course": course.title},
        _("A representative of the firm was present at the sessions required."),
    ]
    quizzes = list(course.required_quizzes.values_list("title", flat=True))
    if quizzes:
        parts.append(
            _("A representative passed the quizzes: %(quizzes)s.")
            % {"quizzes": ", ".join(quizzes)}
        )
    if course.plan_approval_required:
        parts.append(
            _("The course leader approved the firm's plan for work inclusion.")
        )
    return " ".join(parts)


def _document(
    *, certificate, kind: str, run: CourseRun, holder: str, org: str, language: str
) -> CertificateDocument:
    with translation.override(language):
        return CertificateDocument(
            kind=kind,
            code=certificate.formatted_code,
            verify_url=absolute_url(verify_path(certificate.code)),
            holder_name=holder,
            holder_org_number=org,
            course_title=run.course.title,
            run_title=run.title,
            municipality=run.municipality,
            session_dates=_session_dates(run),
            issued_on=certificate.issued_on,
            valid_until=certificate.valid_until_date,
            issuer_name=settings.WAGTAIL_SITE_NAME,
            issuer_url=absolute_url("/"),
            signed_by=str(certificate.issued_by or ""),
            criteria=_criteria(run, kind),
            achievement_url=absolute_url(
                reverse("courses:course_about", kwargs={"slug": run.course.slug})
            ),
            language=language,
        )


def certification_document(
    *, certification: Certification, language: str = "nb"
) -> CertificateDocument:
    """What the firm's certificate says (PDF and Open Badge)."""
    enrolment = certification.enrolment
    return _document(
        certificate=certification,
        kind=CertificateKind.FIRM,
        run=enrolment.run,
        holder=enrolment.firm.name,
        org=enrolment.firm.org_number,
        language=language,
    )


def course_certificate_document(
    *, certificate: CourseCertificate, language: str = "nb"
) -> CertificateDocument:
    """What a participant's kursbevis says (PDF and Open Badge)."""
    return _document(
        certificate=certificate,
        kind=CertificateKind.COURSE,
        run=certificate.run,
        holder=certificate.holder_name or _("(name removed at the holder's request)"),
        org="",
        language=language,
    )


def _run_details(run: CourseRun) -> tuple:
    dates = _session_dates(run)
    details = [
        (gettext_lazy("Course run"), run.title),
        (gettext_lazy("Municipality"), run.municipality),
    ]
    if dates:
        details.append(
            (
                gettext_lazy("Sessions"),
                ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in dates),
            )
        )
    return tuple(details)


def _revoked_on(certificate) -> date | None:
    if certificate.revoked_at is None:
        return None
    return timezone.localtime(certificate.revoked_at).date()


def _credential(certificate) -> dict:
    from ..documents.badges import open_badge_credential

    document = certificate_document(
        certificate=certificate, language=translation.get_language() or "nb"
    )
    return open_badge_credential(document=document)


def verified_certification(code: str) -> Verified | None:
    """The public facts about a firm certification with this code."""
    certification = (
        Certification.objects.select_related(
            "enrolment__firm", "enrolment__run__course"
        )
        .filter(code=code)
        .first()
    )
    if certification is None:
        return None
    firm = certification.enrolment.firm
    run = certification.enrolment.run
    return Verified(
        code=certification.formatted_code,
        kind=gettext_lazy("Certified firm"),
        status=certification.status,
        holder=firm.name,
        what=run.course.title,
        details=(
            (gettext_lazy("Organisation number"), firm.org_number),
            *_run_details(run),
        ),
        issued_on=certification.issued_on,
        valid_until=certification.valid_until,
        revoked_on=_revoked_on(certification),
        issuer=settings.WAGTAIL_SITE_NAME,
        badge_url=reverse(
            "verify:badge", kwargs={"code": certification.formatted_code}
        ),
        credential=lambda: _credential(certification),
    )


def verified_course_certificate(code: str) -> Verified | None:
    """The public facts about a kursbevis with this code."""
    certificate = (
        CourseCertificate.objects.select_related("run__course")
        .filter(code=code)
        .first()
    )
    if certificate is None:
        return None
    return Verified(
        code=certificate.formatted_code,
        kind=gettext_lazy("Course certificate"),
        status=certificate.status,
        holder=certificate.holder_name or _("(name removed at the holder's request)"),
        what=certificate.run.course.title,
        details=_run_details(certificate.run),
        issued_on=certificate.issued_on,
        revoked_on=_revoked_on(certificate),
        issuer=settings.WAGTAIL_SITE_NAME,
        badge_url=reverse("verify:badge", kwargs={"code": certificate.formatted_code}),
        credential=lambda: _credential(certificate),
    )


def certificate_by_code(code: str) -> Certification | CourseCertificate | None:
    """The firm certification or course certificate with this normalised code."""
    return (
        Certification.objects.select_related(
            "enrolment__firm", "enrolment__run__course", "issued_by"
        )
        .filter(code=code)
        .first()
        or CourseCertificate.objects.select_related("run__course", "issued_by")
        .filter(code=code)
        .first()
    )


def certificate_document(*, certificate, language: str = "nb") -> CertificateDocument:
    if isinstance(certificate, Certification):
        return certification_document(certification=certificate, language=language)
    return course_certificate_document(certificate=certificate, language=language)
