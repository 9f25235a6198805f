"""Reads for course leaders: how a run's participants answered each quiz question."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from ..models import (
    Attempt,
    AttemptGrant,
    AttemptQuestion,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    Quiz,
)
from .runs import person_name, run_participant_ids


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class ChoiceStatistics:
    choice_id: int
    text: str
    is_correct: bool
    picked: int = 0
    answered: int = 0  # answers given to the question (the share's base)

    @property
    def picked_percent(self) -> int:
        return _percent(self.picked, self.answered)


@dataclass
class QuestionStatistics:
    """One question over the submitted attempts that asked it.

    `asked` counts every submitted attempt that showed the question, answered or
    not; `fully_correct` those whose answer scored a full point.
    """

    question_id: int | None
    text: str
    kind: str
    asked: int = 0
    answered: int = 0
    fully_correct: int = 0
    choices: list[ChoiceStatistics] = field(default_factory=list)

    @property
    def correct_percent(self) -> int:
        return _percent(self.fully_correct, self.asked)


@dataclass
class QuizStatistics:
    run: CourseRun
    quiz: Quiz
    attempts: int  # submitted attempts by the run's participants
    people: int  # participants with at least one submitted attempt
    questions: list[QuestionStatistics]


def quiz_statistics(*, run: CourseRun, quiz: Quiz) -> QuizStatistics:
    """Per question asked: the share of submitted attempts (by the run's
    participants) answering it fully correctly and how often each choice was
    picked. One query, however many attempts.

    Questions are grouped by the bank question they were drawn from, with the
    text and choices of the latest attempt that asked them; a choice that only
    older attempts showed is still counted. Questions deleted from the bank keep
    their snapshot and are grouped by its text.
    """
    asked = (
        AttemptQuestion.objects.filter(
            attempt__quiz=quiz,
            attempt__submitted_at__isnull=False,
            attempt__user_id__in=run_participant_ids(run=run),
        )
        .order_by("attempt__submitted_at", "attempt_id", "position")
        .values_list(
            "question_id",
            "snapshot",
            "attempt_id",
            "attempt__user_id",
            "answer__selected",
            "answer__score",
        )
    )
    grouped: dict[object, dict] = {}
    attempts: set[int] = set()
    people: set[int] = set()
    for question_id, snapshot, attempt_id, user_id, selected, score in asked:
        attempts.add(attempt_id)
        people.add(user_id)
        key = question_id if question_id is not None else ("text", snapshot["text"])
        group = grouped.setdefault(key, {"question_id": question_id, "rows": []})
        # Oldest first, so the last snapshot seen is the latest.
        group["snapshot"] = snapshot
        group["rows"].append((snapshot, selected, score))

    questions = [_question(group) for group in grouped.values()]
    questions.sort(key=lambda q: (q.question_id is None, q.question_id or 0, q.text))
    return QuizStatistics(
        run=run,
        quiz=quiz,
        attempts=len(attempts),
        people=len(people),
        questions=questions,
    )


def _question(group: dict) -> QuestionStatistics:
    latest = group["snapshot"]
    stats = QuestionStatistics(
        question_id=group["question_id"], text=latest["text"], kind=latest["kind"]
    )
    choices: dict[int, ChoiceStatistics] = {}
    # Choices in the order the latest attempt showed them; older ones after.
    for snapshot in [latest, *(row[0] for row in reversed(group["rows"]))]:
        for choice in snapshot["choices"]:
            if choice["id"] not in choices:
                choices[choice["id"]] = ChoiceStatistics(
                    choice_id=choice["id"],
                    text=choice["text"],
                    is_correct=choice["is_correct"],
                )
    for _snapshot, selected, score in group["rows"]:
        stats.asked += 1
        if selected is None:  # shown but never answered
            continue
        stats.answered += 1
        if score is not None and score == 1:
            stats.fully_correct += 1
        for choice_id in set(selected):
            if choice_id in choices:
                choices[choice_id].picked += 1
    for choice in choices.values():
        choice.answered = stats.answered
    stats.choices = list(choices.values())
    return stats


@dataclass(frozen=True)
class PersonAttempts:
    """One participant of the run at one quiz: attempts used and allowed (the
    quiz's limit plus grants; None when unlimited), and whether they passed."""

    user_id: int
    name: str
    firm_name: str
    used: int
    allowed: int | None
    passed: bool

    @property
    def used_up(self) -> bool:
        return self.allowed is not None and self.used >= self.allowed

    @property
    def label(self) -> str:
        return f"{self.name} ({self.firm_name})"


def quiz_attempt_standing(*, run: CourseRun, quiz: Quiz) -> list[PersonAttempts]:
    """Every participant of the run's accepted firms, firm by firm and by name,
    with their attempts at the quiz: three queries however many people."""
    people = (
        Enrolment.participants.through.objects.filter(
            enrolment__run=run, enrolment__status=EnrolmentStatus.ACCEPTED
        )
        .order_by("enrolment__firm__name", "user__first_name", "user__last_name")
        .values_list(
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__email",
            "enrolment__firm__name",
        )
    )
    ids = run_participant_ids(run=run)
    used: dict[int, tuple[int, bool]] = {
        user_id: (count, bool(passed))
        for user_id, count, passed in Attempt.objects.filter(quiz=quiz, user_id__in=ids)
        .values("user_id")
        .annotate(count=Count("id"), passed=Count("id", filter=Q(passed=True)))
        .values_list("user_id", "count", "passed")
    }
    granted = dict(
        AttemptGrant.objects.filter(quiz=quiz, user_id__in=ids)
        .values("user_id")
        .annotate(extra=Sum("extra"))
        .values_list("user_id", "extra")
    )
    standing = []
    seen = set()
    for user_id, first, last, email, firm_name in people:
        if user_id in seen:  # in two firms of the run: listed once
            continue
        seen.add(user_id)
        count, passed = used.get(user_id, (0, False))
        allowed = (
            quiz.attempts_allowed + granted.get(user_id, 0)
            if quiz.attempts_allowed
            else None
        )
        standing.append(
            PersonAttempts(
                user_id=user_id,
                name=person_name(first, last, email),
                firm_name=firm_name,
                used=count,
                allowed=allowed,
                passed=passed,
            )
        )
    return standing


def quiz_grants(*, run: CourseRun, quiz: Quiz) -> list[AttemptGrant]:
    """The extra attempts given at the quiz in this run, newest first."""
    return list(
        AttemptGrant.objects.filter(run=run, quiz=quiz)
        .select_related("user", "granted_by")
        .order_by("-created_at", "-pk")
    )
