"""Small-number suppression for figures that leave the logged-in dashboard.

The rule NAV uses for its published statistics: a count from 1 to
`threshold - 1` (settings.RESULTS_SUPPRESS_BELOW, 4 by default, so 1 to 3) is
shown as "*" so it cannot be traced back to a person (primary suppression).
A 0 stays shown, as in NAV's tables: there is nobody to identify.

A hidden cell can still be worked out when it is the only unknown in a line
that adds up: a row with its row total, a column with its column total, the
total row or column with the grand total. So wherever a line ends up with
exactly one hidden cell, one more cell of that line is hidden (secondary
suppression): its smallest shown non-zero count (the first one on ties), or
else the line's total. That may leave another line with a single hidden cell,
so this repeats until no line has exactly one (a fixed point; it ends because
every round hides a cell that was shown).

A count published in several tables (a year's people taken in, in the table
by year and as the total of that year's arrangements) must not be hidden in
one and shown in another: `suppress_tables` takes such cells as `links`, and
a linked group is hidden everywhere as soon as it is hidden anywhere.

What this protects: a hidden cell cannot be recovered from one line by
subtraction (nor from the same count shown elsewhere, for the links given),
which is the usual practice for published tables (NAV, SSB).
What it does not: working several lines together. A small system of
equations (say a 2×2 block of hidden cells in a table with row and column
totals), with the knowledge that counts are whole numbers from 0, can narrow
a hidden cell to a short range, and two tables that split the same total in
nested ways (by run, and by municipality and year) can be subtracted from
each other. Against that the public figures publish only coarse tables
(`results.selectors.public`); a full audit would need linear programming
(as tau-ARGUS does), which this does not attempt.

Pure functions: no database, no request; the threshold is read from the
settings at call time.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings

from .tables import Table

HIDDEN = "*"

# What a reader sees in a cell: the count, or HIDDEN.
Cell = int | str
Position = tuple[int, int]


def suppress_threshold(threshold: int | None = None) -> int:
    """The threshold to use: the one given, else the setting (read now)."""
    return settings.RESULTS_SUPPRESS_BELOW if threshold is None else threshold


def is_small(value: int, threshold: int) -> bool:
    """Whether a count is hidden by the primary rule (1 to threshold - 1)."""
    return 0 < value < threshold


@dataclass(frozen=True)
class SuppressedTable:
    """A table as the public sees it: `cells` has the shape of
    `table.values`, each cell the count or HIDDEN."""

    table: Table
    cells: tuple[tuple[Cell, ...], ...]
    threshold: int

    @property
    def slug(self) -> str:
        return self.table.slug

    @property
    def hidden(self) -> frozenset[Position]:
        return frozenset(
            (r, c)
            for r, line in enumerate(self.cells)
            for c, cell in enumerate(line)
            if cell == HIDDEN
        )

    @property
    def any_hidden(self) -> bool:
        return any(HIDDEN in line for line in self.cells)

    @property
    def lines(self) -> tuple[tuple[str, tuple[Cell, ...]], ...]:
        """(row label, cells) pairs, for templates."""
        return tuple(zip(self.table.rows, self.cells, strict=True))


def _table_lines(table: Table) -> list[tuple[list[Position], Position]]:
    """Every line of `table` that adds up, as (its cells, its total cell); the
    total cell is the last of the cells. The total row/column with the grand
    total is one of these: the last row when rows have totals, the last column
    when columns have totals."""
    height, width = len(table.rows), len(table.columns)
    lines = []
    if table.row_totals and width:
        for r in range(height):
            lines.append(([(r, c) for c in range(width)], (r, width - 1)))
    if table.column_totals and height:
        for c in range(width):
            lines.append(([(r, c) for r in range(height)], (height - 1, c)))
    return lines


# A cell of one of several tables: (table slug, row, column).
CellRef = tuple[str, int, int]


class _Cells:
    """The cells of several tables, with linked cells (one count shown in two
    places) sharing one hidden-or-shown state."""

    def __init__(self, tables: Sequence[Table], links: Iterable[Iterable[CellRef]]):
        self.tables = {table.slug: table for table in tables}
        if len(self.tables) != len(tables):
            raise ValueError("tables to suppress together need distinct slugs")
        self._parent: dict[CellRef, CellRef] = {}
        for group in links:
            group = list(group)
            for ref in group:
                self.value(ref)  # refuses a cell that does not exist
            for ref in group[1:]:
                root, first = self.root(ref), self.root(group[0])
                if root != first:
                    self._parent[root] = first

    def value(self, ref: CellRef) -> int:
        slug, r, c = ref
        try:
            table = self.tables[slug]
            if r < 0 or c < 0:
                raise IndexError
            return table.values[r][c]
        except (KeyError, IndexError):
            raise ValueError(f"no cell {ref} to link") from None

    def root(self, ref: CellRef) -> CellRef:
        while ref in self._parent:
            ref = self._parent[ref]
        return ref


def _second_cell(line, total, is_hidden, value) -> CellRef | None:
    """The cell to hide next to the single hidden cell of `line`."""
    shown = [ref for ref in line if not is_hidden(ref)]
    parts = [ref for ref in shown if ref != total and value(ref) > 0]
    if parts:
        # min() keeps the first of equal values: the first on ties.
        return min(parts, key=value)
    if not is_hidden(total):
        return total
    # The total is the hidden cell and every shown part is 0: only possible
    # when the table does not add up; hide a part so the line keeps two.
    return shown[0] if shown else None


def _hidden_roots(cells: _Cells, threshold: int) -> set[CellRef]:
    hidden = {
        cells.root((slug, r, c))
        for slug, table in cells.tables.items()
        for r, line in enumerate(table.values)
        for c, value in enumerate(line)
        if is_small(value, threshold)
    }
    lines = [
        ([(slug, r, c) for r, c in line], (slug, *total))
        for slug, table in cells.tables.items()
        for line, total in _table_lines(table)
    ]

    def is_hidden(ref: CellRef) -> bool:
        return cells.root(ref) in hidden

    changed = True
    while changed:
        changed = False
        for line, total in lines:
            if len({cells.root(ref) for ref in line} & hidden) != 1:
                continue
            second = _second_cell(line, total, is_hidden, cells.value)
            if second is not None:
                hidden.add(cells.root(second))
                changed = True
    return hidden


def suppress_tables(
    tables: Sequence[Table],
    *,
    links: Iterable[Iterable[CellRef]] = (),
    threshold: int | None = None,
) -> list[SuppressedTable]:
    """The tables suppressed together: every count from 1 to threshold - 1
    hidden, a second cell hidden in every line that would otherwise give one
    back, and the cells of each group in `links` (the same count published in
    several tables, e.g. a total repeated elsewhere) hidden in all when hidden
    in one, so no table shows what another hides."""
    threshold = suppress_threshold(threshold)
    cells = _Cells(tables, links)
    hidden = _hidden_roots(cells, threshold)
    return [
        SuppressedTable(
            table=table,
            cells=tuple(
                tuple(
                    HIDDEN if cells.root((table.slug, r, c)) in hidden else value
                    for c, value in enumerate(line)
                )
                for r, line in enumerate(table.values)
            ),
            threshold=threshold,
        )
        for table in tables
    ]


def suppress_table(table: Table, *, threshold: int | None = None) -> SuppressedTable:
    """The table with every count from 1 to threshold - 1 hidden, and a second
    cell hidden in every line that would otherwise give one back."""
    (suppressed,) = suppress_tables([table], threshold=threshold)
    return suppressed


def hidden_positions(table: Table, *, threshold: int | None = None) -> set[Position]:
    """The (row, column) of every cell `suppress_table` hides."""
    return set(suppress_table(table, threshold=threshold).hidden)


class SuppressedCounts(NamedTuple):
    cells: tuple[Cell, ...]
    total: Cell | None


def suppress_counts(
    values: Sequence[int],
    *,
    total: int | None = None,
    threshold: int | None = None,
) -> SuppressedCounts:
    """A lone list of counts (and the total they add up to, when given) with
    the same rule as a table row: `total` is None when none was given."""
    values = tuple(values)
    with_total = total is not None
    columns = len(values) + with_total
    table = Table(
        slug="counts",
        title="",
        row_heading="",
        rows=("",),
        columns=("",) * columns,
        values=((*values, total) if with_total else values,),
        row_totals=with_total,
    )
    (cells,) = suppress_table(table, threshold=threshold).cells
    if with_total:
        return SuppressedCounts(cells=cells[:-1], total=cells[-1])
    return SuppressedCounts(cells=cells, total=None)
