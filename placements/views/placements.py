"""Placement views: the list, a new placement (the trainee's invitation), the
invitation page, the placement's page, the end, withdrawing sharing and the
trainee's download."""

import json
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.rules import is_administrator
from lms.accounts.views import invitation_problem
from lms.file_responses import file_response_protect

from ..forms.placements import InvitationSignupForm, PlacementEndForm, PlacementForm
from ..models import PlacementStatus
from ..selectors import core as selectors
from ..selectors.introduction import introduction_progress
from ..selectors.validation import placement_cases
from ..services import placements as services
from .common import placement_for


@login_required
def placement_list(request):
    """The trainee's own placements; the firm's side's placements by status."""
    user = request.user
    if not selectors.may_see_placement_list(user=user):
        raise Http404
    firms = selectors.firms_for_new_placement(user=user)
    if is_administrator(user) and not firms:
        firm_side = selectors.placements_all()
    else:
        firm_side = selectors.placements_of_firm_side(user=user)
    return render(
        request,
        "placements/list.html",
        {
            "own": selectors.placements_of_trainee(user=user),
            "groups": selectors.placements_by_status(firm_side),
            "firm_side_count": len(firm_side),
            "may_add": bool(firms),
        },
    )


def _firm_for_create(request):
    """The firm a new placement is for, or None when the person must choose."""
    firms = selectors.firms_for_new_placement(user=request.user)
    if not firms:
        raise Http404
    chosen = request.POST.get("firm") or request.GET.get("firm")
    if chosen:
        for firm in firms:
            if str(firm.pk) == chosen:
                return firm, firms
        raise Http404
    if len(firms) == 1:
        return firms[0], firms
    return None, firms


@login_required
def placement_create(request):
    """The firm starts a placement and the trainee gets an invitation e-mail."""
    firm, firms = _firm_for_create(request)
    if firm is None:
        return render(request, "placements/form.html", {"firms": firms})
    if not request.user.has_perm("placements.add_placement", firm):
        raise PermissionDenied
    mentors = selectors.firm_mentors(firm=firm)
    if request.method != "POST":
        form = PlacementForm(mentors=mentors, initial={"mentor": request.user.pk})
        return render(request, "placements/form.html", {"form": form, "firm": firm})
    form = PlacementForm(request.POST, mentors=mentors)
    if form.is_valid():
        try:
            placement, _token = services.placement_create(
                firm=firm,
                by=request.user,
                base_url=request.build_absolute_uri("/"),
                **form.service_arguments(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The placement is saved. We sent the invitation to %(email)s.")
                % {"email": placement.invited_email},
            )
            return redirect(placement)
    return render(
        request,
        "placements/form.html",
        {"form": form, "firm": firm},
        status=HTTPStatus.BAD_REQUEST,
    )


@login_required
def placement_detail(request, pk):
    placement = placement_for(request, pk)
    user = request.user
    is_trainee = placement.trainee_id == user.pk
    return render(
        request,
        "placements/detail.html",
        {
            "placement": placement,
            "is_trainee": is_trainee,
            "may_change": user.has_perm("placements.change_placement", placement),
            "may_withdraw": user.has_perm("placements.withdraw_sharing", placement),
            "may_download": user.has_perm("placements.download_placement", placement),
            "introduction_progress": introduction_progress(placement=placement),
            "validation_cases": placement_cases(placement=placement),
        },
    )


def _invitation_problem(request, error: ValidationError):
    return invitation_problem(
        request,
        error,
        template="placements/invitation_problem.html",
        statuses={"is_mentor": HTTPStatus.FORBIDDEN},
    )


def placement_invitation(request, token):
    """The link in the trainee's e-mail: accept, creating an account if needed."""
    try:
        placement = services.placement_invitation_check(token=token)
    except ValidationError as error:
        return _invitation_problem(request, error)
    user = request.user
    context = {"placement": placement}
    if user.is_authenticated:
        if placement.mentor_id == user.pk:
            return _invitation_problem(
                request,
                ValidationError(
                    services.INVITATION_IS_MENTOR_MESSAGE, code="is_mentor"
                ),
            )
        if placement.invited_email.lower() != user.email.lower():
            return _invitation_problem(
                request,
                ValidationError(
                    services.INVITATION_WRONG_USER_MESSAGE, code="wrong_user"
                ),
            )
        if request.method == "POST":
            try:
                placement = services.placement_invitation_accept(token=token, user=user)
            except ValidationError as error:
                return _invitation_problem(request, error)
            messages.success(request, _("Welcome! Here is your placement."))
            return redirect(placement)
        return render(request, "placements/invitation_accept.html", context)

    if selectors.user_exists(email=placement.invited_email):
        context["login_url"] = reverse("accounts:login") + "?next=" + request.path
        return render(request, "placements/invitation_accept.html", context)

    form = InvitationSignupForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                new_user = services.placement_invitation_accept_new_user(
                    token=token,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    password=data["password1"],
                    language=data["language"],
                )
            except ValidationError as error:
                return _invitation_problem(request, error)
            login(
                request, new_user, backend="django.contrib.auth.backends.ModelBackend"
            )
            messages.success(
                request, _("Welcome! Your account is ready. Here is your placement.")
            )
            return redirect(placement)
        context["form"] = form
        return render(
            request,
            "placements/invitation_accept.html",
            context,
            status=HTTPStatus.BAD_REQUEST,
        )
    context["form"] = form
    return render(request, "placements/invitation_accept.html", context)


@login_required
@require_POST
def placement_invitation_resend(request, pk):
    """A new invitation link for the trainee; the old one stops working."""
    placement = placement_for(request, pk, "placements.change_placement")
    if placement.status != PlacementStatus.INVITED:
        raise PermissionDenied
    try:
        services.placement_invitation_resend(
            placement=placement,
            by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("We sent a new invitation to %(email)s. The old link no longer works.")
            % {"email": placement.invited_email},
        )
    return redirect(placement)


@login_required
@require_POST
def placement_cancel(request, pk):
    """Delete a placement the trainee never accepted."""
    placement = placement_for(request, pk, "placements.change_placement")
    if placement.status != PlacementStatus.INVITED:
        raise PermissionDenied
    email = placement.invited_email
    services.placement_cancel(placement=placement, by=request.user)
    messages.success(
        request,
        _("The placement was deleted. The invitation to %(email)s no longer works.")
        % {"email": email},
    )
    return redirect("placements:list")


@login_required
def placement_end(request, pk):
    """The firm records the last day and where the trainee went."""
    placement = placement_for(request, pk, "placements.change_placement")
    if placement.status != PlacementStatus.ACTIVE:
        raise PermissionDenied
    if request.method != "POST":
        form = PlacementEndForm()
        return render(
            request, "placements/end.html", {"placement": placement, "form": form}
        )
    form = PlacementEndForm(request.POST)
    if form.is_valid():
        try:
            services.placement_end(
                placement=placement, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The placement has ended."))
            return redirect(placement)
    return render(
        request,
        "placements/end.html",
        {"placement": placement, "form": form},
        status=HTTPStatus.BAD_REQUEST,
    )


@login_required
def placement_withdraw(request, pk):
    """The trainee stops sharing the placement with the firm (explained first)."""
    placement = placement_for(request, pk, "placements.withdraw_sharing")
    if request.method == "POST":
        services.placement_sharing_withdraw(placement=placement, by=request.user)
        messages.success(request, _("Done. The firm can no longer see this placement."))
        return redirect(placement)
    return render(request, "placements/withdraw.html", {"placement": placement})


@login_required
def placement_download(request, pk):
    """Everything in the placement, for the trainee, as a JSON file."""
    placement = placement_for(request, pk, "placements.download_placement")
    body = json.dumps(
        selectors.placement_export(placement), ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="placement-{placement.pk}.json"'
    )
    return file_response_protect(response)


urlpatterns = [
    path("", placement_list, name="list"),
    path("ny/", placement_create, name="create"),
    path("invitasjon/<str:token>/", placement_invitation, name="invitation"),
    path("<int:pk>/", placement_detail, name="detail"),
    path(
        "<int:pk>/invitasjon/",
        placement_invitation_resend,
        name="invitation_resend",
    ),
    path("<int:pk>/avbryt/", placement_cancel, name="cancel"),
    path("<int:pk>/avslutt/", placement_end, name="end"),
    path("<int:pk>/deling/", placement_withdraw, name="withdraw"),
    path("<int:pk>/mine-data.json", placement_download, name="download"),
]
