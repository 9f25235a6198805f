"""Builders for the question bank and quizzes."""

import itertools

from cms.areas import Area
from courses.models import Choice, Question, QuestionKind, Quiz, QuizQuestion

_n = itertools.count(1)


def question(*, kind=QuestionKind.SINGLE, area=Area.MEASURES, choices=None, **kwargs):
    """`choices`: list of (text, is_correct); a sensible default per kind."""
    if choices is None:
        choices = {
            QuestionKind.SINGLE: [
                ("Riktig", True),
                ("Feil", False),
                ("Også feil", False),
            ],
            QuestionKind.MULTIPLE: [
                ("A", True),
                ("B", True),
                ("C", False),
                ("D", False),
            ],
            QuestionKind.TRUE_FALSE: [("Sant", True), ("Usant", False)],
        }[kind]
    item = Question.objects.create(
        kind=kind,
        area=area,
        text=kwargs.pop("text", f"Spørsmål {next(_n)}"),
        explanation=kwargs.pop("explanation", "Fordi."),
        **kwargs,
    )
    for order, (text, correct) in enumerate(choices):
        Choice.objects.create(
            question=item, text=text, is_correct=correct, sort_order=order
        )
    return item


def quiz(*, questions=(), **kwargs):
    n = next(_n)
    defaults = {"title": f"Quiz {n}", "key": f"quiz-{n}", "shuffle_questions": False}
    item = Quiz.objects.create(**{**defaults, **kwargs})
    for order, q in enumerate(questions):
        QuizQuestion.objects.create(quiz=item, question=q, sort_order=order)
    return item


def ids(attempt_question, *texts):
    """Choice ids of the given texts in an attempt question's snapshot."""
    by_text = {c["text"]: c["id"] for c in attempt_question.snapshot["choices"]}
    return [by_text[t] for t in texts]
