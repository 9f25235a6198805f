"""Writes for certification: certify, revoke, follow up, renew; course certificates.

Every change to a certification writes a `CertificationEvent` in the same
transaction; events and certifications are never deleted. Expiry needs no
write at all: it follows from the valid-until date.
"""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lms.verification import unused_code

from .. import notifications
from ..models import (
    CertificateStatus,
    Certification,
    CertificationEvent,
    CertificationEventKind,
    CourseCertificate,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    FollowUpReport,
)
from ..selectors.certification import (
    course_certificate_eligible_ids,
    enrolment_certification_check,
)

CERTIFY_RULES_NOT_MET_MESSAGE = _(
    "The firm does not meet the course's rules yet. To certify it anyway, write "
    "the reason in the field below; it will be recorded."
)
CERTIFY_NOT_ACCEPTED_MESSAGE = _(
    "Only a firm whose enrolment in this run is accepted can be certified."
)
ALREADY_CERTIFIED_MESSAGE = _("This firm is already certified for this course run.")
REVOKE_REASON_REQUIRED_MESSAGE = _(
    "Write why the certification is revoked; the reason is recorded."
)
ALREADY_REVOKED_MESSAGE = _("This certificate has already been revoked.")
REVOKE_EXPIRED_MESSAGE = _(
    "This certification has already expired and cannot be revoked. Expired "
    "certifications are not shown as valid anywhere."
)
RENEW_REVOKED_MESSAGE = _("A revoked certification cannot be renewed.")
RENEW_NEEDS_FOLLOW_UP_MESSAGE = _(
    "The firm has not filed its yearly follow-up report for this period yet. It "
    "is needed before the certification can be renewed."
)
RENEW_TOO_EARLY_MESSAGE = _(
    "The certification can be renewed from %(date)s (90 days before it expires)."
)
FOLLOW_UP_TOO_EARLY_MESSAGE = _(
    "The follow-up report can be filed from %(date)s (90 days before the "
    "certification expires)."
)
FOLLOW_UP_ALREADY_FILED_MESSAGE = _(
    "The follow-up report for this period has already been filed."
)
FOLLOW_UP_REVOKED_MESSAGE = _(
    "The certification has been revoked, so no follow-up report can be filed."
)
FOLLOW_UP_EMPTY_MESSAGE = _("Describe what the firm has done this year.")
NO_ELIGIBLE_PARTICIPANTS_MESSAGE = _(
    "Nobody in this run has attended the sessions required for a course "
    "certificate yet."
)

# Follow-up and renewal open this many days before a certification expires.
RENEWAL_WINDOW_DAYS = 90


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it has fewer."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _day(day: date) -> str:
    """A date as the person reading the message writes it."""
    return date_format(day, "SHORT_DATE_FORMAT")


def renewal_opens_on(certification: Certification) -> date:
    return date.fromordinal(certification.valid_until.toordinal() - RENEWAL_WINDOW_DAYS)


def _event(certification, kind, *, by, reason=""):
    CertificationEvent.objects.create(
        certification=certification,
        kind=kind,
        by=by,
        reason=reason,
        valid_until=certification.valid_until,
    )


def certification_create(
    *, enrolment: Enrolment, by, override_reason: str = "", today: date | None = None
) -> Certification:
    """Certify the firm of an accepted enrolment when the course's rules hold, or
    with a recorded reason when they do not. Two concurrent calls make one."""
    today = today or timezone.localdate()
    override_reason = override_reason.strip()
    if enrolment.status != EnrolmentStatus.ACCEPTED:
        raise ValidationError(CERTIFY_NOT_ACCEPTED_MESSAGE)
    if Certification.objects.filter(enrolment=enrolment).exists():
        raise ValidationError(ALREADY_CERTIFIED_MESSAGE)
    check = enrolment_certification_check(enrolment=enrolment)
    if not check.holds and not override_reason:
        raise ValidationError(CERTIFY_RULES_NOT_MET_MESSAGE)
    course = enrolment.run.course
    certification = Certification(
        enrolment=enrolment,
        holder_name=enrolment.firm.name,
        code=unused_code(),
        issued_on=today,
        valid_until=add_months(today, course.certificate_validity_months),
        issued_by=by,
        override_reason="" if check.holds else override_reason,
    )
    certification.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            certification.save()
            _event(
                certification,
                CertificationEventKind.CERTIFIED
                if check.holds
                else CertificationEventKind.CERTIFIED_OVERRIDE,
                by=by,
                reason=certification.override_reason,
            )
            notifications.firm_certified(certification=certification)
    except IntegrityError as error:
        # The other request won the race on the one-per-enrolment constraint.
        raise ValidationError(ALREADY_CERTIFIED_MESSAGE) from error
    return certification


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


@transaction.atomic
def certificate_revoke(
    *, certificate: Certification | CourseCertificate, by, reason: str
) -> Certification | CourseCertificate:
    """Revoke a valid certificate with a recorded reason; an expired or already
    revoked one is left as it is."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(REVOKE_REASON_REQUIRED_MESSAGE)
    certificate = _locked(type(certificate), certificate.pk)
    status = certificate.status
    if status == CertificateStatus.REVOKED:
        raise ValidationError(ALREADY_REVOKED_MESSAGE)
    if status == CertificateStatus.EXPIRED:
        raise ValidationError(REVOKE_EXPIRED_MESSAGE)
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoked_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    if isinstance(certificate, Certification):
        _event(certificate, CertificationEventKind.REVOKED, by=by, reason=reason)
    return certificate


def follow_up_refusal(certification: Certification, *, today: date) -> str | None:
    """Why no follow-up can be filed on `today` (revoked, or before the window
    opens); None when it can. Pages ask before showing the form."""
    if certification.revoked_at is not None:
        return str(FOLLOW_UP_REVOKED_MESSAGE)
    opens = renewal_opens_on(certification)
    if today < opens:
        return FOLLOW_UP_TOO_EARLY_MESSAGE % {"date": _day(opens)}
    return None


@transaction.atomic
def follow_up_file(
    *, certification: Certification, by, narrative: str, today: date | None = None
) -> FollowUpReport:
    """File the firm's yearly follow-up for the current period (once), from 90
    days before the certification expires."""
    today = today or timezone.localdate()
    narrative = narrative.strip()
    if not narrative:
        raise ValidationError({"narrative": FOLLOW_UP_EMPTY_MESSAGE})
    certification = _locked(Certification, certification.pk)
    refusal = follow_up_refusal(certification, today=today)
    if refusal:
        raise ValidationError(refusal)
    if certification.follow_ups.filter(period_ends=certification.valid_until).exists():
        raise ValidationError(FOLLOW_UP_ALREADY_FILED_MESSAGE)
    report = FollowUpReport.objects.create(
        certification=certification,
        period_ends=certification.valid_until,
        narrative=narrative,
        filed_by=by,
    )
    _event(certification, CertificationEventKind.FOLLOW_UP_FILED, by=by)
    return report


FOLLOW_UP_NOT_LATEST_MESSAGE = _(
    "Only the latest follow-up report of a certification can be changed."
)


@transaction.atomic
def follow_up_narrative_update(*, report: FollowUpReport, narrative: str) -> None:
    """Correct the account of the certification's latest follow-up report (an
    older one is history and stays as filed)."""
    narrative = narrative.strip()
    if not narrative:
        raise ValidationError({"narrative": FOLLOW_UP_EMPTY_MESSAGE})
    certification = _locked(Certification, report.certification_id)
    latest = certification.follow_ups.order_by("-period_ends").first()
    if latest is None or latest.pk != report.pk:
        raise ValidationError(FOLLOW_UP_NOT_LATEST_MESSAGE)
    report.narrative = narrative
    report.save(update_fields=["narrative"])


@transaction.atomic
def certification_renew(
    *, certification: Certification, by, today: date | None = None
) -> Certification:
    """Extend a certification by the course's validity once the follow-up for the
    current period is filed. A lapsed one restarts from today."""
    today = today or timezone.localdate()
    certification = _locked(Certification, certification.pk)
    if certification.revoked_at is not None:
        raise ValidationError(RENEW_REVOKED_MESSAGE)
    opens = renewal_opens_on(certification)
    if today < opens:
        raise ValidationError(RENEW_TOO_EARLY_MESSAGE % {"date": _day(opens)})
    if not certification.follow_ups.filter(
        period_ends=certification.valid_until
    ).exists():
        raise ValidationError(RENEW_NEEDS_FOLLOW_UP_MESSAGE)
    months = certification.enrolment.run.course.certificate_validity_months
    start = max(certification.valid_until, today)
    certification.valid_until = add_months(start, months)
    certification.save(update_fields=["valid_until"])
    _event(certification, CertificationEventKind.RENEWED, by=by)
    return certification


def course_certificates_issue(
    *, run: CourseRun, by, today: date | None = None
) -> list[CourseCertificate]:
    """Give every participant who attended the sessions required a kursbevis;
    those who already have one keep it. Returns the new ones."""
    today = today or timezone.localdate()
    eligible = course_certificate_eligible_ids(run=run)
    if not eligible:
        raise ValidationError(NO_ELIGIBLE_PARTICIPANTS_MESSAGE)
    from lms.accounts.models import User

    have = set(
        CourseCertificate.objects.filter(run=run).values_list("user_id", flat=True)
    )
    created = []
    for user in User.objects.filter(pk__in=eligible).exclude(pk__in=have):
        try:
            with transaction.atomic():
                created.append(
                    CourseCertificate.objects.create(
                        run=run,
                        user=user,
                        holder_name=str(user),
                        code=unused_code(),
                        issued_on=today,
                        issued_by=by,
                    )
                )
        except IntegrityError:
            continue  # issued by a concurrent request meanwhile
    notifications.course_certificates_ready(certificates=created)
    return created
