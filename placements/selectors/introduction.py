"""Reads for the introduction checklist (one query each)."""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Count, Q

from ..models import IntroductionItem, IntroductionTopic, Placement


class IntroductionSide(StrEnum):
    """The column of the checklist a person ticks."""

    TRAINEE = "trainee"
    MENTOR = "mentor"


@dataclass(frozen=True)
class IntroductionProgress:
    total: int
    trainee_done: int
    mentor_done: int


@dataclass(frozen=True)
class IntroductionGroup:
    topic: IntroductionTopic
    items: list


def introduction_side(*, user, placement: Placement) -> IntroductionSide | None:
    """The column `user` ticks on `placement` now: the trainee's own, the firm
    side's (the mentor and the firm's contacts), or None (may not tick)."""
    if user.has_perm("placements.respond_placement", placement):
        return IntroductionSide.TRAINEE
    if user.has_perm("placements.change_placement", placement):
        return IntroductionSide.MENTOR
    return None


def introduction_items(*, placement: Placement) -> list[IntroductionItem]:
    """The placement's checklist items in their order."""
    return list(placement.introduction_items.order_by("position", "pk"))


def introduction_groups(items) -> list[IntroductionGroup]:
    """`items` grouped by topic, topics in the checklist's order, empty topics
    left out."""
    by_topic = {topic: [] for topic in IntroductionTopic}
    for item in items:
        by_topic[IntroductionTopic(item.topic)].append(item)
    return [
        IntroductionGroup(topic=topic, items=rows)
        for topic, rows in by_topic.items()
        if rows
    ]


def introduction_progress(*, placement: Placement) -> IntroductionProgress:
    """How many items the placement's checklist has and how many each side has
    ticked."""
    counts = IntroductionItem.objects.filter(placement=placement).aggregate(
        total=Count("pk"),
        trainee_done=Count("pk", filter=Q(trainee_done_at__isnull=False)),
        mentor_done=Count("pk", filter=Q(mentor_done_at__isnull=False)),
    )
    return IntroductionProgress(**counts)
