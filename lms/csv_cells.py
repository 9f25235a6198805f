"""Cells that a spreadsheet program never runs as a formula (OWASP "CSV injection").

Every CSV the platform writes — the course side's downloads and the validation
side's Moodle competency files — passes its cells through `neutralise_cell`: a
text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which spreadsheet programs skip before reading the formula behind it)
gets a leading single quote, so it shows as text.
"""

import numbers
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """`value`, with a leading quote if a spreadsheet would read it as a formula.

    Numbers are written as they are: a negative number is data, not a formula.
    """
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text
