"""Reads for placements: one module per part of the journey (core, introduction,
plan, results, validation); views never build querysets themselves."""

from ..models import Placement


def placement_get(*, pk: int) -> Placement | None:
    """One placement with its firm, mentor and trainee (or None)."""
    return (
        Placement.objects.select_related("firm", "mentor", "trainee")
        .filter(pk=pk)
        .first()
    )
