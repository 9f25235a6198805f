"""Reading a Moodle competency framework CSV into draft units: all or nothing,
with line-numbered errors."""

import datetime
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from ..models import AssessmentCriterion, LearningOutcome, Level, Unit
from ..services.units import unit_create_draft
from .reading import Invalid, Row, decode, read_rows
from .spec import (
    ERR_CONFLICT,
    ERR_CREDITS,
    ERR_CRITERION_WITHOUT_OUTCOME,
    ERR_CYCLE,
    ERR_DUPLICATE,
    ERR_EMPTY_IDNUMBER,
    ERR_EMPTY_SHORTNAME,
    ERR_MISSING_PARENT,
    ERR_NO_CREDITS,
    ERR_NO_LEVEL,
    ERR_NO_TEXT,
    ERR_NUMBER_TWICE,
    ERR_REVIEW_DATE,
    ERR_TOO_DEEP,
    ERR_UNKNOWN_FIELD,
    ERR_UNKNOWN_LEVEL,
    ERR_VALUE_TOO_LONG,
    ERR_VERSION,
    KEY_CREDITS,
    KEY_EVIDENCE,
    KEY_LEVEL,
    KEY_REVIEW_DATE,
    KEY_VERSION,
    MAX_CREDITS,
    UNIT_MARKER,
    ImportResult,
    _error,
)


def _build_tree(framework_idnumber: str, rows: list[Row]):
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


def _in_cycle(row: Row, by_idnumber: dict) -> bool:
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


def _number_from_idnumber(row: Row) -> int | None:
    suffix = row.idnumber.removeprefix(row.parent + ".")
    if suffix != row.idnumber and suffix.isdigit():
        return int(suffix)
    return None


def _looks_like_criterion(row: Row) -> bool:
    if _CRITERION_LABEL.match(row.shortname):
        return True
    suffix = row.idnumber.removeprefix(row.parent + ".")
    return suffix != row.idnumber and re.fullmatch(r"\d+\.\d+", suffix) is not None


def _numbered(parent: Row, label: re.Pattern, group: int, errors: list):
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


def _child_text(row: Row, model, label: re.Pattern, errors: list) -> str:
    """An outcome's or criterion's text: its description, else its shortname."""
    text = row.text
    if not text.strip() and not label.match(row.shortname):
        text = row.shortname
    if not text.strip():
        errors.append(_error(ERR_NO_TEXT, line=row.line, idnumber=row.idnumber))
    _check_length(row, model, "text", text, errors)
    return text


def _split_unit_description(row: Row, errors: list) -> dict:
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


def _check_length(row: Row, model, field_name: str, value: str, errors: list):
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
    row: Row
    values: dict
    outcomes: list  # (number, text, [(number, text), ...])


def _plan(roots: list[Row]) -> tuple[list[_UnitPlan], list[str]]:
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
        text = decode(data)
        framework, rows, errors = read_rows(text)
    except Invalid as exc:
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
