"""CSV downloads that spreadsheet programs open correctly (Norwegian Excel)."""

import csv

from django.http import HttpResponse


def csv_download(filename: str):
    """An attachment response and a `;`-separated writer on it.

    The byte order mark makes spreadsheet programs read æøå as UTF-8.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")
