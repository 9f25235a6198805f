"""Reads for the ZIP of a run's course certificates (see models.archives)."""

import hashlib

from ..models import CertificateArchive, CourseCertificate, CourseRun

# The languages a certificate is printed in (DocumentLanguageForm's choices).
ARCHIVE_LANGUAGES = ("nb", "en")


def archive_certificates(*, run: CourseRun) -> list[CourseCertificate]:
    """The certificates a ZIP of the run holds: every one not revoked."""
    return list(
        CourseCertificate.objects.filter(run=run, revoked_at__isnull=True)
        .select_related("run__course", "issued_by")
        .order_by("pk")
    )


def archive_fingerprint(*, certificates: list[CourseCertificate]) -> str:
    """SHA-256 of what decides a ZIP's content: each certificate, its code and
    the name printed on it (an erased name changes it)."""
    digest = hashlib.sha256()
    for certificate in sorted(certificates, key=lambda c: c.pk):
        digest.update(
            f"{certificate.pk}\x1f{certificate.code}\x1f{certificate.holder_name}\x1e".encode()
        )
    return digest.hexdigest()


def certificate_archives_current(
    *, run: CourseRun
) -> dict[str, CertificateArchive | None]:
    """Per language, the archive of the run's certificates as they are now (in
    any state), or None when none was asked for since they last changed."""
    fingerprint = archive_fingerprint(certificates=archive_certificates(run=run))
    found = {
        archive.language: archive
        for archive in CertificateArchive.objects.filter(
            run=run, fingerprint=fingerprint, language__in=ARCHIVE_LANGUAGES
        )
    }
    return {language: found.get(language) for language in ARCHIVE_LANGUAGES}
