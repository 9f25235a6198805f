"""CSV and XLSX exports of results tables: the same cells the page shows.

`table_rows` lays a `Table` out as rows (the header, then one row per label);
the CSV and every XLSX sheet hold exactly those rows, so an export can only
ever hold what the page shows. `cells` replaces the counts with what is shown
instead (the public figures' "*"). Every text cell goes through
`lms.csv_cells.neutralise_cell`: a run title or municipality starting with
"=" never becomes a formula in a spreadsheet.
"""

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.http import HttpResponse

from courses.views.csv_download import csv_download
from lms.csv_cells import neutralise_cell
from lms.file_responses import file_response_protect

from .tables import Table

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Excel refuses these in a sheet's name, and names longer than 31 characters.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31

Cells = Sequence[Sequence[Any]]


def table_rows(table: Table, cells: Cells | None = None) -> list[list]:
    """The header (row heading and columns), then each row's label and values
    (or the given display `cells`, of the same shape as `table.values`)."""
    values = table.values if cells is None else cells
    if len(values) != len(table.rows) or any(
        len(line) != len(table.columns) for line in values
    ):
        raise ValueError(f"table {table.slug}: cells do not match the labels")
    return [
        [table.row_heading, *table.columns],
        *([label, *line] for label, line in zip(table.rows, values, strict=True)),
    ]


def csv_response(table: Table, *, filename: str, cells: Cells | None = None):
    """A `;`-separated UTF-8 CSV attachment (with a byte order mark, for Excel)
    holding `table_rows(table, cells)`, every cell neutralised."""
    response, writer = csv_download(filename)
    writer.writerows(table_rows(table, cells))
    return response


def sheet_name(title: str, taken: Iterable[str] = ()) -> str:
    """A valid sheet name from `title`: at most 31 characters, none Excel
    refuses, not blank, and unique (case-insensitively) among `taken`."""
    name = _SHEET_FORBIDDEN.sub(" ", title)
    name = " ".join(name.split()).strip("'") or "Sheet"
    taken = {existing.casefold() for existing in taken}
    candidate = name[:SHEET_NAME_LENGTH].strip()
    number = 2
    while candidate.casefold() in taken or candidate.casefold() == "history":
        suffix = f" ({number})"
        candidate = name[: SHEET_NAME_LENGTH - len(suffix)].strip() + suffix
        number += 1
    return candidate


def _xlsx_cell(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = neutralise_cell(value)
    if isinstance(value, str):
        # Control characters make a workbook Excel cannot open.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def xlsx_bytes(
    tables: Sequence[Table], *, cells_by_slug: Mapping[str, Cells] | None = None
) -> bytes:
    """A workbook with one sheet per table, named from its title: the header
    in bold, counts as numbers, the note under the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    cells_by_slug = cells_by_slug or {}
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table.title, workbook.sheetnames))
        rows = table_rows(table, cells_by_slug.get(table.slug))
        for row in rows:
            sheet.append([_xlsx_cell(value) for value in row])
        for cell in sheet[1]:
            cell.font = bold
        for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
            cell.font = bold
        for index, column in enumerate(zip(*rows, strict=True), start=1):
            width = max(len(str(value)) for value in column)
            sheet.column_dimensions[get_column_letter(index)].width = min(
                max(width + 2, 8), 60
            )
        sheet.freeze_panes = "B2"
        if table.note:
            note_row = len(rows) + 2
            sheet.cell(row=note_row, column=1, value=_xlsx_cell(table.note))
    if not workbook.sheetnames:
        workbook.create_sheet("Sheet")
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def xlsx_response(
    tables: Sequence[Table],
    *,
    filename: str,
    cells_by_slug: Mapping[str, Cells] | None = None,
) -> HttpResponse:
    """`xlsx_bytes(tables)` as an attachment named `filename`."""
    response = HttpResponse(
        xlsx_bytes(tables, cells_by_slug=cells_by_slug),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return file_response_protect(response)
