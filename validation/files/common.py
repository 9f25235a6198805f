"""Messages, kinds and units shared by the evidence file checks."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
CHUNK_BYTES = 1024 * 1024

ERR_EMPTY = _("The file is empty. Choose the file again and upload it.")
ERR_TOO_BIG = _("The file is too big: %(kind)s may be at most %(limit)s MB.")
ERR_TYPE_NOT_ALLOWED = _(
    "This kind of file is not accepted. Accepted are: %(allowed)s."
)
ERR_EXECUTABLE = _(
    "This file is a program, whatever its name says. Programs are never accepted."
)
ERR_MARKUP = _(
    "Web pages and SVG drawings are not accepted: they can carry scripts. Save it "
    "as a PDF or take a screenshot, and upload that."
)
ERR_IMAGE_TOO_MANY_PIXELS = _(
    "The image is too large: at most %(limit)s megapixels are accepted. Make it "
    "smaller and upload it again."
)
ERR_IMAGE_DAMAGED = _(
    "The image cannot be read: it may be damaged or incomplete. Save it again and "
    "upload it."
)
ERR_PDF_DAMAGED = _(
    "The PDF cannot be read: it may be damaged or incomplete. Save or print it to "
    "a new PDF and upload that."
)
ERR_PDF_ACTIVE_CONTENT = _(
    "The PDF contains scripts, embedded files or other active content, which are "
    "not accepted. Print it to a new PDF (“Save as PDF”) and upload that."
)
ERR_PDF_ENCRYPTED = _(
    "The PDF is encrypted or protected with a password, so the assessor could not "
    "read it. Save it without protection and upload it again."
)
ERR_HIDDEN_FILE = _(
    "Another kind of file is hidden inside this one, so it is not accepted. Save "
    "or print it to a new file and upload that."
)
ERR_OFFICE_DAMAGED = _(
    "The office document cannot be read: it may be damaged or incomplete. Save it "
    "again and upload it."
)
ERR_OFFICE_MACROS = _(
    "Office documents with macros, ActiveX controls or embedded programs are not "
    "accepted. Save it as an ordinary document (.docx, .xlsx, .pptx or .odt) and "
    "upload that."
)
ERR_OFFICE_UNSAFE_NAMES = _(
    "The office document contains parts with unsafe names and is not accepted. "
    "Save it again from the office program and upload that."
)
ERR_OFFICE_TOO_LARGE_UNPACKED = _(
    "The office document unpacks to more than %(limit)s MB, or is packed "
    "suspiciously tightly, and is not accepted."
)
ERR_VIDEO_DAMAGED = _(
    "The video cannot be read: it may be damaged, incomplete or carry other data. "
    "Save or export it again and upload it."
)


class EvidenceFileKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    IMAGE = "image", _("image")
    OFFICE = "office", _("office document")
    VIDEO = "video", _("video")


# What the messages call each kind (the "%(kind)s may be at most" and the
# "Accepted are:" list).
KIND_PLURALS = {
    EvidenceFileKind.PDF: _("PDF documents"),
    EvidenceFileKind.IMAGE: _("photos and images"),
    EvidenceFileKind.OFFICE: _("office documents"),
    EvidenceFileKind.VIDEO: _("videos"),
}
ACCEPTED_DESCRIPTIONS = {
    EvidenceFileKind.PDF: _("PDF"),
    EvidenceFileKind.IMAGE: _("photos (JPEG, PNG, WebP, HEIC)"),
    EvidenceFileKind.OFFICE: _("office documents (.docx, .xlsx, .pptx, .odt)"),
    EvidenceFileKind.VIDEO: _("short videos (MP4, MOV, WebM)"),
}


def not_allowed() -> ValidationError:
    allowed = ", ".join(
        str(ACCEPTED_DESCRIPTIONS[kind])
        for kind in EvidenceFileKind
        if kind in settings.EVIDENCE_ALLOWED_KINDS
    )
    return ValidationError(
        ERR_TYPE_NOT_ALLOWED, code="type_not_allowed", params={"allowed": allowed}
    )


def megabytes(size: int) -> str:
    value = round(size / MB, 1)  # number_format cuts decimals, it does not round
    return number_format(value, decimal_pos=0 if value == int(value) else 1)


def too_big(kind: str, limit: int) -> ValidationError:
    return ValidationError(
        ERR_TOO_BIG,
        code="too_big",
        params={"kind": KIND_PLURALS[kind], "limit": megabytes(limit)},
    )
