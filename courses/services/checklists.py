"""Writes for a participant's ticks in the lessons' checklists."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cms.models import LessonPage

from ..models import ChecklistTick

CHECKLIST_UNKNOWN_MESSAGE = _(
    "This checklist is no longer in the lesson. Reload the page and try again."
)
CHECKLIST_ITEM_UNKNOWN_MESSAGE = _(
    "One of the ticked points is not in the checklist. Reload the page and try again."
)
CHECKLIST_SAVED_MESSAGE = _("Your ticks in the checklist have been saved.")


def checklist_item_count(*, lesson: LessonPage, block_id: str) -> int | None:
    """How many points the lesson's checklist `block_id` has as published, or
    None when the lesson has no such checklist."""
    for child in lesson.body:
        if child.block_type == "checklist" and child.id == block_id:
            return len(child.value["items"])
    return None


@transaction.atomic
def checklist_ticks_save(
    *, user, lesson: LessonPage, block_id: str, ticked: set[int]
) -> set[int]:
    """Make the person's ticks in one checklist exactly `ticked` (item indexes).

    Refuses a checklist that is not in the lesson and a point it does not have,
    so nothing is stored that nobody can see; on refusal nothing changes.
    """
    count = checklist_item_count(lesson=lesson, block_id=block_id)
    if count is None:
        raise ValidationError(CHECKLIST_UNKNOWN_MESSAGE, code="unknown_checklist")
    if any(index < 0 or index >= count for index in ticked):
        raise ValidationError(CHECKLIST_ITEM_UNKNOWN_MESSAGE, code="unknown_item")
    existing = ChecklistTick.objects.filter(user=user, lesson=lesson, block_id=block_id)
    existing.exclude(item_index__in=ticked).delete()
    already = set(existing.values_list("item_index", flat=True))
    ChecklistTick.objects.bulk_create(
        [
            ChecklistTick(user=user, lesson=lesson, block_id=block_id, item_index=i)
            for i in sorted(ticked - already)
        ],
        ignore_conflicts=True,
    )
    return set(ticked)
