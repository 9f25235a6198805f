"""Grading, the random draw and the promise that no answer is ever lost."""

import threading
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

import pytest

from cms.areas import Area
from courses.models import Answer, Attempt, QuestionKind
from courses.services import quizzes as services

from ..accounts.factories import UserFactory
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


def snapshot(kind, correct, wrong, partial=False):
    choices = [{"id": i, "is_correct": True} for i in correct] + [
        {"id": i, "is_correct": False} for i in wrong
    ]
    return {"kind": kind, "partial_credit": partial, "choices": choices}


@pytest.mark.parametrize(
    ("kind", "selected", "expected"),
    [
        (QuestionKind.SINGLE, [1], "1"),
        (QuestionKind.SINGLE, [3], "0"),
        (QuestionKind.TRUE_FALSE, [1], "1"),
        (QuestionKind.TRUE_FALSE, [3], "0"),
    ],
)
def test_single_and_true_false_grading(kind, selected, expected):
    assert services.question_score(
        snapshot=snapshot(kind, [1], [3]), selected=selected
    ) == Decimal(expected)


@pytest.mark.parametrize(
    ("selected", "all_or_nothing", "partial"),
    [
        ([1, 2], "1", "1"),  # exactly right
        ([1], "0", "0.5000"),  # one of two correct
        ([1, 3], "0", "0"),  # one right, one wrong: 1/2 - 1/2
        ([1, 2, 3], "0", "0.5000"),  # both right, one wrong
        ([3, 4], "0", "0"),  # never below zero
    ],
)
def test_multiple_choice_all_or_nothing_and_partial_credit(
    selected, all_or_nothing, partial
):
    strict = snapshot(QuestionKind.MULTIPLE, [1, 2], [3, 4])
    lenient = snapshot(QuestionKind.MULTIPLE, [1, 2], [3, 4], partial=True)
    assert services.question_score(snapshot=strict, selected=selected) == Decimal(
        all_or_nothing
    )
    assert services.question_score(snapshot=lenient, selected=selected) == Decimal(
        partial
    )


@pytest.mark.parametrize(
    ("kind", "choices", "code"),
    [
        (QuestionKind.SINGLE, [("a", True), ("b", True)], "one"),
        (QuestionKind.SINGLE, [("a", False), ("b", False)], "one"),
        (QuestionKind.MULTIPLE, [("a", False), ("b", False)], "at_least_one"),
        (QuestionKind.SINGLE, [("a", True), ("", False)], "empty_choice"),
        (QuestionKind.TRUE_FALSE, [("a", True), ("b", False), ("c", False)], "tf_two"),
        (QuestionKind.SINGLE, [("a", True)], "too_few"),
    ],
)
def test_question_validation(kind, choices, code):
    with pytest.raises(ValidationError) as excinfo:
        services.question_validate_choices(
            kind=kind, choices=[{"text": t, "is_correct": c} for t, c in choices]
        )
    assert code in {e.code for e in excinfo.value.error_list}


def test_valid_questions_pass_validation():
    for kind, choices in [
        (QuestionKind.SINGLE, [("a", True), ("b", False)]),
        (QuestionKind.MULTIPLE, [("a", True), ("b", True), ("c", False)]),
        (QuestionKind.TRUE_FALSE, [("Sant", False), ("Usant", True)]),
    ]:
        services.question_validate_choices(
            kind=kind, choices=[{"text": t, "is_correct": c} for t, c in choices]
        )


def test_random_draw_is_reproducible_per_attempt():
    for _ in range(12):
        qf.question(area=Area.TARGET_GROUPS)
    quiz = qf.quiz(draw_area=Area.TARGET_GROUPS, draw_count=5, shuffle_questions=True)
    first = [q.pk for q in services.attempt_questions_for(quiz=quiz, seed=42)]
    again = [q.pk for q in services.attempt_questions_for(quiz=quiz, seed=42)]
    other = [q.pk for q in services.attempt_questions_for(quiz=quiz, seed=43)]
    assert first == again
    assert len(first) == len(set(first)) == 5
    assert first != other


def test_attempt_resumes_with_the_same_questions_in_the_same_order():
    user = UserFactory()
    questions = [qf.question() for _ in range(4)]
    quiz = qf.quiz(questions=questions, shuffle_questions=True, shuffle_choices=True)
    attempt = services.attempt_start(quiz=quiz, user=user)
    first_q = attempt.questions.get(position=1)
    services.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(first_q, "Riktig"),
        user=user,
    )
    # After logout or a restart the person starts again and gets the same attempt.
    resumed = services.attempt_start(quiz=quiz, user=user)
    assert resumed.pk == attempt.pk
    assert [q.snapshot for q in resumed.questions.all()] == [
        q.snapshot for q in attempt.questions.all()
    ]
    assert Answer.objects.get(attempt_question=first_q).selected == qf.ids(
        first_q, "Riktig"
    )


def test_submitting_twice_grades_once_and_shows_the_same_result():
    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question(), qf.question()], pass_mark=50)
    attempt = services.attempt_start(quiz=quiz, user=user)
    q1 = attempt.questions.get(position=1)
    services.answer_save(
        attempt=attempt, position=1, choice_ids=qf.ids(q1, "Riktig"), user=user
    )
    first = services.attempt_submit(attempt=attempt, user=user)
    second = services.attempt_submit(attempt=attempt, user=user)
    assert first.score == second.score == Decimal("50.00")
    assert first.passed is True
    assert first.submitted_at == second.submitted_at


def test_concurrent_submits_produce_one_graded_attempt(transactional_db):
    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question()])
    attempt = services.attempt_start(quiz=quiz, user=user)
    q1 = attempt.questions.get(position=1)
    services.answer_save(
        attempt=attempt, position=1, choice_ids=qf.ids(q1, "Riktig"), user=user
    )
    results, errors = [], []
    barrier = threading.Barrier(2)

    def submit():
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=5)
            results.append(services.attempt_submit(attempt=attempt, user=user))
        except Exception as error:
            errors.append(error)
        finally:
            thread_connection.close()

    if connection.vendor == "postgresql":
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
    else:
        # SQLite serialises writers; two submits one after the other.
        barrier = threading.Barrier(1)
        submit()
        submit()
    assert errors == []
    assert len(results) == 2
    assert {r.submitted_at for r in results} == {
        Attempt.objects.get(pk=attempt.pk).submitted_at
    }
    assert Attempt.objects.filter(quiz=quiz, user=user).count() == 1
    assert Answer.objects.get(attempt_question=q1).score == Decimal("1.0000")


def test_time_limit_grades_what_was_saved_and_refuses_later_answers():
    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question(), qf.question()], time_limit_minutes=10)
    start = timezone.now()
    attempt = services.attempt_start(quiz=quiz, user=user, now=start)
    q1 = attempt.questions.get(position=1)
    q2 = attempt.questions.get(position=2)
    services.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(q1, "Riktig"),
        user=user,
        now=start + timedelta(minutes=5),
    )
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(
            attempt=attempt,
            position=2,
            choice_ids=qf.ids(q2, "Riktig"),
            user=user,
            now=start + timedelta(minutes=11),
        )
    assert excinfo.value.code == "time_up"
    attempt.refresh_from_db()
    assert attempt.score == Decimal("50.00")
    assert attempt.submitted_at == attempt.deadline
    assert not Answer.objects.filter(attempt_question=q2).exists()


def test_editing_a_question_later_changes_nothing_in_past_attempts():
    user = UserFactory()
    question = qf.question(text="Hva er arbeidstrening?")
    quiz = qf.quiz(questions=[question])
    attempt = services.attempt_start(quiz=quiz, user=user)
    asked = attempt.questions.get()
    services.answer_save(
        attempt=attempt, position=1, choice_ids=qf.ids(asked, "Riktig"), user=user
    )
    services.attempt_submit(attempt=attempt, user=user)
    question.text = "Omskrevet"
    question.save()
    question.choices.update(is_correct=False)
    asked.refresh_from_db()
    attempt.refresh_from_db()
    assert asked.snapshot["text"] == "Hva er arbeidstrening?"
    assert attempt.score == Decimal("100.00")


@pytest.fixture
def open_attempt():
    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question(), qf.question()])
    return services.attempt_start(quiz=quiz, user=user), user


def test_answer_to_a_question_not_in_the_attempt_is_refused(open_attempt):
    attempt, user = open_attempt
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(attempt=attempt, position=9, choice_ids=[1], user=user)
    assert excinfo.value.code == "not_in_attempt"
    assert not Answer.objects.exists()


def test_choice_from_another_question_is_refused(open_attempt):
    attempt, user = open_attempt
    other = attempt.questions.get(position=2)
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(
            attempt=attempt,
            position=1,
            choice_ids=qf.ids(other, "Riktig"),
            user=user,
        )
    assert excinfo.value.code == "wrong_choice"
    assert not Answer.objects.exists()


def test_another_persons_attempt_is_refused(open_attempt):
    attempt, _user = open_attempt
    stranger = UserFactory()
    q1 = attempt.questions.get(position=1)
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(
            attempt=attempt, position=1, choice_ids=qf.ids(q1, "Riktig"), user=stranger
        )
    assert excinfo.value.code == "not_yours"
    with pytest.raises(ValidationError):
        services.attempt_submit(attempt=attempt, user=stranger)
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_finished_attempt_refuses_answers(open_attempt):
    attempt, user = open_attempt
    services.attempt_submit(attempt=attempt, user=user)
    q1 = attempt.questions.get(position=1)
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(
            attempt=attempt, position=1, choice_ids=qf.ids(q1, "Riktig"), user=user
        )
    assert excinfo.value.code == "finished"


def test_more_attempts_than_allowed_are_refused():
    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question()], attempts_allowed=2)
    for _ in range(2):
        attempt = services.attempt_start(quiz=quiz, user=user)
        services.attempt_submit(attempt=attempt, user=user)
    assert services.attempts_left(quiz=quiz, user=user) == 0
    with pytest.raises(ValidationError) as excinfo:
        services.attempt_start(quiz=quiz, user=user)
    assert excinfo.value.code == "no_attempts_left"
    assert Attempt.objects.filter(quiz=quiz, user=user).count() == 2


def test_single_choice_needs_exactly_one_answer(open_attempt):
    attempt, user = open_attempt
    q1 = attempt.questions.get(position=1)
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(
            attempt=attempt,
            position=1,
            choice_ids=qf.ids(q1, "Riktig", "Feil"),
            user=user,
        )
    assert excinfo.value.code == "one"


def test_with_feedback_after_each_question_an_answer_cannot_change():
    from courses.models import FeedbackTiming

    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question()], feedback_timing=FeedbackTiming.AFTER_EACH)
    attempt = services.attempt_start(quiz=quiz, user=user)
    q1 = attempt.questions.get(position=1)
    services.answer_save(
        attempt=attempt, position=1, choice_ids=qf.ids(q1, "Feil"), user=user
    )
    with pytest.raises(ValidationError) as excinfo:
        services.answer_save(
            attempt=attempt, position=1, choice_ids=qf.ids(q1, "Riktig"), user=user
        )
    assert excinfo.value.code == "locked"
    assert Answer.objects.get(attempt_question=q1).selected == qf.ids(q1, "Feil")
