"""Reads for the participant's side of a course run: my course, progress, calendar."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from cms.models import LessonPage

from ..models import (
    CourseCertificate,
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
# What "my course" shows of an enrolment, its run and its firm.
_ENROLMENT_FIELDS = (
    "id",
    "status",
    "run__id",
    "run__title",
    "run__status",
    "run__course_id",
    "firm__id",
    "firm__name",
)


@dataclass
class LessonStatus:
    lesson: "LessonLink"
    done: bool


@dataclass
class SessionPlan:
    """One session of the run for one person: what to prepare, and whether it
    is over or the next one."""

    session: Session
    lessons: list[LessonStatus]
    is_past: bool
    is_next: bool

    @property
    def lessons_done(self) -> int:
        return sum(1 for item in self.lessons if item.done)


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
    # Every session with its preparation, in time order.
    session_plans: list[SessionPlan] = field(default_factory=list)
    # All the person's runs (this one included), to switch between them.
    enrolments: list[Enrolment] = field(default_factory=list)
    # The required quizzes: the firm's rule, who passed, the person's result.
    quizzes: list = field(default_factory=list)  # certification.RequiredQuiz

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


@dataclass(frozen=True)
class LessonLink:
    """What a list of lessons shows: enough to link, nothing of the body."""

    pk: int
    title: str
    url: str


def run_plan(*, run_id: int, request=None) -> list[Session]:
    """The run's sessions in time order, each with `.lessons` (LessonLinks).

    The same for every participant of the run, so it is cached per content
    version (bumped when sessions, their lessons or pages change): no query warm.
    With the request, Wagtail reads the sites' root paths once for all the
    lessons' addresses instead of once per lesson.
    """
    from cms.cache import cached

    def build():
        lessons = LessonPage.objects.live().only(*_LESSON_FIELDS).order_by("path")
        sessions = list(
            Session.objects.filter(run_id=run_id)
            .order_by("starts_at")
            .prefetch_related(
                Prefetch(
                    "preparation_lessons", queryset=lessons, to_attr="lesson_pages"
                )
            )
        )
        for session in sessions:
            session.lessons = [
                LessonLink(
                    pk=lesson.pk, title=lesson.title, url=lesson.get_url(request)
                )
                for lesson in session.lesson_pages
            ]
            # Keep the pickled value small: the links are all that is needed.
            del session.lesson_pages
        return sessions

    return cached(f"run-plan:{run_id}", build)


def _current(plans: dict[int, list[Session]], enrolments, now: datetime) -> Enrolment:
    """The run whose next session comes first; else the one that ended last."""

    def key(enrolment):
        sessions = plans[enrolment.run_id]
        upcoming = [s.ends_at for s in sessions if s.ends_at > now]
        if upcoming:
            return (0, min(upcoming) - now)
        last = max((s.ends_at for s in sessions), default=None)
        return (1, now - last if last else timedelta.max)

    return min(enrolments, key=key)


def my_course(
    *, user, request=None, now: datetime | None = None, run_id: int | None = None
) -> MyCourse | None:
    """The person's run `run_id` (else the current one) with every session and
    what to prepare for it, progress and the required quizzes; None if the
    person takes no part in that run (or in any).

    Five queries (enrolments, progress, the required quizzes, the firm's
    people, their results) when the run plan is cached; when not, also the
    sessions, their lessons and Wagtail's site for the request, whatever the
    number of sessions, lessons and quizzes.
    """
    from .certification import enrolment_required_quizzes

    now = now or timezone.now()
    enrolments = list(
        participant_enrolments(user=user)
        .only(*_ENROLMENT_FIELDS)
        .order_by("run__title", "run_id")
    )
    if run_id is not None:
        enrolments_by_run = {e.run_id: e for e in enrolments}
        if run_id not in enrolments_by_run:
            return None
    if not enrolments:
        return None
    plans = {e.run_id: run_plan(run_id=e.run_id, request=request) for e in enrolments}
    if run_id is not None:
        enrolment = enrolments_by_run[run_id]
    else:
        enrolment = _current(plans, enrolments, now)
    sessions = plans[enrolment.run_id]
    lessons = {lesson.pk for session in sessions for lesson in session.lessons}
    # All the person's finished lessons, then only the run's: a person finishes
    # tens of lessons, and the query without the run's ids is quicker to build.
    done_ids = lessons.intersection(
        LessonProgress.objects.filter(
            user=user, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    next_session = next((s for s in sessions if s.ends_at > now), None)
    session_plans = [
        SessionPlan(
            session=session,
            lessons=[
                LessonStatus(lesson=lesson, done=lesson.pk in done_ids)
                for lesson in session.lessons
            ],
            is_past=session.ends_at <= now,
            is_next=session is next_session,
        )
        for session in sessions
    ]
    next_lessons = next((plan.lessons for plan in session_plans if plan.is_next), [])
    return MyCourse(
        enrolment=enrolment,
        run=enrolment.run,
        sessions=sessions,
        next_session=next_session,
        next_session_lessons=next_lessons,
        lessons_total=len(lessons),
        lessons_done=len(done_ids),
        other_runs=[e.run for e in enrolments if e.pk != enrolment.pk],
        session_plans=session_plans,
        enrolments=enrolments,
        quizzes=enrolment_required_quizzes(enrolment=enrolment, user=user),
    )


def my_course_certificates(*, user) -> list[CourseCertificate]:
    """The person's own course certificates, newest first, with what "my course"
    lists of them (run title, dates, code, revocation): one query."""
    return list(
        CourseCertificate.objects.filter(user=user)
        .select_related("run")
        .only("id", "code", "issued_on", "revoked_at", "run__id", "run__title")
        .order_by("-issued_on", "-pk")
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
