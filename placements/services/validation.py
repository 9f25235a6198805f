"""A trainee's validation on a work-area unit, through the validation engine.

The case is an ordinary validation case (`validation.services.cases`): the
trainee is its candidate, the placement's mentor its observer (who gathers
observation evidence) and an assessor who is not the mentor decides. The
placement only remembers which cases were taken during it. When the trainee
withdraws sharing with the firm, the mentor stops being the observer; the case
and all its evidence stay with the trainee.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from validation.models import Case, Unit
from validation.services.cases import (
    ASSESSOR_IS_CANDIDATE_MESSAGE,
    OBSERVER_IS_ASSESSOR_MESSAGE,
    case_create,
    case_observer_remove,
)

from ..models import Placement, PlacementStatus
from ..selectors.validation import work_area_units

# Separation of duties: the mentor gathers evidence, someone else judges it.
ASSESSOR_IS_MENTOR_MESSAGE = OBSERVER_IS_ASSESSOR_MESSAGE
ASSESSOR_IS_TRAINEE_MESSAGE = ASSESSOR_IS_CANDIDATE_MESSAGE
NOT_WORK_AREA_MESSAGE = _("Choose one of the work-area units in the list.")
PLACEMENT_NOT_ACTIVE_MESSAGE = _(
    "Validation can start when the trainee has accepted the invitation and the "
    "placement is under way."
)

# Which form field each refusal of `case_create` belongs to.
ERROR_FIELDS = {
    "unit_not_approved": "unit",
    "not_work_area": "unit",
    "exists": "unit",
    "assessor_candidate": "assessor",
    "observer_assessor": "assessor",
    "not_assessor": "assessor",
}


@transaction.atomic
def placement_validation_start(
    *, placement: Placement, unit: Unit, assessor, by
) -> Case:
    """Plan a validation case for the trainee on a work-area unit, with the
    mentor as observer and an assessor who is neither the mentor nor the
    trainee; the placement lists the case. Changes nothing when refused."""
    if not by.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    if placement.status != PlacementStatus.ACTIVE or placement.trainee_id is None:
        raise ValidationError(PLACEMENT_NOT_ACTIVE_MESSAGE, code="not_active")
    if not work_area_units().filter(pk=unit.pk).exists():
        raise ValidationError(NOT_WORK_AREA_MESSAGE, code="not_work_area")
    if assessor.pk == placement.mentor_id:
        raise ValidationError(ASSESSOR_IS_MENTOR_MESSAGE, code="observer_assessor")
    if assessor.pk == placement.trainee_id:
        raise ValidationError(ASSESSOR_IS_TRAINEE_MESSAGE, code="assessor_candidate")
    case = case_create(
        candidate=placement.trainee,
        unit=unit,
        assessor=assessor,
        observer=placement.mentor,
        by=by,
    )
    placement.cases.add(case)
    return case


@transaction.atomic
def validation_sharing_withdraw(*, placement: Placement, by) -> None:
    """Remove the mentor as observer from the placement's cases (each removal in
    the case's audit trail). Called by `placement_sharing_withdraw`, which
    checks that `by` may withdraw; the cases and their evidence stay with the
    trainee, and the assessor goes on as before."""
    for case in placement.cases.filter(observer_id=placement.mentor_id).order_by("pk"):
        case_observer_remove(case=case, by=by)
