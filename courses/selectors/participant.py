"""Reads for the participant's side of a course run: my course, progress, calendar."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from cms.models import LessonPage

from ..models import (
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    LessonProgress,
    ReflectionNote,
    RunStatus,
    Session,
    SessionReminder,
)

# Only what a list of lessons shows and what a page URL needs; never the body.
_LESSON_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "live")


@dataclass
class LessonStatus:
    lesson: LessonPage
    done: bool


@dataclass
class MyCourse:
    """Everything the "my course" page shows about one run, for one person."""

    enrolment: Enrolment
    run: CourseRun
    sessions: list[Session]
    next_session: Session | None
    next_session_lessons: list[LessonStatus]
    lessons_total: int
    lessons_done: int
    other_runs: list[CourseRun] = field(default_factory=list)

    @property
    def percent_done(self) -> int:
        if not self.lessons_total:
            return 0
        return round(100 * self.lessons_done / self.lessons_total)


def participant_enrolments(*, user) -> QuerySet[Enrolment]:
    """The person's accepted enrolments in runs that are not cancelled."""
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(participants=user, status=EnrolmentStatus.ACCEPTED)
        .exclude(run__status=RunStatus.CANCELLED)
        .select_related("run", "firm")
    )


def is_participant(*, user) -> bool:
    """The person takes part in at least one run (accepted enrolment); one query,
    remembered on the user object for the rest of the request."""
    if not user.is_authenticated:
        return False
    cached = user.__dict__.get("_is_run_participant")
    if cached is None:
        cached = participant_enrolments(user=user).exists()
        user.__dict__["_is_run_participant"] = cached
    return cached


def _sessions_with_lessons() -> QuerySet[Session]:
    lessons = LessonPage.objects.live().only(*_LESSON_FIELDS).order_by("path")
    return Session.objects.order_by("starts_at").prefetch_related(
        Prefetch("preparation_lessons", queryset=lessons)
    )


def _current(enrolments: list[Enrolment], now: datetime) -> Enrolment:
    """The run whose next session comes first; else the one that ended last."""

    def key(enrolment):
        sessions = enrolment.run.sessions.all()
        upcoming = [s.ends_at for s in sessions if s.ends_at > now]
        if upcoming:
            return (0, min(upcoming) - now)
        last = max((s.ends_at for s in sessions), default=None)
        return (1, now - last if last else timedelta.max)

    return min(enrolments, key=key)


def my_course(*, user, now: datetime | None = None) -> MyCourse | None:
    """The person's current run with sessions, preparation and progress, or None.

    Four queries whatever the number of sessions and lessons.
    """
    now = now or timezone.now()
    enrolments = list(
        participant_enrolments(user=user).prefetch_related(
            Prefetch("run__sessions", queryset=_sessions_with_lessons())
        )
    )
    if not enrolments:
        return None
    enrolment = _current(enrolments, now)
    run = enrolment.run
    sessions = list(run.sessions.all())
    lessons = {
        lesson.pk: lesson
        for session in sessions
        for lesson in session.preparation_lessons.all()
    }
    done_ids = set(
        LessonProgress.objects.filter(
            user=user, lesson_id__in=lessons, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    next_session = next((s for s in sessions if s.ends_at > now), None)
    next_lessons = (
        [
            LessonStatus(lesson=lesson, done=lesson.pk in done_ids)
            for lesson in next_session.preparation_lessons.all()
        ]
        if next_session
        else []
    )
    return MyCourse(
        enrolment=enrolment,
        run=run,
        sessions=sessions,
        next_session=next_session,
        next_session_lessons=next_lessons,
        lessons_total=len(lessons),
        lessons_done=len(done_ids),
        other_runs=[e.run for e in enrolments if e.pk != enrolment.pk],
    )


def calendar_sessions(*, user) -> QuerySet[Session]:
    """Every session of every run the person takes part in, in time order."""
    runs = participant_enrolments(user=user).values("run_id")
    return (
        Session.objects.filter(run_id__in=runs)
        .select_related("run")
        .order_by("starts_at")
    )


def lesson_progress(*, user, lesson: LessonPage) -> LessonProgress | None:
    """The person's own progress on one lesson (None for anonymous visitors)."""
    if not user.is_authenticated:
        return None
    return LessonProgress.objects.filter(user=user, lesson=lesson).first()


def reflection_notes(*, user, lesson: LessonPage) -> dict[str, ReflectionNote]:
    """The person's own notes on a lesson, by block id; never anyone else's."""
    if not user.is_authenticated:
        return {}
    return {
        note.block_id: note
        for note in ReflectionNote.objects.filter(user=user, lesson=lesson)
    }


def reminders_due(*, days: int, now: datetime | None = None) -> list[tuple[int, int]]:
    """(session id, user id) for each participant of an accepted enrolment whose
    session starts within `days` days and who has not been reminded of it."""
    now = now or timezone.now()
    sessions = Session.objects.filter(
        starts_at__gt=now, starts_at__lte=now + timedelta(days=days)
    ).exclude(run__status=RunStatus.CANCELLED)
    pairs = (
        Enrolment.participants.through.objects.filter(
            enrolment__status=EnrolmentStatus.ACCEPTED,
            enrolment__run__sessions__in=sessions,
            user__is_active=True,
            user__anonymised_at__isnull=True,
        )
        .values_list("enrolment__run__sessions", "user_id")
        .distinct()
        .order_by("enrolment__run__sessions", "user_id")
    )
    sent = set(
        SessionReminder.objects.filter(session__in=sessions).values_list(
            "session_id", "user_id"
        )
    )
    return [pair for pair in pairs if pair not in sent]
