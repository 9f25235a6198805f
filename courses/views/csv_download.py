"""CSV downloads that spreadsheet programs open correctly (Norwegian Excel), and safely.

Every CSV the platform offers goes through `csv_download`: firm names, quiz
questions and other text typed by users end up in cells, and a spreadsheet program
runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (OWASP "CSV
injection"). Such text cells get a leading single quote, so they show as text.
"""

import csv
import numbers
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

# A tab or carriage return in front is skipped by spreadsheet programs, which then
# read the formula behind it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """`value`, with a leading quote if a spreadsheet would read it as a formula.

    Numbers are written as they are: a negative number is data, not a formula.
    """
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class SafeCsvWriter:
    """A `;`-separated CSV writer whose text cells never start a formula."""

    def __init__(self, stream):
        self._writer = csv.writer(stream, delimiter=";")

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([neutralise_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_download(filename: str) -> tuple[HttpResponse, SafeCsvWriter]:
    """An attachment response and a safe `;`-separated writer on it.

    The byte order mark makes spreadsheet programs read æøå as UTF-8.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, SafeCsvWriter(response)
