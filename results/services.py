"""Writes for results: the firm's yearly follow-up with its figures.

The report itself (period, narrative, the certification's event) belongs to the
course side and is written through `courses.services.certification`; this
module adds the figures to it in the same transaction, so a follow-up is never
filed without its figures or the other way round.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from courses.models import Certification, FollowUpReport
from courses.services import certification as certification_services

from .categories import (
    ARRANGEMENT_FIELDS,
    ENDED_FIELDS,
    TARGET_GROUP_FIELDS,
    TargetGroup,
)
from .models import FollowUpFigures

COUNT_FIELDS = (*ARRANGEMENT_FIELDS, *TARGET_GROUP_FIELDS, *ENDED_FIELDS, "mentors")

NOT_A_COUNT_MESSAGE = _("Write a whole number, 0 or more.")
TOO_LARGE_MESSAGE = _("That is more than a firm's yearly report can hold.")
# Larger counts are typing mistakes, not firms: the largest Norwegian
# employers take in fewer people than this in a year.
LARGEST_COUNT = 100_000
ENDED_TOO_LARGE_MESSAGE = _(
    "The people whose placement ended add up to more than a firm's yearly "
    "report can hold."
)
# Where a problem of the ended counts together (not of one field) is filed.
ENDED_TOTAL_KEY = NON_FIELD_ERRORS


def group_exceeds_total_message(*, group: str, count: int, total: int) -> str:
    """The message for a target group counted above the people taken in."""
    return ngettext(
        "You have counted %(count)s people in “%(group)s”, but only %(total)s "
        "person taken in altogether (the arrangements above add up to "
        "%(total)s).",
        "You have counted %(count)s people in “%(group)s”, but only %(total)s "
        "people taken in altogether (the arrangements above add up to "
        "%(total)s).",
        total,
    ) % {"count": count, "group": group, "total": total}


def reporting_year(period_ends: date) -> int:
    """The calendar year holding most of the twelve months before
    `period_ends`: the year the report's figures are counted under."""
    return period_ends.year if period_ends.month > 6 else period_ends.year - 1


def follow_up_period(period_ends: date) -> tuple[date, date]:
    """The first and last day (both counted) of the twelve months a report for
    `period_ends` covers: the day after the same date a year earlier, to
    `period_ends`, so consecutive reports neither overlap nor leave a gap."""
    start = certification_services.add_months(period_ends, -12) + timedelta(days=1)
    return start, period_ends


def follow_up_figures_problems(counts: Mapping[str, object]) -> dict[str, str]:
    """A message per field whose count is not a whole number from 0, or whose
    target group exceeds the people taken in, and one (under ENDED_TOTAL_KEY)
    when the ended counts together pass LARGEST_COUNT; empty when all is well.
    The form and the services use this one set of rules."""
    problems: dict[str, str] = {}
    clean: dict[str, int] = {}
    for name in COUNT_FIELDS:
        value = counts.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems[name] = str(NOT_A_COUNT_MESSAGE)
        elif value > LARGEST_COUNT:
            problems[name] = str(TOO_LARGE_MESSAGE)
        else:
            clean[name] = value
    if not any(name in problems for name in ENDED_FIELDS) and (
        sum(clean[name] for name in ENDED_FIELDS) > LARGEST_COUNT
    ):
        problems[ENDED_TOTAL_KEY] = str(ENDED_TOO_LARGE_MESSAGE)
    if any(name in problems for name in ARRANGEMENT_FIELDS):
        return problems
    total = sum(clean[name] for name in ARRANGEMENT_FIELDS)
    for name in TARGET_GROUP_FIELDS:
        if name in clean and clean[name] > total:
            problems[name] = group_exceeds_total_message(
                group=TargetGroup(name).label, count=clean[name], total=total
            )
    return problems


def _refuse_problems(counts: Mapping[str, int], mentors: int) -> None:
    """Refuse before anything is written (the course side's report included)."""
    problems = follow_up_figures_problems({**counts, "mentors": mentors})
    if problems:
        raise ValidationError(problems)


def _set_figures(figures, *, by, counts, mentors, measures, publish_account):
    """Write counts the caller has already checked (`_refuse_problems`)."""
    values = {name: counts.get(name, 0) for name in COUNT_FIELDS}
    values["mentors"] = mentors
    for name, value in values.items():
        setattr(figures, name, value)
    figures.taken_in = sum(values[name] for name in ARRANGEMENT_FIELDS)
    figures.publish_account = publish_account
    figures.updated_by = by
    figures.full_clean(exclude=["report", "measures"])
    figures.save()
    figures.measures.set(list(measures))
    return figures


@transaction.atomic
def follow_up_submit(
    *,
    certification: Certification,
    by,
    narrative: str,
    counts: Mapping[str, int],
    mentors: int,
    measures: Iterable = (),
    publish_account: bool = False,
    today: date | None = None,
) -> FollowUpReport:
    """File the yearly follow-up with its figures, or neither: the course
    side's rules (window, once per period, not revoked) and the figures' rules
    both hold, or nothing is saved."""
    _refuse_problems(counts, mentors)
    report = certification_services.follow_up_file(
        certification=certification, by=by, narrative=narrative, today=today
    )
    _set_figures(
        FollowUpFigures(report=report, year=reporting_year(report.period_ends)),
        by=by,
        counts=counts,
        mentors=mentors,
        measures=measures,
        publish_account=publish_account,
    )
    return report


@transaction.atomic
def follow_up_update(
    *,
    report: FollowUpReport,
    by,
    narrative: str,
    counts: Mapping[str, int],
    mentors: int,
    measures: Iterable = (),
    publish_account: bool = False,
) -> FollowUpReport:
    """Correct the certification's latest follow-up and its figures (a report
    filed before figures existed gets them now); older reports stay as filed."""
    _refuse_problems(counts, mentors)
    certification_services.follow_up_narrative_update(
        report=report, narrative=narrative
    )
    figures = FollowUpFigures.objects.filter(report=report).first() or (
        FollowUpFigures(report=report, year=reporting_year(report.period_ends))
    )
    _set_figures(
        figures,
        by=by,
        counts=counts,
        mentors=mentors,
        measures=measures,
        publish_account=publish_account,
    )
    return report
