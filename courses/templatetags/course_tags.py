"""The participant's panels inside lesson pages.

Anonymous visitors get nothing and cost no query: the lesson pages are public and
their query count is watched (tests/cms/test_lesson_queries.py).
"""

from django import template

from cms.models import LessonPage

from ..forms.participant import ReflectionNoteForm, reflection_draft_take
from ..selectors import participant as selectors

register = template.Library()

_NOT_LOADED = object()


def _user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return request, None
    return request, user


@register.inclusion_tag(
    "courses/participant/lesson_progress_panel.html", takes_context=True
)
def lesson_progress_panel(context, lesson):
    """ "Mark as done" / "Done ✓ (undo)" for a logged-in person; nothing otherwise."""
    request, user = _user(context)
    if user is None or not isinstance(lesson, LessonPage) or lesson.pk is None:
        return {"show": False}
    # The before_serve_page hook has usually read it already.
    progress = getattr(request, "_lesson_progress", {}).get(lesson.pk, _NOT_LOADED)
    if progress is _NOT_LOADED:
        progress = selectors.lesson_progress(user=user, lesson=lesson)
    return {
        "show": True,
        "lesson": lesson,
        "progress": progress,
        "done": bool(progress and progress.completed_at),
        "in_run": selectors.is_participant(user=user),
    }


@register.inclusion_tag(
    "courses/participant/reflection_note_form.html", takes_context=True
)
def reflection_note_form(context):
    """The person's private answer under a reflection question in a lesson.

    Rendered inside the reflection block, where Wagtail puts the block's id in
    the context as `id` and the lesson is `page`. One query per lesson for all
    its questions.
    """
    request, user = _user(context)
    lesson = context.get("page")
    block_id = context.get("id")
    if user is None or not isinstance(lesson, LessonPage) or not block_id:
        return {"show": False}
    cache = request.__dict__.setdefault("_reflection_notes", {})
    if lesson.pk not in cache:
        cache[lesson.pk] = selectors.reflection_notes(user=user, lesson=lesson)
    note = cache[lesson.pk].get(block_id)
    draft = reflection_draft_take(request.session, block_id=block_id)
    text = draft if draft is not None else (note.text if note else "")
    return {
        "show": True,
        "lesson": lesson,
        "block_id": block_id,
        "note": note,
        "form": ReflectionNoteForm(initial={"text": text}, block_id=block_id),
    }
