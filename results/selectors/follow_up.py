"""Reads for the firm's yearly follow-up: a certification to file for, one
report with its figures, and a certification's reports with their key figures."""

from datetime import date

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from cms.models import Measure
from courses.models import Certification, FollowUpReport
from courses.services import certification as certification_services


def certification_for_follow_up(*, pk: int) -> Certification | None:
    """The certification with its firm and run, and its report for the current
    period as `current_report` (None until filed); two queries."""
    certification = (
        Certification.objects.select_related("enrolment__firm", "enrolment__run")
        .filter(pk=pk)
        .first()
    )
    if certification is not None:
        certification.current_report = certification.follow_ups.filter(
            period_ends=certification.valid_until
        ).first()
    return certification


def follow_up_closed_reason(
    *, certification: Certification, today: date | None = None
) -> str | None:
    """Why the follow-up cannot be filed now (revoked, or before the window
    opens), in the course side's own words; None when it can. The course
    service checks the same again when the report is filed."""
    return certification_services.follow_up_refusal(
        certification, today=today or timezone.localdate()
    )


def follow_up_report_detail(*, pk: int) -> FollowUpReport | None:
    """The report with its certification, firm, run, figures and measures, and
    `is_latest` (only the certification's latest report can be changed); two
    queries."""
    latest = (
        FollowUpReport.objects.filter(certification=OuterRef("certification"))
        .order_by("-period_ends")
        .values("pk")[:1]
    )
    report = (
        FollowUpReport.objects.select_related(
            "certification__enrolment__firm",
            "certification__enrolment__run",
            "filed_by",
            "figures__updated_by",
        )
        .prefetch_related(
            Prefetch("figures__measures", queryset=Measure.objects.order_by("name"))
        )
        .annotate(latest_pk=Subquery(latest))
        .filter(pk=pk)
        .first()
    )
    if report is not None:
        report.is_latest = report.latest_pk == report.pk
    return report


def certification_follow_ups(*, certification: Certification) -> list[FollowUpReport]:
    """The certification's reports, newest period first, each with its figures
    (`figures` is missing on a report filed before figures existed); one query."""
    return list(
        FollowUpReport.objects.filter(certification=certification)
        .select_related("figures", "filed_by")
        .order_by("-period_ends")
    )
