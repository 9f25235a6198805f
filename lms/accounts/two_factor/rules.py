"""Who must use two-step sign-in, and who may reset someone else's."""

import rules

from ..rules import is_administrator, is_assessor, is_internal_verifier

# The roles that see other people's records or decide on them.
must_use_two_factor = is_administrator | is_assessor | is_internal_verifier

rules.add_perm("accounts.reset_two_factor", is_administrator)
