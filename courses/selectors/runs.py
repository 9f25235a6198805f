"""Reads for course leaders: their runs and the run overview (firms × criteria)."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..models import (
    Attempt,
    Attendance,
    AttendanceStatus,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    Grading,
    LessonProgress,
    PlanStatus,
    Quiz,
    RunStatus,
    Session,
)

PRESENT = {AttendanceStatus.PRESENT, AttendanceStatus.LATE}


def runs_for_leader(*, user) -> QuerySet[CourseRun]:
    """Runs the person leads, with counts of accepted firms and applications."""
    return (
        CourseRun.objects.filter(leaders=user)
        .select_related("course")
        .annotate(
            accepted_count=Count(
                "enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACCEPTED)
            ),
            applied_count=Count(
                "enrolments", filter=Q(enrolments__status=EnrolmentStatus.APPLIED)
            ),
        )
        .order_by("-enrolment_deadline")
    )


def upcoming_runs(*, limit: int = 5) -> list[CourseRun]:
    """Runs open for enrolment whose deadline has not passed, soonest first."""
    return list(
        CourseRun.objects.filter(
            status=RunStatus.OPEN, enrolment_deadline__gte=timezone.localdate()
        ).order_by("enrolment_deadline")[:limit]
    )


@dataclass(frozen=True)
class SessionColumn:
    """What the overview shows of a session: a column of the firms' table."""

    pk: int
    position: int
    title: str
    starts_at: datetime
    place: str


@dataclass
class SessionCell:
    session: SessionColumn
    present: int
    total: int

    @property
    def represented(self) -> bool:
        return self.present > 0

    @property
    def label(self) -> str:
        # Plain strings: the overview renders hundreds of cells, and the
        # template engine localises numbers and evaluates tags slowly.
        return f"{self.present}/{self.total}"

    @property
    def mark(self) -> str:
        return "✓" if self.present else "–"


@dataclass
class QuizResult:
    """One person's standing in one quiz: the attempt that counts by the quiz's
    grading (best score, or the last submitted), and how many were submitted."""

    attempts: int = 0
    score: Decimal | None = None
    passed: bool = False


@dataclass
class QuizCell:
    """One required quiz for one firm: how many of its participants passed."""

    quiz: Quiz
    passed_count: int
    total: int

    @property
    def passed(self) -> bool:
        # One representative passing is enough for the firm's certification.
        return self.passed_count > 0

    @property
    def label(self) -> str:
        return f"{self.passed_count}/{self.total}"

    @property
    def mark(self) -> str:
        return "✓" if self.passed_count else "–"


@dataclass
class ParticipantQuizzes:
    """One participant's results, one per required quiz in `RunOverview.quizzes`."""

    user_id: int
    name: str
    results: list[QuizResult]


@dataclass
class FirmRow:
    enrolment: Enrolment
    participants: list[int]  # user ids
    sessions: list[SessionCell] = field(default_factory=list)
    preparation_done: int = 0
    preparation_total: int = 0
    plan_status: str | None = None
    # One per required quiz, in the order of `RunOverview.quizzes`.
    quizzes: list[QuizCell] = field(default_factory=list)
    people: list[ParticipantQuizzes] = field(default_factory=list)
    # The course's certification rules for this firm, and its certification.
    check: Any = None  # selectors.certification.CertificationCheck
    certification: Any = None  # models.Certification or None

    @property
    def firm(self):
        return self.enrolment.firm

    @property
    def preparation_percent(self) -> int:
        if not self.preparation_total:
            return 0
        return round(100 * self.preparation_done / self.preparation_total)

    @property
    def plan_status_label(self) -> str:
        return PlanStatus(self.plan_status).label if self.plan_status else ""


@dataclass
class RunOverview:
    run: CourseRun
    sessions: list[SessionColumn]
    rows: list[FirmRow]
    applications: list[Enrolment]
    quizzes: list[Quiz] = field(default_factory=list)


def _counted_result(attempts: list[tuple], grading: str) -> QuizResult:
    """`attempts`: (score, passed) of submitted attempts, oldest first."""
    if grading == Grading.LAST:
        score, passed = attempts[-1]
    else:
        # The highest score (`max` keeps the earliest of equal scores).
        score, passed = max(attempts, key=lambda attempt: attempt[0] or 0)
    return QuizResult(attempts=len(attempts), score=score, passed=bool(passed))


def quiz_results(
    *, quizzes: list[Quiz], participants
) -> dict[tuple[int, int], QuizResult]:
    """{(user id, quiz id): result} for submitted attempts; one query.

    `participants`: a queryset of user ids, used as a subquery.
    """
    if not quizzes:
        return {}
    grading = {quiz.pk: quiz.grading for quiz in quizzes}
    submitted: dict[tuple[int, int], list[tuple]] = {}
    for user_id, quiz_id, score, passed in (
        Attempt.objects.filter(
            quiz_id__in=list(grading),
            user_id__in=participants,
            submitted_at__isnull=False,
        )
        # Numbers follow submission: a person has at most one open attempt,
        # and it is submitted before the next one starts.
        .order_by("user_id", "quiz_id", "number")
        .values_list("user_id", "quiz_id", "score", "passed")
    ):
        submitted.setdefault((user_id, quiz_id), []).append((score, passed))
    return {
        key: _counted_result(attempts, grading[key[1]])
        for key, attempts in submitted.items()
    }


# What the overview needs of a certification: its status and its code.
CERTIFICATION_FIELDS = (
    "id",
    "enrolment_id",
    "code",
    "issued_on",
    "valid_until",
    "revoked_at",
)


def _one_to_one(instance, name: str, attribute: str | None = None):
    """A reverse one-to-one loaded with select_related, or None if there is none."""
    try:
        related = getattr(instance, name)
    except ObjectDoesNotExist:
        return None
    return getattr(related, attribute) if attribute else related


def run_participant_ids(*, run: CourseRun) -> QuerySet:
    """The user ids of the people taking part for accepted firms (a subquery)."""
    return Enrolment.participants.through.objects.filter(
        enrolment__run=run, enrolment__status=EnrolmentStatus.ACCEPTED
    ).values("user_id")


def run_overview(*, run: CourseRun) -> RunOverview:
    """Firms × (attendance per session, preparation done, plan status, required
    quizzes passed, certification rules and status), and each participant's quiz
    results.

    Seven queries (six if the course requires no quiz), the cache unused,
    whatever the number of firms, people, sessions, lessons, quizzes or attempts.
    """
    from .certification import certification_rules

    # The sessions, and the published lessons to prepare for any of them (a
    # lesson before several sessions counts once), in one query: a row per
    # session and lesson, no page objects.
    columns: dict[int, SessionColumn] = {}
    all_lessons: set[int] = set()
    for pk, position, title, starts_at, place, lesson_id, live in (
        Session.objects.filter(run_id=run.pk)
        .order_by("starts_at", "pk")
        .values_list(
            "id",
            "position",
            "title",
            "starts_at",
            "place",
            "preparation_lessons__id",
            "preparation_lessons__live",
        )
    ):
        if pk not in columns:
            columns[pk] = SessionColumn(pk, position, title, starts_at, place)
        if lesson_id is not None and live:
            all_lessons.add(lesson_id)
    sessions = list(columns.values())

    # The plan's status and the certification come along in the same query
    # (reverse one-to-one joins).
    enrolments = list(
        run.enrolments.select_related("firm", "plan", "certification")
        .only(
            "id",
            "run_id",
            "status",
            "firm__id",
            "firm__name",
            "firm__org_number",
            "firm__municipality",
            "plan__id",
            "plan__status",
            *(f"certification__{name}" for name in CERTIFICATION_FIELDS),
        )
        .order_by("firm__name")
    )
    accepted = [e for e in enrolments if e.status == EnrolmentStatus.ACCEPTED]
    applications = [e for e in enrolments if e.status == EnrolmentStatus.APPLIED]
    participants: dict[int, list[int]] = {e.pk: [] for e in accepted}
    names: dict[int, str] = {}
    quizzes = list(
        Quiz.objects.filter(courses__id=run.course_id).only("id", "title", "grading")
    )
    # Filters join on the run rather than pass long lists of ids: cheaper to
    # build and to run with forty firms and two hundred people. Names are only
    # needed for the per-person quiz results.
    through = Enrolment.participants.through.objects.filter(
        enrolment__run=run, enrolment__status=EnrolmentStatus.ACCEPTED
    )
    if quizzes:
        for enrolment_id, user_id, first_name, last_name, email in through.order_by(
            "user__first_name", "user__last_name", "user_id"
        ).values_list(
            "enrolment_id",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__email",
        ):
            participants[enrolment_id].append(user_id)
            names[user_id] = person_name(first_name, last_name, email)
    else:
        for enrolment_id, user_id in through.values_list("enrolment_id", "user_id"):
            participants[enrolment_id].append(user_id)

    results = quiz_results(quizzes=quizzes, participants=run_participant_ids(run=run))

    present: set[tuple[int, int]] = set(
        Attendance.objects.filter(session__run=run, status__in=PRESENT).values_list(
            "session_id", "user_id"
        )
    )
    # The lessons filter the count rather than the rows: a filter on both
    # people and lessons made SQLite probe every (person, lesson) pair.
    done_by_user = dict(
        LessonProgress.objects.filter(
            user_id__in=run_participant_ids(run=run), completed_at__isnull=False
        )
        .values("user_id")
        .annotate(done=Count("id", filter=Q(lesson_id__in=all_lessons)))
        .values_list("user_id", "done")
    )

    rows = []
    for enrolment in accepted:
        ids = participants[enrolment.pk]
        row = FirmRow(enrolment=enrolment, participants=ids)
        for session in sessions:
            session_id = session.pk
            count = sum(1 for user_id in ids if (session_id, user_id) in present)
            row.sessions.append(SessionCell(session, count, len(ids)))
        row.preparation_total = len(all_lessons) * len(ids)
        row.preparation_done = sum(done_by_user.get(user_id, 0) for user_id in ids)
        row.plan_status = _one_to_one(enrolment, "plan", "status")
        for user_id in ids if quizzes else ():
            row.people.append(
                ParticipantQuizzes(
                    user_id=user_id,
                    name=names[user_id],
                    results=[
                        results.get((user_id, quiz.pk)) or QuizResult()
                        for quiz in quizzes
                    ],
                )
            )
        for index, quiz in enumerate(quizzes):
            passed = sum(1 for person in row.people if person.results[index].passed)
            row.quizzes.append(QuizCell(quiz, passed, len(ids)))
        row.check = certification_rules(run=run, row=row)
        row.certification = _one_to_one(enrolment, "certification")
        rows.append(row)
    return RunOverview(
        run=run,
        sessions=sessions,
        rows=rows,
        applications=applications,
        quizzes=quizzes,
    )


@dataclass(frozen=True)
class AttendanceRow:
    """One person on a session's attendance list."""

    user_id: int
    name: str
    firm_name: str
    status: str | None  # an AttendanceStatus value, or None if not yet taken

    @property
    def key(self) -> str:
        """The person's id as the page writes it (element id, posted value):
        plain digits, never localised."""
        return str(self.user_id)


def person_name(first_name: str, last_name: str, email: str) -> str:
    """A person's name as `User.__str__` gives it, without loading the user."""
    return f"{first_name} {last_name}".strip() or email


def session_attendance(*, session: Session) -> list[AttendanceRow]:
    """Everyone who should attend the session (the accepted firms' participants,
    firm by firm, people by name), with their current status.

    Two queries whatever the number of firms and people.
    """
    statuses = dict(
        Attendance.objects.filter(session=session).values_list("user_id", "status")
    )
    people = (
        Enrolment.participants.through.objects.filter(
            enrolment__run_id=session.run_id,
            enrolment__status=EnrolmentStatus.ACCEPTED,
        )
        .order_by("enrolment__firm__name", "enrolment_id")
        .values_list(
            "enrolment_id",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__email",
            "enrolment__firm__name",
        )
    )
    # Firms in the database's order of their names; people within a firm by
    # first and last name, as Python sorts them.
    firm_order: dict[int, int] = {}
    keyed = []
    for enrolment_id, user_id, first, last, email, firm_name in people:
        position = firm_order.setdefault(enrolment_id, len(firm_order))
        row = AttendanceRow(
            user_id=user_id,
            name=person_name(first, last, email),
            firm_name=firm_name,
            status=statuses.get(user_id),
        )
        keyed.append(((position, first, last), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed]


# --- The course leader's home -------------------------------------------------


def leader_next_session(*, user, now: datetime | None = None) -> Session | None:
    """The next session (not yet ended) of any run the person leads, with its
    run; one query."""
    now = now or timezone.now()
    return (
        Session.objects.filter(run__leaders=user, ends_at__gt=now)
        .exclude(run__status=RunStatus.CANCELLED)
        .select_related("run")
        .order_by("starts_at", "pk")
        .first()
    )


def leader_firms_ready_to_certify(
    *, user, now: datetime | None = None
) -> list[FirmRow]:
    """Rows of accepted, not yet certified firms in the person's runs for which
    every certification rule holds (as the run overview says).

    One query finds the runs under way (a session has started) that still have
    such firms; then the run overview's queries for each of them, since the
    rules are evaluated per run (`run_overview`)."""
    now = now or timezone.now()
    runs = (
        CourseRun.objects.filter(
            leaders=user,
            sessions__starts_at__lte=now,
            enrolments__status=EnrolmentStatus.ACCEPTED,
            enrolments__certification__isnull=True,
        )
        .exclude(status=RunStatus.CANCELLED)
        .select_related("course")
        .distinct()
        .order_by("-enrolment_deadline", "pk")
    )
    return [
        row
        for run in runs
        for row in run_overview(run=run).rows
        if row.certification is None and row.check.holds
    ]


@dataclass(frozen=True)
class RunsSummary:
    """All runs and firms at a glance: how many, and the latest runs."""

    run_count: int
    firm_count: int
    latest: list[CourseRun]


def runs_summary(*, limit: int = 5) -> RunsSummary:
    """Counts of runs and firms and the `limit` latest runs (by enrolment
    deadline) with their accepted firms and applications; three queries."""
    from lms.accounts.models import Firm

    latest = list(
        CourseRun.objects.select_related("course")
        .annotate(
            accepted_count=Count(
                "enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACCEPTED)
            ),
            applied_count=Count(
                "enrolments", filter=Q(enrolments__status=EnrolmentStatus.APPLIED)
            ),
        )
        .order_by("-enrolment_deadline", "-pk")[:limit]
    )
    return RunsSummary(
        run_count=CourseRun.objects.count(),
        firm_count=Firm.objects.count(),
        latest=latest,
    )
