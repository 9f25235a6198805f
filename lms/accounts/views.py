import json
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from rules.contrib.views import objectgetter, permission_required

from courses.selectors.enrolment import open_runs
from lms.file_responses import file_response_protect

from . import personal_data, selectors, services
from .forms import (
    DeleteAccountForm,
    FirmForm,
    FirmRegisterForm,
    FirmSignupForm,
    InvitationForm,
    InvitationSignupForm,
    ProfileForm,
    lockout_params,
)
from .models import Firm, FirmClaim, Invitation
from .sessions import user_sessions_end
from .signup import selectors as signup_selectors
from .signup import services as signup_services
from .throttling import password_reset_limited, signup_limited
from .two_factor import selectors as two_factor_selectors
from .two_factor.views import login_pending_start
from .validators import format_org_number

firm_from_url = objectgetter(Firm, "org_number", field_name="org_number")

PASSWORD_RESET_TOO_MANY_MESSAGE = gettext_lazy(
    "Too many password reset requests for this address or from your network. "
    "Wait an hour and try again."
)


class LoginView(auth_views.LoginView):
    """Django's login: a safe `next` wins, otherwise the person lands on their
    home (`LOGIN_REDIRECT_URL`, lms.home), built from their roles. A person with
    two-step sign-in is logged in only after the code (two_factor.views)."""

    def form_valid(self, form):
        user = form.get_user()
        if two_factor_selectors.two_factor_enabled(user=user):
            login_pending_start(
                self.request, user=user, next_url=self.get_success_url()
            )
            return redirect("accounts:two_factor_login")
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request, limited per address and per client
    (`throttling.password_reset_limited`); the answer never says whether the
    address has an account."""

    def form_valid(self, form):
        if password_reset_limited(self.request):
            form.add_error(None, PASSWORD_RESET_TOO_MANY_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = HTTPStatus.TOO_MANY_REQUESTS
            return response
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password through a reset link logs the person out everywhere."""

    def form_valid(self, form):
        response = super().form_valid(form)
        user_sessions_end(user=form.user)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """A changed password ends the person's other sessions, on every app server;
    this one stays logged in."""

    def form_valid(self, form):
        response = super().form_valid(form)
        user_sessions_end(user=form.user, keep=self.request.session.session_key)
        return response


@csrf_protect
def _language_switch_saved(request):
    response = set_language(request)
    if request.method == "POST":
        services.user_set_language(
            user=request.user, language=request.POST.get("language", "")
        )
    return response


@csrf_exempt
def language_switch(request):
    """Django's set_language, and remember the choice on a logged-in person.

    A logged-in person's choice is saved on their account, so their switch is
    CSRF-protected as usual. A visitor's switch only sets the language cookie:
    another site could at most change the language a visitor reads in, and
    without a token the public pages stay the same for every visitor, so
    cms.page_cache can keep them whole.
    """
    if request.user.is_authenticated:
        return _language_switch_saved(request)
    return set_language(request)


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": selectors.memberships_for_user(user=request.user),
            "two_factor_enabled": two_factor_selectors.two_factor_enabled(
                user=request.user
            ),
        },
    )


@login_required
def data_export(request):
    """The person's data as a JSON file download."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "platform": "Sosial Profil",
        **personal_data.export(request.user),
    }
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="sosialprofil-my-data-{stamp}.json"'
    )
    return file_response_protect(response)


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_anonymise(user=request.user)
        logout(request)
        messages.success(
            request,
            _("Your account has been deleted and your personal data erased."),
        )
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})


def _firm_page(request, org_number, invitation_form=None, status=HTTPStatus.OK):
    firm = selectors.firm_with_members(org_number=org_number)
    can_invite = request.user.has_perm("accounts.invite_to_firm", firm)
    if can_invite and invitation_form is None:
        invitation_form = InvitationForm()
    return render(
        request,
        "accounts/firm_detail.html",
        {
            "firm": firm,
            "can_edit": request.user.has_perm("accounts.change_firm", firm),
            "can_invite": can_invite,
            "invitations": (
                selectors.firm_pending_invitations(firm=firm) if can_invite else []
            ),
            "invitation_form": invitation_form if can_invite else None,
            "claims": (
                signup_selectors.firm_pending_claims(firm=firm)
                if request.user.has_perm("accounts.view_firm_claims", firm)
                else None
            ),
        },
        status=status,
    )


@login_required
@permission_required("accounts.view_firm", fn=firm_from_url, raise_exception=True)
def firm_detail(request, org_number):
    return _firm_page(request, org_number)


@login_required
@permission_required("accounts.change_firm", fn=firm_from_url, raise_exception=True)
def firm_edit(request, org_number):
    firm = get_object_or_404(Firm, org_number=org_number)
    form = FirmForm(request.POST or None, instance=firm)
    if request.method == "POST" and form.is_valid():
        services.firm_update(firm=firm, **form.cleaned_data)
        messages.success(request, _("The firm's profile has been saved."))
        return redirect(firm)
    return render(request, "accounts/firm_edit.html", {"form": form, "firm": firm})


@require_POST
@login_required
@permission_required("accounts.invite_to_firm", fn=firm_from_url, raise_exception=True)
def invitation_create(request, org_number):
    firm = get_object_or_404(Firm, org_number=org_number)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation, _token = services.invitation_create(
                firm=firm,
                email=form.cleaned_data["email"],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _(
                    "An invitation has been sent to %(email)s. "
                    "The link works for %(days)s days."
                )
                % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
            )
            return redirect(firm)
    return _firm_page(request, org_number, form, HTTPStatus.BAD_REQUEST)


@require_POST
@login_required
@permission_required("accounts.invite_to_firm", fn=firm_from_url, raise_exception=True)
def invitation_revoke(request, org_number, pk):
    firm = get_object_or_404(Firm, org_number=org_number)
    invitation = get_object_or_404(Invitation, pk=pk, firm=firm)
    services.invitation_revoke(invitation=invitation)
    messages.success(
        request,
        _("The invitation to %(email)s has been withdrawn.")
        % {"email": invitation.email},
    )
    return redirect(firm)


# How an unusable link answers: unknown → 404, someone else's → 403, used,
# expired or withdrawn → 410 Gone.
INVITATION_ERROR_STATUS = {
    "not_found": HTTPStatus.NOT_FOUND,
    "wrong_user": HTTPStatus.FORBIDDEN,
}


def invitation_problem(
    request,
    error: ValidationError,
    *,
    template: str = "accounts/invitation_problem.html",
    statuses: dict | None = None,
):
    """The page for a one-time link that cannot be used, with its status."""
    status = {**INVITATION_ERROR_STATUS, **(statuses or {})}.get(
        error.code, HTTPStatus.GONE
    )
    return render(request, template, {"message": error.messages[0]}, status=status)


def invitation_accept(request, token):
    """The link in the e-mail: join the firm, creating an account if needed."""
    try:
        invitation = services.invitation_check(token=token)
    except ValidationError as error:
        return invitation_problem(request, error)

    user = request.user
    if user.is_authenticated:
        if invitation.email.lower() != user.email.lower():
            return invitation_problem(
                request,
                ValidationError(
                    services.INVITATION_WRONG_USER_MESSAGE, code="wrong_user"
                ),
            )
        if request.method == "POST":
            try:
                membership = services.invitation_accept(token=token, user=user)
            except ValidationError as error:
                return invitation_problem(request, error)
            messages.success(
                request,
                _("Welcome! You are now a member of %(firm)s.")
                % {"firm": membership.firm.name},
            )
            return redirect(membership.firm)
        return render(
            request, "accounts/invitation_accept.html", {"invitation": invitation}
        )

    if selectors.user_exists(email=invitation.email):
        login_url = reverse("accounts:login") + "?next=" + request.path
        return render(
            request,
            "accounts/invitation_accept.html",
            {"invitation": invitation, "login_url": login_url},
        )

    form = InvitationSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new_user = services.invitation_accept_new_user(
                token=token,
                first_name=data["first_name"],
                last_name=data["last_name"],
                password=data["password1"],
                language=data["language"],
            )
        except ValidationError as error:
            return invitation_problem(request, error)
        login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome! Your account is ready and you are a member of %(firm)s.")
            % {"firm": invitation.firm.name},
        )
        return redirect(invitation.firm)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": invitation, "form": form},
    )


def locked_out(request, original_response=None, credentials=None):
    """What django-axes shows when logging in is blocked (AXES_LOCKOUT_CALLABLE)."""
    return render(
        request,
        "accounts/locked_out.html",
        lockout_params(),
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )


# --- Firms that sign up by themselves -----------------------------------------

SIGNUP_TOO_MANY_MESSAGE = gettext_lazy(
    "Too many sign-ups from your network or for this address. Wait an hour and "
    "try again."
)
SIGNUP_SESSION_EMAIL = "signup_email"


def _firm_details(data) -> signup_services.FirmDetails:
    return signup_services.FirmDetails(
        org_number=data["org_number"],
        name=data["firm_name"],
        municipality=data["municipality"],
        industry=data["industry"],
        size_band=data["size_band"],
    )


def _announce(request, outcome: signup_services.SignupOutcome, org_number: str):
    """Tell the person what registering led to."""
    if outcome.claim is not None:
        messages.info(
            request,
            _(
                "The organisation number %(org_number)s is already registered "
                "here. We have asked the firm's contact to let you join; you "
                "get an e-mail when they have decided."
            )
            % {"org_number": format_org_number(org_number)},
        )
        return
    messages.success(
        request,
        _("%(firm)s is registered, and you are its contact.")
        % {"firm": outcome.firm.name},
    )
    if outcome.enrolment is not None:
        messages.success(
            request,
            _("%(firm)s has applied for %(run)s. The course leader will answer soon.")
            % {"firm": outcome.firm.name, "run": outcome.enrolment.run.title},
        )
    for problem in outcome.problems:
        messages.warning(request, problem)


def signup(request):
    """Register a firm, and oneself as its contact, in one form (a logged-in
    person registers only the firm); an organisation number already registered
    becomes a request to join that firm."""
    runs = list(open_runs())
    form_class = FirmRegisterForm if request.user.is_authenticated else FirmSignupForm
    initial = {}
    run_asked = request.GET.get("run", "")
    if run_asked.isdigit() and any(run.pk == int(run_asked) for run in runs):
        initial["run"] = int(run_asked)
    form = form_class(request.POST or None, runs=runs, initial=initial)
    status = HTTPStatus.OK
    if request.method == "POST":
        status = HTTPStatus.BAD_REQUEST
        if form.is_valid():
            data = form.cleaned_data
            if request.user.is_authenticated:
                try:
                    outcome = signup_services.firm_register(
                        user=request.user,
                        firm=_firm_details(data),
                        run_id=data["run"],
                        message=data["message"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    _announce(request, outcome, data["org_number"])
                    return redirect("home")
            elif signup_limited(request):
                form.add_error(None, SIGNUP_TOO_MANY_MESSAGE)
                status = HTTPStatus.TOO_MANY_REQUESTS
            else:
                try:
                    signup_services.signup_start(
                        email=data["email"],
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                        language=data["language"],
                        password=data["password1"],
                        firm=_firm_details(data),
                        run_id=data["run"],
                        message=data["message"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    request.session[SIGNUP_SESSION_EMAIL] = data["email"].lower()
                    return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def signup_sent(request):
    """ "Check your e-mail": the same page whether or not the address is known."""
    return render(
        request,
        "accounts/signup_sent.html",
        {
            "email": request.session.get(SIGNUP_SESSION_EMAIL, ""),
            "valid_hours": settings.SIGNUP_VALID_HOURS,
        },
    )


_SIGNUP_ERROR_STATUS = {"not_found": HTTPStatus.NOT_FOUND}


def _signup_problem(request, error: ValidationError):
    return render(
        request,
        "accounts/signup_problem.html",
        {"message": error.messages[0], "code": error.code},
        status=_SIGNUP_ERROR_STATUS.get(error.code, HTTPStatus.GONE),
    )


@require_http_methods(["GET", "POST"])
def signup_confirm(request, token):
    """The link in the e-mail: GET shows what will happen, POST does it (a mail
    scanner that follows links changes nothing)."""
    try:
        signup = signup_services.signup_check(token=token)
    except ValidationError as error:
        return _signup_problem(request, error)
    if request.method == "POST":
        try:
            outcome = signup_services.signup_confirm(token=token)
        except ValidationError as error:
            return _signup_problem(request, error)
        login(
            request, outcome.user, backend="django.contrib.auth.backends.ModelBackend"
        )
        request.session.pop(SIGNUP_SESSION_EMAIL, None)
        _announce(request, outcome, signup.org_number)
        return redirect("home")
    return render(
        request,
        "accounts/signup_confirm.html",
        {
            "signup": signup,
            "firm_registered": signup_selectors.firm_registered(
                org_number=signup.org_number
            ),
            "run": signup_selectors.signup_run(signup=signup),
        },
    )


@require_POST
@login_required
def claim_decide(request, org_number, pk):
    """Approve or decline a request to join the firm (its contact or a leader)."""
    claim = get_object_or_404(
        FirmClaim.objects.select_related("firm", "person"),
        pk=pk,
        firm__org_number=org_number,
    )
    if not request.user.has_perm("accounts.decide_claim", claim):
        raise PermissionDenied
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        return HttpResponseBadRequest()
    try:
        signup_services.claim_decide(
            claim=claim, by=request.user, approve=decision == "approve"
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            (
                _("%(person)s is now a contact of %(firm)s.")
                if decision == "approve"
                else _("The request from %(person)s has been declined.")
            )
            % {"person": claim.person, "firm": claim.firm.name},
        )
    return redirect(claim.firm)
