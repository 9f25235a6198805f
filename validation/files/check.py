"""The entry point: sniff the type from the bytes, then the kind's own check."""

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile

import filetype

from .common import (
    CHUNK_BYTES,
    ERR_EMPTY,
    ERR_EXECUTABLE,
    ERR_MARKUP,
    EvidenceFileKind,
    not_allowed,
    too_big,
)
from .images import IMAGE_TYPES, image_clean
from .office import OFFICE_CONTENT_TYPES, ZIP_TYPES, office_check
from .pdf import pdf_check
from .video import VIDEO_TYPES, video_check

HEAD_BYTES = 8192  # what filetype looks at
DISPLAY_NAME_MAX = 100

EXECUTABLE_MAGIC = (
    b"MZ",  # Windows PE (.exe, .dll, .scr)
    b"\x7fELF",
    b"#!",  # a script with an interpreter line
    b"\xfe\xed\xfa\xce",  # Mach-O, both byte orders, 32/64 bit, universal
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"L\x00\x00\x00\x01\x14\x02\x00",  # Windows shortcut (.lnk)
)
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<head", b"<body")

# Bidi overrides and isolates, zero-width characters and other invisible format
# characters (category Cf), controls, separators, private use and surrogates.
DISPLAY_NAME_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed: `content` is what to store, named `<uuid>.<ext>`."""

    content: File
    content_type: str
    extension: str
    kind: str  # an EvidenceFileKind value
    size: int  # bytes of `content`
    original_name: str  # the uploader's name, made safe to show, with `extension`
    sha256: str  # hex digest of `content`, for proving later that it is unchanged


def evidence_file_check(*, upload) -> CheckedFile:
    """Return a clean, storable copy of `upload`, or raise ValidationError(ERR_*)."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    if not head:
        raise ValidationError(ERR_EMPTY, code="empty")
    kind, extension = _sniff(head)
    limit = settings.EVIDENCE_MAX_BYTES[kind]
    if getattr(upload, "size", None) and upload.size > limit:
        raise too_big(kind, limit)

    if kind == EvidenceFileKind.IMAGE:
        _measure(upload, kind, limit)
        data, content_type, extension = image_clean(upload, extension)
        content = ContentFile(data)
        size, digest = len(data), hashlib.sha256(data).hexdigest()
    elif kind == EvidenceFileKind.PDF:
        data = _read_at_most(upload, kind, limit)
        pdf_check(data)
        content = ContentFile(data)
        content_type = "application/pdf"
        size, digest = len(data), hashlib.sha256(data).hexdigest()
    else:
        size, digest = _measure(upload, kind, limit)
        if kind == EvidenceFileKind.OFFICE:
            extension = office_check(upload, size)
            content_type = OFFICE_CONTENT_TYPES[extension]
        else:
            video_check(upload, extension, size)
            content_type = VIDEO_TYPES[extension]
        upload.seek(0)
        content = File(upload)
    content.name = f"{uuid.uuid4().hex}.{extension}"
    return CheckedFile(
        content=content,
        content_type=content_type,
        extension=extension,
        kind=kind,
        size=size,
        original_name=evidence_display_name(
            getattr(upload, "name", "") or "", extension=extension
        ),
        sha256=digest,
    )


def evidence_display_name(name: str, *, extension: str) -> str:
    """The uploader's file name, safe to show and to offer as a download name.

    No folders, no control, bidi or invisible characters, at most
    `DISPLAY_NAME_MAX` characters, ending in the extension the content has.
    """
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/")
    name = name.rsplit("/", 1)[-1]
    name = "".join(
        " " if char.isspace() else char
        for char in name
        if char.isspace()
        or unicodedata.category(char) not in DISPLAY_NAME_DROPPED_CATEGORIES
    )
    name = " ".join(name.split()).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.isascii() and suffix.isalnum() and len(suffix) <= 5:
        name = stem.rstrip(" .")  # the name's own extension is not believed
    name = name[: DISPLAY_NAME_MAX - len(extension) - 1].rstrip(" .") or "evidence"
    return f"{name}.{extension}"


def _sniff(head: bytes) -> tuple[str, str]:
    """The kind and filetype's extension of a file starting with `head`."""
    if head.startswith(EXECUTABLE_MAGIC) or head.startswith(b"\xef\xbb\xbf#!"):
        raise ValidationError(ERR_EXECUTABLE, code="executable")
    guess = filetype.guess(head)
    extension = guess.extension if guess else None
    if extension in {"exe", "elf"}:
        raise ValidationError(ERR_EXECUTABLE, code="executable")
    if extension == "pdf":
        kind = EvidenceFileKind.PDF
    elif extension in IMAGE_TYPES:
        kind = EvidenceFileKind.IMAGE
    elif extension in ZIP_TYPES and head.startswith(b"PK\x03\x04"):
        kind = EvidenceFileKind.OFFICE
    elif extension in VIDEO_TYPES:
        kind = EvidenceFileKind.VIDEO
    else:
        if extension is None and _is_markup(head):
            raise ValidationError(ERR_MARKUP, code="markup")
        raise not_allowed()
    if kind not in settings.EVIDENCE_ALLOWED_KINDS:
        raise not_allowed()
    return kind, extension


def _is_markup(head: bytes) -> bool:
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(encoding, "ignore").encode("utf-8", "ignore")
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith(b"<?xml") or text.startswith(b"<!--"):
        return b"<svg" in text or b"<html" in text
    return text.startswith(MARKUP_STARTS)


def _chunks(upload, kind: str, limit: int):
    """The file's bytes in chunks; too big once more than `limit` were read."""
    upload.seek(0)
    total = 0
    while chunk := upload.read(min(CHUNK_BYTES, limit + 1 - total)):
        total += len(chunk)
        if total > limit:
            raise too_big(kind, limit)
        yield chunk


def _measure(upload, kind: str, limit: int) -> tuple[int, str]:
    size, digest = 0, hashlib.sha256()
    for chunk in _chunks(upload, kind, limit):
        size += len(chunk)
        digest.update(chunk)
    return size, digest.hexdigest()


def _read_at_most(upload, kind: str, limit: int) -> bytes:
    return b"".join(_chunks(upload, kind, limit))
