"""Taking a quiz through the pages: start, answer, submit, result, and refusals."""

import re
from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import Answer, Attempt, FeedbackTiming, QuestionKind
from courses.services import quizzes as services
from courses.views.quiz import ANSWER_LOCKED_MESSAGE

from ..accounts.factories import TEST_PASSWORD, UserFactory
from ..helpers import assert_shows_message
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


def english_client() -> Client:
    """These tests read the page text: a browser that chose English."""
    browser = Client()
    browser.cookies["django_language"] = "en"
    return browser


@pytest.fixture
def client():
    return english_client()


def start_url(quiz):
    return reverse("courses:quiz_start", args=[quiz.key])


def attempt_url(attempt):
    return reverse("courses:quiz_attempt", args=[attempt.pk])


def answer_url(attempt, position):
    return reverse("courses:quiz_answer", args=[attempt.pk, position])


def submit_url(attempt):
    return reverse("courses:quiz_submit", args=[attempt.pk])


def result_url(attempt):
    return reverse("courses:quiz_result", args=[attempt.pk])


def checked_ids(response) -> set[int]:
    """The choice ids pre-selected in the page's radio buttons and checkboxes."""
    html = response.content.decode()
    inputs = re.findall(r"<input[^>]*name=\"choice\"[^>]*>", html)
    return {
        int(re.search(r'value="(\d+)"', tag).group(1))
        for tag in inputs
        if " checked" in tag
    }


@pytest.fixture
def quiz():
    """Three questions, in a fixed order, choices not shuffled."""
    return qf.quiz(
        title="Inkludering i praksis",
        key="inkludering",
        instructions="Svar så godt du kan.",
        pass_mark=60,
        shuffle_choices=False,
        questions=[
            qf.question(
                text="Hva er arbeidstrening?",
                explanation="Arbeidstrening gir erfaring i et vanlig arbeidsmiljø.",
                choices=[("Trening på jobb", True), ("Et treningssenter", False)],
            ),
            qf.question(
                kind=QuestionKind.MULTIPLE,
                text="Hvem kan hjelpe bedriften?",
                choices=[("NAV", True), ("Skolen", True), ("Ingen", False)],
            ),
            qf.question(kind=QuestionKind.TRUE_FALSE, text="Alle kan jobbe litt."),
        ],
    )


@pytest.fixture
def person(client):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def attempt(quiz, person):
    return services.attempt_start(quiz=quiz, user=person)


def asked(attempt, position):
    return attempt.questions.get(position=position)


# --- The start page ---------------------------------------------------------


def test_the_start_page_needs_a_login(client, quiz):
    response = client.get(start_url(quiz))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_quiz_key_is_404(client, person):
    response = client.get(reverse("courses:quiz_start", args=["finnes-ikke"]))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_start_page_shows_what_the_quiz_is(client, person, quiz):
    quiz.time_limit_minutes = 15
    quiz.attempts_allowed = 3
    quiz.save()
    response = client.get(start_url(quiz))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Inkludering i praksis" in html
    assert "Svar så godt du kan." in html
    assert re.search(r'id="quiz-question-count">3<', html)
    assert re.search(r'id="quiz-pass-mark">60 %<', html)
    assert re.search(r'id="quiz-time-limit">\s*15 ', html)
    assert re.search(r'id="quiz-attempts-left">\s*3\s*<', html)
    assert 'id="quiz-start-button"' in html
    assert not Attempt.objects.exists()


def test_starting_creates_an_attempt_and_starting_again_resumes_it(
    client, person, quiz
):
    response = client.post(start_url(quiz))
    attempt = Attempt.objects.get(quiz=quiz, user=person)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == attempt_url(attempt)

    # The start page now offers to resume, and resuming gives the same attempt.
    response = client.get(start_url(quiz))
    assert b"quiz-start-button" in response.content
    response = client.post(start_url(quiz))
    assert response["Location"] == attempt_url(attempt)
    assert Attempt.objects.filter(quiz=quiz, user=person).count() == 1


def test_past_attempts_are_listed_with_score_and_a_review_link(client, person, attempt):
    services.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(asked(attempt, 1), "Trening på jobb"),
        user=person,
    )
    services.attempt_submit(attempt=attempt, user=person)
    response = client.get(start_url(attempt.quiz))
    html = response.content.decode()
    assert "33.33 %" in html
    assert f'href="{result_url(attempt)}"' in html


def test_more_attempts_than_allowed_are_refused_with_the_message(client, person, quiz):
    quiz.attempts_allowed = 1
    quiz.save()
    first = services.attempt_start(quiz=quiz, user=person)
    services.attempt_submit(attempt=first, user=person)

    response = client.post(start_url(quiz))
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, services.NO_ATTEMPTS_LEFT_MESSAGE, allowed=1)
    assert 'role="alert"' in response.content.decode()
    assert Attempt.objects.filter(quiz=quiz, user=person).count() == 1
    # The page itself offers no start button any more.
    assert b"quiz-start-button" not in client.get(start_url(quiz)).content


# --- Answering ---------------------------------------------------------------


def test_a_question_page_is_a_form_with_a_fieldset_and_labelled_choices(
    client, attempt
):
    response = client.get(attempt_url(attempt) + "?q=2")
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert re.search(r"<legend[^>]*>Hvem kan hjelpe bedriften\?</legend>", html)
    assert html.count('type="checkbox"') == 3
    assert 'type="radio"' not in html
    first = asked(attempt, 2).snapshot["choices"][0]["id"]
    assert '<label class="form-check-label" for="id_q2_choice_0">NAV</label>' in html
    assert re.search(rf'<input[^>]*value="{first}"[^>]*id="id_q2_choice_0"', html)
    assert "2 of 3" in html  # "Question 2 of 3"
    assert f'action="{answer_url(attempt, 2)}"' in html
    # Submitting goes through the question's form, which saves the answer first.
    assert re.search(
        r'<button type="submit" form="quiz-answer-form" formnovalidate name="go"'
        r' value="submit" id="quiz-submit-button"',
        html,
    )


def test_a_saved_answer_is_preselected_and_survives_a_new_login(
    client, person, attempt
):
    q1 = asked(attempt, 1)
    chosen = qf.ids(q1, "Trening på jobb")
    response = client.post(answer_url(attempt, 1), {"choice": chosen})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == attempt_url(attempt) + "?q=2"
    assert Answer.objects.get(attempt_question=q1).selected == chosen

    response = client.get(attempt_url(attempt) + "?q=1")
    assert checked_ids(response) == set(chosen)
    assert "1 of 3 answered" in response.content.decode()

    # A new browser, a new login: the answer is still there.
    other_browser = english_client()
    response = other_browser.post(
        "/accounts/login/", {"username": person.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND
    response = other_browser.get(attempt_url(attempt) + "?q=1")
    assert checked_ids(response) == set(chosen)


def test_several_choices_are_saved_for_a_multiple_choice_question(client, attempt):
    chosen = qf.ids(asked(attempt, 2), "NAV", "Skolen")
    client.post(answer_url(attempt, 2), {"choice": chosen})
    response = client.get(attempt_url(attempt) + "?q=2")
    assert checked_ids(response) == set(chosen)


def test_the_last_question_stays_on_its_page_at_the_submit_form(client, attempt):
    chosen = qf.ids(asked(attempt, 3), "Sant")
    response = client.post(answer_url(attempt, 3), {"choice": chosen})
    assert response["Location"] == attempt_url(attempt) + "?q=3#quiz-submit"


def test_all_questions_on_one_page_save_one_at_a_time(client, attempt):
    response = client.get(attempt_url(attempt) + "?alle=1")
    html = response.content.decode()
    assert html.count("<fieldset") == 3
    assert html.count(f'action="{submit_url(attempt)}"') == 1
    assert html.count('name="all_on_one" value="True"') == 3

    chosen = qf.ids(asked(attempt, 2), "NAV")
    response = client.post(
        answer_url(attempt, 2), {"choice": chosen, "all_on_one": "True"}
    )
    assert response["Location"] == attempt_url(attempt) + "?alle=1#question-2"
    assert checked_ids(client.get(response["Location"])) == set(chosen)
    assert Answer.objects.count() == 1


def test_feedback_after_each_question_shows_once_answered(client, person, quiz):
    quiz.feedback_timing = FeedbackTiming.AFTER_EACH
    quiz.save()
    q = quiz.fixed_questions.first().question
    q.choices.filter(text="Et treningssenter").update(feedback="Nei, det er noe annet.")
    attempt = services.attempt_start(quiz=quiz, user=person)

    response = client.get(attempt_url(attempt) + "?q=1")
    assert b"feedback-1" not in response.content
    assert b"vanlig arbeidsmilj" not in response.content

    wrong = qf.ids(asked(attempt, 1), "Et treningssenter")
    response = client.post(answer_url(attempt, 1), {"choice": wrong})
    assert response["Location"] == attempt_url(attempt) + "?q=1#feedback-1"
    html = client.get(response["Location"]).content.decode()
    assert 'id="feedback-1"' in html
    assert "Nei, det er noe annet." in html
    assert "Arbeidstrening gir erfaring i et vanlig arbeidsmiljø." in html
    assert "<fieldset disabled" in html

    # Once the feedback has been shown, the answer cannot be changed to the right one.
    right = qf.ids(asked(attempt, 1), "Trening på jobb")
    response = client.post(answer_url(attempt, 1), {"choice": right})
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, ANSWER_LOCKED_MESSAGE)
    assert Answer.objects.get(attempt_question=asked(attempt, 1)).selected == wrong


# --- Every way off a question saves its answer ---------------------------------


@pytest.mark.parametrize(
    ("go", "where"),
    [
        ("2", "?q=2"),  # "Next question" and the question navigation
        ("1", "?q=1"),  # "Previous question" and the question navigation
        ("all", "?alle=1#question-1"),  # "Show all questions on one page"
    ],
)
def test_leaving_a_question_by_any_button_saves_the_answer_first(
    client, attempt, go, where
):
    chosen = qf.ids(asked(attempt, 1), "Trening på jobb")
    response = client.post(answer_url(attempt, 1), {"choice": chosen, "go": go})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == attempt_url(attempt) + where
    assert Answer.objects.get(attempt_question=asked(attempt, 1)).selected == chosen
    response = client.get(attempt_url(attempt) + "?q=1")
    assert checked_ids(response) == set(chosen)


def test_submitting_from_a_question_saves_its_answer_and_grades_it(client, attempt):
    chosen = qf.ids(asked(attempt, 1), "Trening på jobb")
    response = client.post(answer_url(attempt, 1), {"choice": chosen, "go": "submit"})
    assert response["Location"] == result_url(attempt)
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    # One of three questions, answered right.
    assert attempt.score == Decimal("33.33")
    assert Answer.objects.get(attempt_question=asked(attempt, 1)).selected == chosen


def test_leaving_a_question_with_nothing_chosen_saves_nothing_and_goes_on(
    client, attempt
):
    response = client.post(answer_url(attempt, 2), {"go": "3"})
    assert response["Location"] == attempt_url(attempt) + "?q=3"
    assert not Answer.objects.exists()


def test_an_unchanged_answer_is_not_saved_again_on_the_way(client, attempt):
    chosen = qf.ids(asked(attempt, 1), "Trening på jobb")
    client.post(answer_url(attempt, 1), {"choice": chosen})
    saved = Answer.objects.get()
    response = client.post(answer_url(attempt, 1), {"choice": chosen, "go": "2"})
    assert response["Location"] == attempt_url(attempt) + "?q=2"
    assert Answer.objects.get().answered_at == saved.answered_at


def test_a_locked_answer_does_not_stop_the_person_leaving(client, person, quiz):
    quiz.feedback_timing = FeedbackTiming.AFTER_EACH
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, user=person)
    wrong = qf.ids(asked(attempt, 1), "Et treningssenter")
    client.post(answer_url(attempt, 1), {"choice": wrong})
    # The fieldset is disabled, so the browser sends no choice.
    response = client.post(answer_url(attempt, 1), {"go": "2"})
    assert response["Location"] == attempt_url(attempt) + "?q=2"
    assert Answer.objects.get().selected == wrong


@pytest.mark.parametrize("go", ["4", "0", "elsewhere"])
def test_an_unknown_destination_is_refused_and_nothing_saved(client, attempt, go):
    chosen = qf.ids(asked(attempt, 1), "Trening på jobb")
    response = client.post(answer_url(attempt, 1), {"choice": chosen, "go": go})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Select a valid choice." in response.content.decode()
    assert not Answer.objects.exists()


def test_a_wrong_choice_on_the_way_out_is_refused_and_nothing_saved(client, attempt):
    other = qf.ids(asked(attempt, 2), "NAV")
    response = client.post(answer_url(attempt, 1), {"choice": other, "go": "2"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Answer.objects.exists()


# --- Refusals ------------------------------------------------------------------


def test_another_persons_attempt_is_404_and_nothing_changes(client, quiz):
    owner = UserFactory()
    attempt = services.attempt_start(quiz=quiz, user=owner)
    client.force_login(UserFactory())
    chosen = qf.ids(asked(attempt, 1), "Trening på jobb")

    assert client.get(attempt_url(attempt)).status_code == HTTPStatus.NOT_FOUND
    response = client.post(answer_url(attempt, 1), {"choice": chosen})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert client.post(submit_url(attempt)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(result_url(attempt)).status_code == HTTPStatus.NOT_FOUND
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert not Answer.objects.exists()


def test_a_choice_from_another_question_is_refused_and_nothing_saved(client, attempt):
    other = qf.ids(asked(attempt, 2), "NAV")
    response = client.post(answer_url(attempt, 1), {"choice": other})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.CHOICE_NOT_IN_QUESTION_MESSAGE)
    assert 'role="alert"' in response.content.decode()
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("position", "data", "message"),
    [
        (1, {}, services.CHOOSE_ONE_MESSAGE),
        (2, {}, services.CHOOSE_AT_LEAST_ONE_MESSAGE),
        (1, {"choice": "x"}, services.CHOICE_NOT_IN_QUESTION_MESSAGE),
    ],
)
def test_an_empty_or_garbled_answer_is_refused(
    client, attempt, position, data, message
):
    response = client.post(answer_url(attempt, position), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, message)
    assert not Answer.objects.exists()


def test_a_question_not_in_the_attempt_is_404(client, attempt):
    response = client.post(answer_url(attempt, 9), {"choice": ["1"]})
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_an_answer_after_submitting_is_refused(client, person, attempt):
    first = qf.ids(asked(attempt, 1), "Et treningssenter")
    client.post(answer_url(attempt, 1), {"choice": first})
    client.post(submit_url(attempt))

    right = qf.ids(asked(attempt, 1), "Trening på jobb")
    response = client.post(answer_url(attempt, 1), {"choice": right})
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, services.ATTEMPT_FINISHED_MESSAGE)
    assert f'href="{result_url(attempt)}"' in response.content.decode()
    assert Answer.objects.get(attempt_question=asked(attempt, 1)).selected == first
    # And the question page of a finished attempt leads to its result.
    response = client.get(attempt_url(attempt) + "?q=1")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == result_url(attempt)


def test_an_answer_after_the_time_limit_is_refused_and_the_attempt_graded(
    client, person, quiz
):
    quiz.time_limit_minutes = 10
    quiz.save()
    started = timezone.now() - timedelta(minutes=11)
    attempt = services.attempt_start(quiz=quiz, user=person, now=started)
    right = qf.ids(asked(attempt, 1), "Trening på jobb")

    response = client.post(answer_url(attempt, 1), {"choice": right})
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, services.TIME_UP_MESSAGE)
    assert f'href="{result_url(attempt)}"' in response.content.decode()
    assert not Answer.objects.exists()
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.deadline
    assert attempt.score == Decimal("0.00")


def test_opening_a_question_after_the_time_limit_shows_the_graded_result(
    client, person, quiz
):
    quiz.time_limit_minutes = 10
    quiz.save()
    started = timezone.now() - timedelta(minutes=11)
    attempt = services.attempt_start(quiz=quiz, user=person, now=started)
    services.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(asked(attempt, 1), "Trening på jobb"),
        user=person,
        now=started + timedelta(minutes=1),
    )
    response = client.get(attempt_url(attempt) + "?q=2", follow=True)
    assert response.redirect_chain == [(result_url(attempt), HTTPStatus.FOUND)]
    assert_shows_message(response, services.TIME_UP_MESSAGE)
    assert "33.33 %" in response.content.decode()


def test_the_time_left_and_the_deadline_are_shown(client, person, quiz):
    quiz.time_limit_minutes = 10
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, user=person)
    html = client.get(attempt_url(attempt)).content.decode()
    assert re.search(r"About 10 minutes left", html)
    local = timezone.localtime(attempt.deadline)
    assert f"{local:%H:%M}" in html


# --- Submitting and the result ---------------------------------------------------


def test_submitting_twice_shows_the_same_result(client, person, attempt):
    client.post(
        answer_url(attempt, 1), {"choice": qf.ids(asked(attempt, 1), "Trening på jobb")}
    )
    first = client.post(submit_url(attempt))
    attempt.refresh_from_db()
    graded_at = attempt.submitted_at
    second = client.post(submit_url(attempt))
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert first["Location"] == second["Location"] == result_url(attempt)
    attempt.refresh_from_db()
    assert attempt.submitted_at == graded_at
    assert attempt.score == Decimal("33.33")
    page = client.get(result_url(attempt))
    assert page.status_code == HTTPStatus.OK
    assert "33.33 %" in page.content.decode()


def test_the_result_page_shows_score_answers_feedback_and_explanations(
    client, person, quiz
):
    for question in [item.question for item in quiz.fixed_questions.all()]:
        question.choices.filter(text="Skolen").update(feedback="Ja, skolen hjelper.")
        question.choices.filter(text="Ingen").update(feedback="Jo, noen kan hjelpe.")
    quiz.attempts_allowed = 2
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, user=person)
    client.post(
        answer_url(attempt, 1), {"choice": qf.ids(asked(attempt, 1), "Trening på jobb")}
    )
    client.post(
        answer_url(attempt, 2), {"choice": qf.ids(asked(attempt, 2), "Skolen", "Ingen")}
    )
    # Question 3 left unanswered.
    client.post(submit_url(attempt))

    response = client.get(result_url(attempt))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    attempt.refresh_from_db()
    assert attempt.score == Decimal("33.33")
    assert attempt.passed is False
    assert re.search(r'id="quiz-score"[^>]*>Your score: 33.33 %<', html)
    assert "Not passed: the pass mark is 60 %." in html

    def block(position):
        start = html.index(f'id="result-{position}"')
        end = html.find('id="result-', start + 1)
        return html[start : end if end != -1 else None]

    first, second, third = block(1), block(2), block(3)
    assert "Hva er arbeidstrening?" in first
    assert "Correct" in first and "Not correct" not in first
    assert "Arbeidstrening gir erfaring i et vanlig arbeidsmiljø." in first
    assert "Hvem kan hjelpe bedriften?" in second
    assert "Not correct" in second
    assert "Skolen" in second and "Ja, skolen hjelper." in second
    assert "Ingen" in second and "Jo, noen kan hjelpe." in second
    assert "(your choice, a correct answer)" in second
    assert "(your choice, not a correct answer)" in second
    assert "NAV" not in second  # not chosen, so not listed
    assert "Not answered" in third
    assert "You have 1 attempt left." in html
    assert 'id="quiz-try-again"' in html


def test_the_result_of_an_open_attempt_leads_back_to_the_questions(client, attempt):
    response = client.get(result_url(attempt))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == attempt_url(attempt)


def test_no_try_again_when_no_attempts_are_left(client, person, quiz):
    quiz.attempts_allowed = 1
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, user=person)
    client.post(submit_url(attempt))
    html = client.get(result_url(attempt)).content.decode()
    assert "You have 0 attempts left." in html
    assert 'id="quiz-try-again"' not in html


# --- Query counts -----------------------------------------------------------------


def answered_attempt(count):
    """An attempt at a quiz of `count` questions, every question answered."""
    user = UserFactory()
    quiz = qf.quiz(questions=[qf.question() for _ in range(count)])
    attempt = services.attempt_start(quiz=quiz, user=user)
    for item in attempt.questions.all():
        services.answer_save(
            attempt=attempt,
            position=item.position,
            choice_ids=qf.ids(item, "Riktig"),
            user=user,
        )
    return attempt, user


def queries_to_submit_and_show(client, count):
    attempt, user = answered_attempt(count)
    client.force_login(user)
    # The site menu is cached after the first page; measure with it cached.
    client.get(start_url(attempt.quiz))
    with CaptureQueriesContext(connection) as submitting:
        response = client.post(submit_url(attempt))
    assert response.status_code == HTTPStatus.FOUND
    with CaptureQueriesContext(connection) as showing:
        response = client.get(result_url(attempt))
    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count(
        'class="card card-body mb-3 quiz-result-'
    ) == (count)
    attempt.refresh_from_db()
    assert attempt.score == Decimal("100.00")
    return len(submitting), len(showing)


def test_grading_and_the_result_page_take_as_many_queries_for_50_questions_as_5(
    client,
):
    assert queries_to_submit_and_show(client, 5) == queries_to_submit_and_show(
        client, 50
    )
