"""Question validation, attempts that never lose an answer, and grading."""

import random
import secrets
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    Answer,
    Attempt,
    AttemptGrant,
    AttemptQuestion,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    FeedbackTiming,
    Question,
    QuestionKind,
    Quiz,
)

SINGLE_NEEDS_ONE_CORRECT_MESSAGE = _(
    "A single-choice or true/false question has exactly one correct choice."
)
MULTIPLE_NEEDS_A_CORRECT_MESSAGE = _(
    "A multiple-choice question needs at least one correct choice."
)
EMPTY_CHOICE_MESSAGE = _("A choice cannot be empty.")
TOO_FEW_CHOICES_MESSAGE = _("A question needs at least two choices.")
TRUE_FALSE_TWO_CHOICES_MESSAGE = _("A true/false question has exactly two choices.")
NO_ATTEMPTS_LEFT_MESSAGE = _("You have used all %(allowed)s attempts at this quiz.")
ATTEMPT_FINISHED_MESSAGE = _(
    "This attempt has been submitted; answers can no longer change."
)
TIME_UP_MESSAGE = _(
    "The time for this attempt ran out. It has been graded with the answers you had "
    "saved before the time limit."
)
NOT_YOUR_ATTEMPT_MESSAGE = _("This attempt belongs to someone else.")
QUESTION_NOT_IN_ATTEMPT_MESSAGE = _("That question is not part of this attempt.")
CHOICE_NOT_IN_QUESTION_MESSAGE = _("That choice does not belong to this question.")
CHOOSE_ONE_MESSAGE = _("Choose one answer.")
CHOOSE_AT_LEAST_ONE_MESSAGE = _("Choose at least one answer.")
EMPTY_QUIZ_MESSAGE = _("This quiz has no questions yet.")
# Once the feedback (and so the right answer) has been shown, the answer stays.
ANSWER_LOCKED_MESSAGE = _(
    "You have seen the feedback for this question; the answer can no longer change."
)

GRANT_EXTRA_RANGE_MESSAGE = _("Give between 1 and 5 extra attempts.")
GRANT_REASON_REQUIRED_MESSAGE = _(
    "Write why the person gets more attempts: it is kept with the grant."
)
GRANT_NOT_IN_RUN_MESSAGE = _("This person is not a participant in this course run.")
GRANT_QUIZ_NOT_IN_RUN_MESSAGE = _("This course run does not require this quiz.")
GRANT_UNLIMITED_MESSAGE = _(
    "This quiz has no limit on attempts, so there is nothing to grant."
)
GRANT_EXTRA_MIN = 1
GRANT_EXTRA_MAX = 5

ONE = Decimal(1)


def question_validate_choices(*, kind: str, choices: list[dict]) -> None:
    """Refuse a question whose choices don't fit its kind. `choices`: dicts with
    `text` and `is_correct` (deleted ones left out)."""
    errors = []
    if any(not (c.get("text") or "").strip() for c in choices):
        errors.append(ValidationError(EMPTY_CHOICE_MESSAGE, code="empty_choice"))
    correct = sum(1 for c in choices if c.get("is_correct"))
    if len(choices) < 2:
        errors.append(ValidationError(TOO_FEW_CHOICES_MESSAGE, code="too_few"))
    if kind == QuestionKind.TRUE_FALSE and len(choices) != 2:
        errors.append(ValidationError(TRUE_FALSE_TWO_CHOICES_MESSAGE, code="tf_two"))
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct != 1:
        errors.append(ValidationError(SINGLE_NEEDS_ONE_CORRECT_MESSAGE, code="one"))
    if kind == QuestionKind.MULTIPLE and correct < 1:
        errors.append(
            ValidationError(MULTIPLE_NEEDS_A_CORRECT_MESSAGE, code="at_least_one")
        )
    if errors:
        raise ValidationError(errors)


def question_score(*, snapshot: dict, selected: list[int]) -> Decimal:
    """The share of one point the answer earns, by the rules of its kind.

    Single choice and true/false: 1 for the correct choice, else 0.
    Multiple choice, all or nothing: 1 only for exactly the correct set.
    Multiple choice with partial credit: +1/C for each correct choice picked and
    -1/C for each wrong one (C = number of correct choices), never below 0.
    """
    chosen = set(selected)
    correct = {c["id"] for c in snapshot["choices"] if c["is_correct"]}
    if snapshot["kind"] != QuestionKind.MULTIPLE or not snapshot["partial_credit"]:
        return ONE if chosen == correct else Decimal(0)
    hits = len(chosen & correct)
    misses = len(chosen - correct)
    share = Decimal(hits - misses) / Decimal(len(correct))
    return max(Decimal(0), share).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def question_snapshot(question: Question, rng: random.Random, shuffle: bool) -> dict:
    """What an attempt keeps of a question: its text and choices (shuffled with
    `rng` unless true/false), so later edits never change an answered attempt."""
    choices = [
        {
            "id": choice.pk,
            "text": choice.text,
            "is_correct": choice.is_correct,
            "feedback": choice.feedback,
        }
        for choice in question.choices.all()
    ]
    if shuffle and question.kind != QuestionKind.TRUE_FALSE:
        rng.shuffle(choices)
    return {
        "text": question.text,
        "kind": question.kind,
        "explanation": question.explanation,
        "partial_credit": question.partial_credit,
        "choices": choices,
    }


def attempt_questions_for(*, quiz: Quiz, seed: int) -> list[Question]:
    """The questions an attempt with this seed asks, in order: reproducible."""
    rng = random.Random(seed)  # noqa: S311 - a draw, not a secret
    fixed = [item.question for item in quiz.fixed_questions.select_related("question")]
    drawn: list[Question] = []
    if quiz.draw_area and quiz.draw_count:
        pool = list(
            Question.objects.filter(area=quiz.draw_area)
            .exclude(pk__in=[q.pk for q in fixed])
            .order_by("pk")
        )
        drawn = rng.sample(pool, min(quiz.draw_count, len(pool)))
    questions = fixed + drawn
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def attempts_allowed_for(*, quiz: Quiz, user) -> int | None:
    """The person's own limit at the quiz: the quiz's limit plus every attempt
    a course leader granted them (None: unlimited)."""
    if not quiz.attempts_allowed:
        return None
    granted = AttemptGrant.objects.filter(quiz=quiz, user=user).aggregate(
        extra=Sum("extra")
    )["extra"]
    return quiz.attempts_allowed + (granted or 0)


def attempts_left(*, quiz: Quiz, user) -> int | None:
    """How many more attempts the person may start (None: unlimited), counted
    against the person's own limit (grants included)."""
    allowed = attempts_allowed_for(quiz=quiz, user=user)
    if allowed is None:
        return None
    used = Attempt.objects.filter(quiz=quiz, user=user).count()
    return max(0, allowed - used)


@transaction.atomic
def attempt_grant(
    *, quiz: Quiz, user, run: CourseRun, extra, reason: str, by
) -> AttemptGrant:
    """Give a run's participant `extra` (1–5) more attempts at a quiz the run
    requires, with a reason; recorded and never changed. Only a leader of the
    run (or an administrator) may."""
    if not by.has_perm("courses.grant_attempts", run):
        raise PermissionDenied
    errors = []
    if not isinstance(extra, int) or not GRANT_EXTRA_MIN <= extra <= GRANT_EXTRA_MAX:
        errors.append(ValidationError(GRANT_EXTRA_RANGE_MESSAGE, code="extra"))
    reason = (reason or "").strip()
    if not reason:
        errors.append(ValidationError(GRANT_REASON_REQUIRED_MESSAGE, code="reason"))
    if not run.course.required_quizzes.filter(pk=quiz.pk).exists():
        errors.append(ValidationError(GRANT_QUIZ_NOT_IN_RUN_MESSAGE, code="quiz"))
    elif not quiz.attempts_allowed:
        errors.append(ValidationError(GRANT_UNLIMITED_MESSAGE, code="unlimited"))
    in_run = Enrolment.objects.filter(
        run=run, status=EnrolmentStatus.ACCEPTED, participants=user
    ).exists()
    if not in_run:
        errors.append(ValidationError(GRANT_NOT_IN_RUN_MESSAGE, code="not_in_run"))
    if errors:
        raise ValidationError(errors)
    grant = AttemptGrant(
        quiz=quiz, user=user, run=run, extra=extra, reason=reason, granted_by=by
    )
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def attempt_start(*, quiz: Quiz, user, now: datetime | None = None) -> Attempt:
    """Resume the person's open attempt, or start a new one if attempts are left."""
    now = now or timezone.now()
    open_attempt = Attempt.objects.filter(
        quiz=quiz, user=user, submitted_at__isnull=True
    ).first()
    if open_attempt is not None:
        if open_attempt.deadline and now > open_attempt.deadline:
            attempt_submit(attempt=open_attempt, user=user, now=now)
        else:
            return open_attempt
    left = attempts_left(quiz=quiz, user=user)
    if left == 0:
        raise ValidationError(
            NO_ATTEMPTS_LEFT_MESSAGE,
            code="no_attempts_left",
            params={"allowed": attempts_allowed_for(quiz=quiz, user=user)},
        )
    seed = secrets.randbits(62)
    questions = attempt_questions_for(quiz=quiz, seed=seed)
    if not questions:
        raise ValidationError(EMPTY_QUIZ_MESSAGE, code="empty")
    number = Attempt.objects.filter(quiz=quiz, user=user).count() + 1
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                user=user,
                number=number,
                seed=seed,
                started_at=now,
                deadline=(
                    now + timedelta(minutes=quiz.time_limit_minutes)
                    if quiz.time_limit_minutes
                    else None
                ),
            )
    except IntegrityError:
        # Two tabs started at once: the other one won; use its attempt.
        return Attempt.objects.get(quiz=quiz, user=user, submitted_at__isnull=True)
    rng = random.Random(seed + 1)  # noqa: S311 - choice order, not a secret
    with_choices = Question.objects.prefetch_related("choices").in_bulk(
        [q.pk for q in questions]
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            position=position,
            question=question,
            snapshot=question_snapshot(
                with_choices[question.pk], rng, quiz.shuffle_choices
            ),
        )
        for position, question in enumerate(questions, start=1)
    )
    return attempt


def answer_save(
    *, attempt: Attempt, position: int, choice_ids: list[int], user, now=None
) -> Answer:
    """Save (or change) the answer to one question of an open attempt, at once.

    After the time limit nothing is saved: the attempt is graded with what was
    saved before, and the person is told so.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.user_id != user.pk:
            raise ValidationError(NOT_YOUR_ATTEMPT_MESSAGE, code="not_yours")
        if attempt.submitted_at is not None:
            raise ValidationError(ATTEMPT_FINISHED_MESSAGE, code="finished")
        time_up = attempt.deadline is not None and now > attempt.deadline
        if not time_up:
            return _store_answer(attempt, position, choice_ids)
    attempt_submit(attempt=attempt, user=user, now=now)
    raise ValidationError(TIME_UP_MESSAGE, code="time_up")


def _store_answer(attempt: Attempt, position: int, choice_ids) -> Answer:
    asked = attempt.questions.filter(position=position).first()
    if asked is None:
        raise ValidationError(QUESTION_NOT_IN_ATTEMPT_MESSAGE, code="not_in_attempt")
    if (
        attempt.quiz.feedback_timing == FeedbackTiming.AFTER_EACH
        and Answer.objects.filter(attempt_question=asked).exists()
    ):
        raise ValidationError(ANSWER_LOCKED_MESSAGE, code="locked")
    valid_ids = {c["id"] for c in asked.snapshot["choices"]}
    try:
        chosen = list(dict.fromkeys(int(c) for c in choice_ids))
    except (TypeError, ValueError) as error:
        raise ValidationError(
            CHOICE_NOT_IN_QUESTION_MESSAGE, code="wrong_choice"
        ) from error
    if any(c not in valid_ids for c in chosen):
        raise ValidationError(CHOICE_NOT_IN_QUESTION_MESSAGE, code="wrong_choice")
    if asked.snapshot["kind"] == QuestionKind.MULTIPLE:
        if not chosen:
            raise ValidationError(CHOOSE_AT_LEAST_ONE_MESSAGE, code="empty")
    elif len(chosen) != 1:
        raise ValidationError(CHOOSE_ONE_MESSAGE, code="one")
    answer, _created = Answer.objects.update_or_create(
        attempt_question=asked, defaults={"selected": chosen}
    )
    return answer


def attempt_score(
    *, asked: list[dict], answered: list[tuple[dict, list[int]]]
) -> tuple[list[Decimal], Decimal]:
    """Each answer's score and the attempt's percentage (two decimals): the sum of
    the answers' scores over the number of questions asked (unanswered: 0)."""
    scores = [
        question_score(snapshot=snapshot, selected=selected)
        for snapshot, selected in answered
    ]
    percent = (sum(scores, Decimal(0)) * 100 / len(asked)) if asked else Decimal(0)
    return scores, percent.quantize(Decimal("0.01"), ROUND_HALF_UP)


def attempt_submit(*, attempt: Attempt, user, now: datetime | None = None) -> Attempt:
    """Grade the attempt once. Submitting again (double click, two tabs, a retry)
    returns the same graded attempt; concurrent submits grade it exactly once."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.user_id != user.pk:
            raise ValidationError(NOT_YOUR_ATTEMPT_MESSAGE, code="not_yours")
        if locked.submitted_at is not None:
            return locked
        asked = list(locked.questions.select_related("answer"))
        answered = [item for item in asked if getattr(item, "answer", None)]
        answers = [item.answer for item in answered]
        scores, locked.score = attempt_score(
            asked=[item.snapshot for item in asked],
            answered=[(item.snapshot, item.answer.selected) for item in answered],
        )
        for answer, score in zip(answers, scores, strict=True):
            answer.score = score
        Answer.objects.bulk_update(answers, ["score"])
        locked.passed = locked.score >= locked.quiz.pass_mark
        # After the deadline, the attempt counts as submitted at the deadline.
        locked.submitted_at = min(now, locked.deadline) if locked.deadline else now
        locked.save(update_fields=["score", "passed", "submitted_at"])
    return locked
