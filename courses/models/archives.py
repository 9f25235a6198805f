"""A run's course certificates in one ZIP file, prepared in the background.

The ZIP holds one PDF per certificate; rendering them all takes longer than a
page should wait, so a task builds it (`courses.tasks.build_certificate_archive`)
and the leader's page shows its progress and, when ready, the download. An
archive is for one set of certificates: the fingerprint of what it holds. When
the set changes (a certificate issued, revoked or its name erased), the stored
file no longer matches and is never served; the leader prepares a new one.
"""

from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .runs import CourseRun


def archive_storage():
    # Private: the ZIP holds people's names. The evidence storage has no public
    # URL (files are served only through a view that checks permission).
    return storages["evidence"]


class ArchiveStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be prepared")
    BUILDING = "building", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be prepared")


class CertificateArchive(models.Model):
    """The ZIP of a run's course certificates in one language."""

    run = models.ForeignKey(
        CourseRun,
        on_delete=models.CASCADE,
        related_name="certificate_archives",
        verbose_name=_("course run"),
    )
    language = models.CharField(_("language"), max_length=8)
    # SHA-256 of the certificates it holds (see services.archives).
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ArchiveStatus.choices,
        default=ArchiveStatus.QUEUED,
    )
    total = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("certificates prepared"), default=0)
    file = models.FileField(
        _("file"), storage=archive_storage, max_length=200, blank=True
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("course certificate archive")
        verbose_name_plural = _("course certificate archives")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One archive per set of certificates: a double click, two leaders
            # or two browser tabs share it and it is built once.
            models.UniqueConstraint(
                fields=["run", "language", "fingerprint"],
                name="certificate_archive_once",
            ),
            models.CheckConstraint(
                condition=Q(done__lte=F("total")),
                name="certificate_archive_done_within_total",
            ),
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file=""),
                name="certificate_archive_ready_has_file",
            ),
        ]

    def __str__(self):
        return f"{self.run} – {self.language} ({self.status})"
