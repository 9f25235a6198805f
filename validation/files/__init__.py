"""Evidence uploads: what a file is, decided from its bytes, and a clean copy to store.

`evidence_file_check(upload=...)` takes an uploaded file and either returns a
`CheckedFile` ready for the storage or raises a `ValidationError` with one of the
`ERR_*` messages below (nothing is stored by this module). Pure: no models, no
database, settings read at call time.

What is accepted, by content only (the file's name and the browser's claimed type
are never believed):

* PDF: ``%PDF-`` at offset 0 and ``%%EOF`` at the end; no active content
  (JavaScript, launch actions, embedded files, rich media, XFA forms), also when
  hidden in compressed object streams or behind ``#xx`` name escapes; not
  encrypted; no other format's file inside (PDF + ZIP/HTML/executable polyglots).
* Images (JPEG, PNG, WebP, HEIC): decoded by Pillow only after the pixel count in
  the header is under ``EVIDENCE_MAX_IMAGE_PIXELS`` (decompression bombs and pixel
  floods stop there), turned upright by their EXIF orientation, scaled to at most
  ``EVIDENCE_IMAGE_MAX_EDGE``, converted to sRGB and re-encoded without any
  metadata: phone photos carry GPS positions, and whatever was appended to the
  file does not survive. HEIC (iPhone photos) becomes JPEG, which every browser
  shows.
* Office documents (.docx, .xlsx, .pptx, .odt): a ZIP whose parts say which
  document it is; refused with macros, ActiveX or embedded OLE programs, with
  member names that climb out (``..``, absolute, backslashes) or repeat, or when
  it unpacks to too much (every member is inflated, bounded, so a lying header
  is caught too).
* Short video (MP4, MOV, WebM): the ISO media boxes must fill the file exactly
  (nothing hidden after them); size limited. Videos are kept as they are.

Memory stays bounded: at most the kind's size limit + 1 byte is read, videos and
office documents in chunks; only a PDF (≤ its limit) is held whole, to scan it.
"""

from .check import CheckedFile, evidence_display_name, evidence_file_check
from .common import (
    ERR_EMPTY,
    ERR_EXECUTABLE,
    ERR_HIDDEN_FILE,
    ERR_IMAGE_DAMAGED,
    ERR_IMAGE_TOO_MANY_PIXELS,
    ERR_MARKUP,
    ERR_OFFICE_DAMAGED,
    ERR_OFFICE_MACROS,
    ERR_OFFICE_TOO_LARGE_UNPACKED,
    ERR_OFFICE_UNSAFE_NAMES,
    ERR_PDF_ACTIVE_CONTENT,
    ERR_PDF_DAMAGED,
    ERR_PDF_ENCRYPTED,
    ERR_TOO_BIG,
    ERR_TYPE_NOT_ALLOWED,
    ERR_VIDEO_DAMAGED,
    EvidenceFileKind,
)
from .fields import ACCEPT, EvidenceFileField

__all__ = [
    "ACCEPT",
    "ERR_EMPTY",
    "ERR_EXECUTABLE",
    "ERR_HIDDEN_FILE",
    "ERR_IMAGE_DAMAGED",
    "ERR_IMAGE_TOO_MANY_PIXELS",
    "ERR_MARKUP",
    "ERR_OFFICE_DAMAGED",
    "ERR_OFFICE_MACROS",
    "ERR_OFFICE_TOO_LARGE_UNPACKED",
    "ERR_OFFICE_UNSAFE_NAMES",
    "ERR_PDF_ACTIVE_CONTENT",
    "ERR_PDF_DAMAGED",
    "ERR_PDF_ENCRYPTED",
    "ERR_TOO_BIG",
    "ERR_TYPE_NOT_ALLOWED",
    "ERR_VIDEO_DAMAGED",
    "CheckedFile",
    "EvidenceFileField",
    "EvidenceFileKind",
    "evidence_display_name",
    "evidence_file_check",
]
