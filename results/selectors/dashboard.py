"""The dashboard's tables: every figure counted by grouped queries in the database.

`dashboard_tables()` answers in a fixed number of queries whatever the number
of firms, years, runs or reports (DASHBOARD_QUERIES; two fewer for a course
leader, who does not see validated mentors): each query groups (`values()` +
`annotate()`) or aggregates with one conditional `Count`/`Sum` per column, and
Python only lays the grouped rows out as `Table`s.

Scope: `run_ids=None` counts every run (programme owners, administrators); a
set of run ids counts only what belongs to those runs (a course leader's own
runs) — an empty set counts nothing, never everything. `run_id` narrows to one
run, which must lie within the scope. The placements on the platform are
counted for the firms accepted into the runs in scope (every firm for every
run), through `placements.selectors.results`: counts only, never a name.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import (
    CertificateStatus,
    Certification,
    CourseCertificate,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
)
from placements.models import PLACEMENT_ARRANGEMENTS
from placements.selectors.results import placement_counts
from validation.selectors_register import (
    mentors_by_municipality,
    standing_certificates,
)

from ..categories import (
    ARRANGEMENT_FIELDS,
    ENDED_FIELDS,
    TARGET_GROUP_FIELDS,
    Arrangement,
    EndOutcome,
    TargetGroup,
)
from ..models import FollowUpFigures
from ..tables import Table

# Queries of `dashboard_tables` for every run: by year, enrolments,
# certifications, course certificates, new mentors; the figures (one query for
# years, municipalities, runs and placement outcomes); certified firms over
# time; by municipality, certification status, enrolments, course
# certificates, mentors; by run, the runs (with enrolments and
# certifications), course certificates; the placements on the platform.
DASHBOARD_QUERIES = 13
SCOPED_DASHBOARD_QUERIES = DASHBOARD_QUERIES - 2

UNKNOWN_MUNICIPALITY = _("Unknown")
TOTAL = _("Total")

# Norwegian alphabetical order: æ, ø, å come after z, in that order.
_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def _sort_key(text: str) -> tuple[bool, str]:
    """Unknown ("") last, the rest in Norwegian alphabetical order."""
    return (text == "", text.casefold().translate(_NORWEGIAN_ORDER))


def _scope(run_ids: frozenset[int] | None, run_id: int | None):
    """The run ids to count (None for every run)."""
    if run_id is None:
        return run_ids
    if run_ids is not None and run_id not in run_ids:
        raise PermissionDenied
    return frozenset({run_id})


def _in_scope(queryset, path: str, scope: frozenset[int] | None):
    if scope is None:
        return queryset
    return queryset.filter(**{f"{path}__in": scope})


class _Sources:
    """The scoped querysets every table counts from."""

    def __init__(self, scope):
        self.enrolments = _in_scope(
            Enrolment.objects.filter(status=EnrolmentStatus.ACCEPTED), "run_id", scope
        )
        self.certifications = _in_scope(
            Certification.objects.all(), "enrolment__run_id", scope
        )
        self.participations = _in_scope(
            Enrolment.participants.through.objects.filter(
                enrolment__status=EnrolmentStatus.ACCEPTED
            ),
            "enrolment__run_id",
            scope,
        )
        self.completed = _in_scope(
            CourseCertificate.objects.filter(revoked_at__isnull=True), "run_id", scope
        )
        self.figures = _in_scope(
            FollowUpFigures.objects.all(),
            "report__certification__enrolment__run_id",
            scope,
        )
        self.runs = _in_scope(CourseRun.objects.all(), "pk", scope)
        # Each firm's latest certification (in scope): what its status is.
        later = _in_scope(
            Certification.objects.filter(
                enrolment__firm_id=OuterRef("enrolment__firm_id")
            ).filter(
                Q(issued_on__gt=OuterRef("issued_on"))
                | Q(issued_on=OuterRef("issued_on"), pk__gt=OuterRef("pk"))
            ),
            "enrolment__run_id",
            scope,
        )
        self.latest_certifications = self.certifications.filter(~Exists(later))


def _grouped(queryset, key: str, **aggregates) -> dict:
    """{group: {name: value}}: one grouped query, None sums read as 0."""
    rows = queryset.values(key).annotate(**aggregates).order_by()
    return {row[key]: {name: row[name] or 0 for name in aggregates} for row in rows}


def _status_filters(today: date) -> dict[str, Q]:
    revoked = Q(revoked_at__isnull=False)
    return {
        CertificateStatus.ACTIVE: ~revoked & Q(valid_until__gte=today),
        CertificateStatus.EXPIRED: ~revoked & Q(valid_until__lt=today),
        CertificateStatus.REVOKED: revoked,
    }


def _firm_count(filter_=None):
    return Count("enrolment__firm_id", distinct=True, filter=filter_)


def _table(
    *, slug, title, row_heading, rows, columns, values, note, **options
) -> Table:
    """A Table with its lazy labels translated now, in the active language."""
    return Table(
        slug=slug,
        title=str(title),
        row_heading=str(row_heading),
        rows=tuple(str(row) for row in rows),
        columns=tuple(str(column) for column in columns),
        values=tuple(tuple(int(value) for value in line) for line in values),
        note=str(note),
        **options,
    )


def _with_totals(
    values: list[list[int]], *, width: int, row: bool, column: bool
) -> list[list[int]]:
    """`values` (rows of `width` counts) with a total column and/or row."""
    if row:
        values = [[*line, sum(line)] for line in values]
        width += 1
    if column:
        values = [*values, [sum(line[i] for line in values) for i in range(width)]]
    return values


def _municipality_label(name: str) -> str:
    return name or str(UNKNOWN_MUNICIPALITY)


def dashboard_run_choices(*, run_ids: frozenset[int] | None) -> list[tuple[int, str]]:
    """The runs the dashboard can be narrowed to, newest first (one query; none
    for an empty scope)."""
    return list(
        _in_scope(CourseRun.objects.all(), "pk", run_ids)
        .order_by("-enrolment_deadline", "title", "pk")
        .values_list("pk", "title")
    )


def dashboard_tables(
    *,
    run_ids: frozenset[int] | None = None,
    run_id: int | None = None,
    today: date | None = None,
    with_placements: bool = True,
) -> list[Table]:
    """Every table of the dashboard for the runs in scope, counted in a fixed
    number of grouped queries (DASHBOARD_QUERIES, or SCOPED_DASHBOARD_QUERIES
    when scoped; one fewer without the live placements table, which the public
    figures never show). Raises PermissionDenied when `run_id` lies outside
    `run_ids`."""
    today = today or timezone.localdate()
    scope = _scope(run_ids, run_id)
    with_mentors = scope is None
    src = _Sources(scope)
    figure_sums = {name: Sum(name) for name in ("taken_in", *ARRANGEMENT_FIELDS)}
    figure_sums.update({name: Sum(name) for name in TARGET_GROUP_FIELDS})
    figure_sums.update({name: Sum(name) for name in ENDED_FIELDS})

    # By year -------------------------------------------------------------------
    enrolled = _grouped(
        src.enrolments.annotate(year=ExtractYear("run__enrolment_deadline")),
        "year",
        firms=Count("firm_id", distinct=True),
    )
    certified = _grouped(
        src.certifications.annotate(year=ExtractYear("issued_on")),
        "year",
        firms=_firm_count(),
    )
    completed = _grouped(
        src.completed.annotate(year=ExtractYear("issued_on")),
        "year",
        people=Count("user_id", distinct=True),
    )
    mentors = _first_validated_by_year() if with_mentors else {}
    # One query for the figures by year, municipality and run: sums add up.
    figure_rows = list(
        src.figures.values(
            "year",
            "report__certification__enrolment__firm__municipality",
            "report__certification__enrolment__run_id",
        )
        .annotate(**figure_sums)
        .order_by()
    )
    figures_by_year = _roll_up(figure_rows, "year", figure_sums)

    # From the first year with data to this year (or a later one with data:
    # an enrolment in next year's run), without gaps.
    with_data = {*enrolled, *certified, *completed, *mentors, *figures_by_year}
    first = min(with_data, default=today.year)
    last = max(with_data, default=today.year)
    years = list(range(min(first, today.year), max(last, today.year) + 1))

    tables = [
        _years_table(
            years,
            enrolled,
            certified,
            completed,
            mentors,
            figures_by_year,
            with_mentors,
        ),
        _certified_over_time(years, src.certifications, today),
    ]

    # By municipality -----------------------------------------------------------
    status = _grouped(
        src.latest_certifications,
        "enrolment__firm__municipality",
        **{
            str(name): _firm_count(condition)
            for name, condition in _status_filters(today).items()
        },
    )
    tables.append(_status_table(status))
    tables.append(_municipalities_table(src, status, figure_rows, figure_sums))

    # By run --------------------------------------------------------------------
    tables.append(_runs_table(src, figure_rows, figure_sums))

    # Arrangements and target groups, by year -------------------------------------
    tables.append(_arrangements_table(years, figures_by_year))
    tables.append(_target_groups_table(years, figures_by_year))

    # Placements: the yearly follow-up's outcomes, and live from the platform --
    tables.append(_outcomes_table(years, figures_by_year))
    if with_placements:
        firm_ids = None if scope is None else src.enrolments.values("firm_id")
        tables.append(_placements_table(placement_counts(firm_ids=firm_ids)))

    if with_mentors:
        tables.append(_mentors_table())
    return tables


def _roll_up(rows: Iterable[dict], key: str, sums: dict) -> dict:
    """Add the grouped figure rows up by one of their keys."""
    totals: dict = defaultdict(lambda: dict.fromkeys(sums, 0))
    for row in rows:
        line = totals[row[key]]
        for name in sums:
            line[name] += row[name] or 0
    return dict(totals)


def _first_validated_by_year() -> dict:
    """People validated for the first time, by year: a person counts in the
    year of their first standing certificate (one query)."""
    earlier = standing_certificates().filter(
        case__candidate_id=OuterRef("case__candidate_id"),
        issued_on__lt=OuterRef("issued_on"),
    )
    return _grouped(
        standing_certificates()
        .filter(~Exists(earlier))
        .annotate(year=ExtractYear("issued_on")),
        "year",
        people=Count("case__candidate_id", distinct=True),
    )


def _get(groups: dict, key, name: str) -> int:
    return groups.get(key, {}).get(name, 0)


def _years_table(years, enrolled, certified, completed, mentors, figures, with_mentors):
    columns = [
        (_("Firms enrolled"), enrolled, "firms"),
        (_("Firms certified"), certified, "firms"),
        (_("Participants who completed"), completed, "people"),
    ]
    if with_mentors:
        columns.append((_("New validated mentors"), mentors, "people"))
    columns.append((_("People taken in"), figures, "taken_in"))
    sentences = [
        _(
            "Firms enrolled: firms accepted into a course run, by the year of "
            "the run's enrolment deadline."
        ),
        _(
            "Firms certified: certifications issued that year, whatever their "
            "status today."
        ),
        _(
            "Participants who completed: course certificates issued that year "
            "and not revoked."
        ),
    ]
    if with_mentors:
        sentences.append(
            _(
                "New validated mentors: people whose first validation "
                "certificate (still standing) was issued that year."
            )
        )
    sentences.append(
        _("People taken in: the firms' yearly follow-up, by reporting year.")
    )
    return _table(
        slug="years",
        title=_("Results by year"),
        row_heading=_("Year"),
        rows=years,
        columns=[label for label, _groups, _name in columns],
        values=[
            [_get(groups, year, name) for _label, groups, name in columns]
            for year in years
        ],
        note=" ".join(str(sentence) for sentence in sentences),
        chart="bars",
    )


def _certified_over_time(years, certifications, today) -> Table:
    """Firms holding a valid certification at the end of each year (today for
    the current year): one aggregate query."""
    years = [year for year in years if year <= today.year]
    days = {year: min(date(year, 12, 31), today) for year in years}
    counts = certifications.aggregate(
        **{
            f"y{year}": _firm_count(
                Q(issued_on__lte=day, valid_until__gte=day)
                & (Q(revoked_at__isnull=True) | Q(revoked_at__date__gt=day))
            )
            for year, day in days.items()
        }
    )
    return _table(
        slug="certified_over_time",
        title=_("Certified firms over time"),
        row_heading=_("Year"),
        rows=years,
        columns=[_("Firms with a valid certification")],
        values=[[counts[f"y{year}"] or 0] for year in years],
        note=_(
            "Firms holding a valid certification on 31 December of each year "
            "(today for the current year): issued by then, valid until then and "
            "not revoked by then. A certification renewed after it had lapsed "
            "counts as valid in between."
        ),
        chart="line",
    )


STATUSES = (
    CertificateStatus.ACTIVE,
    CertificateStatus.EXPIRED,
    CertificateStatus.REVOKED,
)


def _status_table(status: dict) -> Table:
    municipalities = sorted(status, key=_sort_key)
    values = [[status[m][str(s)] for s in STATUSES] for m in municipalities]
    return _table(
        slug="certification_status",
        title=_("Certified firms by status"),
        row_heading=_("Municipality"),
        rows=[*map(_municipality_label, municipalities), TOTAL],
        columns=[*(s.label for s in STATUSES), TOTAL],
        values=_with_totals(values, width=len(STATUSES), row=True, column=True),
        note=_(
            "Every firm that has been certified, counted once, by the status "
            "today of its latest certification."
        ),
        row_totals=True,
        column_totals=True,
    )


def _municipalities_table(src, status, figure_rows, figure_sums) -> Table:
    enrolled = _grouped(
        src.enrolments, "firm__municipality", firms=Count("firm_id", distinct=True)
    )
    completed = _grouped(
        # By the firm the participant took part with in the certificate's run.
        src.participations.filter(
            user__course_certificates__run_id=F("enrolment__run_id"),
            user__course_certificates__revoked_at__isnull=True,
        ),
        "enrolment__firm__municipality",
        people=Count("user_id", distinct=True),
    )
    taken_in = _roll_up(
        figure_rows, "report__certification__enrolment__firm__municipality", figure_sums
    )
    municipalities = sorted({*enrolled, *status, *completed, *taken_in}, key=_sort_key)
    active = str(CertificateStatus.ACTIVE)
    return _table(
        slug="municipalities",
        title=_("Results by municipality"),
        row_heading=_("Municipality"),
        rows=[_municipality_label(m) for m in municipalities],
        columns=[
            _("Firms enrolled"),
            _("Firms with a valid certification"),
            _("Participants who completed"),
            _("People taken in"),
        ],
        values=[
            [
                _get(enrolled, m, "firms"),
                _get(status, m, active),
                _get(completed, m, "people"),
                _get(taken_in, m, "taken_in"),
            ]
            for m in municipalities
        ],
        note=_(
            "By the municipality of the firm. Firms enrolled: ever accepted into "
            "a course run. Participants who completed: course certificates not "
            "revoked, by the firm the participant took part with. People taken "
            "in: every yearly follow-up together."
        ),
        chart="bars",
    )


def _runs_table(src, figure_rows, figure_sums) -> Table:
    runs = list(
        src.runs.annotate(
            enrolled=Count(
                "enrolments__firm_id",
                distinct=True,
                filter=Q(enrolments__status=EnrolmentStatus.ACCEPTED),
            ),
            certified=Count("enrolments__certification", distinct=True),
        )
        .order_by("-enrolment_deadline", "title", "pk")
        .values("pk", "title", "enrolled", "certified")
    )
    completed = _grouped(
        src.completed, "run_id", people=Count("user_id", distinct=True)
    )
    taken_in = _roll_up(
        figure_rows, "report__certification__enrolment__run_id", figure_sums
    )
    return _table(
        slug="runs",
        title=_("Results by course run"),
        row_heading=_("Course run"),
        rows=[run["title"] for run in runs],
        columns=[
            _("Firms enrolled"),
            _("Firms certified"),
            _("Participants who completed"),
            _("People taken in"),
        ],
        values=[
            [
                run["enrolled"],
                run["certified"],
                _get(completed, run["pk"], "people"),
                _get(taken_in, run["pk"], "taken_in"),
            ]
            for run in runs
        ],
        note=_(
            "Firms certified: certified after the run, whatever their status "
            "today. People taken in: every yearly follow-up of those firms "
            "together."
        ),
    )


def _arrangements_table(years, figures) -> Table:
    values = [
        [_get(figures, year, name) for name in ARRANGEMENT_FIELDS] for year in years
    ]
    return _table(
        slug="arrangements",
        title=_("People taken in by arrangement"),
        row_heading=_("Year"),
        rows=[*years, TOTAL],
        columns=[*Arrangement.labels, TOTAL],
        values=_with_totals(
            values, width=len(ARRANGEMENT_FIELDS), row=True, column=True
        ),
        note=_(
            "From the firms' yearly follow-up, by reporting year. Each person is "
            "counted once, under one arrangement."
        ),
        chart="bars",
        row_totals=True,
        column_totals=True,
    )


def _target_groups_table(years, figures) -> Table:
    values = [
        [_get(figures, year, name) for name in TARGET_GROUP_FIELDS] for year in years
    ]
    return _table(
        slug="target_groups",
        title=_("People taken in by target group"),
        row_heading=_("Year"),
        rows=[*years, TOTAL],
        columns=TargetGroup.labels,
        values=_with_totals(
            values, width=len(TARGET_GROUP_FIELDS), row=False, column=True
        ),
        note=_(
            "From the firms' yearly follow-up, by reporting year. A person may "
            "belong to several target groups or to none, so the groups do not "
            "add up to the people taken in."
        ),
        chart="bars",
        column_totals=True,
    )


def _outcomes_table(years, figures) -> Table:
    values = [[_get(figures, year, name) for name in ENDED_FIELDS] for year in years]
    return _table(
        slug="placement_outcomes",
        title=_("Placement outcomes by year"),
        row_heading=_("Year"),
        rows=[*years, TOTAL],
        columns=[*EndOutcome.labels, TOTAL],
        values=_with_totals(values, width=len(ENDED_FIELDS), row=True, column=True),
        note=_(
            "From the firms' yearly follow-up, by reporting year: the people "
            "whose placement ended that year, by where they went next. Each "
            "person is counted once, by their last placement's outcome."
        ),
        chart="bars",
        row_totals=True,
        column_totals=True,
    )


UNDER_WAY = _("Under way")
ENDED_AS = _("Ended: %(outcome)s")


def _placements_table(counts: dict[tuple[str, str], int]) -> Table:
    """Placements by arrangement (rows) and under way or ended by outcome
    (columns), with totals both ways."""
    outcomes = ("", *EndOutcome.values)
    values = [
        [counts.get((arrangement, outcome), 0) for outcome in outcomes]
        for arrangement in PLACEMENT_ARRANGEMENTS
    ]
    return _table(
        slug="placements",
        title=_("Placements on the platform"),
        row_heading=_("Arrangement"),
        rows=[*(arrangement.label for arrangement in PLACEMENT_ARRANGEMENTS), TOTAL],
        columns=[
            UNDER_WAY,
            *(ENDED_AS % {"outcome": label} for label in EndOutcome.labels),
            TOTAL,
        ],
        values=_with_totals(values, width=len(outcomes), row=True, column=True),
        note=_(
            "Live from the platform: the placements the trainee has accepted, "
            "under way or ended (by where the person went), of the firms in the "
            "course runs counted here. Each placement is counted once; a person "
            "may have had several. Invitations not accepted are not counted. "
            "Counts only: no names."
        ),
        row_totals=True,
        column_totals=True,
    )


def _mentors_table() -> Table:
    counts = sorted(
        mentors_by_municipality(standing_certificates()),
        key=lambda c: _sort_key(c.municipality),
    )
    return _table(
        slug="mentors_by_municipality",
        title=_("Validated mentors by municipality"),
        row_heading=_("Municipality"),
        rows=[_municipality_label(count.municipality) for count in counts],
        columns=[_("Validated mentors")],
        values=[[count.people] for count in counts],
        note=_(
            "People holding at least one standing validation certificate, by the "
            "municipality of their firm (the first they joined); Unknown when "
            "they belong to no firm."
        ),
        chart="bars",
    )
