"""Office documents: ZIP files whose parts say which document they are."""

import re
import zipfile
import zlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError

from .common import (
    CHUNK_BYTES,
    ERR_OFFICE_DAMAGED,
    ERR_OFFICE_MACROS,
    ERR_OFFICE_TOO_LARGE_UNPACKED,
    ERR_OFFICE_UNSAFE_NAMES,
    MB,
    megabytes,
    not_allowed,
)

ZIP_TYPES = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}
OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document."
    "main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "xlsx"
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation."
    "main+xml": "pptx",
}
# Content types of parts that run code: VBA projects (docm, xlsm, pptm),
# Excel 4.0 macro sheets, ActiveX controls, embedded OLE objects (packaged
# programs, the old equation editor). Charts and SmartArt (vnd.ms-office.*) are fine.
OOXML_ACTIVE_TYPE_WORDS = (
    "macroenabled",
    "vbaproject",
    "macrosheet",
    "activex",
    "oleobject",
)
ODF_TYPES = {"application/vnd.oasis.opendocument.text": "odt"}
OFFICE_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}


def office_check(upload, size: int) -> str:
    """The office document's extension, after checking the whole ZIP."""
    damaged = ValidationError(ERR_OFFICE_DAMAGED, code="office_damaged")
    max_unpacked = settings.EVIDENCE_OFFICE_MAX_UNPACKED_BYTES
    too_large = ValidationError(
        ERR_OFFICE_TOO_LARGE_UNPACKED,
        code="office_too_large_unpacked",
        params={"limit": megabytes(max_unpacked)},
    )
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        members = archive.infolist()
        if len(members) > settings.EVIDENCE_OFFICE_MAX_MEMBERS:
            raise too_large
        _office_names_check(members)
        declared = sum(member.file_size for member in members)
        if (
            declared > max_unpacked
            or declared > settings.EVIDENCE_OFFICE_MAX_RATIO * size
        ):
            raise too_large
        if any(member.flag_bits & 0x1 for member in members):
            raise damaged  # ZIP encryption is not how office files are protected
        extension = _office_type(archive)
        # Every part inflated, bounded: a part that unpacks to more than its
        # header says, or is corrupt, fails its CRC here.
        unpacked = 0
        for member in members:
            with archive.open(member) as part:
                while chunk := part.read(CHUNK_BYTES):
                    unpacked += len(chunk)
                    if unpacked > max_unpacked:
                        raise too_large
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,  # a compression method zipfile cannot unpack
        OSError,
        ValueError,
        RuntimeError,  # an encrypted member
    ) as error:
        raise damaged from error
    return extension


def _office_names_check(members: list[zipfile.ZipInfo]) -> None:
    seen = set()
    for member in members:
        name = member.orig_filename
        parts = PurePosixPath(name).parts
        if (
            not name
            or name.startswith("/")
            or "\\" in name
            or "\x00" in name
            or ".." in parts
            or re.match(r"^[A-Za-z]:", name)
            or name.casefold() in seen
        ):
            raise ValidationError(ERR_OFFICE_UNSAFE_NAMES, code="office_unsafe_names")
        seen.add(name.casefold())


def _office_type(archive: zipfile.ZipFile) -> str:
    names = {member.filename for member in archive.infolist()}
    lowered = [name.lower() for name in names]
    if any(
        name.rsplit("/", 1)[-1] in {"vbaproject.bin", "vbadata.xml"}
        or "/activex/" in f"/{name}"
        or (name.rsplit("/", 1)[-1].startswith("oleobject") and name.endswith(".bin"))
        or name.startswith(("basic/", "scripts/"))
        for name in lowered
    ):
        raise ValidationError(ERR_OFFICE_MACROS, code="office_macros")
    if "[Content_Types].xml" in names:
        types = {
            value.decode("ascii", "replace").strip().lower()
            for value in re.findall(
                rb"ContentType\s*=\s*[\"']([^\"']*)[\"']",
                _small_part(archive, "[Content_Types].xml"),
            )
        }
        if any(word in value for value in types for word in OOXML_ACTIVE_TYPE_WORDS):
            raise ValidationError(ERR_OFFICE_MACROS, code="office_macros")
        found = {OOXML_MAIN_TYPES[value] for value in types & OOXML_MAIN_TYPES.keys()}
    elif "mimetype" in names:
        mimetype = _small_part(archive, "mimetype").decode("ascii", "replace").strip()
        found = {ODF_TYPES[mimetype]} if mimetype in ODF_TYPES else set()
    else:
        found = set()
    if len(found) != 1:
        raise not_allowed()
    return found.pop()


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MB:
        raise ValidationError(ERR_OFFICE_DAMAGED, code="office_damaged")
    return archive.read(name)
