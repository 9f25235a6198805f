"""Builders for results: runs, certified firms, follow-up figures and course
certificates — one at a time with exactly the dates a test needs, or many
firms × years at once (`bulk_programme`, a handful of bulk inserts).

The single builders write straight to the tables (no services, no signals),
so a test can place a certification or a report in any year.
"""

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from courses.models import (
    Certification,
    Course,
    CourseCertificate,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    FollowUpReport,
)
from lms.accounts.models import Firm, Industry, SizeBand, User
from lms.accounts.validators import org_number_check_digit
from results.categories import ARRANGEMENT_FIELDS, ENDED_FIELDS, TARGET_GROUP_FIELDS
from results.models import FollowUpFigures

from ..accounts.factories import FirmFactory, UserFactory
from ..courses.certification_factories import REVOKED_REASON, code

_n = itertools.count(1)
_org = itertools.count(1)

NARRATIVE = "Vi tok imot nye kolleger og ga dem en fadder."
MUNICIPALITIES = ("Asker", "Bærum", "Drammen", "Hole", "Lier", "Ål")


def org_number() -> str:
    """A fresh valid organisation number starting with 7 (other builders use
    8 and 9), spaced by three so skipping an impossible base never meets the
    next one."""
    base = 70_000_000 + 3 * next(_org)
    while org_number_check_digit(str(base)) is None:
        base += 1
    return f"{base}{org_number_check_digit(str(base))}"


def course() -> Course:
    n = next(_n)
    return Course.objects.create(title=f"Resultatkurs {n}", slug=f"resultatkurs-{n}")


def run(
    *, title: str | None = None, deadline: date | None = None, leaders=(), course_=None
) -> CourseRun:
    """A course run (no sessions) with its enrolment deadline on `deadline`."""
    n = next(_n)
    item = CourseRun.objects.create(
        course=course_ or course(),
        title=title or f"Kull {n}",
        municipality="Asker",
        enrolment_deadline=deadline or timezone.localdate(),
    )
    item.leaders.set(leaders)
    return item


def firm(municipality: str = "Asker", **fields) -> Firm:
    return FirmFactory(municipality=municipality, **fields)


def enrolment(
    *, run_: CourseRun, firm_: Firm | None = None, status=EnrolmentStatus.ACCEPTED
) -> Enrolment:
    return Enrolment.objects.create(run=run_, firm=firm_ or firm(), status=status)


def revoked_at(day: date) -> datetime:
    """Noon on `day`, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time(12)))


def certification(
    *,
    run_: CourseRun,
    firm_: Firm | None = None,
    enrolment_: Enrolment | None = None,
    issued_on: date,
    valid_until: date,
    revoked_on: date | None = None,
) -> Certification:
    """A certification of `firm_` (made if not given) after `run_`, with its
    accepted enrolment (made if not given), revoked on `revoked_on` if given."""
    enrolment_ = enrolment_ or enrolment(run_=run_, firm_=firm_)
    return Certification.objects.create(
        enrolment=enrolment_,
        holder_name=enrolment_.firm.name,
        code=code(),
        issued_on=issued_on,
        valid_until=valid_until,
        revoked_at=revoked_at(revoked_on) if revoked_on else None,
        revoked_reason=REVOKED_REASON if revoked_on else "",
    )


def _counts(counts: dict) -> dict:
    known = {*ARRANGEMENT_FIELDS, *TARGET_GROUP_FIELDS, *ENDED_FIELDS, "mentors"}
    unknown = set(counts) - known
    if unknown:
        raise TypeError(f"not a count of the follow-up: {sorted(unknown)}")
    values = {name: counts.get(name, 0) for name in ARRANGEMENT_FIELDS}
    values.update({name: counts.get(name, 0) for name in TARGET_GROUP_FIELDS})
    values.update({name: counts.get(name, 0) for name in ENDED_FIELDS})
    values["mentors"] = counts.get("mentors", 0)
    values["taken_in"] = sum(values[name] for name in ARRANGEMENT_FIELDS)
    return values


def figures(
    *,
    certification_: Certification,
    year: int,
    narrative: str = NARRATIVE,
    publish_account: bool = False,
    **counts: int,
) -> FollowUpFigures:
    """A follow-up report for reporting year `year` (period ending 30
    September) with these counts; `taken_in` is the sum of the arrangements."""
    report = FollowUpReport.objects.create(
        certification=certification_,
        period_ends=date(year, 9, 30),
        narrative=narrative,
    )
    return FollowUpFigures.objects.create(
        report=report, year=year, publish_account=publish_account, **_counts(counts)
    )


def completed(
    *,
    run_: CourseRun,
    enrolment_: Enrolment | None = None,
    user=None,
    issued_on: date,
    revoked: bool = False,
) -> CourseCertificate:
    """A participant's course certificate for `run_`; the participant takes
    part with `enrolment_` when given."""
    user = user or UserFactory()
    if enrolment_ is not None:
        enrolment_.participants.add(user)
    return CourseCertificate.objects.create(
        run=run_,
        user=user,
        holder_name=str(user),
        code=code(),
        issued_on=issued_on,
        revoked_at=revoked_at(issued_on) if revoked else None,
        revoked_reason=REVOKED_REASON if revoked else "",
    )


# Many firms × years at once ----------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Programme:
    runs: list[CourseRun]
    firms: list[Firm]
    certifications: list[Certification]
    years: tuple[int, ...]
    # What each report counts as taken in (BULK_COUNTS' arrangements).
    taken_in_per_report: int


BULK_COUNTS = {
    "work_trial": 2,
    "summer_job": 1,
    "young": 1,
    "immigrant": 2,
    "ended_employed": 1,
    "ended_education": 1,
}


def bulk_programme(
    *,
    firms: int,
    years: int,
    runs: int = 2,
    first_year: int | None = None,
    municipalities=MUNICIPALITIES,
    participants: bool = True,
    placements: bool = True,
) -> Programme:
    """`firms` firms spread over `runs` runs and `municipalities`, each
    accepted, certified in `first_year` (valid to the end of the last year)
    and reporting BULK_COUNTS every year for `years` years; with
    `participants`, one participant per firm holds a course certificate; with
    `placements`, each firm has two placements (BULK_PLACEMENTS: one under way,
    one ended). A fixed number of bulk inserts, whatever the size."""
    first_year = first_year or timezone.localdate().year - years + 1
    all_years = tuple(range(first_year, first_year + years))
    run_items = [
        run(deadline=date(first_year, 1, 15), title=f"Massekull {index}")
        for index in range(runs)
    ]
    firm_items = Firm.objects.bulk_create(
        Firm(
            name=f"Resultatbedrift {index:05d} AS",
            org_number=org_number(),
            municipality=municipalities[index % len(municipalities)],
            industry=Industry.CONSTRUCTION,
            size_band=SizeBand.S10_19,
        )
        for index in range(firms)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            run=run_items[index % runs], firm=item, status=EnrolmentStatus.ACCEPTED
        )
        for index, item in enumerate(firm_items)
    )
    certifications = Certification.objects.bulk_create(
        Certification(
            enrolment=item,
            holder_name=firm_item.name,
            code=code(),
            issued_on=date(first_year, 3, 1),
            valid_until=date(all_years[-1] + 1, 3, 1),
        )
        for item, firm_item in zip(enrolments, firm_items, strict=True)
    )
    reports = FollowUpReport.objects.bulk_create(
        FollowUpReport(
            certification=item, period_ends=date(year, 9, 30), narrative=NARRATIVE
        )
        for item in certifications
        for year in all_years
    )
    counts = _counts(BULK_COUNTS)
    FollowUpFigures.objects.bulk_create(
        FollowUpFigures(report=report, year=report.period_ends.year, **counts)
        for report in reports
    )
    if participants:
        n = next(_n)
        users = User.objects.bulk_create(
            User(email=f"deltaker{n}-{index}@example.no", password="!")
            for index in range(firms)
        )
        Enrolment.participants.through.objects.bulk_create(
            Enrolment.participants.through(enrolment=item, user=user)
            for item, user in zip(enrolments, users, strict=True)
        )
        CourseCertificate.objects.bulk_create(
            CourseCertificate(
                run_id=item.run_id,
                user=user,
                holder_name=f"Deltaker {index}",
                code=code(),
                issued_on=date(first_year, 2, 1),
            )
            for index, (item, user) in enumerate(zip(enrolments, users, strict=True))
        )
    if placements:
        bulk_placements(firm_items, first_year=first_year)
    return Programme(
        runs=run_items,
        firms=firm_items,
        certifications=certifications,
        years=all_years,
        taken_in_per_report=counts["taken_in"],
    )


# Per firm: (arrangement, status, outcome) of each placement.
BULK_PLACEMENTS = (
    ("work_trial", "active", ""),
    ("wage_subsidy", "ended", "employed"),
)


def bulk_placements(firm_items, *, first_year: int):
    """BULK_PLACEMENTS for every firm, with a mentor and a trainee each (two
    bulk inserts)."""
    from placements.models import Placement

    n = next(_n)
    users = User.objects.bulk_create(
        User(email=f"praksis{n}-{index}-{role}@example.no", password="!")
        for index in range(len(firm_items))
        for role in ("mentor", "trainee")
    )
    starts = date(first_year, 4, 1)
    Placement.objects.bulk_create(
        Placement(
            firm=item,
            mentor=users[2 * index],
            trainee=users[2 * index + 1],
            created_by=users[2 * index],
            invited_name="Deltaker",
            invited_email=users[2 * index + 1].email,
            arrangement=arrangement,
            starts_on=starts,
            planned_end_on=date(first_year, 10, 1),
            status=status,
            ended_on=date(first_year, 9, 1) if status == "ended" else None,
            outcome=outcome,
        )
        for index, item in enumerate(firm_items)
        for arrangement, status, outcome in BULK_PLACEMENTS
    )
