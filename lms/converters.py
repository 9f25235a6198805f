"""URL converters shared by every app.

``<id:pk>`` is ``<int:pk>`` bounded to what a database id column can hold (a
signed 64-bit integer). A larger number in a URL is simply not found (404),
instead of an OverflowError from SQLite's driver (500) or a database error from
PostgreSQL. Registered when this module is first imported; `courses.views` and
`lms.accounts.urls` import it before they build their patterns.
"""

from django.urls import register_converter
from django.urls.converters import IntConverter

MAX_ID = 2**63 - 1


class IdConverter(IntConverter):
    """A positive database id: digits, at most `MAX_ID`."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            # A ValueError makes the resolver treat the URL as not matching.
            raise ValueError(f"{number} is larger than any database id")
        return number


register_converter(IdConverter, "id")
