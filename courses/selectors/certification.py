"""Reads for certification: which rules hold, and who holds which certificate.

`certification_rules` is the one place the course's certification rules are
evaluated, per enrolment; the run overview, the firm's pages (what is still
missing, the certify page) and `certification_create` all use it, through
`enrolment_certification_check` where there is one enrolment.
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import (
    Attendance,
    Certification,
    CourseCertificate,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    PlanStatus,
    Quiz,
)
from .runs import PRESENT, FirmRow, RunOverview, run_overview


class RuleCode(StrEnum):
    """Which rule a `RuleCheck` is about."""

    ACCEPTED = "accepted"  # the enrolment is accepted (no other rule without it)
    SESSIONS = "sessions"  # represented at the sessions required
    QUIZ = "quiz"  # one representative passed a required quiz
    PLAN = "plan"  # the inclusion plan is approved


@dataclass(frozen=True)
class RuleCheck:
    """One rule for one firm: whether it holds, a sentence saying so, and the
    figures behind it for pages that word or lay it out themselves."""

    holds: bool
    text: str
    code: str = ""  # a RuleCode
    # SESSIONS: sessions with someone from the firm present, required, in all.
    present: int | None = None
    required: int | None = None
    total: int | None = None
    quiz: Quiz | None = None  # QUIZ: the required quiz
    plan_status: str | None = None  # PLAN: a PlanStatus, or None when not begun


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
        "not_accepted": _("The firm's enrolment in this run has not been accepted."),
        **{f"status:{status}": str(status.label).lower() for status in PlanStatus},
    }


def certification_rules(*, run: CourseRun, row: FirmRow) -> CertificationCheck:
    """The course's rules for one accepted firm's row of the run overview: each
    rule with whether it holds, a sentence and its figures."""
    texts = _rule_texts(translation.get_language() or settings.LANGUAGE_CODE)
    course = run.course
    total = len(row.sessions)
    required = sessions_required(run=run, session_count=total)
    represented = sum(1 for cell in row.sessions if cell.represented)
    rules = [
        RuleCheck(
            holds=represented >= required,
            text=texts["sessions"]
            % {"present": represented, "total": total, "required": required},
            code=RuleCode.SESSIONS,
            present=represented,
            required=required,
            total=total,
        )
    ]
    for cell in row.quizzes:
        text = texts["quiz_passed" if cell.passed else "quiz_missing"]
        rules.append(
            RuleCheck(
                holds=cell.passed,
                text=text % {"quiz": cell.quiz},
                code=RuleCode.QUIZ,
                quiz=cell.quiz,
            )
        )
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
        rules.append(
            RuleCheck(
                holds=approved,
                text=text,
                code=RuleCode.PLAN,
                plan_status=row.plan_status,
            )
        )
    return CertificationCheck(rules=tuple(rules))


def enrolment_certification_check(
    *, enrolment: Enrolment, overview: RunOverview | None = None
) -> CertificationCheck:
    """The rules for one enrolment, as the run overview shows them; for a firm
    not accepted, only the failing "accepted" rule. Pass the run's `overview`
    when the caller has it already."""
    if enrolment.status == EnrolmentStatus.ACCEPTED:
        if overview is None:
            overview = run_overview(run=enrolment.run)
        for row in overview.rows:
            if row.enrolment.pk == enrolment.pk:
                return row.check
    texts = _rule_texts(translation.get_language() or settings.LANGUAGE_CODE)
    return CertificationCheck(
        rules=(
            RuleCheck(holds=False, text=texts["not_accepted"], code=RuleCode.ACCEPTED),
        )
    )


def certification_detail(*, pk: int) -> Certification | None:
    return (
        Certification.objects.select_related(
            "enrolment__firm", "enrolment__run__course", "issued_by", "revoked_by"
        )
        .prefetch_related("events__by", "follow_ups__filed_by")
        .filter(pk=pk)
        .first()
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
