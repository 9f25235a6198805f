"""Quiz results for the course leader: per participant, per firm and per question."""

import csv
import io
from decimal import Decimal
from http import HTTPStatus

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.models import Grading, QuestionKind
from courses.selectors.quiz_results import quiz_statistics
from courses.selectors.runs import QuizResult, run_overview
from courses.services import quizzes as quiz_services

from ..accounts.factories import UserFactory
from . import factories
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


def take(quiz, user, answers, *, submit=True):
    """An attempt answering {position: (choice texts)}; other questions left open."""
    attempt = quiz_services.attempt_start(quiz=quiz, user=user)
    for position, texts in answers.items():
        asked = attempt.questions.get(position=position)
        quiz_services.answer_save(
            attempt=attempt,
            position=position,
            choice_ids=qf.ids(asked, *texts),
            user=user,
        )
    if submit:
        attempt = quiz_services.attempt_submit(attempt=attempt, user=user)
    return attempt


@pytest.fixture
def known_results():
    """Two firms with two participants each; a quiz with two questions.

    Question 1 (single): Riktig ×2, Feil ×1, Også feil ×1 → 2 of 4 fully correct.
    Question 2 (multiple, A and B correct): A+B, A, A+C, unanswered
    → 1 of 4 fully correct; A picked 3 times, B once, C once, D never (3 answers).
    Someone outside the run and an unsubmitted attempt change nothing.
    """
    single = qf.question(kind=QuestionKind.SINGLE, text="Hva er NAV?")
    multiple = qf.question(kind=QuestionKind.MULTIPLE, text="Hvilke tiltak finnes?")
    quiz = qf.quiz(
        questions=[single, multiple], shuffle_choices=False, pass_mark=50, title="Quiz"
    )
    run = factories.run()
    run.course.required_quizzes.add(quiz)
    firms = [factories.enrolment(run_=run, participants=2) for _ in range(2)]
    p1, p2 = firms[0].participants.order_by("pk")
    p3, p4 = firms[1].participants.order_by("pk")
    take(quiz, p1, {1: ["Riktig"], 2: ["A", "B"]})
    take(quiz, p2, {1: ["Riktig"], 2: ["A"]})
    take(quiz, p3, {1: ["Feil"], 2: ["A", "C"]})
    take(quiz, p4, {1: ["Også feil"]})
    take(quiz, p1, {1: ["Feil"], 2: ["D"]}, submit=False)
    take(quiz, UserFactory(), {1: ["Feil"], 2: ["D"]})
    return run, quiz, firms, (p1, p2, p3, p4)


def test_statistics_per_question_on_a_known_data_set(known_results):
    run, quiz, _firms, _people = known_results
    statistics = quiz_statistics(run=run, quiz=quiz)
    assert (statistics.attempts, statistics.people) == (4, 4)
    first, second = statistics.questions
    assert (first.text, first.asked, first.answered, first.fully_correct) == (
        "Hva er NAV?",
        4,
        4,
        2,
    )
    assert first.correct_percent == 50
    assert [
        (c.text, c.is_correct, c.picked, c.picked_percent) for c in first.choices
    ] == [
        ("Riktig", True, 2, 50),
        ("Feil", False, 1, 25),
        ("Også feil", False, 1, 25),
    ]
    assert (second.asked, second.answered, second.fully_correct) == (4, 3, 1)
    assert second.correct_percent == 25
    assert [(c.text, c.picked, c.picked_percent) for c in second.choices] == [
        ("A", 3, 100),
        ("B", 1, 33),
        ("C", 1, 33),
        ("D", 0, 0),
    ]


def test_statistics_take_one_query(known_results, django_assert_num_queries):
    run, quiz, _firms, _people = known_results
    with django_assert_num_queries(1):
        quiz_statistics(run=run, quiz=quiz)


def test_a_question_edited_later_is_one_row_with_the_latest_text():
    question = qf.question(text="Gammel tekst")
    quiz = qf.quiz(questions=[question], shuffle_choices=False)
    run = factories.run()
    run.course.required_quizzes.add(quiz)
    first, second = factories.enrolment(run_=run, participants=2).participants.all()
    take(quiz, first, {1: ["Feil"]})
    question.text = "Ny tekst"
    question.save()
    take(quiz, second, {1: ["Riktig"]})
    (only,) = quiz_statistics(run=run, quiz=quiz).questions
    assert (only.text, only.asked, only.fully_correct) == ("Ny tekst", 2, 1)


def test_page_shows_the_statistics_to_the_leader(client, known_results):
    run, quiz, _firms, _people = known_results
    client.force_login(run.leaders.get())
    response = client.get(reverse("courses:quiz_results", args=[run.pk, quiz.pk]))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Hva er NAV?" in page
    assert page.count('<table class="table table-sm align-middle quiz-choices">') == 2
    assert '<th scope="row">Riktig</th>' in page


def test_csv_has_one_line_per_choice(client, known_results):
    run, quiz, _firms, _people = known_results
    client.force_login(run.leaders.get())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("courses:quiz_results_csv", args=[run.pk, quiz.pk]))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="run-{run.pk}-quiz-{quiz.pk}.csv"'
    )
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    nav, tiltak = "Hva er NAV?", "Hvilke tiltak finnes?"
    assert list(csv.reader(io.StringIO(content[1:]), delimiter=";")) == [
        [
            "Question number",
            "Question",
            "Times asked",
            "Fully correct",
            "Fully correct (%)",
            "Choice",
            "Correct choice",
            "Times picked",
            "Picked (% of answers)",
        ],
        ["1", nav, "4", "2", "50", "Riktig", "Yes", "2", "50"],
        ["1", nav, "4", "2", "50", "Feil", "No", "1", "25"],
        ["1", nav, "4", "2", "50", "Også feil", "No", "1", "25"],
        ["2", tiltak, "4", "1", "25", "A", "Yes", "3", "100"],
        ["2", tiltak, "4", "1", "25", "B", "Yes", "1", "33"],
        ["2", tiltak, "4", "1", "25", "C", "No", "1", "33"],
        ["2", tiltak, "4", "1", "25", "D", "No", "0", "0"],
    ]


@pytest.mark.parametrize("name", ["quiz_results", "quiz_results_csv"])
def test_leader_of_another_run_is_refused_and_sees_nothing(client, known_results, name):
    run, quiz, _firms, _people = known_results
    client.force_login(factories.leader())
    response = client.get(reverse(f"courses:{name}", args=[run.pk, quiz.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Hva er NAV?" not in response.content.decode()


@pytest.mark.parametrize("name", ["quiz_results", "quiz_results_csv"])
def test_participant_is_refused(client, known_results, name):
    run, quiz, _firms, people = known_results
    client.force_login(people[0])
    response = client.get(reverse(f"courses:{name}", args=[run.pk, quiz.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Hva er NAV?" not in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client, known_results):
    run, quiz, _firms, _people = known_results
    response = client.get(reverse("courses:quiz_results", args=[run.pk, quiz.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response["Location"]


def test_non_leader_gets_403_even_for_a_quiz_the_run_does_not_have(client):
    run = factories.run()
    client.force_login(factories.leader())
    response = client.get(reverse("courses:quiz_results", args=[run.pk, 999_999]))
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_quiz_the_course_does_not_require_is_not_found(client, known_results):
    run, _quiz, _firms, _people = known_results
    other = qf.quiz(questions=[qf.question()])
    client.force_login(run.leaders.get())
    response = client.get(reverse("courses:quiz_results", args=[run.pk, other.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_overview_links_each_required_quiz_and_counts_who_passed(client, known_results):
    run, quiz, firms, people = known_results
    client.force_login(run.leaders.get())
    response = client.get(reverse("courses:run_overview", args=[run.pk]))
    overview = response.context["overview"]
    assert overview.quizzes == [quiz]
    # Pass mark 50: p1 (100 %) and p2 (50 %) of the first firm passed, p3 and
    # p4 (0 %) of the second did not.
    by_firm = {row.enrolment.pk: row for row in overview.rows}
    first, second = by_firm[firms[0].pk], by_firm[firms[1].pk]
    assert [(c.passed_count, c.total, c.passed) for c in first.quizzes] == [
        (2, 2, True)
    ]
    assert [(c.passed_count, c.total, c.passed) for c in second.quizzes] == [
        (0, 2, False)
    ]
    results = {
        person.user_id: person.results[0]
        for row in overview.rows
        for person in row.people
    }
    p1, p2, p3, p4 = people
    # p1's open second attempt is not counted.
    assert results[p1.pk] == QuizResult(1, Decimal("100.00"), True)
    assert results[p2.pk] == QuizResult(1, Decimal("50.00"), True)
    assert results[p3.pk] == QuizResult(1, Decimal("0.00"), False)
    assert results[p4.pk] == QuizResult(1, Decimal("0.00"), False)
    page = response.content.decode()
    url = reverse("courses:quiz_results", args=[run.pk, quiz.pk])
    assert f'href="{url}"' in page
    assert '<td><span aria-hidden="true">✓</span> 2/2</td>' in page
    assert '<td><span aria-hidden="true">–</span> 0/2</td>' in page


@pytest.mark.parametrize(
    ("grading", "score", "passed", "firm_passed"),
    [
        (Grading.BEST, Decimal("100.00"), True, 1),
        (Grading.LAST, Decimal("0.00"), False, 0),
    ],
)
def test_overview_counts_the_best_or_the_last_attempt(
    grading, score, passed, firm_passed
):
    quiz = qf.quiz(questions=[qf.question()], grading=grading, pass_mark=80)
    run = factories.run()
    run.course.required_quizzes.add(quiz)
    enrolment = factories.enrolment(run_=run, participants=2)
    person = enrolment.contact
    take(quiz, person, {1: ["Riktig"]})
    take(quiz, person, {1: ["Feil"]})
    (row,) = run_overview(run=run).rows
    (cell,) = row.quizzes
    assert (cell.passed_count, cell.total) == (firm_passed, 2)
    results = {p.user_id: p.results for p in row.people}
    assert results[person.pk] == [QuizResult(2, score, passed)]
    (other,) = [p for p in row.people if p.user_id != person.pk]
    assert other.results == [QuizResult(0, None, False)]


def test_best_grading_counts_the_earliest_of_equal_best_scores():
    quiz = qf.quiz(
        questions=[qf.question(), qf.question()], grading=Grading.BEST, pass_mark=50
    )
    run = factories.run()
    run.course.required_quizzes.add(quiz)
    person = factories.enrolment(run_=run).contact
    take(quiz, person, {1: ["Riktig"]})
    # A stricter pass mark later: the same 50 % no longer passes.
    quiz.pass_mark = 80
    quiz.save()
    take(quiz, person, {1: ["Riktig"]})
    (row,) = run_overview(run=run).rows
    assert row.people[0].results == [QuizResult(2, Decimal("50.00"), True)]


def _overview_queries(client, run):
    client.force_login(run.leaders.get())
    client.get(reverse("courses:run_overview", args=[run.pk]))
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("courses:run_overview", args=[run.pk]))
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries), response


def _run_with_quizzes(firms, people, quizzes):
    run = factories.run()
    for _ in range(quizzes):
        quiz = qf.quiz(questions=[qf.question(), qf.question()], shuffle_choices=False)
        run.course.required_quizzes.add(quiz)
    for _ in range(firms):
        enrolment = factories.enrolment(run_=run, participants=people)
        for person in enrolment.participants.all():
            for quiz in run.course.required_quizzes.all():
                take(quiz, person, {1: ["Feil"]})
                take(quiz, person, {1: ["Riktig"], 2: ["Riktig"]})
    return run


def test_overview_query_count_does_not_depend_on_quizzes_people_or_attempts(client):
    small_count, _small = _overview_queries(client, _run_with_quizzes(1, 1, 1))
    large_count, large = _overview_queries(client, _run_with_quizzes(5, 3, 3))
    overview = large.context["overview"]
    assert len(overview.quizzes) == 3
    assert all(cell.label == "3/3" for row in overview.rows for cell in row.quizzes)
    assert large_count == small_count
    assert small_count <= 17
