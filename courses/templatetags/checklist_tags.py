"""A lesson's checklist, tickable for the logged-in reader.

Anonymous visitors get a plain list and cost no query: lesson pages are public
and kept whole in the shared cache for them (cms.page_cache), so nothing of a
person may be rendered for them. The checklist block is one of the lesson's
personal blocks (cms.selectors.PERSONAL_BLOCK_TYPES), so a logged-in reader's
ticks never enter the lesson's shared fragment cache either.
"""

from django import template

from cms.models import LessonPage

from ..selectors.checklists import checklist_ticks

register = template.Library()


@register.simple_tag(takes_context=True)
def checklist_state(context):
    """`show` (tickable for this reader), the lesson, the block's id and the
    indexes the reader has ticked; one query per lesson for all its checklists."""
    request = context.get("request")
    user = getattr(request, "user", None)
    lesson = context.get("page")
    block_id = context.get("id")
    if (
        user is None
        or not user.is_authenticated
        or not isinstance(lesson, LessonPage)
        or lesson.pk is None
        or not block_id
        or getattr(request, "is_preview", False)
    ):
        return {"show": False}
    loaded = request.__dict__.setdefault("_checklist_ticks", {})
    if lesson.pk not in loaded:
        loaded[lesson.pk] = checklist_ticks(user=user, lesson=lesson)
    return {
        "show": True,
        "lesson": lesson,
        "block_id": block_id,
        "ticked": loaded[lesson.pk].get(block_id, set()),
    }
