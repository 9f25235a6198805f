"""What a firm contact does on the course, through the services: shared by the
personal-data tests, which then look for every trace of it."""

from datetime import timedelta

from django.utils import timezone

from courses.models import QuestionKind
from courses.services import plans as plan_services
from courses.services import quizzes as quiz_services

from ..courses import certification_factories as cf
from ..courses import quiz_factories as qf


def quiz_plan_and_certification(*, person, enrolment):
    """`person` passes a quiz, writes and submits the firm's plan; the firm is
    certified. Returns the quiz and the certification."""
    quiz = qf.quiz(
        questions=[qf.question(kind=QuestionKind.SINGLE, text="Hva er NAV?")],
        shuffle_choices=False,
        title="Grunnquiz",
    )
    attempt = quiz_services.attempt_start(quiz=quiz, user=person)
    quiz_services.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(attempt.questions.get(position=1), "Riktig"),
        user=person,
    )
    quiz_services.attempt_submit(attempt=attempt, user=person)
    plan = plan_services.plan_get_or_create(enrolment=enrolment)
    plan_services.plan_save(
        plan=plan,
        commitments=[
            {
                "area": "attitudes",
                "what": "Vi tar imot to lærlinger",
                "measure": None,
                "responsible": "Daglig leder",
                "due_date": timezone.localdate() + timedelta(days=60),
                "is_public": False,
            }
        ],
        by=person,
        expected_version=plan.version,
    )
    plan_services.plan_submit(plan=plan, by=person)
    certification = cf.certification(enrolment=enrolment)
    return quiz, certification
