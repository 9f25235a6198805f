"""PDFs: kept as they are when they only show; refused when they act or hide."""

import re
import struct
import zlib

from django.core.exceptions import ValidationError

from .common import (
    ERR_HIDDEN_FILE,
    ERR_PDF_ACTIVE_CONTENT,
    ERR_PDF_DAMAGED,
    ERR_PDF_ENCRYPTED,
    MB,
)

# PDF names that make a document act rather than show. Names with five or more
# letters are looked for everywhere, also inside streams (a damaged cross-reference
# table makes readers rebuild it by scanning the whole file); the short ones only
# outside stream data, where 2–3 bytes cannot turn up by chance in compressed data.
PDF_ACTIVE_NAMES = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
}
PDF_ACTIVE_LONG = re.compile(rb"/(?:JavaScript|Launch|EmbeddedFiles?|RichMedia)\b")
PDF_NAME = re.compile(rb"/((?:[^\x00\t\n\x0c\r ()<>\[\]{}/%#]|#[0-9A-Fa-f]{2})+)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
PDF_STREAM_START = re.compile(rb">>[\x00\t\n\x0c\r ]*stream(?:\r\n|\n|\r)")
PDF_OBJECT_STREAM_MAX_BYTES = 50 * MB  # inflated, all object streams together
PDF_EOF_WINDOW = 1024
# Other formats' signatures that must not be inside a PDF.
POLYGLOT_MARKERS = re.compile(
    rb"(?i:<!doctype\s+html|<html[\s>]|<script[\s>]|<iframe[\s>])"
    rb"|This program cannot be run in DOS mode"
    rb"|\x7fELF[\x01\x02][\x01\x02]\x01"
)
ZIP_LOCAL_HEADER = re.compile(rb"PK\x03\x04")
ZIP_END_OF_DIRECTORY = re.compile(rb"PK\x05\x06")
ZIP_METHODS = {0, 8, 9, 12, 14, 93, 95, 98, 99}


def pdf_check(data: bytes) -> None:
    """Refuse a PDF that acts, hides another file, is encrypted or is unreadable."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-PDF_EOF_WINDOW:]:
        raise ValidationError(ERR_PDF_DAMAGED, code="pdf_damaged")
    _refuse_hidden_files(data)
    if PDF_ACTIVE_LONG.search(data):
        raise ValidationError(ERR_PDF_ACTIVE_CONTENT, code="pdf_active_content")

    names: set[bytes] = set()
    inflated_total = 0
    unreadable = False
    position = 0
    while True:
        stream = PDF_STREAM_START.search(data, position)
        end = stream.start() if stream else len(data)
        names |= _pdf_names(data, position, end)
        if stream is None:
            break
        stream_end = data.find(b"endstream", stream.end())
        if stream_end < 0:
            raise ValidationError(ERR_PDF_DAMAGED, code="pdf_damaged")
        dictionary = _pdf_names(data, max(data.rfind(b"obj", 0, end), 0), end)
        if b"ObjStm" in dictionary and not unreadable:
            # Objects compressed into an object stream are invisible to a byte
            # scan: inflate them (bounded) and scan what they hold.
            inflated = _pdf_inflate(
                data[stream.end() : stream_end],
                PDF_OBJECT_STREAM_MAX_BYTES - inflated_total,
            )
            if inflated is None:
                unreadable = True
            else:
                inflated_total += len(inflated)
                if PDF_ACTIVE_LONG.search(inflated):
                    raise ValidationError(
                        ERR_PDF_ACTIVE_CONTENT, code="pdf_active_content"
                    )
                names |= _pdf_names(inflated, 0, len(inflated))
        position = stream_end + len(b"endstream")

    if names & PDF_ACTIVE_NAMES:
        raise ValidationError(ERR_PDF_ACTIVE_CONTENT, code="pdf_active_content")
    if b"Encrypt" in names:
        raise ValidationError(ERR_PDF_ENCRYPTED, code="pdf_encrypted")
    if unreadable:
        # An object stream that is not plain Flate (or too big): what it holds
        # cannot be checked, so the PDF is not taken.
        raise ValidationError(ERR_PDF_DAMAGED, code="pdf_damaged")


def _pdf_names(data: bytes, start: int, end: int) -> set[bytes]:
    """The PDF names in data[start:end], with #xx escapes decoded."""
    names = set()
    for match in PDF_NAME.finditer(data, start, end):
        name = match.group(1)
        if b"#" in name:
            name = PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name)
        names.add(name)
    return names


def _pdf_inflate(payload: bytes, budget: int) -> bytes | None:
    """The inflated object stream, or None if it is not Flate (or is encrypted)
    or holds more than `budget` bytes."""
    try:
        inflated = zlib.decompressobj().decompress(payload, budget + 1)
    except zlib.error:
        return None
    return inflated if len(inflated) <= budget else None


def _refuse_hidden_files(data: bytes) -> None:
    """Refuse a PDF that carries another format's file (a polyglot)."""
    if POLYGLOT_MARKERS.search(data, 1):
        raise ValidationError(ERR_HIDDEN_FILE, code="hidden_file")
    for match in ZIP_LOCAL_HEADER.finditer(data, 1):
        header = data[match.start() : match.start() + 30]
        if len(header) < 30:
            continue
        version, _flags, method = struct.unpack_from("<HHH", header, 4)
        name_length = struct.unpack_from("<H", header, 26)[0]
        name = data[match.start() + 30 : match.start() + 30 + name_length]
        if (
            version <= 63
            and method in ZIP_METHODS
            and 0 < name_length <= 1024
            and len(name) == name_length
            and all(32 <= byte < 127 or byte >= 128 for byte in name)
        ):
            raise ValidationError(ERR_HIDDEN_FILE, code="hidden_file")
    for match in ZIP_END_OF_DIRECTORY.finditer(data, 1):
        record = data[match.start() : match.start() + 22]
        if len(record) == 22:
            disk, start_disk, on_disk, total = struct.unpack_from("<HHHH", record, 4)
            if disk == start_disk == 0 and 0 < on_disk == total:
                raise ValidationError(ERR_HIDDEN_FILE, code="hidden_file")
