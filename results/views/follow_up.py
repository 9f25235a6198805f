"""The firm's yearly follow-up: file it, see it, correct the latest one.

A new report's form starts from what the firm's placements on the platform
add up to (`placements.selectors.results.follow_up_prefill`); the page says
so and what was counted, and the contact checks, corrects and sends it.
"""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import lms.converters  # noqa: F401  (registers <id:…>)
from placements.selectors.results import follow_up_prefill

from ..categories import ARRANGEMENT_FIELDS, ENDED_FIELDS, Arrangement, TargetGroup
from ..forms import (
    ARRANGEMENTS_LEGEND,
    ENDED_HELP,
    ENDED_LEGEND,
    TARGET_GROUPS_LEGEND,
    TARGET_GROUPS_NOT_PREFILLED,
    FollowUpFiguresForm,
)
from ..selectors import follow_up as selectors
from ..services import follow_up_period, follow_up_submit, follow_up_update

# The counts a new report's form takes from the placements.
PREFILLED_FIELDS = (*ARRANGEMENT_FIELDS, *ENDED_FIELDS, "mentors")


def _figure_rows(figures, categories):
    return [
        {"label": category.label, "count": getattr(figures, category.value)}
        for category in categories
    ]


def _ended_rows(figures):
    return [
        {"label": field.verbose_name, "count": getattr(figures, field.name)}
        for field in (figures._meta.get_field(name) for name in ENDED_FIELDS)
    ]


def _prefill(certification) -> dict | None:
    """What the firm's placements give for the period a new report covers
    (with the period's first and last day), or None when the firm has no
    placement in it."""
    start, end = follow_up_period(certification.valid_until)
    prefill = follow_up_prefill(
        firm=certification.enrolment.firm, period_start=start, period_end=end
    )
    if not prefill["placement_count"]:
        return None
    return {**prefill, "period_start": start, "period_end": end}


def _render(request, context, *, status=HTTPStatus.OK):
    figures = context.get("figures")
    if figures is not None:
        context["arrangement_rows"] = _figure_rows(figures, Arrangement)
        context["target_group_rows"] = _figure_rows(figures, TargetGroup)
        context["ended_rows"] = _ended_rows(figures)
    context.setdefault("arrangements_legend", ARRANGEMENTS_LEGEND)
    context.setdefault("target_groups_legend", TARGET_GROUPS_LEGEND)
    context.setdefault("ended_legend", ENDED_LEGEND)
    context.setdefault("ended_help", ENDED_HELP)
    context.setdefault("target_groups_not_prefilled", TARGET_GROUPS_NOT_PREFILLED)
    return render(request, "results/follow_up_report.html", context, status=status)


@login_required
def follow_up_file(request, certification_pk):
    """The contact files the firm's yearly follow-up for the current period;
    the form starts from the firm's placements, which the contact checks."""
    certification = selectors.certification_for_follow_up(pk=certification_pk)
    if certification is None:
        raise Http404
    if not request.user.has_perm("results.file_follow_up", certification):
        raise PermissionDenied
    if request.method != "POST" and certification.current_report is not None:
        return redirect("results:follow_up_edit", pk=certification.current_report.pk)
    context = {"certification": certification, "enrolment": certification.enrolment}
    if request.method != "POST":
        context["closed_reason"] = selectors.follow_up_closed_reason(
            certification=certification
        )
        prefill = None if context["closed_reason"] else _prefill(certification)
        context["prefill"] = prefill
        context["form"] = FollowUpFiguresForm(
            initial={name: prefill[name] for name in PREFILLED_FIELDS}
            if prefill
            else None
        )
        return _render(request, context)

    form = FollowUpFiguresForm(request.POST)
    if form.is_valid():
        try:
            report = follow_up_submit(
                certification=certification,
                by=request.user,
                **form.service_arguments(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            taken_in = report.figures.taken_in
            messages.success(
                request,
                ngettext(
                    "Thank you: the follow-up report has been filed, with "
                    "%(count)s person taken in. The course leader can now renew "
                    "the certification.",
                    "Thank you: the follow-up report has been filed, with "
                    "%(count)s people taken in. The course leader can now renew "
                    "the certification.",
                    taken_in,
                )
                % {"count": taken_in},
            )
            return redirect(
                "courses:certification_firm", enrolment_pk=certification.enrolment_id
            )
    # Refreshed: a report filed meanwhile (a second tab, a double click) is
    # linked from the page.
    context["existing_report"] = selectors.certification_for_follow_up(
        pk=certification.pk
    ).current_report
    # What the form started from stays explained while the contact corrects.
    context["prefill"] = _prefill(certification)
    context["form"] = form
    return _render(request, context, status=HTTPStatus.BAD_REQUEST)


@login_required
def follow_up_edit(request, pk):
    """A filed report with its figures; its firm's contact (or an
    administrator) corrects the certification's latest report here."""
    report = selectors.follow_up_report_detail(pk=pk)
    if report is None:
        raise Http404
    user = request.user
    if not user.has_perm("results.view_follow_up", report):
        raise PermissionDenied
    can_change = report.is_latest and user.has_perm("results.change_follow_up", report)
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    certification = report.certification
    context = {
        "report": report,
        "figures": getattr(report, "figures", None),
        "certification": certification,
        "enrolment": certification.enrolment,
        "can_change": can_change,
    }
    if request.method != "POST":
        if can_change:
            context["form"] = FollowUpFiguresForm(report=report)
        return _render(request, context)

    form = FollowUpFiguresForm(request.POST, report=report)
    if form.is_valid():
        try:
            follow_up_update(report=report, by=user, **form.service_arguments())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The follow-up report has been updated."))
            return redirect("results:follow_up_edit", pk=report.pk)
    context["form"] = form
    return _render(request, context, status=HTTPStatus.BAD_REQUEST)


urlpatterns = [
    path("oppfolging/<id:certification_pk>/", follow_up_file, name="follow_up_file"),
    path("oppfolging/rapport/<id:pk>/", follow_up_edit, name="follow_up_edit"),
]
