from django.core.management import call_command
from django.utils import timezone

import pytest

from courses import demo
from courses.models import CourseRun, Enrolment, EnrolmentStatus
from lms.accounts.demo import demo_email

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_a_run_led_by_the_demo_leader_with_the_demo_firm():
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    run = CourseRun.objects.get(title=demo.RUN_TITLE)
    assert [u.email for u in run.leaders.all()] == [demo_email("kursleder")]
    assert run.sessions.count() == 3
    assert all(s.preparation_lessons.exists() for s in run.sessions.all())
    enrolment = Enrolment.objects.get(run=run, firm__org_number="914035171")
    assert enrolment.status == EnrolmentStatus.ACCEPTED
    emails = set(enrolment.participants.values_list("email", flat=True))
    assert emails == {demo_email("deltaker"), demo_email("kontakt")}
    assert run.enrolments.filter(status=EnrolmentStatus.APPLIED).count() == 1


def test_seed_demo_submits_the_demo_firms_plan_once():
    from courses.models import InclusionPlan, PlanStatus

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    plan = InclusionPlan.objects.get(
        enrolment__firm__org_number="914035171", enrolment__run__title=demo.RUN_TITLE
    )
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.commitments.count() == 4
    assert plan.commitments.filter(is_public=True).count() == 2
    assert plan.events.count() == 1


def test_seed_demo_makes_five_valid_quizzes_required_by_the_course():
    from courses.models import Course, Quiz
    from courses.services.quizzes import question_validate_choices

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    quizzes = Quiz.objects.prefetch_related("fixed_questions__question__choices")
    assert quizzes.count() == 5
    for quiz in quizzes:
        questions = [item.question for item in quiz.fixed_questions.all()]
        assert len(questions) == 5
        for question in questions:
            question_validate_choices(
                kind=question.kind,
                choices=[
                    {"text": c.text, "is_correct": c.is_correct}
                    for c in question.choices.all()
                ],
            )
    course = Course.objects.get(slug="sosial-profil")
    assert set(course.required_quizzes.all()) == set(quizzes)


def test_seed_demo_makes_a_certified_first_cohort_once():
    from courses.models import CertificateStatus, Certification, CourseCertificate

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    run = CourseRun.objects.get(title=demo.PAST_RUN_TITLE)
    statuses = [c.status for c in Certification.objects.filter(enrolment__run=run)]
    assert statuses.count(CertificateStatus.ACTIVE) == 7
    assert statuses.count(CertificateStatus.REVOKED) == 1
    assert statuses.count(CertificateStatus.EXPIRED) == 1
    demo_firm = Certification.objects.get(enrolment__firm__org_number="914035171")
    # Due for the yearly follow-up: inside the 90 days before expiry.
    days_left = (demo_firm.valid_until - timezone.localdate()).days
    assert 0 < days_left <= 90
    assert demo_firm.override_reason == demo.PAST_RUN_OVERRIDE
    holders = set(
        CourseCertificate.objects.filter(run=run).values_list("user__email", flat=True)
    )
    assert holders == {demo_email("deltaker"), demo_email("kontakt")}
