"""CSV downloads that spreadsheet programs open correctly (Norwegian Excel), and safely.

Every CSV the platform offers goes through `csv_download`: firm names, quiz
questions and other text typed by users end up in cells, and a spreadsheet program
runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (OWASP "CSV
injection"): every cell goes through `lms.csv_cells.neutralise_cell`.
"""

import csv
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

from lms.csv_cells import neutralise_cell
from lms.file_responses import file_response_protect


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
    file_response_protect(response)
    response.write("\ufeff")
    return response, SafeCsvWriter(response)
