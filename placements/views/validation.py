"""Starting a trainee's validation on a work-area unit (the firm's side).

The case itself lives in the validation app (`validation:case`); the placement
page lists the placement's cases (templates/placements/includes/
validation_summary.html)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from ..forms.validation import ValidationStartForm
from ..models import PlacementStatus
from ..services.validation import ERROR_FIELDS, placement_validation_start
from .common import placement_for

VALIDATION_STARTED_MESSAGE = _(
    "The validation of %(unit)s has started. %(name)s and the mentor can now add "
    "evidence to the case."
)


def _page(request, placement, form, *, status=HTTPStatus.OK):
    return render(
        request,
        "placements/validation_start.html",
        {
            "placement": placement,
            "form": form,
            "can_start": placement.status == PlacementStatus.ACTIVE,
        },
        status=status,
    )


@login_required
def validation_start(request, pk):
    """Choose the work-area unit and the assessor; a POST plans the case."""
    placement = placement_for(request, pk, "placements.change_placement")
    if request.method != "POST":
        return _page(request, placement, ValidationStartForm(placement=placement))

    form = ValidationStartForm(request.POST, placement=placement)
    if form.is_valid():
        try:
            case = placement_validation_start(
                placement=placement,
                unit=form.cleaned_data["unit"],
                assessor=form.cleaned_data["assessor"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(ERROR_FIELDS.get(error.code), error)
        else:
            messages.success(
                request,
                VALIDATION_STARTED_MESSAGE
                % {"unit": case.unit.title, "name": placement.trainee_name},
            )
            return redirect(
                reverse("placements:detail", kwargs={"pk": placement.pk})
                + "#validation"
            )
    return _page(request, placement, form, status=HTTPStatus.BAD_REQUEST)


urlpatterns = [
    path("<int:pk>/validering/ny/", validation_start, name="validation_start"),
]
