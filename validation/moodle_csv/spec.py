"""The file format: columns, limits, metadata keys and the messages of an import."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..models import Unit

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
