"""Taking a quiz: the start page, one question at a time (or all on one page),
submitting, and the result. Plain forms and redirects; no JavaScript needed."""

import math
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..forms.quiz import GO_ALL, GO_SUBMIT, AnswerForm
from ..models import Attempt, FeedbackTiming, Quiz
from ..selectors import quizzes as selectors
from ..selectors.quizzes import AttemptDetail
from ..services import quizzes as services

ANSWER_LOCKED_MESSAGE = services.ANSWER_LOCKED_MESSAGE
# The service refuses these because the attempt is over, not because of the input.
_CLOSED_CODES = {"finished", "time_up"}
ALL_ON_ONE_PARAM = "alle"


def _quiz_or_404(key: str) -> Quiz:
    quiz = selectors.quiz_by_key(key=key)
    if quiz is None:
        raise Http404
    return quiz


def _attempt_url(attempt: Attempt, *, position=None, all_on_one=False, anchor=""):
    url = reverse("courses:quiz_attempt", args=[attempt.pk])
    if all_on_one:
        url += f"?{ALL_ON_ONE_PARAM}=1"
    elif position:
        url += f"?q={position}"
    return url + (f"#{anchor}" if anchor else "")


def _result_url(attempt: Attempt) -> str:
    return reverse("courses:quiz_result", args=[attempt.pk])


def _is_time_up(attempt: Attempt, now=None) -> bool:
    now = now or timezone.now()
    return (
        attempt.submitted_at is None
        and attempt.deadline is not None
        and now > attempt.deadline
    )


def _start_page(request, quiz: Quiz, *, error=None, status=HTTPStatus.OK):
    attempts = selectors.attempts_of_user(quiz=quiz, user=request.user)
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    left = services.attempts_left(quiz=quiz, user=request.user)
    can_start = open_attempt is not None or left != 0
    return render(
        request,
        "courses/quiz/start.html",
        {
            "quiz": quiz,
            "question_count": selectors.quiz_question_count(quiz=quiz),
            "past_attempts": [a for a in attempts if a.submitted_at is not None],
            "open_attempt": open_attempt,
            "attempts_left": left,
            "attempts_allowed": services.attempts_allowed_for(
                quiz=quiz, user=request.user
            ),
            "can_start": can_start,
            "leaders": (
                []
                if can_start
                else selectors.quiz_leaders_for(quiz=quiz, user=request.user)
            ),
            "error": error,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def quiz_start(request, key: str):
    quiz = _quiz_or_404(key)
    if request.method == "POST":
        try:
            attempt = services.attempt_start(quiz=quiz, user=request.user)
        except ValidationError as error:
            return _start_page(request, quiz, error=error, status=HTTPStatus.CONFLICT)
        return redirect(_attempt_url(attempt))
    return _start_page(request, quiz)


def _position(request, detail: AttemptDetail) -> int:
    try:
        position = int(request.GET.get("q", 1))
    except ValueError:
        position = 1
    return min(max(position, 1), detail.total)


def _attempt_page(
    request,
    detail: AttemptDetail,
    *,
    all_on_one: bool,
    position: int,
    bound_form: AnswerForm | None = None,
    status=HTTPStatus.OK,
):
    attempt = detail.attempt
    shown = detail.questions if all_on_one else [detail.question(position)]
    after_each = attempt.quiz.feedback_timing == FeedbackTiming.AFTER_EACH
    items = []
    for question in shown:
        if bound_form is not None and bound_form.question.position == question.position:
            form = bound_form
        else:
            form = AnswerForm(
                question=question, initial={"all_on_one": all_on_one or None}
            )
        items.append(
            {
                "question": question,
                "form": form,
                "locked": after_each and question.answered,
                "show_feedback": after_each and question.answered,
                "is_last": question.position == detail.total,
            }
        )
    minutes_left = None
    if attempt.deadline is not None:
        seconds = (attempt.deadline - timezone.now()).total_seconds()
        minutes_left = max(0, math.ceil(seconds / 60))
    return render(
        request,
        "courses/quiz/attempt.html",
        {
            "detail": detail,
            "attempt": attempt,
            "quiz": attempt.quiz,
            "items": items,
            "all_on_one": all_on_one,
            "position": position,
            # The question shown alone on this page (none when all are shown).
            "current_position": None if all_on_one else position,
            "previous_position": position - 1 if position > 1 else None,
            "next_position": position + 1 if position < detail.total else None,
            "minutes_left": minutes_left,
            "after_each": after_each,
        },
        status=status,
    )


def _grade_if_time_is_up(request, detail: AttemptDetail):
    """After the deadline the attempt is over whatever is done next; grading it now
    (idempotent, with the answers saved in time) lets the person see the result."""
    if not _is_time_up(detail.attempt):
        return None
    services.attempt_submit(attempt=detail.attempt, user=request.user)
    messages.warning(request, services.TIME_UP_MESSAGE)
    return redirect(_result_url(detail.attempt))


@require_GET
@login_required
def quiz_attempt(request, attempt_pk: int):
    detail = selectors.attempt_with_questions(attempt_pk=attempt_pk, user=request.user)
    if detail.attempt.submitted_at is not None:
        return redirect(_result_url(detail.attempt))
    if (response := _grade_if_time_is_up(request, detail)) is not None:
        return response
    return _attempt_page(
        request,
        detail,
        all_on_one=bool(request.GET.get(ALL_ON_ONE_PARAM)),
        position=_position(request, detail),
    )


def _closed_page(request, attempt: Attempt, error: ValidationError):
    return render(
        request,
        "courses/quiz/closed.html",
        {"attempt": attempt, "quiz": attempt.quiz, "error": error},
        status=HTTPStatus.CONFLICT,
    )


@require_POST
@login_required
def quiz_answer(request, attempt_pk: int, position: int):
    detail = selectors.attempt_with_questions(attempt_pk=attempt_pk, user=request.user)
    attempt = detail.attempt
    question = detail.question(position)
    if question is None:
        raise Http404
    if attempt.submitted_at is not None:
        error = ValidationError(services.ATTEMPT_FINISHED_MESSAGE, code="finished")
        return _closed_page(request, attempt, error)
    if _is_time_up(attempt):
        attempt = services.attempt_submit(attempt=attempt, user=request.user)
        error = ValidationError(services.TIME_UP_MESSAGE, code="time_up")
        return _closed_page(request, attempt, error)
    form = AnswerForm(request.POST, question=question, total=detail.total)
    valid = form.is_valid()
    all_on_one = bool(form.cleaned_data.get("all_on_one"))
    after_each = attempt.quiz.feedback_timing == FeedbackTiming.AFTER_EACH

    def refused(status=HTTPStatus.BAD_REQUEST):
        return _attempt_page(
            request,
            detail,
            all_on_one=all_on_one,
            position=position,
            bound_form=form,
            status=status,
        )

    if not valid:
        return refused()
    destination = form.destination
    choice_ids = form.choice_ids()
    # "Save" always saves (and says so when refused); a way elsewhere saves what
    # is chosen, unless it is what was saved already or can no longer change.
    must_save = not destination or (
        choice_ids
        and set(choice_ids) != set(question.selected)
        and not (after_each and question.answered)
    )
    if must_save:
        try:
            services.answer_save(
                attempt=attempt,
                position=position,
                choice_ids=choice_ids,
                user=request.user,
            )
        except ValidationError as error:
            if getattr(error, "code", None) in _CLOSED_CODES:
                attempt.refresh_from_db()
                return _closed_page(request, attempt, error)
            form.add_error("choice", error)
            locked = getattr(error, "code", None) == "locked"
            return refused(HTTPStatus.CONFLICT if locked else HTTPStatus.BAD_REQUEST)
        messages.success(
            request,
            _("Your answer to question %(position)s has been saved.")
            % {"position": position},
        )
    if destination == GO_SUBMIT:
        # What quiz_submit does; a redirect there could not carry the POST.
        services.attempt_submit(attempt=attempt, user=request.user)
        return redirect(_result_url(attempt))
    return redirect(
        _after_answer_url(
            attempt,
            destination=destination,
            position=position,
            total=detail.total,
            all_on_one=all_on_one,
            after_each=after_each,
        )
    )


def _after_answer_url(
    attempt, *, destination, position, total, all_on_one, after_each
) -> str:
    """Where a question page's button leads once the answer is saved."""
    if destination == GO_ALL or (not destination and all_on_one):
        return _attempt_url(attempt, all_on_one=True, anchor=f"question-{position}")
    if destination:
        return _attempt_url(attempt, position=int(destination))
    if after_each:
        return _attempt_url(attempt, position=position, anchor=f"feedback-{position}")
    if position < total:
        return _attempt_url(attempt, position=position + 1)
    return _attempt_url(attempt, position=position, anchor="quiz-submit")


@require_POST
@login_required
def quiz_submit(request, attempt_pk: int):
    attempt = selectors.attempt_for_user(attempt_pk=attempt_pk, user=request.user)
    # Submitting again (double click, back button, two tabs) shows the same result.
    services.attempt_submit(attempt=attempt, user=request.user)
    return redirect(_result_url(attempt))


@require_GET
@login_required
def quiz_result(request, attempt_pk: int):
    detail = selectors.attempt_with_questions(attempt_pk=attempt_pk, user=request.user)
    attempt = detail.attempt
    if attempt.submitted_at is None:
        if (response := _grade_if_time_is_up(request, detail)) is not None:
            return response
        return redirect(_attempt_url(attempt))
    left = services.attempts_left(quiz=attempt.quiz, user=request.user)
    return render(
        request,
        "courses/quiz/result.html",
        {
            "detail": detail,
            "attempt": attempt,
            "quiz": attempt.quiz,
            "attempts_left": left,
            "attempts_allowed": services.attempts_allowed_for(
                quiz=attempt.quiz, user=request.user
            ),
            "can_try_again": left != 0,
            "leaders": (
                selectors.quiz_leaders_for(quiz=attempt.quiz, user=request.user)
                if left == 0
                else []
            ),
        },
    )


urlpatterns = [
    path("quiz/<slug:key>/", quiz_start, name="quiz_start"),
    path("quiz/forsok/<id:attempt_pk>/", quiz_attempt, name="quiz_attempt"),
    path(
        "quiz/forsok/<id:attempt_pk>/svar/<int:position>/",
        quiz_answer,
        name="quiz_answer",
    ),
    path("quiz/forsok/<id:attempt_pk>/lever/", quiz_submit, name="quiz_submit"),
    path("quiz/forsok/<id:attempt_pk>/resultat/", quiz_result, name="quiz_result"),
]
