"""The panel's decisions on a unit, in Wagtail's admin: approve a draft, draft a
new version of an approved unit, retire it. Each asks before it acts (POST only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import UnitDecisionForm
from .models import Unit
from .services import units as services

LIST_URL = "wagtailsnippets_validation_unit:list"

DECISIONS = {
    "approve": (
        gettext_lazy("Approve unit"),
        gettext_lazy(
            "Approving makes this version the one new cases use; the approved "
            "version before it is retired. An approved unit is never edited."
        ),
        gettext_lazy("Approve"),
    ),
    "new_version": (
        gettext_lazy("New version"),
        gettext_lazy(
            "A draft of the next version is made from this one, with its outcomes "
            "and criteria. This version stays as it is until the draft is approved."
        ),
        gettext_lazy("Make a draft"),
    ),
    "retire": (
        gettext_lazy("Retire unit"),
        gettext_lazy(
            "A retired unit takes no new cases; cases already started keep it."
        ),
        gettext_lazy("Retire"),
    ),
}


def unit_decision(request, pk, decision):
    unit = get_object_or_404(Unit, pk=pk)
    if not request.user.has_perm("validation.decide_unit", unit):
        raise PermissionDenied
    title, explanation, button = DECISIONS[decision]
    # A POST with no field (no note) is still a decision: bind it anyway.
    data = request.POST if request.method == "POST" else None
    form = UnitDecisionForm(data, with_note=decision == "approve")
    if request.method == "POST" and form.is_valid():
        try:
            if decision == "approve":
                services.unit_approve(
                    unit=unit, by=request.user, note=form.cleaned_data["note"]
                )
                messages.success(request, _("The unit is approved."))
            elif decision == "new_version":
                draft = services.unit_new_version(unit=unit)
                messages.success(request, _("Edit the draft of the new version."))
                return redirect("wagtailsnippets_validation_unit:edit", draft.pk)
            else:
                services.unit_retire(unit=unit)
                messages.success(request, _("The unit is retired."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(LIST_URL)
    return TemplateResponse(
        request,
        "validation/admin/unit_decision.html",
        {
            "unit": unit,
            "form": form,
            "title": title,
            "explanation": explanation,
            "button": button,
            "action": reverse(f"validation_unit_{decision}", args=[unit.pk]),
            "cancel": reverse(LIST_URL),
        },
    )
