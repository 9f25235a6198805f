"""What placements hold about a person, for "download my data" and erasure.
Imported from placements/apps.py at start-up.

- As trainee: the whole record of each placement (the same as the placement's
  own download). The record is the trainee's: when they delete their account,
  their placements are deleted with it (follow-up reports already filed keep
  their counts, which never name anyone).
- On the firm's side (mentor, the one who created the placement, the author of
  an evaluation): the facts of those placements; the rows stay, under the
  anonymised account, because they are part of the trainee's record.
"""

from django.db.models import Q

from lms.accounts import personal_data

from .models import Evaluation, Placement
from .selectors.core import placement_export


def _iso(value):
    return value.isoformat() if value else None


@personal_data.exporter("placements", covers=["placements.Placement.trainee"])
def _export_placements(user) -> list[dict]:
    rows = Placement.objects.filter(trainee=user).select_related(
        "firm", "mentor", "trainee"
    )
    return [placement_export(placement) for placement in rows.order_by("pk")]


@personal_data.exporter(
    "placements_firm_side",
    covers=[
        "placements.Placement.mentor",
        "placements.Placement.created_by",
        "placements.Evaluation.written_by",
    ],
)
def _export_firm_side(user) -> dict:
    placements = (
        Placement.objects.filter(Q(mentor=user) | Q(created_by=user))
        .select_related("firm")
        .order_by("pk")
    )
    evaluations = Evaluation.objects.filter(written_by=user).order_by("pk")
    return {
        "placements": [
            {
                "id": placement.pk,
                "firm": placement.firm.name,
                "mentor": placement.mentor_id == user.pk,
                "mentor_in_training": placement.mentor_in_training,
                "created_by_me": placement.created_by_id == user.pk,
                "starts_on": _iso(placement.starts_on),
                "status": placement.status,
            }
            for placement in placements
        ],
        "evaluations_written": [
            {
                "placement": evaluation.placement_id,
                "held_on": _iso(evaluation.held_on),
                "written_at": _iso(evaluation.written_at),
            }
            for evaluation in evaluations
        ],
    }


@personal_data.eraser(covers=["placements.Placement.trainee"])
def _erase_placements(user) -> None:
    Placement.objects.filter(trainee=user).delete()


personal_data.keep(
    "placements.Placement.mentor",
    "placements.Placement.created_by",
    "placements.Evaluation.written_by",
    reason=(
        "A placement and its evaluations are the trainee's record; the firm-side "
        "account that mentored, created or wrote them is anonymised."
    ),
)
