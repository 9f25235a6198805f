"""What every placement view starts with: the placement, checked on the object."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ..selectors import placement_get


def placement_for(request, pk: int, perm: str = "placements.view_placement"):
    """The placement if the person may see it and holds `perm` on it.

    404 when it does not exist or the person may not see it at all (nothing
    about its existence leaks); 403 when they see it but may not do this."""
    placement = placement_get(pk=pk)
    if placement is None or not request.user.has_perm(
        "placements.view_placement", placement
    ):
        raise Http404
    if perm != "placements.view_placement" and not request.user.has_perm(
        perm, placement
    ):
        raise PermissionDenied
    return placement
