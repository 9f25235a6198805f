"""Units in and out of Moodle as a competency framework (tool_lpimportcsv CSV).

The package: `spec` (columns, limits, metadata keys, messages), `export`
(`export_units`), `reading` (CSV text to rows) and `importer` (`import_units`).

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

from .export import export_units, unit_description
from .importer import import_units
from .spec import HEADER, MAX_CHARACTERS, ImportResult

__all__ = [
    "HEADER",
    "MAX_CHARACTERS",
    "ImportResult",
    "export_units",
    "import_units",
    "unit_description",
]
