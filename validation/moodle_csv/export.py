"""Writing a unit set as a Moodle competency framework CSV."""

import csv
import io
import json

from django.utils.translation import gettext

from lms.csv_cells import FORMULA_TRIGGERS, neutralise_cell

from ..models import Unit
from .spec import (
    COL_DESCRIPTION,
    COL_EXPORT_ID,
    COL_FORMAT,
    COL_IDNUMBER,
    COL_IS_FRAMEWORK,
    COL_PARENT,
    COL_RULE_CONFIG,
    COL_RULE_OUTCOME,
    COL_SCALE_CONFIG,
    COL_SCALE_VALUES,
    COL_SHORTNAME,
    COL_TAXONOMY,
    FORMAT_PLAIN,
    HEADER,
    KEY_CREDITS,
    KEY_EVIDENCE,
    KEY_LEVEL,
    KEY_REVIEW_DATE,
    KEY_VERSION,
    SCALE_MET,
    SCALE_NOT_YET_MET,
    TAXONOMY,
    UNIT_MARKER,
)


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
