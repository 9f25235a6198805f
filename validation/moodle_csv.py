"""Units in and out of Moodle as a competency framework (tool_lpimportcsv CSV).

Moodle's `tool_lpexportcsv` writes, and `tool_lpimportcsv` reads, a comma-separated
file with these 14 columns (`HEADER`)::

    Parent id number, Id number, Shortname, Description, Description format,
    Scale values, Scale configuration, Rule type (optional), Rule outcome (optional),
    Rule config (optional), Cross referenced competency id numbers,
    Exported id (optional), Is framework, Taxonomy

The first data row is the framework (``Is framework`` = 1; it carries the rating
scale and the taxonomy of each level), then one row per competency, linked to its
parent through ``Parent id number`` (empty for a top-level competency).

How a unit set maps onto it
---------------------------
* Framework: the unit set. Id number and shortname are given by the caller; the
  scale is ``Not yet met,Met`` (the default "Not yet met", "Met" proficient) and
  the taxonomy ``competency,outcome,indicator``.
* Unit → top-level competency. Id number = unit code ("AM-01"), Shortname = title,
  Description = the purpose, then a blank line and a block that carries what
  Moodle has no column for, one ``Key: value`` per line under a marker line::

      The candidate can introduce a new colleague ...

      [OCN unit]
      Level: 2
      Credits: 3
      Version: 1
      Review date: 2027-06-30
      Suggested evidence: Witness statement
      Suggested evidence: Observation record

  Level is one of ``entry``, ``1``, ``2``, ``3``; ``Review date`` (YYYY-MM-DD) and
  the ``Suggested evidence`` lines (one per line of the unit's suggested evidence,
  in order) are left out when empty. Keys are English on purpose: this is a file
  format, not a page. Moodle keeps the description as is, so the block survives a
  trip through Moodle; it is written as plain text (``Description format`` 2,
  Moodle's FORMAT_PLAIN). On import, HTML descriptions (formats 0 and 1, e.g. after
  someone edited them in Moodle's editor) are turned back into text first.
* Learning outcome → child competency. Id number = "AM-01.1", Shortname = its
  number ("1"), Description = its text.
* Assessment criterion → grandchild. Id number = "AM-01.1.2", Shortname = its
  label ("1.2"), Description = its text.

On import the tree decides what a row is (depth 1 unit, 2 outcome, 3 criterion).
A number is read from the Id number ("<parent id number>.<n>"), else from the
Shortname ("1" / "1.2"), else from the row's position among its siblings; a text
is the Description, or the Shortname when the Description is empty (as in a
framework typed into Moodle by hand). Other columns (rules, cross references,
exported ids, scales of single competencies) are read and ignored: the platform
has nothing they map to. Header names are compared without case, spaces and
hyphens, so Moodle's newer spelling ("Parent ID number", "Short name") is
accepted; ``;`` or tab separated files (a spreadsheet's re-save) are accepted too.

Import is all or nothing: every row is checked first, and every error is
returned as "Line N: …" (N the line in the file where the row starts); only a
file without errors is saved, in one transaction. Units are created as drafts;
a code that already exists gets the next free version (linked to the latest as
its previous version); existing units, approved or not, are never changed.

Spreadsheet safety: cells that a spreadsheet would run as a formula (starting
with = + - @ tab or CR) are written with a leading quote by the project's CSV
neutraliser (`lms.csv_cells.neutralise_cell`). Moodle does not strip
that quote, so a title "-Intro" shows as "'-Intro" there. To keep the round trip
exact, a text that already is quotes followed by a trigger gets one more quote,
and import removes exactly one quote in front of a trigger. Imported text is
stored as text, never evaluated.

Limits (Moodle's own): Moodle shortens id numbers and shortnames to 100
characters, so a title longer than 100 characters is cut there (not here).
"""

import csv
import datetime
import html
import io
import json
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lms.csv_cells import FORMULA_TRIGGERS, neutralise_cell

from .models import AssessmentCriterion, LearningOutcome, Level, Unit
from .services.units import unit_create_draft

HEADER = [
    "Parent id number",
    "Id number",
    "Shortname",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross referenced competency id numbers",
    "Exported id (optional)",
    "Is framework",
    "Taxonomy",
]
(
    COL_PARENT,
    COL_IDNUMBER,
    COL_SHORTNAME,
    COL_DESCRIPTION,
    COL_FORMAT,
    COL_SCALE_VALUES,
    COL_SCALE_CONFIG,
    COL_RULE_TYPE,
    COL_RULE_OUTCOME,
    COL_RULE_CONFIG,
    COL_RELATED,
    COL_EXPORT_ID,
    COL_IS_FRAMEWORK,
    COL_TAXONOMY,
) = range(len(HEADER))

MAX_CHARACTERS = 200_000
MAX_ROWS = 5_000
MAX_CREDITS = 999

# Moodle's description formats.
FORMAT_MOODLE, FORMAT_HTML, FORMAT_PLAIN, FORMAT_MARKDOWN = 0, 1, 2, 4
TAXONOMY = "competency,outcome,indicator"

UNIT_MARKER = "[OCN unit]"
KEY_LEVEL = "Level"
KEY_CREDITS = "Credits"
KEY_VERSION = "Version"
KEY_REVIEW_DATE = "Review date"
KEY_EVIDENCE = "Suggested evidence"

ERR_NOT_UTF8 = _(
    "Line %(line)s: the file is not UTF-8 text. Save it as CSV (UTF-8) and try again."
)
ERR_TOO_LONG = _("Line %(line)s: the file is longer than %(limit)s characters.")
ERR_TOO_MANY_ROWS = _("Line %(line)s: the file has more than %(limit)s rows.")
ERR_EMPTY_FILE = _("Line %(line)s: the file is empty.")
ERR_BAD_CSV = _("Line %(line)s: the row is not valid CSV (%(detail)s).")
ERR_HEADER = _(
    "Line %(line)s: the header row is not Moodle's competency framework header. "
    "Expected: %(expected)s."
)
ERR_COLUMNS = _("Line %(line)s: the row has %(found)s columns; %(expected)s expected.")
ERR_NO_FRAMEWORK = _(
    "Line %(line)s: the first row must be the framework itself (Is framework = 1)."
)
ERR_SECOND_FRAMEWORK = _(
    "Line %(line)s: only the first row may be the framework (Is framework = 1)."
)
ERR_EMPTY_IDNUMBER = _("Line %(line)s: the id number is empty.")
ERR_EMPTY_SHORTNAME = _("Line %(line)s: the short name is empty.")
ERR_DUPLICATE = _(
    "Line %(line)s: the id number “%(idnumber)s” is already used on line %(other)s."
)
ERR_MISSING_PARENT = _(
    "Line %(line)s: the parent id number “%(parent)s” is not in the file."
)
ERR_CYCLE = _("Line %(line)s: “%(idnumber)s” is its own ancestor.")
ERR_TOO_DEEP = _(
    "Line %(line)s: “%(idnumber)s” is nested too deep: a unit holds learning "
    "outcomes, and a learning outcome holds assessment criteria."
)
ERR_CRITERION_WITHOUT_OUTCOME = _(
    "Line %(line)s: the assessment criterion “%(idnumber)s” is directly under the "
    "unit “%(parent)s”; it must be under a learning outcome."
)
ERR_FORMAT = _(
    "Line %(line)s: unknown description format “%(value)s”; Moodle's are 0, 1, 2 and 4."
)
ERR_UNKNOWN_FIELD = _(
    "Line %(line)s: unknown field “%(field)s” in the unit's description."
)
ERR_NO_LEVEL = _(
    "Line %(line)s: the unit has no level (a line “Level: 2” in its description)."
)
ERR_UNKNOWN_LEVEL = _(
    "Line %(line)s: unknown level “%(value)s”; use one of %(choices)s."
)
ERR_NO_CREDITS = _(
    "Line %(line)s: the unit has no credits (a line “Credits: 3” in its description)."
)
ERR_CREDITS = _(
    "Line %(line)s: the credits “%(value)s” are not a whole number from 1 to %(max)s."
)
ERR_VERSION = _("Line %(line)s: the version “%(value)s” is not a whole number.")
ERR_REVIEW_DATE = _(
    "Line %(line)s: the review date “%(value)s” is not a date (YYYY-MM-DD)."
)
ERR_VALUE_TOO_LONG = _(
    "Line %(line)s: the %(field)s is longer than %(limit)s characters."
)
ERR_NO_TEXT = _(
    "Line %(line)s: “%(idnumber)s” has no text; write it in the description."
)
ERR_NUMBER_TWICE = _(
    "Line %(line)s: number %(number)s is used twice under “%(parent)s”."
)
ERR_CONFLICT = _(
    "Line %(line)s: unit “%(code)s” was changed by someone else during the import; "
    "nothing was imported, try again."
)

SCALE_NOT_YET_MET = _("Not yet met")
SCALE_MET = _("Met")


def _error(message, **params) -> str:
    """`message` (a lazy msgid) in the active language, filled in."""
    return str(message) % params


@dataclass
class ImportResult:
    """What `import_units` did: the framework read and the units created, or errors.

    When `errors` is not empty, nothing was saved.
    """

    framework_idnumber: str = ""
    framework_shortname: str = ""
    units: list[Unit] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------- export


def _cell(value):
    """A cell made safe for spreadsheets, reversible by `_uncell`."""
    if isinstance(value, str) and value.startswith("'"):
        if value.lstrip("'").startswith(FORMULA_TRIGGERS):
            return "'" + value
    return neutralise_cell(value)


def unit_description(unit: Unit) -> str:
    """The unit's purpose and the `[OCN unit]` block (see the module docstring)."""
    lines = [
        UNIT_MARKER,
        f"{KEY_LEVEL}: {unit.level}",
        f"{KEY_CREDITS}: {unit.credits}",
        f"{KEY_VERSION}: {unit.version}",
    ]
    if unit.review_date:
        lines.append(f"{KEY_REVIEW_DATE}: {unit.review_date.isoformat()}")
    if unit.suggested_evidence:
        lines += [
            f"{KEY_EVIDENCE}: {line}" for line in unit.suggested_evidence.split("\n")
        ]
    block = "\n".join(lines)
    return f"{unit.purpose}\n\n{block}" if unit.purpose else block


def _scale_configuration() -> str:
    return json.dumps(
        [
            {"scaleid": "1"},
            {"id": 1, "scaledefault": 1, "proficient": 0},
            {"id": 2, "scaledefault": 0, "proficient": 1},
        ],
        separators=(",", ":"),
    )


def export_units(units, *, framework_idnumber: str, framework_shortname: str) -> str:
    """`units` as a Moodle competency framework CSV (comma-separated, as Moodle's)."""
    if hasattr(units, "prefetch_related"):
        units = units.prefetch_related("outcomes__criteria")
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    framework = [""] * len(HEADER)
    framework[COL_IDNUMBER] = framework_idnumber
    framework[COL_SHORTNAME] = framework_shortname
    framework[COL_FORMAT] = FORMAT_PLAIN
    framework[COL_SCALE_VALUES] = f"{gettext(SCALE_NOT_YET_MET)},{gettext(SCALE_MET)}"
    framework[COL_SCALE_CONFIG] = _scale_configuration()
    framework[COL_IS_FRAMEWORK] = 1
    framework[COL_TAXONOMY] = TAXONOMY
    writer.writerow([_cell(value) for value in framework])

    exported = 0

    def competency(parent, idnumber, shortname, description):
        nonlocal exported
        exported += 1
        row = [""] * len(HEADER)
        row[COL_PARENT] = parent
        row[COL_IDNUMBER] = idnumber
        row[COL_SHORTNAME] = shortname
        row[COL_DESCRIPTION] = description
        row[COL_FORMAT] = FORMAT_PLAIN
        row[COL_RULE_OUTCOME] = 0
        row[COL_RULE_CONFIG] = "null"
        row[COL_EXPORT_ID] = exported
        writer.writerow([_cell(value) for value in row])

    for unit in units:
        competency("", unit.code, unit.title, unit_description(unit))
        for outcome in sorted(unit.outcomes.all(), key=lambda o: o.number):
            outcome_id = f"{unit.code}.{outcome.number}"
            competency(unit.code, outcome_id, str(outcome.number), outcome.text)
            for criterion in sorted(outcome.criteria.all(), key=lambda c: c.number):
                competency(
                    outcome_id,
                    f"{outcome_id}.{criterion.number}",
                    f"{outcome.number}.{criterion.number}",
                    criterion.text,
                )
    return stream.getvalue()


# ---------------------------------------------------------------- import


class _Invalid(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class _Row:
    line: int
    parent: str
    idnumber: str
    shortname: str
    text: str
    children: list["_Row"] = field(default_factory=list)
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


def _decode(data) -> str:
    if isinstance(data, str):
        return data
    data = bytes(data)
    if len(data) > 4 * MAX_CHARACTERS:
        raise _Invalid([_error(ERR_TOO_LONG, line=1, limit=MAX_CHARACTERS)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Invalid([_error(ERR_NOT_UTF8, line=line)]) from None


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
            raise _Invalid(
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
        raise _Invalid([_error(ERR_FORMAT, line=line, value=value)])
    text = re.sub(r"<br\s*/?>", "\n", description, flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", "", text)
    return html.unescape(text).strip()


def _read_rows(text: str):
    """The framework row's (id number, shortname) and the competency rows."""
    if len(text) > MAX_CHARACTERS:
        raise _Invalid(
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
        raise _Invalid([_error(ERR_EMPTY_FILE, line=1)])
    line, cells = header
    if [_normalise_header(cell) for cell in cells] != _EXPECTED_HEADER:
        raise _Invalid([_error(ERR_HEADER, line=line, expected=", ".join(HEADER))])
    errors, rows, framework = [], [], None
    for count, (line, raw) in enumerate(records, start=1):
        if count > MAX_ROWS:
            raise _Invalid([_error(ERR_TOO_MANY_ROWS, line=line, limit=MAX_ROWS)])
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
        except _Invalid as exc:
            errors += exc.errors
            continue
        rows.append(
            _Row(
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


def _build_tree(framework_idnumber: str, rows: list[_Row]):
    """The top-level rows with their children, or errors."""
    errors, by_idnumber = [], {}
    for row in rows:
        if not row.idnumber:
            errors.append(_error(ERR_EMPTY_IDNUMBER, line=row.line))
        elif row.idnumber in by_idnumber:
            errors.append(
                _error(
                    ERR_DUPLICATE,
                    line=row.line,
                    idnumber=row.idnumber,
                    other=by_idnumber[row.idnumber].line,
                )
            )
        else:
            by_idnumber[row.idnumber] = row
        if not row.shortname.strip():
            errors.append(_error(ERR_EMPTY_SHORTNAME, line=row.line))
    roots = []
    for row in rows:
        if row.parent in ("", framework_idnumber):
            roots.append(row)
        elif row.parent not in by_idnumber:
            errors.append(_error(ERR_MISSING_PARENT, line=row.line, parent=row.parent))
        elif by_idnumber.get(row.idnumber) is row:
            by_idnumber[row.parent].children.append(row)
    reached = set()

    def walk(row, depth):
        row.depth = depth
        reached.add(id(row))
        for child in row.children:
            walk(child, depth + 1)

    for root in roots:
        walk(root, 1)
    for row in rows:
        if id(row) not in reached and _in_cycle(row, by_idnumber):
            errors.append(_error(ERR_CYCLE, line=row.line, idnumber=row.idnumber))
        elif row.depth > 3:
            errors.append(_error(ERR_TOO_DEEP, line=row.line, idnumber=row.idnumber))
    return roots, errors


def _in_cycle(row: _Row, by_idnumber: dict) -> bool:
    """Whether following `row`'s parents comes back to a row seen before.

    A chain that ends at a missing parent is not a cycle (that row has its error).
    """
    seen = set()
    while row.parent in by_idnumber and id(row) not in seen:
        seen.add(id(row))
        row = by_idnumber[row.parent]
    return id(row) in seen


_OUTCOME_LABEL = re.compile(r"^\s*(\d+)\s*\.?\s*$")
_CRITERION_LABEL = re.compile(r"^\s*(\d+)\.(\d+)\s*$")


def _number_from_idnumber(row: _Row) -> int | None:
    suffix = row.idnumber.removeprefix(row.parent + ".")
    if suffix != row.idnumber and suffix.isdigit():
        return int(suffix)
    return None


def _looks_like_criterion(row: _Row) -> bool:
    if _CRITERION_LABEL.match(row.shortname):
        return True
    suffix = row.idnumber.removeprefix(row.parent + ".")
    return suffix != row.idnumber and re.fullmatch(r"\d+\.\d+", suffix) is not None


def _numbered(parent: _Row, label: re.Pattern, group: int, errors: list):
    """(number, row) for each child of `parent`, numbers checked for repeats."""
    numbered, seen = [], set()
    for position, child in enumerate(parent.children, start=1):
        number = _number_from_idnumber(child)
        if number is None:
            match = label.match(child.shortname)
            number = int(match.group(group)) if match else 0
        if number < 1:
            number = position
        if number in seen:
            errors.append(
                _error(
                    ERR_NUMBER_TWICE,
                    line=child.line,
                    number=number,
                    parent=parent.idnumber,
                )
            )
        seen.add(number)
        numbered.append((number, child))
    return numbered


def _child_text(row: _Row, model, label: re.Pattern, errors: list) -> str:
    """An outcome's or criterion's text: its description, else its shortname."""
    text = row.text
    if not text.strip() and not label.match(row.shortname):
        text = row.shortname
    if not text.strip():
        errors.append(_error(ERR_NO_TEXT, line=row.line, idnumber=row.idnumber))
    _check_length(row, model, "text", text, errors)
    return text


def _split_unit_description(row: _Row, errors: list) -> dict:
    """purpose, level, credits, version, review date, suggested evidence."""
    text = row.text
    lines = text.split("\n")
    marker = None
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip() == UNIT_MARKER:
            marker = index
            break
    values = {"purpose": text, "suggested_evidence": ""}
    if marker is not None:
        # The export puts one blank line between the purpose and the marker.
        values["purpose"] = "\n".join(lines[:marker]).removesuffix("\n")
        evidence = []
        for line in lines[marker + 1 :]:
            if not line.strip():
                continue
            key, _sep, value = line.partition(":")
            key = key.strip()
            value = value.removeprefix(" ")
            if key == KEY_EVIDENCE:
                evidence.append(value)
            elif key in (KEY_LEVEL, KEY_CREDITS, KEY_VERSION, KEY_REVIEW_DATE):
                values[key] = value.strip()
            else:
                errors.append(_error(ERR_UNKNOWN_FIELD, line=row.line, field=key))
        values["suggested_evidence"] = "\n".join(evidence)

    level = values.get(KEY_LEVEL)
    if level is None:
        errors.append(_error(ERR_NO_LEVEL, line=row.line))
    else:
        normalised = level.lower().removeprefix("level").strip()
        if normalised not in Level.values:
            errors.append(
                _error(
                    ERR_UNKNOWN_LEVEL,
                    line=row.line,
                    value=level,
                    choices=", ".join(Level.values),
                )
            )
        values["level"] = normalised

    credits = values.get(KEY_CREDITS)
    if credits is None:
        errors.append(_error(ERR_NO_CREDITS, line=row.line))
    elif not (credits.isdigit() and 1 <= int(credits) <= MAX_CREDITS):
        errors.append(
            _error(ERR_CREDITS, line=row.line, value=credits, max=MAX_CREDITS)
        )
    else:
        values["credits"] = int(credits)

    version = values.get(KEY_VERSION)
    values["version"] = 1
    if version is not None:
        if version.isdigit() and 1 <= int(version) <= 32767:
            values["version"] = int(version)
        else:
            errors.append(_error(ERR_VERSION, line=row.line, value=version))

    review_date = values.get(KEY_REVIEW_DATE)
    values["review_date"] = None
    if review_date:
        try:
            values["review_date"] = datetime.date.fromisoformat(review_date)
        except ValueError:
            errors.append(_error(ERR_REVIEW_DATE, line=row.line, value=review_date))
    return values


def _check_length(row: _Row, model, field_name: str, value: str, errors: list):
    model_field = model._meta.get_field(field_name)
    if len(value) > model_field.max_length:
        errors.append(
            _error(
                ERR_VALUE_TOO_LONG,
                line=row.line,
                field=str(model_field.verbose_name),
                limit=model_field.max_length,
            )
        )


@dataclass
class _UnitPlan:
    row: _Row
    values: dict
    outcomes: list  # (number, text, [(number, text), ...])


def _plan(roots: list[_Row]) -> tuple[list[_UnitPlan], list[str]]:
    errors, plans = [], []
    for root in roots:
        _check_length(root, Unit, "code", root.idnumber, errors)
        _check_length(root, Unit, "title", root.shortname, errors)
        values = _split_unit_description(root, errors)
        outcomes = []
        for number, outcome_row in _numbered(root, _OUTCOME_LABEL, 1, errors):
            if _looks_like_criterion(outcome_row):
                errors.append(
                    _error(
                        ERR_CRITERION_WITHOUT_OUTCOME,
                        line=outcome_row.line,
                        idnumber=outcome_row.idnumber,
                        parent=root.idnumber,
                    )
                )
                continue
            text = _child_text(outcome_row, LearningOutcome, _OUTCOME_LABEL, errors)
            criteria = [
                (
                    criterion_number,
                    _child_text(row, AssessmentCriterion, _CRITERION_LABEL, errors),
                )
                for criterion_number, row in _numbered(
                    outcome_row, _CRITERION_LABEL, 2, errors
                )
            ]
            outcomes.append((number, text, criteria))
        plans.append(_UnitPlan(row=root, values=values, outcomes=outcomes))
    return plans, errors


def _create(plan: _UnitPlan) -> Unit:
    return unit_create_draft(
        code=plan.row.idnumber,
        version=plan.values["version"],
        title=plan.row.shortname,
        level=plan.values["level"],
        credits=plan.values["credits"],
        purpose=plan.values["purpose"],
        suggested_evidence=plan.values["suggested_evidence"],
        review_date=plan.values["review_date"],
        outcomes=plan.outcomes,
    )


def import_units(data: str | bytes) -> ImportResult:
    """Read a Moodle competency framework CSV and create its units as drafts.

    All or nothing: with any error, `errors` lists them ("Line N: …") and nothing
    is saved.
    """
    result = ImportResult()
    try:
        text = _decode(data)
        framework, rows, errors = _read_rows(text)
    except _Invalid as exc:
        result.errors = exc.errors
        return result
    result.framework_idnumber, result.framework_shortname = framework
    roots, tree_errors = _build_tree(framework[0], rows)
    errors += tree_errors
    if not errors:
        plans, errors = _plan(roots)
    if errors:
        result.errors = sorted(errors, key=_line_number)
        return result
    with transaction.atomic():
        for plan in plans:
            try:
                with transaction.atomic():
                    result.units.append(_create(plan))
            except IntegrityError:
                result.errors.append(
                    _error(ERR_CONFLICT, line=plan.row.line, code=plan.row.idnumber)
                )
        if result.errors:
            transaction.set_rollback(True)
            result.units = []
    return result


def _line_number(message: str) -> int:
    match = re.search(r"\d+", message)
    return int(match.group()) if match else 0
