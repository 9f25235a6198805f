"""Lesson progress and reflection notes: a person's own record of their study."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import LessonPage

from ..models import LessonProgress, ReflectionNote
from ..selectors.participant import is_participant

LESSON_DONE_MESSAGE = _("The lesson is marked as done.")
LESSON_UNDONE_MESSAGE = _("The lesson is no longer marked as done.")
NOTE_SAVED_MESSAGE = _("Your answer has been saved. Only you can see it.")
NOTE_DELETED_MESSAGE = _("Your answer has been deleted.")
NOTE_UNKNOWN_QUESTION_MESSAGE = _(
    "This reflection question is no longer in the lesson. Copy your answer "
    "somewhere safe and reload the page."
)
NOTE_TOO_LONG_MESSAGE = _(
    "Your answer is %(length)s characters long; the limit is %(limit)s."
)
NOTE_MAX_LENGTH = 5000


def _progress_for(*, user, lesson: LessonPage) -> LessonProgress:
    try:
        with transaction.atomic():
            progress, _created = LessonProgress.objects.get_or_create(
                user=user, lesson=lesson
            )
    except IntegrityError:
        # A second tab created it between our read and our insert.
        progress = LessonProgress.objects.get(user=user, lesson=lesson)
    return progress


def lesson_open_record(*, user, lesson: LessonPage) -> LessonProgress | None:
    """Record the first time a run participant opens a lesson; later opens, and
    anyone who takes part in no run, change nothing."""
    if not user.is_authenticated:
        return None
    progress = LessonProgress.objects.filter(user=user, lesson=lesson).first()
    if progress is not None or not is_participant(user=user):
        return progress
    return _progress_for(user=user, lesson=lesson)


def lesson_mark_done(*, user, lesson: LessonPage) -> LessonProgress:
    """The lesson counts as done for this person from now (idempotent)."""
    progress = _progress_for(user=user, lesson=lesson)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at"])
    return progress


def lesson_mark_undone(*, user, lesson: LessonPage) -> LessonProgress | None:
    """The lesson no longer counts as done; when it was opened is kept."""
    progress = LessonProgress.objects.filter(user=user, lesson=lesson).first()
    if progress is not None and progress.completed_at is not None:
        progress.completed_at = None
        progress.save(update_fields=["completed_at"])
    return progress


def reflection_block_ids(*, lesson: LessonPage) -> set[str]:
    """The ids of the reflection questions in the lesson as published."""
    return {
        child.id
        for child in lesson.body
        if child.block_type == "reflection" and child.id
    }


def reflection_note_save(
    *, user, lesson: LessonPage, block_id: str, text: str
) -> ReflectionNote | None:
    """Save the person's private answer to one question; an empty answer deletes it.

    Refuses a question that is not in the lesson, so nothing is stored under an
    id nobody can see.
    """
    if block_id not in reflection_block_ids(lesson=lesson):
        raise ValidationError(NOTE_UNKNOWN_QUESTION_MESSAGE, code="unknown_question")
    text = text.strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            NOTE_TOO_LONG_MESSAGE,
            code="too_long",
            params={"length": len(text), "limit": NOTE_MAX_LENGTH},
        )
    if not text:
        ReflectionNote.objects.filter(
            user=user, lesson=lesson, block_id=block_id
        ).delete()
        return None
    with transaction.atomic():
        note, _created = ReflectionNote.objects.update_or_create(
            user=user, lesson=lesson, block_id=block_id, defaults={"text": text}
        )
    return note
