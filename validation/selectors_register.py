"""The register of validated mentors: counts, never names.

`validated_mentor_counts()` counts the people who hold at least one standing
validation certificate (certified case, certificate not revoked), by pathway,
by municipality and by year, in a fixed number of queries (six) whatever the
number of people. The results dashboard reuses it; its public figures apply
their own small-number suppression on top.

A person's municipality is that of the firm they belong to (their earliest
membership when they belong to several); a person with no firm is counted as
unknown. A pathway counts the credits of each of its unit codes once, whichever
version of the unit the person was certified on, so a new version of a unit
does not take credit away and two versions never give it twice.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import ExtractYear

from lms.accounts.models import Membership, User

from .models import CaseStatus, Pathway, ValidationCertificate


@dataclass(frozen=True, kw_only=True)
class PathwayCount:
    name: str
    credits_required: int
    achieved: int  # people with at least the credits the pathway requires
    started: int  # people with at least one certified unit of it


@dataclass(frozen=True, kw_only=True)
class MunicipalityCount:
    municipality: str  # "" when unknown
    people: int


@dataclass(frozen=True, kw_only=True)
class YearCount:
    year: int
    people: int  # people with at least one unit certified that year
    units: int  # certificates issued that year (still standing)


@dataclass(frozen=True, kw_only=True)
class ValidatedMentorCounts:
    people: int  # people with at least one certified unit
    units: int  # standing certificates
    by_pathway: tuple[PathwayCount, ...]
    by_municipality: tuple[MunicipalityCount, ...]
    by_year: tuple[YearCount, ...]


def standing_certificates():
    """Certificates of certified cases that have not been revoked, except on
    trainees' work-area units (a unit in a pathway for trainees): those do not
    make a validated mentor."""
    work_area_units = Pathway.units.through.objects.filter(
        pathway__for_trainees=True
    ).values("unit_id")
    return ValidationCertificate.objects.filter(
        revoked_at__isnull=True, case__status=CaseStatus.CERTIFIED
    ).exclude(case__unit__in=work_area_units)


def _by_pathway(certificates) -> tuple[PathwayCount, ...]:
    pathways = list(Pathway.objects.filter(for_trainees=False).order_by("name", "pk"))
    codes: dict[int, set[str]] = defaultdict(set)
    for pathway_id, code in Pathway.units.through.objects.values_list(
        "pathway_id", "unit__code"
    ):
        codes[pathway_id].add(code)
    # One row per person and unit code, grouped in the database.
    credits: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        certificates.values("case__candidate_id", "case__unit__code")
        .annotate(credits=Max("case__unit__credits"))
        .order_by()
    )
    for row in rows:
        credits[row["case__candidate_id"]][row["case__unit__code"]] = row["credits"]
    counts = []
    for pathway in pathways:
        achieved = started = 0
        for person_credits in credits.values():
            earned = [
                person_credits[code]
                for code in codes[pathway.pk]
                if code in person_credits
            ]
            if earned:
                started += 1
                achieved += sum(earned) >= pathway.credits_required
        counts.append(
            PathwayCount(
                name=pathway.name,
                credits_required=pathway.credits_required,
                achieved=achieved,
                started=started,
            )
        )
    return tuple(counts)


def mentors_by_municipality(certificates) -> tuple[MunicipalityCount, ...]:
    """People holding `certificates`, by the municipality of their first firm
    (unknown last): one grouped query."""
    municipality = (
        Membership.objects.filter(user=OuterRef("pk"))
        .order_by("joined_at", "pk")
        .values("firm__municipality")[:1]
    )
    rows = (
        User.objects.filter(pk__in=certificates.values("case__candidate_id"))
        .annotate(municipality=Subquery(municipality))
        .values("municipality")
        .annotate(people=Count("pk"))
        .order_by("municipality")
    )
    counts = [
        MunicipalityCount(municipality=row["municipality"] or "", people=row["people"])
        for row in rows
    ]
    # Unknown last, the rest by name.
    counts.sort(key=lambda count: (count.municipality == "", count.municipality))
    return tuple(counts)


def _by_year(certificates) -> tuple[YearCount, ...]:
    rows = (
        certificates.annotate(year=ExtractYear("issued_on"))
        .values("year")
        .annotate(people=Count("case__candidate", distinct=True), units=Count("pk"))
        .order_by("year")
    )
    return tuple(
        YearCount(year=row["year"], people=row["people"], units=row["units"])
        for row in rows
    )


def validated_mentor_counts() -> ValidatedMentorCounts:
    """How many people hold validation certificates, by pathway, municipality
    and year: counts only, in six queries."""
    certificates = standing_certificates()
    totals = certificates.aggregate(
        people=Count("case__candidate", distinct=True), units=Count("pk")
    )
    return ValidatedMentorCounts(
        people=totals["people"],
        units=totals["units"],
        by_pathway=_by_pathway(certificates),
        by_municipality=mentors_by_municipality(certificates),
        by_year=_by_year(certificates),
    )
