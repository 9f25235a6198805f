"""The public figures: the dashboard's tables for everyone, suppressed.

Every run is counted (`dashboard_tables(run_ids=None)`), then the tables are
suppressed together (`results.suppression.suppress_tables`) so that no count
from 1 to RESULTS_SUPPRESS_BELOW - 1 is shown, and no line that adds up (nor
a count shown in two places) gives a hidden one back.

What is published, and why:
- The tables by year, municipality, status, arrangement and target group, the
  placement outcomes by year (from the follow-up, like the arrangements; its
  counts are published nowhere else, so it needs no link), the certified firms
  over time and the validated mentors by municipality. The
  tables by year, municipality and of mentors get a total row here, because
  their columns add up to figures published elsewhere (the people taken in,
  the validated mentors): with the total on the table, its column is
  protected like any other line.
- Counts published twice are linked (hidden in one, hidden in both): a
  year's people taken in (table by year, and the total of that year's
  arrangements), the firms with a valid certification by municipality (the
  table by municipality and the one by status), and the totals that equal
  one another. The headline figures are read off the suppressed cells, so a
  headline never shows what a table hides.
- Not the table by course run. A run has a handful of firms, mostly from one
  municipality and one year, so it splits the same totals into small nested
  parts: subtracting a run from its municipality and year is the kind of
  cross-table arithmetic the suppression does not guard against, and its
  rows would be mostly "*" anyway. Run titles add nothing for the public.
- Not the live table of placements on the platform: it is not a follow-up
  figure, and it is not asked for (`with_placements=False`).

Only counts and the accounts firms chose to publish: no person is named.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from courses.models import CertificateStatus, EnrolmentStatus, FollowUpReport
from lms.accounts.models import Firm
from validation.selectors_register import standing_certificates

from ..models import FollowUpFigures
from ..suppression import (
    HIDDEN,
    Cell,
    CellRef,
    SuppressedTable,
    is_small,
    suppress_tables,
    suppress_threshold,
)
from ..tables import Table
from .dashboard import TOTAL, dashboard_tables

# The dashboard's tables the public sees, in the order of the page.
PUBLIC_TABLES = (
    "years",
    "certified_over_time",
    "certification_status",
    "municipalities",
    "arrangements",
    "target_groups",
    "placement_outcomes",
    "mentors_by_municipality",
)
# Tables whose columns get a total row on the public page.
WITH_TOTAL_ROW = ("years", "municipalities", "mentors_by_municipality")
# The newest published accounts the page shows.
PUBLISHED_ACCOUNTS_SHOWN = 30

# The suppressed tables are kept this long in the shared cache (Redis in
# production; never a cache of one process): computing them takes a dozen
# grouped queries (about 0.15 s with 2,000 firms × 5 years on SQLite), a cache
# hit none, and anonymous traffic can multiply. A newly filed follow-up shows
# within this time. The accounts are not cached: one withdrawn disappears at
# once.
CACHE_SECONDS = 300
CACHE_PREFIX = "results:public"

TOTAL_ROW_NOTE = _("Total: the sum of the rows above.")

# The columns this module links, by the label the dashboard gives them.
TAKEN_IN = _("People taken in")
NEW_MENTORS = _("New validated mentors")
FIRMS_ENROLLED = _("Firms enrolled")
FIRMS_VALID = _("Firms with a valid certification")

# Headline labels shared by the public page and the front page's block.
CERTIFIED_ALL_LABEL = _("Firms certified since the start")
TAKEN_IN_LABEL = _("People taken in by certified firms in all")
MENTORS_LABEL = _("Validated workplace mentors")
ENROLLED_LABEL = _("Firms that have taken the course")


@dataclass(frozen=True, kw_only=True)
class Headline:
    """One figure for the public: the count, or "*" when it is hidden."""

    key: str
    label: str
    value: Cell
    # The table the figure is read from (its section on the page).
    slug: str


@dataclass(frozen=True, kw_only=True)
class PublishedAccount:
    firm: str
    year: int
    narrative: str


@dataclass(frozen=True, kw_only=True)
class PublicFigures:
    headlines: tuple[Headline, ...]
    tables: tuple[SuppressedTable, ...]
    accounts: tuple[PublishedAccount, ...]
    threshold: int
    last_full_year: int

    def table(self, slug: str) -> SuppressedTable | None:
        return next((item for item in self.tables if item.slug == slug), None)

    def headline(self, key: str) -> Headline:
        return next(item for item in self.headlines if item.key == key)


def _with_total_row(table: Table) -> Table:
    width = len(table.columns)
    totals = tuple(sum(line[c] for line in table.values) for c in range(width))
    note = f"{table.note} {TOTAL_ROW_NOTE}".strip()
    return Table(
        **{
            **table.__dict__,
            "rows": (*table.rows, str(TOTAL)),
            "values": (*table.values, totals),
            "note": note,
            "column_totals": True,
        }
    )


def _column(table: Table, label) -> int:
    """The index of the column labelled `label`; a renamed column must fail
    here (and in the tests), never leave a count unlinked."""
    try:
        return table.columns.index(str(label))
    except ValueError:
        raise LookupError(f"table {table.slug} has no column {label!r}") from None


def _row(table: Table, label) -> int | None:
    try:
        return table.rows.index(str(label))
    except ValueError:
        return None


def _links(tables: dict[str, Table], today: date) -> list[list[CellRef]]:
    """Groups of cells that publish the same count (see the module's doc)."""
    links: list[list[CellRef]] = []
    years, arrangements = tables["years"], tables["arrangements"]
    status, municipalities = tables["certification_status"], tables["municipalities"]
    mentors = tables["mentors_by_municipality"]
    over_time = tables["certified_over_time"]

    # A year's people taken in; the last rows are both the totals.
    taken_in = _column(years, TAKEN_IN)
    arrangement_total = len(arrangements.columns) - 1
    for r, label in enumerate(years.rows):
        other = _row(arrangements, label)
        if other is not None:
            links.append(
                [("years", r, taken_in), ("arrangements", other, arrangement_total)]
            )
    links.append(
        [
            ("arrangements", len(arrangements.rows) - 1, arrangement_total),
            (
                "municipalities",
                len(municipalities.rows) - 1,
                _column(municipalities, TAKEN_IN),
            ),
        ]
    )

    # Firms with a valid certification, by municipality and in all (the
    # total rows match by their label) and today, over time.
    valid = _column(municipalities, FIRMS_VALID)
    active = _column(status, CertificateStatus.ACTIVE.label)
    for r, label in enumerate(municipalities.rows):
        other = _row(status, label)
        if other is not None:
            links.append(
                [("municipalities", r, valid), ("certification_status", other, active)]
            )
    this_year = _row(over_time, today.year)
    if this_year is not None:
        links.append(
            [
                ("certified_over_time", this_year, 0),
                ("certification_status", len(status.rows) - 1, active),
            ]
        )

    # Validated mentors: new ones by year add up to all of them.
    links.append(
        [
            ("years", len(years.rows) - 1, _column(years, NEW_MENTORS)),
            ("mentors_by_municipality", len(mentors.rows) - 1, 0),
        ]
    )
    return links


def _headlines(by_slug: dict[str, SuppressedTable], today: date):
    """The five headline figures, each read off a suppressed cell."""
    status = by_slug["certification_status"]
    arrangements = by_slug["arrangements"]
    municipalities = by_slug["municipalities"]
    mentors = by_slug["mentors_by_municipality"]
    last_year = _row(arrangements.table, today.year - 1)
    return (
        Headline(
            key="certified",
            label=gettext("Certified firms today"),
            value=status.cells[-1][
                _column(status.table, CertificateStatus.ACTIVE.label)
            ],
            slug=status.slug,
        ),
        Headline(
            key="certified_all",
            label=str(CERTIFIED_ALL_LABEL),
            value=status.cells[-1][-1],
            slug=status.slug,
        ),
        Headline(
            key="taken_in_last_year",
            label=gettext("People taken in by certified firms in %(year)s")
            % {"year": today.year - 1},
            value=arrangements.cells[last_year][-1] if last_year is not None else 0,
            slug=arrangements.slug,
        ),
        Headline(
            key="taken_in",
            label=str(TAKEN_IN_LABEL),
            value=arrangements.cells[-1][-1],
            slug=arrangements.slug,
        ),
        Headline(
            key="mentors",
            label=str(MENTORS_LABEL),
            value=mentors.cells[-1][0],
            slug=mentors.slug,
        ),
        Headline(
            key="enrolled",
            label=str(ENROLLED_LABEL),
            value=municipalities.cells[-1][
                _column(municipalities.table, FIRMS_ENROLLED)
            ],
            slug=municipalities.slug,
        ),
    )


def home_headlines() -> tuple[Headline, ...]:
    """The home page's four figures in three aggregate queries, without
    computing the public tables: firms certified since the start, people taken
    in, validated mentors and firms that have taken the course.

    Each is a grand total of a public table (the last cell of a line that
    adds up), and the secondary rule only ever hides a total when every other
    shown count of its line is 0, i.e. when the total equals one hidden count
    and is small itself. So the primary rule alone gives the very cell the
    public page shows (`public_figures` headlines of the same keys; the tests
    compare them)."""
    threshold = suppress_threshold()

    def shown(count: int | None) -> Cell:
        count = count or 0
        return HIDDEN if is_small(count, threshold) else count

    firms = Firm.objects.aggregate(
        certified=Count(
            "pk", filter=Q(enrolments__certification__isnull=False), distinct=True
        ),
        enrolled=Count(
            "pk",
            filter=Q(enrolments__status=EnrolmentStatus.ACCEPTED),
            distinct=True,
        ),
    )
    taken_in = FollowUpFigures.objects.aggregate(people=Sum("taken_in"))["people"]
    mentors = standing_certificates().aggregate(
        people=Count("case__candidate", distinct=True)
    )["people"]
    return (
        Headline(
            key="certified_all",
            label=str(CERTIFIED_ALL_LABEL),
            value=shown(firms["certified"]),
            slug="certification_status",
        ),
        Headline(
            key="taken_in",
            label=str(TAKEN_IN_LABEL),
            value=shown(taken_in),
            slug="arrangements",
        ),
        Headline(
            key="mentors",
            label=str(MENTORS_LABEL),
            value=shown(mentors),
            slug="mentors_by_municipality",
        ),
        Headline(
            key="enrolled",
            label=str(ENROLLED_LABEL),
            value=shown(firms["enrolled"]),
            slug="municipalities",
        ),
    )


def published_accounts(*, limit: int = PUBLISHED_ACCOUNTS_SHOWN):
    """The accounts firms chose to publish (newest reporting year first), with
    the firm's name and year; never an unpublished one, nor one of a revoked
    certification (one query)."""
    reports = (
        FollowUpReport.objects.filter(
            figures__publish_account=True,
            certification__revoked_at__isnull=True,
        )
        .exclude(narrative="")
        .select_related("figures", "certification__enrolment__firm")
        .only(
            "narrative",
            "figures__year",
            "certification__enrolment__firm__name",
        )
        .order_by("-figures__year", "-filed_at", "-pk")[:limit]
    )
    return tuple(
        PublishedAccount(
            firm=report.certification.enrolment.firm.name,
            year=report.figures.year,
            narrative=report.narrative,
        )
        for report in reports
    )


def _suppressed(today: date) -> tuple[SuppressedTable, ...]:
    """The public tables suppressed, from the shared cache when one of the
    last CACHE_SECONDS computed them (per day, language and threshold)."""
    key = f"{CACHE_PREFIX}:{today.isoformat()}:{get_language()}:{suppress_threshold()}"
    suppressed = cache.get(key)
    if suppressed is None:
        suppressed = _suppress(today)
        cache.set(key, suppressed, CACHE_SECONDS)
    return suppressed


def _suppress(today: date) -> tuple[SuppressedTable, ...]:
    tables = {
        table.slug: table
        for table in dashboard_tables(run_ids=None, today=today, with_placements=False)
        if table.slug in PUBLIC_TABLES
    }
    for slug in WITH_TOTAL_ROW:
        tables[slug] = _with_total_row(tables[slug])
    ordered = [tables[slug] for slug in PUBLIC_TABLES]
    return tuple(suppress_tables(ordered, links=_links(tables, today)))


def public_headlines(*, today: date | None = None) -> tuple[Headline, ...]:
    """The headline figures alone (the home page's block): the same suppressed
    cells as `public_figures`, without the accounts."""
    today = today or timezone.localdate()
    return _headlines({item.slug: item for item in _suppressed(today)}, today)


def public_figures(*, today: date | None = None) -> PublicFigures:
    """The headline figures, the public tables and the published accounts,
    every count from 1 to the threshold - 1 (and every cell a total would give
    back) shown as "*"; a fixed number of queries whatever the number of
    firms."""
    today = today or timezone.localdate()
    suppressed = _suppressed(today)
    return PublicFigures(
        headlines=_headlines({item.slug: item for item in suppressed}, today),
        tables=suppressed,
        accounts=published_accounts(),
        threshold=suppress_threshold(),
        last_full_year=today.year - 1,
    )
