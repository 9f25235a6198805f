"""Reads for course leaders: their runs and the run overview (firms × criteria)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..models import (
    Attendance,
    AttendanceStatus,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    InclusionPlan,
    LessonProgress,
    PlanStatus,
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


def run_sessions(*, run: CourseRun) -> list[Session]:
    return list(run.sessions.order_by("starts_at"))


@dataclass
class SessionCell:
    session: Session
    present: int
    total: int

    @property
    def represented(self) -> bool:
        return self.present > 0


@dataclass
class FirmRow:
    enrolment: Enrolment
    participants: list
    sessions: list[SessionCell] = field(default_factory=list)
    preparation_done: int = 0
    preparation_total: int = 0
    plan_status: str | None = None

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
    sessions: list[Session]
    rows: list[FirmRow]
    applications: list[Enrolment]


def run_overview(*, run: CourseRun) -> RunOverview:
    """Firms × (attendance per session, preparation done, plan status).

    Eight queries whatever the number of firms, people, sessions or lessons.
    """
    sessions = run_sessions(run=run)
    prep = Session.preparation_lessons.through.objects.filter(
        session__run=run
    ).values_list("session_id", "lessonpage_id")
    lessons_by_session: dict[int, set[int]] = {}
    for session_id, lesson_id in prep:
        lessons_by_session.setdefault(session_id, set()).add(lesson_id)
    all_lessons = (
        set().union(*lessons_by_session.values()) if lessons_by_session else set()
    )

    enrolments = list(
        run.enrolments.select_related("firm")
        .prefetch_related("participants")
        .order_by("firm__name")
    )
    accepted = [e for e in enrolments if e.status == EnrolmentStatus.ACCEPTED]
    applications = [e for e in enrolments if e.status == EnrolmentStatus.APPLIED]
    people = {p.pk for e in accepted for p in e.participants.all()}

    attended: dict[tuple[int, int], str] = {
        (session_id, user_id): status
        for session_id, user_id, status in Attendance.objects.filter(
            session__run=run
        ).values_list("session_id", "user_id", "status")
    }
    done: set[tuple[int, int]] = set(
        LessonProgress.objects.filter(
            user_id__in=people, lesson_id__in=all_lessons, completed_at__isnull=False
        ).values_list("user_id", "lesson_id")
    )
    plans = dict(
        InclusionPlan.objects.filter(enrolment__in=accepted).values_list(
            "enrolment_id", "status"
        )
    )

    rows = []
    for enrolment in accepted:
        participants = list(enrolment.participants.all())
        row = FirmRow(enrolment=enrolment, participants=participants)
        for session in sessions:
            present = sum(
                1 for p in participants if attended.get((session.pk, p.pk)) in PRESENT
            )
            row.sessions.append(SessionCell(session, present, len(participants)))
        row.preparation_total = len(all_lessons) * len(participants)
        row.preparation_done = sum(
            1 for p in participants for lesson in all_lessons if (p.pk, lesson) in done
        )
        row.plan_status = plans.get(enrolment.pk)
        rows.append(row)
    return RunOverview(run=run, sessions=sessions, rows=rows, applications=applications)


def session_attendance(*, session: Session) -> list[dict]:
    """Everyone who should attend the session, with their current status."""
    enrolments = (
        Enrolment.objects.filter(run_id=session.run_id, status=EnrolmentStatus.ACCEPTED)
        .select_related("firm")
        .prefetch_related("participants")
        .order_by("firm__name")
    )
    statuses = dict(
        Attendance.objects.filter(session=session).values_list("user_id", "status")
    )
    people = []
    for enrolment in enrolments:
        for person in sorted(
            enrolment.participants.all(), key=lambda p: (p.first_name, p.last_name)
        ):
            people.append(
                {
                    "person": person,
                    "firm": enrolment.firm,
                    "status": statuses.get(person.pk),
                }
            )
    return people
