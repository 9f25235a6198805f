"""Certificate PDFs: what the page says, where it says it, its QR code, the ZIP.

The renderers are pure functions of a CertificateDocument, so none of these
tests touch the database. Norwegian assertions use only what does not depend
on the project's own catalogue (names, codes, Django's month names).
"""

import io
import re
import subprocess
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date

import pytest
import segno
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from courses.documents import CertificateDocument, CertificateKind
from courses.documents.pdf import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_BOTTOM,
    QR_LEFT,
    QR_SIZE,
    certificate_filename,
    render_certificate_pdf,
    render_certificates_zip,
)

CODE = "K7M2-QX9P-4RTW"
VERIFY_URL = f"https://sosialprofil.no/verify/{CODE}/"
LONG_FIRM_NAME = (
    "Nordre Follo Rørleggerservice og Ventilasjonsentreprenør Øst-Viken ASA"
)
LONG_COURSE_TITLE = (
    "Sertifiseringskurs i sosial bærekraft: arbeidsinkludering, mangfold "
    "og tilrettelegging i små og mellomstore bedrifter"
)
CODE_PATTERN = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}")
# The gold inner frame; text must stay inside it.
FRAME_INSET = 31


def course_document(**overrides) -> CertificateDocument:
    values = {
        "kind": CertificateKind.COURSE,
        "code": CODE,
        "verify_url": VERIFY_URL,
        "holder_name": "Kari Nordmann-Bjørnstad",
        "course_title": "Sertifiseringskurs i sosial bærekraft",
        "run_title": "Høstkurset 2026",
        "municipality": "Asker",
        "session_dates": (date(2026, 9, 3), date(2026, 9, 17), date(2026, 10, 1)),
        "issued_on": date(2026, 11, 23),
        "issuer_name": "Sosial Profil",
        "issuer_url": "https://sosialprofil.no/",
        "signed_by": "Ingrid Haugland",
    }
    return CertificateDocument(**(values | overrides))


def firm_document(**overrides) -> CertificateDocument:
    values = {
        "kind": CertificateKind.FIRM,
        "holder_name": "Ås Bygg og Anlegg AS",
        "holder_org_number": "914035171",
        "valid_until": date(2029, 11, 23),
    }
    return course_document(**(values | overrides))


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def text_boxes(pdf: bytes) -> list[tuple[str, float, float, float, float]]:
    """Each piece of text with its box: (text, left, bottom, right, top)."""
    boxes = []

    def visit(text, cm, tm, font, size):
        text = text.rstrip("\n")
        if not text.strip():
            return
        left, baseline = tm[4], tm[5]
        # An embedded subset is named "ABCDEF+DejaVuSans"; reportlab knows it
        # by the name after the plus.
        name = font["/BaseFont"].lstrip("/").split("+")[-1]
        right = left + stringWidth(text, name, size)
        boxes.append(
            (text, left, baseline - 0.22 * size, right, baseline + 0.75 * size)
        )

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return boxes


def test_firm_certificate_shows_name_org_number_course_dates_code_and_signer():
    text = page_text(render_certificate_pdf(document=firm_document()))

    for expected in [
        "Ås Bygg og Anlegg AS",
        "914 035 171",
        "Sertifiseringskurs i sosial bærekraft",
        "Høstkurset 2026, Asker",
        "3. september · 17. september · 1. oktober 2026",
        "23. november 2026",
        "23. november 2029",
        "Ingrid Haugland",
        "Sosial Profil",
        CODE,
        VERIFY_URL,
    ]:
        assert expected in text


def test_english_certificate_uses_english_words_and_day_first_dates():
    english = page_text(render_certificate_pdf(document=firm_document(language="en")))
    norwegian = page_text(render_certificate_pdf(document=firm_document()))

    assert "CERTIFICATE" in english
    assert "This is to certify that" in english
    assert "is certified in social sustainability after completing" in english
    assert "Org. no. 914 035 171" in english
    assert "3 September · 17 September · 1 October 2026" in english
    assert "23 November 2026" in english
    assert "VALID UNTIL" in english
    assert "Course leader, Sosial Profil" in english
    assert "23 November 2026" not in norwegian
    assert "23. november 2026" in norwegian


def test_course_certificate_names_the_participant_and_prints_no_expiry():
    text = page_text(render_certificate_pdf(document=course_document(language="en")))

    assert "COURSE CERTIFICATE" in text
    assert "Kari Nordmann-Bjørnstad" in text
    assert "has completed the course" in text
    assert "ISSUED" in text
    assert "VALID UNTIL" not in text
    assert "Org. no." not in text
    assert text.count("2026") == 3  # run title, last session, issue date


def test_session_dates_name_the_year_where_it_changes():
    document = course_document(
        language="en", session_dates=(date(2026, 12, 1), date(2027, 1, 12))
    )

    text = page_text(render_certificate_pdf(document=document))

    assert "Course sessions: 1 December 2026 · 12 January 2027" in text


def test_run_title_that_names_the_municipality_does_not_repeat_it():
    document = course_document(run_title="Vårkurset i Asker", municipality="Asker")

    text = page_text(render_certificate_pdf(document=document))

    assert "Vårkurset i Asker\n" in text
    assert "Vårkurset i Asker, Asker" not in text


def test_metadata_names_the_certificate_issuer_and_language():
    pdf = render_certificate_pdf(document=course_document(language="en"))
    reader = PdfReader(io.BytesIO(pdf))

    assert reader.metadata.title == "Course certificate: Kari Nordmann-Bjørnstad"
    assert reader.metadata.author == "Sosial Profil"
    assert CODE in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize(
    "document",
    [
        firm_document(),
        course_document(language="en"),
        course_document(
            verify_url="https://kurs.sosialprofil.no/verify/ZZ99-AB12-CD34/?lang=en"
        ),
    ],
    ids=["firm", "course", "long-url"],
)
def test_qr_code_decodes_to_exactly_the_verify_url(document, tmp_path):
    (tmp_path / "certificate.pdf").write_bytes(
        render_certificate_pdf(document=document)
    )

    subprocess.run(
        [
            "/usr/bin/pdftoppm",
            "-png",
            "-r",
            "150",
            "-singlefile",
            "certificate.pdf",
            "page",
        ],
        cwd=tmp_path,
        check=True,
    )
    decoded = subprocess.run(  # noqa: S603 (a fixed tool on our own file)
        ["/usr/bin/zbarimg", "--raw", "-q", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    )

    assert decoded.stdout.splitlines() == [document.verify_url]


def overlap(one, other) -> bool:
    left, bottom, right, top = one
    o_left, o_bottom, o_right, o_top = other
    return left < o_right and o_left < right and bottom < o_top and o_bottom < top


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("make", [firm_document, course_document])
def test_long_names_stay_inside_the_frame_clear_of_each_other_and_the_qr_code(
    make, language
):
    assert len(LONG_FIRM_NAME) == 70
    document = make(
        holder_name=LONG_FIRM_NAME,
        course_title=LONG_COURSE_TITLE,
        run_title="Høstkurset for bygg- og anleggsbransjen i Follo-regionen 2026",
        session_dates=tuple(date(2026, month, 2) for month in range(3, 11)),
        signed_by="Ingrid Marie Haugland-Kristoffersen",
        language=language,
    )

    pdf = render_certificate_pdf(document=document)

    text = page_text(pdf)
    assert all(word in text for word in LONG_FIRM_NAME.split())
    assert all(word in text for word in LONG_COURSE_TITLE.split())
    boxes = text_boxes(pdf)
    inset = FRAME_INSET
    for label, *box in boxes:
        assert not overlap(box, (-1e3, -1e3, 1e4, inset)), label
        assert not overlap(box, (-1e3, -1e3, inset, 1e4)), label
        assert not overlap(box, (PAGE_WIDTH - inset, -1e3, 1e4, 1e4)), label
        assert not overlap(box, (-1e3, PAGE_HEIGHT - inset, 1e4, 1e4)), label
    # A QR code needs four modules of white around it to scan.
    modules = segno.make(document.verify_url, error="m").symbol_size(border=0)[0]
    quiet = 4 * QR_SIZE / modules
    qr = (
        QR_LEFT - quiet,
        QR_BOTTOM - quiet,
        QR_LEFT + QR_SIZE + quiet,
        QR_BOTTOM + QR_SIZE + quiet,
    )
    for index, (label, *box) in enumerate(boxes):
        assert not overlap(box, qr), label
        for other, *other_box in boxes[index + 1 :]:
            assert not overlap(box, other_box), (label, other)


def test_file_name_is_ascii_with_the_norwegian_letters_spelt_out():
    document = course_document(holder_name="Bjørn Ærø Åsen", language="en")

    assert certificate_filename(document=document) == (
        f"course-certificate-bjorn-aero-asen-{CODE}.pdf"
    )


def test_zip_holds_one_valid_pdf_per_document_under_unique_sorted_names():
    documents = [
        course_document(holder_name="Ola Nordmann", code="DDDD-EEEE-FFFF"),
        course_document(holder_name="Ola Nordmann", code="AAAA-BBBB-CCCC"),
        course_document(holder_name="Åse Ødegård", code="GGGG-HHHH-JJJJ"),
        firm_document(),
        firm_document(),  # the same certificate twice still gets its own name
    ]
    documents = [replace(document, language="en") for document in documents]

    archive = zipfile.ZipFile(io.BytesIO(render_certificates_zip(documents=documents)))

    assert archive.namelist() == [
        f"certificate-as-bygg-og-anlegg-as-{CODE}.pdf",
        f"certificate-as-bygg-og-anlegg-as-{CODE}-2.pdf",
        "course-certificate-ase-odegard-GGGG-HHHH-JJJJ.pdf",
        "course-certificate-ola-nordmann-AAAA-BBBB-CCCC.pdf",
        "course-certificate-ola-nordmann-DDDD-EEEE-FFFF.pdf",
    ]
    for name in archive.namelist():
        code = CODE_PATTERN.search(page_text(archive.read(name))).group()
        assert f"-{code}" in name


# --- Names in any script (defect 17) ---------------------------------------------

NAMES_OUTSIDE_LATIN_1 = [
    "Łukasz Wiśniewski",
    "Ayşe Yılmaz",
    "Nguyễn Thị Minh",
    "Đorđe Šćepanović",
]


def embedded_fonts(pdf: bytes) -> set[str]:
    """The names of the fonts embedded in the page (subset prefix dropped)."""
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    names = set()
    for font in fonts.values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts") or [font]
        for descendant in descendants:
            descriptor = descendant.get_object().get("/FontDescriptor")
            if descriptor and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


@pytest.mark.parametrize("name", NAMES_OUTSIDE_LATIN_1)
def test_names_outside_latin_1_print_as_written(name):
    pdf = render_certificate_pdf(
        document=course_document(holder_name=name, signed_by=name, language="en")
    )

    lines = [line.strip() for line in page_text(pdf).splitlines()]

    assert lines.count(name) == 2  # the holder and the course leader's signature
    assert PdfReader(io.BytesIO(pdf)).metadata.title == f"Course certificate: {name}"


def test_the_unicode_font_is_embedded():
    pdf = render_certificate_pdf(document=firm_document(holder_name="Ayşe Bakeri AS"))

    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(pdf)


def test_letters_typed_with_combining_accents_print_as_one_letter():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Đorđe")
    assert len(decomposed) > len("Nguyễn Đorđe")

    text = page_text(
        render_certificate_pdf(document=course_document(holder_name=decomposed))
    )

    assert "Nguyễn Đorđe" in [line.strip() for line in text.splitlines()]


def test_arabic_names_are_shaped_and_run_right_to_left():
    """HarfBuzz joins the letters: the page holds their joined (presentation)
    forms, left to right as drawn, which NFKC turns back into the name."""
    name = "محمد علي"

    text = page_text(render_certificate_pdf(document=course_document(holder_name=name)))

    drawn = next(line.strip() for line in text.splitlines() if "\ufee3" in line)
    assert unicodedata.normalize("NFKC", drawn) == name
    # Joined forms, not the isolated letters reportlab would draw unshaped.
    assert "\u0645" not in drawn


def test_a_right_to_left_name_inside_a_left_to_right_line_keeps_its_order():
    document = firm_document(holder_name_now="محمد علي للتجارة", language="en")

    text = page_text(render_certificate_pdf(document=document))

    line = next(
        line.strip() for line in text.splitlines() if line.strip().startswith("Now:")
    )
    assert unicodedata.normalize("NFKC", line) == "Now: محمد علي للتجارة"
