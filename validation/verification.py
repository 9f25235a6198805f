"""Validation certificates on the public `/verify/<code>/` page.

Registered with `lms.verification` when the app is ready, so a validation
certificate is checked, shown and served as an Open Badge exactly like a firm
certification or a kursbevis. The page shows only what the certificate itself
prints for everyone: the holder's name, the unit, its level and credits, the
date and the status. The people who assessed and verified are on the PDF the
holder shares, not on a public page.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.verification import Verified

from .documents import (
    NAME_REMOVED,
    certificate_queryset,
    credits_text,
    level_label,
    validation_certificate_document,
)

KIND = gettext_lazy("Validation certificate")


def _what(unit) -> str:
    return _("%(code)s %(title)s (%(level)s, %(credits)s)") % {
        "code": unit.code,
        "title": unit.title,
        "level": level_label(unit),
        "credits": credits_text(unit.credits),
    }


def _credential(certificate) -> dict:
    from courses.documents.badges import open_badge_credential

    document = validation_certificate_document(
        certificate=certificate, language=translation.get_language() or "nb"
    )
    return open_badge_credential(document=document)


def verified_validation_certificate(code: str) -> Verified | None:
    """The public facts about a validation certificate with this code."""
    certificate = certificate_queryset().filter(code=code).first()
    if certificate is None:
        return None
    unit = certificate.case.unit
    revoked_on = (
        timezone.localtime(certificate.revoked_at).date()
        if certificate.revoked_at
        else None
    )
    return Verified(
        code=certificate.formatted_code,
        kind=KIND,
        status=certificate.status,
        holder=certificate.holder_name or _(NAME_REMOVED),
        what=_what(unit),
        details=(
            (
                gettext_lazy("Level"),
                _("%(level)s (EQF level %(eqf)s)")
                % {"level": level_label(unit), "eqf": unit.eqf_level},
            ),
            (gettext_lazy("Credits"), credits_text(unit.credits)),
            (gettext_lazy("Learning outcomes achieved"), str(unit.outcomes.count())),
        ),
        issued_on=certificate.issued_on,
        revoked_on=revoked_on,
        issuer=settings.WAGTAIL_SITE_NAME,
        badge_url=reverse("verify:badge", kwargs={"code": certificate.formatted_code}),
        credential=lambda: _credential(certificate),
    )
