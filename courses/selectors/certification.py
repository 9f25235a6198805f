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
from .runs import (
    PRESENT,
    FirmRow,
    ParticipantQuizzes,
    QuizCell,
    QuizResult,
    RunOverview,
    person_name,
    quiz_results,
    run_overview,
)


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
    # QUIZ: the names of the firm's participants who passed it, by name.
    passed_by: tuple[str, ...] = ()
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


def _quiz_rules(*, row: FirmRow, texts: dict[str, str]) -> list[RuleCheck]:
    """One rule per required quiz of the row, in its order, with who passed it."""
    rules = []
    for index, cell in enumerate(row.quizzes):
        text = texts["quiz_passed" if cell.passed else "quiz_missing"]
        rules.append(
            RuleCheck(
                holds=cell.passed,
                text=text % {"quiz": cell.quiz},
                code=RuleCode.QUIZ,
                quiz=cell.quiz,
                total=cell.total,
                passed_by=tuple(
                    person.name for person in row.people if person.results[index].passed
                ),
            )
        )
    return rules


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
    rules.extend(_quiz_rules(row=row, texts=texts))
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
    """The rules for one enrolment, as the run overview shows them and the
    leader's certification page checks them (each required quiz with who in the
    firm passed it); for a firm not accepted, only the failing "accepted" rule.
    The firm's "what is still missing", "my course" and the home page list these
    same rules. Pass the run's `overview` when the caller has it already."""
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


@dataclass(frozen=True)
class RequiredQuiz:
    """A required quiz as one participant sees it: the firm's rule (who passed
    it) and the person's own standing."""

    rule: RuleCheck
    mine: QuizResult

    @property
    def quiz(self) -> Quiz:
        return self.rule.quiz


def enrolment_required_quizzes(*, enrolment: Enrolment, user) -> list[RequiredQuiz]:
    """The quiz rules of `enrolment_certification_check` (same quizzes, order,
    texts and who passed), without the rest of the run overview, and the
    person's own result in each: three queries (one without required quizzes).
    `enrolment` needs `run.course_id`."""
    quizzes = list(
        Quiz.objects.filter(courses__id=enrolment.run.course_id).only(
            "id", "title", "grading", "key", "attempts_allowed"
        )
    )
    if not quizzes or enrolment.status != EnrolmentStatus.ACCEPTED:
        return []
    through = Enrolment.participants.through.objects.filter(enrolment_id=enrolment.pk)
    row = FirmRow(enrolment=enrolment, participants=[])
    names = {}
    for user_id, first_name, last_name, email in through.order_by(
        "user__first_name", "user__last_name", "user_id"
    ).values_list("user_id", "user__first_name", "user__last_name", "user__email"):
        row.participants.append(user_id)
        names[user_id] = person_name(first_name, last_name, email)
    results = quiz_results(quizzes=quizzes, participants=through.values("user_id"))
    for user_id in row.participants:
        row.people.append(
            ParticipantQuizzes(
                user_id=user_id,
                name=names[user_id],
                results=[results.get((user_id, q.pk)) or QuizResult() for q in quizzes],
            )
        )
    for index, quiz in enumerate(quizzes):
        passed = sum(1 for person in row.people if person.results[index].passed)
        row.quizzes.append(QuizCell(quiz, passed, len(row.participants)))
    texts = _rule_texts(translation.get_language() or settings.LANGUAGE_CODE)
    return [
        RequiredQuiz(
            rule=rule, mine=results.get((user.pk, rule.quiz.pk)) or QuizResult()
        )
        for rule in _quiz_rules(row=row, texts=texts)
    ]


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
