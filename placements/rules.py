"""Who may see and do what on a placement (object permissions through `rules`).

- The trainee sees and downloads everything about themselves, ticks the
  introduction, agrees to the work plan, answers evaluations and may withdraw
  consent to sharing with the firm.
- The firm's side (the placement's mentor and the firm's contacts) sees the
  firm's placements and keeps them (checklist, plan, evaluations, the end),
  but only while the trainee shares the record with the firm.
- Assessors see the validation case only (validation.rules), never the placement.
- Course leaders and programme owners see counts only (the results dashboard).
- Administrators see every placement (support), and change nothing in it.
"""

import rules

from lms.accounts.rules import is_administrator, is_firm_contact, is_firm_member


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def is_placement_trainee(user, placement) -> bool:
    return _active(user) and placement is not None and placement.trainee_id == user.pk


@rules.predicate
def is_shared_with_firm(_user, placement) -> bool:
    return placement is not None and placement.sharing_withdrawn_at is None


@rules.predicate
def is_placement_mentor(user, placement) -> bool:
    """The placement's mentor, while they still belong to the firm."""
    return (
        _active(user)
        and placement is not None
        and placement.mentor_id == user.pk
        and is_firm_member(user, placement.firm)
    )


@rules.predicate
def is_placement_firm_contact(user, placement) -> bool:
    return placement is not None and is_firm_contact(user, placement.firm)


@rules.predicate
def is_ended(_user, placement) -> bool:
    return placement is not None and placement.status == "ended"


# The firm's side, while the trainee shares the record with the firm.
is_placement_firm_side = (
    is_placement_mentor | is_placement_firm_contact
) & is_shared_with_firm

can_view_placement = is_placement_trainee | is_placement_firm_side | is_administrator

rules.add_perm("placements.view_placement", can_view_placement)
# Create a placement in a firm (with oneself or a colleague as mentor).
rules.add_perm("placements.add_placement", is_firm_member)
# The firm keeps the record (checklist, plan, evaluations, the end) until it ends.
rules.add_perm("placements.change_placement", is_placement_firm_side & ~is_ended)
# The trainee's own acts on the record.
rules.add_perm("placements.respond_placement", is_placement_trainee & ~is_ended)
rules.add_perm(
    "placements.withdraw_sharing", is_placement_trainee & is_shared_with_firm
)
rules.add_perm("placements.download_placement", is_placement_trainee)
