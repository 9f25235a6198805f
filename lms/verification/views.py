"""`/verify/`: anyone, logged in or not, checks a certificate by its code.

Unknown and malformed codes get the same "not found" (404). Each miss counts
against the client (its address as the trusted proxies give it, see
lms.client_ip), in the rate-limit store every app server shares; once a client
has missed too often, its misses are answered "too many" (429) for a while.
A code that exists is always answered, blocked or not, and never counts.
"""

from http import HTTPStatus

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from django_ratelimit.core import is_ratelimited

from courses.codes import format_code, normalise_code

from . import signing, verify
from .forms import VerifyForm

# courses.models.CertificateStatus.REVOKED, without importing a model here.
REVOKED = "revoked"
JWKS_MAX_AGE_SECONDS = 300
NOT_FOUND_MESSAGE = _(
    "No certificate has this code. Check that you typed it exactly as printed."
)
TOO_MANY_MESSAGE = _(
    "Too many codes that do not exist were tried from your address. Wait a while "
    "and try again."
)


def miss_refused(request) -> bool:
    """Count one miss against the client; True once it has missed too often."""
    return is_ratelimited(
        request,
        group="verify-miss",
        key="ip",
        rate=settings.VERIFY_MISS_RATE,
        increment=True,
    )


def _lookup(code: str):
    normalised = normalise_code(code)
    return verify(normalised) if normalised else None


def _page(request, *, form=None, verified=None, status=HTTPStatus.OK, message=""):
    return render(
        request,
        "verify/verify.html",
        {"form": form or VerifyForm(), "verified": verified, "message": message},
        status=status,
    )


def _not_found(request, form):
    if miss_refused(request):
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
    verified = _lookup(code)
    if verified is None:
        return _not_found(request, VerifyForm(initial={"code": code}))
    if code != verified.code:
        # One address per certificate, however the code was typed.
        return redirect("verify:detail", code=verified.code)
    return _page(
        request, form=VerifyForm(initial={"code": verified.code}), verified=verified
    )


def _credential_or_refusal(request, code):
    """The certificate behind a credential URL, or the response that refuses it:
    404 (a miss, counted like the page's), 429 once the client has missed too
    often, 410 Gone with the revocation date once it has been revoked."""
    verified = _lookup(code)
    if verified is None or verified.credential is None:
        if miss_refused(request):
            return None, JsonResponse(
                {"detail": str(TOO_MANY_MESSAGE)}, status=HTTPStatus.TOO_MANY_REQUESTS
            )
        raise Http404
    if verified.status == REVOKED:
        # A revoked certificate is never issued again: whoever refreshes the
        # credential learns that it was revoked, and when.
        return verified, JsonResponse(
            {
                "status": REVOKED,
                "revoked_on": verified.revoked_on.isoformat(),
                "verify_url": request.build_absolute_uri(
                    reverse("verify:detail", kwargs={"code": verified.code})
                ),
            },
            status=HTTPStatus.GONE,
        )
    return verified, None


@never_cache
@require_GET
def verify_badge(request, code):
    """The certificate as an Open Badges 3.0 credential (JSON-LD); 410 Gone with
    the revocation date once it has been revoked. Misses count like the page's."""
    verified, response = _credential_or_refusal(request, code)
    if response is None:
        response = JsonResponse(
            verified.credential(),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
            content_type="application/ld+json",
        )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
@require_GET
def verify_badge_signed(request, code):
    """The same credential signed by the issuer (VC-JOSE, ``application/vc+jwt``),
    verifiable offline with the keys at /.well-known/jwks.json; refused exactly
    as the unsigned one is (404, 429, 410 Gone once revoked)."""
    verified, response = _credential_or_refusal(request, code)
    if response is None:
        response = HttpResponse(
            signing.credential_sign(credential=verified.credential()),
            content_type=signing.MEDIA_TYPE,
        )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def jwks(request):
    """The public keys that verify the platform's signed credentials (JWK Set);
    old keys stay listed after a rotation. Never any private part."""
    response = JsonResponse(
        signing.public_jwks(), content_type="application/jwk-set+json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    # Short, so a verifier soon sees a key added by a rotation.
    patch_cache_control(response, public=True, max_age=JWKS_MAX_AGE_SECONDS)
    return response
