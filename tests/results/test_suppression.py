"""Small-number suppression on hand-made tables whose right answer is known."""

import random

from django.test import override_settings

import pytest

from results.suppression import (
    HIDDEN,
    SuppressedCounts,
    hidden_positions,
    suppress_counts,
    suppress_table,
    suppress_tables,
)
from results.tables import Table

# The autouse page-tree fixture needs the database even here.
pytestmark = pytest.mark.django_db

H = HIDDEN


def table(values, *, row_totals=False, column_totals=False):
    values = tuple(tuple(line) for line in values)
    width = len(values[0]) if values else 0
    return Table(
        slug="t",
        title="T",
        row_heading="R",
        rows=tuple(f"r{i}" for i in range(len(values))),
        columns=tuple(f"c{i}" for i in range(width)),
        values=values,
        row_totals=row_totals,
        column_totals=column_totals,
    )


def cells(values, **kwargs):
    threshold = kwargs.pop("threshold", 4)
    return suppress_table(table(values, **kwargs), threshold=threshold).cells


def test_primary_hides_one_to_three_and_shows_zero_and_four():
    assert cells([[0, 1, 2, 3, 4, 10]]) == ((0, H, H, H, 4, 10),)


def test_table_without_totals_hides_only_the_small_counts():
    assert cells([[0, 1, 5], [3, 4, 10]]) == ((0, H, 5), (H, 4, 10))


def test_row_total_giving_back_one_hidden_cell_hides_the_smallest_other_count():
    # 2 + 5 + 9 = 16: with only the 2 hidden, 16 - 5 - 9 gives it back.
    assert cells([[2, 9, 5, 16]], row_totals=True) == ((H, 9, H, 16),)


def test_column_total_giving_back_one_hidden_cell_hides_a_second_in_the_column():
    assert cells([[1], [8], [6], [15]], column_totals=True) == ((H,), (8,), (H,), (15,))


def test_row_totals_are_ignored_when_the_table_does_not_declare_them():
    assert cells([[2, 9, 5, 16]]) == ((H, 9, 5, 16),)


def test_ties_hide_the_first_of_the_smallest_counts():
    assert cells([[5, 2, 5, 12]], row_totals=True) == ((H, H, 5, 12),)


def test_line_of_zeros_besides_the_hidden_cell_hides_its_total():
    # 0 + 0 + x = 7 would give x back: the total is the only other cell.
    assert cells([[0, 0, 7, 7], [0, 1, 0, 1]], row_totals=True) == (
        (0, 0, 7, 7),
        (0, H, 0, H),
    )


def test_second_suppression_that_leaves_another_line_with_one_hidden_cascades():
    values = [
        [1, 4, 5],
        [5, 0, 5],
        [6, 4, 10],
    ]
    # Row 0 hides its 4, which leaves column 1 with one hidden cell: its only
    # other non-zero count is its total; that leaves the total row with one,
    # and so on until every line has two or more hidden cells.
    assert cells(values, row_totals=True, column_totals=True) == (
        (H, H, H),
        (H, 0, H),
        (H, H, 10),
    )


def test_two_by_two_block_protects_a_small_count_in_a_table_with_both_totals():
    values = [
        [2, 10, 12],
        [5, 6, 11],
        [7, 16, 23],
    ]
    assert cells(values, row_totals=True, column_totals=True) == (
        (H, H, 12),
        (H, H, 11),
        (7, 16, 23),
    )


def test_totals_are_hidden_when_they_are_small_themselves():
    assert cells([[1, 1, 2]], row_totals=True) == ((H, H, H),)
    assert cells([[0], [2], [0], [2]], column_totals=True) == ((0,), (H,), (0,), (H,))


def test_grand_total_line_is_protected_like_any_other():
    # The 3 in the total row would come back as 29 - 9 - 17: the total row
    # hides its 9 too (and column 0 already has two hidden cells).
    values = [
        [0, 4, 9, 13],
        [3, 5, 8, 16],
        [3, 9, 17, 29],
    ]
    assert cells(values, row_totals=True, column_totals=True) == (
        (0, 4, 9, 13),
        (H, H, 8, 16),
        (H, H, 17, 29),
    )


def test_all_zeros_hide_nothing():
    assert cells([[0, 0, 0], [0, 0, 0], [0, 0, 0]], row_totals=True) == (
        (0, 0, 0),
        (0, 0, 0),
        (0, 0, 0),
    )


def test_threshold_comes_from_the_setting_at_call_time():
    values = table([[5, 4, 3, 12]], row_totals=True)
    assert suppress_table(values).cells == ((5, H, H, 12),)
    with override_settings(RESULTS_SUPPRESS_BELOW=6):
        assert suppress_table(values).cells == ((H, H, H, 12),)
        assert suppress_table(values).threshold == 6
    with override_settings(RESULTS_SUPPRESS_BELOW=1):
        assert suppress_table(values).cells == ((5, 4, 3, 12),)


def test_suppressed_table_keeps_the_table_and_lists_hidden_positions():
    source = table([[2, 9, 5, 16]], row_totals=True)
    suppressed = suppress_table(source, threshold=4)
    assert suppressed.table is source
    assert suppressed.slug == "t"
    assert suppressed.hidden == {(0, 0), (0, 2)}
    assert suppressed.any_hidden
    assert suppressed.lines == (("r0", (H, 9, H, 16)),)


def named(slug, values, **kwargs):
    return Table(**{**table(values, **kwargs).__dict__, "slug": slug})


def test_linked_cell_hidden_in_one_table_is_hidden_in_the_other_and_cascades():
    # The 5 of `a` is hidden beside its 2; `b` shows the same 5, which must be
    # hidden there too, and then `b`'s row needs a second hidden cell.
    a = named("a", [[2, 9, 5, 16]], row_totals=True)
    b = named("b", [[5, 6, 11], [7, 8, 15]], row_totals=True)
    shown_a, shown_b = suppress_tables([a, b], links=[[("a", 0, 2), ("b", 0, 0)]])
    assert shown_a.cells == ((H, 9, H, 16),)
    assert shown_b.cells == ((H, H, 11), (7, 8, 15))


def test_links_to_cells_that_do_not_exist_are_refused():
    a = named("a", [[5]])
    with pytest.raises(ValueError, match="no cell"):
        suppress_tables([a], links=[[("a", 0, 0), ("a", 1, 0)]])
    with pytest.raises(ValueError, match="no cell"):
        suppress_tables([a], links=[[("a", 0, 0), ("z", 0, 0)]])


def test_suppress_counts_without_total_hides_only_small_counts():
    assert suppress_counts([0, 3, 12], threshold=4) == SuppressedCounts(
        cells=(0, H, 12), total=None
    )


def test_suppress_counts_with_total_hides_a_second_count():
    assert suppress_counts([3, 12, 6], total=21, threshold=4) == SuppressedCounts(
        cells=(H, 12, H), total=21
    )
    assert suppress_counts([2], total=2, threshold=4) == SuppressedCounts(
        cells=(H,), total=H
    )


def test_suppress_counts_reads_the_setting():
    with override_settings(RESULTS_SUPPRESS_BELOW=6):
        assert suppress_counts([5, 6]).cells == (H, 6)


def _random_table(rng: random.Random) -> Table:
    height, width = rng.randint(1, 6), rng.randint(1, 6)
    small = rng.random() < 0.8
    parts = [
        [
            rng.choice([0, 0, 1, 2, 3, 4, 5, 8, 20, 100])
            if small
            else rng.choice([0, 4, 5, 9, 40])
            for _ in range(width)
        ]
        for _ in range(height)
    ]
    row_totals, column_totals = rng.random() < 0.6, rng.random() < 0.6
    if row_totals:
        parts = [[*line, sum(line)] for line in parts]
    if column_totals:
        parts = [*parts, [sum(column) for column in zip(*parts, strict=True)]]
    return table(parts, row_totals=row_totals, column_totals=column_totals)


def _lines(source: Table):
    height, width = len(source.rows), len(source.columns)
    if source.row_totals:
        yield from ([(r, c) for c in range(width)] for r in range(height))
    if source.column_totals:
        yield from ([(r, c) for r in range(height)] for c in range(width))


def test_random_tables_never_leave_a_line_with_one_hidden_cell():
    for seed in range(400):
        rng = random.Random(seed)
        threshold = rng.choice([2, 3, 4, 4, 4, 6])
        source = _random_table(rng)
        hidden = hidden_positions(source, threshold=threshold)
        small = {
            (r, c)
            for r, line in enumerate(source.values)
            for c, value in enumerate(line)
            if 0 < value < threshold
        }
        context = f"seed {seed}: {source.values}"
        assert small <= hidden, context
        for line in _lines(source):
            assert sum(p in hidden for p in line) != 1, context
        # Zeros are never hidden; without totals only the small counts are.
        assert all(source.values[r][c] > 0 for r, c in hidden), context
        if not (source.row_totals or source.column_totals):
            assert hidden == small, context
        if not small:
            assert hidden == set(), context
        shown = suppress_table(source, threshold=threshold).cells
        assert {
            (r, c)
            for r, line in enumerate(shown)
            for c, cell in enumerate(line)
            if cell == HIDDEN
        } == hidden, context


def test_random_tables_hide_a_grand_total_only_when_it_is_small():
    # What the home page's figures rely on (results.selectors.public
    # .home_headlines): the last cell of a line that adds up is hidden exactly
    # when the primary rule hides it.
    checked = 0
    for seed in range(400):
        rng = random.Random(seed)
        threshold = rng.choice([2, 3, 4, 4, 4, 6])
        source = _random_table(rng)
        if not source.column_totals:
            continue
        last_row = len(source.rows) - 1
        hidden = hidden_positions(source, threshold=threshold)
        for c, value in enumerate(source.values[last_row]):
            if source.row_totals and c < len(source.columns) - 1:
                continue  # a column's total inside a row that adds up
            checked += 1
            assert ((last_row, c) in hidden) == (0 < value < threshold), (
                f"seed {seed}: {source.values}"
            )
    assert checked > 100


def test_random_linked_tables_never_show_what_another_hides():
    for seed in range(200):
        rng = random.Random(seed)
        first, second = _random_table(rng), _random_table(rng)
        first = Table(**{**first.__dict__, "slug": "first"})
        second = Table(**{**second.__dict__, "slug": "second"})
        refs = {
            slug: [
                (slug, r, c)
                for r, line in enumerate(source.values)
                for c in range(len(line))
            ]
            for slug, source in (("first", first), ("second", second))
        }
        links = [
            [rng.choice(refs["first"]), rng.choice(refs["second"])] for _ in range(3)
        ]
        shown = {
            result.slug: result.cells
            for result in suppress_tables([first, second], links=links, threshold=4)
        }
        context = f"seed {seed}: {first.values} {second.values} {links}"
        for group in links:
            states = {shown[slug][r][c] == HIDDEN for slug, r, c in group}
            assert len(states) == 1, context
        # Every line that adds up keeps no unknown or at least two.
        for source in (first, second):
            for line in _lines(source):
                hidden = [p for p in line if shown[source.slug][p[0]][p[1]] == HIDDEN]
                assert len(hidden) != 1, context
