"""The introduction checklist: the trainee and the firm's side tick it (each in
their own column); the firm adapts it."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import lms.converters  # noqa: F401  (registers <id:…>)

from ..forms.introduction import (
    EXTRA_ITEM_ROWS,
    IntroductionTickForm,
    introduction_formset,
)
from ..selectors.introduction import (
    IntroductionSide,
    introduction_groups,
    introduction_items,
    introduction_side,
)
from ..services.introduction import (
    MAX_INTRODUCTION_ITEMS,
    introduction_save,
    introduction_tick,
)
from .common import placement_for


def _checklist_page(request, placement, items, side, form, *, status=HTTPStatus.OK):
    sections = [
        {
            "topic": group.topic,
            "rows": [
                (item, form.field_for(item) if form is not None else None)
                for item in group.items
            ],
        }
        for group in introduction_groups(items)
    ]
    return render(
        request,
        "placements/introduction.html",
        {
            "placement": placement,
            "sections": sections,
            "form": form,
            "side": side,
            "is_trainee": side == IntroductionSide.TRAINEE
            or (side is None and placement.trainee_id == request.user.pk),
            "can_edit": request.user.has_perm("placements.change_placement", placement),
            "total": len(items),
        },
        status=status,
    )


@login_required
def introduction(request, pk):
    """The checklist grouped by topic; a POST saves the person's own ticks."""
    placement = placement_for(request, pk)
    side = introduction_side(user=request.user, placement=placement)
    if request.method == "POST" and side is None:
        raise PermissionDenied
    items = introduction_items(placement=placement)
    if side is None:
        return _checklist_page(request, placement, items, None, None)
    if request.method != "POST":
        form = IntroductionTickForm(items=items, side=side)
        return _checklist_page(request, placement, items, side, form)

    form = IntroductionTickForm(request.POST, items=items, side=side)
    if form.is_valid():
        try:
            introduction_tick(
                placement=placement, ticked=form.ticked(), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved. Thank you!"))
            return redirect("placements:introduction", pk=placement.pk)
    return _checklist_page(
        request, placement, items, side, form, status=HTTPStatus.BAD_REQUEST
    )


def _edit_page(request, placement, formset, *, status=HTTPStatus.OK):
    return render(
        request,
        "placements/introduction_edit.html",
        {
            "placement": placement,
            "formset": formset,
            "max_items": MAX_INTRODUCTION_ITEMS,
            "extra_rows": EXTRA_ITEM_ROWS,
        },
        status=status,
    )


def _saved_message(counts) -> str:
    message = _("The checklist has been saved.")
    if counts["cleared"]:
        message += " " + ngettext(
            "%(count)d item got a new text, so its ticks were removed.",
            "%(count)d items got a new text, so their ticks were removed.",
            counts["cleared"],
        ) % {"count": counts["cleared"]}
    return message


@login_required
def introduction_edit(request, pk):
    """The firm's side adapts the checklist: change, remove and add items."""
    placement = placement_for(request, pk, "placements.change_placement")
    if request.method != "POST":
        # In the order the checklist shows them: by topic, then position.
        groups = introduction_groups(introduction_items(placement=placement))
        items = [item for group in groups for item in group.items]
        return _edit_page(request, placement, introduction_formset(items=items))

    formset = introduction_formset(items=None, data=request.POST)
    if formset.is_valid():
        try:
            counts = introduction_save(
                placement=placement, rows=formset.rows(), by=request.user
            )
        except ValidationError as error:
            formset.non_form_errors().extend(error.messages)
        else:
            messages.success(request, _saved_message(counts))
            return redirect("placements:introduction", pk=placement.pk)
    return _edit_page(request, placement, formset, status=HTTPStatus.BAD_REQUEST)


urlpatterns = [
    path("<id:pk>/introduksjon/", introduction, name="introduction"),
    path("<id:pk>/introduksjon/endre/", introduction_edit, name="introduction_edit"),
]
