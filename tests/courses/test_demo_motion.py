"""The demo shows a course in motion: the upcoming run's firms have people
part-way through, once, however often `seed_demo` runs."""

from django.core.management import call_command

import pytest

from courses import demo
from courses.models import (
    Attempt,
    CourseRun,
    EnrolmentStatus,
    InclusionPlan,
    LessonProgress,
    PlanStatus,
    Quiz,
    ReflectionNote,
)
from courses.selectors.certification import enrolment_certification_check
from courses.services.quizzes import attempts_left
from lms.accounts.demo import DEMO_MEMBERS, demo_email
from lms.accounts.models import User

pytestmark = pytest.mark.django_db


def state():
    return (
        sorted(
            Attempt.objects.values_list("user__email", "quiz__key", "number", "passed")
        ),
        LessonProgress.objects.count(),
        ReflectionNote.objects.count(),
        sorted(InclusionPlan.objects.values_list("enrolment_id", "status")),
    )


def test_the_upcoming_run_is_part_way_through_once():
    call_command("seed_demo", verbosity=0)
    before = state()
    call_command("seed_demo", verbosity=0)
    assert state() == before

    run = CourseRun.objects.get(title=demo.RUN_TITLE)
    accepted = list(
        run.enrolments.filter(status=EnrolmentStatus.ACCEPTED).select_related("firm")
    )
    assert len(accepted) == 3
    assert all(e.participants.count() >= 2 for e in accepted)
    applied = run.enrolments.get(status=EnrolmentStatus.APPLIED)
    assert applied.firm.memberships.filter(is_contact=True).exists()

    plans = {e.firm.org_number: getattr(e, "plan", None) for e in accepted}
    assert {org: p.status for org, p in plans.items()} == {
        "914035171": PlanStatus.SUBMITTED,
        "930567817": PlanStatus.APPROVED,
        "918762345": PlanStatus.DRAFT,
    }

    participant = User.objects.get(email=demo_email("deltaker"))
    assert LessonProgress.objects.filter(
        user=participant, completed_at__isnull=False
    ).exists()
    assert ReflectionNote.objects.filter(user=participant).exists()
    results = set(
        Attempt.objects.filter(user=participant).values_list("quiz__key", "passed")
    )
    assert ("quiz-holdninger", True) in results
    assert ("quiz-tiltak-og-virkemidler", False) in results

    # Someone whose attempts ran out, for the course leader to help.
    stuck = User.objects.get(email=demo_email("deltaker.slemmestad"))
    assert attempts_left(quiz=Quiz.objects.get(key="quiz-holdninger"), user=stuck) == 0

    # The leader's overview has real states: a quiz rule met and one not.
    checks = [enrolment_certification_check(enrolment=e) for e in accepted]
    quiz_rules = [rule for check in checks for rule in check.rules if rule.quiz]
    assert any(rule.holds for rule in quiz_rules)
    assert any(not rule.holds for rule in quiz_rules)
    assert any(rule.passed_by for rule in quiz_rules)


def test_new_colleagues_were_not_in_the_first_cohort():
    call_command("seed_demo", verbosity=0)
    past = CourseRun.objects.get(title=demo.PAST_RUN_TITLE)
    emails = {demo_email(member[1]) for member in DEMO_MEMBERS}
    assert not past.enrolments.filter(participants__email__in=emails).exists()


def test_demo_texts_do_not_promise_unlimited_attempts():
    from cms.models import LessonPage

    call_command("seed_demo", verbosity=0)
    for quiz in Quiz.objects.all():
        assert quiz.attempts_allowed == 3
        assert "tre forsøk" in quiz.instructions
    for lesson in LessonPage.objects.all():
        for block in lesson.body:
            if block.block_type == "quiz":
                introduction = block.value["introduction"]
                assert "flere ganger" not in introduction
                assert "forsøk" in introduction
