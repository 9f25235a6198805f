"""Certification of firms, course certificates (kursbevis) and their history.

Expiry is never stored as a status: a certification is expired when its
valid-until date has passed, so it can never be "active" by mistake. Revocation
and renewal are recorded as `CertificationEvent`s, which are only ever created.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .runs import CourseRun, Enrolment


class CertificateStatus(models.TextChoices):
    ACTIVE = "active", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


def revocation_has_reason(prefix: str) -> models.CheckConstraint:
    """The database refuses a revocation without a reason."""
    return models.CheckConstraint(
        condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
        name=f"{prefix}_revocation_has_reason",
    )


class IssuedCertificate(models.Model):
    """What every certificate has: a verification code, an issue date and a
    possible revocation (who, when, why)."""

    # Stored without separators, in the alphabet of `courses.codes`.
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    issued_on = models.DateField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def valid_until_date(self):
        return None

    def status_on(self, day) -> str:
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        valid_until = self.valid_until_date
        if valid_until is not None and valid_until < day:
            return CertificateStatus.EXPIRED
        return CertificateStatus.ACTIVE

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return CertificateStatus(self.status).label

    @property
    def formatted_code(self) -> str:
        from ..codes import format_code

        return format_code(self.code)


class Certification(IssuedCertificate):
    """A firm certified after a course run; renewed yearly with a follow-up."""

    # One per enrolment: certifying the same firm twice at once makes one.
    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.PROTECT,
        related_name="certification",
        verbose_name=_("enrolment"),
    )
    # The firm's name when it was certified: the certificate, the verify page
    # and the badge keep it if the firm is renamed later.
    holder_name = models.CharField(_("name on the certificate"), max_length=200)
    valid_until = models.DateField(_("valid until"))
    override_reason = models.TextField(
        _("reason for certifying although the rules do not hold"), blank=True
    )

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["-issued_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("issued_on")),
                name="certification_valid_after_issue",
            ),
            models.CheckConstraint(
                condition=~Q(holder_name=""), name="certification_has_holder_name"
            ),
            revocation_has_reason("certification"),
        ]

    def __str__(self):
        return f"{self.holder_name} ({self.formatted_code})"

    @property
    def valid_until_date(self):
        return self.valid_until


class CertificationEventKind(models.TextChoices):
    CERTIFIED = "certified", _("Certified")
    CERTIFIED_OVERRIDE = "certified_override", _("Certified by override")
    FOLLOW_UP_FILED = "follow_up_filed", _("Follow-up report filed")
    RENEWED = "renewed", _("Renewed")
    REVOKED = "revoked", _("Revoked")


class CertificationEvent(models.Model):
    """Everything that happened to a certification; never changed or deleted."""

    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(
        _("what happened"), max_length=24, choices=CertificationEventKind.choices
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    valid_until = models.DateField(_("valid until afterwards"))

    class Meta:
        verbose_name = _("certification event")
        verbose_name_plural = _("certification events")
        ordering = ["certification", "at", "pk"]

    def __str__(self):
        return f"{self.certification}: {self.get_kind_display()}"


class FollowUpReport(models.Model):
    """The firm's yearly follow-up, filed before the certification expires.

    One per certification period (`period_ends` is the valid-until date it was
    filed for); renewal needs the report of the current period. The results
    issue attaches the firm's aggregate figures here.
    """

    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="follow_ups"
    )
    period_ends = models.DateField(_("for the period ending"))
    narrative = models.TextField(_("what the firm has done this year"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("filed by"),
    )
    filed_at = models.DateTimeField(_("filed"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        ordering = ["certification", "period_ends"]
        constraints = [
            models.UniqueConstraint(
                fields=["certification", "period_ends"],
                name="follow_up_once_per_period",
            ),
        ]

    def __str__(self):
        return f"{self.certification} – {self.period_ends}"


class ExpiryReminder(models.Model):
    """A reminder that a certification expires soon, sent once per period."""

    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="expiry_reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    valid_until = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["certification", "days_before", "valid_until"],
                name="expiry_reminder_once",
            ),
        ]

    def __str__(self):
        return f"{self.certification} – {self.days_before}"


class CourseCertificate(IssuedCertificate):
    """A participant's course certificate (kursbevis) for a run."""

    run = models.ForeignKey(
        CourseRun,
        on_delete=models.PROTECT,
        related_name="course_certificates",
        verbose_name=_("course run"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="course_certificates",
        verbose_name=_("participant"),
    )
    # The name as printed, so the certificate stays as issued if the person
    # later changes their name; blanked when the person erases their account.
    holder_name = models.CharField(
        _("name on the certificate"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("course certificate")
        verbose_name_plural = _("course certificates")
        ordering = ["run", "holder_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "user"], name="course_certificate_once"
            ),
            revocation_has_reason("course_certificate"),
        ]

    def __str__(self):
        return f"{self.holder_name} – {self.run} ({self.formatted_code})"
