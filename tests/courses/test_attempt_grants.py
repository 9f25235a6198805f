"""More quiz attempts: the course leader grants them (recorded, with a reason),
the person's own limit counts them everywhere, and a person whose attempts are
used up is told what to do next."""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import pytest

from courses.models import AttemptGrant
from courses.services import quizzes as services

from ..accounts.factories import UserFactory
from ..helpers import assert_shows_message
from . import factories
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    return qf.quiz(questions=[qf.question()], attempts_allowed=1, title="Grunnkurs")


@pytest.fixture
def run(quiz):
    course = factories.course()
    course.required_quizzes.set([quiz])
    return factories.run(course_=course)


@pytest.fixture
def person(run):
    return factories.enrolment(run_=run).contact


@pytest.fixture
def leader(run):
    return run.leaders.get()


def english(user) -> Client:
    browser = Client()
    browser.cookies["django_language"] = "en"
    browser.force_login(user)
    return browser


def use_attempt(quiz, person):
    attempt = services.attempt_start(quiz=quiz, user=person)
    return services.attempt_submit(attempt=attempt, user=person)


def grant_url(run, quiz):
    return reverse("courses:attempt_grant", args=[run.pk, quiz.pk])


def results_url(run, quiz):
    return reverse("courses:quiz_results", args=[run.pk, quiz.pk])


def post_grant(client, run, quiz, **data):
    return client.post(
        grant_url(run, quiz), {f"grant-{key}": value for key, value in data.items()}
    )


def messages_of(excinfo) -> list[str]:
    return [str(m) for m in excinfo.value.messages]


# --- The service ------------------------------------------------------------------


def test_a_grant_raises_the_persons_own_limit_and_is_recorded(quiz, run, person):
    use_attempt(quiz, person)
    assert services.attempts_left(quiz=quiz, user=person) == 0
    leader = run.leaders.get()

    grant = services.attempt_grant(
        quiz=quiz,
        user=person,
        run=run,
        extra=2,
        reason="  Syk på samlingen. ",
        by=leader,
    )

    assert (grant.extra, grant.reason, grant.granted_by) == (
        2,
        "Syk på samlingen.",
        leader,
    )
    assert services.attempts_allowed_for(quiz=quiz, user=person) == 3
    assert services.attempts_left(quiz=quiz, user=person) == 2
    # Someone else's limit is the quiz's own.
    other = UserFactory()
    assert services.attempts_allowed_for(quiz=quiz, user=other) == 1
    # The person can start again, and the limit holds after the new attempts.
    use_attempt(quiz, person)
    use_attempt(quiz, person)
    with pytest.raises(ValidationError) as excinfo:
        services.attempt_start(quiz=quiz, user=person)
    assert messages_of(excinfo) == [
        str(services.NO_ATTEMPTS_LEFT_MESSAGE) % {"allowed": 3}
    ]


def test_grants_add_up(quiz, run, person, leader):
    for extra in (1, 2):
        services.attempt_grant(
            quiz=quiz, user=person, run=run, extra=extra, reason="Ny sjanse", by=leader
        )
    assert services.attempts_allowed_for(quiz=quiz, user=person) == 4
    assert AttemptGrant.objects.filter(user=person).count() == 2


@pytest.mark.parametrize(
    ("extra", "reason", "message"),
    [
        (0, "Grunn", services.GRANT_EXTRA_RANGE_MESSAGE),
        (6, "Grunn", services.GRANT_EXTRA_RANGE_MESSAGE),
        (99, "Grunn", services.GRANT_EXTRA_RANGE_MESSAGE),
        (1, "   ", services.GRANT_REASON_REQUIRED_MESSAGE),
        (1, "", services.GRANT_REASON_REQUIRED_MESSAGE),
    ],
)
def test_the_service_refuses_bad_grants(
    quiz, run, person, leader, extra, reason, message
):
    with pytest.raises(ValidationError) as excinfo:
        services.attempt_grant(
            quiz=quiz, user=person, run=run, extra=extra, reason=reason, by=leader
        )
    assert messages_of(excinfo) == [str(message)]
    assert not AttemptGrant.objects.exists()


def test_the_service_refuses_a_person_not_in_the_run(quiz, run, leader):
    other_run = factories.run(course_=run.course)
    outsider = factories.enrolment(run_=other_run).contact
    with pytest.raises(ValidationError) as excinfo:
        services.attempt_grant(
            quiz=quiz, user=outsider, run=run, extra=1, reason="Grunn", by=leader
        )
    assert messages_of(excinfo) == [str(services.GRANT_NOT_IN_RUN_MESSAGE)]
    assert not AttemptGrant.objects.exists()


def test_the_service_refuses_a_quiz_the_run_does_not_require(run, person, leader):
    other = qf.quiz(questions=[qf.question()], attempts_allowed=2)
    with pytest.raises(ValidationError) as excinfo:
        services.attempt_grant(
            quiz=other, user=person, run=run, extra=1, reason="Grunn", by=leader
        )
    assert messages_of(excinfo) == [str(services.GRANT_QUIZ_NOT_IN_RUN_MESSAGE)]
    assert not AttemptGrant.objects.exists()


def test_the_service_refuses_someone_who_does_not_lead_the_run(quiz, run, person):
    other_leader = factories.leader()
    factories.run(leaders=[other_leader])
    for by in (other_leader, person):
        with pytest.raises(PermissionDenied):
            services.attempt_grant(
                quiz=quiz, user=person, run=run, extra=1, reason="Grunn", by=by
            )
    assert not AttemptGrant.objects.exists()


# --- The leader's page ---------------------------------------------------------------


def test_the_leader_sees_who_has_used_their_attempts_and_grants_more(
    quiz, run, person, leader
):
    use_attempt(quiz, person)
    client = english(leader)
    page = client.get(results_url(run, quiz)).content.decode()
    assert 'id="attempt-grant-form"' in page
    standing = page[page.index(f'id="standing-{person.pk}"') :]
    standing = standing[: standing.index("</li>")]
    assert "1 of 1 attempts used" in standing and "No attempts left" in standing

    response = post_grant(
        client, run, quiz, person=person.pk, extra=1, reason="Var syk under quizen."
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == results_url(run, quiz) + "#attempt-grants"
    grant = AttemptGrant.objects.get()
    assert (grant.user, grant.run, grant.quiz, grant.extra, grant.granted_by) == (
        person,
        run,
        quiz,
        1,
        leader,
    )
    page = client.get(results_url(run, quiz)).content.decode()
    assert "Var syk under quizen." in page
    assert "1 of 2 attempts used" in page
    assert f"{escape(str(person))} has been given 1 more attempt at Grunnkurs." in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"extra": 1, "reason": ""}, "reason", services.GRANT_REASON_REQUIRED_MESSAGE),
        ({"extra": 0, "reason": "Grunn"}, "extra", services.GRANT_EXTRA_RANGE_MESSAGE),
        ({"extra": 99, "reason": "Grunn"}, "extra", services.GRANT_EXTRA_RANGE_MESSAGE),
        (
            {"extra": "x", "reason": "Grunn"},
            "extra",
            services.GRANT_EXTRA_RANGE_MESSAGE,
        ),
    ],
)
def test_the_form_refuses_bad_input_and_saves_nothing(
    quiz, run, person, leader, data, field, message
):
    client = english(leader)
    response = post_grant(client, run, quiz, person=person.pk, **data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["grant_form"].errors[field] == [str(message)]
    assert_shows_message(response, message)
    assert not AttemptGrant.objects.exists()


def test_the_form_refuses_a_person_not_in_the_run(quiz, run, person, leader):
    outsider = factories.enrolment(run_=factories.run(course_=run.course)).contact
    client = english(leader)
    response = post_grant(client, run, quiz, person=outsider.pk, extra=1, reason="G")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["grant_form"].errors["person"] == [
        str(services.GRANT_NOT_IN_RUN_MESSAGE)
    ]
    # The outsider's name is not offered on the page.
    assert escape(str(outsider)) not in response.content.decode()
    assert not AttemptGrant.objects.exists()


def test_only_the_runs_leader_may_grant(quiz, run, person):
    other_leader = factories.leader()
    factories.run(leaders=[other_leader])
    for user in (other_leader, person):
        response = post_grant(
            english(user), run, quiz, person=person.pk, extra=1, reason="Grunn"
        )
        assert response.status_code == HTTPStatus.FORBIDDEN
    anonymous = Client().post(grant_url(run, quiz), {"grant-person": person.pk})
    assert anonymous.status_code == HTTPStatus.FOUND
    assert not AttemptGrant.objects.exists()


def test_a_quiz_the_run_does_not_require_is_not_found(run, person, leader):
    other = qf.quiz(questions=[qf.question()], attempts_allowed=1)
    response = post_grant(
        english(leader), run, other, person=person.pk, extra=1, reason="Grunn"
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not AttemptGrant.objects.exists()


# --- The participant's next step ------------------------------------------------------


def test_a_person_without_attempts_is_told_to_ask_the_leader(quiz, run, person, leader):
    attempt = use_attempt(quiz, person)
    client = english(person)
    start = client.get(reverse("courses:quiz_start", args=[quiz.key]))
    page = start.content.decode()
    assert 'id="quiz-start-button"' not in page
    assert "ask your course leader for another attempt" in page
    assert f'href="mailto:{leader.email}' in page
    result = client.get(reverse("courses:quiz_result", args=[attempt.pk]))
    assert "ask your course leader for another attempt" in result.content.decode()
    assert 'id="quiz-try-again"' not in result.content.decode()

    services.attempt_grant(
        quiz=quiz, user=person, run=run, extra=1, reason="Grunn", by=leader
    )
    page = client.get(reverse("courses:quiz_start", args=[quiz.key])).content.decode()
    assert 'id="quiz-start-button"' in page
    assert "ask your course leader" not in page
    response = client.post(reverse("courses:quiz_start", args=[quiz.key]))
    assert response.status_code == HTTPStatus.FOUND


def test_the_leaders_of_other_runs_are_not_named(quiz, run, person):
    stranger_run = factories.run(course_=run.course)
    stranger = stranger_run.leaders.get()
    use_attempt(quiz, person)
    page = english(person).get(reverse("courses:quiz_start", args=[quiz.key]))
    assert stranger.email not in page.content.decode()


def test_a_grant_is_in_both_peoples_data_export(quiz, run, person, leader):
    from lms.accounts import personal_data

    services.attempt_grant(
        quiz=quiz, user=person, run=run, extra=2, reason="Syk", by=leader
    )
    [mine] = personal_data.export(person)["quiz_attempt_grants"]
    assert (mine["quiz"], mine["extra_attempts"], mine["reason"]) == (
        "Grunnkurs",
        2,
        "Syk",
    )
    assert (mine["granted_to_me"], mine["granted_by_me"]) == (True, False)
    [given] = personal_data.export(leader)["quiz_attempt_grants"]
    assert (given["granted_to_me"], given["granted_by_me"]) == (False, True)
