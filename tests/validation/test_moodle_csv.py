"""Units to and from Moodle's competency framework CSV (tool_lpimportcsv)."""

import csv
import datetime
import io

from django.core.management import CommandError, call_command
from django.utils import timezone, translation

import pytest

from tests.accounts.factories import UserFactory
from validation.models import (
    AssessmentCriterion,
    LearningOutcome,
    Level,
    Unit,
    UnitStatus,
)
from validation.moodle_csv import HEADER, export_units, import_units, reading, spec

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def make_unit(code="AM-01", *, version=1, outcomes=3, criteria=2, **fields):
    values = {
        "title": "Introduce a new colleague with adjustment needs",
        "level": Level.TWO,
        "credits": 3,
        "purpose": "The candidate can plan and carry out an introduction.",
        "suggested_evidence": "Witness statement\nObservation record",
        "review_date": datetime.date(2027, 6, 30),
    }
    values.update(fields)
    unit = Unit.objects.create(code=code, version=version, **values)
    for o in range(1, outcomes + 1):
        outcome = LearningOutcome.objects.create(
            unit=unit, number=o, text=f"Outcome {o} of {code}"
        )
        for c in range(1, criteria + 1):
            AssessmentCriterion.objects.create(
                outcome=outcome, number=c, text=f"Criterion {o}.{c}, with a comma"
            )
    return unit


def snapshot(unit):
    return {
        "code": unit.code,
        "title": unit.title,
        "level": unit.level,
        "credits": unit.credits,
        "purpose": unit.purpose,
        "suggested_evidence": unit.suggested_evidence,
        "review_date": unit.review_date,
        "outcomes": [
            (o.number, o.text, [(c.number, c.text) for c in o.criteria.all()])
            for o in unit.outcomes.order_by("number")
        ],
    }


def export(units):
    return export_units(
        units, framework_idnumber="OCN-AM", framework_shortname="Arbeidsplassmentor"
    )


def rows(text):
    return list(csv.reader(io.StringIO(text, newline="")))


# ------------------------------------------------------------------ export


def test_export_writes_moodles_header_framework_row_and_tree():
    make_unit(outcomes=2, criteria=2)
    table = rows(export(Unit.objects.all()))
    assert table[0] == HEADER
    framework = table[1]
    assert framework[:3] == ["", "OCN-AM", "Arbeidsplassmentor"]
    assert framework[5] == "Not yet met,Met"
    assert framework[6].startswith('[{"scaleid"')
    assert framework[12:] == ["1", "competency,outcome,indicator"]
    assert [row[:3] for row in table[2:]] == [
        ["", "AM-01", "Introduce a new colleague with adjustment needs"],
        ["AM-01", "AM-01.1", "1"],
        ["AM-01.1", "AM-01.1.1", "1.1"],
        ["AM-01.1", "AM-01.1.2", "1.2"],
        ["AM-01", "AM-01.2", "2"],
        ["AM-01.2", "AM-01.2.1", "2.1"],
        ["AM-01.2", "AM-01.2.2", "2.2"],
    ]
    assert table[3][3] == "Outcome 1 of AM-01"
    assert table[4][3] == "Criterion 1.1, with a comma"
    assert all(len(row) == len(HEADER) for row in table)
    assert all(row[12] == "" for row in table[2:])
    assert table[2][3] == (
        "The candidate can plan and carry out an introduction.\n\n[OCN unit]\n"
        "Level: 2\nCredits: 3\nVersion: 1\nReview date: 2027-06-30\n"
        "Suggested evidence: Witness statement\n"
        "Suggested evidence: Observation record"
    )


def test_export_neutralises_formula_cells_like_the_project_csv_writer():
    make_unit(title='=HYPERLINK("http://evil")', purpose="-1 +1", outcomes=1)
    LearningOutcome.objects.filter(number=1).update(text="@SUM(A1)")
    table = rows(export(Unit.objects.all()))
    unit_row, outcome_row = table[2], table[3]
    assert unit_row[2] == '\'=HYPERLINK("http://evil")'
    assert unit_row[3].startswith("'-1 +1")
    assert outcome_row[3] == "'@SUM(A1)"


# ------------------------------------------------------------------ round trip


def test_round_trip_is_lossless():
    units = [
        make_unit("AM-01", outcomes=3, criteria=2),
        make_unit(
            "AM-02",
            title="Follow up, and give feedback",
            level=Level.ENTRY,
            credits=1,
            purpose='Multi-line purpose,\nwith "quotes"; and æøå.\n\nSecond paragraph.',
            suggested_evidence="",
            review_date=None,
            outcomes=5,
            criteria=4,
        ),
        make_unit(
            "AM-03",
            title="-Work with NAV",
            level=Level.THREE,
            credits=12,
            purpose="",
            suggested_evidence="=not a formula\n\nReflective account: a page",
            outcomes=1,
            criteria=1,
        ),
    ]
    # A text that already starts with a quote and a trigger keeps its quote.
    LearningOutcome.objects.filter(unit=units[2]).update(text="'=already quoted")
    before = [snapshot(unit) for unit in units]
    text = export(Unit.objects.order_by("code"))
    Unit.objects.all().delete()

    result = import_units(text)

    assert result.ok, result.errors
    assert (result.framework_idnumber, result.framework_shortname) == (
        "OCN-AM",
        "Arbeidsplassmentor",
    )
    after = [snapshot(unit) for unit in Unit.objects.order_by("code")]
    assert after == before
    assert {(u.version, u.status) for u in Unit.objects.all()} == {(1, "draft")}
    # And exporting again gives the same file.
    assert export(Unit.objects.order_by("code")) == text


def test_round_trip_keeps_the_version_for_a_new_code():
    make_unit("AM-07", version=4)
    text = export(Unit.objects.all())
    Unit.objects.all().delete()
    assert import_units(text).ok
    assert Unit.objects.get().version == 4


def test_existing_code_gets_the_next_version_and_approved_unit_is_untouched():
    approved = make_unit("AM-01", outcomes=2)
    approved.status = UnitStatus.APPROVED
    approved.approved_by = UserFactory()
    approved.approved_at = timezone.now()
    approved.save()
    text = export(Unit.objects.all()).replace("Outcome 1 of AM-01", "Changed")

    result = import_units(text)

    assert result.ok, result.errors
    new = result.units[0]
    assert (new.code, new.version, new.status) == ("AM-01", 2, UnitStatus.DRAFT)
    assert new.previous == approved
    assert new.outcomes.get(number=1).text == "Changed"
    approved.refresh_from_db()
    assert approved.status == UnitStatus.APPROVED
    assert approved.outcomes.get(number=1).text == "Outcome 1 of AM-01"


# A file as Moodle's own tool_lpexportcsv writes it (quoted headers in Moodle's
# newer spelling, HTML descriptions, rule outcome 0, rule config "null", exported
# ids, "Is framework" empty for competencies) of a framework built in Moodle with
# two levels: units and their learning outcomes, typed as shortnames.
MOODLE_EXPORT = """\
"Parent ID number","ID number","Short name",Description,"Description format",\
"Scale values","Scale configuration","Rule type (optional)",\
"Rule outcome (optional)","Rule config (optional)",\
"Cross-referenced competency ID numbers","Exported ID (optional)",\
"Is framework",Taxonomy
,MENTOR-2026,"Mentor units","<p>Made in Moodle</p>",1,"Not yet competent,Competent",\
"[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,\
"competency,competency,competency,competency"
,NAV-1,"Working with NAV","<p>The candidate works with NAV &amp; the \
enterprises.</p><p>[OCN unit]<br>Level: 3<br>Credits: 2<br>Version: 1</p>",1,,,,0,\
null,,11,,
NAV-1,nav-contact,"Knows who to contact at NAV",,1,,,,0,null,,12,,
NAV-1,nav-plan,"Takes part in the activity plan","<p>Takes part in the \
candidate's activity plan</p>",1,,,,0,null,nav-contact,13,,
"""


def test_a_moodle_export_of_a_two_level_framework_imports():
    result = import_units(MOODLE_EXPORT.encode())

    assert result.ok, result.errors
    assert result.framework_idnumber == "MENTOR-2026"
    unit = Unit.objects.get()
    assert (unit.code, unit.title, unit.level, unit.credits) == (
        "NAV-1",
        "Working with NAV",
        Level.THREE,
        2,
    )
    assert unit.purpose == "The candidate works with NAV & the enterprises."
    assert [(o.number, o.text) for o in unit.outcomes.all()] == [
        (1, "Knows who to contact at NAV"),
        (2, "Takes part in the candidate's activity plan"),
    ]
    assert not AssessmentCriterion.objects.exists()


def test_semicolon_file_with_byte_order_mark_imports():
    make_unit(outcomes=1, criteria=1)
    table = rows(export(Unit.objects.all()))
    Unit.objects.all().delete()
    stream = io.StringIO()
    csv.writer(stream, delimiter=";").writerows(table)
    result = import_units(("\ufeff" + stream.getvalue()).encode())
    assert result.ok, result.errors
    assert Unit.objects.get().outcomes.get().criteria.get().label == "1.1"


def test_formula_looking_cells_are_stored_as_text():
    make_unit(outcomes=1, criteria=1)
    table = rows(export(Unit.objects.all()))
    Unit.objects.all().delete()
    table[2][2] = '=HYPERLINK("http://evil","x")'
    table[4][3] = "+cmd|' /C calc'!A0"
    result = import_units(to_csv(table))
    assert result.ok, result.errors
    unit = Unit.objects.get()
    assert unit.title == '=HYPERLINK("http://evil","x")'
    assert unit.outcomes.get().criteria.get().text == "+cmd|' /C calc'!A0"


# ------------------------------------------------------------------ bad files


def to_csv(table):
    stream = io.StringIO()
    csv.writer(stream, lineterminator="\n").writerows(table)
    return stream.getvalue()


@pytest.fixture
def table():
    """A good file as rows; nothing saved.

    Rows: 0 header, 1 framework, 2 unit AM-01, 3 outcome AM-01.1, 4-5 criteria,
    6 outcome AM-01.2, 7-8 criteria, 9 unit AM-02, … A unit's description spans
    several lines, so use `line_of` for the line in the file.
    """
    make_unit("AM-01", outcomes=2, criteria=2)
    make_unit("AM-02", outcomes=2, criteria=2)
    table = rows(export(Unit.objects.order_by("code")))
    Unit.objects.all().delete()
    return table


def line_of(table, index):
    """The line in the file where row `index` of `table` starts."""
    return to_csv(table[:index]).count("\n") + 1


def assert_refused(data, message):
    result = import_units(data)
    assert not result.ok
    assert message in result.errors, result.errors
    assert not result.units
    assert not Unit.objects.exists()
    assert not LearningOutcome.objects.exists()
    assert not AssessmentCriterion.objects.exists()


def description_with(table, index, old, new):
    table[index][3] = table[index][3].replace(old, new)


def err(message, **params):
    return str(message) % params


def test_wrong_header(table):
    table[0][2] = "Name"
    assert_refused(
        to_csv(table),
        err(spec.ERR_HEADER, line=1, expected=", ".join(HEADER)),
    )


def test_missing_parent(table):
    table[6][0] = "AM-09"  # line 7: outcome AM-01.2
    assert_refused(
        to_csv(table),
        err(spec.ERR_MISSING_PARENT, line=line_of(table, 6), parent="AM-09"),
    )


def test_duplicate_id_number(table):
    table[6][1] = "AM-01.1"  # line 7 repeats line 4
    assert_refused(
        to_csv(table),
        err(
            spec.ERR_DUPLICATE,
            line=line_of(table, 6),
            idnumber="AM-01.1",
            other=line_of(table, 3),
        ),
    )


def test_unknown_level(table):
    description_with(table, 9, "Level: 2", "Level: 7")
    assert_refused(
        to_csv(table),
        err(
            spec.ERR_UNKNOWN_LEVEL,
            line=line_of(table, 9),
            value="7",
            choices="entry, 1, 2, 3",
        ),
    )


def test_non_numeric_credits(table):
    description_with(table, 2, "Credits: 3", "Credits: three")
    assert_refused(
        to_csv(table),
        err(
            spec.ERR_CREDITS,
            line=line_of(table, 2),
            value="three",
            max=spec.MAX_CREDITS,
        ),
    )


def test_empty_shortname(table):
    table[4][2] = "  "  # a criterion
    assert_refused(to_csv(table), err(spec.ERR_EMPTY_SHORTNAME, line=line_of(table, 4)))


def test_criterion_without_outcome(table):
    table[7][0] = "AM-01"  # criterion AM-01.2.1 hung under the unit
    assert_refused(
        to_csv(table),
        err(
            spec.ERR_CRITERION_WITHOUT_OUTCOME,
            line=line_of(table, 7),
            idnumber="AM-01.2.1",
            parent="AM-01",
        ),
    )


def test_too_deep(table):
    table.append(["AM-01.1.1", "AM-01.1.1.1", "x", "x", "2"] + [""] * 9)
    assert_refused(
        to_csv(table),
        err(
            spec.ERR_TOO_DEEP,
            line=line_of(table, len(table) - 1),
            idnumber="AM-01.1.1.1",
        ),
    )


def test_parent_cycle(table):
    table[2][0] = "AM-01.1"  # unit AM-01 under its own outcome
    assert_refused(
        to_csv(table),
        err(spec.ERR_CYCLE, line=line_of(table, 2), idnumber="AM-01"),
    )


def test_no_framework_row(table):
    del table[1]
    assert_refused(to_csv(table), err(spec.ERR_NO_FRAMEWORK, line=2))


def test_wrong_number_of_columns(table):
    table[5] = table[5][:10]
    assert_refused(
        to_csv(table),
        err(spec.ERR_COLUMNS, line=line_of(table, 5), found=10, expected=14),
    )


def test_line_numbers_count_the_lines_of_multi_line_cells(table):
    # Line 1 header, 2 framework, 3-11 unit AM-01 (its description has 9 lines:
    # purpose, blank, marker, level, credits, version, review date, 2 evidence),
    # 12 outcome AM-01.1, 13-14 its criteria, 15 outcome AM-01.2.
    table[6][0] = "AM-09"
    assert_refused(to_csv(table), err(spec.ERR_MISSING_PARENT, line=15, parent="AM-09"))


def test_not_utf8(table):
    data = to_csv(table).encode()
    data = data.replace(b"Outcome 1 of AM-01", "Utfall på".encode("latin-1"))
    assert_refused(data, err(spec.ERR_NOT_UTF8, line=line_of(table, 3)))


def test_too_long(table):
    text = to_csv(table)
    text += "\n" * (spec.MAX_CHARACTERS - len(text) + 1)
    result = import_units(text)
    assert result.errors == [
        err(
            spec.ERR_TOO_LONG,
            line=text[: spec.MAX_CHARACTERS].count("\n") + 1,
            limit=spec.MAX_CHARACTERS,
        )
    ]
    assert "longer than 200000 characters" in result.errors[0]
    assert not Unit.objects.exists()


def test_too_many_rows(table, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    assert_refused(
        to_csv(table),
        err(spec.ERR_TOO_MANY_ROWS, line=line_of(table, 6), limit=5),
    )


def test_one_bad_unit_imports_nothing_of_the_good_ones(table):
    description_with(table, 9, "Credits: 3", "Credits: 0")
    result = import_units(to_csv(table))
    assert result.errors == [
        err(
            spec.ERR_CREDITS,
            line=line_of(table, 9),
            value="0",
            max=spec.MAX_CREDITS,
        )
    ]
    assert not Unit.objects.exists()


def test_errors_are_translated():
    with translation.override("nb"):
        result = import_units(b"")
        expected = str(spec.ERR_EMPTY_FILE) % {"line": 1}
    assert result.errors == [expected]
    assert expected == "Linje 1: filen er tom."


# ------------------------------------------------------------------ commands


def test_export_and_import_commands(tmp_path):
    make_unit("AM-01", outcomes=2, criteria=3)
    before = snapshot(Unit.objects.get())
    out = io.StringIO()
    call_command(
        "validation_export_units",
        "--idnumber",
        "OCN",
        "--shortname",
        "Mentor",
        stdout=out,
    )
    assert out.getvalue() == export_units(
        Unit.objects.all(), framework_idnumber="OCN", framework_shortname="Mentor"
    )
    path = tmp_path / "units.csv"
    call_command(
        "validation_export_units",
        "--idnumber",
        "OCN",
        "--shortname",
        "Mentor",
        "--output",
        str(path),
    )
    assert path.read_text(encoding="utf-8") == out.getvalue()
    Unit.objects.all().delete()

    out = io.StringIO()
    call_command("validation_import_units", str(path), stdout=out)

    assert "Imported 1 unit(s) as drafts." in out.getvalue()
    assert snapshot(Unit.objects.get()) == before


def test_import_command_reports_line_numbered_errors(tmp_path, table):
    table[6][0] = "AM-09"
    path = tmp_path / "bad.csv"
    path.write_text(to_csv(table), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("validation_import_units", str(path))
    assert err(spec.ERR_MISSING_PARENT, line=line_of(table, 6), parent="AM-09") in str(
        raised.value
    )
    assert not Unit.objects.exists()
