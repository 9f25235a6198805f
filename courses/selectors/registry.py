"""Public reads about certified firms: the registry pages and the procurement API.

Only what the public may see: firms with an active certification, the public
commitments of the certified plan and the measures those use, and a firm's
certifications. Never a person. "Active" is decided here, by date: not revoked
and valid until today or later.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from cms.areas import Area
from lms.accounts.models import Firm, Industry

from ..models import Certification, Commitment
from .certificates import verify_path
from .plans import AreaCommitments

# Procurement systems poll; certifications change a few times a year.
API_CACHE_SECONDS = 300
_DIGITS = re.compile(r"[0-9]+")


def active_certifications(*, today: date | None = None) -> QuerySet[Certification]:
    """Certifications not revoked and valid on `today` (default: today)."""
    today = today or timezone.localdate()
    return Certification.objects.filter(revoked_at__isnull=True, valid_until__gte=today)


def _certified(*, today: date | None = None) -> QuerySet[Firm]:
    """Firms with an active certification (no annotation: for filters and lists)."""
    firm_ids = active_certifications(today=today).values("enrolment__firm_id")
    return Firm.objects.filter(pk__in=firm_ids)


def certified_firms(
    *,
    search: str = "",
    municipality: str = "",
    industry: str = "",
    today: date | None = None,
) -> QuerySet[Firm]:
    """Firms with an active certification, by name, each with `certified_until`.

    `search` matches the name (case-insensitive) or, when it is digits and
    spaces, the organisation number. One query per evaluation, whatever the
    number of firms.
    """
    latest_active = (
        active_certifications(today=today)
        .filter(enrolment__firm=OuterRef("pk"))
        .order_by("-valid_until")
        .values("valid_until")[:1]
    )
    # Which firms: a semi-join (`IN`), which every database plans as one pass;
    # the date shown is a subquery only for the rows that are fetched.
    firms = (
        _certified(today=today)
        .annotate(certified_until=Subquery(latest_active))
        .only("name", "org_number", "municipality", "industry")
        .order_by("name", "pk")
    )
    search = (search or "").strip()
    if search:
        condition = Q(name__icontains=search)
        digits = re.sub(r"\s+", "", search)
        if _DIGITS.fullmatch(digits):
            condition |= Q(org_number__contains=digits)
        firms = firms.filter(condition)
    if municipality:
        firms = firms.filter(municipality=municipality)
    if industry:
        firms = firms.filter(industry=industry)
    return firms


@dataclass(frozen=True)
class RegistryFilterOptions:
    municipalities: list[str]
    industries: list[tuple[str, str]]  # (code, label), by label


def registry_filter_options(*, today: date | None = None) -> RegistryFilterOptions:
    """The municipalities and industries of the certified firms (one query)."""
    pairs = set(
        _certified(today=today).values_list("municipality", "industry").distinct()
    )
    labels = dict(Industry.choices)
    industries = [
        (code, str(labels.get(code, code))) for code in {i for _m, i in pairs}
    ]
    return RegistryFilterOptions(
        municipalities=sorted({m for m, _i in pairs}),
        industries=sorted(industries, key=lambda item: item[1]),
    )


def certified_org_numbers(*, today: date | None = None) -> list[str]:
    """Organisation numbers of every firm in the registry, in order (one query)."""
    return list(
        _certified(today=today)
        .order_by("name", "pk")
        .values_list("org_number", flat=True)
    )


@dataclass(frozen=True)
class FirmProfile:
    firm: Firm
    certification: Certification
    verify_path: str
    areas: list[AreaCommitments] = field(default_factory=list)  # only non-empty
    measures: list = field(default_factory=list)  # cms.Measure, by name


def certified_firm_profile(
    *, org_number: str, today: date | None = None
) -> FirmProfile | None:
    """The firm's public profile, or None unless it has an active certification.

    Uses the most recently issued active certification and only the public
    commitments of that enrolment's plan. Two queries.
    """
    certification = (
        active_certifications(today=today)
        .filter(enrolment__firm__org_number=org_number)
        .select_related("enrolment__firm", "enrolment__run__course")
        .order_by("-issued_on", "-pk")
        .first()
    )
    if certification is None:
        return None
    commitments = list(
        Commitment.objects.filter(
            plan__enrolment_id=certification.enrolment_id, is_public=True
        )
        .select_related("measure")
        .order_by("position", "pk")
    )
    areas = [
        AreaCommitments(area=area, commitments=rows)
        for area in Area
        if (rows := [row for row in commitments if row.area == area])
    ]
    measures = {row.measure.pk: row.measure for row in commitments if row.measure}
    return FirmProfile(
        firm=certification.enrolment.firm,
        certification=certification,
        verify_path=verify_path(certification.formatted_code),
        areas=areas,
        measures=sorted(measures.values(), key=lambda measure: measure.name),
    )


def firm_certifications(*, org_number: str, today: date | None = None) -> dict | None:
    """The firm and every certification it ever had, most recent first, as plain
    data; None when the firm has never been certified (one query)."""
    today = today or timezone.localdate()
    certifications = list(
        Certification.objects.filter(enrolment__firm__org_number=org_number)
        .select_related("enrolment__firm", "enrolment__run__course")
        .order_by("-issued_on", "-pk")
    )
    if not certifications:
        return None
    firm = certifications[0].enrolment.firm
    rows = [
        {
            "code": certification.formatted_code,
            # The name the firm was certified under; `name` above is today's.
            "issued_to": certification.holder_name,
            "status": str(certification.status_on(today)),
            "issued_on": certification.issued_on,
            "valid_until": certification.valid_until,
            "revoked_on": (
                timezone.localdate(certification.revoked_at)
                if certification.revoked_at
                else None
            ),
            "course": certification.enrolment.run.course.title,
            "run": certification.enrolment.run.title,
            "verify_path": verify_path(certification.formatted_code),
        }
        for certification in certifications
    ]
    return {
        "org_number": firm.org_number,
        "name": firm.name,
        "certified": any(row["status"] == "active" for row in rows),
        "certifications": rows,
    }


def _api_cache_key(org_number: str, today: date) -> str:
    # The date is part of the key: a certification expires at midnight. "v2":
    # rows carry `issued_to` since certificates keep the name as issued.
    return f"courses:api:certifications:v2:{org_number}:{today.isoformat()}"


def firm_certifications_cached(*, org_number: str) -> dict | None:
    """`firm_certifications`, kept in the shared cache per firm and day; dropped
    by `firm_certifications_forget` when the firm or a certification changes.

    Only firms that have a certification get a key: a number nobody was
    certified under costs one query and leaves nothing behind, so anonymous
    requests for made-up numbers cannot fill the cache.
    """
    today = timezone.localdate()
    key = _api_cache_key(org_number, today)
    data = cache.get(key)
    if data is None:
        data = firm_certifications(org_number=org_number, today=today)
        if data is not None:
            cache.set(key, data, API_CACHE_SECONDS)
    return data


def firm_certifications_forget(
    *, org_number: str | None = None, enrolment_id: int | None = None
) -> None:
    """Drop the cached API answer for the firm (given directly or by enrolment)."""
    if org_number is None and enrolment_id is not None:
        org_number = (
            Firm.objects.filter(enrolments__pk=enrolment_id)
            .values_list("org_number", flat=True)
            .first()
        )
    if org_number:
        cache.delete(_api_cache_key(org_number, timezone.localdate()))
