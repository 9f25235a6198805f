"""Reading the CSV text into rows: decoding, the header, records with their line
numbers, and descriptions as plain text."""

import csv
import html
import io
import re
from dataclasses import dataclass, field

from lms.csv_cells import FORMULA_TRIGGERS

from .spec import (
    COL_DESCRIPTION,
    COL_FORMAT,
    COL_IDNUMBER,
    COL_IS_FRAMEWORK,
    COL_PARENT,
    COL_SHORTNAME,
    ERR_BAD_CSV,
    ERR_COLUMNS,
    ERR_EMPTY_FILE,
    ERR_FORMAT,
    ERR_HEADER,
    ERR_NO_FRAMEWORK,
    ERR_NOT_UTF8,
    ERR_SECOND_FRAMEWORK,
    ERR_TOO_LONG,
    ERR_TOO_MANY_ROWS,
    FORMAT_HTML,
    FORMAT_MARKDOWN,
    FORMAT_MOODLE,
    FORMAT_PLAIN,
    HEADER,
    MAX_CHARACTERS,
    MAX_ROWS,
    _error,
)


class Invalid(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Row:
    line: int
    parent: str
    idnumber: str
    shortname: str
    text: str
    children: list["Row"] = field(default_factory=list)
    depth: int = 0


def _uncell(value: str) -> str:
    """Undo `_cell`: one quote in front of a formula trigger goes."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def _normalise_header(name: str) -> str:
    return re.sub(r"[^a-z0-9()]", "", name.lower())


_EXPECTED_HEADER = [_normalise_header(name) for name in HEADER]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_of(text: str, offset: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


def decode(data) -> str:
    if isinstance(data, str):
        return data
    data = bytes(data)
    if len(data) > 4 * MAX_CHARACTERS:
        raise Invalid([_error(ERR_TOO_LONG, line=1, limit=MAX_CHARACTERS)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise Invalid([_error(ERR_NOT_UTF8, line=line)]) from None


def _records(text: str):
    """(line where the record starts, cells) for each non-blank record."""
    first = _LINE_BREAK.split(text, maxsplit=1)[0]
    delimiter = ","
    for candidate in (",", ";", "\t"):
        if len(next(csv.reader([first], delimiter=candidate), [])) == len(HEADER):
            delimiter = candidate
            break
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise Invalid(
                [_error(ERR_BAD_CSV, line=previous + 1, detail=str(exc))]
            ) from None
        start, previous = previous + 1, reader.line_num
        if any(cell.strip() for cell in row):
            yield start, row


def _as_text(description: str, description_format: str, line: int) -> str:
    value = description_format.strip()
    if value in ("", str(FORMAT_PLAIN), str(FORMAT_MARKDOWN)):
        return description
    if value not in (str(FORMAT_MOODLE), str(FORMAT_HTML)):
        raise Invalid([_error(ERR_FORMAT, line=line, value=value)])
    text = re.sub(r"<br\s*/?>", "\n", description, flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", "", text)
    return html.unescape(text).strip()


def read_rows(text: str):
    """The framework row's (id number, shortname) and the competency rows."""
    if len(text) > MAX_CHARACTERS:
        raise Invalid(
            [
                _error(
                    ERR_TOO_LONG,
                    line=_line_of(text, MAX_CHARACTERS),
                    limit=MAX_CHARACTERS,
                )
            ]
        )
    text = text.removeprefix("\ufeff")
    records = _records(text)
    header = next(records, None)
    if header is None:
        raise Invalid([_error(ERR_EMPTY_FILE, line=1)])
    line, cells = header
    if [_normalise_header(cell) for cell in cells] != _EXPECTED_HEADER:
        raise Invalid([_error(ERR_HEADER, line=line, expected=", ".join(HEADER))])
    errors, rows, framework = [], [], None
    for count, (line, raw) in enumerate(records, start=1):
        if count > MAX_ROWS:
            raise Invalid([_error(ERR_TOO_MANY_ROWS, line=line, limit=MAX_ROWS)])
        if len(raw) != len(HEADER):
            errors.append(
                _error(ERR_COLUMNS, line=line, found=len(raw), expected=len(HEADER))
            )
            continue
        cells = [_uncell(cell) for cell in raw]
        is_framework = cells[COL_IS_FRAMEWORK].strip() not in ("", "0")
        if framework is None and not rows and not is_framework:
            errors.append(_error(ERR_NO_FRAMEWORK, line=line))
            framework = ("", "")
        if is_framework:
            if framework is not None:
                errors.append(_error(ERR_SECOND_FRAMEWORK, line=line))
            framework = (cells[COL_IDNUMBER].strip(), cells[COL_SHORTNAME].strip())
            continue
        try:
            text_ = _as_text(cells[COL_DESCRIPTION], cells[COL_FORMAT], line)
        except Invalid as exc:
            errors += exc.errors
            continue
        rows.append(
            Row(
                line=line,
                parent=cells[COL_PARENT].strip(),
                idnumber=cells[COL_IDNUMBER].strip(),
                shortname=cells[COL_SHORTNAME],
                text=text_,
            )
        )
    if framework is None:
        errors.append(_error(ERR_NO_FRAMEWORK, line=2))
        framework = ("", "")
    return framework, rows, errors
