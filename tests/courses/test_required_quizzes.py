"""Quizzes that count: the leader's certification page, the firm's "what is still
missing" and "my course" list the same rules, each required quiz with who in the
firm passed it."""

import re
from http import HTTPStatus

from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import pytest

from courses.models import AttendanceStatus, InclusionPlan, PlanStatus
from courses.selectors import certification as selectors
from courses.services import attendance, quizzes

from . import factories
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


def make_run(*, sessions=3, sessions_required=None, plan_required=True, quizzes=()):
    course = factories.course(sessions=sessions)
    course.sessions_required = sessions_required
    course.plan_approval_required = plan_required
    course.save()
    course.required_quizzes.set(quizzes)
    return factories.run(course_=course)


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


def english(user) -> Client:
    browser = Client()
    browser.cookies["django_language"] = "en"
    browser.force_login(user)
    return browser


def listed_rules(html: str, list_id: str) -> list[str]:
    """The data-rule of each item of the rules list with this id, in order."""
    start = html.index(f'id="{list_id}"')
    listing = html[start : html.index("</ul>", start)]
    return re.findall(r'data-rule="([^"]+)"', listing)


def expected(check) -> list[str]:
    return [
        f"{rule.code}:{rule.quiz.pk}" if rule.quiz else str(rule.code)
        for rule in check.rules
    ]


def _three_runs():
    first, second = (qf.quiz(questions=[qf.question()], title=t) for t in "BA")
    return [
        make_run(quizzes=[first, second]),
        make_run(sessions=2, sessions_required=1, plan_required=False),
        make_run(plan_required=False, quizzes=[first]),
    ]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_missing_and_my_course_list_exactly_the_leaders_rules(which):
    run = _three_runs()[which]
    enrolment = factories.enrolment(run_=run, participants=2)
    contact = enrolment.contact
    check = selectors.enrolment_certification_check(enrolment=enrolment)
    codes = expected(check)
    # Each run has its own rules.
    assert codes[0] == "sessions"
    assert ("plan" in codes) is run.course.plan_approval_required
    assert len([c for c in codes if c.startswith("quiz:")]) == (
        run.course.required_quizzes.count()
    )

    leader_page = english(run.leaders.get()).get(
        reverse("courses:certification_firm", args=[enrolment.pk])
    )
    assert leader_page.status_code == HTTPStatus.OK
    assert listed_rules(leader_page.content.decode(), "rules") == codes

    firm_page = english(contact).get(
        reverse("courses:enrolment_detail", args=[enrolment.pk])
    )
    assert firm_page.status_code == HTTPStatus.OK
    assert listed_rules(firm_page.content.decode(), "missing") == codes

    my_course = english(contact).get(reverse("courses:my_course"))
    html = my_course.content.decode()
    quiz_codes = [c for c in codes if c.startswith("quiz:")]
    assert re.findall(r'data-rule="(quiz:\d+)"', html) == quiz_codes
    assert ('id="required-quizzes"' in html) is bool(quiz_codes)


def test_each_required_quiz_says_who_in_the_firm_passed_it():
    quiz = qf.quiz(questions=[qf.question()], title="Grunnkurs")
    other = qf.quiz(questions=[qf.question()], title="Tiltak")
    run = make_run(quizzes=[quiz, other], plan_required=False)
    enrolment = factories.enrolment(run_=run, participants=3)
    contact = enrolment.contact
    passer, failer = [p for p in enrolment.participants.all() if p != contact]
    take_quiz(quiz, passer)
    take_quiz(quiz, failer, correct=False)
    # Someone in another firm of the run passing counts for their own firm only.
    stranger = factories.enrolment(run_=run).contact
    take_quiz(other, stranger)

    check = selectors.enrolment_certification_check(enrolment=enrolment)
    by_quiz = {rule.quiz: rule for rule in check.rules if rule.quiz}
    assert by_quiz[quiz].holds and by_quiz[quiz].passed_by == (str(passer),)
    assert not by_quiz[other].holds and by_quiz[other].passed_by == ()

    mine = selectors.enrolment_required_quizzes(enrolment=enrolment, user=failer)
    assert [item.rule for item in mine] == [by_quiz[q] for q in (quiz, other)]
    assert [(item.mine.attempts, item.mine.passed) for item in mine] == [
        (1, False),
        (0, False),
    ]

    html = english(failer).get(reverse("courses:my_course")).content.decode()
    first = html[html.index(f'id="required-quiz-{quiz.pk}"') :]
    first = first[: first.index("</li>")]
    assert "Not passed yet" in first
    assert f"Passed in your firm by: {escape(str(passer))}." in first
    assert reverse("courses:quiz_start", args=[quiz.key]) in first
    second = html[html.index(f'id="required-quiz-{other.pk}"') :]
    second = second[: second.index("</li>")]
    assert "Not taken yet" in second
    assert "Nobody in your firm has passed it yet." in second
    assert escape(str(stranger)) not in html

    firm_page = english(contact).get(
        reverse("courses:enrolment_detail", args=[enrolment.pk])
    )
    page = firm_page.content.decode()
    assert f"Passed by {escape(str(passer))}." in page
    assert "Nobody in the firm has passed it yet." in page
    leader_page = english(run.leaders.get()).get(
        reverse("courses:certification_firm", args=[enrolment.pk])
    )
    assert f"Passed by {escape(str(passer))}." in leader_page.content.decode()


def test_the_missing_list_marks_what_holds(client):
    quiz = qf.quiz(questions=[qf.question()], title="Grunnkurs")
    run = make_run(sessions=1, quizzes=[quiz])
    enrolment = factories.enrolment(run_=run)
    attendance.attendance_record(
        session=run.sessions.get(),
        user=enrolment.contact,
        status=AttendanceStatus.PRESENT,
        by=run.leaders.get(),
    )
    InclusionPlan.objects.create(enrolment=enrolment, status=PlanStatus.SUBMITTED)
    page = english(enrolment.contact).get(
        reverse("courses:enrolment_detail", args=[enrolment.pk])
    )
    html = page.content.decode()
    assert "2 rules are not met yet." in html
    listing = html[
        html.index('id="missing"') : html.index("</ul>", html.index('id="missing"'))
    ]
    items = re.findall(r"<li.*?</li>", listing, flags=re.S)
    assert [("Met:" in item, "Not met:" in item) for item in items] == [
        (True, False),
        (False, True),
        (False, True),
    ]
