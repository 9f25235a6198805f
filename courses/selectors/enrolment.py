"""Reads for firms: open runs, their enrolments and what is still missing."""

from dataclasses import dataclass

from django.db.models import QuerySet

from lms.accounts.models import Firm

from ..models import CourseRun, Enrolment
from .certification import enrolment_certification_check
from .runs import run_overview


def open_runs() -> QuerySet[CourseRun]:
    from django.utils import timezone

    from ..models import RunStatus

    return (
        CourseRun.objects.filter(
            status=RunStatus.OPEN, enrolment_deadline__gte=timezone.localdate()
        )
        .select_related("course")
        .prefetch_related("sessions")
        .order_by("enrolment_deadline")
    )


def contact_firms(*, user) -> QuerySet[Firm]:
    """Firms the person may apply for (they are its contact)."""
    return Firm.objects.filter(
        memberships__user=user, memberships__is_contact=True
    ).order_by("name")


def enrolments_for_user(*, user) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(firm__memberships__user=user)
        .select_related("run", "firm")
        .order_by("-run__enrolment_deadline")
    )


def enrolment_progress(*, enrolment: Enrolment) -> dict:
    """The firm's row of the run overview (None unless accepted) and the course's
    certification rules for it: `check.failing` is what is still missing."""
    overview = run_overview(run=enrolment.run)
    row = next((r for r in overview.rows if r.enrolment.pk == enrolment.pk), None)
    check = enrolment_certification_check(enrolment=enrolment, overview=overview)
    return {"overview": overview, "row": row, "check": check}


@dataclass(frozen=True)
class RunCard:
    """An open run as the catalogue shows it to one person: the firms they
    answer for that are already in it (with the enrolment) and those that may
    still apply."""

    run: CourseRun
    enrolments: list[Enrolment]
    firms_to_apply: list[Firm]


def catalogue_cards(*, user) -> list[RunCard]:
    """Every open run, with the person's firms split into "already in it" (applied,
    accepted or declined) and "may apply"; two queries however many runs."""
    runs = list(open_runs())
    firms = list(contact_firms(user=user)) if user.is_authenticated else []
    by_run: dict[int, list[Enrolment]] = {}
    if firms and runs:
        for enrolment in (
            Enrolment.objects.filter(run__in=runs, firm__in=firms)
            .select_related("firm")
            .order_by("firm__name")
        ):
            by_run.setdefault(enrolment.run_id, []).append(enrolment)
    cards = []
    for run in runs:
        enrolments = by_run.get(run.pk, [])
        taken = {enrolment.firm_id for enrolment in enrolments}
        cards.append(
            RunCard(
                run=run,
                enrolments=enrolments,
                firms_to_apply=[firm for firm in firms if firm.pk not in taken],
            )
        )
    return cards
