"""Certificate PDFs: one framed A4 landscape page per :class:`CertificateDocument`.

Pure functions of the document (no database, no request), so a view only wraps
the bytes in a ``FileResponse``.

Fonts. The wording of the certificate (our own English and Norwegian text, and
dates) is set in reportlab's standard fonts, which embed nothing. Everything that
comes from people — the holder's name, the name now, the course and run, the
signer — is set in DejaVu Sans, embedded (as a subset) from ``fonts/`` beside
this module (Bitstream Vera licence, ``fonts/LICENSE-DejaVu.txt``), so names
such as Łukasz, Ayşe, Nguyễn and Đorđe print as written. What is supported:

- every script DejaVu Sans has glyphs for: Latin (Vietnamese included), Greek,
  Cyrillic, Armenian, Georgian, Hebrew and Arabic; text is NFC-normalised first,
  so letters typed with combining accents print as single letters;
- Arabic (and Hebrew) script is shaped with HarfBuzz (``uharfbuzz``): letters
  join, and right-to-left words run right to left; a line mixing them with
  left-to-right words is ordered by a simple rule (see ``_shaped``), not the
  full Unicode bidi algorithm, so punctuation beside a right-to-left word may
  land on its other side;
- not supported: scripts DejaVu Sans has no glyphs for (CJK, Indic scripts),
  which print as empty boxes.
"""

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.utils import formats, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

import segno
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont, shapeStr
from reportlab.pdfgen.canvas import Canvas

from lms.accounts.validators import format_org_number

from . import CertificateDocument, CertificateKind

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
CENTRE = PAGE_WIDTH / 2
# The text block may use this much of the page's width; the frame takes the rest.
TEXT_WIDTH = 600

NAVY = Color(0.11, 0.20, 0.33)
GOLD = Color(0.69, 0.55, 0.34)
INK = Color(0.13, 0.13, 0.15)
MUTED = Color(0.38, 0.40, 0.44)

SERIF = "Times-Roman"
SERIF_BOLD = "Times-Bold"
SERIF_ITALIC = "Times-Italic"
SANS = "Helvetica"
SANS_BOLD = "Helvetica-Bold"
MONO_BOLD = "Courier-Bold"
# For names and other text from people: any script DejaVu Sans covers.
UNICODE = "DejaVuSans"
UNICODE_BOLD = "DejaVuSans-Bold"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
UNICODE_FONTS = {UNICODE: "DejaVuSans.ttf", UNICODE_BOLD: "DejaVuSans-Bold.ttf"}

QR_SIZE = 86
QR_LEFT, QR_BOTTOM = PAGE_WIDTH - 150 - QR_SIZE / 2, 104
# The body keeps clear of the QR code and the four modules of white it needs.
BODY_TOP, BODY_BOTTOM = 448, QR_BOTTOM + QR_SIZE + 12

# Django's English DATE_FORMAT is American ("Nov. 23, 2026"); a certificate wants
# the long day-first form. Month names still come from Django's catalogues.
LONG_DATE_FORMATS = {"nb": "j. F Y", "en": "j F Y"}
DAY_MONTH_FORMATS = {"nb": "j. F", "en": "j F"}

# File names are ASCII: the Norwegian letters by the usual convention, the rest
# through slugify's accent stripping.
NORWEGIAN_LETTERS = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A"}
)
FILENAME_SLUG_LENGTH = 60


class _Line(NamedTuple):
    text: str
    font: str
    size: float
    colour: Color
    gap: float  # space above the line
    rule: float = 0  # width of a gold rule under it, if any


@cache
def register_fonts() -> None:
    """Register the embedded Unicode fonts with reportlab, once per process (the
    font files never change while it runs)."""
    for name, filename in UNICODE_FONTS.items():
        pdfmetrics.registerFont(TTFont(name, FONT_DIR / filename))


def render_certificate_pdf(*, document: CertificateDocument) -> bytes:
    """One A4 landscape page in the document's language, with a QR code that
    encodes exactly ``document.verify_url``."""
    register_fonts()
    buffer = io.BytesIO()
    with translation.override(document.language):
        canvas = Canvas(
            buffer,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            lang=document.language,
            pageCompression=1,
        )
        _set_metadata(canvas, document=document)
        _draw_frame(canvas)
        _draw_heading(canvas, document=document)
        _draw_body(canvas, document=document)
        _draw_dates(canvas, document=document)
        _draw_signature(canvas, document=document)
        _draw_verification(canvas, document=document)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def render_certificates_zip(
    *,
    documents: Iterable[CertificateDocument],
    on_rendered: Callable[[int], object] | None = None,
) -> bytes:
    """A ZIP with one PDF per document under unique ASCII names, in name order.

    `on_rendered(count)` is called after each PDF (a background task reports
    its progress through it)."""
    named: dict[str, CertificateDocument] = {}
    for document in documents:
        name = certificate_filename(document=document)
        stem, number = name.removesuffix(".pdf"), 2
        while name in named:
            name, number = f"{stem}-{number}.pdf", number + 1
        named[name] = document
    buffer = io.BytesIO()
    # PDF pages are already compressed; deflating them again only costs time.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        # By name without ".pdf", so "…-4RTW.pdf" comes before "…-4RTW-2.pdf".
        for name in sorted(named, key=lambda name: name.removesuffix(".pdf")):
            document = named[name]
            info = zipfile.ZipInfo(
                name, date_time=(*document.issued_on.timetuple()[:3], 0, 0, 0)
            )
            info.external_attr = 0o644 << 16  # else unzip makes them unreadable
            archive.writestr(info, render_certificate_pdf(document=document))
            if on_rendered is not None:
                on_rendered(len(archive.infolist()))
    return buffer.getvalue()


def certificate_filename(*, document: CertificateDocument) -> str:
    """An ASCII file name such as ``kursbevis-ola-nordmann-K7M2-QX9P-4RTW.pdf``."""
    with translation.override(document.language):
        if document.kind == CertificateKind.FIRM:
            # Translators: the start of a PDF file name: lower case, no spaces.
            prefix = pgettext("file name", "certificate")
        else:
            # Translators: the start of a PDF file name: lower case, no spaces.
            prefix = pgettext("file name", "course-certificate")
    parts = [
        _ascii_slug(prefix),
        _ascii_slug(document.holder_name)[:FILENAME_SLUG_LENGTH].strip("-"),
        re.sub(r"[^A-Za-z0-9-]", "", document.code),
    ]
    return "-".join(part for part in parts if part) + ".pdf"


def format_long_date(value: date, *, with_year: bool = True) -> str:
    """The date in words for the active language: "23. november 2026"."""
    language = (translation.get_language() or "nb").split("-")[0]
    if with_year:
        pattern = LONG_DATE_FORMATS.get(language, "DATE_FORMAT")
    else:
        pattern = DAY_MONTH_FORMATS.get(language, "MONTH_DAY_FORMAT")
    return formats.date_format(value, pattern)


def format_date_list(values: Sequence[date]) -> str:
    """Dates in words, the year only where it changes or ends the list:
    "3. september · 17. september · 1. oktober 2026"."""
    return " · ".join(
        format_long_date(
            value,
            with_year=index == len(values) - 1 or values[index + 1].year != value.year,
        )
        for index, value in enumerate(values)
    )


def _ascii_slug(text: str) -> str:
    return slugify(text.translate(NORWEGIAN_LETTERS))


def _title(document: CertificateDocument) -> str:
    if document.kind == CertificateKind.FIRM:
        return pgettext("firm certification", "Certificate")
    return pgettext("participant certificate", "Course certificate")


def _set_metadata(canvas: Canvas, *, document: CertificateDocument) -> None:
    canvas.setTitle(f"{_title(document)}: {document.holder_name}")
    canvas.setAuthor(document.issuer_name)
    canvas.setCreator(document.issuer_name)
    canvas.setSubject(
        _("%(course)s – verification code %(code)s")
        % {"course": document.course_title, "code": document.code}
    )
    canvas.setKeywords([_("certificate"), _("social sustainability"), document.code])
    # Viewers show the title rather than a file name; screen readers announce it.
    canvas.setViewerPreference("DisplayDocTitle", "true")


def _draw_frame(
    canvas: Canvas, width: float = PAGE_WIDTH, height: float = PAGE_HEIGHT
) -> None:
    outer, inner = 22, 31
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(3)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    canvas.setLineWidth(0.4)
    canvas.rect(inner + 3, inner + 3, width - 2 * inner - 6, height - 2 * inner - 6)
    canvas.setFillColor(GOLD)
    for x in (inner, width - inner):
        for y in (inner, height - inner):
            _diamond(canvas, x, y, 7)


def _diamond(canvas: Canvas, x: float, y: float, radius: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + radius)
    path.lineTo(x + radius, y)
    path.lineTo(x, y - radius)
    path.lineTo(x - radius, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _ornament(canvas: Canvas, y: float, half_width: float, x: float = CENTRE) -> None:
    """A thin gold rule with a small diamond in the middle."""
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.7)
    canvas.line(x - half_width, y, x - 8, y)
    canvas.line(x + 8, y, x + half_width, y)
    canvas.setFillColor(GOLD)
    _diamond(canvas, x, y, 3.5)


def _draw_heading(canvas: Canvas, *, document: CertificateDocument) -> None:
    canvas.setFillColor(GOLD)
    _centred(canvas, document.issuer_name.upper(), 536, SANS_BOLD, 9.5, spacing=3)
    canvas.setFillColor(NAVY)
    title = _title(document).upper()
    size = _fitting_size(title, SERIF, 44, TEXT_WIDTH, spacing=5)
    _centred(canvas, title, 480, SERIF, size, spacing=5)
    _ornament(canvas, 463, 120)


def _draw_body(canvas: Canvas, *, document: CertificateDocument) -> None:
    """The statement from "This is to certify that" to the session dates,
    centred vertically between the heading and the footer."""
    lines: list[_Line] = []

    def add(text, font, size, colour, gap, rule=0):
        lines.append(_Line(text, font, size, colour, gap, rule))

    add(_("This is to certify that"), SERIF_ITALIC, 15, MUTED, 0)
    name_size, name_lines = _fit_lines(
        document.holder_name, UNICODE_BOLD, max_size=34, min_size=20, width=TEXT_WIDTH
    )
    widest = max(_width(line, UNICODE_BOLD, name_size) for line in name_lines)
    rule = min(max(widest + 40, 380), TEXT_WIDTH + 20)
    for index, line in enumerate(name_lines):
        last = index == len(name_lines) - 1
        gap = 16 if index == 0 else 4
        add(line, UNICODE_BOLD, name_size, INK, gap, rule=rule if last else 0)
    if document.holder_name_now:
        # The certificate is the holder's as issued; the new name is only beside.
        now = _("Now: %(name)s") % {"name": document.holder_name_now}
        add(now, UNICODE, _fitting_size(now, UNICODE, 11, TEXT_WIDTH), MUTED, 12)
    if document.kind == CertificateKind.FIRM:
        if document.holder_org_number:
            number = format_org_number(document.holder_org_number)
            # Translators: the firm's organisation number (Norwegian "Org.nr.").
            add(_("Org. no. %(number)s") % {"number": number}, SANS, 10.5, MUTED, 15)
        statement = _("is certified in social sustainability after completing")
    else:
        statement = _("has completed the course")
    add(statement, SERIF_ITALIC, 15, MUTED, 18)
    title_size, title_lines = _fit_lines(
        document.course_title, UNICODE_BOLD, max_size=20, min_size=14, width=TEXT_WIDTH
    )
    for index, line in enumerate(title_lines):
        add(line, UNICODE_BOLD, title_size, NAVY, 10 if index == 0 else 3)
    run = _run_line(document)
    if run:
        add(run, UNICODE, _fitting_size(run, UNICODE, 11, TEXT_WIDTH), INK, 9)
    if document.session_dates:
        dates = format_date_list(document.session_dates)
        label = ngettext(
            "Course session: %(dates)s",
            "Course sessions: %(dates)s",
            len(document.session_dates),
        ) % {"dates": dates}
        add(label, SANS, _fitting_size(label, SANS, 10, TEXT_WIDTH), MUTED, 6)

    # Each line's height is its gap plus its size; centre the block in its band,
    # closing the gaps up when long names and titles make it too tall.
    band = BODY_TOP - BODY_BOTTOM
    text_height = sum(line.size for line in lines)
    gaps = sum(line.gap for line in lines)
    squeeze = min(1, max(0.4, (band - text_height) / gaps))
    height = text_height + gaps * squeeze
    y = BODY_TOP - max(0, (band - height) / 2)
    for line in lines:
        y -= line.gap * squeeze + line.size * 0.8  # most of a line is above it
        canvas.setFillColor(line.colour)
        _centred(canvas, line.text, y, line.font, line.size)
        y -= line.size * 0.2
        if line.rule:
            canvas.setStrokeColor(GOLD)
            canvas.setLineWidth(0.6)
            canvas.line(CENTRE - line.rule / 2, y - 5, CENTRE + line.rule / 2, y - 5)


def _run_line(document: CertificateDocument) -> str:
    run, municipality = document.run_title.strip(), document.municipality.strip()
    # Run titles often name the municipality already ("Vårkurset i Asker").
    if municipality and municipality.lower() not in run.lower():
        return f"{run}, {municipality}" if run else municipality
    return run


def _draw_dates(canvas: Canvas, *, document: CertificateDocument) -> None:
    x = 150
    rows = [(_("Issued"), document.issued_on)]
    if document.valid_until:
        rows.append((_("Valid until"), document.valid_until))
    y = 150 if len(rows) == 2 else 128
    for label, value in rows:
        canvas.setFillColor(MUTED)
        _centred(canvas, label.upper(), y, SANS, 7.5, spacing=1.5, x=x)
        canvas.setFillColor(INK)
        _centred(canvas, format_long_date(value), y - 17, SERIF, 14, x=x)
        y -= 46


def _draw_signature(canvas: Canvas, *, document: CertificateDocument) -> None:
    line_y = 112
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.line(CENTRE - 115, line_y, CENTRE + 115, line_y)
    signer = document.signed_by or document.issuer_name
    canvas.setFillColor(INK)
    size = _fitting_size(signer, UNICODE, 17, 230)
    _centred(canvas, signer, line_y + 8, UNICODE, size)
    if document.signed_by:
        role = pgettext("signature", "Course leader, %(issuer)s") % {
            "issuer": document.issuer_name
        }
    else:
        role = pgettext("signature", "Issuer")
    canvas.setFillColor(MUTED)
    _centred(canvas, role, line_y - 14, SANS, _fitting_size(role, SANS, 9, 260))


def _draw_verification(canvas: Canvas, *, document: CertificateDocument) -> None:
    x, y = QR_LEFT, QR_BOTTOM
    _draw_qr(canvas, document.verify_url, x=x, y=y, size=QR_SIZE)
    qr_centre = x + QR_SIZE / 2
    canvas.setFillColor(MUTED)
    label = _("Verification code").upper()
    _centred(canvas, label, y - 17, SANS, 7.5, spacing=1.5, x=qr_centre)
    canvas.setFillColor(INK)
    code_size = _fitting_size(document.code, MONO_BOLD, 13, 180)
    _centred(canvas, document.code, y - 33, MONO_BOLD, code_size, x=qr_centre)
    canvas.setFillColor(MUTED)
    text = _("Check that this certificate is genuine at %(url)s") % {
        "url": document.verify_url
    }
    _centred(canvas, text, 46, SANS, _fitting_size(text, SANS, 8.5, 720))


def _draw_qr(canvas: Canvas, data: str, *, x: float, y: float, size: float) -> None:
    """The QR code as filled rectangles, one per run of dark modules in a row.

    The caller keeps four modules around it clear (the quiet zone)."""
    matrix = segno.make(data, error="m", micro=False).matrix
    count = len(matrix)
    canvas.saveState()
    # One unit per module, rows downwards: whole-number coordinates keep the
    # content stream short and quick to write.
    canvas.translate(x, y + size)
    canvas.scale(size / count, -size / count)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        column = 0
        while column < count:
            if row[column]:
                start = column
                while column < count and row[column]:
                    column += 1
                path.rect(start, row_index, column - start, 1)
            else:
                column += 1
    canvas.setFillColor(Color(0, 0, 0))
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _centred(
    canvas: Canvas,
    text: str,
    y: float,
    font: str,
    size: float,
    spacing: float = 0,
    x: float = CENTRE,
) -> None:
    canvas.setFont(font, size)
    text = unicodedata.normalize("NFC", text)
    if font in UNICODE_FONTS and _needs_shaping(text):
        text = _shaped(text, font, size)
    canvas.drawCentredString(x, y, text, charSpace=spacing)


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def _needs_shaping(text: str) -> bool:
    """True for right-to-left letters and for combining marks left after NFC,
    which only HarfBuzz places right; other text is drawn as it is (faster)."""
    return any(_is_rtl(char) or unicodedata.combining(char) for char in text)


def _shaped(text: str, font: str, size: float):
    """The line shaped by HarfBuzz, which reportlab then draws glyph by glyph
    (it shapes nothing by itself, and reorders nothing without its optional
    bidi library).

    HarfBuzz lays out one direction per call, so the words are grouped into runs
    of right-to-left and other words, each shaped alone; the runs go left to
    right, or right to left when the line's first letter is right-to-left. A
    simple rule, not the full Unicode bidi algorithm: punctuation next to a
    right-to-left word may end up on its other side.
    """
    runs: list[tuple[bool, list[str]]] = []
    for word in text.split(" "):
        rtl = any(_is_rtl(char) for char in word)
        if runs and runs[-1][0] == rtl:
            runs[-1][1].append(word)
        else:
            runs.append((rtl, [word]))
    first_letter = next(
        (char for char in text if unicodedata.bidirectional(char) in ("L", "R", "AL")),
        "",
    )
    if first_letter and _is_rtl(first_letter):
        runs.reverse()
    space = shapeStr(" ", font, size, force=True)
    line = None
    for _rtl, words in runs:
        piece = shapeStr(" ".join(words), font, size, force=True)
        line = piece if line is None else line + space + piece
    return line


def _width(text: str, font: str, size: float, spacing: float = 0) -> float:
    text = unicodedata.normalize("NFC", text)
    return stringWidth(text, font, size) + spacing * max(len(text) - 1, 0)


def _fitting_size(
    text: str, font: str, size: float, width: float, spacing: float = 0
) -> float:
    """The size, at most ``size``, at which ``text`` fits on one line of ``width``."""
    natural = _width(text, font, size, spacing)
    return size if natural <= width else size * width / natural


def _fit_lines(
    text: str, font: str, *, max_size: float, min_size: float, width: float
) -> tuple[float, Sequence[str]]:
    """One line if it fits at ``min_size`` or more, else the most even split
    into two lines, at the largest size that fits (never wider than ``width``)."""
    single = _fitting_size(text, font, max_size, width)
    words = text.split()
    if single >= min_size or len(words) < 2:
        return single, [text]
    splits = (
        (" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))
    )
    lines = min(splits, key=lambda pair: max(_width(p, font, 1) for p in pair))
    # Two lines at full size would crowd the page; a little smaller reads better.
    size = min(_fitting_size(line, font, max_size * 0.85, width) for line in lines)
    return (size, list(lines)) if size > single else (single, [text])
