"""The public figures: for everyone, with small counts shown as "*".

No login and no personal data: the counts are suppressed
(`results.selectors.public`), and the page, the CSV and the XLSX of a table
are laid out by the same `results.exports.table_rows` from the same
suppressed cells, so a download never holds more than the page.

The suppressed tables come from a short entry in the shared cache
(`results.selectors.public.CACHE_SECONDS`, keyed by day, language and
threshold); the page's own responses are not cached, and nothing is kept in
one process.
"""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from ..exports import csv_response, table_rows, xlsx_response
from ..selectors.public import public_figures
from ..suppression import HIDDEN, SuppressedTable
from ..tables import Table

EXPORT_FORMATS = ("csv", "xlsx")
FILE_PREFIX = "sosialprofil-tall"


@dataclass(frozen=True)
class PublicPanel:
    """One suppressed table on the page, with its rows as the exports lay
    them out."""

    table: Table
    rows: list[list]
    any_hidden: bool


def _panel(suppressed: SuppressedTable) -> PublicPanel:
    return PublicPanel(
        table=suppressed.table,
        rows=table_rows(suppressed.table, suppressed.cells),
        any_hidden=suppressed.any_hidden,
    )


@require_GET
def public(request):
    """The headline figures, every public table with "*" for hidden counts,
    the published accounts and the downloads."""
    figures = public_figures()
    return render(
        request,
        "results/public.html",
        {
            "figures": figures,
            "headlines_hidden": any(item.value == HIDDEN for item in figures.headlines),
            "hidden_top": figures.threshold - 1,
            "panels": [_panel(item) for item in figures.tables],
            "export_formats": EXPORT_FORMATS,
        },
    )


@require_GET
def public_export(request, table, fmt):
    """One public table as CSV or XLSX, with the same "*" as the page."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    suppressed = public_figures().table(table)
    if suppressed is None:
        raise Http404
    filename = f"{FILE_PREFIX}-{suppressed.slug.replace('_', '-')}.{fmt}"
    if fmt == "csv":
        return csv_response(suppressed.table, filename=filename, cells=suppressed.cells)
    return xlsx_response(
        [suppressed.table],
        filename=filename,
        cells_by_slug={suppressed.slug: suppressed.cells},
    )


urlpatterns = [
    path("tall/", public, name="public"),
    path("tall/<slug:table>.<str:fmt>", public_export, name="public_export"),
]
