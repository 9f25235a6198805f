"""The ZIP of a run's course certificates: asked for on the page, built by a task.

Asking is quick (one row and one queued task, in one transaction); the PDFs are
rendered by `certificate_archive_build`, which a worker runs
(`courses.tasks.build_certificate_archive`). The same set of certificates asked
for twice is one archive, built once, whatever the number of clicks, leaders
or workers.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..documents.pdf import render_certificates_zip
from ..models import ArchiveStatus, CertificateArchive, CourseRun
from ..models.archives import archive_storage
from ..selectors.archives import (
    ARCHIVE_LANGUAGES,
    archive_certificates,
    archive_fingerprint,
)
from ..selectors.certificates import course_certificate_document

ARCHIVE_NOTHING_MESSAGE = _(
    "There are no valid course certificates in this run to put in a ZIP file."
)
ARCHIVE_LANGUAGE_MESSAGE = _("Choose Norwegian or English for the ZIP file.")
# A build still "being prepared" after this long lost its worker (stopped or
# killed): asking again queues it again.
ARCHIVE_BUILD_TIMEOUT = timedelta(minutes=15)


def _archive_path(archive: CertificateArchive) -> str:
    return (
        f"certificate-archives/run-{archive.run_id}/"
        f"kursbevis-{archive.pk}-{archive.language}.zip"
    )


def certificate_archives_delete(*, archives) -> int:
    """Delete these archives and, once the transaction commits, their files."""
    names = [name for name in archives.values_list("file", flat=True) if name]
    deleted, _by_model = archives.delete()

    def delete_files():
        storage = archive_storage()
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files, robust=True)
    return deleted


@transaction.atomic
def certificate_archive_request(
    *, run: CourseRun, language: str, now: datetime | None = None
) -> CertificateArchive:
    """The archive of the run's certificates as they are now, in `language`;
    queues its build unless it is ready or being built. Older archives of the
    run in that language are deleted (they no longer match the certificates)."""
    from ..tasks import build_certificate_archive

    now = now or timezone.now()
    if language not in ARCHIVE_LANGUAGES:
        raise ValidationError(ARCHIVE_LANGUAGE_MESSAGE, code="language")
    certificates = archive_certificates(run=run)
    if not certificates:
        raise ValidationError(ARCHIVE_NOTHING_MESSAGE, code="empty")
    archive, created = CertificateArchive.objects.get_or_create(
        run=run,
        language=language,
        fingerprint=archive_fingerprint(certificates=certificates),
        defaults={"total": len(certificates), "requested_at": now},
    )
    if not created:
        archive = CertificateArchive.objects.select_for_update().get(pk=archive.pk)
        stalled = (
            archive.status == ArchiveStatus.BUILDING
            and archive.started_at is not None
            and archive.started_at < now - ARCHIVE_BUILD_TIMEOUT
        )
        if archive.status != ArchiveStatus.FAILED and not stalled:
            return archive  # ready, or queued or being built already
        archive.status = ArchiveStatus.QUEUED
        archive.done = 0
        archive.requested_at = now
        archive.started_at = archive.finished_at = None
        archive.save(
            update_fields=[
                "status",
                "done",
                "requested_at",
                "started_at",
                "finished_at",
            ]
        )
    certificate_archives_delete(
        archives=CertificateArchive.objects.filter(run=run, language=language).exclude(
            pk=archive.pk
        )
    )
    # In this transaction: with the database backend the task row commits with
    # the archive (or neither does).
    build_certificate_archive.enqueue(archive_id=archive.pk)
    archive.refresh_from_db()  # built already where tasks run at once (dev)
    return archive


def certificate_archive_build(*, archive_id: int) -> bool:
    """Render and store the ZIP of a queued archive; True if this call built it.

    The archive is claimed first (queued → being built), so a second run of the
    task, or another worker, does nothing. A build that fails is marked failed
    (the leader may ask again) and the error raised, so the task is recorded as
    failed. A build taken over after `ARCHIVE_BUILD_TIMEOUT` or deleted meanwhile
    stores nothing."""
    started = timezone.now()
    claimed = CertificateArchive.objects.filter(
        pk=archive_id, status=ArchiveStatus.QUEUED
    ).update(status=ArchiveStatus.BUILDING, started_at=started, done=0)
    if not claimed:
        return False
    archive = CertificateArchive.objects.select_related("run__course").get(
        pk=archive_id
    )
    mine = CertificateArchive.objects.filter(
        pk=archive_id, status=ArchiveStatus.BUILDING, started_at=started
    )
    certificates = archive_certificates(run=archive.run)
    if archive_fingerprint(certificates=certificates) != archive.fingerprint:
        # Changed since it was asked for: the file would not be what the row
        # stands for. The page asks for the new set.
        mine.update(status=ArchiveStatus.FAILED, finished_at=timezone.now())
        return False
    storage = archive_storage()
    try:
        content = render_certificates_zip(
            documents=[
                course_certificate_document(
                    certificate=certificate, language=archive.language
                )
                for certificate in certificates
            ],
            on_rendered=lambda count: mine.update(done=count),
        )
        name = storage.save(_archive_path(archive), ContentFile(content))
    except Exception:
        mine.update(status=ArchiveStatus.FAILED, finished_at=timezone.now())
        raise
    finished = mine.update(
        status=ArchiveStatus.READY,
        file=name,
        done=len(certificates),
        finished_at=timezone.now(),
    )
    if not finished:
        storage.delete(name)
        return False
    return True
