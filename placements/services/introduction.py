"""The introduction checklist of a placement: started from the default template,
ticked by the trainee and by the firm's side (each in their own column), and
adapted by the firm.

Every write of the checklist goes through this module.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import IntroductionItem, IntroductionTemplate, Placement
from ..selectors.introduction import IntroductionSide, introduction_side

# More than any real introduction holds, few enough that a forged post cannot
# make the server write thousands of rows.
MAX_INTRODUCTION_ITEMS = 60

TOO_MANY_ITEMS_MESSAGE = _(
    "A checklist can have at most %(num)d items. Nothing was saved: remove some "
    "items and save again."
)
READ_ONLY_MESSAGE = _(
    "This placement has ended, so its introduction checklist can no longer be changed."
)
ITEM_GONE_MESSAGE = _(
    "Someone changed the checklist while you were editing it. Nothing was "
    "saved: open the page again and make your changes there."
)

_DONE_FIELD = {
    IntroductionSide.TRAINEE: "trainee_done_at",
    IntroductionSide.MENTOR: "mentor_done_at",
}


def _refuse_if_ended(placement: Placement) -> None:
    if placement.status == "ended":
        raise ValidationError(READ_ONLY_MESSAGE, code="read_only")


@transaction.atomic
def introduction_start(*, placement: Placement) -> list[IntroductionItem]:
    """Copies the default template's items onto `placement` once: nothing when
    the placement already has items or no template is the default."""
    # The placement's row is locked so two calls at once cannot both copy.
    Placement.objects.select_for_update().filter(pk=placement.pk).first()
    if placement.introduction_items.exists():
        return []
    template = IntroductionTemplate.objects.filter(is_default=True).first()
    if template is None:
        return []
    items = [
        IntroductionItem(
            placement=placement, position=position, topic=row.topic, text=row.text
        )
        for position, row in enumerate(template.items.order_by("sort_order", "pk"))
    ]
    return IntroductionItem.objects.bulk_create(items)


@transaction.atomic
def introduction_tick(*, placement: Placement, ticked: dict[int, bool], by) -> int:
    """Sets `by`'s own column (the trainee's, or the firm side's) of the items
    in `ticked` (item id → done) and returns how many changed.

    The other column is never touched; an item already ticked keeps the time it
    was first ticked; ids of items not on this placement are ignored."""
    _refuse_if_ended(placement)
    side = introduction_side(user=by, placement=placement)
    if side is None:
        raise PermissionDenied
    field = _DONE_FIELD[side]
    now = timezone.now()
    changed = []
    items = placement.introduction_items.select_for_update().filter(pk__in=list(ticked))
    for item in items:
        done = ticked[item.pk]
        if done and getattr(item, field) is None:
            setattr(item, field, now)
        elif not done and getattr(item, field) is not None:
            setattr(item, field, None)
        else:
            continue
        changed.append(item)
    IntroductionItem.objects.bulk_update(changed, [field])
    return len(changed)


@transaction.atomic
def introduction_save(*, placement: Placement, rows: list[dict], by) -> dict:
    """Adapts the placement's checklist to `rows`, in their order.

    Each row has `topic` and `text`, `id` (an existing item, or None for a new
    one) and `delete`. Items not in `rows` stay as they are. An item whose text
    changes loses both ticks: it is a different thing to do now. Returns the
    number of items added, changed, removed and whose ticks were cleared; all or
    nothing is saved."""
    _refuse_if_ended(placement)
    if not by.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    existing = {
        item.pk: item for item in placement.introduction_items.select_for_update()
    }
    posted_ids = [row["id"] for row in rows if row.get("id") is not None]
    if len(set(posted_ids)) != len(posted_ids) or not set(posted_ids) <= set(existing):
        raise ValidationError(ITEM_GONE_MESSAGE, code="conflict")

    counts = {"added": 0, "changed": 0, "removed": 0, "cleared": 0}
    to_delete, to_update, to_create = [], [], []
    for position, row in enumerate(rows):
        item = existing.get(row.get("id"))
        if row.get("delete"):
            if item is not None:
                to_delete.append(item.pk)
            continue
        text = row["text"].strip()
        if item is None:
            item = IntroductionItem(
                placement=placement, position=position, topic=row["topic"], text=text
            )
            item.full_clean()
            to_create.append(item)
            continue
        before = (item.topic, item.text, item.position)
        if item.text != text:
            if item.trainee_done_at or item.mentor_done_at:
                counts["cleared"] += 1
            item.trainee_done_at = item.mentor_done_at = None
            counts["changed"] += 1
        elif item.topic != row["topic"]:
            counts["changed"] += 1
        item.topic, item.text, item.position = row["topic"], text, position
        if (item.topic, item.text, item.position) != before:
            item.full_clean()
            to_update.append(item)

    remaining = len(existing) - len(to_delete) + len(to_create)
    if remaining > MAX_INTRODUCTION_ITEMS:
        raise ValidationError(
            TOO_MANY_ITEMS_MESSAGE,
            code="too_many",
            params={"num": MAX_INTRODUCTION_ITEMS},
        )
    placement.introduction_items.filter(pk__in=to_delete).delete()
    IntroductionItem.objects.bulk_update(
        to_update,
        ["topic", "text", "position", "trainee_done_at", "mentor_done_at"],
    )
    IntroductionItem.objects.bulk_create(to_create)
    counts["added"], counts["removed"] = len(to_create), len(to_delete)
    return counts
