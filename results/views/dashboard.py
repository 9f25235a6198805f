"""The results dashboard: every table with its chart, and their exports.

For holders of `results.view_dashboard` (programme owners, administrators,
course leaders); anyone else gets 403. What is counted is the person's scope
(`results.rules.dashboard_run_ids`: every run, or the runs they lead),
optionally narrowed to one run of it with `?run=<id>` (a run outside the scope
is 404). The page, the CSV of one table and the workbook of every table are
laid out by the same `results.exports.table_rows`, from the same `Table`s, so
a download holds exactly the figures the page shows. These are the exact
figures, for the logged-in audience; the public ones are suppressed
(results.views.public).
"""

from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ..charts import BarChart, LineChart, chart_for
from ..exports import csv_response, table_rows, xlsx_response
from ..rules import dashboard_run_ids
from ..selectors.dashboard import dashboard_run_choices, dashboard_tables
from ..tables import Table

EXPORT_FORMATS = ("csv", "xlsx")
WORKBOOK_NAME = "resultater"

RUN_INVALID = _("Choose a course run from the list.")


class RunFilterForm(forms.Form):
    """`?run=<id>`: one run of the person's scope, or every run in it. Any
    whole number passes the form: whether the run lies in the scope is the
    view's question (404, so a run outside it looks like no run at all)."""

    run = forms.IntegerField(
        label=_("Course run"),
        required=False,
        min_value=1,
        widget=forms.Select,
        error_messages={"invalid": RUN_INVALID, "min_value": RUN_INVALID},
    )

    def __init__(self, data=None, *, run_choices):
        super().__init__(data)
        self.run_choices = run_choices
        self.fields["run"].widget.choices = [
            ("", _("Every run")),
            *run_choices,
        ]


def _run_ids(request):
    """The runs the person's dashboard counts (None: every run); 403 for
    anyone without the dashboard."""
    if not request.user.has_perm("results.view_dashboard"):
        raise PermissionDenied
    return dashboard_run_ids(request.user)


def _filter(request, run_ids):
    """The form and the chosen run (None: every run in scope); 404 for a run
    outside the scope."""
    choices = dashboard_run_choices(run_ids=run_ids)
    form = RunFilterForm(request.GET, run_choices=choices)
    run_id = form.cleaned_data["run"] if form.is_valid() else None
    if run_id is not None and run_id not in {pk for pk, _title in choices}:
        raise Http404
    return form, run_id


def _tables(request):
    run_ids = _run_ids(request)
    form, run_id = _filter(request, run_ids)
    return form, run_id, dashboard_tables(run_ids=run_ids, run_id=run_id)


@dataclass(frozen=True)
class Headline:
    label: str
    value: int
    # Under the figure: how it breaks down ("" for nothing).
    detail: str
    # The table the figure comes from (its section's id on the page).
    slug: str


def headline_figures(tables: list[Table]) -> list[Headline]:
    """The page's headline figures, read off the tables (no query): firms
    enrolled, firms certified (by status), participants who completed, people
    taken in and validated mentors, each when its table is on the page."""
    by_slug = {table.slug: table for table in tables}
    headlines = []
    if municipalities := by_slug.get("municipalities"):
        headlines.append(
            Headline(
                label=municipalities.columns[0],
                value=sum(municipalities.column(0)),
                detail="",
                slug=municipalities.slug,
            )
        )
    years = by_slug.get("years")
    if status := by_slug.get("certification_status"):
        totals = status.values[-1]
        headlines.append(
            Headline(
                label=years.columns[1] if years else status.title,
                value=totals[-1],
                detail=" · ".join(
                    f"{label} {value}"
                    for label, value in zip(
                        status.columns[:-1], totals[:-1], strict=True
                    )
                ),
                slug=status.slug,
            )
        )
    if years:
        headlines.append(
            Headline(
                label=years.columns[2],
                value=sum(years.column(2)),
                detail="",
                slug=years.slug,
            )
        )
    if arrangements := by_slug.get("arrangements"):
        headlines.append(
            Headline(
                label=years.columns[-1] if years else arrangements.title,
                value=arrangements.values[-1][-1],
                detail="",
                slug=arrangements.slug,
            )
        )
    if mentors := by_slug.get("mentors_by_municipality"):
        headlines.append(
            Headline(
                label=mentors.columns[0],
                value=sum(mentors.column(0)),
                detail="",
                slug=mentors.slug,
            )
        )
    return headlines


@dataclass(frozen=True)
class Panel:
    """One table on the page: its rows as the exports lay them out, and its
    chart's geometry (or None)."""

    table: Table
    rows: list[list]
    chart: BarChart | LineChart | None


@login_required
@require_GET
def dashboard(request):
    """Every table of the person's scope (or of one run in it), each with its
    chart and downloads, and the headline figures on top."""
    form, run_id, tables = _tables(request)
    run_title = dict(form.run_choices).get(run_id, "")
    return render(
        request,
        "results/dashboard.html",
        {
            "form": form,
            "run_id": run_id,
            "run_title": run_title,
            "every_run": dashboard_run_ids(request.user) is None,
            "headlines": headline_figures(tables),
            "panels": [
                Panel(table=table, rows=table_rows(table), chart=chart_for(table))
                for table in tables
            ],
        },
        status=400 if form.errors else 200,
    )


def _filename(name: str, run_id: int | None, extension: str) -> str:
    suffix = f"-lop-{run_id}" if run_id is not None else ""
    return f"{WORKBOOK_NAME}-{name}{suffix}.{extension}"


@login_required
@require_GET
def dashboard_export(request, table, fmt):
    """One table of the page as CSV or XLSX (the same scope and filter)."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    _form, run_id, tables = _tables(request)
    found = next((item for item in tables if item.slug == table), None)
    if found is None:
        raise Http404
    filename = _filename(found.slug.replace("_", "-"), run_id, fmt)
    if fmt == "csv":
        return csv_response(found, filename=filename)
    return xlsx_response([found], filename=filename)


@login_required
@require_GET
def dashboard_workbook(request):
    """Every table of the page in one workbook, a sheet each."""
    _form, run_id, tables = _tables(request)
    suffix = f"-lop-{run_id}" if run_id is not None else ""
    return xlsx_response(tables, filename=f"{WORKBOOK_NAME}{suffix}.xlsx")


urlpatterns = [
    path("oversikt/", dashboard, name="dashboard"),
    # Before the table exports: "resultater.xlsx" would match those too.
    path("oversikt/resultater.xlsx", dashboard_workbook, name="dashboard_workbook"),
    path("oversikt/<slug:table>.<str:fmt>", dashboard_export, name="dashboard_export"),
]
