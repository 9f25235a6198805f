"""Reads for placements. Each module of the journey adds its reads here under
its own heading; views never build querysets themselves."""

from .models import Placement


def placement_get(*, pk: int) -> Placement | None:
    """One placement with its firm, mentor and trainee (or None)."""
    return (
        Placement.objects.select_related("firm", "mentor", "trainee")
        .filter(pk=pk)
        .first()
    )
