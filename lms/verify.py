"""`/verify/`: anyone, logged in or not, checks a certificate by its code.

Unknown and malformed codes get the same "not found" (404); each miss counts
against the visitor's address, and too many misses are refused for a while,
so the page cannot be used to enumerate codes. Found certificates never count.
"""

from http import HTTPStatus

from django import forms
from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from django_ratelimit.core import is_ratelimited

from courses.codes import format_code, normalise_code

from .verification import verify

# courses.models.CertificateStatus.REVOKED, without importing a model here.
REVOKED = "revoked"
NOT_FOUND_MESSAGE = _(
    "No certificate has this code. Check that you typed it exactly as printed."
)
TOO_MANY_MESSAGE = _(
    "Too many codes that do not exist were tried from your address. Wait a while "
    "and try again."
)


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code is printed on the certificate, e.g. ABCD-EFGH-JKMN."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
    )


def _limited(request, *, increment: bool) -> bool:
    return is_ratelimited(
        request,
        group="verify-miss",
        key="ip",
        rate=settings.VERIFY_MISS_RATE,
        increment=increment,
    )


def _page(request, *, form=None, verified=None, status=HTTPStatus.OK, message=""):
    return render(
        request,
        "verify/verify.html",
        {"form": form or VerifyForm(), "verified": verified, "message": message},
        status=status,
    )


def _not_found(request, form):
    if _limited(request, increment=True):
        return _page(
            request,
            form=form,
            status=HTTPStatus.TOO_MANY_REQUESTS,
            message=TOO_MANY_MESSAGE,
        )
    return _page(
        request, form=form, status=HTTPStatus.NOT_FOUND, message=NOT_FOUND_MESSAGE
    )


@require_GET
def verify_form(request):
    """The form; a typed code goes to its own page."""
    if "code" not in request.GET:
        return _page(request)
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return _page(request, form=form, status=HTTPStatus.BAD_REQUEST)
    code = normalise_code(form.cleaned_data["code"])
    if code is None:
        return _not_found(request, form)
    return redirect("verify:detail", code=format_code(code))


@require_GET
def verify_detail(request, code):
    form = VerifyForm(initial={"code": code})
    if _limited(request, increment=False):
        return _page(
            request,
            form=form,
            status=HTTPStatus.TOO_MANY_REQUESTS,
            message=TOO_MANY_MESSAGE,
        )
    normalised = normalise_code(code)
    verified = verify(normalised) if normalised else None
    if verified is None:
        return _not_found(request, form)
    if code != verified.code:
        # One address per certificate, however the code was typed.
        return redirect("verify:detail", code=verified.code)
    return _page(
        request, form=VerifyForm(initial={"code": verified.code}), verified=verified
    )


@never_cache
@require_GET
def verify_badge(request, code):
    """The certificate as an Open Badges 3.0 credential (JSON-LD); 410 Gone with
    the revocation date once it has been revoked."""
    # Limited like the page: else the badge would tell found from not found
    # for any number of guesses.
    if _limited(request, increment=False):
        return JsonResponse(
            {"detail": str(TOO_MANY_MESSAGE)}, status=HTTPStatus.TOO_MANY_REQUESTS
        )
    normalised = normalise_code(code)
    verified = verify(normalised) if normalised else None
    if verified is None or verified.credential is None:
        _limited(request, increment=True)
        raise Http404
    if verified.status == REVOKED:
        # A revoked certificate is never issued again: whoever refreshes the
        # credential learns that it was revoked, and when.
        response = JsonResponse(
            {
                "status": REVOKED,
                "revoked_on": verified.revoked_on.isoformat(),
                "verify_url": request.build_absolute_uri(
                    reverse("verify:detail", kwargs={"code": verified.code})
                ),
            },
            status=HTTPStatus.GONE,
        )
    else:
        response = JsonResponse(
            verified.credential(),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
            content_type="application/ld+json",
        )
    response["Access-Control-Allow-Origin"] = "*"
    return response


app_name = "verify"
urlpatterns = [
    path("", verify_form, name="form"),
    path("<str:code>/", verify_detail, name="detail"),
    path("<str:code>/badge.json", verify_badge, name="badge"),
]
