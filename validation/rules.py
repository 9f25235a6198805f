"""Who may do what on the validation side (object permissions through `rules`)."""

import rules

from lms.accounts.rules import is_administrator, is_programme_owner

# The panel that approves, versions and retires units: programme owners.
is_unit_panel = is_programme_owner | is_administrator

rules.add_perm("validation.decide_unit", is_unit_panel)
