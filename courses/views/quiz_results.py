"""Pages for course leaders: how a run's participants answered a required quiz."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext as _

from rules.contrib.views import permission_required

from ..models import Quiz
from ..selectors import quiz_results as selectors
from .csv_download import csv_download
from .leader import run_from_url


def _run_and_quiz(request, run_pk, quiz_pk):
    """Only the run's own quizzes: a quiz the course doesn't require is not found."""
    run = run_from_url(request, run_pk)
    quiz = get_object_or_404(
        Quiz.objects.filter(courses__id=run.course_id).only("id", "title", "grading"),
        pk=quiz_pk,
    )
    return run, quiz


def _run(request, run_pk, quiz_pk):
    return run_from_url(request, run_pk)


@login_required
@permission_required("courses.view_run", fn=_run, raise_exception=True)
def quiz_results(request, run_pk, quiz_pk):
    run, quiz = _run_and_quiz(request, run_pk, quiz_pk)
    return render(
        request,
        "courses/leader/quiz_results.html",
        {
            "run": run,
            "quiz": quiz,
            "statistics": selectors.quiz_statistics(run=run, quiz=quiz),
        },
    )


@login_required
@permission_required("courses.view_run", fn=_run, raise_exception=True)
def quiz_results_csv(request, run_pk, quiz_pk):
    run, quiz = _run_and_quiz(request, run_pk, quiz_pk)
    statistics = selectors.quiz_statistics(run=run, quiz=quiz)
    response, writer = csv_download(f"run-{run.pk}-quiz-{quiz.pk}.csv")
    writer.writerow(
        [
            _("Question number"),
            _("Question"),
            _("Times asked"),
            _("Fully correct"),
            _("Fully correct (%)"),
            _("Choice"),
            _("Correct choice"),
            _("Times picked"),
            _("Picked (% of answers)"),
        ]
    )
    yes, no = _("Yes"), _("No")
    # One line per choice, the question repeated: easy to filter and sort.
    for number, question in enumerate(statistics.questions, start=1):
        for choice in question.choices:
            writer.writerow(
                [
                    number,
                    question.text,
                    question.asked,
                    question.fully_correct,
                    question.correct_percent,
                    choice.text,
                    yes if choice.is_correct else no,
                    choice.picked,
                    choice.picked_percent,
                ]
            )
    return response


urlpatterns = [
    path("ledelse/<id:run_pk>/quiz/<id:quiz_pk>/", quiz_results, name="quiz_results"),
    path(
        "ledelse/<id:run_pk>/quiz/<id:quiz_pk>/csv/",
        quiz_results_csv,
        name="quiz_results_csv",
    ),
]
