"""Reads for a participant's ticks in the lessons' checklists."""

from cms.models import LessonPage

from ..models import ChecklistTick


def checklist_ticks(*, user, lesson: LessonPage) -> dict[str, set[int]]:
    """The person's ticked points in each checklist of the lesson, by block id
    (one query for the whole lesson)."""
    ticks: dict[str, set[int]] = {}
    for block_id, index in ChecklistTick.objects.filter(
        user=user, lesson=lesson
    ).values_list("block_id", "item_index"):
        ticks.setdefault(block_id, set()).add(index)
    return ticks
