"""The geometry of the dashboard's charts, worked out from a `Table`.

Only numbers and labels: where each bar, tick, point and label goes in the
chart's coordinate system (an SVG viewBox `width` × `height`). The markup is
written in templates/results/includes/chart_bars.html and chart_line.html.

Which figures a chart draws (`chart_series`): a table whose last column is the
total of the others draws that total (one series; the breakdown is in the table
beside it); otherwise every column, up to `MAX_SERIES`. A last row of column
totals is never drawn. Every series has its own fill pattern (bars) or marker
and dash (lines) as well as its colour, and every bar and point is labelled
with its figure, so no chart relies on colour alone.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .tables import Table

# The viewBox width; the SVG scales to the width of its column. Narrow, so
# that on a phone (about 340 px) the 12-unit text is still about 11 px.
WIDTH = 360
FONT_SIZE = 12
# Series beyond this many are left to the table: more bars per group, or more
# lines, than a phone's screen can tell apart (one pattern and marker each).
MAX_SERIES = 6
# Labels are cut to this many characters in the chart (the whole label is in
# the table, the text alternative and the label's tooltip).
LABEL_CHARS = 17
# Legend labels have the chart's whole width.
LEGEND_CHARS = 50

# Bars: labels left of the plot, the figure right of each bar.
BAR_LABEL_WIDTH = 116
BAR_VALUE_ROOM = 36
BAR_HEIGHT = 16
BAR_GAP = 2
GROUP_GAP = 10
AXIS_ROOM = 24
LEGEND_LINE = 18

# Lines: tick labels left of the plot, row labels under it.
LINE_PLOT_HEIGHT = 180
LINE_LEFT = 36
LINE_RIGHT = 12
# Between the axis and the first and last points: their figures and labels
# stay clear of the tick labels and the edge.
LINE_INSET = 20
LINE_TOP = 20
LINE_BOTTOM = 28
LINE_LABEL_SPACING = 44


# Per series: a colour with at least 3:1 contrast on white (WCAG 1.4.11), and
# a line dash; the templates add a fill pattern (bars) and a marker shape
# (lines) by the series' index. One entry per series up to MAX_SERIES.
PALETTE = (
    ("#14532d", ""),
    ("#1d4ed8", "8 4"),
    ("#9a3412", "2 3"),
    ("#6b21a8", "10 3 2 3"),
    ("#0e7490", "4 4"),
    ("#a16207", "12 4"),
)


@dataclass(frozen=True)
class Series:
    """One series of a chart, with what tells it apart besides its colour."""

    index: int
    label: str
    column: int  # its column in the table

    @property
    def colour(self) -> str:
        return PALETTE[self.index][0]

    @property
    def dash(self) -> str:
        return PALETTE[self.index][1]


@dataclass(frozen=True)
class LegendItem:
    series: Series
    x: float
    y: float  # top of the swatch (14 × 14)
    text_x: float
    text_y: float  # baseline of the label
    short_label: str

    @property
    def middle_x(self) -> float:
        return self.x + 7

    @property
    def middle_y(self) -> float:
        return self.y + 7

    @property
    def right(self) -> float:
        return self.x + 14


@dataclass(frozen=True)
class Tick:
    value: int
    position: float  # x on a bar chart, y on a line chart
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Bar:
    series: Series
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float


@dataclass(frozen=True)
class BarGroup:
    label: str
    short_label: str
    label_x: float
    label_y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True, kw_only=True)
class Chart:
    """What every chart has: its text alternative, its plot area and its
    value axis, the series it draws and their legend."""

    slug: str
    title: str
    description: str
    width: int
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    ticks: tuple[Tick, ...]
    series: tuple[Series, ...]
    legend: tuple[LegendItem, ...]


@dataclass(frozen=True, kw_only=True)
class BarChart(Chart):
    groups: tuple[BarGroup, ...]
    kind: str = "bars"

    @property
    def drawn(self) -> bool:
        """Whether there is anything to draw (a row that is not a total)."""
        return bool(self.groups)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    row_label: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Line:
    series: Series
    points: tuple[Point, ...]

    @property
    def polyline(self) -> str:
        """The points in the form of SVG's `points` attribute."""
        return " ".join(f"{point.x:g},{point.y:g}" for point in self.points)


@dataclass(frozen=True)
class AxisLabel:
    text: str
    short_text: str
    x: float
    y: float


@dataclass(frozen=True, kw_only=True)
class LineChart(Chart):
    lines: tuple[Line, ...]
    row_labels: tuple[AxisLabel, ...]
    # Figures are written by the points only when one line is drawn (several
    # lines' labels would overlap); the table beside the chart has them all.
    labelled_points: bool
    kind: str = "line"

    @property
    def drawn(self) -> bool:
        """Whether there is anything to draw (a row that is not a total)."""
        return bool(self.row_labels)


def nice_ticks(largest: int, *, most: int = 6) -> tuple[int, ...]:
    """Ticks from 0 in a round step (1, 2 or 5 × a power of ten), the last at
    or above `largest`; at most `most` + 1 ticks. A chart of zeros gets 0 and 1."""
    largest = max(int(largest), 0)
    if largest == 0:
        return (0, 1)
    rough = largest / most
    magnitude = 10 ** max(math.floor(math.log10(rough)), 0) if rough >= 1 else 1
    step = next(
        factor * magnitude
        for factor in (1, 2, 5, 10)
        if factor * magnitude * most >= largest
    )
    top = math.ceil(largest / step) * step
    return tuple(range(0, top + 1, step))


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    """The label, cut with an ellipsis when longer than `limit` characters."""
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def chart_series(table: Table) -> tuple[Series, ...]:
    """The columns a chart of the table draws (see the module's docstring)."""
    if table.row_totals:
        last = len(table.columns) - 1
        return (Series(index=0, label=str(table.columns[last]), column=last),)
    return tuple(
        Series(index=index, label=str(label), column=index)
        for index, label in enumerate(table.columns[:MAX_SERIES])
    )


def chart_rows(table: Table) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """(label, values) for every row a chart draws: all but a row of totals."""
    lines = tuple(zip(table.rows, table.values, strict=True))
    if table.column_totals:
        lines = lines[:-1]
    return tuple((str(label), values) for label, values in lines)


def describe(title: str, rows, series: tuple[Series, ...]) -> str:
    """The chart's text alternative: its title and every figure it draws.

    "Firms certified per year: 2023: 4; 2024: 9." for one series, "… Asker:
    Work trial 3, Wage subsidy 2; …" for several.
    """
    if not rows:
        return _("%(title)s: no figures yet.") % {"title": title}
    parts = []
    for label, values in rows:
        if len(series) == 1:
            figures = str(values[series[0].column])
        else:
            figures = ", ".join(
                f"{item.label} {values[item.column]}" for item in series
            )
        parts.append(f"{label}: {figures}")
    return _("%(title)s: %(figures)s.") % {"title": title, "figures": "; ".join(parts)}


def _legend(series: tuple[Series, ...], *, left: float, top: float):
    if len(series) < 2:
        return ()
    return tuple(
        LegendItem(
            series=item,
            x=left,
            y=top + index * LEGEND_LINE,
            text_x=left + 20,
            text_y=top + index * LEGEND_LINE + FONT_SIZE,
            short_label=shorten(item.label, LEGEND_CHARS),
        )
        for index, item in enumerate(series)
    )


def bar_chart(table: Table) -> BarChart:
    """Horizontal bars: a group per row (a year, a municipality), a bar per
    series, the figure at the end of each bar; ticks along the bottom."""
    series = chart_series(table)
    rows = chart_rows(table)
    legend = _legend(series, left=0, top=4)
    plot_top = 4 + len(legend) * LEGEND_LINE + (8 if legend else 0)
    plot_left = BAR_LABEL_WIDTH
    plot_right = WIDTH - BAR_VALUE_ROOM
    largest = max(
        (values[item.column] for _, values in rows for item in series), default=0
    )
    ticks = nice_ticks(largest)
    scale = (plot_right - plot_left) / ticks[-1]
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    groups = []
    y = plot_top + GROUP_GAP / 2
    for label, values in rows:
        bars = []
        for offset, item in enumerate(series):
            value = values[item.column]
            bar_y = y + offset * (BAR_HEIGHT + BAR_GAP)
            width = round(value * scale, 2)
            bars.append(
                Bar(
                    series=item,
                    value=value,
                    x=plot_left,
                    y=bar_y,
                    width=width,
                    height=BAR_HEIGHT,
                    label_x=plot_left + width + 4,
                    label_y=bar_y + BAR_HEIGHT - 4,
                )
            )
        groups.append(
            BarGroup(
                label=label,
                short_label=shorten(label),
                label_x=plot_left - 6,
                label_y=y + group_height / 2 + FONT_SIZE / 2 - 2,
                bars=tuple(bars),
            )
        )
        y += group_height + GROUP_GAP
    plot_bottom = y - GROUP_GAP / 2 if rows else plot_top + 2 * GROUP_GAP
    return BarChart(
        slug=table.slug,
        title=str(table.title),
        description=describe(str(table.title), rows, series),
        width=WIDTH,
        height=plot_bottom + AXIS_ROOM,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        ticks=tuple(
            Tick(
                value=value,
                position=round(plot_left + value * scale, 2),
                label_x=round(plot_left + value * scale, 2),
                label_y=plot_bottom + FONT_SIZE + 6,
            )
            for value in ticks
        ),
        groups=tuple(groups),
        series=series,
        legend=legend,
    )


def line_chart(table: Table) -> LineChart:
    """A line per series over the rows (years) from left to right, ticks up the
    left; one row is a single point in the middle."""
    series = chart_series(table)
    rows = chart_rows(table)
    legend = _legend(series, left=0, top=4)
    plot_top = LINE_TOP + len(legend) * LEGEND_LINE
    plot_bottom = plot_top + LINE_PLOT_HEIGHT
    plot_left = LINE_LEFT
    plot_right = WIDTH - LINE_RIGHT
    largest = max(
        (values[item.column] for _, values in rows for item in series), default=0
    )
    ticks = nice_ticks(largest)
    scale = (plot_bottom - plot_top) / ticks[-1]
    if len(rows) > 1:
        first, last = plot_left + LINE_INSET, plot_right - LINE_INSET
        step = (last - first) / (len(rows) - 1)
        xs = [round(first + index * step, 2) for index in range(len(rows))]
    else:
        xs = [round((plot_left + plot_right) / 2, 2)] * len(rows)
    lines = tuple(
        Line(
            series=item,
            points=tuple(
                Point(
                    x=x,
                    y=round(plot_bottom - values[item.column] * scale, 2),
                    value=values[item.column],
                    row_label=label,
                    label_x=x,
                    label_y=round(plot_bottom - values[item.column] * scale - 8, 2),
                )
                for x, (label, values) in zip(xs, rows, strict=True)
            ),
        )
        for item in series
    )
    # Every row's label when they fit, else every second, third, … counted
    # back from the last (always shown), so they never run into each other.
    span = plot_right - plot_left - 2 * LINE_INSET
    every = max(math.ceil(LINE_LABEL_SPACING * (len(rows) - 1) / span), 1)
    row_labels = tuple(
        AxisLabel(
            text=label,
            short_text=shorten(label, 10),
            x=x,
            y=plot_bottom + FONT_SIZE + 8,
        )
        for index, (x, (label, _)) in enumerate(zip(xs, rows, strict=True))
        if (len(rows) - 1 - index) % every == 0
    )
    return LineChart(
        slug=table.slug,
        title=str(table.title),
        description=describe(str(table.title), rows, series),
        width=WIDTH,
        height=plot_bottom + LINE_BOTTOM,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        ticks=tuple(
            Tick(
                value=value,
                position=round(plot_bottom - value * scale, 2),
                label_x=plot_left - 6,
                label_y=round(plot_bottom - value * scale + FONT_SIZE / 2 - 2, 2),
            )
            for value in ticks
        ),
        lines=lines,
        row_labels=row_labels,
        series=series,
        legend=legend,
        labelled_points=len(series) == 1,
    )


def chart_for(table: Table) -> BarChart | LineChart | None:
    """The chart the table asks for (`Table.chart`), or None."""
    if table.chart == "bars":
        return bar_chart(table)
    if table.chart == "line":
        return line_chart(table)
    return None
