"""Reads for taking a quiz: the quiz, a person's attempts and an attempt's questions.

Everything a question page or a result page shows is read here in a fixed number
of queries, however many questions the attempt has.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.shortcuts import get_object_or_404

from ..models import (
    Attempt,
    AttemptQuestion,
    CourseRun,
    EnrolmentStatus,
    Question,
    QuestionKind,
    Quiz,
    RunStatus,
)
from ..services.quizzes import question_score


class Outcome:
    CORRECT = "correct"
    PARTLY = "partly"
    WRONG = "wrong"
    UNANSWERED = "unanswered"


@dataclass(frozen=True)
class ShownChoice:
    """One choice as it was shown in the attempt, and whether the person chose it."""

    id: int
    text: str
    is_correct: bool
    feedback: str
    chosen: bool


@dataclass(frozen=True)
class AskedQuestion:
    """One question of an attempt, from its snapshot, with the saved answer."""

    position: int
    text: str
    kind: str
    explanation: str
    choices: list[ShownChoice]
    selected: list[int]
    answered: bool
    # The share of a point earned: the graded score, or what it would be now.
    score: Decimal | None
    # Multiple choice: each correct choice earns its share (else all or nothing).
    partial_credit: bool = False

    @property
    def multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    @property
    def chosen_choices(self) -> list[ShownChoice]:
        return [choice for choice in self.choices if choice.chosen]

    @property
    def correct_count(self) -> int:
        """How many of the shown choices are correct."""
        return sum(1 for choice in self.choices if choice.is_correct)

    @property
    def chosen_correct_count(self) -> int:
        return sum(1 for c in self.choices if c.chosen and c.is_correct)

    @property
    def chosen_wrong_count(self) -> int:
        return sum(1 for c in self.choices if c.chosen and not c.is_correct)

    @property
    def outcome(self) -> str:
        if not self.answered:
            return Outcome.UNANSWERED
        if self.score == 1:
            return Outcome.CORRECT
        if self.score:
            return Outcome.PARTLY
        return Outcome.WRONG

    @property
    def score_percent(self) -> Decimal:
        return (self.score or Decimal(0)) * 100


@dataclass(frozen=True)
class AttemptDetail:
    """An attempt (with its quiz) and its questions in the order they were asked."""

    attempt: Attempt
    questions: list[AskedQuestion]

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered_count(self) -> int:
        return sum(1 for question in self.questions if question.answered)

    @property
    def unanswered_count(self) -> int:
        return self.total - self.answered_count

    def question(self, position: int) -> AskedQuestion | None:
        for question in self.questions:
            if question.position == position:
                return question
        return None


def quiz_by_key(*, key: str) -> Quiz | None:
    """The quiz a lesson's quiz block names, or None."""
    return Quiz.objects.filter(key=key).first()


def quiz_question_count(*, quiz: Quiz) -> int:
    """How many questions an attempt at the quiz asks: fixed ones plus the draw."""
    fixed_ids = list(quiz.fixed_questions.values_list("question_id", flat=True))
    drawn = 0
    if quiz.draw_area and quiz.draw_count:
        pool = (
            Question.objects.filter(area=quiz.draw_area)
            .exclude(pk__in=fixed_ids)
            .count()
        )
        drawn = min(quiz.draw_count, pool)
    return len(fixed_ids) + drawn


def attempts_of_user(*, quiz: Quiz, user) -> list[Attempt]:
    """The person's attempts at the quiz, first one first (the open one included)."""
    return list(Attempt.objects.filter(quiz=quiz, user=user).order_by("number"))


def past_attempts(*, quiz: Quiz, user) -> list[Attempt]:
    """The person's submitted attempts at the quiz, first one first."""
    return [a for a in attempts_of_user(quiz=quiz, user=user) if a.submitted_at]


def quiz_leaders_for(*, quiz: Quiz, user) -> list:
    """The course leaders who can give the person more attempts at the quiz:
    those of the runs (not cancelled) the person takes part in whose course
    requires the quiz; one query."""
    from lms.accounts.models import User

    runs = CourseRun.objects.filter(
        course__required_quizzes=quiz,
        enrolments__status=EnrolmentStatus.ACCEPTED,
        enrolments__participants=user,
    ).exclude(status=RunStatus.CANCELLED)
    return list(
        User.objects.filter(led_runs__in=runs)
        .distinct()
        .only("id", "first_name", "last_name", "email")
        .order_by("first_name", "last_name", "pk")
    )


def attempt_for_user(*, attempt_pk: int, user) -> Attempt:
    """The person's own attempt with its quiz; 404 for anyone else's, so an
    attempt's existence is never revealed."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz"), pk=attempt_pk, user_id=user.pk
    )


def _asked(item: AttemptQuestion) -> AskedQuestion:
    snapshot = item.snapshot
    answer = getattr(item, "answer", None)
    selected = list(answer.selected) if answer is not None else []
    chosen = set(selected)
    score = None
    if answer is not None:
        score = answer.score
        if score is None:
            score = question_score(snapshot=snapshot, selected=selected)
    return AskedQuestion(
        position=item.position,
        text=snapshot["text"],
        kind=snapshot["kind"],
        explanation=snapshot["explanation"],
        choices=[
            ShownChoice(
                id=choice["id"],
                text=choice["text"],
                is_correct=choice["is_correct"],
                feedback=choice["feedback"],
                chosen=choice["id"] in chosen,
            )
            for choice in snapshot["choices"]
        ],
        selected=selected,
        answered=answer is not None,
        score=score,
        partial_credit=bool(snapshot.get("partial_credit")),
    )


def attempt_with_questions(*, attempt_pk: int, user) -> AttemptDetail:
    """The person's own attempt (404 otherwise) with its quiz, questions and saved
    answers: one query, however many questions (two for an attempt without any)."""
    items = list(
        AttemptQuestion.objects.filter(attempt_id=attempt_pk, attempt__user_id=user.pk)
        .select_related("attempt__quiz", "answer")
        .order_by("position")
    )
    if items:
        attempt = items[0].attempt
    else:
        attempt = attempt_for_user(attempt_pk=attempt_pk, user=user)
    return AttemptDetail(attempt=attempt, questions=[_asked(item) for item in items])
