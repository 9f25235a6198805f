"""Pages for course leaders: how a run's participants answered a required quiz,
and more attempts for a participant who has used theirs."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rules.contrib.views import permission_required

from lms.accounts.models import User

from ..forms.quiz import AttemptGrantForm
from ..models import Quiz
from ..selectors import quiz_results as selectors
from ..services import quizzes as quiz_services
from .csv_download import csv_download
from .leader import run_from_url


def _run_and_quiz(request, run_pk, quiz_pk):
    """Only the run's own quizzes: a quiz the course doesn't require is not found."""
    run = run_from_url(request, run_pk)
    quiz = get_object_or_404(
        Quiz.objects.filter(courses__id=run.course_id).only(
            "id", "title", "grading", "key", "attempts_allowed"
        ),
        pk=quiz_pk,
    )
    return run, quiz


def _run(request, run_pk, quiz_pk):
    return run_from_url(request, run_pk)


def _results_page(request, run, quiz, *, grant_form=None, status=HTTPStatus.OK):
    standing = selectors.quiz_attempt_standing(run=run, quiz=quiz)
    can_grant = bool(quiz.attempts_allowed) and request.user.has_perm(
        "courses.grant_attempts", run
    )
    if can_grant and grant_form is None:
        grant_form = AttemptGrantForm(
            people=[(person.user_id, person.label) for person in standing]
        )
    return render(
        request,
        "courses/leader/quiz_results.html",
        {
            "run": run,
            "quiz": quiz,
            "statistics": selectors.quiz_statistics(run=run, quiz=quiz),
            "standing": standing,
            "grants": selectors.quiz_grants(run=run, quiz=quiz),
            "can_grant": can_grant,
            "grant_form": grant_form,
        },
        status=status,
    )


@login_required
@permission_required("courses.view_run", fn=_run, raise_exception=True)
def quiz_results(request, run_pk, quiz_pk):
    run, quiz = _run_and_quiz(request, run_pk, quiz_pk)
    return _results_page(request, run, quiz)


@require_POST
@login_required
def attempt_grant(request, run_pk, quiz_pk):
    """Give one of the run's participants more attempts at the quiz."""
    if not request.user.has_perm(
        "courses.grant_attempts", run_from_url(request, run_pk)
    ):
        raise PermissionDenied
    run, quiz = _run_and_quiz(request, run_pk, quiz_pk)
    standing = selectors.quiz_attempt_standing(run=run, quiz=quiz)
    form = AttemptGrantForm(
        request.POST, people=[(person.user_id, person.label) for person in standing]
    )
    if form.is_valid():
        person = User.objects.get(pk=form.cleaned_data["person"])
        try:
            quiz_services.attempt_grant(
                quiz=quiz,
                user=person,
                run=run,
                extra=form.cleaned_data["extra"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            extra = form.cleaned_data["extra"]
            messages.success(
                request,
                ngettext(
                    "%(person)s has been given %(extra)s more attempt at %(quiz)s.",
                    "%(person)s has been given %(extra)s more attempts at %(quiz)s.",
                    extra,
                )
                % {
                    "person": person,
                    "extra": extra,
                    "quiz": quiz.title,
                },
            )
            return redirect(
                reverse("courses:quiz_results", args=[run.pk, quiz.pk])
                + "#attempt-grants"
            )
    return _results_page(
        request, run, quiz, grant_form=form, status=HTTPStatus.BAD_REQUEST
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
    path(
        "ledelse/<id:run_pk>/quiz/<id:quiz_pk>/ekstra-forsok/",
        attempt_grant,
        name="attempt_grant",
    ),
]
