"""Builders for the home page tests: a run with a required quiz and a lesson to
prepare, firms in it, and quizzes taken through the services."""

from datetime import timedelta

from django.utils import timezone

from courses.models import AttendanceStatus, InclusionPlan, PlanStatus
from courses.services import attendance, quizzes
from lms.accounts import services as accounts
from tests.accounts.factories import FirmFactory, UserFactory
from tests.cms import factories as cms
from tests.courses import factories
from tests.courses import quiz_factories as qf


def course_with_quiz(*, sessions=3, lessons=(), plan_required=True):
    """A course whose firms must pass one quiz; returns (course, quiz)."""
    quiz = qf.quiz(questions=[qf.question()], title="Tiltak og virkemidler")
    course = factories.course(sessions=sessions, lessons=lessons)
    course.plan_approval_required = plan_required
    course.save()
    course.required_quizzes.set([quiz])
    return course, quiz


def run_with_quiz(*, leaders=None, starts_in_days=10, lessons=()):
    course, quiz = course_with_quiz(lessons=lessons)
    run = factories.run(course_=course, leaders=leaders, starts_in_days=starts_in_days)
    return run, quiz


def take_quiz(quiz, person, *, correct=True):
    attempt = quizzes.attempt_start(quiz=quiz, user=person)
    asked = attempt.questions.get(position=1)
    quizzes.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(asked, "Riktig" if correct else "Feil"),
        user=person,
    )
    return quizzes.attempt_submit(attempt=attempt, user=person)


def firm_in(run, *, name=None, participants=2, **kwargs):
    """An accepted firm with a contact (`enrolment.contact`, also a participant)
    and `participants - 1` more people; `enrolment.people` are all of them."""
    firm = FirmFactory(**({"name": name} if name else {}))
    enrolment = factories.enrolment(
        run_=run, firm=firm, participants=participants, **kwargs
    )
    enrolment.people = list(enrolment.participants.order_by("pk"))
    return enrolment


def member_of(firm, **fields):
    person = UserFactory(**fields)
    accounts.membership_add(firm=firm, user=person)
    return person


def plan(enrolment, status):
    return InclusionPlan.objects.create(enrolment=enrolment, status=status)


def attend_all(run, person):
    for session in run.sessions.order_by("position"):
        attendance.attendance_record(
            session=session,
            user=person,
            status=AttendanceStatus.PRESENT,
            by=run.leaders.first(),
        )


def started_run(*, leaders=None):
    """A run whose sessions all lie in the past (it began 60 days ago)."""
    return run_with_quiz(leaders=leaders, starts_in_days=-60)


def ready_firm(run, quiz, **kwargs):
    """A firm meeting every rule of `run` but not certified."""
    enrolment = firm_in(run, **kwargs)
    attend_all(run, enrolment.contact)
    take_quiz(quiz, enrolment.contact)
    plan(enrolment, PlanStatus.APPROVED)
    return enrolment


def a_lesson(title="Hva er inkludering?"):
    return cms.lesson(title=title)


def days(n):
    return timezone.now() + timedelta(days=n)
