"""Pages for firms: open course runs, applying, participants and progress."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from lms.accounts.models import Firm

from ..forms.enrolment import ApplyForm, ParticipantsForm
from ..models import CourseRun, Enrolment
from ..selectors import enrolment as selectors
from ..services import enrolment as services


def run_catalogue(request):
    """Course runs open for enrolment; anyone may look, firm contacts may apply
    for each of their firms that is not in the run yet."""
    cards = [
        (
            card,
            ApplyForm(
                run=card.run,
                firms=Firm.objects.filter(
                    pk__in=[firm.pk for firm in card.firms_to_apply]
                ).order_by("name"),
            )
            if card.firms_to_apply
            else None,
        )
        for card in selectors.catalogue_cards(user=request.user)
    ]
    return render(
        request,
        "courses/enrolment/run_catalogue.html",
        {
            "cards": cards,
            "enrolments": (
                selectors.enrolments_for_user(user=request.user)
                if request.user.is_authenticated
                else []
            ),
        },
    )


@login_required
def run_apply(request, pk):
    run = get_object_or_404(CourseRun, pk=pk)
    firms = selectors.contact_firms(user=request.user)
    if not firms.exists():
        raise PermissionDenied
    form = ApplyForm(request.POST or None, run=run, firms=firms)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.enrolment_apply(
                run=run, firm=form.cleaned_data["firm"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("courses:run_catalogue")
        messages.success(
            request,
            _("%(firm)s has applied for %(run)s. The course leader will answer soon.")
            % {"firm": enrolment.firm.name, "run": run.title},
        )
        return redirect("courses:enrolment_detail", pk=enrolment.pk)
    if request.method == "POST":
        for errors in form.errors.values():
            messages.error(request, errors[0])
    return redirect("courses:run_catalogue")


@login_required
def enrolment_detail(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("run", "run__course", "firm"), pk=pk
    )
    if not request.user.has_perm("courses.view_enrolment", enrolment):
        raise PermissionDenied
    can_manage = request.user.has_perm("courses.manage_enrolment", enrolment)
    form = ParticipantsForm(
        request.POST or None,
        firm=enrolment.firm,
        initial={"participants": list(enrolment.participants.all())},
    )
    status = HTTPStatus.OK
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.enrolment_set_participants(
                    enrolment=enrolment, users=form.cleaned_data["participants"]
                )
            except ValidationError as error:
                form.add_error("participants", error)
            else:
                messages.success(request, _("The list of participants has been saved."))
                return redirect("courses:enrolment_detail", pk=enrolment.pk)
        status = HTTPStatus.BAD_REQUEST
    return render(
        request,
        "courses/enrolment/enrolment_detail.html",
        {
            "enrolment": enrolment,
            "form": form,
            "can_manage": can_manage,
            **selectors.enrolment_progress(enrolment=enrolment),
        },
        status=status,
    )


urlpatterns = [
    path("", run_catalogue, name="run_catalogue"),
    path("<id:pk>/meld-pa/", run_apply, name="run_apply"),
    path("pamelding/<id:pk>/", enrolment_detail, name="enrolment_detail"),
]
