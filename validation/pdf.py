"""Validation PDFs: the certificate for one achieved unit, and the transcript.

Pure functions of a document (`validation.documents`), like the course
certificates: no database, no request. They share the course certificates'
fonts, colours, frame and QR drawing (`courses.documents.pdf`), so every
certificate the platform issues looks like one family. The certificate is an A4
portrait page (a unit's outcomes need the height); outcomes that do not fit on
it continue on a second page. The transcript is a plain table document of as
many pages as it needs.
"""

import io
import unicodedata
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Frame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from courses.documents import CertificateDocument
from courses.documents.pdf import (
    GOLD,
    INK,
    MONO_BOLD,
    MUTED,
    NAVY,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_ITALIC,
    UNICODE,
    UNICODE_BOLD,
    UNICODE_FONTS,
    _centred,
    _draw_frame,
    _draw_qr,
    _fit_lines,
    _fitting_size,
    _needs_shaping,
    _ornament,
    _shaped,
    _width,
    format_long_date,
    register_fonts,
)

from .documents import TranscriptDocument, credits_text, level_text

PAGE_WIDTH, PAGE_HEIGHT = A4
CENTRE = PAGE_WIDTH / 2
MARGIN = 72
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
QR_SIZE = 84
QR_LEFT, QR_BOTTOM = PAGE_WIDTH - MARGIN - QR_SIZE, 118
# The outcomes fill the band between the unit's facts and the signatures.
OUTCOMES_TOP, OUTCOMES_BOTTOM = 540, 262
OUTCOME_SIZES = (10.5, 10, 9.5, 9, 8.5, 8)


def _facts_line(document: CertificateDocument) -> str:
    hours = ngettext(
        "%(count)s hour of notional learning",
        "%(count)s hours of notional learning",
        document.notional_hours,
    ) % {"count": document.notional_hours}
    version = _("version %(version)s") % {"version": document.unit_version}
    return " · ".join(
        (level_text(document), f"{credits_text(document.credits)} ({hours})", version)
    )


def _left(canvas: Canvas, text: str, x: float, y: float, font: str, size: float):
    canvas.setFont(font, size)
    text = unicodedata.normalize("NFC", text)
    if font in UNICODE_FONTS and _needs_shaping(text):
        text = _shaped(text, font, size)
    canvas.drawString(x, y, text)


def _outcome_paragraphs(outcomes, size: float) -> list[Paragraph]:
    style = ParagraphStyle(
        "outcome",
        fontName=UNICODE,
        fontSize=size,
        leading=size * 1.32,
        textColor=INK,
        leftIndent=20,
        bulletIndent=0,
        bulletFontName=UNICODE_BOLD,
        bulletFontSize=size,
        spaceAfter=size * 0.55,
        alignment=TA_LEFT,
    )
    return [
        Paragraph(escape(text), style, bulletText=f"{number}.")
        for number, text in enumerate(outcomes, start=1)
    ]


def _height(paragraphs, width: float) -> float:
    return sum(
        paragraph.wrap(width, 10_000)[1] + paragraph.style.spaceAfter
        for paragraph in paragraphs
    )


def render_validation_certificate(*, document: CertificateDocument) -> bytes:
    """The certificate for one achieved unit, in the document's language, with a
    QR code that encodes exactly ``document.verify_url``."""
    register_fonts()
    buffer = io.BytesIO()
    with translation.override(document.language):
        canvas = Canvas(
            buffer,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            lang=document.language,
            pageCompression=1,
        )
        title = pgettext("validation certificate", "Validation certificate")
        canvas.setTitle(f"{title}: {document.holder_name}")
        canvas.setAuthor(document.issuer_name)
        canvas.setCreator(document.issuer_name)
        canvas.setSubject(
            _("%(course)s – verification code %(code)s")
            % {
                "course": f"{document.unit_code} {document.course_title}",
                "code": document.code,
            }
        )
        canvas.setKeywords([title, document.unit_code, document.code])
        canvas.setViewerPreference("DisplayDocTitle", "true")
        _draw_frame(canvas, PAGE_WIDTH, PAGE_HEIGHT)
        _draw_heading(canvas, document=document, title=title)
        remaining = _draw_outcomes(canvas, document=document)
        _draw_people(canvas, document=document)
        _draw_verification(canvas, document=document)
        canvas.showPage()
        while remaining:
            remaining = _continuation_page(canvas, document, remaining, title=title)
        canvas.save()
    return buffer.getvalue()


def _draw_heading(canvas: Canvas, *, document: CertificateDocument, title: str):
    canvas.setFillColor(GOLD)
    _centred(
        canvas, document.issuer_name.upper(), 784, SANS_BOLD, 9, spacing=3, x=CENTRE
    )
    canvas.setFillColor(NAVY)
    heading = title.upper()
    size = _fitting_size(heading, SERIF, 30, TEXT_WIDTH, spacing=4)
    _centred(canvas, heading, 740, SERIF, size, spacing=4, x=CENTRE)
    _ornament(canvas, 724, 110, x=CENTRE)

    canvas.setFillColor(MUTED)
    _centred(canvas, _("This is to certify that"), 694, SERIF_ITALIC, 13, x=CENTRE)
    name_size, name_lines = _fit_lines(
        document.holder_name, UNICODE_BOLD, max_size=26, min_size=17, width=TEXT_WIDTH
    )
    y = 662 if len(name_lines) == 1 else 670
    canvas.setFillColor(INK)
    for line in name_lines:
        _centred(canvas, line, y, UNICODE_BOLD, name_size, x=CENTRE)
        y -= name_size * 1.1
    widest = max(_width(line, UNICODE_BOLD, name_size) for line in name_lines)
    rule = min(max(widest + 30, 280), TEXT_WIDTH)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.6)
    rule_y = y + name_size * 1.1 - 9
    canvas.line(CENTRE - rule / 2, rule_y, CENTRE + rule / 2, rule_y)

    canvas.setFillColor(MUTED)
    statement = _("has shown, on evidence, every assessment criterion of the unit")
    size = _fitting_size(statement, SERIF_ITALIC, 13, TEXT_WIDTH)
    _centred(canvas, statement, 622, SERIF_ITALIC, size, x=CENTRE)
    unit = f"{document.unit_code} {document.course_title}"
    unit_size, unit_lines = _fit_lines(
        unit, UNICODE_BOLD, max_size=17, min_size=12, width=TEXT_WIDTH
    )
    y = 596
    canvas.setFillColor(NAVY)
    for line in unit_lines:
        _centred(canvas, line, y, UNICODE_BOLD, unit_size, x=CENTRE)
        y -= unit_size * 1.15
    facts = _facts_line(document)
    canvas.setFillColor(INK)
    _centred(
        canvas,
        facts,
        y - 4,
        UNICODE,
        _fitting_size(facts, UNICODE, 10, TEXT_WIDTH),
        x=CENTRE,
    )


def _outcomes_label(canvas: Canvas, y: float) -> None:
    canvas.setFillColor(MUTED)
    label = _("Learning outcomes achieved").upper()
    canvas.setFont(SANS_BOLD, 8)
    canvas.drawString(MARGIN, y, label, charSpace=1.2)


def _draw_outcomes(canvas: Canvas, *, document: CertificateDocument) -> list:
    """The numbered outcomes at the largest size that fits the band; what does
    not fit even at the smallest is returned for the next page."""
    _outcomes_label(canvas, OUTCOMES_TOP)
    band = OUTCOMES_TOP - 12 - OUTCOMES_BOTTOM
    for size in OUTCOME_SIZES:
        paragraphs = _outcome_paragraphs(document.outcomes, size)
        if _height(paragraphs, TEXT_WIDTH) <= band:
            break
    frame = Frame(
        MARGIN,
        OUTCOMES_BOTTOM,
        TEXT_WIDTH,
        band,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    frame.addFromList(paragraphs, canvas)
    if paragraphs:
        canvas.setFillColor(MUTED)
        _left(
            canvas,
            _("The learning outcomes continue on the next page."),
            MARGIN,
            OUTCOMES_BOTTOM - 10,
            SANS,
            8,
        )
    return paragraphs


def _continuation_page(canvas: Canvas, document, paragraphs: list, *, title: str):
    _draw_frame(canvas, PAGE_WIDTH, PAGE_HEIGHT)
    canvas.setFillColor(NAVY)
    heading = f"{title} – {document.unit_code} – {document.holder_name}"
    _centred(
        canvas,
        heading,
        770,
        UNICODE_BOLD,
        _fitting_size(heading, UNICODE_BOLD, 12, TEXT_WIDTH),
        x=CENTRE,
    )
    _outcomes_label(canvas, 740)
    frame = Frame(
        MARGIN,
        90,
        TEXT_WIDTH,
        640,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    frame.addFromList(paragraphs, canvas)
    _verification_line(canvas, document)
    canvas.showPage()
    return paragraphs


def _draw_people(canvas: Canvas, *, document: CertificateDocument) -> None:
    """Who assessed and who verified (or that the case was not sampled), when
    and by whom it was certified: label above value, left of the QR code."""
    width = QR_LEFT - MARGIN - 24
    if document.internally_verified:
        verifier = document.verifier_name
    else:
        verifier = _(
            "Not sampled: internal verification checks a share of each "
            "assessor's decisions, and this case was not in it."
        )
    rows = [
        (_("Assessor"), document.assessor_name),
        (_("Internal verifier"), verifier),
        (_("Certified"), format_long_date(document.issued_on)),
    ]
    if document.signed_by:
        rows.append(
            (
                _("Certified by"),
                _("%(name)s, for %(issuer)s")
                % {"name": document.signed_by, "issuer": document.issuer_name},
            )
        )
    else:
        rows.append((_("Issuer"), document.issuer_name))
    y = 236
    for label, value in rows:
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 7.5)
        canvas.drawString(MARGIN, y, label.upper(), charSpace=1.2)
        canvas.setFillColor(INK)
        size, lines = _fit_lines(value, UNICODE, max_size=11, min_size=8, width=width)
        y -= 14
        for line in lines:
            _left(canvas, line, MARGIN, y, UNICODE, min(size, 11))
            y -= size * 1.2
        y -= 12


def _draw_verification(canvas: Canvas, *, document: CertificateDocument) -> None:
    _draw_qr(canvas, document.verify_url, x=QR_LEFT, y=QR_BOTTOM, size=QR_SIZE)
    qr_centre = QR_LEFT + QR_SIZE / 2
    canvas.setFillColor(MUTED)
    label = _("Verification code").upper()
    _centred(canvas, label, QR_BOTTOM - 16, SANS, 7, spacing=1.2, x=qr_centre)
    canvas.setFillColor(INK)
    size = _fitting_size(document.code, MONO_BOLD, 11.5, 150)
    _centred(canvas, document.code, QR_BOTTOM - 31, MONO_BOLD, size, x=qr_centre)
    _verification_line(canvas, document)


def _verification_line(canvas: Canvas, document: CertificateDocument) -> None:
    canvas.setFillColor(MUTED)
    text = _("Check that this certificate is genuine at %(url)s") % {
        "url": document.verify_url
    }
    size = _fitting_size(text, SANS, 8, TEXT_WIDTH + 40)
    _centred(canvas, text, 52, SANS, size, x=CENTRE)


# The transcript ---------------------------------------------------------------


def _styles():
    base = ParagraphStyle(
        "cell", fontName=UNICODE, fontSize=9, leading=11.5, textColor=INK
    )
    return {
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=UNICODE_BOLD),
        "code": ParagraphStyle("code", parent=base, fontName="Courier", fontSize=8.5),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=UNICODE_BOLD,
            fontSize=18,
            leading=22,
            textColor=NAVY,
        ),
        "name": ParagraphStyle(
            "name", parent=base, fontName=UNICODE_BOLD, fontSize=14, leading=18
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=UNICODE_BOLD,
            fontSize=12,
            leading=15,
            textColor=NAVY,
            spaceBefore=14,
            spaceAfter=6,
        ),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8.5, leading=11, textColor=MUTED
        ),
    }


def _table(
    rows, widths, styles, *, total_row: bool = False, code_column: int | None = None
) -> Table:
    """A table with a header row; `code_column` is set in a monospaced font,
    small enough that a verification code never wraps."""
    head, *body = rows
    cells = [[Paragraph(escape(str(text)), styles["head"]) for text in head]]
    cells += [
        [
            Paragraph(
                escape(str(text)),
                styles["code" if index == code_column else "cell"],
            )
            for index, text in enumerate(row)
        ]
        for row in body
    ]
    table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY))
    table.setStyle(TableStyle(commands))
    return table


def render_transcript(*, document: TranscriptDocument) -> bytes:
    """The candidate's transcript: achieved units with their credits and codes,
    the total, each pathway's credits against what it requires, and the units
    still in progress, which are never counted as credit."""
    register_fonts()
    buffer = io.BytesIO()
    with translation.override(document.language):
        styles = _styles()
        title = _("Transcript of validated units")
        pdf = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=22 * mm,
            title=f"{title}: {document.holder_name}",
            author=document.issuer_name,
            creator=document.issuer_name,
            lang=document.language,
        )
        width = pdf.width
        story = [
            Paragraph(escape(title), styles["title"]),
            Spacer(1, 6),
            Paragraph(escape(document.holder_name), styles["name"]),
            Paragraph(
                escape(
                    _("Produced on %(date)s by %(issuer)s.")
                    % {
                        "date": format_long_date(document.produced_on),
                        "issuer": document.issuer_name,
                    }
                ),
                styles["note"],
            ),
            Paragraph(escape(_("Units achieved")), styles["h2"]),
        ]
        if document.units:
            rows = [
                (
                    _("Code"),
                    _("Unit"),
                    _("Level"),
                    _("Credits"),
                    _("Certified"),
                    _("Verification code"),
                )
            ]
            rows += [
                (
                    unit.code,
                    unit.title,
                    level_text(unit),
                    unit.credits,
                    unit.issued_on.isoformat(),
                    unit.certificate_code,
                )
                for unit in document.units
            ]
            rows.append(("", _("Total"), "", document.total_credits, "", ""))
            story.append(
                _table(
                    rows,
                    [0.09 * width, 0.33 * width, 0.16 * width, 0.11 * width]
                    + [0.13 * width, 0.18 * width],
                    styles,
                    total_row=True,
                    code_column=5,
                )
            )
        else:
            story.append(Paragraph(escape(_("No units achieved yet.")), styles["cell"]))
        story.append(Spacer(1, 8))
        story.append(
            Paragraph(
                escape(
                    _(
                        "Total credits: %(total)s (one credit is ten hours of "
                        "notional learning)."
                    )
                    % {"total": document.total_credits}
                ),
                styles["head"],
            )
        )
        if document.pathways:
            story.append(Paragraph(escape(_("Pathways")), styles["h2"]))
            rows = [
                (
                    _("Pathway"),
                    _("Credits achieved"),
                    _("Credits required"),
                    _("Status"),
                )
            ]
            rows += [
                (
                    pathway.name,
                    pathway.credits_achieved,
                    pathway.credits_required,
                    _("Achieved") if pathway.achieved else _("Not yet"),
                )
                for pathway in document.pathways
            ]
            story.append(
                _table(
                    rows,
                    [0.46 * width, 0.18 * width, 0.18 * width, 0.18 * width],
                    styles,
                )
            )
        if document.in_progress:
            story.append(
                Paragraph(escape(_("Units in progress (not credit)")), styles["h2"])
            )
            rows = [(_("Code"), _("Unit"), _("Credits when achieved"), _("Status"))]
            rows += [
                (unit.code, unit.title, unit.credits, unit.status_label)
                for unit in document.in_progress
            ]
            story.append(
                _table(
                    rows,
                    [0.12 * width, 0.46 * width, 0.18 * width, 0.24 * width],
                    styles,
                )
            )
            story.append(Spacer(1, 4))
            story.append(
                Paragraph(
                    escape(
                        _(
                            "A unit gives credit only when every one of its "
                            "criteria is met and the unit is certified: there is "
                            "no credit for part of a unit."
                        )
                    ),
                    styles["note"],
                )
            )
        footer = _(
            "Each unit's certificate can be checked with its verification code at "
            "%(url)s"
        ) % {"url": document.verify_url}

        def on_page(canvas, doc):
            canvas.saveState()
            canvas.setFillColor(MUTED)
            canvas.setFont(SANS, 7.5)
            canvas.drawString(20 * mm, 12 * mm, footer)
            page = _("Page %(number)s") % {"number": doc.page}
            canvas.drawRightString(PAGE_WIDTH - 20 * mm, 12 * mm, page)
            canvas.restoreState()

        pdf.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
