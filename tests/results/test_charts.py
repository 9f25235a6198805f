"""The charts' geometry (results.charts) and their SVG templates."""

import re

from django.template.loader import render_to_string
from django.utils import translation

import pytest

from results.charts import (
    BAR_LABEL_WIDTH,
    BAR_VALUE_ROOM,
    LABEL_CHARS,
    LEGEND_CHARS,
    LINE_INSET,
    LINE_LABEL_SPACING,
    MAX_SERIES,
    PALETTE,
    WIDTH,
    bar_chart,
    chart_for,
    line_chart,
    nice_ticks,
)
from results.tables import Table

pytestmark = pytest.mark.django_db


def table(**options) -> Table:
    defaults = {
        "slug": "sample",
        "title": "Firms certified per year",
        "row_heading": "Year",
        "rows": ("2023", "2024", "2025"),
        "columns": ("Firms",),
        "values": ((4,), (9,), (2,)),
    }
    return Table(**{**defaults, **options})


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (0, (0, 1)),
        (1, (0, 1)),
        (4, (0, 1, 2, 3, 4)),
        (6, (0, 1, 2, 3, 4, 5, 6)),
        (7, (0, 2, 4, 6, 8)),
        (9, (0, 2, 4, 6, 8, 10)),
        (23, (0, 5, 10, 15, 20, 25)),
        (100, (0, 20, 40, 60, 80, 100)),
        (1234, (0, 500, 1000, 1500)),
    ],
)
def test_ticks_start_at_zero_in_a_round_step_and_reach_the_largest(largest, ticks):
    assert nice_ticks(largest) == ticks


def test_bar_widths_are_proportional_to_the_figures():
    chart = bar_chart(table(chart="bars"))

    bars = [group.bars[0] for group in chart.groups]
    assert [bar.value for bar in bars] == [4, 9, 2]
    # The scale ends at the last tick (10), which spans the whole plot.
    unit = (WIDTH - BAR_VALUE_ROOM - BAR_LABEL_WIDTH) / 10
    assert [bar.width for bar in bars] == [
        round(4 * unit, 2),
        round(9 * unit, 2),
        round(2 * unit, 2),
    ]
    assert all(bar.x == BAR_LABEL_WIDTH for bar in bars)
    assert [tick.value for tick in chart.ticks] == [0, 2, 4, 6, 8, 10]
    assert chart.ticks[0].position == BAR_LABEL_WIDTH
    assert chart.ticks[-1].position == WIDTH - BAR_VALUE_ROOM
    # Groups go down the chart without overlapping.
    tops = [bar.y for bar in bars]
    assert tops == sorted(tops)
    assert all(b.y - a.y >= a.height for a, b in zip(bars, bars[1:], strict=False))
    assert chart.plot_bottom <= chart.height


def test_bars_of_a_table_with_row_totals_draw_the_total_only():
    chart = bar_chart(
        table(
            columns=("Work trial", "Wage subsidy", "Total"),
            values=((1, 2, 3), (4, 0, 4), (5, 2, 7)),
            rows=("2024", "2025", "Total"),
            row_totals=True,
            column_totals=True,
        )
    )

    assert [s.label for s in chart.series] == ["Total"]
    # The row of column totals is not drawn.
    assert [group.label for group in chart.groups] == ["2024", "2025"]
    assert [[bar.value for bar in group.bars] for group in chart.groups] == [[3], [4]]
    assert chart.legend == ()


def test_grouped_bars_have_a_legend_and_a_pattern_and_colour_per_series():
    chart = bar_chart(
        table(
            columns=("Enrolled", "Certified", "Completed"),
            values=((5, 3, 1), (8, 6, 2)),
            rows=("2024", "2025"),
        )
    )

    assert [[bar.value for bar in group.bars] for group in chart.groups] == [
        [5, 3, 1],
        [8, 6, 2],
    ]
    assert [item.short_label for item in chart.legend] == [
        "Enrolled",
        "Certified",
        "Completed",
    ]
    assert len({s.colour for s in chart.series}) == 3
    svg = render_to_string("results/includes/chart_bars.html", {"chart": chart})
    for index in range(3):
        assert f'id="chart-sample-fill-{index}"' in svg
    # The legend's swatch uses the same fill as the bars of its series.
    assert svg.count('fill="url(#chart-sample-fill-2)"') == 1 + 2


def test_long_legend_labels_are_shortened_to_the_charts_width():
    long = "People with disabilities or health problems who need adaptation"
    chart = bar_chart(table(rows=("2025",), columns=(long, "Others"), values=((1, 2),)))

    assert chart.legend[0].series.label == long
    assert len(chart.legend[0].short_label) <= LEGEND_CHARS
    assert chart.legend[1].short_label == "Others"


def test_a_chart_draws_at_most_max_series_columns():
    columns = tuple(f"Column {n}" for n in range(MAX_SERIES + 2))
    chart = bar_chart(
        table(rows=("2025",), columns=columns, values=(tuple(range(len(columns))),))
    )

    assert len(chart.series) == MAX_SERIES == len(PALETTE)


def test_a_chart_of_zeros_has_a_scale_and_no_empty_bars():
    chart = bar_chart(table(values=((0,), (0,), (0,))))

    assert [tick.value for tick in chart.ticks] == [0, 1]
    assert [group.bars[0].width for group in chart.groups] == [0, 0, 0]
    svg = render_to_string("results/includes/chart_bars.html", {"chart": chart})
    assert "<rect x=" not in svg  # no bar is drawn, only its figure
    assert svg.count(">0</text>") == 3 + 1  # three figures and the 0 tick


def test_a_table_without_rows_gives_an_empty_chart_with_a_text_alternative():
    empty = table(rows=(), values=())

    with translation.override("en"):
        bars = bar_chart(empty)
        line = line_chart(empty)

    assert bars.groups == ()
    assert line.lines[0].points == ()
    assert bars.description == "Firms certified per year: no figures yet."
    assert line.description == "Firms certified per year: no figures yet."


def test_one_row_gives_one_bar_and_one_point_in_the_middle():
    one = table(rows=("2025",), values=((3,),))

    bars = bar_chart(one)
    line = line_chart(one)

    assert len(bars.groups) == 1
    [point] = line.lines[0].points
    assert point.x == (line.plot_left + line.plot_right) / 2
    assert point.value == 3
    assert [label.text for label in line.row_labels] == ["2025"]


def test_long_labels_are_shortened_in_the_chart_and_whole_in_its_tooltip():
    long = "Nordre Follo og Indre Østfold interkommunale"
    chart = bar_chart(table(rows=(long, "Hole"), values=((3,), (1,))))

    group = chart.groups[0]
    assert group.label == long
    assert len(group.short_label) <= LABEL_CHARS
    assert group.short_label.endswith("…")
    assert chart.groups[1].short_label == "Hole"
    svg = render_to_string("results/includes/chart_bars.html", {"chart": chart})
    assert f"<title>{long}</title>" in svg
    # Labels end left of the plot: anchored at its end, right-aligned.
    assert group.label_x < chart.plot_left


def test_line_points_rise_with_the_figures_and_the_zero_tick_is_the_bottom():
    chart = line_chart(table(chart="line"))

    [line] = chart.lines
    assert [point.value for point in line.points] == [4, 9, 2]
    unit = (chart.plot_bottom - chart.plot_top) / 10
    assert [point.y for point in line.points] == [
        round(chart.plot_bottom - 4 * unit, 2),
        round(chart.plot_bottom - 9 * unit, 2),
        round(chart.plot_bottom - 2 * unit, 2),
    ]
    assert [point.x for point in line.points] == [
        chart.plot_left + LINE_INSET,
        (chart.plot_left + chart.plot_right) / 2,
        chart.plot_right - LINE_INSET,
    ]
    assert chart.ticks[0].value == 0
    assert chart.ticks[0].position == chart.plot_bottom
    assert chart.ticks[-1].position == chart.plot_top
    assert line.polyline == " ".join(f"{p.x:g},{p.y:g}" for p in line.points)
    assert chart.labelled_points


def test_many_years_thin_out_the_axis_labels_and_keep_the_last():
    years = tuple(str(year) for year in range(2000, 2026))
    chart = line_chart(table(rows=years, values=tuple((n,) for n in range(26))))

    shown = [label.text for label in chart.row_labels]
    assert shown[-1] == "2025"
    assert len(shown) < len(years)
    xs = [label.x for label in chart.row_labels]
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= LINE_LABEL_SPACING


def test_the_text_alternative_states_every_figure_drawn():
    single = bar_chart(table())
    grouped = line_chart(
        table(
            title="Certified firms",
            rows=("2024", "2025"),
            columns=("Active", "Expired"),
            values=((3, 0), (5, 1)),
        )
    )

    assert single.description == "Firms certified per year: 2023: 4; 2024: 9; 2025: 2."
    assert grouped.description == (
        "Certified firms: 2024: Active 3, Expired 0; 2025: Active 5, Expired 1."
    )
    assert not grouped.labelled_points


@pytest.mark.parametrize("template", ["chart_bars", "chart_line"])
def test_the_svg_is_an_image_named_by_its_title_and_description(template):
    sample = table(title="Firms & people", chart="bars")
    chart = bar_chart(sample) if template == "chart_bars" else line_chart(sample)

    svg = render_to_string(f"results/includes/{template}.html", {"chart": chart})

    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-sample-title chart-sample-desc"' in svg
    assert '<title id="chart-sample-title">Firms &amp; people</title>' in svg
    assert (
        '<desc id="chart-sample-desc">Firms &amp; people: 2023: 4; 2024: 9; 2025: 2.'
        "</desc>"
    ) in svg
    # Presentation attributes only: the site's CSP blocks inline styles.
    assert "style=" not in svg
    # Every number in a geometry attribute is a plain number.
    for value in re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg):
        float(value)


def test_chart_for_follows_the_tables_hint():
    assert chart_for(table(chart="bars")).kind == "bars"
    assert chart_for(table(chart="line")).kind == "line"
    assert chart_for(table()) is None
