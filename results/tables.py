"""The one shape every figure of results travels in: a table of counts.

The dashboard's selectors build `Table`s; the dashboard page, its charts and its
CSV/XLSX exports read the same objects, so an export can only ever hold what the
page shows. The public figures pass them through `results.suppression` first.
"""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Table:
    """Counts with a label per row and per column.

    `values[r][c]` is the count for `rows[r]` and `columns[c]`. `slug` names the
    table in URLs and export file names (ASCII, stable); the labels are
    translated text, already in the language of the request.
    """

    slug: str
    title: str
    row_heading: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]
    # What the counts are and how they are counted (shown under the table).
    note: str = ""
    # Hints for the page: which chart fits ("bars", "line" or "").
    chart: str = ""
    # `row_totals`: the last column is the sum of the columns before it, in
    # every row. `column_totals`: the last row is the sum of the rows above.
    # The suppression needs to know which lines add up.
    row_totals: bool = False
    column_totals: bool = False

    def __post_init__(self):
        if len(self.values) != len(self.rows) or any(
            len(line) != len(self.columns) for line in self.values
        ):
            raise ValueError(f"table {self.slug}: values do not match the labels")

    def column(self, index: int) -> tuple[int, ...]:
        return tuple(line[index] for line in self.values)
